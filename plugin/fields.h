/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Header fields, subtrees and expert infos of "SIP Analysis" (filter prefix sip.analysis.). */
#ifndef SA_PLUGIN_FIELDS_H
#define SA_PLUGIN_FIELDS_H

#include <epan/expert.h>
#include <epan/proto.h>

#include "findings.h"

extern int hf_sa_class;
extern int hf_sa_request_frame;
extern int hf_sa_response_time;
extern int hf_sa_retransmission_of;
extern int hf_sa_trying_delay;
extern int hf_sa_trying_retransmissions;
extern int hf_sa_trying_duration;
extern int hf_sa_trying_frame;
extern int hf_sa_trying_next_frame;
extern int hf_sa_trying_open;
extern int hf_sa_icmp_frame;
extern int hf_sa_icmp_quoted_frame;

extern int hf_sa_outcome;
extern int hf_sa_code_meaning;
extern int hf_sa_code_seen_when;
extern int hf_sa_code_action;
extern int hf_sa_code_rfc;
extern int hf_sa_ext_required;
extern int hf_sa_ext_missing;
extern int hf_sa_ext_unsupported;
extern int hf_sa_ext_request_supported;
extern int hf_sa_ext_retry_of;
extern int hf_sa_ext_retry_frame;
extern int hf_sa_ext_retry_fixed;
extern int hf_sa_reason_protocol;
extern int hf_sa_reason_cause;
extern int hf_sa_reason_cause_name;
extern int hf_sa_reason_text;
extern int hf_sa_reason_cancel_frame;
extern int hf_sa_warning_code;
extern int hf_sa_warning_agent;
extern int hf_sa_warning_text;
extern int hf_sa_session_min_se;
extern int hf_sa_session_request_expires;
extern int hf_sa_session_request_min_se;
extern int hf_sa_session_retry_of;
extern int hf_sa_session_retry_frame;
extern int hf_sa_session_retry_fixed;
extern int hf_sa_auth_first_challenge;
extern int hf_sa_auth_challenge_count;
extern int hf_sa_delay_srd;
extern int hf_sa_delay_srd_failed;
extern int hf_sa_delay_invite_frame;
extern int hf_sa_delay_setup;
extern int hf_sa_delay_sdd;
extern int hf_sa_delay_sdd_failed;
extern int hf_sa_delay_bye_frame;

extern gint ett_sa;
extern gint ett_sa_ext;
extern gint ett_sa_code;
extern gint ett_sa_trying;
extern gint ett_sa_cause;
extern gint ett_sa_session;
extern gint ett_sa_delay;

/* The expert infos, one per row of the table of findings (src/findings.h). */
extern expert_field ei_sa[SA_F_COUNT];

/* Registers the fields, subtrees and expert infos under the protocol proto. */
void sa_register_fields(int proto);

#endif
