/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "txn_key.h"

#include "compiler.h"
#include "hash64.h"

/* One out-of-line copy of each hash step: inlined, the five slices and two endpoints of a key
 * made this file 2 KiB of code run for every message. */
static SA_NOINLINE uint64_t hash_slice(uint64_t h, struct sa_slice s)
{
    return sa_hash_slice(h, s);
}

static SA_NOINLINE uint64_t hash_endpoint(uint64_t h, const struct sa_endpoint *ep)
{
    return sa_hash_endpoint(h, ep);
}

uint64_t sa_txn_key(const struct sa_message *msg, struct sa_slice method, const struct sa_endpoint *req_src,
                    const struct sa_endpoint *req_dst, bool *legacy)
{
    if (!(msg->flags & SA_MSG_HAS_CSEQ))
        return 0;
    uint64_t h = SA_HASH_SEED;
    if (msg->flags & SA_MSG_RFC3261_BRANCH) {
        *legacy = false;
        h = sa_hash_u32(h, 1);
        h = hash_slice(h, msg->via_branch);
    } else {
        if (!(msg->flags & SA_MSG_HAS_CALL_ID))
            return 0;
        *legacy = true;
        h = sa_hash_u32(h, 2);
        h = hash_slice(h, msg->call_id);
        h = sa_hash_u32(h, msg->cseq);
        h = hash_slice(h, sa_message_from_tag(msg));
        /* An RFC 2543 branch still tells apart requests that share the rest. */
        h = hash_slice(h, msg->via_branch);
    }
    h = hash_slice(h, method);
    /* The client's port is left out: responses go to the Via sent-by port (RFC 3261 §18.2.2),
     * which over TCP, TLS or SCTP is often not the port the request left from (seen on SCTP:
     * request 57098 -> 5060, responses 5060 -> 5060). The server's address and port stay in. */
    struct sa_endpoint client = *req_src;
    client.port = 0;
    h = hash_endpoint(h, &client);
    h = hash_endpoint(h, req_dst);
    return sa_hash_finish(h);
}

uint64_t sa_retry_key(const struct sa_message *msg, struct sa_slice method)
{
    if (!(msg->flags & SA_MSG_HAS_CALL_ID))
        return 0;
    uint64_t h = sa_hash_u32(SA_HASH_SEED, 3);
    h = hash_slice(h, msg->call_id);
    h = hash_slice(h, sa_message_from_tag(msg));
    h = hash_slice(h, method);
    return sa_hash_finish(h);
}

uint64_t sa_call_key(const struct sa_message *msg)
{
    if (!(msg->flags & SA_MSG_HAS_CALL_ID))
        return 0;
    return sa_hash_finish(hash_slice(sa_hash_u32(SA_HASH_SEED, 4), msg->call_id));
}

uint32_t sa_tag_hash(struct sa_slice tag)
{
    if (tag.len == 0)
        return 0;
    uint64_t h = sa_hash_finish(hash_slice(SA_HASH_SEED, tag));
    return (uint32_t)(h ^ (h >> 32)) | 1u;
}
