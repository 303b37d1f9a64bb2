/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SA_PLUGIN_RENDER_CAUSE_H
#define SA_PLUGIN_RENDER_CAUSE_H

#include <epan/packet.h>

struct sa_cause;

/* The Reason and Warning values of a message (and, on a 487, what its CANCEL said): a finding
 * for each malformed kind, then a "Cause" subtree. parent: our subtree (or NULL without a tree);
 * anchor: where expert infos hang. */
void sa_render_cause(const struct sa_cause *c, packet_info *pinfo, proto_tree *parent, proto_item *anchor,
                     tvbuff_t *tvb, gint start);

/* Appends "; Reason Q.850 17 User busy" (the main reason, or on a 487 the CANCEL's) to an
 * expert text of size bytes that holds len: how a failure names its cause. */
void sa_cause_append_summary(const struct sa_cause *c, char *text, size_t size);

#endif
