/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "SIP Analysis" statistic (see stats.h): Wireshark's generic statistics tables
 * (stat_tap_table_ui, <epan/stat_tap_ui.h>), fed by the sip.analysis tap, one record per SIP
 * message. Needs sa_stats_register() called from proto_register_sip_analysis() and
 * struct sa_tap_info.visited set by queue_tap().
 *
 * Why these tables and not a stats_tree: a stats_tree always prints Rate and Burst columns and
 * has no column for a percentile; here the columns are ours (Item, Count, Avg / Min / Max /
 * Median / 95th percentile in milliseconds, First frames), the same in tshark and in the GUI
 * (Telephony > SIP Analysis, SimpleStatisticsDialog). tshark prints them with our own printer
 * (-z sip.analysis,stat): Wireshark's generic one (-z sip.analysis,table, registered with the
 * tables) frames them in a 101-column rule and prints every column in every row.
 *
 * Counting rules, so every number equals what -Y on the per-packet fields counts:
 *   - responses that are retransmissions (sip.analysis.retransmission_of) are skipped, and so
 *     are requests that are; nothing is counted for bytes that were not SIP, nor for copies
 *     quoted in ICMP errors;
 *   - the 100 Trying verdicts are src/txn_verdict.c's, the ones the tree shows: "Delay INVITE ->
 *     100" takes the first 100 of each INVITE transaction (sip.analysis.trying.delay), "Time on
 *     100" the response that ended the wait (sip.analysis.trying.duration on the frame carrying
 *     sip.analysis.trying.frame); late, long and absent are strictly above the preferences;
 *   - the response verdicts are src/response_verdict.c's: failures and challenges as the expert
 *     infos say them; a challenge answering a retry with credentials is "challenged again", and
 *     the loop over the challenge_loop_limit preference is counted as auth.loop_limit says it;
 *   - the RFC 6076 delays (src/call_delay.h) are those stored on the responses that end them
 *     (sip.analysis.delay.srd, .sdd, .setup), successful and failed apart; they look backwards;
 *   - what is only known at the end of the capture (stuck on 100, a challenge never retried, a
 *     420/421 retried or not) is counted when the message is seen on a revisit (tshark -2, the
 *     GUI); in one pass such a row says "needs two passes" instead of a count;
 *   - a hop is "client -> server" in the request's direction, by addresses, with the ports only
 *     when two hops of the capture have the same addresses.
 *
 * Layout. Each table is a section, each row an item; rows appear when something is counted in
 * them (a section with nothing is not shown). Within a table the rows are kept sorted by their
 * Item text, and the table titles are numbered: the GUI sorts its tree by the first column when
 * filled, so this is the order both show. Labels are chosen so that this order reads well
 * ("100 Trying" before "1xx Provisional", "Delay" before "Time on 100"); the rows of a hop
 * are "<hop> / <item>", which tshark prints indented under the hop.
 *
 * Values are the same whatever order the packets come in: counts and sums, nearest-rank
 * percentiles of the whole set, the smallest frame numbers. */
#include "stats.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <epan/address_types.h>
#include <epan/packet.h>
#include <epan/stat_tap_ui.h>
#include <epan/tap.h>
#include <epan/to_str.h>
#include <wsutil/report_message.h>

#include "call_delay.h"
#include "extension_check.h"
#include "failure_cause.h"
#include "session_check.h"
#include "text_buf.h"
#include "response_codes.h"
#include "response_verdict.h"
#include "sip_analysis.h"
#include "status_class.h"
#include "tag_list.h"
#include "txn_key.h"
#include "txn_verdict.h"
#include "ws_compat.h"

#define ST_CLI "sip.analysis,stat"    /* tshark, our printer */
#define ST_TABLE "sip.analysis,table" /* the tables' own name (GUI, Wireshark's generic printer) */
#define ST_NAME "SIP Analysis"

#define TWO_PASSES "needs two passes (-2)"
#define MAX_FRAMES 3 /* first frames listed */

/* ---- Columns ---- */

enum { COL_ITEM, COL_COUNT, COL_AVG, COL_MIN, COL_MAX, COL_MEDIAN, COL_P95, COL_FRAMES, NCOLS };

static stat_tap_table_item columns[NCOLS] = {
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Item", "%s" },
    { TABLE_ITEM_UINT, TAP_ALIGN_RIGHT, "Count", "%u" },
    /* Times are text written to the microsecond: the Qt window shows a number cell with six
     * decimals whatever its format. Padded on the left to one width, so that sorting a column
     * in the window (text order) is numeric order; the tshark printer drops the padding. */
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "Avg ms", "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "Min ms", "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "Max ms", "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "Median ms", "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "95th ms", "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "First frames", "%s" },
};

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
 * value of lo is <= every value of hi, so the percentile is the largest value of lo: the smallest
 * value with at least p% of the values at or below it (for an even count, the lower median). */
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
    g_array_free(q->lo, TRUE);
    g_array_free(q->hi, TRUE);
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

/* A time series, in ns. */
struct series {
    guint64 n;
    gint64 min, max, median, p95;
    gint64 sum;
    double fsum; /* once sum would overflow */
    gboolean overflow;
    struct percentile p50, p95q;
};

static struct series *series_new(void)
{
    struct series *s = g_new0(struct series, 1);
    percentile_init(&s->p50, 50);
    percentile_init(&s->p95q, 95);
    return s;
}

static void series_free(struct series *s)
{
    if (!s)
        return;
    percentile_free(&s->p50);
    percentile_free(&s->p95q);
    g_free(s);
}

static void series_add(struct series *s, gint64 ns)
{
    s->n++;
    if (s->n == 1 || ns < s->min)
        s->min = ns;
    if (s->n == 1 || ns > s->max)
        s->max = ns;
    if (!s->overflow && __builtin_add_overflow(s->sum, ns, &s->sum)) {
        s->overflow = TRUE;
        s->fsum = (double)s->sum;
    }
    if (s->overflow)
        s->fsum += (double)ns;
    s->median = percentile_add(&s->p50, ns, s->n);
    s->p95 = percentile_add(&s->p95q, ns, s->n);
}

static double ns_to_ms(double ns)
{
    return ns / 1e6;
}

/* ---- Rows and sections ---- */

enum section_id { S_FAILURES, S_CHALLENGES, S_TRYING, S_EXT, S_CODES, S_TIMERS, S_DELAYS, S_HOPS, S_COUNT };

/* Numbered: the GUI sorts the tables by title. */
static const char *const section_titles[S_COUNT] = {
    "1 Failures by code",          "2 Challenges", "3 100 Trying findings", "4 Failure causes",
    "5 Responses by code",         "6 100 Trying timers", "7 Call delays (RFC 6076)",
    "8 Responses per hop, client -> server", /* no wider than its widest item: 100 columns */
};

/* The RFC 6076 delays (src/call_delay.h), kept apart by kind as §4.3 asks; the same labels
 * under each hop. "Setup" sorts before "Teardown", "delay" before "outcome". */
#define SRD_FAILED "Setup delay (SRD), failed"
#define SRD_OK "Setup delay (SRD), successful"
#define SDD_FAILED "Teardown delay (SDD), failed"
#define SDD_OK "Teardown delay (SDD), successful"

struct hop;

struct row {
    char *key;   /* what the row is found by */
    char *label; /* what it shows: the key, or the key with more (a failure's methods) */
    GPtrArray *methods;     /* a failure row: its requests' methods, sorted, or NULL */
    gboolean more_methods;  /* ... and more than those eight */
    guint index; /* in the table, after the last sort */
    guint64 count;
    gboolean two_passes; /* counted in one pass: known with two passes only */
    gboolean with_frames;
    struct series *times; /* or NULL */
    guint32 frames[MAX_FRAMES];
    guint nframes;
    gboolean more_frames;
    char *frames_text;
    char *times_text[5]; /* the time cells, while the row has times */
    gboolean dirty;
};

struct section {
    int table; /* index in the tables, -1 while the section has none */
    GHashTable *rows_by_label; /* label (the row's) -> row */
    GPtrArray *rows;           /* sorted by label once synced */
    GPtrArray *dirty;
    gboolean reshape; /* a row was added or renamed: sort and rewrite */
};

enum hop_item { HOP_RESPONSES, HOP_DELAY, HOP_FAILURES, HOP_ON100, HOP_SRD_FAILED, HOP_SRD_OK, HOP_SDD_FAILED,
                HOP_SDD_OK, HOP_ITEMS };
static const char *const hop_item_names[HOP_ITEMS] = {
    NULL, "Delay INVITE -> 100", "Failures (4xx-6xx)", "Time on 100 until the next response",
    SRD_FAILED, SRD_OK, SDD_FAILED, SDD_OK,
};

struct hop {
    char *full; /* "a:p -> b:q" */
    char *pair; /* "a -> b" */
    struct row *rows[HOP_ITEMS];
};

static struct {
    struct section sec[S_COUNT];
    GHashTable *hops;  /* full -> struct hop */
    GHashTable *pairs; /* pair -> number of hops with it */
    gboolean one_pass; /* a message was counted as in one pass */
    char *late, *long_on100; /* row names with the thresholds */
    char *loop_limit;
} st;

static void row_free(gpointer p)
{
    struct row *r = p;
    g_free(r->key);
    g_free(r->label);
    if (r->methods)
        g_ptr_array_free(r->methods, TRUE);
    for (int i = 0; i < 5; i++)
        g_free(r->times_text[i]);
    g_free(r->frames_text);
    series_free(r->times);
    g_free(r);
}

static void hop_free(gpointer p)
{
    struct hop *h = p;
    g_free(h->full);
    g_free(h->pair);
    g_free(h);
}

/* Drops a table's rows (Wireshark allocates them with g_new0, one per row, in a g_realloc'ed
 * array, and frees them with g_free in free_stat_tables()). The strings are the section's. */
static void table_clear(stat_tap_table *t)
{
    for (guint i = 0; i < t->num_elements; i++)
        g_free(t->elements[i]);
    g_free(t->elements);
    t->elements = NULL;
    t->num_elements = 0;
}

static void section_clear(struct section *s)
{
    if (s->rows)
        g_ptr_array_free(s->rows, TRUE); /* frees the rows */
    if (s->rows_by_label)
        g_hash_table_destroy(s->rows_by_label);
    if (s->dirty)
        g_ptr_array_free(s->dirty, TRUE);
    s->rows = g_ptr_array_new_with_free_func(row_free);
    s->rows_by_label = g_hash_table_new(g_str_hash, g_str_equal);
    s->dirty = g_ptr_array_new();
    s->reshape = FALSE;
}

static void section_reset(enum section_id id)
{
    section_clear(&st.sec[id]);
    if (id == S_HOPS) {
        if (st.hops)
            g_hash_table_destroy(st.hops);
        if (st.pairs)
            g_hash_table_destroy(st.pairs);
        st.hops = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, hop_free);
        st.pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    }
}

static void state_reset(void)
{
    for (int i = 0; i < S_COUNT; i++)
        section_reset((enum section_id)i);
    st.one_pass = FALSE;
    g_free(st.late);
    g_free(st.long_on100);
    g_free(st.loop_limit);
    st.late = g_strdup_printf("Late 100 Trying (over %u ms)", sa_prefs.trying_delay_ms);
    st.long_on100 = g_strdup_printf("Long on 100 Trying (over %u ms)", sa_prefs.trying_duration_ms);
    st.loop_limit = g_strdup_printf("Challenge loop over the limit (%u in a row)", sa_prefs.challenge_loop_limit);
}

static void mark(struct section *s, struct row *r)
{
    if (!r->dirty) {
        r->dirty = TRUE;
        g_ptr_array_add(s->dirty, r);
    }
}

/* The row of that label, made when first needed. */
static struct row *row_get(enum section_id id, const char *label)
{
    struct section *s = &st.sec[id];
    struct row *r = g_hash_table_lookup(s->rows_by_label, label);
    if (!r) {
        r = g_new0(struct row, 1);
        r->key = g_strdup(label);
        r->label = g_strdup(label);
        g_ptr_array_add(s->rows, r);
        g_hash_table_insert(s->rows_by_label, r->key, r);
        s->reshape = TRUE;
    }
    mark(s, r);
    return r;
}

static void row_frame(struct row *r, guint32 frame)
{
    r->with_frames = TRUE;
    guint i = r->nframes;
    while (i > 0 && r->frames[i - 1] > frame)
        i--;
    if (i < r->nframes && r->frames[i] == frame)
        return;
    g_free(r->frames_text);
    r->frames_text = NULL; /* remade when written */
    if (i == MAX_FRAMES) {
        r->more_frames = TRUE;
        return;
    }
    if (r->nframes == MAX_FRAMES)
        r->more_frames = TRUE;
    else
        r->nframes++;
    memmove(&r->frames[i + 1], &r->frames[i], (r->nframes - 1 - i) * sizeof r->frames[0]);
    r->frames[i] = frame;
}

/* Counts one occurrence (frame 0: without listing frames). */
static struct row *tick(enum section_id id, const char *label, guint32 frame)
{
    struct row *r = row_get(id, label);
    r->count++;
    if (frame)
        row_frame(r, frame);
    return r;
}

/* Adds the method of a failed request to its row's label, "489 Bad Event (PUBLISH, SUBSCRIBE)":
 * each method once, sorted, at most eight ("..." for more). Method bytes come from the capture:
 * only token characters are kept (RFC 3261 §25.1), anything else reads "?". The label is
 * remade only when a method is new. */
static void row_add_method(enum section_id id, struct row *r, struct sa_slice method)
{
    char m[32];
    size_t n = 0;
    for (uint32_t i = 0; i < method.len && n + 1 < sizeof m; i++) {
        char c = method.ptr[i];
        m[n++] = c && (g_ascii_isalnum(c) || strchr("-.!%*_+`'~", c)) ? c : '?';
    }
    m[n] = '\0';
    if (!n)
        return;
    if (!r->methods)
        r->methods = g_ptr_array_new_with_free_func(g_free);
    guint at = 0;
    for (; at < r->methods->len; at++) {
        int cmp = strcmp(g_ptr_array_index(r->methods, at), m);
        if (cmp == 0)
            return;
        if (cmp > 0)
            break;
    }
    if (r->methods->len < 8)
        g_ptr_array_insert(r->methods, (gint)at, g_strdup(m));
    else if (r->more_methods)
        return;
    else
        r->more_methods = TRUE;
    GString *label = g_string_new(r->key);
    for (guint i = 0; i < r->methods->len; i++)
        g_string_append_printf(label, "%s%s", i ? ", " : " (", (const char *)g_ptr_array_index(r->methods, i));
    g_string_append(label, r->more_methods ? ", ...)" : ")");
    g_free(r->label);
    r->label = g_string_free(label, FALSE);
    st.sec[id].reshape = TRUE;
    mark(&st.sec[id], r);
}

/* One pass: the row exists but cannot be counted. */
static void needs_two_passes(enum section_id id, const char *label)
{
    row_get(id, label)->two_passes = TRUE;
}

static void time_add(struct row *r, gint64 ns)
{
    if (!r->times)
        r->times = series_new();
    series_add(r->times, ns);
}

/* ---- Writing the tables ---- */

static const char *frames_text(struct row *r)
{
    if (!r->with_frames)
        return NULL;
    if (!r->frames_text) {
        GString *s = g_string_new(NULL);
        for (guint i = 0; i < r->nframes; i++)
            g_string_append_printf(s, "%s%u", i ? ", " : "", r->frames[i]);
        if (r->more_frames)
            g_string_append(s, ", ...");
        r->frames_text = g_string_free(s, FALSE);
    }
    return r->frames_text;
}

static void write_row(stat_tap_table *t, struct row *r)
{
    stat_tap_table_item_type cells[NCOLS];
    memset(cells, 0, sizeof cells); /* TABLE_ITEM_NONE: an empty cell */
    cells[COL_ITEM].type = TABLE_ITEM_STRING;
    cells[COL_ITEM].value.string_value = r->label;
    if (r->count || !r->two_passes) {
        cells[COL_COUNT].type = TABLE_ITEM_UINT;
        cells[COL_COUNT].value.uint_value = r->count > G_MAXUINT ? G_MAXUINT : (guint)r->count;
    }
    if (r->times && r->times->n) {
        const struct series *s = r->times;
        double avg = s->overflow ? s->fsum / (double)s->n : (double)s->sum / (double)s->n;
        const double v[5] = { avg, (double)s->min, (double)s->max, (double)s->median, (double)s->p95 };
        for (int i = 0; i < 5; i++) {
            g_free(r->times_text[i]);
            r->times_text[i] = g_strdup_printf("%14.3f", ns_to_ms(v[i]));
            cells[COL_AVG + i].type = TABLE_ITEM_STRING;
            cells[COL_AVG + i].value.string_value = r->times_text[i];
        }
    }
    const char *frames = frames_text(r);
    if (!frames && r->two_passes && !r->count)
        frames = TWO_PASSES;
    if (frames) {
        cells[COL_FRAMES].type = TABLE_ITEM_STRING;
        cells[COL_FRAMES].value.string_value = frames;
    }
    stat_tap_init_table_row(t, r->index, NCOLS, cells);
}

static gint row_order(gconstpointer a, gconstpointer b)
{
    const struct row *x = *(const struct row *const *)a, *y = *(const struct row *const *)b;
    return strcmp(x->label, y->label);
}

/* Brings the tables up to date with the sections: after every packet, so that whatever draws
 * them (the GUI during a retap, tshark at the end) sees the counts so far. */
static void sync_tables(stat_tap_table_ui *ui)
{
    for (int id = 0; id < S_COUNT; id++) {
        struct section *s = &st.sec[id];
        if (!s->dirty->len)
            continue;
        if (s->table < 0) {
            stat_tap_table *t = stat_tap_init_table(section_titles[id], NCOLS, 0, NULL);
            stat_tap_add_table(ui, t);
            s->table = (int)ui->tables->len - 1;
        }
        stat_tap_table *t = g_array_index(ui->tables, stat_tap_table *, s->table);
        if (s->reshape) {
            g_ptr_array_sort(s->rows, row_order);
            for (guint i = 0; i < s->rows->len; i++) {
                struct row *r = g_ptr_array_index(s->rows, i);
                r->index = i;
                write_row(t, r);
            }
            s->reshape = FALSE;
        } else {
            for (guint i = 0; i < s->dirty->len; i++)
                write_row(t, g_ptr_array_index(s->dirty, i));
        }
        for (guint i = 0; i < s->dirty->len; i++)
            ((struct row *)g_ptr_array_index(s->dirty, i))->dirty = FALSE;
        g_ptr_array_set_size(s->dirty, 0);
    }
}

/* ---- Hops ---- */

static char *endpoint_text(packet_info *pinfo, const address *a, guint32 port, gboolean with_port)
{
    const char *s = address_to_str(pinfo->pool, a);
    if (!with_port)
        return g_strdup(s);
    gboolean v6 = a->type == AT_IPv6;
    return g_strdup_printf("%s%s%s:%u", v6 ? "[" : "", s, v6 ? "]" : "", port);
}

static const char *hop_name(const struct hop *h)
{
    return GPOINTER_TO_UINT(g_hash_table_lookup(st.pairs, h->pair)) > 1 ? h->full : h->pair;
}

static void hop_label(const struct hop *h, enum hop_item item, char **out)
{
    g_free(*out);
    *out = item == HOP_RESPONSES ? g_strdup(hop_name(h)) : g_strdup_printf("%s / %s", hop_name(h), hop_item_names[item]);
}

/* Renames the rows of the hops with that address pair (a second hop with it appeared). */
static void hops_relabel(const char *pair)
{
    struct section *s = &st.sec[S_HOPS];
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, st.hops);
    while (g_hash_table_iter_next(&it, NULL, &v)) {
        struct hop *h = v;
        if (strcmp(h->pair, pair) != 0)
            continue;
        for (int i = 0; i < HOP_ITEMS; i++) {
            struct row *r = h->rows[i];
            if (!r)
                continue;
            g_hash_table_remove(s->rows_by_label, r->key);
            hop_label(h, (enum hop_item)i, &r->label);
            g_free(r->key);
            r->key = g_strdup(r->label);
            g_hash_table_insert(s->rows_by_label, r->key, r);
            mark(s, r);
        }
    }
    s->reshape = TRUE;
}

/* The hop a message went over, in the request's direction. A response answered from another
 * port belongs to the hop its request took (sa_key_server_port). */
static struct hop *hop_get(const struct sa_analyzer *an, packet_info *pinfo, const struct sa_record *r,
                           gboolean response)
{
    const address *from = response ? &pinfo->dst : &pinfo->src;
    const address *to = response ? &pinfo->src : &pinfo->dst;
    guint32 from_port = response ? pinfo->destport : pinfo->srcport;
    guint32 to_port = response ? pinfo->srcport : pinfo->destport;
    const struct sa_txn *txn = (r->flags & SA_REC_OTHER_PORT) ? sa_analyzer_record_txn(an, r) : NULL;
    if (txn)
        to_port = sa_key_server_port(txn->key, txn->key_bucket_len);
    char *f = endpoint_text(pinfo, from, from_port, TRUE), *t = endpoint_text(pinfo, to, to_port, TRUE);
    char *full = g_strdup_printf("%s -> %s", f, t);
    g_free(f);
    g_free(t);
    struct hop *h = g_hash_table_lookup(st.hops, full);
    if (h) {
        g_free(full);
        return h;
    }
    h = g_new0(struct hop, 1);
    h->full = full;
    f = endpoint_text(pinfo, from, 0, FALSE);
    t = endpoint_text(pinfo, to, 0, FALSE);
    h->pair = g_strdup_printf("%s -> %s", f, t);
    g_free(f);
    g_free(t);
    g_hash_table_insert(st.hops, h->full, h);
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(st.pairs, h->pair)) + 1;
    g_hash_table_insert(st.pairs, g_strdup(h->pair), GUINT_TO_POINTER(n));
    if (n == 2)
        hops_relabel(h->pair);
    return h;
}

static struct row *hop_row(struct hop *h, enum hop_item item)
{
    if (!h->rows[item]) {
        char *label = NULL;
        hop_label(h, item, &label);
        h->rows[item] = row_get(S_HOPS, label);
        g_free(label);
    } else {
        mark(&st.sec[S_HOPS], h->rows[item]);
    }
    return h->rows[item];
}

/* ---- Counting ---- */

/* "489 Bad Event", "299 (unregistered code)". */
static void code_text(char *buf, size_t size, unsigned code)
{
    const struct sa_code_info *info = sa_code_lookup(code);
    if (info)
        snprintf(buf, size, "%u %s", code, info->phrase);
    else
        snprintf(buf, size, "%u (unregistered code)", code);
}

static void count_code(const struct sa_record *r)
{
    if (r->flags & SA_REC_CODE_INVALID) {
        tick(S_CODES, "Invalid status code (not 100-699)", 0);
        return;
    }
    char name[96];
    code_text(name, sizeof name, r->code);
    tick(S_CODES, name, 0);
    enum sa_class cls = sa_status_class(r->code);
    snprintf(name, sizeof name, "%uxx %s", (unsigned)cls, sa_class_name(cls)); /* sorts after its codes */
    tick(S_CODES, name, 0);
}

/* Failures and challenges, as the response's expert info says them (render_verdict()). */
static void count_verdict(const struct sa_analyzer *an, const struct sa_record *r, packet_info *pinfo,
                          gboolean visited)
{
    if (r->flags & SA_REC_CODE_INVALID)
        return;
    const struct sa_txn *t = sa_analyzer_record_txn(an, r);
    const struct sa_auth *auth = (r->flags & SA_REC_AUTH) ? sa_analyzer_record_auth(an, r) : NULL;
    struct sa_response_facts f = {
        .code = r->code,
        .cancel_frame = t && t->cancel_frame && t->cancel_frame < pinfo->num ? t->cancel_frame : 0,
        .challenged_retry = auth ? auth->after_challenge : 0,
        .never_retried = auth && !auth->retry_frame && visited,
    };
    enum sa_verdict v = sa_response_verdict(&f);
    char name[96], label[160];
    code_text(name, sizeof name, r->code);
    /* A challenge answering a retry with credentials: counted as such, whatever followed it; a
     * loop over the limit as the tree's auth.loop_limit says it (render_auth()). */
    gboolean again = f.challenged_retry && (r->code == 401 || r->code == 407);
    if (again && auth->challenge_count > sa_prefs.challenge_loop_limit)
        tick(S_CHALLENGES, st.loop_limit, pinfo->num);
    if (v == SA_VERDICT_FAILURE) {
        struct row *row = tick(S_FAILURES, name, pinfo->num);
        if (t)
            row_add_method(S_FAILURES, row, sa_key_method(t->key, t->key_bucket_len));
    } else if (again) {
        snprintf(label, sizeof label, "%s, challenged again", name);
        tick(S_CHALLENGES, label, pinfo->num);
    } else if (v == SA_VERDICT_CHALLENGE || (v == SA_VERDICT_CHALLENGE_FAILED && !f.challenged_retry)) {
        tick(S_CHALLENGES, name, pinfo->num);
        snprintf(label, sizeof label, "%s, never retried", name);
        if (auth && !visited) /* whether a retry follows is known on revisits */
            needs_two_passes(S_CHALLENGES, label);
        else if (v == SA_VERDICT_CHALLENGE_FAILED)
            tick(S_CHALLENGES, label, pinfo->num);
    } else if (v == SA_VERDICT_CHALLENGE_FAILED) {
        snprintf(label, sizeof label, "%s, retry refused", name);
        tick(S_CHALLENGES, label, pinfo->num);
    }
}

/* SRD, SDD and the setup outcome a response ends (src/call_delay.h), overall and on its hop:
 * they look backwards, so one pass counts what two passes do. */
static void count_delay(const struct sa_analyzer *an, const struct sa_record *r, struct hop *hop)
{
    struct sa_call_delay delay;
    if (!sa_analyzer_record_delay(an, r, &delay))
        return;
    const struct sa_call_delay *d = &delay;
    if (d->flags & SA_DELAY_SRD) {
        gboolean failed = (d->flags & SA_DELAY_SRD_FAILED) != 0;
        time_add(tick(S_DELAYS, failed ? SRD_FAILED : SRD_OK, 0), d->srd_ns);
        struct row *hr = hop_row(hop, failed ? HOP_SRD_FAILED : HOP_SRD_OK);
        hr->count++;
        time_add(hr, d->srd_ns);
    }
    if (d->flags & SA_DELAY_SETUP) {
        const char *what = d->setup == SA_SETUP_ANSWERED    ? "Setup outcome: answered"
                           : d->setup == SA_SETUP_CANCELLED ? "Setup outcome: cancelled"
                                                            : "Setup outcome: failed";
        tick(S_DELAYS, what, 0);
    }
    if (d->flags & SA_DELAY_SDD) {
        gboolean failed = (d->flags & SA_DELAY_SDD_FAILED) != 0;
        time_add(tick(S_DELAYS, failed ? SDD_FAILED : SDD_OK, 0), d->sdd_ns);
        struct row *hr = hop_row(hop, failed ? HOP_SDD_FAILED : HOP_SDD_OK);
        hr->count++;
        time_add(hr, d->sdd_ns);
    }
}

static void count_trying(const struct sa_analyzer *an, const struct sa_record *r, gint64 now, gboolean visited,
                         guint32 frame, struct hop *hop)
{
    const struct sa_txn *txn = sa_analyzer_record_txn(an, r);
    if (!txn || !(r->flags & (SA_REC_FIRST_100 | SA_REC_AFTER_100 | SA_REC_NO_100)))
        return;
    const struct sa_trying_input in = {
        .txn = txn,
        .record_flags = r->flags,
        .code = r->code,
        .now_ns = now,
        .last_ns = sa_analyzer_last_ts(an),
        .revisit = visited,
    };
    const struct sa_trying_limits lim = { (gint64)sa_prefs.trying_delay_ms * 1000000,
                                          (gint64)sa_prefs.trying_duration_ms * 1000000 };
    struct sa_trying_verdict tv;
    sa_trying_verdict(&in, &lim, &tv);
    switch (tv.role) {
    case SA_TRYING_FIRST_100:
        if (tv.flags & SA_TRY_DELAY) {
            time_add(tick(S_TIMERS, "Delay INVITE -> 100", 0), tv.delay_ns);
            time_add(hop_row(hop, HOP_DELAY), tv.delay_ns);
            hop->rows[HOP_DELAY]->count++;
        }
        if (tv.flags & SA_TRY_LATE)
            tick(S_TRYING, st.late, frame);
        if (!visited)
            needs_two_passes(S_TRYING, "Stuck on 100 Trying to the end");
        else if (tv.flags & SA_TRY_STUCK)
            tick(S_TRYING, "Stuck on 100 Trying to the end", frame);
        break;
    case SA_TRYING_AFTER_100:
        if (tv.flags & SA_TRY_ON100) {
            time_add(tick(S_TIMERS, "Time on 100 until the next response", 0), tv.on100_ns);
            time_add(hop_row(hop, HOP_ON100), tv.on100_ns);
            hop->rows[HOP_ON100]->count++;
        }
        if (tv.flags & SA_TRY_LONG)
            tick(S_TRYING, st.long_on100, frame);
        if (tv.flags & SA_TRY_ENDED_408)
            tick(S_TIMERS, "Time on 100, ended by 408", 0);
        if (tv.flags & SA_TRY_ENDED_487)
            tick(S_TIMERS, "Time on 100, ended by 487 after CANCEL", 0);
        break;
    case SA_TRYING_NO_100: {
        struct row *row = tick(S_TIMERS, "No 100: INVITE -> first response", 0);
        if (tv.flags & SA_TRY_FIRST_TIME)
            time_add(row, tv.delay_ns);
        if (tv.flags & SA_TRY_ABSENT)
            tick(S_TRYING, "No 100 before a late first response", frame);
        break;
    }
    default:
        break;
    }
}

/* A 420 or 421 (not a retransmission: those carry no analysis). */
static void count_ext(const struct sa_ext *e, gboolean visited, guint32 frame)
{
    const char *what = e->kind == SA_EXT_421 ? "421 Extension Required" : "420 Bad Extension";
    const struct sa_tag_list *tags = e->kind == SA_EXT_421 ? &e->flagged : &e->listed;
    char label[160];
    if (tags->count) {
        const char *cur = NULL;
        for (const char *tag = sa_tag_list_next(tags, &cur); tag; tag = sa_tag_list_next(tags, &cur)) {
            snprintf(label, sizeof label, "%s: %s %s", what, e->kind == SA_EXT_421 ? "missing" : "unsupported", tag);
            tick(S_EXT, label, frame);
        }
    } else {
        snprintf(label, sizeof label, "%s: %s", what,
                 e->kind == SA_EXT_421 ? "no missing tag found" : "no Unsupported header");
        tick(S_EXT, label, frame);
    }
    snprintf(label, sizeof label, "%s: not retried", what);
    if (!visited)
        needs_two_passes(S_EXT, label);
    else if (!e->retry_frame)
        tick(S_EXT, label, frame);
}

/* A request that retries after a 420/421. */
static void count_retry(const struct sa_ext *e, guint32 frame)
{
    if (!e->origin)
        return;
    char label[160];
    snprintf(label, sizeof label, "%s: retried, %s",
             e->origin->kind == SA_EXT_421 ? "421 Extension Required" : "420 Bad Extension",
             (e->problems & SA_EXT_STILL_MISSING) ? "the retry fails again" : "the retry fixes it");
    tick(S_EXT, label, frame);
}

/* Why failures failed, as they say it: the Reason of each failure ("Reason Q.850 17 User busy"),
 * of the CANCEL a 487 followed, and the Min-SE a 422 asked for; beside the 420/421 causes. */
static void count_cause(const struct sa_analyzer *an, const struct sa_record *r, guint32 frame)
{
    if ((r->flags & SA_REC_CODE_INVALID) || r->code < 300)
        return;
    const struct sa_session *s = (r->flags & SA_REC_HAS_SESSION) ? sa_analyzer_record_session(an, r) : NULL;
    if (s && s->kind == SA_SESSION_422) {
        char label[96];
        if (s->own.flags & SA_SV_MIN_SE_OK)
            snprintf(label, sizeof label, "422 Session Interval Too Small: Min-SE %u s", (unsigned)s->own.min_se);
        else
            snprintf(label, sizeof label, "422 Session Interval Too Small: no Min-SE");
        tick(S_EXT, label, frame);
    }
    const struct sa_cause *c = (r->flags & SA_REC_HAS_CAUSE) ? sa_analyzer_record_cause(an, r) : NULL;
    struct sa_reason reason;
    if (!c)
        return;
    char label[160];
    struct sa_text t;
    sa_text_init(&t, label, sizeof label);
    bool by_cancel;
    if (!sa_cause_named_reason(c, &reason, &by_cancel))
        return;
    sa_text_add(&t, by_cancel ? "CANCEL's Reason " : "Reason ");
    /* Counted by protocol and cause: the sender's own text would split one cause into many rows. */
    sa_text_add_escaped(&t, reason.protocol.ptr, reason.protocol.len);
    const char *name = sa_reason_cause_name(&reason);
    if (!(reason.flags & SA_REASON_CAUSE_NUMERIC))
        sa_text_add(&t, " (no usable cause)");
    else if (name)
        sa_text_addf(&t, " %u %s", (unsigned)reason.cause, name);
    else
        sa_text_addf(&t, " %u", (unsigned)reason.cause);
    tick(S_EXT, label, frame);
}

static tap_packet_status stats_packet(void *tapdata, packet_info *pinfo, epan_dissect_t *edt _U_, const void *data,
                                      tap_flags_t flags _U_)
{
    const stat_data_t *sd = tapdata;
    const struct sa_tap_info *ti = data;
    if (!sd || !ti || !ti->record)
        return TAP_PACKET_DONT_REDRAW;
    const struct sa_record *r = ti->record;
    /* Copies are counted once; a copy quoted in an ICMP error is not traffic. */
    if (r->flags & (SA_REC_NOT_SIP | SA_REC_RETRANS | SA_REC_ICMP_QUOTE))
        return TAP_PACKET_DONT_REDRAW;
    gboolean visited = ti->visited; /* not pinfo->fd->visited: always set by the time taps run */
    gboolean response = (r->flags & SA_REC_RESPONSE) != 0;
    const struct sa_ext *ext = (r->flags & SA_REC_HAS_EXT) ? sa_analyzer_record_ext(ti->analysis, r) : NULL;
    gboolean retry = !response && ext && ext->kind == SA_EXT_RETRY;
    if (!response && !retry)
        return TAP_PACKET_DONT_REDRAW;
    if (!visited)
        st.one_pass = TRUE;
    if (retry) {
        count_retry(ext, pinfo->num);
    } else {
        struct hop *hop = hop_get(ti->analysis, pinfo, r, response);
        hop_row(hop, HOP_RESPONSES)->count++;
        if (!(r->flags & SA_REC_CODE_INVALID) && r->code >= 400)
            hop_row(hop, HOP_FAILURES)->count++;
        count_code(r);
        count_verdict(ti->analysis, r, pinfo, visited);
        count_cause(ti->analysis, r, pinfo->num);
        count_trying(ti->analysis, r, ti->ts_ns, visited, pinfo->num, hop);
        if (r->flags & SA_REC_CALL_DELAY)
            count_delay(ti->analysis, r, hop);
        if (ext && ext->kind != SA_EXT_RETRY)
            count_ext(ext, visited, pinfo->num);
    }
    sync_tables(sd->stat_tap_data);
    return TAP_PACKET_REDRAW;
}

/* ---- The tables' callbacks ---- */

/* Before every run (tshark, each GUI fill): the tables are made as sections get rows. */
static void stats_init(stat_tap_table_ui *ui)
{
    /* The GUI resets every table of the statistic before it reads the capture (and when its
     * filter changes): the list must exist even while no section has a table yet, as
     * stat_tap_add_table() would make it. */
    if (!ui->tables)
        ui->tables = g_array_new(FALSE, TRUE, sizeof(stat_tap_table *));
    gboolean have_tables = ui->tables->len > 0;
    if (have_tables) {
        for (guint i = 0; i < ui->tables->len; i++)
            table_clear(g_array_index(ui->tables, stat_tap_table *, i));
    }
    state_reset();
    for (int i = 0; i < S_COUNT; i++) {
        if (!have_tables)
            st.sec[i].table = -1;
    }
}

/* The GUI's retap, table by table. */
static void stats_reset_table(stat_tap_table *t)
{
    table_clear(t);
    for (int i = 0; i < S_COUNT; i++) {
        if (t->title && strcmp(t->title, section_titles[i]) == 0)
            section_reset((enum section_id)i);
    }
    st.one_pass = FALSE;
}

/* The strings in the cells belong to the sections. */
static void stats_free_item(stat_tap_table *t _U_, guint row _U_, guint column _U_,
                            stat_tap_table_item_type *field _U_)
{
}

static stat_tap_table_ui table_ui = {
    .group = SA_STAT_GROUP_TELEPHONY,
    .title = ST_NAME,
    .tap_name = "sip.analysis",
    .cli_string = ST_TABLE,
    .stat_tap_init_cb = stats_init,
    .packet_func = stats_packet,
    .stat_tap_reset_table_cb = stats_reset_table,
    .stat_tap_free_table_item_cb = stats_free_item,
    .stat_filter_check_cb = NULL,
    .nfields = NCOLS,
    .fields = columns,
    .nparams = 0,
    .params = NULL,
    .tables = NULL,
    .refcount = 0,
};

/* ---- "-z sip.analysis,stat[,filter]": the same tables, printed to fit 100 columns ----
 * Each table prints only the columns it has something in, as wide as their widest text; the
 * title heads the Item column; rows of a hop print indented under it. */

struct cli {
    stat_data_t sd;
    char *filter;
};

static char *cell_text(const stat_tap_table_item_type *c, const stat_tap_table_item *col)
{
    switch (c->type) {
    case TABLE_ITEM_UINT:
        return g_strdup_printf(col->field_format, c->value.uint_value);
    case TABLE_ITEM_FLOAT:
        return g_strdup_printf(col->field_format, c->value.float_value);
    case TABLE_ITEM_STRING:
        return g_strstrip(g_strdup(c->value.string_value)); /* the times' padding (columns[]) */
    default:
        return NULL;
    }
}

static void print_table(const stat_tap_table *t)
{
    guint n = t->num_elements;
    char **text = g_new0(char *, (gsize)n * NCOLS);
    int width[NCOLS] = { 0 };
    gboolean used[NCOLS] = { FALSE };
    const char *group = NULL;
    size_t group_len = 0;
    for (guint i = 0; i < n; i++) {
        for (int c = 0; c < NCOLS; c++) {
            char *s = cell_text(stat_tap_get_field_data(t, i, (guint)c), &columns[c]);
            if (c == COL_ITEM && s) {
                /* "<hop> / <item>" under "<hop>": indented */
                if (group && strncmp(s, group, group_len) == 0 && strncmp(s + group_len, " / ", 3) == 0) {
                    char *in = g_strdup_printf("  %s", s + group_len + 3);
                    g_free(s);
                    s = in;
                } else {
                    group = stat_tap_get_field_data(t, i, COL_ITEM)->value.string_value;
                    group_len = strlen(group);
                }
            }
            text[i * NCOLS + c] = s;
            if (s) {
                used[c] = TRUE;
                width[c] = MAX(width[c], (int)strlen(s));
            }
        }
    }
    width[COL_ITEM] = MAX(width[COL_ITEM], (int)strlen(t->title));
    GString *line = g_string_new(NULL);
    for (int i = -1; i < (int)n; i++) {
        g_string_truncate(line, 0);
        for (int c = 0; c < NCOLS; c++) {
            if (!used[c] && c != COL_ITEM)
                continue;
            const char *s = i < 0 ? (c == COL_ITEM ? t->title : columns[c].column_name) : text[i * NCOLS + c];
            if (!s)
                s = "";
            if (i < 0 && c != COL_ITEM)
                width[c] = MAX(width[c], (int)strlen(s));
            if (c != COL_ITEM)
                g_string_append(line, "  ");
            if (columns[c].align == TAP_ALIGN_RIGHT)
                g_string_append_printf(line, "%*s", width[c], s);
            else
                g_string_append_printf(line, "%-*s", width[c], s);
        }
        while (line->len && line->str[line->len - 1] == ' ')
            g_string_truncate(line, line->len - 1);
        printf("%s\n", line->str);
    }
    g_string_free(line, TRUE);
    for (guint i = 0; i < n * NCOLS; i++)
        g_free(text[i]);
    g_free(text);
}

static void cli_draw(void *p)
{
    struct cli *cli = p;
    stat_tap_table_ui *ui = cli->sd.stat_tap_data;
    printf("\n%s\n", "====================================================================================================");
    printf("SIP Analysis (times in ms; each message counted once, retransmissions left out)\n");
    if (cli->filter)
        printf("Filter: %s\n", cli->filter);
    if (st.one_pass)
        printf("One pass: what needs the rest of the capture says \"" TWO_PASSES "\".\n");
    /* Tables in section order (the GUI sorts them by their numbered titles). */
    for (int id = 0; id < S_COUNT; id++) {
        int idx = st.sec[id].table;
        if (idx < 0 || !ui->tables || (guint)idx >= ui->tables->len)
            continue;
        const stat_tap_table *t = g_array_index(ui->tables, stat_tap_table *, idx);
        if (!t->num_elements)
            continue;
        printf("\n");
        print_table(t);
    }
    printf("====================================================================================================\n");
}

static void cli_finish(void *p)
{
    struct cli *cli = p;
    g_free(cli->filter);
    g_free(cli);
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
    struct cli *cli = g_new0(struct cli, 1);
    cli->sd.stat_tap_data = &table_ui;
    cli->sd.user_data = cli;
    cli->filter = g_strdup(filter);
    table_ui.stat_tap_init_cb(&table_ui);
    GString *err = register_tap_listener(table_ui.tap_name, &cli->sd, filter, 0, NULL, stats_packet, cli_draw,
                                         cli_finish);
    if (err) {
        report_failure("-z " ST_CLI ": cannot attach to the sip.analysis tap: %s", err->str);
        g_string_free(err, TRUE);
        cli_finish(cli);
        SA_STAT_TAP_INIT_RETURN(false);
    }
    SA_STAT_TAP_INIT_RETURN(true);
}

static stat_tap_ui cli_ui = {
    REGISTER_STAT_GROUP_GENERIC, NULL, ST_CLI, cli_init, 0, NULL,
};

void sa_stats_register(void)
{
    register_stat_tap_table_ui(&table_ui);
    register_stat_tap_ui(&cli_ui, NULL);
}
