/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Header fields, subtrees and expert infos of "SIP Analysis" (filter prefix sip.analysis.). */
#ifndef SA_PLUGIN_FIELDS_H
#define SA_PLUGIN_FIELDS_H

#include <epan/expert.h>
#include <epan/proto.h>

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

extern gint ett_sa;
extern gint ett_sa_ext;
extern gint ett_sa_code;
extern gint ett_sa_trying;

extern expert_field ei_sa_response[]; /* one per response verdict (src/response_verdict.h), [0] unused */
extern expert_field ei_sa_class_invalid;
extern expert_field ei_sa_retransmission;
extern expert_field ei_sa_request_unseen;
extern expert_field ei_sa_time_negative;
extern expert_field ei_sa_missing_cseq;
extern expert_field ei_sa_missing_via;
extern expert_field ei_sa_missing_call_id;
extern expert_field ei_sa_truncated;
extern expert_field ei_sa_tag_lines_cut;
extern expert_field ei_sa_bare_cr;
extern expert_field ei_sa_trying_late;
extern expert_field ei_sa_trying_long;
extern expert_field ei_sa_trying_stuck;
extern expert_field ei_sa_trying_absent;
extern expert_field ei_sa_other_port;
extern expert_field ei_sa_port_ambiguous;
extern expert_field ei_sa_branch_reused;
extern expert_field ei_sa_time_invalid;
extern expert_field ei_sa_key_too_long;
extern expert_field ei_sa_icmp_quote;
extern expert_field ei_sa_icmp_reported;

extern expert_field ei_sa_code_phrase;
extern expert_field ei_sa_ext_missing_supported;
extern expert_field ei_sa_ext_no_require;
extern expert_field ei_sa_ext_already_supported;
extern expert_field ei_sa_ext_request_unseen;
extern expert_field ei_sa_ext_not_retried;
extern expert_field ei_sa_ext_retry;
extern expert_field ei_sa_ext_retry_still_missing;
extern expert_field ei_sa_ext_bad_extension;
extern expert_field ei_sa_ext_no_unsupported;
extern expert_field ei_sa_ext_empty_unsupported;
extern expert_field ei_sa_ext_never_required;
extern expert_field ei_sa_ext_tags_cut;

/* Registers the fields, subtrees and expert infos (with their own protocol: fields.c). */
void sa_register_fields(void);

/* Whether a filter, column or field extractor of this frame asks for any of the fields or expert
 * infos above (fields.c: they belong to a protocol of their own, whose reference flag says so). */
extern const header_field_info *sa_fields_hfinfo_;
static inline gboolean sa_fields_referenced(void)
{
    return sa_fields_hfinfo_ && sa_fields_hfinfo_->ref_type != HF_REF_TYPE_NONE;
}

#endif
