/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "call_delay.h"

#include <string.h>

#include "hash64.h"
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

/* What a measured transaction belongs to: the txns table points at one of these two, told
 * apart by their first byte. */
enum { KIND_REQUEST = 1, KIND_DISCONNECT = 2 };
enum { SRD_OPEN = 1u << 0, SETUP_OPEN = 1u << 1 };
enum { BYE_OPEN = 1, BYE_CHALLENGED, BYE_DONE };

/* One session request: from its first INVITE, through the client's retries after challenges or
 * redirections, to the responses that end its SRD and its setup. */
struct session_request {
    uint8_t kind;
    uint8_t open; /* SRD_OPEN, SETUP_OPEN */
    uint32_t invite_frame;
    int64_t start_ns;
};

/* One BYE, and its retries with credentials after a challenge. */
struct disconnect {
    uint8_t kind;
    uint8_t state;
    uint32_t bye_frame;
    uint32_t cseq;             /* of the latest BYE of it */
    uint32_t from_tag, to_tag; /* keyed hashes: which dialog (sa_tag_hash) */
    int64_t start_ns;
    struct sa_endpoint client;
};

struct call {
    struct call *next;               /* another Call-ID with the same hash */
    struct session_request *request; /* the latest, NULL until an INVITE */
    struct disconnect *bye;          /* the latest BYE measured */
    struct sa_endpoint client;       /* who sent the call's first INVITE: its first hop */
    uint32_t call_id_len;
    char call_id[];
};

void sa_call_delays_bind(struct sa_call_delays *cd, struct sa_arena *arena, const struct sa_hash_key *key)
{
    cd->arena = arena;
    cd->key = key;
}

static uint64_t txn_key_of(const void *txn)
{
    return sa_hash_finish((uint64_t)(uintptr_t)txn);
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

bool sa_call_delays_invite(struct sa_call_delays *cd, const void *txn, const struct sa_message *msg, uint32_t frame,
                           int64_t ts_ns, const struct sa_endpoint *client)
{
    if (!(msg->flags & SA_MSG_HAS_CALL_ID) || sa_message_to_tag(msg).len)
        return false; /* a re-INVITE belongs to a dialog: it requests no session */
    struct call *c = find_call(cd, msg, true);
    if (!c)
        return false;
    if (!c->request)
        c->client = *client; /* the call's first INVITE (a BYE may have made the call) */
    else if (!same_endpoint(&c->client, client))
        return false; /* the call on a later hop: a proxy forwarding it, a fork */
    struct session_request *sr = c->request;
    if (!sr || !sr->open) {
        /* A new session request: the first, or a new INVITE after the last one ended (a retry
         * after a 421 or 422 failed the setup). */
        sr = sa_arena_alloc(cd->arena, sizeof *sr);
        if (!sr)
            return false;
        sr->kind = KIND_REQUEST;
        sr->open = SRD_OPEN | SETUP_OPEN;
        sr->invite_frame = frame;
        sr->start_ns = ts_ns;
        c->request = sr;
    }
    /* else the retry after a challenge or a redirection: it carries on from the first INVITE */
    return sa_hash_table_put(&cd->txns, txn_key_of(txn), sr);
}

bool sa_call_delays_bye(struct sa_call_delays *cd, const void *txn, const struct sa_message *msg, uint32_t frame,
                        int64_t ts_ns, const struct sa_endpoint *client)
{
    struct call *c = find_call(cd, msg, true);
    if (!c)
        return false;
    uint32_t from = sa_tag_hash(cd->key, sa_message_from_tag(msg));
    uint32_t to = sa_tag_hash(cd->key, sa_message_to_tag(msg));
    struct disconnect *d = c->bye;
    if (d && d->from_tag == from && d->to_tag == to) {
        if (msg->cseq == d->cseq)
            return false; /* the same BYE on a later hop */
        if (d->state == BYE_CHALLENGED && msg->cseq > d->cseq && same_endpoint(&d->client, client)) {
            d->cseq = msg->cseq; /* the BYE with credentials carries on from the first */
            d->state = BYE_OPEN;
            return sa_hash_table_put(&cd->txns, txn_key_of(txn), d);
        }
    }
    d = sa_arena_alloc(cd->arena, sizeof *d);
    if (!d)
        return false;
    d->kind = KIND_DISCONNECT;
    d->state = BYE_OPEN;
    d->bye_frame = frame;
    d->cseq = msg->cseq;
    d->from_tag = from;
    d->to_tag = to;
    d->start_ns = ts_ns;
    d->client = *client;
    c->bye = d;
    return sa_hash_table_put(&cd->txns, txn_key_of(txn), d);
}

static void on_request_response(struct session_request *sr, unsigned code, bool cancelled, int64_t ts_ns,
                                struct sa_call_delay *out)
{
    int64_t dt;
    if (sr->open & SRD_OPEN) {
        enum sa_srd_end end = sa_srd_end_of(code);
        if (end != SA_SRD_GOES_ON) {
            sr->open &= (uint8_t)~SRD_OPEN;
            if (sa_time_diff(ts_ns, sr->start_ns, &dt)) {
                out->flags |= SA_DELAY_SRD | (end == SA_SRD_FAILED ? SA_DELAY_SRD_FAILED : 0);
                out->srd_ns = dt;
                out->invite_frame = sr->invite_frame;
            }
        }
    }
    if (sr->open & SETUP_OPEN) {
        enum sa_setup_outcome o = sa_setup_outcome_of(code, cancelled);
        if (o != SA_SETUP_NONE) {
            sr->open &= (uint8_t)~SETUP_OPEN;
            out->flags |= SA_DELAY_SETUP;
            out->setup = (uint8_t)o;
            out->invite_frame = sr->invite_frame;
        }
    }
}

static void on_bye_response(struct disconnect *d, unsigned code, int64_t ts_ns, struct sa_call_delay *out)
{
    if (d->state != BYE_OPEN)
        return;
    enum sa_sdd_end end = sa_sdd_end_of(code);
    if (end == SA_SDD_GOES_ON)
        return;
    if (end == SA_SDD_RECOVERABLE) {
        d->state = BYE_CHALLENGED;
        return;
    }
    d->state = BYE_DONE;
    int64_t dt;
    if (sa_time_diff(ts_ns, d->start_ns, &dt)) {
        out->flags |= SA_DELAY_SDD | (end == SA_SDD_FAILED ? SA_DELAY_SDD_FAILED : 0);
        out->sdd_ns = dt;
        out->bye_frame = d->bye_frame;
    }
}

bool sa_call_delays_response(struct sa_call_delays *cd, const void *txn, unsigned code, bool cancelled, int64_t ts_ns,
                             struct sa_call_delay *out)
{
    memset(out, 0, sizeof *out);
    void *what = cd->txns.count ? sa_hash_table_get(&cd->txns, txn_key_of(txn)) : NULL;
    if (!what || code < 100 || code > 699)
        return false;
    if (*(const uint8_t *)what == KIND_REQUEST)
        on_request_response(what, code, cancelled, ts_ns, out);
    else
        on_bye_response(what, code, ts_ns, out);
    return out->flags != 0;
}
