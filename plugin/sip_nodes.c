/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "sip_nodes.h"

#include <string.h>

#include "compiler.h"

static int proto_sip = -1, proto_icmp = -1, proto_icmpv6 = -1;

void sa_sip_nodes_set_protos(int sip, int icmp, int icmpv6)
{
    proto_sip = sip;
    proto_icmp = icmp;
    proto_icmpv6 = icmpv6;
}

/* Past the fixed array: moves the items to packet-scope memory twice the size (linear cost in
 * all, and nothing to free: the memory goes with the packet). */
static SA_NOINLINE void grow(proto_tree *tree, struct sa_sip_nodes *out, guint *cap)
{
    guint n = *cap * 2;
    /* the packet's own pool (wmem_packet_scope() is gone from newer Wireshark releases) */
    proto_item **items = wmem_alloc_array(PNODE_POOL(tree), proto_item *, n);
    memcpy(items, out->items, out->count * sizeof *items);
    out->items = items;
    *cap = n;
}

struct collect_state {
    proto_tree *tree;
    struct sa_sip_nodes *out;
    guint cap;
};

/* One look at each child: a SIP message, or the ICMP error that may quote one. */
static void note_item(proto_node *node, gpointer data)
{
    struct collect_state *st = data;
    field_info *fi = PNODE_FINFO(node);
    if (!fi || !fi->hfinfo)
        return;
    int id = fi->hfinfo->id;
    if (id == proto_sip) {
        if (G_UNLIKELY(st->out->count == st->cap))
            grow(st->tree, st->out, &st->cap);
        st->out->items[st->out->count++] = node;
    } else if ((id == proto_icmp || id == proto_icmpv6) && !st->out->icmp) {
        st->out->icmp = node;
    }
}

static void collect_children(proto_tree *tree, struct sa_sip_nodes *out)
{
    struct collect_state st = { tree, out, SA_MAX_SIP_PER_FRAME };
    proto_tree_children_foreach(tree, note_item, &st);
}

void sa_sip_nodes_collect(proto_tree *tree, struct sa_sip_nodes *out)
{
    out->count = 0;
    out->items = out->fixed;
    out->icmp = NULL;
    if (!tree || proto_sip <= 0)
        return;
    collect_children(tree, out);
    /* Wireshark 4.0 puts SIP quoted in an ICMP error at the top of the tree, 4.4 and later
     * inside the ICMP item: look there when the top has none. */
    if (!out->count && out->icmp)
        collect_children(out->icmp, out);
}

gboolean sa_sip_node_parse(proto_item *item, struct sa_message *msg)
{
    field_info *fi = PITEM_FINFO(item);
    if (!fi || !fi->ds_tvb || fi->start < 0)
        return FALSE;
    /* The plain lengths, not the *_remaining() calls: those check the offset the hard way. */
    gint captured = (gint)tvb_captured_length(fi->ds_tvb);
    if (fi->start >= captured)
        return FALSE;
    gint avail = captured - fi->start;
    gint reported = (gint)tvb_reported_length(fi->ds_tvb) - fi->start;
    /* Cut by the snapshot length: the message runs into the end of what was captured. */
    gboolean truncated = reported > avail && (fi->length <= 0 || fi->length >= avail);
    gint len = fi->length > 0 && fi->length < avail ? fi->length : avail;
    const char *bytes = (const char *)tvb_get_ptr(fi->ds_tvb, fi->start, len);
    sa_message_parse(bytes, (size_t)len, msg);
    if (truncated)
        msg->flags |= SA_MSG_TRUNCATED;
    return TRUE;
}

/* Runs twice per message: IPv4 and IPv6 addresses take fixed-size copies (a few instructions),
 * anything else the general copy; one out-of-line copy of it serves both addresses, so the path
 * stays small in the instruction cache (inlined twice it was 554 bytes). */
static SA_NOINLINE void endpoint_from(const address *addr, guint32 port, struct sa_endpoint *ep)
{
    *ep = (struct sa_endpoint){ .port = (uint16_t)port };
    int len = addr->data && addr->len > 0 ? addr->len : 0;
    if (len > (int)sizeof ep->addr)
        len = (int)sizeof ep->addr;
    if (len == 4)
        memcpy(ep->addr, addr->data, 4);
    else if (len == 16)
        memcpy(ep->addr, addr->data, 16);
    else if (len > 0)
        memcpy(ep->addr, addr->data, (size_t)len);
    ep->addr_len = (uint8_t)len;
}

void sa_packet_from_pinfo(const packet_info *pinfo, int64_t ts_ns, struct sa_packet *pkt)
{
    pkt->frame = pinfo->num;
    pkt->ts_ns = ts_ns;
    endpoint_from(&pinfo->src, pinfo->srcport, &pkt->src);
    endpoint_from(&pinfo->dst, pinfo->destport, &pkt->dst);
}
