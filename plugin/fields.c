/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "fields.h"

#include <string.h>

#include <epan/packet.h>

#include "expert_gate.h"
#include "response_codes.h"
#include "response_verdict.h"
#include "status_class.h"

int hf_sa_class = -1;
int hf_sa_request_frame = -1;
int hf_sa_response_time = -1;
int hf_sa_retransmission_of = -1;
int hf_sa_trying_delay = -1;
int hf_sa_trying_retransmissions = -1;
int hf_sa_trying_duration = -1;
int hf_sa_trying_frame = -1;
int hf_sa_trying_next_frame = -1;
int hf_sa_trying_open = -1;
int hf_sa_icmp_frame = -1;
int hf_sa_icmp_quoted_frame = -1;

int hf_sa_outcome = -1;
int hf_sa_code_meaning = -1;
int hf_sa_code_seen_when = -1;
int hf_sa_code_action = -1;
int hf_sa_code_rfc = -1;
int hf_sa_ext_required = -1;
int hf_sa_ext_missing = -1;
int hf_sa_ext_unsupported = -1;
int hf_sa_ext_request_supported = -1;
int hf_sa_ext_retry_of = -1;
int hf_sa_ext_retry_frame = -1;
int hf_sa_ext_retry_fixed = -1;

gint ett_sa = -1;
gint ett_sa_ext = -1;
gint ett_sa_code = -1;
gint ett_sa_trying = -1;

expert_field ei_sa_response[SA_VERDICT_COUNT];
expert_field ei_sa_class_invalid = EI_INIT;
expert_field ei_sa_retransmission = EI_INIT;
expert_field ei_sa_request_unseen = EI_INIT;
expert_field ei_sa_time_negative = EI_INIT;
expert_field ei_sa_missing_cseq = EI_INIT;
expert_field ei_sa_missing_via = EI_INIT;
expert_field ei_sa_missing_call_id = EI_INIT;
expert_field ei_sa_truncated = EI_INIT;
expert_field ei_sa_tag_lines_cut = EI_INIT;
expert_field ei_sa_bare_cr = EI_INIT;
expert_field ei_sa_trying_late = EI_INIT;
expert_field ei_sa_trying_long = EI_INIT;
expert_field ei_sa_trying_stuck = EI_INIT;
expert_field ei_sa_trying_absent = EI_INIT;
expert_field ei_sa_other_port = EI_INIT;
expert_field ei_sa_port_ambiguous = EI_INIT;
expert_field ei_sa_branch_reused = EI_INIT;
expert_field ei_sa_time_invalid = EI_INIT;
expert_field ei_sa_key_too_long = EI_INIT;
expert_field ei_sa_icmp_quote = EI_INIT;
expert_field ei_sa_icmp_reported = EI_INIT;
expert_field ei_sa_code_phrase = EI_INIT;
expert_field ei_sa_ext_missing_supported = EI_INIT;
expert_field ei_sa_ext_no_require = EI_INIT;
expert_field ei_sa_ext_already_supported = EI_INIT;
expert_field ei_sa_ext_request_unseen = EI_INIT;
expert_field ei_sa_ext_not_retried = EI_INIT;
expert_field ei_sa_ext_retry = EI_INIT;
expert_field ei_sa_ext_retry_still_missing = EI_INIT;
expert_field ei_sa_ext_bad_extension = EI_INIT;
expert_field ei_sa_ext_no_unsupported = EI_INIT;
expert_field ei_sa_ext_empty_unsupported = EI_INIT;
expert_field ei_sa_ext_never_required = EI_INIT;
expert_field ei_sa_ext_tags_cut = EI_INIT;

static const value_string class_names[] = {
    { SA_CLASS_PROVISIONAL, "Provisional" },
    { SA_CLASS_SUCCESS, "Success" },
    { SA_CLASS_REDIRECTION, "Redirection" },
    { SA_CLASS_CLIENT_FAILURE, "Client Failure" },
    { SA_CLASS_SERVER_FAILURE, "Server Failure" },
    { SA_CLASS_GLOBAL_FAILURE, "Global Failure" },
    { 0, NULL },
};

static const value_string outcome_names[] = {
    { SA_OUTCOME_PROGRESS, "progress" },
    { SA_OUTCOME_SUCCESS, "success" },
    { SA_OUTCOME_REDIRECTED, "redirected" },
    { SA_OUTCOME_CHALLENGE, "challenge" },
    { SA_OUTCOME_CANCELLED, "cancelled" },
    { SA_OUTCOME_DECLINED, "declined" },
    { SA_OUTCOME_TIMEOUT, "timeout" },
    { SA_OUTCOME_EXTENSION, "extension" },
    { SA_OUTCOME_REJECTED, "rejected" },
    { SA_OUTCOME_SERVER_ERROR, "server error" },
    { SA_OUTCOME_GLOBAL_FAILURE, "global failure" },
    { 0, NULL },
};

static hf_register_info hf[] = {
    { &hf_sa_outcome, { "Outcome", "sip.analysis.outcome", FT_UINT8, BASE_DEC, VALS(outcome_names), 0x0,
                        "A finer reading of the response than its class", HFILL } },
    { &hf_sa_code_meaning, { "Meaning", "sip.analysis.code.meaning", FT_STRING, BASE_NONE, NULL, 0x0,
                             "What the response code means", HFILL } },
    { &hf_sa_code_seen_when, { "Usually seen", "sip.analysis.code.seen_when", FT_STRING, BASE_NONE, NULL, 0x0,
                               "When one usually sees this response code", HFILL } },
    { &hf_sa_code_action, { "What to do", "sip.analysis.code.action", FT_STRING, BASE_NONE, NULL, 0x0,
                            "What to do about this response code", HFILL } },
    { &hf_sa_code_rfc, { "Defined in", "sip.analysis.code.rfc", FT_STRING, BASE_NONE, NULL, 0x0,
                         "The RFC (and section) that defines the response code", HFILL } },
    { &hf_sa_class, { "Response class", "sip.analysis.class", FT_UINT8, BASE_DEC, VALS(class_names), 0x0,
                      "First digit of the status code (RFC 3261 \xc2\xa7" "7.2)", HFILL } },
    { &hf_sa_request_frame, { "Request in frame", "sip.analysis.request_frame", FT_FRAMENUM, BASE_NONE,
                              FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0x0,
                              "First transmission, on this hop, of the request this message belongs to", HFILL } },
    { &hf_sa_response_time, { "Response time", "sip.analysis.response_time", FT_RELATIVE_TIME, BASE_NONE, NULL, 0x0,
                              "Time since the first transmission of the request on this hop", HFILL } },
    { &hf_sa_retransmission_of, { "Retransmission of frame", "sip.analysis.retransmission_of", FT_FRAMENUM,
                                  BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_RETRANS_PREV), 0x0,
                                  "The first copy of this message on this hop", HFILL } },
    { &hf_sa_trying_delay, { "INVITE to 100 Trying", "sip.analysis.trying.delay", FT_RELATIVE_TIME, BASE_NONE, NULL,
                             0x0, "From the first INVITE transmission to the first 100 Trying", HFILL } },
    { &hf_sa_trying_retransmissions, { "INVITE copies before 100", "sip.analysis.trying.retransmissions", FT_UINT16,
                                       BASE_DEC, NULL, 0x0,
                                       "Retransmissions of the INVITE seen before the 100 Trying", HFILL } },
    { &hf_sa_trying_duration, { "Time on 100 Trying", "sip.analysis.trying.duration", FT_RELATIVE_TIME, BASE_NONE,
                                NULL, 0x0, "From the first 100 Trying to the next response that is not a 100",
                                HFILL } },
    { &hf_sa_trying_frame, { "100 Trying in frame", "sip.analysis.trying.frame", FT_FRAMENUM, BASE_NONE,
                             FRAMENUM_TYPE(FT_FRAMENUM_RESPONSE), 0x0, "The 100 Trying this response followed",
                             HFILL } },
    { &hf_sa_trying_next_frame, { "Next response in frame", "sip.analysis.trying.next_frame", FT_FRAMENUM, BASE_NONE,
                                  FRAMENUM_TYPE(FT_FRAMENUM_RESPONSE), 0x0,
                                  "The first response after this 100 Trying that is not a 100 (needs two passes)",
                                  HFILL } },
    { &hf_sa_trying_open, { "Open on 100 Trying", "sip.analysis.trying.open", FT_RELATIVE_TIME, BASE_NONE, NULL, 0x0,
                            "From this 100 Trying to the last frame of the capture, with no later response "
                            "(needs two passes)", HFILL } },
    { &hf_sa_icmp_frame, { "ICMP error in", "sip.analysis.icmp.frame", FT_FRAMENUM, BASE_NONE, NULL, 0x0,
                           "The first ICMP error that quotes this message: it did not reach its destination "
                           "(needs two passes)", HFILL } },
    { &hf_sa_icmp_quoted_frame, { "Original message in", "sip.analysis.icmp.quoted_frame", FT_FRAMENUM, BASE_NONE,
                                  NULL, 0x0, "The message this ICMP error quotes", HFILL } },
    { &hf_sa_ext_required, { "Required option tag", "sip.analysis.ext.required", FT_STRING, BASE_NONE, NULL, 0x0,
                             "A tag of the 421's Require, as written", HFILL } },
    { &hf_sa_ext_missing, { "Missing option tag", "sip.analysis.ext.missing", FT_STRING, BASE_NONE, NULL, 0x0,
                            "A required tag the request listed in neither Supported nor Require", HFILL } },
    { &hf_sa_ext_unsupported, { "Unsupported option tag", "sip.analysis.ext.unsupported", FT_STRING, BASE_NONE, NULL,
                                0x0, "A tag of the 420's Unsupported, as written", HFILL } },
    { &hf_sa_ext_request_supported, { "Request's Supported", "sip.analysis.ext.request_supported", FT_STRING,
                                      BASE_NONE, NULL, 0x0,
                                      "The option tags the request listed in Supported", HFILL } },
    { &hf_sa_ext_retry_of, { "Retry after the failure in frame", "sip.analysis.ext.retry_of", FT_FRAMENUM, BASE_NONE,
                             FRAMENUM_TYPE(FT_FRAMENUM_NONE), 0x0,
                             "The 420/421 this request retries after", HFILL } },
    { &hf_sa_ext_retry_frame, { "Retried in frame", "sip.analysis.ext.retry_frame", FT_FRAMENUM, BASE_NONE,
                                FRAMENUM_TYPE(FT_FRAMENUM_NONE), 0x0,
                                "The client's new request after this 420/421 (needs two passes)", HFILL } },
    { &hf_sa_ext_retry_fixed, { "Retry fixes the extension problem", "sip.analysis.ext.retry_fixed", FT_BOOLEAN,
                                BASE_NONE, NULL, 0x0,
                                "Whether the retry now offers every tag the 421 required (or no longer requires "
                                "what the 420 rejected)", HFILL } },
};

static gint *ett[] = { &ett_sa, &ett_sa_trying, &ett_sa_ext, &ett_sa_code };

static ei_register_info ei[] = {
    { &ei_sa_class_invalid, { "sip.analysis.class.invalid", PI_PROTOCOL, PI_WARN,
                              "Status code outside 100-699: no response class", EXPFILL } },
    { &ei_sa_retransmission, { "sip.analysis.retransmission", PI_SEQUENCE, PI_NOTE,
                               "Retransmission of an earlier message on this hop", EXPFILL } },
    { &ei_sa_request_unseen, { "sip.analysis.request_unseen", PI_SEQUENCE, PI_NOTE,
                               "The request this response answers is not in the capture", EXPFILL } },
    { &ei_sa_time_negative, { "sip.analysis.time.negative", PI_SEQUENCE, PI_WARN,
                              "Response time-stamped before its request", EXPFILL } },
    { &ei_sa_missing_cseq, { "sip.analysis.missing.cseq", PI_PROTOCOL, PI_WARN,
                             "No usable CSeq header: the message cannot be matched to a transaction", EXPFILL } },
    { &ei_sa_missing_via, { "sip.analysis.missing.via", PI_PROTOCOL, PI_WARN, "No Via header", EXPFILL } },
    { &ei_sa_missing_call_id, { "sip.analysis.missing.call_id", PI_PROTOCOL, PI_WARN, "No Call-ID header",
                                EXPFILL } },
    { &ei_sa_truncated, { "sip.analysis.truncated", PI_UNDECODED, PI_NOTE,
                          "The capture holds only part of this SIP message: analysis skipped", EXPFILL } },
    { &ei_sa_tag_lines_cut, { "sip.analysis.tag_lines_cut", PI_PROTOCOL, PI_NOTE,
                              "Too many option-tag header lines: only the first ones were analysed", EXPFILL } },
    { &ei_sa_bare_cr, { "sip.analysis.bare_cr", PI_MALFORMED, PI_WARN,
                        "Header lines end in CR alone, not CRLF (RFC 3261 \xc2\xa7" "7): read up to each CR here; "
                        "other SIP software may reject the message",
                        EXPFILL } },
    { &ei_sa_trying_late, { "sip.analysis.trying.late", PI_SEQUENCE, PI_NOTE,
                            "100 Trying later than the threshold after the INVITE", EXPFILL } },
    { &ei_sa_trying_long, { "sip.analysis.trying.long", PI_SEQUENCE, PI_NOTE,
                            "Transaction stayed on 100 Trying longer than the threshold", EXPFILL } },
    { &ei_sa_trying_stuck, { "sip.analysis.trying.stuck", PI_SEQUENCE, PI_WARN,
                             "No response after this 100 Trying until the end of the capture", EXPFILL } },
    { &ei_sa_trying_absent, { "sip.analysis.trying.absent", PI_SEQUENCE, PI_NOTE,
                              "INVITE answered late without a 100 Trying on this hop", EXPFILL } },
    { &ei_sa_other_port, { "sip.analysis.other_port", PI_SEQUENCE, PI_CHAT,
                           "Answered from another port of the server (matched)", EXPFILL } },
    { &ei_sa_port_ambiguous, { "sip.analysis.other_port.ambiguous", PI_SEQUENCE, PI_NOTE,
                               "Answered from an unexpected port: not matched (ambiguous)", EXPFILL } },
    { &ei_sa_branch_reused, { "sip.analysis.branch_reused", PI_PROTOCOL, PI_WARN,
                              "Via branch already used by another call (RFC 3261 \xc2\xa7" "8.1.1.7 makes it unique)",
                              EXPFILL } },
    { &ei_sa_time_invalid, { "sip.analysis.time.invalid", PI_MALFORMED, PI_WARN,
                             "Frame timestamp out of range (nanosecond times cover the years 1677-2262): no "
                             "times computed for this message", EXPFILL } },
    { &ei_sa_key_too_long, { "sip.analysis.key_too_long", PI_PROTOCOL, PI_WARN,
                             "Via branch, Call-ID and method too long to match: not matched to a transaction",
                             EXPFILL } },
    { &ei_sa_icmp_quote, { "sip.analysis.icmp.quote", PI_SEQUENCE, PI_NOTE,
                           "SIP copy quoted in an ICMP error (not traffic)", EXPFILL } },
    { &ei_sa_icmp_reported, { "sip.analysis.icmp.undeliverable", PI_SEQUENCE, PI_WARN,
                              "Undeliverable: an ICMP error quotes this message", EXPFILL } },
    { &ei_sa_code_phrase, { "sip.analysis.code.phrase_differs", PI_RESPONSE_CODE, PI_CHAT,
                            "Reason phrase differs from the standard phrase", EXPFILL } },
    { &ei_sa_ext_missing_supported, { "sip.analysis.ext.missing_supported", PI_PROTOCOL, PI_WARN,
                                      "421: the request did not offer a required option tag", EXPFILL } },
    { &ei_sa_ext_no_require, { "sip.analysis.ext.no_require", PI_PROTOCOL, PI_WARN,
                               "421 without a Require header (RFC 3261 21.4.16 requires one)", EXPFILL } },
    { &ei_sa_ext_already_supported, { "sip.analysis.ext.already_supported", PI_PROTOCOL, PI_WARN,
                                      "421 requires only tags the request already offered", EXPFILL } },
    { &ei_sa_ext_request_unseen, { "sip.analysis.ext.request_unseen", PI_SEQUENCE, PI_NOTE,
                                   "The request this 420/421 answers is not in the capture", EXPFILL } },
    { &ei_sa_ext_not_retried, { "sip.analysis.ext.not_retried", PI_SEQUENCE, PI_NOTE,
                                "No retry of the request follows this 420/421 in the capture", EXPFILL } },
    { &ei_sa_ext_retry, { "sip.analysis.ext.retry", PI_SEQUENCE, PI_CHAT,
                          "Retry after a 420/421 that fixes its cause", EXPFILL } },
    { &ei_sa_ext_retry_still_missing, { "sip.analysis.ext.retry_still_missing", PI_PROTOCOL, PI_WARN,
                                        "Retry after a 420/421 that does not fix its cause", EXPFILL } },
    { &ei_sa_ext_bad_extension, { "sip.analysis.ext.bad_extension", PI_PROTOCOL, PI_WARN,
                                  "420: the UAS does not support an option tag the request required", EXPFILL } },
    { &ei_sa_ext_no_unsupported, { "sip.analysis.ext.no_unsupported", PI_PROTOCOL, PI_WARN,
                                   "420 without an Unsupported header (RFC 3261 21.4.15 requires one)", EXPFILL } },
    { &ei_sa_ext_empty_unsupported, { "sip.analysis.ext.empty_unsupported", PI_PROTOCOL, PI_WARN,
                                      "420 with an empty Unsupported header: it names no option tag "
                                      "(RFC 3261 21.4.15)", EXPFILL } },
    { &ei_sa_ext_never_required, { "sip.analysis.ext.never_required", PI_PROTOCOL, PI_WARN,
                                   "420 lists tags the request did not require", EXPFILL } },
    { &ei_sa_ext_tags_cut, { "sip.analysis.ext.tags_cut", PI_PROTOCOL, PI_NOTE,
                             "Option-tag list too long: only the first 256 tags were analysed", EXPFILL } },
};

static int pi_severity(enum sa_severity s)
{
    return s == SA_SEV_CHAT ? PI_CHAT : s == SA_SEV_NOTE ? PI_NOTE : PI_WARN;
}

static int proto_sa_fields = -1;
const header_field_info *sa_fields_hfinfo_;

/* The fields and expert infos belong to a second protocol, "SIP Analysis fields", rather than to
 * "SIP Analysis" itself; items of it are never added, and it cannot be disabled on its own.
 * Wireshark marks the parent protocol of every field that a filter, column or field extractor
 * asks for (its ref_type, set per frame and cleared when the frame's tree is freed), so this
 * protocol's one flag tells whether any of the ~60 could be seen (sa_fields_referenced()).
 * "SIP Analysis" cannot tell that: `-Y sip.analysis` references it directly. Users type the same
 * field names; `tshark -G fields` and the GUI's field lists show them under the second protocol.
 * (A helper protocol, proto_register_protocol_in_name_only, may hold no fields: Wireshark asserts
 * that when it exits.) */
void sa_register_fields(void)
{
    proto_sa_fields = proto_register_protocol("SIP Analysis fields", "SIP Analysis fields", "sip.analysis.fields");
    proto_set_cant_toggle(proto_sa_fields);
    proto_register_field_array(proto_sa_fields, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    /* One array, so that the expert gate finds consecutive indexes: the fixed expert infos, then
     * one per response verdict, named and graded by src/response_verdict.c. Registered once, for
     * the life of the program. */
    size_t n = array_length(ei);
    ei_register_info *all = g_new0(ei_register_info, n + SA_VERDICT_COUNT);
    memcpy(all, ei, sizeof ei);
    ei_sa_response[SA_VERDICT_NONE] = (expert_field)EI_INIT;
    for (int v = SA_VERDICT_NONE + 1; v < SA_VERDICT_COUNT; v++) {
        const struct sa_verdict_info *info = sa_verdict_info((enum sa_verdict)v);
        ei_sa_response[v] = (expert_field)EI_INIT;
        all[n++] = (ei_register_info){ &ei_sa_response[v],
                                       { g_strdup_printf("sip.analysis.response.%s", info->name), PI_RESPONSE_CODE,
                                         pi_severity(info->severity), info->summary, EXPFILL } };
    }
    expert_register_field_array(expert_register_protocol(proto_sa_fields), all, (int)n);
    sa_expert_gate_register(all, n);
    sa_fields_hfinfo_ = proto_registrar_get_nth(proto_sa_fields);
}
