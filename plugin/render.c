/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "render.h"

#include <inttypes.h>
#include <string.h>

#include "call_delay.h"
#include "expert_gate.h"
#include "fields.h"
#include "render_cause.h"
#include "render_delay.h"
#include "render_ext.h"
#include "render_session.h"
#include "response_codes.h"
#include "response_verdict.h"
#include "sa_time.h"
#include "txn_key.h"
#include "txn_verdict.h"
#include "sip_analysis.h"
#include "status_class.h"

/* Everything render needs about the message being drawn. */
struct sa_view {
    const struct sa_analyzer *an;
    const struct sa_record *r;
    const struct sa_txn *txn; /* its transaction, or NULL */
    packet_info *pinfo;
    proto_tree *tree; /* our subtree under the SIP message, or NULL */
    tvbuff_t *tvb;    /* the SIP message's data source, for item positions */
    gint start;
    proto_item *anchor; /* where expert infos hang: our item, or NULL */
    int64_t now;      /* this frame's time, ns, or SA_TIME_UNKNOWN (sa_time.h) */
    gboolean experts_observed; /* sa_experts_observed() of this frame */
    int highest_severity;      /* of the capture so far (GUI status bar), at this frame's start */
};

/* Expert infos only when someone can see them (expert_gate.h); the text is not even formatted
 * otherwise. */
#define SA_EXPERT_WANTED(v, ei) sa_expert_wanted((v)->experts_observed, (v)->highest_severity, (v)->tree, (ei))
#define SA_EXPERT_FMT(v, ei, ...) \
    do { \
        if (SA_EXPERT_WANTED(v, ei)) \
            expert_add_info_format((v)->pinfo, (v)->anchor, (ei), __VA_ARGS__); \
    } while (0)
#define SA_EXPERT(v, ei) \
    do { \
        if (SA_EXPERT_WANTED(v, ei)) \
            expert_add_info((v)->pinfo, (v)->anchor, (ei)); \
    } while (0)

static nstime_t ns_to_nstime(int64_t ns)
{
    nstime_t t;
    t.secs = (time_t)(ns / 1000000000);
    t.nsecs = (int)(ns % 1000000000); /* same sign as secs: how Wireshark shows negative times */
    return t;
}

/* "1700.250 ms": experts speak in milliseconds with microsecond precision. */
static const char *ms_text(packet_info *pinfo, int64_t ns)
{
    int64_t us = ns / 1000;
    const char *sign = us < 0 ? "-" : "";
    if (us < 0)
        us = -us;
    return wmem_strdup_printf(pinfo->pool, "%s%" PRId64 ".%03" PRId64 " ms", sign, us / 1000, us % 1000);
}

/* Items nobody can see are not even faked: Wireshark would return the parent for them after
 * its own checks, and these run for several fields of every message. */
static gboolean field_seen(const struct sa_view *v, int hf)
{
    return v->tree && proto_field_is_referenced(v->tree, hf);
}

static proto_item *add_time(struct sa_view *v, int hf, int64_t ns)
{
    if (!field_seen(v, hf))
        return NULL;
    nstime_t t = ns_to_nstime(ns);
    proto_item *pi = proto_tree_add_time(v->tree, hf, v->tvb, v->start, 0, &t);
    proto_item_set_generated(pi);
    return pi;
}

static proto_item *add_uint(struct sa_view *v, int hf, guint32 value)
{
    if (!field_seen(v, hf))
        return NULL;
    proto_item *pi = proto_tree_add_uint(v->tree, hf, v->tvb, v->start, 0, value);
    proto_item_set_generated(pi);
    return pi;
}

static const char *code_text(packet_info *pinfo, unsigned code)
{
    const struct sa_code_info *info = sa_code_lookup(code);
    if (info)
        return wmem_strdup_printf(pinfo->pool, "%u %s", code, info->phrase);
    return wmem_strdup_printf(pinfo->pool, "%u (unregistered code)", code);
}

/* The one expert info of a response: what it means for the call, with that severity
 * (src/response_verdict.c decides; a challenge never retried is known on revisits only). */
static void render_verdict(struct sa_view *v)
{
    const struct sa_record *r = v->r;
    if (r->flags & SA_REC_CODE_INVALID) {
        if (r->flags & SA_REC_CODE_NOT_NUMERIC)
            SA_EXPERT_FMT(v, &ei_sa[SA_F_CLASS_INVALID],
                          "Status code is not three digits: no response class");
        else
            SA_EXPERT_FMT(v, &ei_sa[SA_F_CLASS_INVALID],
                          "Status code %03u is outside 100-699: no response class", r->code);
        return;
    }
    const struct sa_txn *t = v->txn;
    const struct sa_auth *auth = sa_analyzer_record_auth(v->an, r);
    struct sa_response_facts f = {
        .code = r->code,
        .cancel_frame = t && t->cancel_frame && t->cancel_frame < v->pinfo->num ? t->cancel_frame : 0,
        .challenged_retry = auth ? auth->after_challenge : 0,
        .never_retried = auth && !auth->retry_frame && PINFO_FD_VISITED(v->pinfo),
    };
    enum sa_verdict verdict = sa_response_verdict(&f);
    const expert_field *ei = &ei_sa[sa_verdict_finding(verdict)];
    if (!SA_EXPERT_WANTED(v, ei))
        return;
    char text[ITEM_LABEL_LENGTH];
    sa_verdict_text(verdict, &f, auth, code_text(v->pinfo, r->code), text, sizeof text);
    const struct sa_cause *cause = sa_analyzer_record_cause(v->an, r);
    if (cause && verdict != SA_VERDICT_PROGRESS && verdict != SA_VERDICT_SUCCESS)
        sa_cause_append_summary(cause, text, sizeof text);
    expert_add_info_format(v->pinfo, v->anchor, (expert_field *)ei, "%s", text);
}

static bool is_challenge_code(unsigned code)
{
    return code == 401 || code == 407;
}

/* A series of challenges and retries with credentials (src/response_verdict.h, struct sa_auth):
 * its count and first challenge, and, once a retry was challenged again (or refused after two
 * challenges or more), the loop: a Note up to the challenge_loop_limit preference, a Warning
 * beyond. The verdict says what this one response means (a challenge, or a 403 refusing the
 * retry: challenge_failed); the loop findings alone say how long the series has gone on. */
static void render_auth(struct sa_view *v)
{
    const struct sa_auth *auth = sa_analyzer_record_auth(v->an, v->r);
    if (!auth || !auth->challenge_count)
        return;
    add_uint(v, hf_sa_auth_challenge_count, auth->challenge_count);
    if (!auth->after_challenge)
        return; /* the first challenge of its series */
    add_uint(v, hf_sa_auth_first_challenge, auth->first_challenge);
    guint limit = sa_prefs.challenge_loop_limit;
    if (!is_challenge_code(v->r->code)) {
        if (auth->challenge_count >= 2)
            SA_EXPERT_FMT(v, &ei_sa[SA_F_AUTH_LOOP],
                          "Refused after %u challenges in a row, the first in frame %u: the retries with "
                          "credentials never passed",
                          auth->challenge_count, auth->first_challenge);
    } else if (auth->challenge_count > limit) {
        SA_EXPERT_FMT(v, &ei_sa[SA_F_AUTH_LOOP_LIMIT],
                      "Challenge loop: challenge %u in a row, the first in frame %u, over the limit of %u: the "
                      "credentials keep failing (wrong password, realm or nonce)",
                      auth->challenge_count, auth->first_challenge, limit);
    } else {
        SA_EXPERT_FMT(v, &ei_sa[SA_F_AUTH_LOOP],
                      "Challenged again: challenge %u in a row, the first in frame %u (limit %u); normal when "
                      "another realm asks too (a proxy's 407, then the callee's 401) or the nonce was stale",
                      auth->challenge_count, auth->first_challenge, limit);
    }
}

static void render_class(struct sa_view *v)
{
    if (!(v->r->flags & SA_REC_CODE_INVALID))
        add_uint(v, hf_sa_class, sa_status_class(v->r->code));
}

static const int *const code_detail_hfs[] = { &hf_sa_code_meaning, &hf_sa_code_seen_when, &hf_sa_code_action,
                                               &hf_sa_code_rfc };

/* The explanation subtree is four strings on every response: skip it when the tree is not shown
 * and no filter or column asks for them (what Wireshark would fake anyway, minus the calls). */
static gboolean code_details_seen(proto_tree *tree)
{
    for (size_t i = 0; i < G_N_ELEMENTS(code_detail_hfs); i++) {
        if (proto_field_is_referenced(tree, *code_detail_hfs[i]))
            return TRUE;
    }
    return FALSE;
}

/* What the code means, when it is seen, what to do (src/response_codes.c), and the outcome. */
static void render_code(struct sa_view *v)
{
    const struct sa_record *r = v->r;
    if (r->flags & SA_REC_CODE_INVALID)
        return;
    add_uint(v, hf_sa_outcome, sa_outcome_of(r->code));
    if (r->flags & SA_REC_PHRASE_DIFFERS)
        SA_EXPERT_FMT(v, &ei_sa[SA_F_CODE_PHRASE],
                      "Reason phrase differs from the standard \"%s\": the code, not the phrase, "
                      "tells what happened", sa_code_lookup(r->code)->phrase);
    if (!v->tree || !sa_prefs.show_code_details || !code_details_seen(v->tree))
        return;
    bool fallback = false;
    const struct sa_code_info *info = sa_code_info_for(r->code, &fallback);
    if (!info)
        return;
    proto_tree *saved = v->tree;
    if (fallback)
        v->tree = proto_tree_add_subtree_format(v->tree, v->tvb, v->start, 0, ett_sa_code, NULL,
                                                "Response code %u: not registered, read as %u %s "
                                                "(RFC 3261 \xc2\xa7" "8.1.3.2)",
                                                r->code, info->code, info->phrase);
    else
        v->tree = proto_tree_add_subtree_format(v->tree, v->tvb, v->start, 0, ett_sa_code, NULL,
                                                "Response code %u %s", info->code, info->phrase);
    const char *texts[] = { info->meaning, info->seen_when, info->action, info->rfc };
    for (size_t i = 0; i < G_N_ELEMENTS(code_detail_hfs); i++)
        proto_item_set_generated(
            proto_tree_add_string(v->tree, *code_detail_hfs[i], v->tvb, v->start, 0, texts[i]));
    v->tree = saved;
}

static void render_link(struct sa_view *v)
{
    const struct sa_record *r = v->r;
    const struct sa_txn *t = v->txn;
    int64_t dt;
    if ((r->flags & SA_REC_RESPONSE) && t && t->req_frame) {
        add_uint(v, hf_sa_request_frame, t->req_frame);
        if (sa_time_diff(v->now, t->req_ts, &dt)) {
            add_time(v, hf_sa_response_time, dt);
            if (r->flags & SA_REC_NEGATIVE_TIME)
                SA_EXPERT_FMT(v, &ei_sa[SA_F_TIME_NEGATIVE],
                              "Response time-stamped %s before its request in frame %u",
                              ms_text(v->pinfo, -dt), t->req_frame);
        }
    }
    if (r->flags & SA_REC_OTHER_PORT)
        SA_EXPERT_FMT(v, &ei_sa[SA_F_OTHER_PORT],
                      "Response sent from port %u; its request in frame %u went to port %u (RFC 3261 "
                      "\xc2\xa7" "18.2.2: responses go to the Via, whatever port they leave from)",
                      v->pinfo->srcport, t->req_frame, sa_key_server_port(t->key, t->key_bucket_len));
    if (r->flags & SA_REC_PORT_AMBIGUOUS)
        SA_EXPERT_FMT(v, &ei_sa[SA_F_PORT_AMBIGUOUS],
                      "Sent from port %u, where none of the requests it may answer went: requests with its "
                      "branch went to several ports of this host (the latest in frame %u); not linked rather "
                      "than guessed",
                      v->pinfo->srcport, r->link);
    if (r->flags & SA_REC_BRANCH_REUSED)
        SA_EXPERT_FMT(v, &ei_sa[SA_F_BRANCH_REUSED],
                      "Via branch already used by another call's request in frame %u (RFC 3261 \xc2\xa7"
                      "8.1.1.7 makes it unique): not taken as a retransmission of it",
                      r->link);
    if (r->flags & SA_REC_RETRANS) {
        add_uint(v, hf_sa_retransmission_of, r->link);
        SA_EXPERT_FMT(v, &ei_sa[SA_F_RETRANSMISSION], "Retransmission of frame %u", r->link);
    }
    if ((r->flags & SA_REC_REQUEST_UNSEEN) && !(r->flags & (SA_REC_NO_CSEQ | SA_REC_TRUNCATED)))
        SA_EXPERT(v, &ei_sa[SA_F_REQUEST_UNSEEN]);
}

static void render_input_problems(struct sa_view *v)
{
    const struct sa_record *r = v->r;
    if (r->flags & SA_REC_TRUNCATED)
        SA_EXPERT(v, &ei_sa[SA_F_TRUNCATED]);
    if (r->flags & SA_REC_NO_CSEQ)
        SA_EXPERT(v, &ei_sa[SA_F_MISSING_CSEQ]);
    if (r->flags & SA_REC_NO_VIA)
        SA_EXPERT(v, &ei_sa[SA_F_MISSING_VIA]);
    if (r->flags & SA_REC_NO_CALL_ID)
        SA_EXPERT(v, &ei_sa[SA_F_MISSING_CALL_ID]);
    if (r->flags & SA_REC_TAG_LINES_CUT)
        SA_EXPERT(v, &ei_sa[SA_F_TAG_LINES_CUT]);
    if (r->flags & SA_REC_BARE_CR_LINES)
        SA_EXPERT(v, &ei_sa[SA_F_BARE_CR]);
    if (r->flags & SA_REC_TIME_INVALID)
        SA_EXPERT(v, &ei_sa[SA_F_TIME_INVALID]);
    if (r->flags & SA_REC_KEY_TOO_LONG)
        SA_EXPERT(v, &ei_sa[SA_F_KEY_TOO_LONG]);
}

static int64_t ms_to_ns(guint ms)
{
    return (int64_t)ms * 1000000;
}

/* On the first 100 Trying: how late it came; on revisits, how long the transaction sat on it. */
/* Where a delay was measured, and what INVITE copies before the answer say: the capture point
 * sees the round trip to the server, and copies mean an earlier INVITE or its answer was lost. */
static const char *measured_text(packet_info *pinfo, unsigned copies)
{
    if (copies == 0)
        return "as seen at the capture point (round trip included)";
    return wmem_strdup_printf(pinfo->pool,
                              "as seen at the capture point (round trip included); %u INVITE cop%s went out "
                              "first: loss is more likely than a slow server",
                              copies, copies == 1 ? "y" : "ies");
}

static void render_first_100(struct sa_view *v, const struct sa_trying_verdict *tv)
{
    const struct sa_txn *t = v->txn;
    if (tv->flags & SA_TRY_DELAY) {
        add_time(v, hf_sa_trying_delay, tv->delay_ns);
        add_uint(v, hf_sa_trying_retransmissions, t->copies_before_100);
        if (tv->flags & SA_TRY_LATE)
            SA_EXPERT_FMT(v, &ei_sa[SA_F_TRYING_LATE],
                          "100 Trying came %s after the INVITE in frame %u (threshold %u ms), %s",
                          ms_text(v->pinfo, tv->delay_ns), t->req_frame, sa_prefs.trying_delay_ms,
                          measured_text(v->pinfo, t->copies_before_100));
    }
    /* What follows the 100 is known on revisits only (src/txn_verdict.c). */
    if (tv->flags & SA_TRY_ON100) {
        add_time(v, hf_sa_trying_duration, tv->on100_ns);
        add_uint(v, hf_sa_trying_next_frame, t->next_frame);
        if (tv->flags & SA_TRY_LONG)
            SA_EXPERT_FMT(v, &ei_sa[SA_F_TRYING_LONG],
                          "Transaction stayed %s on 100 Trying; next response %u in frame %u "
                          "(threshold %u ms)",
                          ms_text(v->pinfo, tv->on100_ns), t->next_code, t->next_frame,
                          sa_prefs.trying_duration_ms);
    } else if (tv->flags & SA_TRY_STUCK) {
        add_time(v, hf_sa_trying_open, tv->on100_ns);
        if (t->req_frame)
            SA_EXPERT_FMT(v, &ei_sa[SA_F_TRYING_STUCK],
                          "Stuck on 100 Trying: no further response to the INVITE in frame %u for %s, "
                          "until the end of the capture",
                          t->req_frame, ms_text(v->pinfo, tv->on100_ns));
        else
            SA_EXPERT_FMT(v, &ei_sa[SA_F_TRYING_STUCK],
                          "Stuck on 100 Trying: no further response for %s, until the end of the capture "
                          "(the INVITE is not in the capture)",
                          ms_text(v->pinfo, tv->on100_ns));
    }
}

/* On the response that ended the wait on 100: how long it was, and why it ended if it failed. */
static void render_after_100(struct sa_view *v, const struct sa_trying_verdict *tv)
{
    const struct sa_txn *t = v->txn;
    add_uint(v, hf_sa_trying_frame, t->t100_frame);
    if (!(tv->flags & SA_TRY_ON100))
        return;
    add_time(v, hf_sa_trying_duration, tv->on100_ns);
    if (!(tv->flags & SA_TRY_LONG))
        return;
    /* What ended the wait: the 100 did come, so the next hop had the request. */
    const char *why = "";
    if (tv->flags & SA_TRY_ENDED_408)
        why = ": after the 100 nothing more came until the 408 (no answer from further downstream in time)";
    else if (tv->flags & SA_TRY_ENDED_487)
        why = wmem_strdup_printf(v->pinfo->pool, ": cancelled by the CANCEL in frame %u while waiting on 100 Trying",
                                 t->cancel_frame);
    else if (v->r->code >= 300)
        why = ": the transaction failed after waiting on 100 Trying";
    SA_EXPERT_FMT(v, &ei_sa[SA_F_TRYING_LONG],
                  "%s ended %s on 100 Trying (frame %u, threshold %u ms)%s", code_text(v->pinfo, v->r->code),
                  ms_text(v->pinfo, tv->on100_ns), t->t100_frame, sa_prefs.trying_duration_ms, why);
}

static void render_no_100(struct sa_view *v, const struct sa_trying_verdict *tv)
{
    const struct sa_txn *t = v->txn;
    SA_EXPERT_FMT(v, &ei_sa[SA_F_TRYING_ABSENT],
                  "No 100 Trying on this hop: the first response, %s, came %s after the INVITE in "
                  "frame %u (threshold %u ms), %s",
                  code_text(v->pinfo, v->r->code), ms_text(v->pinfo, tv->delay_ns), t->req_frame,
                  sa_prefs.trying_delay_ms, measured_text(v->pinfo, t->copies_before_first));
}

/* The verdicts are decided in src/txn_verdict.c, shared with the statistic (plugin/stats.c). */
static void render_trying(struct sa_view *v)
{
    const struct sa_record *r = v->r;
    if (!v->txn || (r->flags & SA_REC_RETRANS) ||
        !(r->flags & (SA_REC_FIRST_100 | SA_REC_AFTER_100 | SA_REC_NO_100)))
        return;
    const struct sa_trying_input in = {
        .txn = v->txn,
        .record_flags = r->flags,
        .code = r->code,
        .now_ns = v->now,
        .last_ns = (r->flags & SA_REC_FIRST_100) ? sa_analyzer_last_ts(v->an) : 0,
        .revisit = v->pinfo->fd->visited,
    };
    const struct sa_trying_limits lim = { ms_to_ns(sa_prefs.trying_delay_ms), ms_to_ns(sa_prefs.trying_duration_ms) };
    struct sa_trying_verdict tv;
    sa_trying_verdict(&in, &lim, &tv);
    /* A first response without 100 is worth a subtree only when it came late. */
    if (tv.role == SA_TRYING_FIRST_100 || tv.role == SA_TRYING_AFTER_100 || (tv.flags & SA_TRY_ABSENT)) {
        proto_tree *saved = v->tree;
        if (v->tree)
            v->tree = proto_tree_add_subtree(v->tree, v->tvb, v->start, 0, ett_sa_trying, NULL, "100 Trying timers");
        if (tv.role == SA_TRYING_FIRST_100)
            render_first_100(v, &tv);
        if (tv.role == SA_TRYING_AFTER_100)
            render_after_100(v, &tv);
        if (tv.flags & SA_TRY_ABSENT)
            render_no_100(v, &tv);
        v->tree = saved;
    }
}

/* A copy of a message inside an ICMP error is not traffic: only what it quotes is said. */
static void render_icmp_quote(struct sa_view *v)
{
    const struct sa_record *r = v->r;
    struct sa_icmp_report rep = { 0 };
    sa_analyzer_icmp_report(v->an, r, &rep);
    const char *words = sa_icmp_error_words(&rep.error);
    int kind = (int)strcspn(words, ":"); /* "port unreachable", without the explanation */
    const char *what = (r->flags & SA_REC_RESPONSE)
                           ? wmem_strdup_printf(v->pinfo->pool, "SIP %u response", (unsigned)r->code)
                           : "SIP request";
    if (r->link) {
        add_uint(v, hf_sa_icmp_quoted_frame, r->link);
        SA_EXPERT_FMT(v, &ei_sa[SA_F_ICMP_QUOTE], "ICMP %.*s quoting the %s in frame %u: a copy, not traffic", kind,
                      words, what, r->link);
    } else {
        SA_EXPERT_FMT(v, &ei_sa[SA_F_ICMP_QUOTE], "ICMP %.*s quoting a %s that is not in the capture: a copy, not traffic",
                      kind, words, what);
    }
}

/* Known once the ICMP error was read: on revisits (tshark -2, the GUI), like the other findings
 * that look forward. */
static void render_icmp_reported(struct sa_view *v)
{
    struct sa_icmp_report rep;
    if (!sa_analyzer_icmp_report(v->an, v->r, &rep))
        return;
    add_uint(v, hf_sa_icmp_frame, rep.first_frame);
    const char *more = rep.count > 1 ? wmem_strdup_printf(v->pinfo->pool, " (%u ICMP errors quote it)", rep.count) : "";
    SA_EXPERT_FMT(v, &ei_sa[SA_F_ICMP_UNDELIVERABLE], "Undeliverable: the ICMP error in frame %u says %s%s", rep.first_frame,
                  sa_icmp_error_words(&rep.error), more);
}

static int max_severity(int a, const expert_field *ei)
{
    int b = sa_expert_severity(ei);
    return a > b ? a : b;
}

/* Upper bounds of the severities a record can raise, derived from the table of findings
 * (src/findings.c) and the registered severities (users may change them): for each record flag,
 * the most severe finding that can appear under it, in one pass ([0]) and on revisits ([1]); for
 * a response, by its class, the most severe verdict that class allows. */
static int flag_bound[2][32];
static int class_bound[7];

static void build_asked_lists(void);

static bool is_verdict(enum sa_finding f)
{
    return f >= SA_F_RESPONSE_PROGRESS && f <= SA_F_RESPONSE_CHALLENGE_FAILED;
}

void sa_render_init(void)
{
    build_asked_lists();
    memset(flag_bound, 0, sizeof flag_bound);
    for (int f = 0; f < SA_F_COUNT; f++) {
        const struct sa_finding_info *row = sa_finding_info((enum sa_finding)f);
        if (is_verdict((enum sa_finding)f))
            continue; /* bounded by class below */
        for (int bit = 0; bit < 32; bit++) {
            if (!(row->flags & (1u << bit)))
                continue;
            flag_bound[1][bit] = max_severity(flag_bound[1][bit], &ei_sa[f]);
            if (!row->two_pass)
                flag_bound[0][bit] = max_severity(flag_bound[0][bit], &ei_sa[f]);
        }
    }
    for (unsigned c = SA_CLASS_PROVISIONAL; c <= SA_CLASS_GLOBAL_FAILURE; c++) {
        int sev = 0;
        for (int v = SA_VERDICT_PROGRESS; v < SA_VERDICT_COUNT; v++) {
            enum sa_finding f = sa_verdict_finding((enum sa_verdict)v);
            if (sa_finding_info(f)->severity <= sa_verdict_class_bound(c))
                sev = max_severity(sev, &ei_sa[f]);
        }
        class_bound[c] = sev;
    }
}

/* The most severe expert info this record may raise, from its flags and code alone. When the
 * capture already holds one that severe and nobody else can see the record's expert infos,
 * they cannot change anything. */
static int record_max_severity(const struct sa_record *r, gboolean visited)
{
    int sev = 0;
    for (uint32_t f = r->flags; f; f &= f - 1) {
        int b = flag_bound[visited ? 1 : 0][__builtin_ctz(f)];
        sev = b > sev ? b : sev;
    }
    if ((r->flags & (SA_REC_RESPONSE | SA_REC_CODE_INVALID | SA_REC_ICMP_QUOTE)) == SA_REC_RESPONSE &&
        class_bound[r->code / 100] > sev) /* valid: 100-699 */
        sev = class_bound[r->code / 100];
    return sev;
}

void sa_render_seen(packet_info *pinfo, proto_tree *tree, int64_t now, struct sa_seen *out)
{
    out->now = now;
    out->experts_observed = sa_experts_observed(pinfo, tree);
    /* A field can be seen in a shown tree or when a filter, column or extractor asks for one of
     * ours (Wireshark then marks their protocol, "SIP Analysis", as referenced). */
    out->fields = proto_field_is_referenced(tree, proto_sip_analysis);
    out->tree = tree;
}

/* The fields and expert infos a record can add, by the record flag they come with, and the
 * verdicts a response of each class can get: asked about before anything is built below the
 * item, so that a filter naming only the protocol (-Y sip.analysis) costs the item alone. The
 * expert infos come from the table of findings; the fields are those render_*() add (keep in
 * step: test_plugin.py's test_each_field_alone_is_found filters on each one alone). */
static const struct {
    uint32_t flag;
    const int *hf;
} FIELDS_BY_FLAG[] = {
    { SA_REC_RESPONSE, &hf_sa_class },
    { SA_REC_RESPONSE, &hf_sa_outcome },
    { SA_REC_RESPONSE, &hf_sa_request_frame },
    { SA_REC_RESPONSE, &hf_sa_response_time },
    { SA_REC_RESPONSE, &hf_sa_code_meaning },
    { SA_REC_RESPONSE, &hf_sa_code_seen_when },
    { SA_REC_RESPONSE, &hf_sa_code_action },
    { SA_REC_RESPONSE, &hf_sa_code_rfc },
    { SA_REC_RETRANS, &hf_sa_retransmission_of },
    { SA_REC_FIRST_100, &hf_sa_trying_delay },
    { SA_REC_FIRST_100, &hf_sa_trying_retransmissions },
    { SA_REC_FIRST_100, &hf_sa_trying_duration },
    { SA_REC_FIRST_100, &hf_sa_trying_next_frame },
    { SA_REC_FIRST_100, &hf_sa_trying_open },
    { SA_REC_AFTER_100, &hf_sa_trying_frame },
    { SA_REC_AFTER_100, &hf_sa_trying_duration },
    { SA_REC_HAS_EXT, &hf_sa_ext_required },
    { SA_REC_HAS_EXT, &hf_sa_ext_missing },
    { SA_REC_HAS_EXT, &hf_sa_ext_unsupported },
    { SA_REC_HAS_EXT, &hf_sa_ext_request_supported },
    { SA_REC_HAS_EXT, &hf_sa_ext_retry_of },
    { SA_REC_HAS_EXT, &hf_sa_ext_retry_frame },
    { SA_REC_HAS_EXT, &hf_sa_ext_retry_fixed },
    { SA_REC_ICMP_QUOTE, &hf_sa_icmp_quoted_frame },
    { SA_REC_ICMP_REPORTED, &hf_sa_icmp_frame },
    { SA_REC_HAS_CAUSE, &hf_sa_reason_protocol },
    { SA_REC_HAS_CAUSE, &hf_sa_reason_cause },
    { SA_REC_HAS_CAUSE, &hf_sa_reason_cause_name },
    { SA_REC_HAS_CAUSE, &hf_sa_reason_text },
    { SA_REC_HAS_CAUSE, &hf_sa_reason_cancel_frame },
    { SA_REC_HAS_CAUSE, &hf_sa_warning_code },
    { SA_REC_HAS_CAUSE, &hf_sa_warning_agent },
    { SA_REC_HAS_CAUSE, &hf_sa_warning_text },
    { SA_REC_HAS_SESSION, &hf_sa_session_min_se },
    { SA_REC_HAS_SESSION, &hf_sa_session_request_expires },
    { SA_REC_HAS_SESSION, &hf_sa_session_request_min_se },
    { SA_REC_HAS_SESSION, &hf_sa_session_retry_of },
    { SA_REC_HAS_SESSION, &hf_sa_session_retry_frame },
    { SA_REC_HAS_SESSION, &hf_sa_session_retry_fixed },
    { SA_REC_AUTH, &hf_sa_auth_first_challenge },
    { SA_REC_AUTH, &hf_sa_auth_challenge_count },
    { SA_REC_CALL_DELAY, &hf_sa_delay_srd },
    { SA_REC_CALL_DELAY, &hf_sa_delay_srd_failed },
    { SA_REC_CALL_DELAY, &hf_sa_delay_invite_frame },
    { SA_REC_CALL_DELAY, &hf_sa_delay_setup },
    { SA_REC_CALL_DELAY, &hf_sa_delay_sdd },
    { SA_REC_CALL_DELAY, &hf_sa_delay_sdd_failed },
    { SA_REC_CALL_DELAY, &hf_sa_delay_bye_frame },
};

struct hf_list {
    int *ids;
    guint count;
};
static struct hf_list asked_by_flag[32], asked_by_class[7];
static uint32_t asked_flags; /* the flags that have a list */

static void hf_list_add(struct hf_list *l, int hf)
{
    if (hf <= 0)
        return;
    l->ids = g_renew(int, l->ids, l->count + 1);
    l->ids[l->count++] = hf;
}

/* Built once, after registration: field ids and expert infos' field ids are known then. */
static void build_asked_lists(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(FIELDS_BY_FLAG); i++) {
        int bit = __builtin_ctz(FIELDS_BY_FLAG[i].flag);
        hf_list_add(&asked_by_flag[bit], *FIELDS_BY_FLAG[i].hf);
    }
    for (int f = 0; f < SA_F_COUNT; f++) {
        const struct sa_finding_info *row = sa_finding_info((enum sa_finding)f);
        if (is_verdict((enum sa_finding)f)) {
            for (unsigned c = SA_CLASS_PROVISIONAL; c <= SA_CLASS_GLOBAL_FAILURE; c++) {
                if (row->severity <= sa_verdict_class_bound(c))
                    hf_list_add(&asked_by_class[c], ei_sa[f].hf);
            }
            continue;
        }
        for (uint32_t fl = row->flags; fl; fl &= fl - 1)
            hf_list_add(&asked_by_flag[__builtin_ctz(fl)], ei_sa[f].hf);
    }
    asked_flags = 0;
    for (int bit = 0; bit < 32; bit++)
        asked_flags |= asked_by_flag[bit].count ? 1u << bit : 0;
}

static gboolean any_asked(proto_tree *tree, const struct hf_list *l)
{
    for (guint i = 0; i < l->count; i++) {
        if (proto_field_is_referenced(tree, l->ids[i]))
            return TRUE;
    }
    return FALSE;
}

/* Whether the tree is shown or a filter, column or extractor asks for one of the fields or
 * expert infos this record can add (Wireshark's own test before it builds an item). */
static gboolean record_items_asked(proto_tree *tree, const struct sa_record *r)
{
    for (uint32_t f = r->flags & asked_flags; f; f &= f - 1) {
        if (any_asked(tree, &asked_by_flag[__builtin_ctz(f)]))
            return TRUE;
    }
    return (r->flags & (SA_REC_RESPONSE | SA_REC_CODE_INVALID | SA_REC_ICMP_QUOTE)) == SA_REC_RESPONSE &&
           any_asked(tree, &asked_by_class[r->code / 100]);
}

void sa_render_record(const struct sa_analyzer *an, const struct sa_record *r, packet_info *pinfo, proto_item *parent,
                      const struct sa_seen *seen)
{
    if (r->flags & SA_REC_NOT_SIP)
        return;
    struct sa_view v = { .an = an, .r = r, .pinfo = pinfo };
    v.now = seen->now;
    /* Anything below the item that someone can see? An expert info also when it could raise the
     * capture's highest severity (the GUI status bar); once that is as severe as the plugin's
     * most severe, no need to look. */
    int highest = expert_get_highest_severity();
    gboolean fields = seen->fields && record_items_asked(seen->tree, r);
    gboolean below_item = fields || seen->experts_observed ||
                          (highest < sa_expert_max_severity() && record_max_severity(r, PINFO_FD_VISITED(pinfo)) > highest);
    /* parent: the SIP item, or the frame's root (no field_info) when Wireshark faked the SIP
     * items (sip_analysis.c); then our items have no position in the bytes. The item itself is
     * generated and zero-length: it is added without a data source (a position would show
     * nothing, and costs Wireshark its checks on every message); the subtrees below it need one. */
    field_info *fi = parent ? PITEM_FINFO(parent) : NULL;
    if (parent && (!fi || fi->ds_tvb)) {
        proto_item *ti = proto_tree_add_item(parent, proto_sip_analysis, NULL, 0, 0, ENC_NA);
        proto_item_set_generated(ti);
        if (!below_item)
            return; /* the item alone: what -Y sip.analysis needs */
        v.tvb = fi ? fi->ds_tvb : NULL;
        v.start = fi ? fi->start : 0;
        /* Without a field to be seen, only expert infos (for their observers, or for the highest
         * severity of a capture that has not reached ours) hang from the item: no subtree, and no
         * field is asked about (field_seen() needs v.tree). */
        v.tree = fields ? proto_item_add_subtree(ti, ett_sa) : NULL;
        v.anchor = ti;
    } else if (!below_item) {
        return;
    }
    v.experts_observed = seen->experts_observed;
    v.highest_severity = highest;
    v.txn = sa_analyzer_record_txn(an, r);
    if (r->flags & SA_REC_ICMP_QUOTE) {
        render_icmp_quote(&v);
        return;
    }
    /* What is wrong or notable first (issue 19), then links and times, then what the code means. */
    if (r->flags & SA_REC_RESPONSE)
        render_verdict(&v);
    if (r->flags & SA_REC_AUTH)
        render_auth(&v);
    render_input_problems(&v);
    if (r->flags & SA_REC_ICMP_REPORTED)
        render_icmp_reported(&v);
    /* The flag is read here: most records have no extension analysis, and the call costs more. */
    const struct sa_ext *ext = (r->flags & SA_REC_HAS_EXT) ? sa_analyzer_record_ext(an, r) : NULL;
    if (ext)
        sa_render_ext(ext, pinfo, v.tree, v.anchor, v.tvb, v.start);
    const struct sa_cause *cause = (r->flags & SA_REC_HAS_CAUSE) ? sa_analyzer_record_cause(an, r) : NULL;
    if (cause)
        sa_render_cause(cause, pinfo, v.tree, v.anchor, v.tvb, v.start);
    const struct sa_session *session = (r->flags & SA_REC_HAS_SESSION) ? sa_analyzer_record_session(an, r) : NULL;
    if (session)
        sa_render_session(session, pinfo, v.tree, v.anchor, v.tvb, v.start);
    render_link(&v);
    if (r->flags & SA_REC_CALL_DELAY) {
        struct sa_call_delay delay;
        if (sa_analyzer_record_delay(an, r, &delay))
            sa_render_delay(&delay, v.tree, v.tvb, v.start);
    }
    render_trying(&v);
    if (r->flags & SA_REC_RESPONSE) {
        render_class(&v);
        render_code(&v);
    }
}
