/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "findings.h"

#include "record_store.h"

#define RESPONSE SA_REC_RESPONSE
#define SEQ SA_GROUP_SEQUENCE
#define PROTO SA_GROUP_PROTOCOL

/* Rows in enum order. Severity: Chat for what is normal, Note for what a reviewer should know,
 * Warning for what went wrong or breaks a rule. */
static const struct sa_finding_info FINDINGS[SA_F_COUNT] = {
    [SA_F_RESPONSE_PROGRESS] = { "response.progress", SA_SEV_CHAT, SA_GROUP_RESPONSE_CODE, RESPONSE, false,
                                 "Provisional response: the request is being processed" },
    [SA_F_RESPONSE_SUCCESS] = { "response.success", SA_SEV_CHAT, SA_GROUP_RESPONSE_CODE, RESPONSE, false,
                                "Success response" },
    [SA_F_RESPONSE_REDIRECT] = { "response.redirect", SA_SEV_NOTE, SA_GROUP_RESPONSE_CODE, RESPONSE, false,
                                 "Redirection: the request should be sent elsewhere" },
    [SA_F_RESPONSE_CHALLENGE] = { "response.challenge", SA_SEV_NOTE, SA_GROUP_RESPONSE_CODE, RESPONSE, false,
                                  "Authentication challenge (401/407): normal if the retry with credentials "
                                  "succeeds" },
    [SA_F_RESPONSE_CANCELLED] = { "response.cancelled", SA_SEV_NOTE, SA_GROUP_RESPONSE_CODE, RESPONSE, false,
                                  "487 answering the caller's own CANCEL: as asked" },
    [SA_F_RESPONSE_FAILURE] = { "response.failure", SA_SEV_WARN, SA_GROUP_RESPONSE_CODE, RESPONSE, false,
                                "Failure response (4xx-6xx other than a challenge)" },
    [SA_F_RESPONSE_CHALLENGE_FAILED] = { "response.challenge_failed", SA_SEV_WARN, SA_GROUP_RESPONSE_CODE, RESPONSE,
                                         false,
                                         "Authentication failed: the retry with credentials refused (403), or a "
                                         "challenge never retried" },
    [SA_F_CLASS_INVALID] = { "class.invalid", SA_SEV_WARN, PROTO, SA_REC_CODE_INVALID, false,
                             "Status code outside 100-699: no response class" },
    [SA_F_CODE_PHRASE] = { "code.phrase_differs", SA_SEV_CHAT, SA_GROUP_RESPONSE_CODE, SA_REC_PHRASE_DIFFERS, false,
                           "Reason phrase differs from the standard phrase" },

    [SA_F_TRUNCATED] = { "truncated", SA_SEV_NOTE, SA_GROUP_UNDECODED, SA_REC_TRUNCATED, false,
                         "The capture holds only part of this SIP message: analysis skipped" },
    [SA_F_MISSING_CSEQ] = { "missing.cseq", SA_SEV_WARN, PROTO, SA_REC_NO_CSEQ, false,
                            "No usable CSeq header: the message cannot be matched to a transaction" },
    [SA_F_MISSING_VIA] = { "missing.via", SA_SEV_WARN, PROTO, SA_REC_NO_VIA, false, "No Via header" },
    [SA_F_MISSING_CALL_ID] = { "missing.call_id", SA_SEV_WARN, PROTO, SA_REC_NO_CALL_ID, false,
                               "No Call-ID header" },
    [SA_F_TAG_LINES_CUT] = { "tag_lines_cut", SA_SEV_NOTE, PROTO, SA_REC_TAG_LINES_CUT, false,
                             "Too many option-tag header lines: only the first ones were analysed" },
    [SA_F_BARE_CR] = { "bare_cr", SA_SEV_WARN, SA_GROUP_MALFORMED, SA_REC_BARE_CR_LINES, false,
                       "Header lines end in CR alone, not CRLF (RFC 3261 \xc2\xa7" "7): read up to each CR here; "
                       "other SIP software may reject the message" },
    [SA_F_TIME_INVALID] = { "time.invalid", SA_SEV_WARN, SA_GROUP_MALFORMED, SA_REC_TIME_INVALID, false,
                            "Frame timestamp out of range (nanosecond times cover the years 1677-2262): no times "
                            "computed for this message" },
    [SA_F_KEY_TOO_LONG] = { "key_too_long", SA_SEV_WARN, PROTO, SA_REC_KEY_TOO_LONG, false,
                            "Via branch, Call-ID and method too long to match: not matched to a transaction" },

    [SA_F_RETRANSMISSION] = { "retransmission", SA_SEV_NOTE, SEQ, SA_REC_RETRANS, false,
                              "Retransmission of an earlier message on this hop" },
    [SA_F_REQUEST_UNSEEN] = { "request_unseen", SA_SEV_NOTE, SEQ, SA_REC_REQUEST_UNSEEN, false,
                              "The request this response answers is not in the capture" },
    [SA_F_TIME_NEGATIVE] = { "time.negative", SA_SEV_WARN, SEQ, SA_REC_NEGATIVE_TIME, false,
                             "Response time-stamped before its request" },
    [SA_F_OTHER_PORT] = { "other_port", SA_SEV_CHAT, SEQ, SA_REC_OTHER_PORT, false,
                          "Answered from another port of the server (matched)" },
    [SA_F_PORT_AMBIGUOUS] = { "other_port.ambiguous", SA_SEV_NOTE, SEQ, SA_REC_PORT_AMBIGUOUS, false,
                              "Answered from an unexpected port: not matched (ambiguous)" },
    [SA_F_BRANCH_REUSED] = { "branch_reused", SA_SEV_WARN, PROTO, SA_REC_BRANCH_REUSED, false,
                             "Via branch already used by another call (RFC 3261 \xc2\xa7" "8.1.1.7 makes it unique)" },
    [SA_F_ICMP_QUOTE] = { "icmp.quote", SA_SEV_NOTE, SEQ, SA_REC_ICMP_QUOTE, false,
                          "SIP copy quoted in an ICMP error (not traffic)" },
    [SA_F_ICMP_UNDELIVERABLE] = { "icmp.undeliverable", SA_SEV_WARN, SEQ, SA_REC_ICMP_REPORTED, true,
                                  "Undeliverable: an ICMP error quotes this message" },

    [SA_F_TRYING_LATE] = { "trying.late", SA_SEV_NOTE, SEQ, SA_REC_FIRST_100, false,
                           "100 Trying later than the threshold after the INVITE" },
    /* On the 100 with two passes, on the response that ended the wait in one. */
    [SA_F_TRYING_LONG] = { "trying.long", SA_SEV_NOTE, SEQ, SA_REC_FIRST_100 | SA_REC_AFTER_100, false,
                           "Transaction stayed on 100 Trying longer than the threshold" },
    [SA_F_TRYING_STUCK] = { "trying.stuck", SA_SEV_WARN, SEQ, SA_REC_FIRST_100, true,
                            "No response after this 100 Trying until the end of the capture" },
    [SA_F_TRYING_ABSENT] = { "trying.absent", SA_SEV_NOTE, SEQ, SA_REC_NO_100, false,
                             "INVITE answered late without a 100 Trying on this hop" },

    [SA_F_EXT_MISSING_SUPPORTED] = { "ext.missing_supported", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                                     "421: the request did not offer a required option tag" },
    [SA_F_EXT_NO_REQUIRE] = { "ext.no_require", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                              "421 without a Require header (RFC 3261 21.4.16 requires one)" },
    [SA_F_EXT_ALREADY_SUPPORTED] = { "ext.already_supported", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                                     "421 requires only tags the request already offered" },
    [SA_F_EXT_REQUEST_UNSEEN] = { "ext.request_unseen", SA_SEV_NOTE, SEQ, SA_REC_HAS_EXT, false,
                                  "The request this 420/421 answers is not in the capture" },
    [SA_F_EXT_NOT_RETRIED] = { "ext.not_retried", SA_SEV_NOTE, SEQ, SA_REC_HAS_EXT, true,
                               "No retry of the request follows this 420/421 in the capture" },
    [SA_F_EXT_RETRY] = { "ext.retry", SA_SEV_CHAT, SEQ, SA_REC_HAS_EXT, false,
                         "Retry after a 420/421 that fixes its cause" },
    [SA_F_EXT_RETRY_STILL_MISSING] = { "ext.retry_still_missing", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                                       "Retry after a 420/421 that does not fix its cause" },
    [SA_F_EXT_BAD_EXTENSION] = { "ext.bad_extension", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                                 "420: the UAS does not support an option tag the request required" },
    [SA_F_EXT_NO_UNSUPPORTED] = { "ext.no_unsupported", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                                  "420 without an Unsupported header (RFC 3261 21.4.15 requires one)" },
    [SA_F_EXT_EMPTY_UNSUPPORTED] = { "ext.empty_unsupported", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                                     "420 with an empty Unsupported header: it names no option tag "
                                     "(RFC 3261 21.4.15)" },
    [SA_F_EXT_NEVER_REQUIRED] = { "ext.never_required", SA_SEV_WARN, PROTO, SA_REC_HAS_EXT, false,
                                  "420 lists tags the request did not require" },
    [SA_F_EXT_TAGS_CUT] = { "ext.tags_cut", SA_SEV_NOTE, PROTO, SA_REC_HAS_EXT, false,
                            "Option-tag list too long: only the first 256 tags were analysed" },

    [SA_F_REASON_MALFORMED] = { "reason.malformed", SA_SEV_WARN, SA_GROUP_MALFORMED, SA_REC_HAS_CAUSE, false,
                                "Reason header value malformed (RFC 3326): no protocol or cause, a cause that is "
                                "not a number or out of range, an unknown protocol, an unclosed quote" },
    [SA_F_WARNING_MALFORMED] = { "warning.malformed", SA_SEV_WARN, SA_GROUP_MALFORMED, SA_REC_HAS_CAUSE, false,
                                 "Warning header value malformed (RFC 3261 \xc2\xa7" "20.43): warn-code not three "
                                 "digits, no warn-agent, warn-text missing or not quoted" },

    /* A 422 is negotiation, like a challenge: normal when its retry fixes it (Note); what keeps a
     * call from being set up or breaks RFC 4028 is a Warning. */
    [SA_F_SESSION_TOO_SMALL] = { "session.too_small", SA_SEV_NOTE, PROTO, SA_REC_HAS_SESSION, false,
                                 "422: the request's Session-Expires is below the server's Min-SE; the fix names "
                                 "the Session-Expires to retry with (RFC 4028)" },
    [SA_F_SESSION_MIN_SE_MISSING] = { "session.min_se_missing", SA_SEV_WARN, PROTO, SA_REC_HAS_SESSION, false,
                                      "422 without Min-SE (RFC 4028 section 6 requires one)" },
    [SA_F_SESSION_NO_SESSION_EXPIRES] = { "session.no_session_expires", SA_SEV_WARN, PROTO, SA_REC_HAS_SESSION,
                                          false,
                                          "422 to a request without Session-Expires (RFC 4028 section 6: a 422 "
                                          "answers a Session-Expires below the server's minimum)" },
    [SA_F_SESSION_MIN_SE_BELOW_FLOOR] = { "session.min_se_below_floor", SA_SEV_WARN, PROTO, SA_REC_HAS_SESSION,
                                          false, "Min-SE below 90 s (RFC 4028 section 5)" },
    [SA_F_SESSION_RETRY_LOOP] = { "session.retry_loop", SA_SEV_WARN, PROTO, SA_REC_HAS_SESSION, false,
                                  "422 although the request's Session-Expires already reaches its Min-SE: "
                                  "retrying cannot help (a 422 loop when it answers a retry)" },
    [SA_F_SESSION_NOT_RETRIED] = { "session.not_retried", SA_SEV_NOTE, SEQ, SA_REC_HAS_SESSION, true,
                                   "No retry of the request follows this 422 in the capture" },
    [SA_F_SESSION_RETRY] = { "session.retry", SA_SEV_CHAT, SEQ, SA_REC_HAS_SESSION, false,
                             "Retry after a 422 whose Session-Expires reaches the 422's Min-SE" },
    [SA_F_SESSION_RETRY_STILL_SMALL] = { "session.retry_still_small", SA_SEV_WARN, PROTO, SA_REC_HAS_SESSION, false,
                                         "Retry after a 422 whose Session-Expires is still below the 422's Min-SE "
                                         "(or absent)" },
    [SA_F_SESSION_EXPIRES_BELOW_FLOOR] = { "session.expires_below_floor", SA_SEV_WARN, PROTO, SA_REC_HAS_SESSION,
                                           false,
                                           "Request's Session-Expires below 90 s, the lowest Min-SE RFC 4028 "
                                           "allows" },
    [SA_F_SESSION_EXPIRES_BELOW_MIN_SE] = { "session.expires_below_min_se", SA_SEV_WARN, PROTO, SA_REC_HAS_SESSION,
                                            false, "Request's Session-Expires below its own Min-SE" },
    [SA_F_SESSION_MALFORMED] = { "session.malformed", SA_SEV_WARN, SA_GROUP_MALFORMED, SA_REC_HAS_SESSION, false,
                                 "Session-Expires or Min-SE value malformed (RFC 4028 sections 4, 5): "
                                 "delta-seconds not a number or above 2^32-1, refresher neither uac nor uas, "
                                 "bytes that are no parameter" },
    /* The count is kept from the first pass; which of the two a challenge gets follows the
     * challenge_loop_limit preference when it is shown. */
    [SA_F_AUTH_LOOP] = { "auth.loop", SA_SEV_NOTE, SEQ, SA_REC_AUTH, false,
                         "Challenged again after the retry with credentials (or refused with 403 after two "
                         "challenges or more): links the series' first challenge, with the count so far" },
    [SA_F_AUTH_LOOP_LIMIT] = { "auth.loop_limit", SA_SEV_WARN, SEQ, SA_REC_AUTH, false,
                               "Challenge loop: more challenges in a row than the challenge_loop_limit preference "
                               "(default 2) after retries with credentials" },
};

const struct sa_finding_info *sa_finding_info(enum sa_finding f)
{
    return (unsigned)f < SA_F_COUNT ? &FINDINGS[f] : 0;
}
