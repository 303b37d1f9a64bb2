/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "txn_key.h"

#include <string.h>

enum { KIND_RFC3261 = 1, KIND_RFC2543 = 2, KIND_RETRY = 3 };

/* In place of a Call-ID's length: the message had none (no real length is this large). */
#define NO_CALL_ID UINT32_MAX

/* Appends bytes; on overflow the key is marked full (len > SA_KEY_MAX) and nothing more is written. */
struct key_writer {
    struct sa_key *k;
    size_t len;
};

static void put(struct key_writer *w, const void *p, size_t n)
{
    if (w->len + n <= SA_KEY_MAX)
        memcpy(w->k->bytes + w->len, p, n);
    w->len += n;
}

static void put_u8(struct key_writer *w, uint8_t v)
{
    put(w, &v, 1);
}

static void put_u32(struct key_writer *w, uint32_t v)
{
    put(w, &v, sizeof v);
}

/* A length before the bytes, so that no two different part lists write the same bytes. */
static void put_slice(struct key_writer *w, struct sa_slice s)
{
    put_u32(w, s.len);
    if (s.len)
        put(w, s.ptr, s.len);
}

static void put_addr(struct key_writer *w, const struct sa_endpoint *ep)
{
    uint8_t n = ep->addr_len <= sizeof ep->addr ? ep->addr_len : (uint8_t)sizeof ep->addr;
    put_u8(w, n);
    put(w, ep->addr, n);
}

static enum sa_key_result finish(struct key_writer *w)
{
    if (w->len > SA_KEY_MAX)
        return SA_KEY_TOO_LONG;
    w->k->len = (uint16_t)w->len;
    return SA_KEY_OK;
}

enum sa_key_result sa_txn_key_make(const struct sa_message *msg, struct sa_slice method,
                                   const struct sa_endpoint *req_src, const struct sa_endpoint *req_dst,
                                   struct sa_key *out)
{
    if (!(msg->flags & SA_MSG_HAS_CSEQ))
        return SA_KEY_UNMATCHABLE;
    bool legacy = !(msg->flags & SA_MSG_RFC3261_BRANCH);
    if (legacy && !(msg->flags & SA_MSG_HAS_CALL_ID))
        return SA_KEY_UNMATCHABLE;
    struct key_writer w = { out, 0 };
    out->legacy = legacy;
    put_u8(&w, legacy ? KIND_RFC2543 : KIND_RFC3261);
    put_addr(&w, req_src);
    put_addr(&w, req_dst);
    put_slice(&w, method);
    put_slice(&w, msg->via_branch); /* an RFC 2543 branch still tells apart requests sharing the rest */
    if (legacy) {
        put_slice(&w, msg->call_id);
        put_slice(&w, sa_message_from_tag(msg));
        put_u32(&w, msg->cseq);
    }
    if (w.len > SA_KEY_MAX)
        return SA_KEY_TOO_LONG;
    out->bucket_len = (uint16_t)w.len;
    /* Compared, not hashed: the port first (sa_key_compare relies on it), then the rest. */
    uint16_t port = req_dst->port;
    put(&w, &port, sizeof port);
    put_u32(&w, msg->cseq);
    if (!legacy) {
        /* A message without a Call-ID is matched on branch alone, as RFC 3261 §17.1.3 does. */
        if (msg->flags & SA_MSG_HAS_CALL_ID)
            put_slice(&w, msg->call_id);
        else
            put_u32(&w, NO_CALL_ID);
    }
    return finish(&w);
}

enum sa_key_match sa_key_compare(const uint8_t *stored, uint16_t stored_len, uint16_t stored_bucket_len,
                                 const struct sa_key *k)
{
    if (stored_bucket_len != k->bucket_len || memcmp(stored, k->bytes, k->bucket_len) != 0)
        return SA_KEY_DIFFERENT;
    const size_t port_end = (size_t)k->bucket_len + 2;
    const size_t cseq_end = port_end + 4;
    bool port_same = memcmp(stored + k->bucket_len, k->bytes + k->bucket_len, 2) == 0;
    bool rest_same = stored_len == k->len && memcmp(stored + port_end, k->bytes + port_end, k->len - port_end) == 0;
    if (rest_same)
        return port_same ? SA_KEY_SAME : SA_KEY_OTHER_PORT;
    /* RFC 3261 keys only (a legacy key's bucket already holds its Call-ID): the Call-ID follows
     * the port and the CSeq number. Another CSeq number of the same call is just another
     * transaction. */
    if (k->legacy || k->len < cseq_end + 4 || stored_len < cseq_end + 4)
        return SA_KEY_DIFFERENT;
    bool cseq_same = memcmp(stored + port_end, k->bytes + port_end, 4) == 0;
    uint32_t stored_call_len, call_len;
    memcpy(&stored_call_len, stored + cseq_end, 4);
    memcpy(&call_len, k->bytes + cseq_end, 4);
    if (cseq_same && (stored_call_len == NO_CALL_ID || call_len == NO_CALL_ID))
        return port_same ? SA_KEY_SAME : SA_KEY_OTHER_PORT; /* one side has no Call-ID to compare */
    if (!port_same)
        return SA_KEY_DIFFERENT;
    bool call_same = stored_len == k->len && memcmp(stored + cseq_end, k->bytes + cseq_end, k->len - cseq_end) == 0;
    return call_same ? SA_KEY_DIFFERENT : SA_KEY_OTHER_CALL_ID;
}

uint16_t sa_key_server_port(const uint8_t *stored, uint16_t stored_bucket_len)
{
    uint16_t port;
    memcpy(&port, stored + stored_bucket_len, sizeof port);
    return port;
}

struct sa_slice sa_key_method(const uint8_t *stored, uint16_t stored_bucket_len)
{
    struct sa_slice none = { NULL, 0 };
    size_t at = 1; /* the kind, then two addresses (length byte first), then the method */
    for (int i = 0; i < 2; i++) {
        if (at >= stored_bucket_len)
            return none;
        at += 1 + (size_t)stored[at];
    }
    uint32_t len;
    if (stored_bucket_len < 1 || (stored[0] != KIND_RFC3261 && stored[0] != KIND_RFC2543) ||
        at + sizeof len > stored_bucket_len)
        return none;
    memcpy(&len, stored + at, sizeof len);
    at += sizeof len;
    if (len > stored_bucket_len - at)
        return none;
    return (struct sa_slice){ (const char *)stored + at, len };
}

bool sa_retry_key_make(const struct sa_message *msg, struct sa_slice method, struct sa_key *out)
{
    if (!(msg->flags & SA_MSG_HAS_CALL_ID))
        return false;
    struct key_writer w = { out, 0 };
    out->legacy = false;
    put_u8(&w, KIND_RETRY);
    put_slice(&w, msg->call_id);
    put_slice(&w, sa_message_from_tag(msg));
    put_slice(&w, method);
    if (finish(&w) != SA_KEY_OK)
        return false;
    out->bucket_len = out->len;
    return true;
}

uint32_t sa_tag_hash(const struct sa_hash_key *key, struct sa_slice tag)
{
    if (tag.len == 0)
        return 0;
    uint64_t h = sa_siphash(key, tag.ptr, tag.len);
    return (uint32_t)(h ^ (h >> 32)) | 1u;
}
