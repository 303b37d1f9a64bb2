/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Transaction keys per hop, written out in full so that a match compares every byte of them
 * (issue 18: a 64-bit hash alone let a crafted INVITE pass for another call's retransmission).
 *
 * RFC 3261 §17.1.3/§17.2.3: a response belongs to the client transaction whose request had the
 * same top-Via branch and CSeq method. We add the hop's addresses, so one transaction captured at
 * two points never mixes, and the server's port, so two services on one host stay apart. The
 * client's port is left out: responses go to the Via sent-by (§18.2.2), which over TCP, TLS or
 * SCTP is often not the port the request left from. Requests whose branch lacks the z9hG4bK
 * cookie (RFC 2543 peers) are keyed on Call-ID + CSeq number + From tag + method + addresses.
 *
 * A key has two parts. The "bucket" part (kind, addresses, method, branch; for RFC 2543 peers
 * also Call-ID, From tag and CSeq number) is what the table hashes; the rest (server port, CSeq
 * number, Call-ID) is compared on top. So the entries a lookup has to tell apart sit in one chain:
 * the same transaction answered from another port of the server (ATAs, some PBXs answer from
 * another source port), and the same branch reused by another Call-ID (§8.1.1.7 forbids it). */
#ifndef SA_TXN_KEY_H
#define SA_TXN_KEY_H

#include "siphash.h"
#include "sip_message.h"

/* Keys longer than this are not matched (record flag SA_REC_KEY_TOO_LONG): no real branch or
 * Call-ID comes near it, and each transaction keeps its key. */
#define SA_KEY_MAX 1024

struct sa_key {
    uint16_t len;        /* all bytes */
    uint16_t bucket_len; /* bytes [0, bucket_len) are hashed */
    bool legacy;         /* RFC 2543 key */
    uint8_t bytes[SA_KEY_MAX];
};

enum sa_key_result { SA_KEY_OK, SA_KEY_UNMATCHABLE, SA_KEY_TOO_LONG };

/* method: the transaction's method (INVITE for an ACK to a non-2xx or a CANCEL's INVITE).
 * SA_KEY_UNMATCHABLE when the message has too little to be matched (no CSeq, or neither an
 * RFC 3261 branch nor a Call-ID). */
enum sa_key_result sa_txn_key_make(const struct sa_message *msg, struct sa_slice method,
                                   const struct sa_endpoint *req_src, const struct sa_endpoint *req_dst,
                                   struct sa_key *out);

/* How a stored key compares with a looked-up one (both made by sa_txn_key_make). */
enum sa_key_match {
    SA_KEY_DIFFERENT,
    SA_KEY_SAME,
    SA_KEY_OTHER_PORT,    /* the same but for the server's port */
    SA_KEY_OTHER_CALL_ID, /* the same branch, method, addresses and port, another Call-ID */
};
enum sa_key_match sa_key_compare(const uint8_t *stored, uint16_t stored_len, uint16_t stored_bucket_len,
                                 const struct sa_key *k);

/* The server's port a stored transaction key holds (the port its request went to). */
uint16_t sa_key_server_port(const uint8_t *stored, uint16_t stored_bucket_len);
/* The CSeq method of a stored transaction key (sa_txn_key_make); empty if the key is not one. */
struct sa_slice sa_key_method(const uint8_t *stored, uint16_t stored_bucket_len);

/* The series of requests a 420/421 retry belongs to (Call-ID + From tag + method), written out
 * in full too; false when the message has no Call-ID or the key would not fit. */
bool sa_retry_key_make(const struct sa_message *msg, struct sa_slice method, struct sa_key *out);

/* A short keyed hash of a To value or tag, to tell responses of forked branches apart
 * (0 for empty). Keyed, so a crafted To value cannot pass for another branch's. */
uint32_t sa_tag_hash(const struct sa_hash_key *key, struct sa_slice tag);

#endif
