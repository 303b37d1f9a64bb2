/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The session-timer headers of RFC 4028, one header value at a time:
 *
 *   Session-Expires = ("Session-Expires" / "x") HCOLON delta-seconds *(SEMI se-params)   (§4)
 *   se-params       = refresher-param / generic-param
 *   refresher-param = "refresher" EQUAL ("uas" / "uac")
 *   Min-SE          = "Min-SE" HCOLON delta-seconds *(SEMI generic-param)                  (§5)
 *   delta-seconds   = 1*DIGIT                                                (RFC 3261 §25.1)
 *
 * Results are slices into the value; nothing is copied; never a read outside it; linear time. */
#ifndef SA_SESSION_TIMER_H
#define SA_SESSION_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "sa_types.h"

/* RFC 4028 §5: the Min-SE value "MUST NOT be less than 90 seconds". As no conforming element's
 * minimum is lower, a Session-Expires below it is too small for all of them. */
#define SA_MIN_SE_FLOOR 90u

enum sa_refresher {
    SA_REFRESHER_NONE = 0, /* no refresher parameter (always for Min-SE) */
    SA_REFRESHER_UAC,
    SA_REFRESHER_UAS,
    SA_REFRESHER_OTHER, /* refresher with another value or none: SA_SI_BAD_REFRESHER */
};

#define SA_SI_PRESENT (1u << 0) /* the value is not empty */
#define SA_SI_VALID (1u << 1)   /* .seconds holds the delta-seconds */
/* What is wrong with it. */
#define SA_SI_EMPTY (1u << 2)          /* empty or only white space */
#define SA_SI_NOT_NUMERIC (1u << 3)    /* delta-seconds missing or not all digits */
#define SA_SI_OVERFLOW (1u << 4)       /* above 2^32-1 (RFC 3261's bound for such numbers) */
#define SA_SI_BAD_REFRESHER (1u << 5)  /* refresher neither uac nor uas (Session-Expires only) */
#define SA_SI_DUPLICATE (1u << 6)      /* refresher given twice: the first is kept */
#define SA_SI_UNCLOSED_QUOTE (1u << 7) /* a quote in the parameters never closes */
#define SA_SI_GARBAGE (1u << 8)        /* bytes that are no parameter (a second number, a comma) */
#define SA_SI_MALFORMED                                                                            \
    (SA_SI_EMPTY | SA_SI_NOT_NUMERIC | SA_SI_OVERFLOW | SA_SI_BAD_REFRESHER | SA_SI_DUPLICATE |     \
     SA_SI_UNCLOSED_QUOTE | SA_SI_GARBAGE)

/* An absent part is an empty slice at the start of the trimmed value, never a null pointer. */
struct sa_session_interval {
    struct sa_slice seconds_raw;   /* the delta-seconds as written */
    struct sa_slice refresher_raw; /* the refresher parameter's value as written (empty if none) */
    uint32_t seconds;              /* with SA_SI_VALID; 0 otherwise */
    uint16_t flags;                /* SA_SI_* */
    uint8_t refresher;             /* enum sa_refresher */
};

/* Both fill *out entirely and return whether .seconds is valid. */
bool sa_session_expires_parse(struct sa_slice value, struct sa_session_interval *out);
bool sa_min_se_parse(struct sa_slice value, struct sa_session_interval *out);

#endif
