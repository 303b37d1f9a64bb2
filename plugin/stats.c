/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "SIP Analysis" statistic (see stats.h): a stats_tree over the records the postdissector
 * puts on the sip.analysis tap, one per SIP message. Needs sa_stats_register() called from
 * proto_register_sip_analysis() and struct sa_tap_info.visited set by queue_tap() (announced by
 * SA_TAP_INFO_VISITED in sip_analysis.h; without it everything is counted as in one pass).
 *
 * Counting rules, so every number equals what -Y on the per-packet fields counts:
 *   - responses that are retransmissions (sip.analysis.retransmission_of) are skipped, and so
 *     are requests that are; nothing is counted for bytes that were not SIP;
 *   - "Delay INVITE -> 100" takes the first 100 of each INVITE transaction
 *     (sip.analysis.trying.delay), "Time on 100" the response that ended the wait
 *     (sip.analysis.trying.duration on the frame carrying sip.analysis.trying.frame);
 *   - the "Over N ms" counts use the same test as the expert infos (strictly above the
 *     sip.analysis.trying_delay_ms / trying_duration_ms preference);
 *   - what is only known at the end of the capture (stuck on 100, 420/421 retried or not) is
 *     counted only when the message was rendered on a revisit (tshark -2, the GUI): 0 in one
 *     pass, like the fields;
 *   - a hop is "client:port -> server:port" in the request's direction; under the root every
 *     node is made up front (absent things show 0), under a hop only what occurs.
 *
 * stats_tree has no median or percentile, and a node's name cannot change once made, so each
 * time series keeps its values in two heaps per percentile (nearest-rank: the smallest value
 * with at least p% of the values at or below it; for an even count the median is the lower
 * middle value) and writes min, median, 95th percentile and max as the Count of fixed nodes
 * under "Values in us (Count column)", in whole microseconds (negative times as 0). That group's
 * own Count is 0, so the Percent column stays empty for the values; their Rate column means
 * nothing. docs/packet-review.md describes the table for its readers. */
#include "stats.h"

#include <stdio.h>
#include <string.h>

#include <epan/address_types.h>
#include <epan/packet.h>
#include <epan/stat_tap_ui.h>
#include <epan/stats_tree.h>
#include <epan/stats_tree_priv.h>
#include <epan/tap.h>
#include <epan/to_str.h>
#include <wsutil/report_message.h>

#include "extension_check.h"
#include "sip_analysis.h"
#include "status_class.h"
#include "tag_list.h"
#include "txn_key.h"
#include "ws_compat.h"

#define ST_ABBR "sip.analysis"        /* stats_tree's own -z name is ST_ABBR ",tree" */
#define ST_CLI "sip.analysis,stat"    /* and this one is ours */
#define ST_NAME "SIP Analysis"        /* window title, and Statistics > SIP Analysis */

/* Top-level nodes and their per-hop counterparts: different names, because stats_tree finds the
 * children of its root by name in one table shared with every node that has children. */
#define N_CLASSES "Responses by class (retransmissions not counted)"
#define N_TRYING "100 Trying timers (INVITE transactions answered)"
#define N_420 "420 Bad Extension (retransmissions not counted)"
#define N_421 "421 Extension Required (retransmissions not counted)"
#define N_HOPS "Per hop (request direction)"
#define N_HOP_CLASSES "Responses by class"
#define N_HOP_TRYING "100 Trying timers"
#define N_HOP_420 "420 Bad Extension"
#define N_HOP_421 "421 Extension Required"
#define N_HOP_FAILURES "Failures (4xx-6xx)"

#define N_INVALID "Invalid status code (not 100-699)"
#define N_DELAY "Delay INVITE -> 100"
#define N_ON100 "Time on 100 until the next response"
#define N_STUCK "Stuck on 100 to the end (two passes only)"
#define N_ENDED "Ended by 408/487 after the 100"
#define N_ENDED_408 "408 Request Timeout"
#define N_ENDED_487 "487 Request Terminated"
#define N_NO100 "No 100 before the first response"
#define N_VALUES "Values in us (Count column)"
#define N_MIN "Percentile   0 (min)"
#define N_MEDIAN "Percentile  50 (median)"
#define N_P95 "Percentile  95"
#define N_MAX "Percentile 100 (max)"
#define N_MISSING "Missing option tag"
#define N_NOT_MISSING "No missing tag found"
#define N_UNSUPPORTED "Unsupported option tag"
#define N_NO_UNSUPPORTED "No Unsupported header"
#define N_RETRIED "Retried (two passes only)"
#define N_NOT_RETRIED "Not retried (two passes only)"
#define N_RETRY_FIXES "Retry fixes it"
#define N_RETRY_FAILS "Retry does not fix it"

/* ---- Nearest-rank percentile of a growing set, O(log n) per value ---- */

/* A binary min-heap of gint64 in a GArray. */
static void heap_push(GArray *h, gint64 v)
{
    g_array_append_val(h, v);
    gint64 *a = &g_array_index(h, gint64, 0);
    guint i = h->len - 1;
    while (i > 0) {
        guint up = (i - 1) / 2;
        if (a[up] <= a[i])
            break;
        gint64 t = a[up];
        a[up] = a[i];
        a[i] = t;
        i = up;
    }
}

static gint64 heap_top(const GArray *h)
{
    return g_array_index(h, gint64, 0);
}

static gint64 heap_pop(GArray *h)
{
    gint64 *a = &g_array_index(h, gint64, 0);
    gint64 top = a[0];
    guint n = h->len - 1;
    a[0] = a[n];
    g_array_set_size(h, n);
    a = n ? &g_array_index(h, gint64, 0) : NULL;
    guint i = 0;
    for (;;) {
        guint l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && a[l] < a[m])
            m = l;
        if (r < n && a[r] < a[m])
            m = r;
        if (m == i)
            break;
        gint64 t = a[m];
        a[m] = a[i];
        a[i] = t;
        i = m;
    }
    return top;
}

/* lo holds the ceil(n * p / 100) smallest values, negated (a max-heap), hi the others; every
 * value of lo is <= every value of hi, so the percentile is the largest value of lo. */
struct percentile {
    GArray *lo, *hi;
    guint p;
};

static void percentile_init(struct percentile *q, guint p)
{
    q->lo = g_array_new(FALSE, FALSE, sizeof(gint64));
    q->hi = g_array_new(FALSE, FALSE, sizeof(gint64));
    q->p = p;
}

static void percentile_free(struct percentile *q)
{
    if (q->lo)
        g_array_free(q->lo, TRUE);
    if (q->hi)
        g_array_free(q->hi, TRUE);
    q->lo = q->hi = NULL;
}

/* Adds v, the n-th value; returns the percentile of all n. */
static gint64 percentile_add(struct percentile *q, gint64 v, guint64 n)
{
    if (q->lo->len && v <= -heap_top(q->lo))
        heap_push(q->lo, -v);
    else
        heap_push(q->hi, v);
    guint64 k = (n * q->p + 99) / 100;
    while (q->lo->len > k)
        heap_push(q->hi, -heap_pop(q->lo));
    while (q->lo->len < k && q->hi->len)
        heap_push(q->lo, -heap_pop(q->hi));
    return -heap_top(q->lo);
}

/* ---- Per-tree state ---- */

/* The values of one time series (INVITE -> 100 delay or time on 100) of one section. */
struct series {
    guint64 n;
    gint64 min, max;
    struct percentile p50, p95;
};

/* One section: the whole capture (under the root, every node made up front so that absent
 * things show as 0) or one hop (nodes made when first counted, to keep the list short). */
struct section {
    int parent; /* root (0) or the hop's node */
    const char *classes_name, *trying_name, *ext421_name, *ext420_name;
    struct series delay, on100;
};

struct tree_state {
    struct section all;
    int hops_node;
    GHashTable *hops; /* "a:p -> b:q" -> struct section */
    gint64 delay_limit_ns, on100_limit_ns;
    char *over_delay, *over_on100; /* "Over 200 ms (...)", with the preference's value */
};

/* stats_tree has no pointer for its users (st->pr belongs to the frontend): trees find their state here. */
static GHashTable *tree_states; /* stats_tree * -> struct tree_state */

static void section_init(struct section *s, int parent, gboolean top)
{
    s->parent = parent;
    s->classes_name = top ? N_CLASSES : N_HOP_CLASSES;
    s->trying_name = top ? N_TRYING : N_HOP_TRYING;
    s->ext421_name = top ? N_421 : N_HOP_421;
    s->ext420_name = top ? N_420 : N_HOP_420;
    struct series *se[2] = { &s->delay, &s->on100 };
    for (int i = 0; i < 2; i++) {
        se[i]->n = 0;
        percentile_init(&se[i]->p50, 50);
        percentile_init(&se[i]->p95, 95);
    }
}

static void section_free(struct section *s)
{
    percentile_free(&s->delay.p50);
    percentile_free(&s->delay.p95);
    percentile_free(&s->on100.p50);
    percentile_free(&s->on100.p95);
}

static void hop_free(gpointer p)
{
    section_free(p);
    g_free(p);
}

static void state_clear(struct tree_state *ts)
{
    section_free(&ts->all);
    if (ts->hops)
        g_hash_table_destroy(ts->hops);
    g_free(ts->over_delay);
    g_free(ts->over_on100);
    memset(ts, 0, sizeof *ts);
}

static void state_free(gpointer p)
{
    struct tree_state *ts = p;
    state_clear(ts);
    g_free(ts);
}

/* ---- Nodes ----
 * Nodes are found by name under their parent's id; a node that will have children must be made
 * "with children" (it then keeps its own name table). tick() adds 1, touch() only finds or makes
 * the node; both return its id. */

static int tick(stats_tree *st, const char *name, int parent, gboolean with_children)
{
    return stats_tree_manip_node_int(MN_INCREASE, st, name, parent, with_children, 1);
}

static int touch(stats_tree *st, const char *name, int parent, gboolean with_children)
{
    return stats_tree_manip_node_int(MN_INCREASE, st, name, parent, with_children, 0);
}

static int add_node(stats_tree *st, const char *name, int parent, gboolean with_children)
{
    return stats_tree_create_node(st, name, parent, STAT_DT_INT, with_children);
}

static void class_name(char *buf, size_t size, enum sa_class cls)
{
    snprintf(buf, size, "%uxx %s", (unsigned)cls, sa_class_name(cls));
}

static void add_series_nodes(stats_tree *st, const char *name, int parent, const char *over)
{
    int node = add_node(st, name, parent, TRUE);
    add_node(st, over, node, FALSE);
    int values = add_node(st, N_VALUES, node, TRUE);
    add_node(st, N_MIN, values, FALSE);
    add_node(st, N_MEDIAN, values, FALSE);
    add_node(st, N_P95, values, FALSE);
    add_node(st, N_MAX, values, FALSE);
}

/* The root's children print in the order they were made; deeper levels are sorted by name. */
static void add_top_nodes(stats_tree *st, const struct tree_state *ts)
{
    int classes = add_node(st, N_CLASSES, 0, TRUE);
    stat_node_set_flags(st, N_CLASSES, 0, TRUE, ST_FLG_SORT_TOP); /* for the GUI, which sorts the root too */
    for (unsigned cls = SA_CLASS_PROVISIONAL; cls <= SA_CLASS_GLOBAL_FAILURE; cls++) {
        char name[64];
        class_name(name, sizeof name, (enum sa_class)cls);
        add_node(st, name, classes, TRUE);
    }
    add_node(st, N_INVALID, classes, FALSE);

    int trying = add_node(st, N_TRYING, 0, TRUE);
    add_series_nodes(st, N_DELAY, trying, ts->over_delay);
    add_series_nodes(st, N_ON100, trying, ts->over_on100);
    add_node(st, N_STUCK, trying, TRUE);
    int ended = add_node(st, N_ENDED, trying, TRUE);
    add_node(st, N_ENDED_408, ended, FALSE);
    add_node(st, N_ENDED_487, ended, FALSE);
    int no100 = add_node(st, N_NO100, trying, TRUE);
    add_node(st, ts->over_delay, no100, FALSE);

    int ext420 = add_node(st, N_420, 0, TRUE);
    add_node(st, N_UNSUPPORTED, ext420, TRUE);
    add_node(st, N_NO_UNSUPPORTED, ext420, FALSE);
    int ext421 = add_node(st, N_421, 0, TRUE);
    add_node(st, N_MISSING, ext421, TRUE);
    add_node(st, N_NOT_MISSING, ext421, FALSE);
    int ext[2] = { ext421, ext420 };
    for (int i = 0; i < 2; i++) {
        add_node(st, N_RETRIED, ext[i], FALSE);
        add_node(st, N_NOT_RETRIED, ext[i], FALSE);
        add_node(st, N_RETRY_FIXES, ext[i], FALSE);
        add_node(st, N_RETRY_FAILS, ext[i], FALSE);
    }
}

/* Called once per fresh tree (tshark), and by the GUI after each reset: starts from nothing. */
static void stats_init(stats_tree *st)
{
    if (!tree_states)
        tree_states = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, state_free);
    struct tree_state *ts = g_hash_table_lookup(tree_states, st);
    if (ts) {
        state_clear(ts);
    } else {
        ts = g_new0(struct tree_state, 1);
        g_hash_table_insert(tree_states, st, ts);
    }
    ts->delay_limit_ns = (gint64)sa_prefs.trying_delay_ms * 1000000;
    ts->on100_limit_ns = (gint64)sa_prefs.trying_duration_ms * 1000000;
    ts->over_delay = g_strdup_printf("Over %u ms (trying_delay_ms)", sa_prefs.trying_delay_ms);
    ts->over_on100 = g_strdup_printf("Over %u ms (trying_duration_ms)", sa_prefs.trying_duration_ms);
    ts->hops = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, hop_free);
    section_init(&ts->all, 0, TRUE);
    add_top_nodes(st, ts);
    ts->hops_node = add_node(st, N_HOPS, 0, TRUE);
}

static void stats_cleanup(stats_tree *st)
{
    if (tree_states)
        g_hash_table_remove(tree_states, st);
}

/* ---- Counting ---- */

/* Whole microseconds for a Count column (an int): negative times (a clock that went backwards)
 * show as 0. */
static int count_us(gint64 ns)
{
    gint64 us = ns / 1000;
    return us < 0 ? 0 : us > G_MAXINT ? G_MAXINT : (int)us;
}

static void series_add(stats_tree *st, int trying, struct series *se, const char *name, const char *over,
                       gint64 limit_ns, gint64 ns)
{
    int node = tick(st, name, trying, TRUE);
    if (ns > limit_ns)
        tick(st, over, node, FALSE);
    se->n++;
    if (se->n == 1 || ns < se->min)
        se->min = ns;
    if (se->n == 1 || ns > se->max)
        se->max = ns;
    gint64 p50 = percentile_add(&se->p50, ns, se->n);
    gint64 p95 = percentile_add(&se->p95, ns, se->n);
    int values = touch(st, N_VALUES, node, TRUE);
    set_stat_node(st, N_MIN, values, FALSE, count_us(se->min));
    set_stat_node(st, N_MEDIAN, values, FALSE, count_us(p50));
    set_stat_node(st, N_P95, values, FALSE, count_us(p95));
    set_stat_node(st, N_MAX, values, FALSE, count_us(se->max));
}

static void count_class(stats_tree *st, const struct section *s, const struct sa_record *r)
{
    int classes = tick(st, s->classes_name, s->parent, TRUE);
    if (r->flags & SA_REC_CODE_INVALID) {
        tick(st, N_INVALID, classes, FALSE);
        return;
    }
    char name[64];
    class_name(name, sizeof name, sa_status_class(r->code));
    int cls = tick(st, name, classes, TRUE);
    snprintf(name, sizeof name, "%u", (unsigned)r->code);
    tick(st, name, cls, FALSE);
}

static void count_trying(stats_tree *st, const struct tree_state *ts, struct section *s, const struct sa_record *r,
                         gint64 now, gboolean visited, guint32 frame)
{
    const struct sa_txn *t = r->txn;
    gint64 dt;
    if (!t)
        return;
    if (r->flags & SA_REC_FIRST_100) {
        int trying = tick(st, s->trying_name, s->parent, TRUE);
        if (t->req_frame && sa_time_diff(now, t->req_ts, &dt))
            series_add(st, trying, &s->delay, N_DELAY, ts->over_delay, ts->delay_limit_ns, dt);
        if (visited && !t->next_frame) {
            char name[48];
            snprintf(name, sizeof name, "100 in frame %u", frame);
            tick(st, name, tick(st, N_STUCK, trying, TRUE), FALSE);
        }
    } else if (r->flags & SA_REC_AFTER_100) {
        int trying = touch(st, s->trying_name, s->parent, TRUE);
        if (sa_time_diff(now, t->t100_ts, &dt))
            series_add(st, trying, &s->on100, N_ON100, ts->over_on100, ts->on100_limit_ns, dt);
        if (r->code == 408 || r->code == 487)
            tick(st, r->code == 408 ? N_ENDED_408 : N_ENDED_487, tick(st, N_ENDED, trying, TRUE), FALSE);
    } else if (r->flags & SA_REC_NO_100) {
        int trying = tick(st, s->trying_name, s->parent, TRUE);
        int no100 = tick(st, N_NO100, trying, TRUE);
        if (sa_time_diff(now, t->req_ts, &dt) && dt > ts->delay_limit_ns)
            tick(st, ts->over_delay, no100, FALSE);
    }
}

static void count_tags(stats_tree *st, int group, const struct sa_tag_list *l)
{
    const char *cur = NULL;
    for (const char *tag = sa_tag_list_next(l, &cur); tag; tag = sa_tag_list_next(l, &cur))
        tick(st, tag, group, FALSE);
}

/* A 420 or 421 (not a retransmission: those carry no analysis). */
static void count_ext(stats_tree *st, const struct section *s, const struct sa_ext *e, gboolean visited)
{
    int node;
    if (e->kind == SA_EXT_421) {
        node = tick(st, s->ext421_name, s->parent, TRUE);
        if (e->flagged.count)
            count_tags(st, tick(st, N_MISSING, node, TRUE), &e->flagged);
        else
            tick(st, N_NOT_MISSING, node, FALSE);
    } else {
        node = tick(st, s->ext420_name, s->parent, TRUE);
        if (e->listed.count)
            count_tags(st, tick(st, N_UNSUPPORTED, node, TRUE), &e->listed);
        else
            tick(st, N_NO_UNSUPPORTED, node, FALSE);
    }
    if (visited)
        tick(st, e->retry_frame ? N_RETRIED : N_NOT_RETRIED, node, FALSE);
}

/* A request that retries after a 420/421: counted under that 420/421's kind. */
static void count_retry(stats_tree *st, const struct section *s, const struct sa_ext *e)
{
    if (!e->origin)
        return;
    int node = touch(st, e->origin->kind == SA_EXT_421 ? s->ext421_name : s->ext420_name, s->parent, TRUE);
    tick(st, (e->problems & SA_EXT_STILL_MISSING) ? N_RETRY_FAILS : N_RETRY_FIXES, node, FALSE);
}

/* "192.0.2.10:5060 -> 203.0.113.5:5060" in the request's direction. */
/* A response answered from another port belongs to the hop its request took (sa_key_server_port). */
static char *hop_name(packet_info *pinfo, const struct sa_record *r, gboolean response)
{
    const address *from = response ? &pinfo->dst : &pinfo->src;
    const address *to = response ? &pinfo->src : &pinfo->dst;
    guint32 from_port = response ? pinfo->destport : pinfo->srcport;
    guint32 to_port = response ? pinfo->srcport : pinfo->destport;
    if ((r->flags & SA_REC_OTHER_PORT) && r->txn)
        to_port = sa_key_server_port(r->txn->key, r->txn->key_bucket_len);
    const char *f = address_to_str(pinfo->pool, from);
    const char *t = address_to_str(pinfo->pool, to);
    gboolean v6f = from->type == AT_IPv6, v6t = to->type == AT_IPv6;
    return wmem_strdup_printf(pinfo->pool, "%s%s%s:%u -> %s%s%s:%u", v6f ? "[" : "", f, v6f ? "]" : "", from_port,
                              v6t ? "[" : "", t, v6t ? "]" : "", to_port);
}

static struct section *hop_get(stats_tree *st, struct tree_state *ts, const char *name)
{
    struct section *h = g_hash_table_lookup(ts->hops, name);
    if (!h) {
        h = g_new0(struct section, 1);
        section_init(h, touch(st, name, ts->hops_node, TRUE), FALSE);
        stat_node_set_flags(st, N_HOP_CLASSES, h->parent, TRUE, ST_FLG_SORT_TOP);
        g_hash_table_insert(ts->hops, g_strdup(name), h);
    }
    return h;
}

static tap_packet_status stats_packet(stats_tree *st, packet_info *pinfo, epan_dissect_t *edt _U_, const void *data,
                                      tap_flags_t flags _U_)
{
    const struct sa_tap_info *ti = data;
    struct tree_state *ts = tree_states ? g_hash_table_lookup(tree_states, st) : NULL;
    if (!ts || !ti || !ti->record)
        return TAP_PACKET_DONT_REDRAW;
    const struct sa_record *r = ti->record;
    /* Copies are counted once; a copy quoted in an ICMP error is not traffic. */
    if (r->flags & (SA_REC_NOT_SIP | SA_REC_RETRANS | SA_REC_ICMP_QUOTE))
        return TAP_PACKET_DONT_REDRAW;
#ifdef SA_TAP_INFO_VISITED
    gboolean visited = ti->visited; /* not pinfo->fd->visited: always set by the time taps run */
#else
    gboolean visited = FALSE; /* sip_analysis.h does not say yet: count as in one pass */
#endif
    gboolean response = (r->flags & SA_REC_RESPONSE) != 0;
    const struct sa_ext *ext = sa_analyzer_record_ext(ti->analysis, r);
    gboolean retry = !response && ext && ext->kind == SA_EXT_RETRY;
    if (!response && !retry)
        return TAP_PACKET_DONT_REDRAW;

    const char *name = hop_name(pinfo, r, response);
    struct section *hop = hop_get(st, ts, name);
    struct section *secs[2] = { &ts->all, hop };
    if (retry) {
        for (int i = 0; i < 2; i++)
            count_retry(st, secs[i], ext);
        return TAP_PACKET_REDRAW;
    }
    tick(st, N_HOPS, 0, TRUE);
    tick(st, name, ts->hops_node, TRUE);
    if (!(r->flags & SA_REC_CODE_INVALID) && r->code >= 400)
        tick(st, N_HOP_FAILURES, hop->parent, FALSE);
    for (int i = 0; i < 2; i++) {
        count_class(st, secs[i], r);
        count_trying(st, ts, secs[i], r, ti->ts_ns, visited, pinfo->num);
        if (ext && ext->kind != SA_EXT_RETRY)
            count_ext(st, secs[i], ext, visited);
    }
    return TAP_PACKET_REDRAW;
}

/* ---- "-z sip.analysis,stat[,filter]" ----
 * stats_tree gives every tree the tshark name "<abbr>,tree" and takes the abbreviation up to the
 * first comma, so "sip.analysis,stat" cannot be a stats_tree abbreviation; this registers that
 * name too and runs the same tree the way tshark runs "sip.analysis,tree". */

static void cli_reset(void *p)
{
    stats_tree_reinit(p); /* drops the nodes and calls stats_init */
}

static void cli_draw(void *p)
{
    stats_tree *st = p;
    GString *s = stats_tree_format_as_str(st, ST_FORMAT_PLAIN, stats_tree_get_default_sort_col(st),
                                          stats_tree_is_default_sort_DESC(st));
    printf("%s", s->str);
    g_string_free(s, TRUE);
}

static void cli_finish(void *p)
{
    stats_tree_free(p); /* calls stats_cleanup */
}

/* 4.6 wants to know whether the statistic started (false makes tshark stop); 4.0/4.4 do not. */
static sa_stat_tap_init_ret cli_init(const char *opt_arg, void *userdata _U_)
{
    size_t len = strlen(ST_CLI);
    const char *filter = NULL;
    if (opt_arg[len] == ',')
        filter = opt_arg + len + 1;
    else if (opt_arg[len] != '\0') {
        report_failure("invalid \"-z " ST_CLI "[,filter]\" argument: %s", opt_arg);
        SA_STAT_TAP_INIT_RETURN(false);
    }
    stats_tree_cfg *cfg = stats_tree_get_cfg_by_abbr(ST_ABBR);
    if (!cfg) {
        report_failure("the " ST_ABBR " statistics tree is not registered");
        SA_STAT_TAP_INIT_RETURN(false);
    }
    stats_tree *st = stats_tree_new(cfg, NULL, filter);
    GString *err = register_tap_listener(cfg->tapname, st, st->filter, cfg->flags, cli_reset, stats_tree_packet,
                                         cli_draw, cli_finish);
    if (err) {
        report_failure("-z " ST_CLI ": cannot attach to the sip.analysis tap: %s", err->str);
        g_string_free(err, TRUE);
        stats_tree_free(st);
        SA_STAT_TAP_INIT_RETURN(false);
    }
    if (cfg->init)
        cfg->init(st);
    SA_STAT_TAP_INIT_RETURN(true);
}

static stat_tap_ui cli_ui = {
    REGISTER_STAT_GROUP_GENERIC, NULL, ST_CLI, cli_init, 0, NULL,
};

void sa_stats_register(void)
{
    /* Sorted by name, ascending: the node names are chosen so that this is the reading order. */
    stats_tree_register_plugin("sip.analysis", ST_ABBR, ST_NAME, (guint)ST_SORT_COL_NAME << ST_FLG_SRTCOL_SHIFT,
                               stats_packet, stats_init, stats_cleanup);
    register_stat_tap_ui(&cli_ui, NULL);
}
