/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A single-pass reader of a SIP message's start line and the few headers the analysis needs.
 *
 * The plugin hands us the bytes the SIP dissector attributed to one SIP message and we read
 * them ourselves instead of asking the SIP dissector to build header fields: creating those
 * fields costs more than the whole analysis (docs/design.md, "The fast path"). Only the header section is
 * scanned; the body is never touched. Nothing is copied: results are slices into the buffer. */
#ifndef SA_SIP_MESSAGE_H
#define SA_SIP_MESSAGE_H

#include "sa_types.h"

/* The headers that carry option-tag lists (RFC 3261 §19.2). */
enum sa_tag_header {
    SA_HDR_SUPPORTED = 0, /* also compact "k" */
    SA_HDR_REQUIRE,
    SA_HDR_PROXY_REQUIRE,
    SA_HDR_UNSUPPORTED,
    SA_TAG_HEADER_COUNT
};

/* How many Reason (RFC 3326) or Warning (RFC 3261 §20.43) lines one message may carry before the
 * rest are ignored (flagged): each says why a call ended or failed, a few at most. */
#define SA_MAX_CAUSE_LINES 8

/* How many option-tag header lines one message may carry before the rest are ignored (flagged). */
#define SA_MAX_TAG_LINES 32

struct sa_tag_line {
    uint8_t header;        /* enum sa_tag_header */
    struct sa_slice value; /* raw value after the colon: may hold folded lines */
};

enum sa_msg_flags {
    SA_MSG_RESPONSE = 1u << 0,
    SA_MSG_CODE_NUMERIC = 1u << 1, /* the status code is three digits */
    SA_MSG_HAS_CSEQ = 1u << 2,     /* a CSeq with a number and a method was found */
    SA_MSG_HAS_CALL_ID = 1u << 3,
    SA_MSG_HAS_VIA = 1u << 4,
    SA_MSG_HAS_BRANCH = 1u << 5,     /* top Via has a branch parameter */
    SA_MSG_RFC3261_BRANCH = 1u << 6, /* ... starting with the magic cookie z9hG4bK */
    SA_MSG_TAG_LINES_CUT = 1u << 7,  /* more than SA_MAX_TAG_LINES option-tag lines */
    SA_MSG_BAD_CSEQ = 1u << 8,       /* a CSeq header is present but unreadable */
    SA_MSG_START_LINE_BAD = 1u << 9, /* neither a request nor a status line */
    SA_MSG_TRUNCATED = 1u << 10,     /* set by the caller: the capture cut the message short */
    SA_MSG_BARE_CR = 1u << 11,       /* the start line ends in CR alone, not CRLF (RFC 3261 §7): its
                                        header lines were read up to each CR instead */
    SA_MSG_CAUSE_LINES_CUT = 1u << 12, /* more than SA_MAX_CAUSE_LINES Reason or Warning lines */
};

struct sa_message {
    uint32_t flags;
    struct sa_slice method; /* request line method (requests only) */
    uint16_t status_code;   /* 0..999 when SA_MSG_CODE_NUMERIC */
    struct sa_slice status_raw; /* the status code text as written */
    struct sa_slice reason;     /* reason phrase as written */
    uint32_t cseq;
    struct sa_slice cseq_method;
    struct sa_slice call_id;
    struct sa_slice via_branch;
    struct sa_slice from_value; /* first From / To value as written: their tags are read on */
    struct sa_slice to_value;   /* demand (sa_message_from_tag), most messages never need them */
    uint8_t reason_line_count, warning_line_count;
    /* Session timer (RFC 4028): the first Session-Expires (compact x) and Min-SE value as written,
     * trimmed; ptr NULL when the message has none. Read by requests, and Min-SE by a 422 (see the
     * reader's header table); every other response leaves them NULL. */
    struct sa_slice session_expires;
    struct sa_slice min_se;
    uint32_t tag_line_count;
    struct sa_tag_line tag_lines[SA_MAX_TAG_LINES];
    /* Raw values of the Reason and Warning lines (failures, CANCEL, BYE: see the reader's header
     * table), valid below their counts only. */
    struct sa_slice reason_lines[SA_MAX_CAUSE_LINES];
    struct sa_slice warning_lines[SA_MAX_CAUSE_LINES];
};

/* Reads [buf, buf+len). Always fills *msg (flags tell what was found); returns false only when
 * the start line is neither a SIP request nor a SIP status line. Which headers a message reads
 * is said by the reader's header table (sip_message.c, HEADERS): a 1xx or 2xx (or a code that is
 * not three digits) is read only up to its top Via, CSeq, Call-ID, From and To; option-tag lines
 * are collected from requests and 420/421 only, Session-Expires from requests only, Min-SE from
 * requests and 422 only. tag_lines[] is valid below tag_line_count only. */
bool sa_message_parse(const char *buf, size_t len, struct sa_message *msg);

/* The tag parameter of the first From / To header: empty (ptr NULL) when there is none, also
 * when a second (forbidden, RFC 3261 §20) From or To header would have one. Read from the header
 * on every call (a few hundred instructions): callers keep the result. */
struct sa_slice sa_message_from_tag(const struct sa_message *msg);
struct sa_slice sa_message_to_tag(const struct sa_message *msg);

/* True when msg carries at least one line of the given option-tag header. */
bool sa_message_has_header(const struct sa_message *msg, enum sa_tag_header h);

#endif
