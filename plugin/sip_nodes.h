/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Finding the SIP messages of a frame in the protocol tree, and reading one into the analysis. */
#ifndef SA_PLUGIN_SIP_NODES_H
#define SA_PLUGIN_SIP_NODES_H

#include <epan/packet.h>

#include "analyzer.h"

/* Messages of a frame found without allocating; a frame with more (a TCP segment full of small
 * requests) moves them to packet-scope memory, doubling it as needed. */
#define SA_MAX_SIP_PER_FRAME 64

struct sa_sip_nodes {
    guint count;
    proto_item **items; /* fixed, or packet-scope memory once there are more: use in place */
    proto_item *fixed[SA_MAX_SIP_PER_FRAME];
    proto_node *icmp; /* the frame's ICMP or ICMPv6 item, if any: its SIP is a quote, not traffic */
};

void sa_sip_nodes_set_protos(int proto_sip, int proto_icmp, int proto_icmpv6);
/* Collects the top-level "sip" items of the frame in order, all of them (the SIP dissector adds
 * one per message, even in a tree that is not visible, so several messages in one TCP segment
 * stay apart), and the ICMP item of an ICMP error with the SIP it quotes (the ICMP item is a
 * wanted field, so it is in every tree that holds the SIP items). */
void sa_sip_nodes_collect(proto_tree *tree, struct sa_sip_nodes *out);
/* Parses the bytes of one SIP item; false when the bytes cannot be reached. */
gboolean sa_sip_node_parse(proto_item *item, struct sa_message *msg);
void sa_packet_from_pinfo(const packet_info *pinfo, int64_t ts_ns, struct sa_packet *pkt);

#endif
