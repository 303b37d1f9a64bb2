/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Writing one message's analysis record as tree items and expert infos, on any pass. */
#ifndef SA_PLUGIN_RENDER_H
#define SA_PLUGIN_RENDER_H

#include <epan/packet.h>

#include "analyzer.h"

/* parent: the SIP message's own item, or NULL when there is no tree (expert infos still count).
 * The record's forward-looking facts are shown only when pinfo->fd->visited. */
void sa_render_record(const struct sa_analyzer *an, const struct sa_record *r, packet_info *pinfo,
                      proto_item *parent);

#endif
