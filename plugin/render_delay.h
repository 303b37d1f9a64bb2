/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SA_PLUGIN_RENDER_DELAY_H
#define SA_PLUGIN_RENDER_DELAY_H

#include <epan/packet.h>

struct sa_call_delay;

/* What a response ends of its call's delays (RFC 6076): a "Call delays" subtree with the SRD,
 * whether it was a failed setup's, the setup's outcome and the INVITE they started from, the
 * SDD and its BYE. parent: our subtree (nothing without one: these are fields only). */
void sa_render_delay(const struct sa_call_delay *d, proto_tree *parent, tvbuff_t *tvb, gint start);

#endif
