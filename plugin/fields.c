/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "fields.h"

#include <string.h>

#include <epan/packet.h>

#include "call_delay.h"
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
int hf_sa_reason_protocol = -1;
int hf_sa_reason_cause = -1;
int hf_sa_reason_cause_name = -1;
int hf_sa_reason_text = -1;
int hf_sa_reason_cancel_frame = -1;
int hf_sa_warning_code = -1;
int hf_sa_warning_agent = -1;
int hf_sa_warning_text = -1;
int hf_sa_session_min_se = -1;
int hf_sa_session_request_expires = -1;
int hf_sa_session_request_min_se = -1;
int hf_sa_session_retry_of = -1;
int hf_sa_session_retry_frame = -1;
int hf_sa_session_retry_fixed = -1;
int hf_sa_auth_first_challenge = -1;
int hf_sa_auth_challenge_count = -1;
int hf_sa_delay_srd = -1;
int hf_sa_delay_srd_failed = -1;
int hf_sa_delay_invite_frame = -1;
int hf_sa_delay_setup = -1;
int hf_sa_delay_sdd = -1;
int hf_sa_delay_sdd_failed = -1;
int hf_sa_delay_bye_frame = -1;

gint ett_sa = -1;
gint ett_sa_ext = -1;
gint ett_sa_code = -1;
gint ett_sa_trying = -1;
gint ett_sa_cause = -1;
gint ett_sa_session = -1;
gint ett_sa_delay = -1;

expert_field ei_sa[SA_F_COUNT];

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

static const value_string setup_names[] = {
    { SA_SETUP_ANSWERED, "answered" },
    { SA_SETUP_FAILED, "failed" },
    { SA_SETUP_CANCELLED, "cancelled by the caller" },
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
    { &hf_sa_reason_protocol, { "Reason protocol", "sip.analysis.reason.protocol", FT_STRING, BASE_NONE, NULL, 0x0,
                                "The protocol of a Reason value (RFC 3326): SIP, Q.850, ... as written", HFILL } },
    { &hf_sa_reason_cause, { "Reason cause", "sip.analysis.reason.cause", FT_UINT32, BASE_DEC, NULL, 0x0,
                             "The cause of a Reason value: a SIP status code, a Q.850 cause value, ...",
                             HFILL } },
    { &hf_sa_reason_cause_name, { "Cause means", "sip.analysis.reason.cause_name", FT_STRING, BASE_NONE, NULL, 0x0,
                                  "The standard name of the cause (ITU-T Q.850 Table 1, or the SIP reason phrase)",
                                  HFILL } },
    { &hf_sa_reason_text, { "Reason text", "sip.analysis.reason.text", FT_STRING, BASE_NONE, NULL, 0x0,
                            "The text of a Reason value, as the sender wrote it", HFILL } },
    { &hf_sa_reason_cancel_frame, { "Reason given by the CANCEL in", "sip.analysis.reason.cancel_frame",
                                    FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_NONE), 0x0,
                                    "On a 487: the CANCEL that ended the INVITE, whose Reason is shown",
                                    HFILL } },
    { &hf_sa_warning_code, { "Warning code", "sip.analysis.warning.code", FT_UINT16, BASE_DEC, NULL, 0x0,
                             "The warn-code of a Warning value (RFC 3261 \xc2\xa7" "20.43)", HFILL } },
    { &hf_sa_warning_agent, { "Warning agent", "sip.analysis.warning.agent", FT_STRING, BASE_NONE, NULL, 0x0,
                              "Who added the Warning (host or pseudonym)", HFILL } },
    { &hf_sa_warning_text, { "Warning text", "sip.analysis.warning.text", FT_STRING, BASE_NONE, NULL, 0x0,
                             "The warn-text of a Warning value, as written", HFILL } },
    { &hf_sa_session_min_se, { "Min-SE of the 422", "sip.analysis.session.min_se", FT_UINT32, BASE_DEC, NULL, 0x0,
                               "The smallest session interval the server accepts, in seconds, as its 422 says "
                               "(RFC 4028); on a retry, that of the 422 it follows", HFILL } },
    { &hf_sa_session_request_expires, { "Request's Session-Expires", "sip.analysis.session.request_expires",
                                        FT_UINT32, BASE_DEC, NULL, 0x0,
                                        "The Session-Expires, in seconds, of the request the 422 answers (on a "
                                        "request: its own)", HFILL } },
    { &hf_sa_session_request_min_se, { "Request's Min-SE", "sip.analysis.session.request_min_se", FT_UINT32,
                                       BASE_DEC, NULL, 0x0,
                                       "The Min-SE, in seconds, of the request the 422 answers (on a request: its "
                                       "own)", HFILL } },
    { &hf_sa_session_retry_of, { "Retry after the 422 in frame", "sip.analysis.session.retry_of", FT_FRAMENUM,
                                 BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_NONE), 0x0,
                                 "The 422 this request retries after", HFILL } },
    { &hf_sa_session_retry_frame, { "Retried in frame", "sip.analysis.session.retry_frame", FT_FRAMENUM, BASE_NONE,
                                    FRAMENUM_TYPE(FT_FRAMENUM_NONE), 0x0,
                                    "The client's new request after this 422 (needs two passes)", HFILL } },
    { &hf_sa_session_retry_fixed, { "Retry reaches the Min-SE", "sip.analysis.session.retry_fixed", FT_BOOLEAN,
                                    BASE_NONE, NULL, 0x0,
                                    "Whether the retry's Session-Expires reaches the Min-SE of the 422 it follows",
                                    HFILL } },
    { &hf_sa_auth_first_challenge, { "First challenge of the series in", "sip.analysis.auth.first_challenge",
                                     FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_NONE), 0x0,
                                     "The first 401/407 of a series of challenges and retries with credentials",
                                     HFILL } },
    { &hf_sa_auth_challenge_count, { "Challenges in the series", "sip.analysis.auth.challenge_count", FT_UINT32,
                                     BASE_DEC, NULL, 0x0,
                                     "Challenges so far in a series of challenges and retries with credentials "
                                     "(this one included; on a 403, those before it)", HFILL } },
    { &hf_sa_delay_srd, { "Session Request Delay (SRD)", "sip.analysis.delay.srd", FT_RELATIVE_TIME, BASE_NONE, NULL,
                          0x0, "RFC 6076 section 4.3: from the call's first INVITE to this first status (provisional "
                          "other than 100, or the final response); at the call's first hop", HFILL } },
    { &hf_sa_delay_srd_failed, { "SRD of a failed setup", "sip.analysis.delay.srd_failed", FT_BOOLEAN, BASE_NONE,
                                 NULL, 0x0, "True: failed session setup SRD (a failure before any provisional, RFC "
                                 "6076 section 4.3.2); false: successful (section 4.3.1)", HFILL } },
    { &hf_sa_delay_invite_frame, { "Session request from the INVITE in", "sip.analysis.delay.invite_frame",
                                   FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0x0,
                                   "The call's first INVITE at its first hop, which the SRD and the setup are "
                                   "measured from", HFILL } },
    { &hf_sa_delay_setup, { "Call setup", "sip.analysis.delay.setup", FT_UINT8, BASE_DEC, VALS(setup_names), 0x0,
                            "How the call's setup ended, on the final response that ended it at the first hop "
                            "(1 answered, 2 failed, 3 cancelled by the caller)", HFILL } },
    { &hf_sa_delay_sdd, { "Session Disconnect Delay (SDD)", "sip.analysis.delay.sdd", FT_RELATIVE_TIME, BASE_NONE,
                          NULL, 0x0, "RFC 6076 section 4.4: from the BYE to this final response, where the capture "
                          "first shows the BYE", HFILL } },
    { &hf_sa_delay_sdd_failed, { "SDD of a failed disconnect", "sip.analysis.delay.sdd_failed", FT_BOOLEAN,
                                 BASE_NONE, NULL, 0x0,
                                 "True: the BYE ended in a failure (408, 481, ...); false: in a 2xx", HFILL } },
    { &hf_sa_delay_bye_frame, { "Disconnect from the BYE in", "sip.analysis.delay.bye_frame", FT_FRAMENUM,
                                BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0x0,
                                "The BYE the SDD is measured from", HFILL } },
};

static gint *ett[] = { &ett_sa, &ett_sa_trying, &ett_sa_ext, &ett_sa_code, &ett_sa_cause, &ett_sa_session,
                       &ett_sa_delay };

static int pi_severity(enum sa_severity s)
{
    return s == SA_SEV_CHAT ? PI_CHAT : s == SA_SEV_NOTE ? PI_NOTE : PI_WARN;
}

static int pi_group(enum sa_finding_group g)
{
    switch (g) {
    case SA_GROUP_RESPONSE_CODE:
        return PI_RESPONSE_CODE;
    case SA_GROUP_SEQUENCE:
        return PI_SEQUENCE;
    case SA_GROUP_MALFORMED:
        return PI_MALFORMED;
    case SA_GROUP_UNDECODED:
        return PI_UNDECODED;
    case SA_GROUP_PROTOCOL:
        break;
    }
    return PI_PROTOCOL;
}

/* Fields and expert infos belong to "SIP Analysis" itself, where users look for them in
 * `tshark -G fields` and the GUI. The expert infos are the rows of the table of findings
 * (src/findings.c), registered in its order and for the life of the program. */
void sa_register_fields(int proto)
{
    proto_register_field_array(proto, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    ei_register_info *all = g_new0(ei_register_info, SA_F_COUNT);
    for (int f = 0; f < SA_F_COUNT; f++) {
        const struct sa_finding_info *row = sa_finding_info((enum sa_finding)f);
        ei_sa[f] = (expert_field)EI_INIT;
        all[f] = (ei_register_info){ &ei_sa[f],
                                     { g_strdup_printf("sip.analysis.%s", row->name), pi_group(row->group),
                                       pi_severity(row->severity), row->summary, EXPFILL } };
    }
    expert_register_field_array(expert_register_protocol(proto), all, SA_F_COUNT);
    sa_expert_gate_register(all, SA_F_COUNT);
}
