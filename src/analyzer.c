/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "analyzer.h"

#include "arena.h"
#include "extension_check.h"
#include "hash64.h"
#include "hash_table.h"
#include "response_codes.h"
#include "txn_key.h"

#include <string.h>

_Static_assert(sizeof(struct sa_txn) <= 10 * sizeof(void *), "a transaction stays within 80 bytes on 64-bit hosts");

struct sa_analyzer {
    struct sa_allocator alloc; /* counts, then forwards to base */
    struct sa_allocator base;
    size_t live_bytes;
    struct sa_hash_table txns;
    struct sa_hash_table failures; /* latest 420/421 per Call-ID + From tag + method, awaiting a retry */
    struct sa_hash_table failed_calls; /* Call-IDs of those: a request of any other call is no retry */
    struct sa_hash_table exts; /* record -> its 420/421 or retry analysis (SA_REC_HAS_EXT) */
    struct sa_record_store records;
    size_t txn_count;
    struct sa_arena arena; /* transactions and 420/421 findings: never freed one by one */
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

struct sa_analyzer *sa_analyzer_new(const struct sa_allocator *alloc)
{
    struct sa_analyzer *a = alloc->alloc(alloc->ctx, sizeof *a);
    if (!a)
        return NULL;
    a->base = *alloc;
    a->alloc = (struct sa_allocator){ counted_alloc, counted_release, a };
    a->live_bytes = sizeof *a;
    struct sa_hash_table *tables[] = { &a->txns, &a->failures, &a->failed_calls, &a->exts };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (sa_hash_table_init(tables[i], &a->alloc))
            continue;
        while (i-- > 0)
            a->alloc.release(a->alloc.ctx, tables[i]->slots, sa_hash_table_bytes(tables[i]));
        alloc->release(alloc->ctx, a, sizeof *a);
        return NULL;
    }
    sa_record_store_init(&a->records, &a->alloc);
    sa_arena_init(&a->arena, &a->alloc);
    return a;
}

void sa_analyzer_note_frame(struct sa_analyzer *a, uint32_t frame, int64_t ts_ns)
{
    if (frame >= a->last_frame) {
        a->last_frame = frame;
        a->last_ts = ts_ns;
    }
}

int64_t sa_analyzer_last_ts(const struct sa_analyzer *a)
{
    return a->last_ts;
}

static struct sa_txn *new_txn(struct sa_analyzer *a, uint64_t key)
{
    struct sa_txn *t = sa_arena_alloc(&a->arena, sizeof *t);
    if (!t)
        return NULL;
    if (!sa_hash_table_put(&a->txns, key, t))
        return NULL; /* a few bytes of the arena stay unused */
    a->txn_count++;
    return t;
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
    bool legacy;
    uint64_t key = sa_txn_key(msg, METHOD_INVITE, &pkt->src, &pkt->dst, &legacy);
    struct sa_txn *t = key ? sa_hash_table_get(&a->txns, key) : NULL;
    if (!t || t->cseq != msg->cseq || t->final_code < 300)
        return;
    r->txn = t;
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

/* A new request after a 420/421 of the same Call-ID, From tag and method, with a higher CSeq, is
 * the client's retry (RFC 3261 §8.1.3.5). Nothing is hashed unless a 420/421 is pending, and
 * the From tag is read only for a request of a call that had one. */
static void check_retry(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                        struct sa_record *r)
{
    if (a->failures.count == 0 || slice_is(msg->method, "CANCEL"))
        return;
    uint64_t call = sa_call_key(msg);
    if (!call || !sa_hash_table_get(&a->failed_calls, call))
        return;
    uint64_t key = sa_retry_key(msg, msg->method);
    struct sa_ext *origin = key ? sa_hash_table_get(&a->failures, key) : NULL;
    if (!origin || origin->retry_frame || msg->cseq <= origin->cseq)
        return;
    attach_ext(a, r, sa_ext_on_retry(&a->alloc, origin, msg, pkt->frame));
}

static void on_failure(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                       const struct sa_txn *t, struct sa_record *r)
{
    struct sa_ext *e = attach_ext(a, r, sa_ext_on_failure(&a->alloc, msg, pkt->frame, t));
    uint64_t key = e ? sa_retry_key(msg, msg->cseq_method) : 0;
    if (key && sa_hash_table_put(&a->failures, key, e))
        sa_hash_table_put(&a->failed_calls, sa_call_key(msg), e); /* retry key set: Call-ID too */
}

static void on_request(struct sa_analyzer *a, const struct sa_packet *pkt, const struct sa_message *msg,
                       struct sa_record *r)
{
    if (slice_is(msg->method, "ACK")) {
        on_ack(a, pkt, msg, r);
        return;
    }
    bool legacy = false;
    uint64_t key = sa_txn_key(msg, msg->method, &pkt->src, &pkt->dst, &legacy);
    if (!key)
        return;
    if (legacy)
        r->flags |= SA_REC_LEGACY_KEY;
    struct sa_txn *t = sa_hash_table_get(&a->txns, key);
    if (t && t->cseq == msg->cseq && t->req_frame) {
        /* Same request again on the same hop: a retransmission (or a TCP-level duplicate). */
        r->txn = t;
        r->flags |= SA_REC_RETRANS;
        r->link = t->req_frame;
        if (t->req_copies < UINT16_MAX)
            t->req_copies++;
        return;
    }
    check_retry(a, pkt, msg, r);
    t = new_txn(a, key);
    if (!t)
        return;
    sa_ext_note_request(&a->arena.as_allocator, &a->tag_sets, t, msg);
    t->cseq = msg->cseq;
    t->req_frame = pkt->frame;
    t->req_ts = pkt->ts_ns;
    if (slice_is(msg->method, "INVITE"))
        t->flags |= SA_TXN_INVITE;
    r->txn = t;
    if (slice_is(msg->method, "CANCEL")) {
        /* A CANCEL shares its INVITE's branch (§9.1): note it on the INVITE transaction. */
        uint64_t ikey = sa_txn_key(msg, METHOD_INVITE, &pkt->src, &pkt->dst, &legacy);
        struct sa_txn *inv = ikey ? sa_hash_table_get(&a->txns, ikey) : NULL;
        if (inv && inv->cseq == msg->cseq && !inv->cancel_frame) {
            inv->cancel_frame = pkt->frame;
            inv->flags |= SA_TXN_CANCELLED;
        }
    }
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
    } else if (!t->t100_frame && !t->last_resp_frame) {
        r->flags |= SA_REC_NO_100;
    }
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
    if (info && !sa_slice_eq_nocase(msg->reason, info->phrase))
        r->flags |= SA_REC_PHRASE_DIFFERS;
    bool legacy = false;
    /* A response travels the request's hop backwards: its destination sent the request. */
    uint64_t key = sa_txn_key(msg, msg->cseq_method, &pkt->dst, &pkt->src, &legacy);
    struct sa_txn *t = key ? sa_hash_table_get(&a->txns, key) : NULL;
    bool ext_code = valid && (msg->status_code == 420 || msg->status_code == 421);
    if (!t || t->cseq != msg->cseq || !t->req_frame) {
        r->flags |= SA_REC_REQUEST_UNSEEN;
        if (ext_code && (msg->flags & SA_MSG_HAS_CSEQ))
            on_failure(a, pkt, msg, NULL, r);
        return;
    }
    r->txn = t;
    if (legacy)
        r->flags |= SA_REC_LEGACY_KEY;
    if (pkt->ts_ns < t->req_ts)
        r->flags |= SA_REC_NEGATIVE_TIME;
    if (!valid)
        return;
    /* The whole To value stands for its tag: a copy repeats it byte for byte, a fork carries
     * another tag, and hashing it costs a fraction of finding the tag in it. */
    uint32_t to_tag = sa_tag_hash(msg->to_value);
    /* A server transaction resends its last response when the request is retransmitted, and a
     * UAS core resends a 2xx until the ACK: same code and To tag as before is a copy. */
    if (t->last_resp_frame && t->last_resp_code == msg->status_code && t->last_resp_to_tag == to_tag) {
        r->flags |= SA_REC_RETRANS;
        r->link = t->last_resp_frame;
        return;
    }
    if (t->final_frame && t->final_code == msg->status_code && t->final_to_tag == to_tag) {
        r->flags |= SA_REC_RETRANS;
        r->link = t->final_frame;
        return;
    }
    if (t->flags & SA_TXN_INVITE)
        track_trying(t, pkt, msg->status_code, r);
    if (ext_code)
        on_failure(a, pkt, msg, t, r);
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
    if (msg->flags & SA_MSG_RESPONSE) {
        r->flags |= SA_REC_RESPONSE;
        on_response(a, pkt, msg, r);
    } else {
        on_request(a, pkt, msg, r);
    }
    return r;
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
