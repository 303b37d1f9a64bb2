/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Whether an expert info would be seen by anyone, so the hot path can skip unseen ones.
 *
 * An expert info costs about 2 000 instructions even when nothing shows it: Wireshark formats
 * its text, updates the Expert column and builds (fake) tree items before it looks at who is
 * listening. Two per response (class and outcome) cost tshark more than our whole analysis.
 * Wireshark fakes tree items nobody references; this does the same for expert infos: they are
 * added whenever a tree is shown, columns are filled (GUI packet list, Expert column), the
 * "expert" tap listens (Expert Information dialog, tshark -z expert), or a filter or field
 * extractor references the expert info itself or any _ws.expert field. One more observer needs
 * every expert info that would raise it: the highest severity of the capture, which the GUI's
 * status bar shows; so an expert info above the highest severity seen so far is always added. */
#ifndef SA_PLUGIN_EXPERT_GATE_H
#define SA_PLUGIN_EXPERT_GATE_H

#include <epan/expert.h>
#include <epan/packet.h>

/* Notes the severity of each of the plugin's expert infos; call once, after registering them. */
void sa_expert_gate_register(const ei_register_info *infos, size_t count);
/* Looks up the expert tap and _ws.expert; call at each capture's start (registration complete). */
void sa_expert_gate_init(void);
/* The registered severity of one of the plugin's expert infos (PI_ERROR if unknown). */
extern int sa_expert_first_ei_;
extern const int *sa_expert_severities_;
extern size_t sa_expert_severity_count_;
static inline int sa_expert_severity(const expert_field *ei)
{
    size_t i = (size_t)ei->ei - (size_t)sa_expert_first_ei_;
    return sa_expert_first_ei_ >= 0 && ei->ei >= sa_expert_first_ei_ && i < sa_expert_severity_count_
               ? sa_expert_severities_[i]
               : PI_ERROR;
}

/* The highest severity among the plugin's expert infos. */
extern int sa_expert_max_severity_;
static inline int sa_expert_max_severity(void)
{
    return sa_expert_max_severity_;
}

/* Whether every expert info of this frame is observed anyway (the frame-wide conditions).
 * tree: any node of the frame's tree, or NULL. */
gboolean sa_experts_observed(packet_info *pinfo, proto_tree *tree);

/* Whether this one expert info is observed: frame-wide, by the capture's highest severity
 * (highest: expert_get_highest_severity() at the frame's start), or its own field is referenced
 * (tree NULL: none of the plugin's fields is asked for, its expert infos' included). */
static inline gboolean sa_expert_wanted(gboolean frame_observed, int highest, proto_tree *tree,
                                        const expert_field *ei)
{
    return frame_observed || sa_expert_severity(ei) > highest ||
           (tree && ei->hf > 0 && proto_field_is_referenced(tree, ei->hf));
}

#endif
