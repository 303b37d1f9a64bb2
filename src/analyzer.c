/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "analyzer.h"

#include "arena.h"
#include "call_delay.h"
#include "chunk_array.h"
#include "extension_check.h"
#include "failure_cause.h"
#include "hash64.h"
#include "hash_table.h"
#include "response_codes.h"
#include "response_verdict.h"
#include "sa_time.h"
#include "session_check.h"
#include "txn_key.h"
#include "txn_table.h"

#include <string.h>

_Static_assert(sizeof(struct sa_txn) <= 15 * sizeof(void *), "a transaction stays within 120 bytes (and its key) on 64-bit hosts");

/* The latest 420/421 and the latest 422 of a series (Call-ID, From tag, method) waiting for the
 * client's retry, found by the series' retry key written out in full (txn_key.h). */
struct pending_failure {
    struct sa_ext *ext;         /* or NULL */
    struct sa_session *session; /* or NULL */
    uint16_t key_len;
    uint8_t key[];
};

/* A 401/407 waiting for the client's retry with credentials, found by its series key. */
struct pending_challenge {
    struct sa_auth *auth;
    uint32_t frame;
    uint16_t key_len;
    uint8_t key[];
};

struct sa_analyzer {
    struct sa_allocator alloc; /* counts, then forwards to base */
    struct sa_allocator base;
    size_t live_bytes;
    struct sa_hash_key hash_key; /* drawn at random per capture by the caller */
    struct sa_txn_table txns;
    struct sa_hash_table failures; /* latest 420/421 and 422 per Call-ID + From tag + method, awaiting a
                                      retry: struct pending_failure */
    struct sa_hash_table failed_calls; /* Call-IDs of those: a request of any other call is no retry */
    struct sa_hash_table exts; /* record -> its 420/421 or retry analysis (SA_REC_HAS_EXT) */
    struct sa_hash_table icmp; /* record -> struct sa_icmp_report (SA_REC_ICMP_REPORTED, SA_REC_ICMP_QUOTE) */
    struct sa_hash_table challenges; /* latest 401/407 per Call-ID + From tag + method: struct pending_challenge */
    struct sa_hash_table retried;    /* transaction of a retry after a challenge -> struct pending_challenge */
    struct sa_hash_table auths;      /* record -> struct sa_auth (SA_REC_AUTH) */
    struct sa_hash_table causes;     /* record -> struct sa_cause (SA_REC_HAS_CAUSE) */
    struct sa_hash_table cancel_causes; /* INVITE transaction -> the cause its CANCEL gave */
    struct sa_hash_table sessions;      /* record -> struct sa_session (SA_REC_HAS_SESSION) */
    struct sa_hash_table session_requests; /* transaction -> struct sa_session_values its request
                                              said (requests with Session-Expires or Min-SE only) */
    struct sa_call_delays calls;     /* RFC 6076 delays: calls by Call-ID, transactions measured */
    struct sa_record_store records;
    struct sa_chunk_array txn_index; /* transaction number -> struct sa_txn * (NULL: its table entry failed) */
    size_t txn_count;                /* transactions made */
    struct sa_arena arena; /* transactions, retry series, session-timer analyses: never freed one by one */
    struct sa_tag_set_cache tag_sets; /* requests' option-tag sets, shared between transactions */
    uint32_t last_frame;
    int64_t last_ts;
};

static const struct sa_slice METHOD_INVITE = { "INVITE", 6 };

static bool slice_is(struct sa_slice s, const char *lit)
{
    size_t n = strlen(lit);
    return s.len == n && memcmp(s.ptr, lit, n) == 0; /* methods are case-sensitive (§7.1) */
}

/* Every allocation of the analysis goes through here, so its memory can be reported exactly. */
static void *counted_alloc(void *ctx, size_t size)
{
    struct sa_analyzer *a = ctx;
    void *p = a->base.alloc(a->base.ctx, size);
    if (p)
        a->live_bytes += size;
    return p;
}

static void counted_release(void *ctx, void *ptr, size_t size)
{
    struct sa_analyzer *a = ctx;
    a->base.release(a->base.ctx, ptr, size);
    a->live_bytes -= size;
}

struct sa_analyzer *sa_analyzer_new(const struct sa_allocator *alloc, const struct sa_hash_key *hash_key)
{
    struct sa_analyzer *a = alloc->alloc(alloc->ctx, sizeof *a);
    if (!a)
        return NULL;
    a->base = *alloc;
    a->alloc = (struct sa_allocator){ counted_alloc, counted_release, a };
    a->live_bytes = sizeof *a;
    a->hash_key = *hash_key;
    struct sa_hash_table *tables[] = { &a->failures, &a->failed_calls, &a->exts, &a->icmp,
                                       &a->challenges, &a->retried, &a->auths, &a->causes, &a->cancel_causes,
                                       &a->sessions, &a->session_requests, &a->calls.calls };
    const size_t n_tables = sizeof tables / sizeof tables[0];
    size_t ok = 0;
    while (ok < n_tables && sa_hash_table_init(tables[ok], &a->alloc))
        ok++;
    if (ok < n_tables || !sa_txn_table_init(&a->txns, &a->alloc, hash_key)) {
        while (ok-- > 0)
            a->alloc.release(a->alloc.ctx, tables[ok]->slots, sa_hash_table_bytes(tables[ok]));
        alloc->release(alloc->ctx, a, sizeof *a);
        return NULL;
    }
    sa_record_store_init(&a->records, &a->alloc);
    sa_chunk_array_init(&a->txn_index, &a->alloc, sizeof(struct sa_txn *));
    sa_arena_init(&a->arena, &a->alloc);
    sa_call_delays_bind(&a->calls, &a->alloc, &a->arena, &a->hash_key);
    return a;
}

void sa_analyzer_note_frame(struct sa_analyzer *a, uint32_t frame, int64_t ts_ns)
{
    /* The end of the capture is the last frame whose time is known. */
    if (frame >= a->last_frame && ts_ns != SA_TIME_UNKNOWN) {
        a->last_frame = frame;
        a->last_ts = ts_ns;
    }
}

int64_t sa_analyzer_last_ts(const struct sa_analyzer *a)
{
    return a->last_ts;
}

/* A new transaction, numbered for the records that refer to it; NULL when out of memory. */
static struct sa_txn *new_txn(struct sa_analyzer *a, const struct sa_key *k, const struct sa_txn_found *found)
{
    uint32_t n = sa_chunk_array_add(&a->txn_index, UINT32_MAX);
    if (!n)
        return NULL;
    struct sa_txn *t = sa_txn_table_add(&a->txns, &a->arena, k, found);
    if (!t)
        return NULL; /* number n stays unused (NULL): no record can hold it */
    t->number = n;
    *(struct sa_txn **)sa_chunk_array_at(&a->txn_index, n) = t;
    a->txn_count++;
    return t;
}

static struct sa_txn *txn_of(const struct sa_analyzer *a, const struct sa_record *r)
{
    struct sa_txn **slot = sa_chunk_array_at(&a->txn_index, r->txn);
    return slot ? *slot : NULL;
}

const struct sa_txn *sa_analyzer_record_txn(const struct sa_analyzer *a, const struct sa_record *r)
{
    return r ? txn_of(a, r) : NULL;
}

/* The key of a message's transaction; false (with the record told why, when it matters) when
 * the message cannot be matched. */
static bool make_key(const struct sa_message *msg, struct sa_slice method, const struct sa_endpoint *req_src,
                     const struct sa_endpoint *req_dst, struct sa_key *k, struct sa_record *r)
{
    enum sa_key_result res = sa_txn_key_make(msg, method, req_src, req_dst, k);
    if (res == SA_KEY_TOO_LONG && r)
        r->flags |= SA_REC_KEY_TOO_LONG;
    return res == SA_KEY_OK;
}

/* Keyed, so that crafted Call-IDs cannot crowd one run of the open-addressing tables. */
static uint64_t table_key(const struct sa_analyzer *a, const void *bytes, size_t len)
{
    uint64_t h = sa_siphash(&a->hash_key, bytes, len);
    return h ? h : 1;
}

static uint64_t call_key(const struct sa_analyzer *a, const struct sa_message *msg)
{
    return (msg->flags & SA_MSG_HAS_CALL_ID) ? table_key(a, msg->call_id.ptr, msg->call_id.len) : 0;
}

/* What tells a response's copies from a fork's: the whole To value stands for its tag (a copy
 * repeats it byte for byte, a fork carries another tag, and hashing it costs a fraction of finding
 * the tag in it). A 100 Trying comes from the next hop's one server transaction whatever its To
 * (RFC 3261 §8.2.6.2 lets it omit the tag): every 100 of a transaction is a copy, nothing to hash. */
static uint32_t response_to_tag(const struct sa_analyzer *a, const struct sa_message *msg)
{
    return msg->status_code == 100 ? 0 : sa_tag_hash(&a->hash_key, msg->to_value);
}

static void missing_header_flags(const struct sa_message *msg, struct sa_record *r)
{
    if (msg->flags & SA_MSG_TAG_LINES_CUT)
        r->flags |= SA_REC_TAG_LINES_CUT;
    /* A cut message lacks headers because of the capture, not the sender: say that instead. */
    if (msg->flags & SA_MSG_TRUNCATED) {
        r->flags |= SA_REC_TRUNCATED;
        return;
    }
    /* Lines ending in CR alone: that is what is wrong with the message, and says it once; a
     * header missing as well is not blamed on top of it. */
    if (msg->flags & SA_MSG_BARE_CR) {
        r->flags |= SA_REC_BARE_CR_LINES;
        return;
    }
    if (!(msg->flags & SA_MSG_HAS_CSEQ))
        r->flags |= SA_REC_NO_CSEQ;
    if (!(msg->flags & SA_MSG_HAS_VIA))
        r->flags |= SA_REC_NO_VIA;
    if (!(msg->flags & SA_MSG_HAS_CALL_ID))
        r->flags |= SA_REC_NO_CALL_ID;
}

/* ACK: to a non-2xx final it is part of the INVITE transaction (same branch, §17.1.1.3);
 * to a 2xx it is a transaction of its own that nothing answers, so it is not tracked. */
static void on_ack(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                   struct sa_record *r)
{
    struct sa_key k;
    if (!make_key(msg, METHOD_INVITE, &pkt->src, &pkt->dst, &k, r))
        return;
    struct sa_txn_found found;
    sa_txn_table_find(&a->txns, &k, &found);
    struct sa_txn *t = found.same;
    if (!t || !t->req_frame || t->final_code < 300)
        return;
    r->txn = t->number;
    r->flags |= SA_REC_ACK_OF_INVITE;
    if (t->ack_frame) {
        r->flags |= SA_REC_RETRANS;
        r->link = t->ack_frame;
    } else {
        t->ack_frame = pkt->frame;
    }
}

/* Records stay where they were made (record_store.h): their address is their identity. */
static uint64_t record_key(const struct sa_record *r)
{
    return sa_hash_finish((uint64_t)(uintptr_t)r);
}

/* Side tables keyed by a transaction (made on the first pass, never moved). */
static uint64_t pointer_key(const void *p)
{
    return sa_hash_finish((uint64_t)(uintptr_t)p);
}

static struct sa_ext *attach_ext(struct sa_analyzer *a, struct sa_record *r, struct sa_ext *e)
{
    if (!e || !sa_hash_table_put(&a->exts, record_key(r), e))
        return NULL;
    r->flags |= SA_REC_HAS_EXT;
    return e;
}

const struct sa_ext *sa_analyzer_record_ext(const struct sa_analyzer *a, const struct sa_record *r)
{
    if (!r || !(r->flags & SA_REC_HAS_EXT))
        return NULL;
    return sa_hash_table_get(&a->exts, record_key(r));
}

/* The pending entry of a series, by its retry key; NULL when there is none. */
static struct pending_failure *find_failure(const struct sa_analyzer *a, const struct sa_key *k)
{
    struct pending_failure *p = sa_hash_table_get(&a->failures, table_key(a, k->bytes, k->len));
    return p && p->key_len == k->len && memcmp(p->key, k->bytes, k->len) == 0 ? p : NULL;
}

/* A new request after a 420/421 or a 422 of the same Call-ID, From tag and method, with a higher
 * CSeq, is the client's retry (RFC 3261 §8.1.3.5, RFC 4028 §7). Nothing is hashed unless a
 * 420/421/422 is pending, and the From tag is read only for a request of a call that had one.
 * Links the 420/421's retry here; returns the 422 the request retries after, if any. */
static struct sa_session *check_retry(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                                      struct sa_record *r)
{
    if (a->failures.count == 0 || slice_is(msg->method, "CANCEL"))
        return NULL;
    uint64_t call = call_key(a, msg);
    if (!call || !sa_hash_table_get(&a->failed_calls, call))
        return NULL;
    struct sa_key k;
    if (!sa_retry_key_make(msg, msg->method, &k))
        return NULL;
    struct pending_failure *p = find_failure(a, &k);
    if (!p)
        return NULL; /* or another series whose hash is the same: no link rather than a wrong one */
    struct sa_ext *origin = p->ext;
    if (origin && !origin->retry_frame && msg->cseq > origin->cseq)
        attach_ext(a, r, sa_ext_on_retry(&a->alloc, origin, msg, pkt->frame));
    struct sa_session *s = p->session;
    return s && !s->retry_frame && msg->cseq > s->cseq ? s : NULL;
}

/* The pending entry of the series a 420/421/422 belongs to, made when it has none. */
static struct pending_failure *failure_series(struct sa_analyzer *a, const struct sa_message *msg)
{
    struct sa_key k;
    if (!sa_retry_key_make(msg, msg->cseq_method, &k))
        return NULL;
    struct pending_failure *p = find_failure(a, &k);
    if (p)
        return p; /* a series already waiting keeps its entry */
    p = sa_arena_alloc(&a->arena, sizeof *p + k.len);
    if (!p)
        return NULL;
    p->key_len = k.len;
    memcpy(p->key, k.bytes, k.len);
    if (!sa_hash_table_put(&a->failures, table_key(a, k.bytes, k.len), p))
        return NULL;
    sa_hash_table_put(&a->failed_calls, call_key(a, msg), p); /* retry key set: Call-ID too */
    return p;
}

static void on_failure(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                       const struct sa_txn *t, struct sa_record *r)
{
    struct sa_ext *e = attach_ext(a, r, sa_ext_on_failure(&a->alloc, msg, pkt->frame, t));
    struct pending_failure *p = e ? failure_series(a, msg) : NULL;
    if (p)
        p->ext = e; /* the latest 420/421 of a series waits for the retry */
}

/* ---- session timer: 422 Session Interval Too Small and the requests around it ------------- */

static struct sa_session *attach_session(struct sa_analyzer *a, struct sa_record *r, struct sa_session *s)
{
    if (!s || !sa_hash_table_put(&a->sessions, record_key(r), s))
        return NULL;
    r->flags |= SA_REC_HAS_SESSION;
    return s;
}

const struct sa_session *sa_analyzer_record_session(const struct sa_analyzer *a, const struct sa_record *r)
{
    if (!r || !(r->flags & SA_REC_HAS_SESSION))
        return NULL;
    return sa_hash_table_get(&a->sessions, record_key(r));
}

/* A new request's Session-Expires and Min-SE: kept on its transaction for a 422 that may answer
 * it, and analysed when wrong or when the request retries after a 422. A request with neither
 * header that retries after no 422 costs two tests. */
static void note_session_request(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                                 struct sa_record *r, const struct sa_txn *t, struct sa_session *origin)
{
    if (!msg->session_expires.ptr && !msg->min_se.ptr && !origin)
        return;
    struct sa_session_values v;
    attach_session(a, r, sa_session_on_request(&a->arena.as_allocator, msg, pkt->frame, origin, &v));
    if (!(v.flags & (SA_SV_EXPIRES | SA_SV_MIN_SE)))
        return;
    struct sa_session_values *kept = sa_arena_alloc(&a->arena, sizeof *kept);
    if (kept) {
        *kept = v;
        sa_hash_table_put(&a->session_requests, pointer_key(t), kept);
    }
}

/* A 422: its Min-SE against what the request said; then the latest 422 of its series waits for
 * the retry. t: the transaction answered, NULL when its request is not in the capture. */
static void on_session_failure(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                               const struct sa_txn *t, struct sa_record *r)
{
    const struct sa_session_values *said =
        t && a->session_requests.count ? sa_hash_table_get(&a->session_requests, pointer_key(t)) : NULL;
    struct pending_failure *p = failure_series(a, msg);
    struct sa_session *s = attach_session(a, r, sa_session_on_422(&a->arena.as_allocator, msg, pkt->frame,
                                                                   t ? t->req_frame : 0, said,
                                                                   p ? p->session : NULL));
    if (s && p)
        p->session = s;
}

/* ---- authentication: challenge, retry with credentials, and what answered the retry ------ */

static struct pending_challenge *find_challenge(const struct sa_analyzer *a, const struct sa_key *k)
{
    struct pending_challenge *p = sa_hash_table_get(&a->challenges, table_key(a, k->bytes, k->len));
    return p && p->key_len == k->len && memcmp(p->key, k->bytes, k->len) == 0 ? p : NULL;
}

/* A new request of the series a 401/407 challenged, with a higher CSeq, is the client's retry
 * with credentials (RFC 3261 §22.2): what answers it tells whether authentication worked. */
static void check_challenge_retry(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                                  struct sa_txn *t)
{
    struct sa_key k;
    if (a->challenges.count == 0 || slice_is(msg->method, "CANCEL") || !sa_retry_key_make(msg, msg->method, &k))
        return;
    struct pending_challenge *p = find_challenge(a, &k);
    if (!p || p->auth->retry_frame || msg->cseq <= p->auth->cseq)
        return;
    p->auth->retry_frame = pkt->frame;
    sa_hash_table_put(&a->retried, pointer_key(t), p);
}

static struct sa_auth *attach_auth(struct sa_analyzer *a, struct sa_record *r)
{
    struct sa_auth *auth = sa_arena_alloc(&a->arena, sizeof *auth);
    if (!auth || !sa_hash_table_put(&a->auths, record_key(r), auth))
        return NULL;
    r->flags |= SA_REC_AUTH;
    return auth;
}

/* A 401/407 starts (or continues) a series awaiting a retry; a 401/407/403 answering a retry
 * records the challenge the retry followed. */
static void note_auth(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                      const struct sa_txn *t, struct sa_record *r)
{
    unsigned code = msg->status_code;
    bool challenge = code == 401 || code == 407;
    if (!challenge && code != 403)
        return;
    const struct pending_challenge *before =
        a->retried.count && t->req_frame ? sa_hash_table_get(&a->retried, pointer_key(t)) : NULL;
    if (!challenge && !before)
        return;
    struct sa_auth *auth = attach_auth(a, r);
    if (!auth)
        return;
    auth->cseq = msg->cseq;
    /* The series of challenges: one answering a retry with credentials continues the series of
     * the challenge that retry followed; any other starts one (a REGISTER refresh challenged
     * an hour later is a new series, with the same Call-ID and From tag). */
    const struct sa_auth *prev = before ? before->auth : NULL;
    if (before) {
        auth->after_challenge = before->frame;
        auth->retry_of = t->req_frame;
    }
    auth->first_challenge = prev ? prev->first_challenge : pkt->frame;
    auth->challenge_count = prev ? prev->challenge_count : 0;
    if (challenge && auth->challenge_count < UINT32_MAX)
        auth->challenge_count++;
    struct sa_key k;
    if (!challenge || !sa_retry_key_make(msg, msg->cseq_method, &k))
        return;
    uint64_t h = table_key(a, k.bytes, k.len);
    struct pending_challenge *p = find_challenge(a, &k);
    if (!p) {
        p = sa_arena_alloc(&a->arena, sizeof *p + k.len);
        if (!p)
            return;
        p->key_len = k.len;
        memcpy(p->key, k.bytes, k.len);
        if (!sa_hash_table_put(&a->challenges, h, p))
            return;
    }
    p->auth = auth; /* the latest challenge of the series awaits the next retry */
    p->frame = pkt->frame;
}

const struct sa_auth *sa_analyzer_record_auth(const struct sa_analyzer *a, const struct sa_record *r)
{
    if (!r || !(r->flags & SA_REC_AUTH))
        return NULL;
    return sa_hash_table_get(&a->auths, record_key(r));
}

/* ---- why a call failed or ended: Reason and Warning (failure_cause.h) ---------------------- */

static const struct sa_cause *attach_cause(struct sa_analyzer *a, struct sa_record *r, struct sa_cause *c)
{
    if (!c || !sa_hash_table_put(&a->causes, record_key(r), c))
        return NULL;
    r->flags |= SA_REC_HAS_CAUSE;
    return c;
}

const struct sa_cause *sa_analyzer_record_cause(const struct sa_analyzer *a, const struct sa_record *r)
{
    if (!r || !(r->flags & SA_REC_HAS_CAUSE))
        return NULL;
    return sa_hash_table_get(&a->causes, record_key(r));
}

/* A 487 repeats what the CANCEL that ended its INVITE said (RFC 3326 §2: e.g. the call was
 * answered elsewhere); its own Reason, if any, is kept too. */
static void note_cancel_cause(struct sa_analyzer *a, const struct sa_message *msg, const struct sa_txn *t,
                              struct sa_record *r, struct sa_cause *own)
{
    const struct sa_cause *said = a->cancel_causes.count && t->cancel_frame && msg->status_code == 487
                                      ? sa_hash_table_get(&a->cancel_causes, pointer_key(t))
                                      : NULL;
    if (said && !own) {
        own = sa_arena_alloc(&a->arena, sizeof *own);
        if (own)
            memset(own, 0, sizeof *own);
    }
    if (said && own) {
        own->cancel = said;
        own->cancel_frame = t->cancel_frame;
    }
    attach_cause(a, r, own);
}

static void on_request(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                       struct sa_record *r)
{
    if (slice_is(msg->method, "ACK")) {
        on_ack(a, pkt, msg, r);
        return;
    }
    struct sa_key k;
    if (!make_key(msg, msg->method, &pkt->src, &pkt->dst, &k, r))
        return;
    if (k.legacy)
        r->flags |= SA_REC_LEGACY_KEY;
    struct sa_txn_found found;
    sa_txn_table_find(&a->txns, &k, &found);
    struct sa_txn *t = found.same;
    if (t && t->req_frame) {
        /* Same request again on the same hop: a retransmission (or a TCP-level duplicate). */
        r->txn = t->number;
        r->flags |= SA_REC_RETRANS;
        r->link = t->req_frame;
        t->last_req_copy = pkt->frame;
        if (t->req_copies < UINT16_MAX)
            t->req_copies++;
        return;
    }
    if (!t && found.other_call && found.other_call->req_frame) {
        /* §8.1.1.7 makes the branch unique: another call's request with it is not a copy. */
        r->flags |= SA_REC_BRANCH_REUSED;
        r->link = found.other_call->req_frame;
    }
    struct sa_session *session_origin = check_retry(a, pkt, msg, r);
    t = new_txn(a, &k, &found);
    if (!t)
        return;
    check_challenge_retry(a, pkt, msg, t);
    sa_ext_note_request(&a->arena.as_allocator, &a->tag_sets, t, msg);
    note_session_request(a, pkt, msg, r, t, session_origin);
    t->cseq = msg->cseq;
    t->req_frame = pkt->frame;
    t->last_req_copy = pkt->frame;
    t->req_ts = pkt->ts_ns;
    if (slice_is(msg->method, "INVITE")) {
        t->flags |= SA_TXN_INVITE;
        t->delay_id = sa_call_delays_invite(&a->calls, msg, pkt->frame, pkt->ts_ns, &pkt->src);
    } else if (slice_is(msg->method, "BYE")) {
        t->delay_id = sa_call_delays_bye(&a->calls, msg, pkt->frame, pkt->ts_ns, &pkt->src);
    }
    r->txn = t->number;
    if (slice_is(msg->method, "CANCEL")) {
        /* A CANCEL shares its INVITE's branch (§9.1): note it on the INVITE transaction. */
        struct sa_key ik;
        struct sa_txn_found ifound;
        if (!make_key(msg, METHOD_INVITE, &pkt->src, &pkt->dst, &ik, NULL))
            return;
        sa_txn_table_find(&a->txns, &ik, &ifound);
        struct sa_txn *inv = ifound.same;
        if (inv && inv->req_frame && !inv->cancel_frame) {
            inv->cancel_frame = pkt->frame;
            inv->flags |= SA_TXN_CANCELLED;
            const struct sa_cause *c = sa_analyzer_record_cause(a, r);
            if (c)
                sa_hash_table_put(&a->cancel_causes, pointer_key(inv), (void *)c);
        }
    }
}

/* ---- the delays a call felt (RFC 6076, call_delay.h) ---------------------------------------- */

static void note_call_delay(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                            const struct sa_txn *t, struct sa_record *r)
{
    r->delay_ends = sa_call_delays_response(&a->calls, t->delay_id, msg->status_code, t->cancel_frame != 0, pkt->ts_ns);
    if (r->delay_ends)
        r->flags |= SA_REC_CALL_DELAY;
}

bool sa_analyzer_record_delay(const struct sa_analyzer *a, const struct sa_record *r, struct sa_call_delay *out)
{
    const struct sa_txn *t = r && (r->flags & SA_REC_CALL_DELAY) ? txn_of(a, r) : NULL;
    if (!t) {
        memset(out, 0, sizeof *out);
        return false;
    }
    sa_call_delays_result(&a->calls, t->delay_id, r->delay_ends, out);
    return out->flags != 0;
}

/* 100 Trying bookkeeping of an INVITE transaction (RFC 3261 §17.2.1). */
static void track_trying(struct sa_txn *t, const struct sa_packet *pkt, uint16_t code, struct sa_record *r)
{
    if (code == 100) {
        if (!t->t100_frame) {
            t->t100_frame = pkt->frame;
            t->t100_ts = pkt->ts_ns;
            t->copies_before_100 = t->req_copies;
            r->flags |= SA_REC_FIRST_100;
        }
        return;
    }
    if (t->t100_frame && !t->next_frame) {
        t->next_frame = pkt->frame;
        t->next_ts = pkt->ts_ns;
        t->next_code = code;
        r->flags |= SA_REC_AFTER_100;
    } else if (!t->t100_frame && !t->last_resp_frame && t->req_frame) {
        r->flags |= SA_REC_NO_100; /* without the request, what came first is not known */
    }
}

/* The transaction a response answers: its own, or the one that differs only in the server's port
 * when there is exactly one (devices answering from another source port, RFC 3261 §18.2.2 sends
 * responses to the Via, whatever port they leave from). Two or more such transactions (the same
 * request sent to two ports of one host) leave the response unmatched rather than guessed. */
static struct sa_txn *answered_txn(const struct sa_txn_found *found, struct sa_record *r)
{
    if (found->same && found->same->req_frame)
        return found->same;
    if (found->other_port_count == 1 && !(found->other_port->flags & SA_TXN_CROWDED)) {
        r->flags |= SA_REC_OTHER_PORT;
        return found->other_port;
    }
    if (found->other_port_count > 0) { /* several, or one of a crowd whose others were dropped */
        r->flags |= SA_REC_PORT_AMBIGUOUS;
        r->link = found->other_port->req_frame;
    }
    return found->same; /* made from an earlier response without its request, or NULL */
}

/* A response whose request is not in the capture still starts a transaction of its own, so its
 * copies (a final resent until the ACK, §17.2.1) link to it and the wait on a 100 is measured. */
static struct sa_txn *txn_without_request(struct sa_analyzer *a, const struct sa_message *msg, const struct sa_key *k,
                                          const struct sa_txn_found *found)
{
    struct sa_txn *t = new_txn(a, k, found);
    if (!t)
        return NULL;
    t->cseq = msg->cseq;
    t->req_ts = SA_TIME_UNKNOWN;
    t->flags |= SA_TXN_NO_REQUEST;
    if (slice_is(msg->cseq_method, "INVITE"))
        t->flags |= SA_TXN_INVITE;
    return t;
}

static void on_response(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                        struct sa_record *r)
{
    r->code = msg->status_code;
    bool valid = (msg->flags & SA_MSG_CODE_NUMERIC) && msg->status_code >= 100 && msg->status_code <= 699;
    if (!valid)
        r->flags |= SA_REC_CODE_INVALID;
    if (!(msg->flags & SA_MSG_CODE_NUMERIC))
        r->flags |= SA_REC_CODE_NOT_NUMERIC;
    /* Reviewers read the phrase; a vendor's own wording is worth pointing out (the code rules). */
    const struct sa_code_info *info = valid ? sa_code_lookup(msg->status_code) : NULL;
    if (info && !sa_code_phrase_matches(info, msg->reason))
        r->flags |= SA_REC_PHRASE_DIFFERS;
    bool ext_code = valid && (msg->status_code == 420 || msg->status_code == 421);
    bool session_code = valid && msg->status_code == 422;
    /* A response travels the request's hop backwards: its destination sent the request. */
    struct sa_key k;
    if (!make_key(msg, msg->cseq_method, &pkt->dst, &pkt->src, &k, r)) {
        if (!(r->flags & SA_REC_KEY_TOO_LONG))
            r->flags |= SA_REC_REQUEST_UNSEEN;
        if (ext_code && (msg->flags & SA_MSG_HAS_CSEQ))
            on_failure(a, pkt, msg, NULL, r);
        if (session_code && (msg->flags & SA_MSG_HAS_CSEQ))
            on_session_failure(a, pkt, msg, NULL, r);
        return;
    }
    struct sa_txn_found found;
    sa_txn_table_find(&a->txns, &k, &found);
    struct sa_txn *t = answered_txn(&found, r);
    if (!t && valid)
        t = txn_without_request(a, msg, &k, &found);
    bool ambiguous = r->flags & SA_REC_PORT_AMBIGUOUS; /* its request may well be in the capture */
    if (!t) {
        if (!ambiguous)
            r->flags |= SA_REC_REQUEST_UNSEEN;
        return;
    }
    r->txn = t->number;
    if (k.legacy)
        r->flags |= SA_REC_LEGACY_KEY;
    int64_t dt;
    if (sa_time_diff(pkt->ts_ns, t->req_ts, &dt) && dt < 0)
        r->flags |= SA_REC_NEGATIVE_TIME;
    if (!valid)
        return;
    uint32_t to_tag = response_to_tag(a, msg);
    t->last_resp_copy = pkt->frame;
    t->last_resp_copy_to_tag = to_tag;
    /* A server transaction resends its last response when the request is retransmitted, and a
     * UAS core resends a 2xx until the ACK: same code and To tag as before is a copy. */
    uint32_t copy_of = 0;
    if (t->last_resp_frame && t->last_resp_code == msg->status_code && t->last_resp_to_tag == to_tag)
        copy_of = t->last_resp_frame;
    else if (t->final_frame && t->final_code == msg->status_code && t->final_to_tag == to_tag)
        copy_of = t->final_frame;
    if (copy_of) {
        /* A copy says nothing new: what was ambiguous about it is said on the first one. */
        r->flags = (r->flags & ~(uint32_t)SA_REC_PORT_AMBIGUOUS) | SA_REC_RETRANS;
        r->link = copy_of;
        return;
    }
    if (!t->req_frame && !ambiguous && !t->last_resp_frame)
        r->flags |= SA_REC_REQUEST_UNSEEN; /* said once per transaction made without its request */
    if (!t->last_resp_frame)
        t->copies_before_first = t->req_copies;
    if (t->flags & SA_TXN_INVITE)
        track_trying(t, pkt, msg->status_code, r);
    if (ext_code)
        on_failure(a, pkt, msg, t->req_frame ? t : NULL, r);
    if (session_code)
        on_session_failure(a, pkt, msg, t->req_frame ? t : NULL, r);
    note_auth(a, pkt, msg, t, r);
    if (t->delay_id)
        note_call_delay(a, pkt, msg, t, r);
    t->last_resp_frame = pkt->frame;
    t->last_resp_code = msg->status_code;
    t->last_resp_to_tag = to_tag;
    if (msg->status_code >= 200 && !t->final_frame) {
        t->final_frame = pkt->frame;
        t->final_code = msg->status_code;
        t->final_to_tag = to_tag;
    }
}

const struct sa_record *sa_analyzer_message(struct sa_analyzer *a, const struct sa_packet *pkt,
                                            const struct sa_message *msg)
{
    struct sa_record *r = sa_record_store_add(&a->records, pkt->frame);
    if (!r)
        return NULL;
    if (!msg || (msg->flags & SA_MSG_START_LINE_BAD)) {
        r->flags |= SA_REC_NOT_SIP;
        return r;
    }
    missing_header_flags(msg, r);
    if (pkt->ts_ns == SA_TIME_UNKNOWN)
        r->flags |= SA_REC_TIME_INVALID;
    /* Only messages with a Reason or Warning line (failures, CANCEL, BYE) keep anything. */
    struct sa_cause *cause = msg->reason_line_count || msg->warning_line_count ? sa_cause_keep(&a->arena, msg) : NULL;
    if (msg->flags & SA_MSG_RESPONSE) {
        r->flags |= SA_REC_RESPONSE;
        on_response(a, pkt, msg, r);
        struct sa_txn *t = txn_of(a, r);
        if (t)
            note_cancel_cause(a, msg, t, r, cause);
        else
            attach_cause(a, r, cause);
    } else {
        attach_cause(a, r, cause); /* first: a CANCEL hands its cause to its INVITE */
        on_request(a, pkt, msg, r);
    }
    return r;
}

/* The record of the quoted message in its frame (a frame may hold several messages). */
static struct sa_record *record_of(struct sa_analyzer *a, uint32_t frame, const struct sa_txn *t, bool response)
{
    const struct sa_record *r = sa_record_store_first(&a->records, frame);
    for (; r; r = (r->flags & SA_REC_MORE_IN_FRAME) ? sa_record_store_next(&a->records, r) : NULL) {
        if (r->txn == t->number && !(r->flags & SA_REC_ICMP_QUOTE) && !!(r->flags & SA_REC_RESPONSE) == response)
            return (struct sa_record *)r; /* the store hands out its own records as const */
    }
    return NULL;
}

/* The frame of the message an ICMP error quotes, and its transaction; 0 when not in the capture.
 * The quote may be cut short (routers quote a few hundred bytes): what it holds must match. */
static uint32_t quoted_frame(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                             struct sa_txn **txn)
{
    struct sa_key k;
    struct sa_txn_found found;
    bool response = msg->flags & SA_MSG_RESPONSE;
    bool ack = !response && slice_is(msg->method, "ACK");
    struct sa_slice method = response ? msg->cseq_method : ack ? METHOD_INVITE : msg->method;
    const struct sa_endpoint *client = response ? &pkt->dst : &pkt->src;
    const struct sa_endpoint *server = response ? &pkt->src : &pkt->dst;
    if (sa_txn_key_make(msg, method, client, server, &k) != SA_KEY_OK)
        return 0;
    sa_txn_table_find(&a->txns, &k, &found);
    struct sa_record scratch = { 0 };
    struct sa_txn *t = response ? answered_txn(&found, &scratch) : found.same;
    *txn = t;
    if (!t)
        return 0;
    if (!response)
        return ack ? t->ack_frame : t->last_req_copy;
    /* An ICMP error follows the copy it quotes at once: the latest response, if it is that one
     * (same code, and same To unless the quote was cut before it: forks share the code). */
    uint32_t to_tag = response_to_tag(a, msg);
    bool quoted_to = msg->to_value.len > 0;
    const struct sa_record *latest = record_of(a, t->last_resp_copy, t, true);
    if (latest && latest->code == msg->status_code && (!quoted_to || to_tag == t->last_resp_copy_to_tag))
        return t->last_resp_copy;
    if (msg->status_code == t->last_resp_code && (!quoted_to || to_tag == t->last_resp_to_tag))
        return t->last_resp_frame;
    if (msg->status_code == t->final_code && (!quoted_to || to_tag == t->final_to_tag))
        return t->final_frame;
    if (msg->status_code == 100)
        return t->t100_frame;
    return 0;
}

static struct sa_icmp_report *icmp_entry(struct sa_analyzer *a, struct sa_record *r, uint32_t flag)
{
    struct sa_icmp_report *rep = sa_hash_table_get(&a->icmp, record_key(r));
    if (rep)
        return rep;
    rep = sa_arena_alloc(&a->arena, sizeof *rep);
    if (!rep || !sa_hash_table_put(&a->icmp, record_key(r), rep))
        return NULL;
    r->flags |= flag;
    return rep;
}

const struct sa_record *sa_analyzer_icmp_quote(struct sa_analyzer *a, const struct sa_packet *pkt,
                                               const struct sa_message *msg, const struct sa_icmp_error *err)
{
    struct sa_record *r = sa_record_store_add(&a->records, pkt->frame);
    if (!r)
        return NULL;
    r->flags |= SA_REC_ICMP_QUOTE;
    struct sa_icmp_report *own = icmp_entry(a, r, SA_REC_ICMP_QUOTE);
    if (own)
        own->error = *err;
    if (!msg || (msg->flags & SA_MSG_START_LINE_BAD))
        return r;
    bool response = msg->flags & SA_MSG_RESPONSE;
    if (response) {
        r->flags |= SA_REC_RESPONSE;
        r->code = msg->status_code;
    }
    struct sa_txn *t = NULL;
    uint32_t frame = quoted_frame(a, pkt, msg, &t);
    struct sa_record *orig = frame && frame < pkt->frame ? record_of(a, frame, t, response) : NULL;
    if (!orig)
        return r;
    r->link = frame;
    if (!sa_icmp_error_drops(err))
        return r; /* e.g. a source quench: the message went on */
    struct sa_icmp_report *rep = icmp_entry(a, orig, SA_REC_ICMP_REPORTED);
    if (!rep)
        return r;
    if (rep->count++ == 0) {
        rep->first_frame = pkt->frame;
        rep->error = *err;
    }
    if (rep->count == 0)
        rep->count = UINT32_MAX; /* saturated */
    return r;
}

bool sa_analyzer_icmp_report(const struct sa_analyzer *a, const struct sa_record *r, struct sa_icmp_report *out)
{
    const struct sa_icmp_report *rep = (r->flags & (SA_REC_ICMP_REPORTED | SA_REC_ICMP_QUOTE))
                                           ? sa_hash_table_get(&a->icmp, record_key(r))
                                           : NULL;
    if (!rep)
        return false;
    *out = *rep;
    return true;
}

bool sa_icmp_error_drops(const struct sa_icmp_error *e)
{
    if (e->v6)
        return e->type >= 1 && e->type <= 4; /* unreachable, too big, time exceeded, parameter problem */
    return e->type == 3 || e->type == 11 || e->type == 12; /* not 4, source quench (RFC 6633) */
}

const char *sa_icmp_error_words(const struct sa_icmp_error *e)
{
    if (!e->v6 && e->type == 3) {
        switch (e->code) {
        case 0: return "network unreachable: a router has no route to it";
        case 1: return "host unreachable: a router could not reach the host";
        case 3: return "port unreachable: the host answered, but nothing listens on that port";
        case 9: case 10: case 13: return "administratively prohibited: a firewall refused it";
        default: return "destination unreachable";
        }
    }
    if (e->v6 && e->type == 1) {
        switch (e->code) {
        case 0: return "no route to destination";
        case 1: case 5: case 6: return "administratively prohibited: a firewall refused it";
        case 3: return "address unreachable: a router could not reach the host";
        case 4: return "port unreachable: the host answered, but nothing listens on that port";
        default: return "destination unreachable";
        }
    }
    if ((!e->v6 && e->type == 11) || (e->v6 && e->type == 3))
        return "time exceeded: a routing loop or too few hops";
    if ((!e->v6 && e->type == 4) || (e->v6 && e->type == 2))
        return e->v6 ? "packet too big" : "source quench";
    return "an ICMP error";
}

const struct sa_record *sa_analyzer_first_record(const struct sa_analyzer *a, uint32_t frame)
{
    return sa_record_store_first(&a->records, frame);
}

const struct sa_record *sa_analyzer_next_record(const struct sa_analyzer *a, const struct sa_record *r)
{
    return sa_record_store_next(&a->records, r);
}

void sa_analyzer_stats(const struct sa_analyzer *a, struct sa_analyzer_stats *out)
{
    out->transactions = a->txn_count;
    out->records = a->records.count;
    out->bytes = a->live_bytes;
}
