/* SPDX-License-Identifier: GPL-2.0-or-later */
/* "SIP Analysis": a postdissector that reads each SIP message once, on the first pass, analyses
 * it in src/ and writes the stored result on every pass (tshark, tshark -2, the GUI). */
#include "sip_analysis.h"

#include <string.h>

#include <epan/prefs.h>
#include <epan/tap.h>

#include "expert_gate.h"
#include "fields.h"
#include "render.h"
#include "sip_nodes.h"
#include "stats.h"

int proto_sip_analysis = -1;
int sa_tap = -1;
struct sa_prefs sa_prefs = { 200, 3000, TRUE, 2 };

static dissector_handle_t sa_handle;
static int proto_icmp = -1, proto_icmpv6 = -1;
static protocol_t *sa_protocol;
static struct sa_analyzer *analysis; /* of the open capture; lives in wmem file scope */

static void *file_alloc(void *ctx, size_t size)
{
    (void)ctx;
    return wmem_alloc0(wmem_file_scope(), size);
}

static void file_release(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)size;
    wmem_free(wmem_file_scope(), ptr);
}

static const struct sa_allocator file_allocator = { file_alloc, file_release, NULL };

static void sa_init(void)
{
    /* Read at each capture's start (enabling or disabling a protocol re-runs the init routines):
     * a disabled analysis keeps no state at all. */
    if (!proto_is_protocol_enabled(sa_protocol))
        return;
    /* A fresh hash key per capture (src/siphash.h): nobody can craft a capture against it. */
    struct sa_hash_key key;
    key.k0 = (uint64_t)g_random_int() << 32 | g_random_int();
    key.k1 = (uint64_t)g_random_int() << 32 | g_random_int();
    analysis = sa_analyzer_new(&file_allocator, &key);
    sa_expert_gate_init();
    /* Only the SIP protocol item is wanted: it makes Wireshark build a tree holding one "sip"
     * item per message. We read the message bytes ourselves rather than priming SIP header
     * fields, whose creation costs more than the whole analysis. */
    int proto_sip = proto_get_id_by_filter_name("sip");
    proto_icmp = proto_get_id_by_filter_name("icmp");
    proto_icmpv6 = proto_get_id_by_filter_name("icmpv6");
    sa_sip_nodes_set_protos(proto_sip, proto_icmp, proto_icmpv6);
    GArray *wanted = g_array_new(FALSE, FALSE, (guint)sizeof(int));
    if (proto_sip > 0)
        g_array_append_val(wanted, proto_sip);
    /* The ICMP item tells where a quoted packet's headers are (quoted_endpoints): wanted, so that
     * no first pass (the GUI's included) leaves it out. Frames without ICMP do not pay for it. */
    if (proto_icmp > 0)
        g_array_append_val(wanted, proto_icmp);
    if (proto_icmpv6 > 0)
        g_array_append_val(wanted, proto_icmpv6);
    set_postdissector_wanted_hfids(sa_handle, wanted);
}

static void sa_cleanup(void)
{
    analysis = NULL; /* its memory went with the file scope */
    set_postdissector_wanted_hfids(sa_handle, NULL);
}

/* The quoted packet's addresses and ports, read from its headers: after the dissection pinfo
 * holds the outer packet's addresses. The quote starts 8 bytes into the ICMP message (both ICMP
 * and ICMPv6 errors) and must be a UDP datagram whose payload starts where the SIP item does;
 * anything else leaves the quote unmatched (FALSE). */
static gboolean quoted_endpoints(proto_node *icmp, proto_item *sip, struct sa_packet *pkt,
                                 struct sa_icmp_error *err)
{
    field_info *ifi = icmp ? PNODE_FINFO(icmp) : NULL;
    field_info *sfi = sip ? PITEM_FINFO(sip) : NULL;
    if (!ifi || !sfi || !ifi->ds_tvb || ifi->ds_tvb != sfi->ds_tvb || ifi->start < 0)
        return FALSE;
    /* ICMP header (8), the quoted IPv4 header with options (up to 60) or IPv6 header (40), UDP (8):
     * copied once, then read from memory (tvb_get_guint8 is deprecated from Wireshark 4.6). */
    guint8 b[8 + 60 + 8];
    gint avail = tvb_captured_length_remaining(ifi->ds_tvb, ifi->start);
    gint n = avail < (gint)sizeof b ? avail : (gint)sizeof b;
    if (n < 9)
        return FALSE;
    tvb_memcpy(ifi->ds_tvb, b, ifi->start, (size_t)n);
    err->type = b[0];
    err->code = b[1];
    err->v6 = ifi->hfinfo->id == proto_icmpv6;
    const gint ip = 8;
    gint udp, addr_len, src_at, dst_at;
    if (b[ip] >> 4 == 4 && n >= ip + 20 && b[ip + 9] == 17) {
        udp = ip + (b[ip] & 0x0f) * 4;
        addr_len = 4, src_at = ip + 12, dst_at = ip + 16;
    } else if (b[ip] >> 4 == 6 && n >= ip + 40 && b[ip + 6] == 17) {
        udp = ip + 40;
        addr_len = 16, src_at = ip + 8, dst_at = ip + 24;
    } else {
        return FALSE;
    }
    if (udp < ip + 20 || n < udp + 8 || ifi->start + udp + 8 != sfi->start)
        return FALSE;
    pkt->src = (struct sa_endpoint){ .addr_len = (uint8_t)addr_len, .port = (uint16_t)(b[udp] << 8 | b[udp + 1]) };
    pkt->dst = (struct sa_endpoint){ .addr_len = (uint8_t)addr_len, .port = (uint16_t)(b[udp + 2] << 8 | b[udp + 3]) };
    memcpy(pkt->src.addr, b + src_at, (size_t)addr_len);
    memcpy(pkt->dst.addr, b + dst_at, (size_t)addr_len);
    return TRUE;
}

static const struct sa_record *analyse_icmp_quote(proto_node *icmp, const struct sa_packet *pkt, proto_item *sip)
{
    struct sa_message msg;
    struct sa_packet quoted = *pkt;
    struct sa_icmp_error err = { 0 };
    gboolean ok = sa_sip_node_parse(sip, &msg);
    /* Addresses unknown: the quote is still no traffic, but nothing is matched to it. */
    if (!quoted_endpoints(icmp, sip, &quoted, &err))
        ok = FALSE;
    return sa_analyzer_icmp_quote(analysis, &quoted, ok ? &msg : NULL, &err);
}

/* Returns the frame's first record (NULL if none could be stored). */
static const struct sa_record *analyse_first_pass(packet_info *pinfo, int64_t ts_ns, const struct sa_sip_nodes *nodes)
{
    struct sa_packet pkt;
    sa_packet_from_pinfo(pinfo, ts_ns, &pkt);
    proto_node *icmp = nodes->icmp;
    const struct sa_record *first = NULL;
    for (guint i = 0; i < nodes->count; i++) {
        const struct sa_record *r;
        if (icmp) {
            r = analyse_icmp_quote(icmp, &pkt, nodes->items[i]);
        } else {
            struct sa_message msg;
            gboolean ok = sa_sip_node_parse(nodes->items[i], &msg);
            r = sa_analyzer_message(analysis, &pkt, ok ? &msg : NULL);
        }
        first = first ? first : r;
    }
    return first;
}

static void queue_tap(packet_info *pinfo, const struct sa_record *r, int64_t ts_ns)
{
    if (!have_tap_listener(sa_tap))
        return;
    struct sa_tap_info *ti = wmem_new(pinfo->pool, struct sa_tap_info);
    ti->analysis = analysis;
    ti->record = r;
    ti->ts_ns = ts_ns;
    ti->visited = PINFO_FD_VISITED(pinfo);
    tap_queue_packet(sa_tap, pinfo, ti);
}

static int dissect_sip_analysis(tvbuff_t *tvb _U_, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    if (!analysis)
        return 0;
    gboolean visited = PINFO_FD_VISITED(pinfo);
    /* The frame's time, once: the analysis, the tree and the statistics all use it. */
    int64_t ts_ns = sa_time_from_parts(pinfo->abs_ts.secs, pinfo->abs_ts.nsecs);
    if (!visited)
        sa_analyzer_note_frame(analysis, pinfo->num, ts_ns);
    struct sa_sip_nodes nodes;
    sa_sip_nodes_collect(tree, &nodes);
    const struct sa_record *r = !visited && nodes.count ? analyse_first_pass(pinfo, ts_ns, &nodes) : NULL;
    if (!r) /* a revisit, or nothing new stored */
        r = sa_analyzer_first_record(analysis, pinfo->num);
    if (!r)
        return 0;

    /* The i-th record of the frame belongs to its i-th SIP message. Without a tree (a GUI retap)
     * the expert infos are still emitted, so the Expert Information dialog is complete.
     * Wireshark 4.6 primes the wanted "sip" item on the first pass only
     * (ws_compat.h, "Behaviour, not API"): on a revisit whose tree is not shown
     * (tshark -2 with -Y or -T fields, GUI filtering) the SIP items are faked and absent, so the
     * stored records go at the top of the tree, where filters and fields still find them. */
    proto_item *no_sip_item = visited ? tree : NULL;
    struct sa_seen seen;
    sa_render_seen(pinfo, tree, ts_ns, &seen);
    guint i = 0; /* most frames hold one message: its flag, not a call, says there is no next */
    for (; r; r = (r->flags & SA_REC_MORE_IN_FRAME) ? sa_analyzer_next_record(analysis, r) : NULL, i++) {
        sa_render_record(analysis, r, pinfo, i < nodes.count ? nodes.items[i] : no_sip_item, &seen);
        queue_tap(pinfo, r, ts_ns);
    }
    return tvb_captured_length(tvb);
}

/* Our preferences are typed as sip.analysis.<name> (-o, preferences file). Wireshark 4.0 finds a
 * preference's module by the text before the FIRST dot, which is the SIP dissector's module
 * "sip"; a module named "sip.analysis" is never reached from the command line. So they are
 * registered in the SIP module under the names "analysis.<name>", which makes
 * "sip.analysis.<name>" resolve, and they show on the SIP page of the preferences dialog. */
static void register_prefs(void)
{
    module_t *m = prefs_find_module("sip");
    if (!m)
        return; /* no SIP dissector: nothing to analyse either */
    prefs_register_uint_preference(m, "analysis.trying_delay_ms", "SIP Analysis: late 100 Trying threshold (ms)",
                                   "A 100 Trying later than this after the INVITE is flagged "
                                   "(RFC 3261 17.2.1: 200 ms); so is a first response later than this without any 100",
                                   10, &sa_prefs.trying_delay_ms);
    prefs_register_uint_preference(m, "analysis.trying_duration_ms",
                                   "SIP Analysis: long time on 100 Trying threshold (ms)",
                                   "A transaction that stays on 100 Trying longer than this before its next "
                                   "response is flagged",
                                   10, &sa_prefs.trying_duration_ms);
    prefs_register_bool_preference(m, "analysis.show_code_details", "SIP Analysis: explain response codes",
                                   "Show what each response code means, when it is usually seen, what to do "
                                   "about it and its RFC, in a subtree",
                                   &sa_prefs.show_code_details);
    prefs_register_uint_preference(m, "analysis.challenge_loop_limit",
                                   "SIP Analysis: challenge loop limit",
                                   "A series of 401/407 challenges, each answering the client's retry with "
                                   "credentials, is a Note up to this many challenges and a Warning beyond "
                                   "(sip.analysis.auth.loop_limit)",
                                   10, &sa_prefs.challenge_loop_limit);
}

void proto_register_sip_analysis(void)
{
    proto_sip_analysis = proto_register_protocol("SIP Analysis", "SIP Analysis", "sip.analysis");
    sa_register_fields(proto_sip_analysis);
    sa_render_init();
    sa_protocol = find_protocol_by_id(proto_sip_analysis);
    sa_handle = register_dissector("sip.analysis", dissect_sip_analysis, proto_sip_analysis);
    register_postdissector(sa_handle);
    sa_tap = register_tap("sip.analysis");
    sa_stats_register();
    register_init_routine(sa_init);
    register_cleanup_routine(sa_cleanup);
}

void proto_reg_handoff_sip_analysis(void)
{
    register_prefs(); /* the SIP module exists once every protocol is registered */
}
