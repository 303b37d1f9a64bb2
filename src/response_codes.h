/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What each SIP response code means, when one sees it and what to do about it: the single
 * source of truth for the annotations and for docs/response-codes.md. The table holds the
 * IANA "Response Codes" registry (src/data/sip-registry.tsv); phrases and RFC references are
 * copied exactly from there, the explanatory texts are plain ASCII. */
#ifndef SA_RESPONSE_CODES_H
#define SA_RESPONSE_CODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sa_types.h"

enum sa_outcome {               /* finer reading than the class */
    SA_OUTCOME_PROGRESS = 1,    /* 1xx */
    SA_OUTCOME_SUCCESS,         /* 2xx */
    SA_OUTCOME_REDIRECTED,      /* 3xx */
    SA_OUTCOME_CHALLENGE,       /* 401, 407 (and 494 Security Agreement Required) */
    SA_OUTCOME_CANCELLED,       /* 487 */
    SA_OUTCOME_DECLINED,        /* 486, 600, 603, 607, 608 */
    SA_OUTCOME_TIMEOUT,         /* 408 */
    SA_OUTCOME_EXTENSION,       /* 420, 421 (option-tag negotiation) */
    SA_OUTCOME_REJECTED,        /* other 4xx */
    SA_OUTCOME_SERVER_ERROR,    /* 5xx */
    SA_OUTCOME_GLOBAL_FAILURE,  /* other 6xx */
};

enum sa_severity { SA_SEV_CHAT = 1, SA_SEV_NOTE, SA_SEV_WARN };
/* "Chat", "Note", "Warning": Wireshark's words for the severities; "?" out of range. */
const char *sa_severity_name(enum sa_severity s);

struct sa_code_info {
    uint16_t code;
    const char *phrase;     /* standard reason phrase, e.g. "Extension Required" */
    const char *rfc;        /* defining RFC and section as in the registry, e.g. "RFC3261 §21.4.16" */
    const char *meaning;    /* what the code means, one or two short sentences */
    const char *seen_when;  /* when one usually sees it in real traffic */
    const char *action;     /* what a reviewer/engineer should do about it */
};

size_t sa_code_count(void);                                  /* 75 */
const struct sa_code_info *sa_code_at(size_t i);             /* ascending code order; NULL past the end */
const struct sa_code_info *sa_code_lookup(unsigned code);    /* exact match or NULL (binary search) */
/* Entry used for a code: exact, else the class's x00 (RFC 3261 §8.1.3.2: unknown final codes are
 * treated as x00; unknown 1xx other than 100 are treated like 183 -> return 183's entry for 1xx).
 * *fallback is set true when not exact. NULL for codes outside 100..699. fallback may be NULL. */
const struct sa_code_info *sa_code_info_for(unsigned code, bool *fallback);
/* Whether a reason phrase as written is the code's standard phrase (case aside). The registry's
 * labels may carry a note ("Accepted (Deprecated)"): only the phrase before it counts. */
bool sa_code_phrase_matches(const struct sa_code_info *info, struct sa_slice phrase);
enum sa_outcome sa_outcome_of(unsigned code);                /* 0 for codes outside 100..699 */
const char *sa_outcome_name(enum sa_outcome o);              /* short lowercase word: "progress","success","redirected","challenge","cancelled","declined","timeout","extension","rejected","server error","global failure"; NULL if unknown */

#endif
