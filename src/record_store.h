/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Per-message analysis records, kept in arrival order and found again by frame number.
 *
 * The first pass appends one record per SIP message; every later pass (tshark -2, the GUI's
 * random access) reads them back. Records live in fixed-size chunks so they never move, and a
 * flat frame index (4 bytes per frame) points at a frame's first record. */
#ifndef SA_RECORD_STORE_H
#define SA_RECORD_STORE_H

#include "sa_types.h"

enum sa_record_flags {
    SA_REC_RESPONSE = 1u << 0,
    SA_REC_CODE_INVALID = 1u << 1,   /* response whose code is not 100..699 */
    SA_REC_RETRANS = 1u << 2,        /* link = original frame */
    SA_REC_REQUEST_UNSEEN = 1u << 3, /* response whose request is not in the capture */
    SA_REC_NEGATIVE_TIME = 1u << 4,  /* response timestamp before its request */
    SA_REC_FIRST_100 = 1u << 5,      /* first 100 Trying of an INVITE transaction */
    SA_REC_AFTER_100 = 1u << 6,      /* first non-100 response after the 100 */
    SA_REC_NO_100 = 1u << 7,         /* first response of an INVITE transaction, no 100 before */
    SA_REC_NO_CSEQ = 1u << 8,
    SA_REC_NO_VIA = 1u << 9,
    SA_REC_NO_CALL_ID = 1u << 10,
    SA_REC_LEGACY_KEY = 1u << 11,    /* matched without an RFC 3261 branch */
    SA_REC_MORE_IN_FRAME = 1u << 12, /* another record of the same frame follows */
    SA_REC_ACK_OF_INVITE = 1u << 13, /* ACK to a non-2xx final, part of the INVITE transaction */
    SA_REC_NOT_SIP = 1u << 14,       /* start line unreadable: nothing analysed */
    SA_REC_TAG_LINES_CUT = 1u << 15,
    SA_REC_TRUNCATED = 1u << 16,     /* the capture holds only part of the message */
    SA_REC_CODE_NOT_NUMERIC = 1u << 17,
    SA_REC_PHRASE_DIFFERS = 1u << 18, /* reason phrase is not the registry's phrase for the code */
    SA_REC_HAS_EXT = 1u << 19,       /* has a 420/421 or retry analysis: sa_analyzer_record_ext */
    SA_REC_BARE_CR_LINES = 1u << 20, /* header lines end in CR alone, not CRLF (RFC 3261 §7) */
    SA_REC_OTHER_PORT = 1u << 21,    /* response sent from another port than its request went to */
    SA_REC_BRANCH_REUSED = 1u << 22, /* request reusing another call's branch (RFC 3261 §8.1.1.7) */
    SA_REC_TIME_INVALID = 1u << 23,  /* the frame's timestamp is out of range: no times */
    SA_REC_ICMP_QUOTE = 1u << 24,    /* a copy quoted in an ICMP error: not traffic; link = original */
    SA_REC_ICMP_REPORTED = 1u << 25, /* an ICMP error quotes this message: sa_analyzer_icmp_report */
    SA_REC_KEY_TOO_LONG = 1u << 26,  /* branch, Call-ID and the rest exceed SA_KEY_MAX: not matched */
    SA_REC_PORT_AMBIGUOUS = 1u << 27, /* from a port none of several candidate requests went to:
                                         not matched; link = the latest candidate */
    SA_REC_AUTH = 1u << 28,          /* a challenge (401/407), or a 401/407/403 answering a retry
                                        after one: sa_analyzer_record_auth */
    SA_REC_HAS_CAUSE = 1u << 29,     /* carries Reason or Warning values, or is a 487 whose CANCEL
                                        said why: sa_analyzer_record_cause */
    SA_REC_HAS_SESSION = 1u << 30,   /* a 422, a request retrying after one, or a request whose
                                        Session-Expires or Min-SE is wrong: sa_analyzer_record_session */
    SA_REC_CALL_DELAY = 1u << 31,    /* ends a call's SRD, SDD or setup (RFC 6076, call_delay.h):
                                        delay_ends, sa_analyzer_record_delay */
};

/* 16 bytes, one per SIP message of the capture: what is rare (the option-tag analysis of a
 * 420/421 or a retry, the ICMP error that quotes a message) is kept beside the records, by the
 * analyzer. */
struct sa_record {
    uint32_t txn;       /* number of the transaction the message belongs to (struct sa_txn's number,
                           sa_analyzer_record_txn), 0 for none */
    uint32_t link;      /* retransmission: the original frame; ICMP quote: the message quoted */
    uint32_t flags;     /* enum sa_record_flags */
    uint16_t code;      /* status code as read (responses, 0..999), 0 for requests */
    uint8_t delay_ends; /* with SA_REC_CALL_DELAY: what it ends (enum sa_delay_flags, call_delay.h);
                           the values are in its transaction's call-delay state */
};

#define SA_RECORD_CHUNK 4096u

struct sa_record_store {
    const struct sa_allocator *alloc;
    struct sa_record **chunks;
    uint32_t chunk_count, chunk_capacity;
    uint32_t count;
    uint32_t *frame_first; /* index + 1 of a frame's first record, 0 = none */
    uint32_t frame_capacity;
    uint32_t last_frame;
};

void sa_record_store_init(struct sa_record_store *s, const struct sa_allocator *alloc);
/* Appends a zeroed record for frame (frames arrive in ascending order on the first pass). */
struct sa_record *sa_record_store_add(struct sa_record_store *s, uint32_t frame);
/* The first record of frame, or NULL; follow SA_REC_MORE_IN_FRAME with sa_record_store_next. */
const struct sa_record *sa_record_store_first(const struct sa_record_store *s, uint32_t frame);
const struct sa_record *sa_record_store_next(const struct sa_record_store *s, const struct sa_record *r);
size_t sa_record_store_bytes(const struct sa_record_store *s);

#endif
