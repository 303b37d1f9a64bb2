/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "call_delay.h"

#include <string.h>

#include "sa_time.h"
#include "txn_key.h"

static bool is_challenge(unsigned code)
{
    return code == 401 || code == 407;
}

enum sa_srd_end sa_srd_end_of(unsigned code)
{
    if (code <= 100 || code > 699)
        return SA_SRD_GOES_ON;
    if (code < 300)
        return SA_SRD_SUCCESSFUL; /* a status the caller sees (§4.3.1), or the answer itself */
    if (code < 400 || is_challenge(code))
        return SA_SRD_GOES_ON; /* the client's next INVITE carries on (§5.3 for challenges) */
    return SA_SRD_FAILED;
}

enum sa_setup_outcome sa_setup_outcome_of(unsigned code, bool cancelled)
{
    if (code < 200 || code > 699 || (code >= 300 && code < 400) || is_challenge(code))
        return SA_SETUP_NONE;
    if (code < 300)
        return SA_SETUP_ANSWERED;
    return code == 487 && cancelled ? SA_SETUP_CANCELLED : SA_SETUP_FAILED;
}

enum sa_sdd_end sa_sdd_end_of(unsigned code)
{
    if (code < 200 || code > 699)
        return SA_SDD_GOES_ON;
    if (code < 300)
        return SA_SDD_SUCCESSFUL;
    return is_challenge(code) ? SA_SDD_RECOVERABLE : SA_SDD_FAILED;
}

enum { SRD_OPEN = 1u << 0, SETUP_OPEN = 1u << 1 };
enum { BYE_OPEN = 1, BYE_CHALLENGED, BYE_DONE };

/* One session request: from its first INVITE, through the client's retries after challenges or
 * redirections, to the responses that end its SRD and its setup, whose values it keeps. */
struct session_request {
    int64_t start_ns;
    int64_t srd_ns;       /* once SRD_OPEN is cleared by a response: SA_DELAY_SRD in its record */
    uint32_t invite_frame;
    uint8_t open;         /* SRD_OPEN, SETUP_OPEN */
    uint8_t setup;        /* enum sa_setup_outcome, once SETUP_OPEN is cleared */
};

/* One BYE, and its retries with credentials after a challenge. */
struct disconnect {
    int64_t start_ns;
    int64_t sdd_ns;            /* once BYE_DONE */
    uint32_t bye_frame;
    uint32_t cseq;             /* of the latest BYE of it */
    uint32_t from, to;         /* keyed hashes of the From and To values: which dialog */
    struct sa_endpoint client;
    uint8_t state;
};

/* The transaction's number of each (call_delay.h): the low bit says which. States are numbered
 * so that twice the number, plus one, still fits. */
#define STATE_LIMIT (UINT32_MAX / 2)

static uint32_t request_id(uint32_t n)
{
    return n ? n * 2 : 0; /* n <= STATE_LIMIT */
}

static uint32_t disconnect_id(uint32_t n)
{
    return n ? n * 2 + 1 : 0;
}

struct call {
    struct call *next;               /* another Call-ID with the same hash */
    uint32_t request;                /* the latest session request's number, 0 until an INVITE */
    uint32_t bye;                    /* the latest BYE's disconnect number, or 0 */
    struct sa_endpoint client;       /* who sent the call's first INVITE: its first hop */
    uint32_t call_id_len;
    char call_id[];
};

void sa_call_delays_bind(struct sa_call_delays *cd, const struct sa_allocator *alloc, struct sa_arena *arena,
                         const struct sa_hash_key *key)
{
    sa_chunk_array_init(&cd->requests, alloc, sizeof(struct session_request));
    sa_chunk_array_init(&cd->disconnects, alloc, sizeof(struct disconnect));
    cd->arena = arena;
    cd->key = key;
}

static struct session_request *request_of(const struct sa_call_delays *cd, uint32_t n)
{
    return sa_chunk_array_at(&cd->requests, n);
}

static struct disconnect *disconnect_of(const struct sa_call_delays *cd, uint32_t n)
{
    return sa_chunk_array_at(&cd->disconnects, n);
}

static bool same_endpoint(const struct sa_endpoint *a, const struct sa_endpoint *b)
{
    return a->port == b->port && a->addr_len == b->addr_len && a->addr_len <= sizeof a->addr &&
           memcmp(a->addr, b->addr, a->addr_len) == 0;
}

/* The call of this Call-ID, made when first seen (make); NULL without a Call-ID or memory. */
static struct call *find_call(struct sa_call_delays *cd, const struct sa_message *msg, bool make)
{
    struct sa_slice id = msg->call_id;
    if (!(msg->flags & SA_MSG_HAS_CALL_ID) || id.len == 0)
        return NULL;
    uint64_t h = sa_siphash(cd->key, id.ptr, id.len);
    h = h ? h : 1;
    struct call *head = sa_hash_table_get(&cd->calls, h);
    for (struct call *c = head; c; c = c->next) {
        if (c->call_id_len == id.len && memcmp(c->call_id, id.ptr, id.len) == 0)
            return c;
    }
    if (!make)
        return NULL;
    struct call *c = sa_arena_alloc(cd->arena, sizeof *c + id.len);
    if (!c)
        return NULL;
    c->next = head;
    c->call_id_len = id.len;
    memcpy(c->call_id, id.ptr, id.len);
    return sa_hash_table_put(&cd->calls, h, c) ? c : NULL;
}

/* An INVITE's To tag: the usual initial INVITE's To has no parameter at all, and no ';' says so
 * without reading the value's shape. */
static bool has_to_tag(const struct sa_message *msg)
{
    struct sa_slice to = msg->to_value;
    return to.len && memchr(to.ptr, ';', to.len) && sa_message_to_tag(msg).len;
}

uint32_t sa_call_delays_invite(struct sa_call_delays *cd, const struct sa_message *msg, uint32_t frame, int64_t ts_ns,
                               const struct sa_endpoint *client)
{
    if (!(msg->flags & SA_MSG_HAS_CALL_ID) || has_to_tag(msg))
        return 0; /* a re-INVITE belongs to a dialog: it requests no session */
    struct call *c = find_call(cd, msg, true);
    if (!c)
        return 0;
    if (!c->request)
        c->client = *client; /* the call's first INVITE (a BYE may have made the call) */
    else if (!same_endpoint(&c->client, client))
        return 0; /* the call on a later hop: a proxy forwarding it, a fork */
    struct session_request *sr = request_of(cd, c->request);
    if (!sr || !sr->open) {
        /* A new session request: the first, or a new INVITE after the last one ended (a retry
         * after a 421 or 422 failed the setup). */
        uint32_t n = sa_chunk_array_add(&cd->requests, STATE_LIMIT);
        if (!n)
            return 0;
        sr = request_of(cd, n);
        sr->open = SRD_OPEN | SETUP_OPEN;
        sr->invite_frame = frame;
        sr->start_ns = ts_ns;
        c->request = n;
    }
    /* else the retry after a challenge or a redirection: it carries on from the first INVITE */
    return request_id(c->request);
}

uint32_t sa_call_delays_bye(struct sa_call_delays *cd, const struct sa_message *msg, uint32_t frame, int64_t ts_ns,
                            const struct sa_endpoint *client)
{
    struct call *c = find_call(cd, msg, true);
    if (!c)
        return 0;
    /* The whole From and To values stand for the dialog's tags, as for responses (analyzer.c): a
     * proxy relays them byte for byte (RFC 3261 §16.6 copies the request), the other side's BYE
     * or another fork's has other ones, and hashing them costs a fraction of finding the tags. */
    uint32_t from = sa_tag_hash(cd->key, msg->from_value);
    uint32_t to = sa_tag_hash(cd->key, msg->to_value);
    struct disconnect *d = disconnect_of(cd, c->bye);
    if (d && d->from == from && d->to == to) {
        if (msg->cseq == d->cseq)
            return 0; /* the same BYE on a later hop */
        if (d->state == BYE_CHALLENGED && msg->cseq > d->cseq && same_endpoint(&d->client, client)) {
            d->cseq = msg->cseq; /* the BYE with credentials carries on from the first */
            d->state = BYE_OPEN;
            return disconnect_id(c->bye);
        }
    }
    uint32_t n = sa_chunk_array_add(&cd->disconnects, STATE_LIMIT);
    if (!n)
        return 0;
    d = disconnect_of(cd, n);
    d->state = BYE_OPEN;
    d->bye_frame = frame;
    d->cseq = msg->cseq;
    d->from = from;
    d->to = to;
    d->start_ns = ts_ns;
    d->client = *client;
    c->bye = n;
    return disconnect_id(n);
}

static uint8_t on_request_response(struct session_request *sr, unsigned code, bool cancelled, int64_t ts_ns)
{
    uint8_t ends = 0;
    if (sr->open & SRD_OPEN) {
        enum sa_srd_end end = sa_srd_end_of(code);
        if (end != SA_SRD_GOES_ON) {
            sr->open &= (uint8_t)~SRD_OPEN;
            if (sa_time_diff(ts_ns, sr->start_ns, &sr->srd_ns))
                ends |= SA_DELAY_SRD | (end == SA_SRD_FAILED ? SA_DELAY_SRD_FAILED : 0);
        }
    }
    if (sr->open & SETUP_OPEN) {
        enum sa_setup_outcome o = sa_setup_outcome_of(code, cancelled);
        if (o != SA_SETUP_NONE) {
            sr->open &= (uint8_t)~SETUP_OPEN;
            sr->setup = (uint8_t)o;
            ends |= SA_DELAY_SETUP;
        }
    }
    return ends;
}

static uint8_t on_bye_response(struct disconnect *d, unsigned code, int64_t ts_ns)
{
    if (d->state != BYE_OPEN)
        return 0;
    enum sa_sdd_end end = sa_sdd_end_of(code);
    if (end == SA_SDD_GOES_ON)
        return 0;
    if (end == SA_SDD_RECOVERABLE) {
        d->state = BYE_CHALLENGED;
        return 0;
    }
    d->state = BYE_DONE;
    if (!sa_time_diff(ts_ns, d->start_ns, &d->sdd_ns))
        return 0;
    return SA_DELAY_SDD | (end == SA_SDD_FAILED ? SA_DELAY_SDD_FAILED : 0);
}

uint8_t sa_call_delays_response(struct sa_call_delays *cd, uint32_t id, unsigned code, bool cancelled, int64_t ts_ns)
{
    if (code < 100 || code > 699)
        return 0;
    if (id & 1) {
        struct disconnect *d = disconnect_of(cd, id / 2);
        return d ? on_bye_response(d, code, ts_ns) : 0;
    }
    struct session_request *sr = request_of(cd, id / 2);
    return sr ? on_request_response(sr, code, cancelled, ts_ns) : 0;
}

void sa_call_delays_result(const struct sa_call_delays *cd, uint32_t id, uint8_t ends, struct sa_call_delay *out)
{
    memset(out, 0, sizeof *out);
    if (id & 1) {
        const struct disconnect *d = disconnect_of(cd, id / 2);
        if (d && (ends & SA_DELAY_SDD)) {
            out->flags = ends & (SA_DELAY_SDD | SA_DELAY_SDD_FAILED);
            out->sdd_ns = d->sdd_ns;
            out->bye_frame = d->bye_frame;
        }
        return;
    }
    const struct session_request *sr = request_of(cd, id / 2);
    if (!sr || !(ends & (SA_DELAY_SRD | SA_DELAY_SETUP)))
        return;
    /* Only what this response ended: the state also holds what later ones did. */
    out->flags = ends & (SA_DELAY_SRD | SA_DELAY_SRD_FAILED | SA_DELAY_SETUP);
    out->invite_frame = sr->invite_frame;
    if (ends & SA_DELAY_SRD)
        out->srd_ns = sr->srd_ns;
    if (ends & SA_DELAY_SETUP)
        out->setup = sr->setup;
}
