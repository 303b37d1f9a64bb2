/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "expert_gate.h"

#include <epan/tap.h>

static int expert_tap = -1;
/* Severities of the plugin's expert infos, by expert index: they are registered in one array, so
 * their indexes are consecutive from sa_expert_first_ei_ (read inline by expert_gate.h). */
int sa_expert_first_ei_ = -1;
const int *sa_expert_severities_;
size_t sa_expert_severity_count_;
int sa_expert_max_severity_ = PI_ERROR; /* until registered: as if any could raise the status bar */
static int *severities;
static int proto_ws_expert = -1; /* "_ws.expert" */

void sa_expert_gate_register(const ei_register_info *infos, size_t count)
{
    int lo = -1, hi = -1;
    for (size_t i = 0; i < count; i++) {
        int e = infos[i].ids->ei;
        if (e < 0)
            continue;
        lo = lo < 0 || e < lo ? e : lo;
        hi = e > hi ? e : hi;
    }
    if (lo < 0)
        return;
    g_free(severities);
    size_t n = (size_t)(hi - lo) + 1;
    severities = g_new(int, n);
    for (size_t i = 0; i < n; i++)
        severities[i] = PI_ERROR; /* a gap: treat as the most visible */
    int max = 0;
    for (size_t i = 0; i < count; i++) {
        if (infos[i].ids->ei >= 0) {
            severities[infos[i].ids->ei - lo] = infos[i].eiinfo.severity;
            max = infos[i].eiinfo.severity > max ? infos[i].eiinfo.severity : max;
        }
    }
    sa_expert_max_severity_ = max;
    sa_expert_severities_ = severities;
    sa_expert_severity_count_ = n;
    sa_expert_first_ei_ = lo;
}

void sa_expert_gate_init(void)
{
    expert_tap = find_tap_id("expert");
    proto_ws_expert = proto_get_id_by_filter_name("_ws.expert");
}

gboolean sa_experts_observed(packet_info *pinfo, proto_tree *tree)
{
    /* Columns are filled: the GUI's packet list (its status bar shows the highest severity) or
     * tshark printing summary lines, either of which may show the Expert column. */
    if (pinfo->cinfo)
        return TRUE;
    /* Unknown tap or protocol: assume someone looks rather than lose expert infos. */
    if (expert_tap < 0 || proto_ws_expert <= 0 || have_tap_listener(expert_tap))
        return TRUE;
    /* True when the tree is visible (tshark -V, -T pdml/json/fields, the details pane), and when
     * a filter or field extractor references _ws.expert or any of its fields (message, severity,
     * group): priming a field marks its protocol as referenced too. */
    return proto_field_is_referenced(tree, proto_ws_expert);
}
