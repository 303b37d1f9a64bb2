/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The table of findings: every expert info the plugin can raise, in one place.
 *
 * Each row names the finding as users filter on it (after "sip.analysis."), its severity and
 * group, the record flags (record_store.h) under which it can appear, and whether it needs what
 * comes later in the capture (tshark -2, the GUI). Everything else derives from it: the plugin
 * registers its expert infos from the rows (plugin/fields.c), bounds the severity a record can
 * raise from their flags and severities (plugin/render.c), and docs/findings.md is generated from
 * it (tools/gen_code_reference.c). Which findings a record gets, and their words, are decided by
 * the analysis (response_verdict.c, extension_check.c, txn_verdict.c, session_check.c) and written by render. */
#ifndef SA_FINDINGS_H
#define SA_FINDINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "response_codes.h"

enum sa_finding_group {
    SA_GROUP_RESPONSE_CODE, /* what a response means */
    SA_GROUP_SEQUENCE,      /* order and timing of messages */
    SA_GROUP_PROTOCOL,      /* a message that breaks a protocol rule */
    SA_GROUP_MALFORMED,     /* bytes that cannot be read as the RFC says */
    SA_GROUP_UNDECODED,     /* bytes the capture does not hold */
};

enum sa_finding {
    /* The one verdict of each response (response_verdict.h), in the order of enum sa_verdict. */
    SA_F_RESPONSE_PROGRESS,
    SA_F_RESPONSE_SUCCESS,
    SA_F_RESPONSE_REDIRECT,
    SA_F_RESPONSE_CHALLENGE,
    SA_F_RESPONSE_CANCELLED,
    SA_F_RESPONSE_FAILURE,
    SA_F_RESPONSE_CHALLENGE_FAILED,
    SA_F_CLASS_INVALID,
    SA_F_CODE_PHRASE,
    /* Input the analysis could not fully read. */
    SA_F_TRUNCATED,
    SA_F_MISSING_CSEQ,
    SA_F_MISSING_VIA,
    SA_F_MISSING_CALL_ID,
    SA_F_TAG_LINES_CUT,
    SA_F_BARE_CR,
    SA_F_TIME_INVALID,
    SA_F_KEY_TOO_LONG,
    /* Matching. */
    SA_F_RETRANSMISSION,
    SA_F_REQUEST_UNSEEN,
    SA_F_TIME_NEGATIVE,
    SA_F_OTHER_PORT,
    SA_F_PORT_AMBIGUOUS,
    SA_F_BRANCH_REUSED,
    SA_F_ICMP_QUOTE,
    SA_F_ICMP_UNDELIVERABLE,
    /* 100 Trying timers. */
    SA_F_TRYING_LATE,
    SA_F_TRYING_LONG,
    SA_F_TRYING_STUCK,
    SA_F_TRYING_ABSENT,
    /* 420 Bad Extension, 421 Extension Required and their retries. */
    SA_F_EXT_MISSING_SUPPORTED,
    SA_F_EXT_NO_REQUIRE,
    SA_F_EXT_ALREADY_SUPPORTED,
    SA_F_EXT_REQUEST_UNSEEN,
    SA_F_EXT_NOT_RETRIED,
    SA_F_EXT_RETRY,
    SA_F_EXT_RETRY_STILL_MISSING,
    SA_F_EXT_BAD_EXTENSION,
    SA_F_EXT_NO_UNSUPPORTED,
    SA_F_EXT_EMPTY_UNSUPPORTED,
    SA_F_EXT_NEVER_REQUIRED,
    SA_F_EXT_TAGS_CUT,
    /* Why a call failed or ended (failure_cause.h). */
    SA_F_REASON_MALFORMED,
    SA_F_WARNING_MALFORMED,
    /* 422 Session Interval Too Small, its retry, and session-timer values (session_check.h). */
    SA_F_SESSION_TOO_SMALL,
    SA_F_SESSION_MIN_SE_MISSING,
    SA_F_SESSION_NO_SESSION_EXPIRES,
    SA_F_SESSION_MIN_SE_BELOW_FLOOR,
    SA_F_SESSION_RETRY_LOOP,
    SA_F_SESSION_NOT_RETRIED,
    SA_F_SESSION_RETRY,
    SA_F_SESSION_RETRY_STILL_SMALL,
    SA_F_SESSION_EXPIRES_BELOW_FLOOR,
    SA_F_SESSION_EXPIRES_BELOW_MIN_SE,
    SA_F_SESSION_MALFORMED,
    /* Series of authentication challenges (response_verdict.h, struct sa_auth). */
    SA_F_AUTH_LOOP,
    SA_F_AUTH_LOOP_LIMIT,
    SA_F_COUNT
};

struct sa_finding_info {
    const char *name;             /* filter name after "sip.analysis." */
    enum sa_severity severity;
    enum sa_finding_group group;
    uint32_t flags;               /* record flags under which it can appear (any of them) */
    bool two_pass;                /* known only once the capture has been read to its end */
    const char *summary;          /* the expert info's description, and the docs' */
};

/* The row of f (f < SA_F_COUNT). */
const struct sa_finding_info *sa_finding_info(enum sa_finding f);

#endif
