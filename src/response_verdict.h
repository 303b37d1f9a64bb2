/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What a response means for the call, decided once: the one verdict each response gets, its
 * severity, and the words that say it (issue 19: one expert info per response, with the severity
 * of its meaning; a 401 is a normal challenge, not a failure).
 *
 *   progress, success                       Chat
 *   redirect, challenge, cancelled          Note  (a 487 answering the caller's own CANCEL; a
 *                                           challenge, also one answering a retry with
 *                                           credentials: how long such a series may go on is
 *                                           the loop findings' business, auth.loop and
 *                                           auth.loop_limit, so it is said once)
 *   failure                                 Warning (any other 4xx-6xx)
 *   challenge_failed                        Warning (403 refusing the retry with credentials;
 *                                           a challenge never retried, seen with -2)
 */
#ifndef SA_RESPONSE_VERDICT_H
#define SA_RESPONSE_VERDICT_H

#include <stdbool.h>
#include <stdint.h>

#include "findings.h"
#include "response_codes.h"

enum sa_verdict {
    SA_VERDICT_NONE = 0, /* code outside 100-699 */
    SA_VERDICT_PROGRESS,
    SA_VERDICT_SUCCESS,
    SA_VERDICT_REDIRECT,
    SA_VERDICT_CHALLENGE,
    SA_VERDICT_CANCELLED,
    SA_VERDICT_FAILURE,
    SA_VERDICT_CHALLENGE_FAILED,
    SA_VERDICT_COUNT
};

/* The row of a verdict in the table of findings (findings.h): its filter name, severity and
 * summary. v > SA_VERDICT_NONE. */
static inline enum sa_finding sa_verdict_finding(enum sa_verdict v)
{
    return (enum sa_finding)(SA_F_RESPONSE_PROGRESS + (v - SA_VERDICT_PROGRESS));
}

/* The facts beyond the code that change a verdict. */
struct sa_response_facts {
    unsigned code;
    uint32_t cancel_frame;      /* the caller's CANCEL of this INVITE before the response, or 0 */
    uint32_t challenged_retry;  /* this answers a retry with credentials after a challenge: the
                                   frame of that challenge, or 0 */
    bool never_retried;         /* a challenge nothing retried (known on revisits only) */
};

/* What the analysis knows of a response's authentication exchange (SA_REC_AUTH). */
struct sa_auth {
    uint32_t cseq;            /* of the request challenged */
    uint32_t retry_frame;     /* a challenge: the client's retry with credentials, once seen */
    uint32_t after_challenge; /* a response to such a retry: the challenge it followed, or 0 */
    uint32_t retry_of;        /* ... and the retry it answers */
    uint32_t first_challenge; /* the first challenge of the series: each challenge answering a
                                 retry with credentials continues the series of the one it followed */
    uint32_t challenge_count; /* challenges of the series so far, this one included (a 403 after a
                                 retry: those before it); saturates */
};

enum sa_verdict sa_response_verdict(const struct sa_response_facts *f);
/* The expert text: "<code_text>: <what it means>", e.g. "401 Unauthorized: authentication
 * challenge, normal if the retry with credentials succeeds" (snprintf rules). */
size_t sa_verdict_text(enum sa_verdict v, const struct sa_response_facts *f, const struct sa_auth *auth,
                       const char *code_text, char *buf, size_t size);

/* The severity of a code's verdict when nothing else is known (no CANCEL before it, no retry
 * after a challenge): docs/response-codes.md lists it. Warning outside 100-699. */
enum sa_severity sa_code_severity(unsigned code);

/* The most severe verdict any response of this class (1-6) can get. */
enum sa_severity sa_verdict_class_bound(unsigned cls);

#endif
