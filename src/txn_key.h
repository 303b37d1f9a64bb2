/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Transaction keys per hop.
 *
 * RFC 3261 §17.1.3/§17.2.3: a response belongs to the client transaction whose request had the
 * same top-Via branch and CSeq method. We add the address pair of the hop (request direction), so
 * one transaction captured at two points, or one Call-ID crossing several proxies, never mix
 * (the server's address and port, and the client's address: see txn_key.c on the client port).
 * Requests whose branch lacks the z9hG4bK cookie (RFC 2543 peers) fall back to
 * Call-ID + CSeq number + From tag + method + addresses. */
#ifndef SA_TXN_KEY_H
#define SA_TXN_KEY_H

#include "sip_message.h"

/* method: the transaction's method (INVITE for an ACK to a non-2xx).
 * Returns 0 when the message has too little to be matched (no CSeq, or neither an RFC 3261
 * branch nor a Call-ID). *legacy tells whether the fallback key was used. */
uint64_t sa_txn_key(const struct sa_message *msg, struct sa_slice method, const struct sa_endpoint *req_src,
                    const struct sa_endpoint *req_dst, bool *legacy);

/* Key of a dialog-level request series (Call-ID + From tag + method), for 420/421 retries. */
uint64_t sa_retry_key(const struct sa_message *msg, struct sa_slice method);

/* Key of the Call-ID alone: a cheap first test before sa_retry_key, which needs the From tag. */
uint64_t sa_call_key(const struct sa_message *msg);

/* A short hash of a To value or tag, to tell responses of forked branches apart (0 for empty). */
uint32_t sa_tag_hash(struct sa_slice tag);

#endif
