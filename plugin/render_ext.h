/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SA_PLUGIN_RENDER_EXT_H
#define SA_PLUGIN_RENDER_EXT_H

#include <epan/packet.h>

struct sa_ext;

/* parent: our subtree (or NULL without a tree); anchor: where expert infos hang. */
void sa_render_ext(const struct sa_ext *e, packet_info *pinfo, proto_tree *parent, proto_item *anchor,
                   tvbuff_t *tvb, gint start);

#endif
