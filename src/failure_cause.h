/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Why a call failed or ended, as the message itself says: its Reason (RFC 3326, RFC 6432) and
 * Warning (RFC 3261 §20.43) header values, kept from the first pass so that every later view
 * (tshark -2, the GUI) reads the same; and, on a 487, what the CANCEL that ended the INVITE
 * said. The values are kept raw and read again with reason_header.h / warning_header.h when
 * shown: only messages that carry these headers cost anything. */
#ifndef SA_FAILURE_CAUSE_H
#define SA_FAILURE_CAUSE_H

#include "arena.h"
#include "reason_header.h"
#include "sip_message.h"
#include "warning_header.h"

/* Bytes kept of one header value: longer values are cut (SA_CAUSE_VALUES_CUT). */
#define SA_CAUSE_VALUE_MAX 256

enum sa_cause_flags {
    SA_CAUSE_VALUES_CUT = 1u << 0, /* a value longer than SA_CAUSE_VALUE_MAX, or more lines than kept */
};

struct sa_cause {
    uint8_t reason_count, warning_count;
    uint8_t flags;                 /* enum sa_cause_flags */
    uint32_t cancel_frame;         /* a 487: the CANCEL that ended its INVITE, when that said why */
    const struct sa_cause *cancel; /* ... and what it said */
    struct sa_slice reasons[SA_MAX_CAUSE_LINES];  /* copies, in the arena */
    struct sa_slice warnings[SA_MAX_CAUSE_LINES];
};

/* A copy of msg's Reason and Warning lines in the arena; NULL when it has none (or no memory). */
struct sa_cause *sa_cause_keep(struct sa_arena *arena, const struct sa_message *msg);

/* The first reason-value to name for the message: a Q.850 one with a numeric cause, else any with
 * a numeric cause, else the first with a protocol. False when there is none. */
bool sa_cause_main_reason(const struct sa_cause *c, struct sa_reason *out);

/* The standard name of a reason's cause: the Q.850 cause's name or the SIP code's phrase; NULL
 * when the protocol has none in our tables or the cause is unknown. */
const char *sa_reason_cause_name(const struct sa_reason *r);

/* The reason a failure is named by: on a 487, what its CANCEL said (*by_cancel true), else its
 * own main reason. False when neither gives one. The tree, the expert text and the statistics
 * all name it so. */
bool sa_cause_named_reason(const struct sa_cause *c, struct sa_reason *out, bool *by_cancel);

/* Whether a Reason or Warning value of c is malformed (reason_header.h, warning_header.h), and
 * the first such value in *bad (the whole line when it holds more values than are read); bad may
 * be NULL. */
bool sa_cause_malformed_reason(const struct sa_cause *c, struct sa_slice *bad);
bool sa_cause_malformed_warning(const struct sa_cause *c, struct sa_slice *bad);

/* 'Q.850 17 User busy' or 'SIP 200 OK "Call completed elsewhere"': protocol, cause, its standard
 * name, and the sender's text unless it only repeats the name; escaped (text_buf.h) and cut to
 * fit: the words a failure's expert info names its cause with. Returns the length needed. */
size_t sa_reason_summary(const struct sa_reason *r, char *buf, size_t size);
/* The same words, added to a text being written (text_buf.h). */
struct sa_text;
void sa_reason_summary_add(struct sa_text *t, const struct sa_reason *r);

#endif
