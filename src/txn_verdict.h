/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The 100 Trying verdicts of one message of an INVITE transaction, decided once (issue 19): the
 * packet tree (plugin/render.c) and the statistic (plugin/stats.c) both read them from here.
 *
 * A record carries at most one role (record_store.h): the first 100 Trying of the transaction,
 * the first other response after that 100, or a first response that came without any 100. From
 * the role, the transaction (transaction.h), the message's time and the thresholds:
 *
 *   first 100     delay INVITE -> 100, late when strictly over the delay threshold; on a revisit
 *                 (tshark -2, the GUI) also the time on 100 until the next response (long when
 *                 strictly over the duration threshold) or, with no next response, stuck on 100
 *                 until the end of the capture (two passes only);
 *   after the 100 the time on 100 this response ended, long as above; ended by 408, or by 487
 *                 when the caller had sent a CANCEL;
 *   no 100        the time from the INVITE to this first response; absent when over the delay
 *                 threshold (no 100 before a late first response).
 *
 * Times come with their flag only when both ends are known and the difference fits (sa_time.h). */
#ifndef SA_TXN_VERDICT_H
#define SA_TXN_VERDICT_H

#include <stdbool.h>
#include <stdint.h>

#include "transaction.h"

enum sa_trying_role {
    SA_TRYING_NONE = 0,
    SA_TRYING_FIRST_100, /* SA_REC_FIRST_100 */
    SA_TRYING_AFTER_100, /* SA_REC_AFTER_100 */
    SA_TRYING_NO_100,    /* SA_REC_NO_100 */
};

enum sa_trying_flags {
    SA_TRY_DELAY = 1u << 0,      /* first 100 of a captured INVITE: delay_ns = INVITE -> 100 */
    SA_TRY_LATE = 1u << 1,       /* ... strictly over the delay threshold */
    SA_TRY_ON100 = 1u << 2,      /* on100_ns = time on 100 until the next response (after the 100;
                                    on the first 100 on revisits only) */
    SA_TRY_LONG = 1u << 3,       /* ... strictly over the duration threshold */
    SA_TRY_STUCK = 1u << 4,      /* first 100, revisit, no next response: on100_ns = 100 -> end */
    SA_TRY_FIRST_TIME = 1u << 5, /* no 100: delay_ns = INVITE -> this first response */
    SA_TRY_ABSENT = 1u << 6,     /* ... strictly over the delay threshold */
    SA_TRY_ENDED_408 = 1u << 7,  /* after the 100: a 408 ended the wait */
    SA_TRY_ENDED_487 = 1u << 8,  /* after the 100: a 487 answering the caller's CANCEL */
};

struct sa_trying_limits {
    int64_t delay_ns;    /* INVITE -> 100 above this is late */
    int64_t duration_ns; /* time on 100 above this is long */
};

/* What the verdict is given about the message. */
struct sa_trying_input {
    const struct sa_txn *txn; /* may be NULL: no verdict */
    uint32_t record_flags;    /* enum sa_record_flags of the message */
    uint16_t code;            /* status code (responses) */
    int64_t now_ns;           /* the message's time, SA_TIME_UNKNOWN when out of range */
    int64_t last_ns;          /* time of the last frame of the capture (sa_analyzer_last_ts) */
    bool revisit;             /* the whole capture was seen: what follows the message is known */
};

struct sa_trying_verdict {
    enum sa_trying_role role;
    uint32_t flags;   /* enum sa_trying_flags */
    int64_t delay_ns; /* SA_TRY_DELAY or SA_TRY_FIRST_TIME */
    int64_t on100_ns; /* SA_TRY_ON100 or SA_TRY_STUCK */
};

/* Fills *out (zeroed first); a retransmission or a message of no INVITE transaction gets role NONE. */
void sa_trying_verdict(const struct sa_trying_input *in, const struct sa_trying_limits *lim,
                       struct sa_trying_verdict *out);

#endif
