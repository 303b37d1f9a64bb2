/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One SIP transaction as seen on one hop (RFC 3261 §17), with what the 100 Trying timers need.
 *
 * Fields are written on the first pass only and only ever filled in, never changed once set, so
 * a record made at frame N can read them back on any later pass and see what was known at N
 * for everything up to N (the forward-looking ones are shown on revisits only). */
#ifndef SA_TRANSACTION_H
#define SA_TRANSACTION_H

#include "sa_types.h"

enum sa_txn_flags {
    SA_TXN_INVITE = 1u << 0,
    SA_TXN_CANCELLED = 1u << 1,  /* a CANCEL for this INVITE was seen: cancel_frame */
    SA_TXN_NO_REQUEST = 1u << 2, /* made from a response whose request is not in the capture:
                                    req_frame and req_ts are 0, its later copies still link */
    SA_TXN_CROWDED = 1u << 3,    /* transactions sharing its branch, method and hosts were dropped
                                    from the table (txn_table.h): "the only other port" can no
                                    longer be told, so no response is matched to it that way */
};

struct sa_txn {
    struct sa_txn *next;   /* in its txn_table chain (txn_table.h) */
    int64_t req_ts;        /* first transmission of the request on this hop, ns */
    int64_t t100_ts;       /* first 100 Trying */
    int64_t next_ts;       /* first non-100 response after the 100 */
    uint32_t cseq;
    uint32_t req_frame;
    uint32_t t100_frame;
    uint32_t next_frame;
    uint32_t last_resp_frame;  /* most recent response that was not a retransmission */
    uint32_t final_frame;      /* first final response */
    uint32_t cancel_frame;
    uint32_t ack_frame;        /* ACK of a non-2xx final */
    uint32_t last_req_copy;    /* the request's latest copy, and the latest response copy: what an */
    uint32_t last_resp_copy;   /* ICMP error right after it quotes (first pass only) */
    uint32_t last_resp_copy_to_tag; /* ... and that copy's To hash: forks answer with the same code */
    uint32_t last_resp_to_tag; /* keyed hash of the last response's To value (tag included), to tell forks apart */
    uint32_t final_to_tag;
    uint16_t req_copies;       /* retransmissions of the request seen so far */
    uint16_t copies_before_100;
    uint16_t copies_before_first; /* ... before the first response of any kind */
    uint16_t last_resp_code;   /* 100..699 (a response with any other code never updates a transaction) */
    uint16_t final_code;
    uint16_t next_code : 10;   /* code of next_frame */
    uint16_t flags : 6;        /* enum sa_txn_flags */
    uint16_t key_len, key_bucket_len; /* the transaction's key (txn_key.h), kept whole in key[] */
    uint32_t bucket_hash;      /* low bits of its bucket part's keyed hash: the table grows without
                                  hashing every key again */
    uint32_t delay_id;         /* an INVITE or BYE measured for the call delays (call_delay.h): the
                                  id of its session request or disconnect, else 0 */
    uint32_t number;           /* from 1 in the order transactions start: what records hold */
    const struct sa_txn_tags *tags; /* option tags the request listed (for 420/421), or NULL; may be
                                       shared with other transactions (extension_check.h) */
    uint8_t key[];
};

#endif
