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
    SA_TXN_CANCELLED = 1u << 1, /* a CANCEL for this INVITE was seen: cancel_frame */
};

struct sa_txn {
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
    uint32_t last_resp_to_tag; /* hash of the last response's To value (tag included), to tell forks apart */
    uint32_t final_to_tag;
    uint16_t req_copies;       /* retransmissions of the request seen so far */
    uint16_t copies_before_100;
    /* Codes kept here are 100..699 (a response with any other code never updates a
     * transaction): ten bits each, which makes a transaction 80 bytes instead of 96. */
    uint32_t last_resp_code : 10;
    uint32_t final_code : 10;
    uint32_t next_code : 10;   /* code of next_frame */
    uint32_t flags : 2;        /* enum sa_txn_flags */
    const struct sa_txn_tags *tags; /* option tags the request listed (for 420/421), or NULL; may be
                                       shared with other transactions (extension_check.h) */
};

#endif
