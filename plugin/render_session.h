/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SA_PLUGIN_RENDER_SESSION_H
#define SA_PLUGIN_RENDER_SESSION_H

#include <epan/packet.h>

struct sa_session;

/* The session-timer analysis of a 422, of the retry after one, or of a request whose
 * Session-Expires or Min-SE is wrong: its findings first, then a "Session timer" subtree.
 * parent: our subtree (or NULL without a tree); anchor: where expert infos hang. What follows the
 * 422 (its retry, or none) is shown on revisits only. */
void sa_render_session(const struct sa_session *s, packet_info *pinfo, proto_tree *parent, proto_item *anchor,
                       tvbuff_t *tvb, gint start);

#endif
