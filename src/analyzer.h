/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The analysis engine: fed every SIP message of the first pass in capture order, it matches
 * transactions per hop and leaves one record per message to be rendered on any pass. */
#ifndef SA_ANALYZER_H
#define SA_ANALYZER_H

#include "record_store.h"
#include "sa_time.h"
#include "siphash.h"
#include "sip_message.h"
#include "transaction.h"

struct sa_packet {
    uint32_t frame;
    int64_t ts_ns; /* absolute capture time, SA_TIME_UNKNOWN when out of range (sa_time.h) */
    struct sa_endpoint src, dst;
};

struct sa_analyzer;
struct sa_call_delay;
struct sa_ext;

/* All memory comes from alloc and is released with it (the plugin: wmem file scope). hash_key
 * keys every table filled from capture bytes: draw it at random for each capture, so that no
 * capture can be crafted to make lookups slow (siphash.h); results never depend on it. */
struct sa_analyzer *sa_analyzer_new(const struct sa_allocator *alloc, const struct sa_hash_key *hash_key);

/* Called for every frame of the first pass, SIP or not, so the end of the capture is known. */
void sa_analyzer_note_frame(struct sa_analyzer *a, uint32_t frame, int64_t ts_ns);

/* Analyses one SIP message (msg as filled by sa_message_parse, or NULL when the bytes were not a
 * SIP message) and returns its record; NULL only when out of memory or frame repeats. */
const struct sa_record *sa_analyzer_message(struct sa_analyzer *a, const struct sa_packet *pkt,
                                            const struct sa_message *msg);

/* The transaction a record belongs to, or NULL. */
const struct sa_txn *sa_analyzer_record_txn(const struct sa_analyzer *a, const struct sa_record *r);

/* Records of a frame, for rendering on any pass. */
const struct sa_record *sa_analyzer_first_record(const struct sa_analyzer *a, uint32_t frame);
const struct sa_record *sa_analyzer_next_record(const struct sa_analyzer *a, const struct sa_record *r);
/* The ICMP or ICMPv6 error that quoted a message. */
struct sa_icmp_error {
    uint8_t type, code;
    bool v6;
};
/* Whether the error says the quoted packet was dropped (unreachable, time exceeded, too big,
 * parameter problem), not just noted on its way (a source quench). */
bool sa_icmp_error_drops(const struct sa_icmp_error *e);
/* What the error says, in a few words ("port unreachable: nothing listens on that port"). */
const char *sa_icmp_error_words(const struct sa_icmp_error *e);

/* A SIP message quoted inside an ICMP error (pkt: the ICMP frame, with the quoted packet's
 * addresses). It is not traffic: it is recorded as a quote (SA_REC_ICMP_QUOTE, link = the
 * message quoted when it is in the capture), and that message is marked SA_REC_ICMP_REPORTED. */
const struct sa_record *sa_analyzer_icmp_quote(struct sa_analyzer *a, const struct sa_packet *pkt,
                                               const struct sa_message *msg, const struct sa_icmp_error *err);
/* For a record marked SA_REC_ICMP_REPORTED: the first ICMP error quoting it, how many did and what
 * the first said; for one marked SA_REC_ICMP_QUOTE: its own error (first_frame and count 0). */
struct sa_icmp_report {
    uint32_t first_frame;
    uint32_t count;
    struct sa_icmp_error error;
};
bool sa_analyzer_icmp_report(const struct sa_analyzer *a, const struct sa_record *r, struct sa_icmp_report *out);

/* The authentication exchange of a record marked SA_REC_AUTH (response_verdict.h), or NULL. */
const struct sa_auth *sa_analyzer_record_auth(const struct sa_analyzer *a, const struct sa_record *r);
/* What the message said about why (failure_cause.h), with SA_REC_HAS_CAUSE; else NULL. */
const struct sa_cause *sa_analyzer_record_cause(const struct sa_analyzer *a, const struct sa_record *r);

/* The session-timer analysis of a record (a 422, a retry after one, a request with a wrong
 * Session-Expires or Min-SE: session_check.h), with SA_REC_HAS_SESSION; else NULL. */
struct sa_session;
const struct sa_session *sa_analyzer_record_session(const struct sa_analyzer *a, const struct sa_record *r);
/* What a response ends of its call's delays (RFC 6076, call_delay.h), with SA_REC_CALL_DELAY: fills
 * *out and returns true; else false. */
bool sa_analyzer_record_delay(const struct sa_analyzer *a, const struct sa_record *r, struct sa_call_delay *out);

/* The option-tag analysis of a record (420/421, or the retry after one), or NULL. */
const struct sa_ext *sa_analyzer_record_ext(const struct sa_analyzer *a, const struct sa_record *r);

/* Time of the last frame of the first pass (the "end of the capture" for transactions left open). */
int64_t sa_analyzer_last_ts(const struct sa_analyzer *a);

struct sa_analyzer_stats {
    size_t transactions;
    size_t records;
    size_t bytes; /* everything allocated through the allocator, live */
};
void sa_analyzer_stats(const struct sa_analyzer *a, struct sa_analyzer_stats *out);

#endif
