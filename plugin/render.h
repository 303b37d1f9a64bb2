/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Writing one message's analysis record as tree items and expert infos, on any pass. */
#ifndef SA_PLUGIN_RENDER_H
#define SA_PLUGIN_RENDER_H

#include <epan/packet.h>

#include "analyzer.h"

/* Works out what render needs from the registered expert infos; call once, after registering them. */
void sa_render_init(void);

/* Who can see a frame's annotations, worked out once per frame. */
struct sa_seen {
    gboolean experts_observed; /* sa_experts_observed(): every expert info of the frame counts */
    gboolean fields;           /* a field may be seen: the tree is shown, or one of ours (or the
                                  protocol itself) is asked for; each record asks about its own */
    proto_tree *tree;          /* the frame's tree, or NULL */
    int64_t now;               /* the frame's time (sa_time.h), converted once per frame */
};

/* tree: the frame's tree, or NULL; now: the frame's time (sa_time.h). */
void sa_render_seen(packet_info *pinfo, proto_tree *tree, int64_t now, struct sa_seen *out);

/* parent: the SIP message's own item, or NULL when there is no tree (expert infos still count).
 * The record's forward-looking facts are shown only when pinfo->fd->visited. When nothing below
 * the item can be seen (no field can be, the expert infos are not observed, and none of the
 * record's could raise the capture's highest severity: tshark -Y sip.analysis, -w with a filter),
 * only the item is added. */
void sa_render_record(const struct sa_analyzer *an, const struct sa_record *r, packet_info *pinfo,
                      proto_item *parent, const struct sa_seen *seen);

#endif
