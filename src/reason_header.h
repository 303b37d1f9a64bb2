/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Reason header (RFC 3326 §2), one header value at a time:
 *
 *   Reason       = "Reason" HCOLON reason-value *(COMMA reason-value)
 *   reason-value = protocol *(SEMI reason-params)
 *   protocol     = "SIP" / "Q.850" / token
 *   reason-params = protocol-cause / reason-text / reason-extension
 *   protocol-cause = "cause" EQUAL cause      cause = 1*DIGIT
 *   reason-text  = "text" EQUAL quoted-string
 *   reason-extension = generic-param
 *
 * An iterator hands out the reason-values of one header value (its text after the colon, folding
 * included) in order; a comma inside a quoted text does not split them. Results are slices into
 * that text: nothing is copied or allocated. Never reads outside the slice; linear time; at most
 * SA_REASON_MAX_VALUES values are read from one header value. Protocols and parameter names are
 * compared without case (RFC 3261 §7.3.1: tokens are case-insensitive). */
#ifndef SA_REASON_HEADER_H
#define SA_REASON_HEADER_H

#include <stdbool.h>
#include <stdint.h>

#include "sa_types.h"

/* More than that in one header is not a real Reason: the rest is left unread (and said so). */
#define SA_REASON_MAX_VALUES 16

/* The 22 protocol values of IANA's "Reason Protocols" registry (SIP Parameters), in its order. */
enum sa_reason_protocol {
    SA_REASON_PROTO_UNKNOWN = 0, /* not in the registry, or no protocol at all */
    SA_REASON_PROTO_SIP,         /* RFC 3326: cause is a SIP status code */
    SA_REASON_PROTO_Q850,        /* RFC 3326: cause is an ITU-T Q.850 cause value */
    SA_REASON_PROTO_PREEMPTION,  /* RFC 4411 */
    SA_REASON_PROTO_EMM,         /* 3GPP TS 24.301 */
    SA_REASON_PROTO_ESM,         /* 3GPP TS 24.301 */
    SA_REASON_PROTO_S1AP_RNL,    /* 3GPP TS 36.413 */
    SA_REASON_PROTO_S1AP_TL,
    SA_REASON_PROTO_S1AP_NAS,
    SA_REASON_PROTO_S1AP_MISC,
    SA_REASON_PROTO_S1AP_PROT,
    SA_REASON_PROTO_DIAMETER,      /* 3GPP */
    SA_REASON_PROTO_IKEV2,         /* 3GPP */
    SA_REASON_PROTO_RELEASE_CAUSE, /* 3GPP TS 24.229 */
    SA_REASON_PROTO_FAILURE_CAUSE, /* 3GPP TS 24.229 */
    SA_REASON_PROTO_STIR,          /* RFC 8224 */
    SA_REASON_PROTO_5GMM,          /* 3GPP TS 24.501 */
    SA_REASON_PROTO_5GSM,          /* 3GPP TS 24.501 */
    SA_REASON_PROTO_NGAP_RNL,      /* 3GPP TS 38.413 */
    SA_REASON_PROTO_NGAP_TL,
    SA_REASON_PROTO_NGAP_NAS,
    SA_REASON_PROTO_NGAP_MISC,
    SA_REASON_PROTO_NGAP_PROT,
    SA_REASON_PROTO_COUNT
};

/* What a reason-value holds. */
#define SA_REASON_HAS_CAUSE (1u << 0)     /* a cause parameter is present */
#define SA_REASON_CAUSE_NUMERIC (1u << 1) /* ... and .cause holds its number */
#define SA_REASON_HAS_TEXT (1u << 2)      /* a text parameter is present (.text) */
/* What is wrong with it: each one is worth an expert info. */
#define SA_REASON_EMPTY (1u << 3)              /* nothing between two commas (or an empty header) */
#define SA_REASON_NO_PROTOCOL (1u << 4)        /* starts with ';' or a quote: no protocol token */
#define SA_REASON_UNKNOWN_PROTOCOL (1u << 5)   /* a protocol not in the registry */
#define SA_REASON_NO_CAUSE (1u << 6)           /* no cause parameter */
#define SA_REASON_CAUSE_NOT_NUMERIC (1u << 7)  /* cause empty, quoted or not all digits */
#define SA_REASON_CAUSE_TOO_BIG (1u << 8)      /* more than 10 digits, or 2^31 or more */
#define SA_REASON_CAUSE_OUT_OF_RANGE (1u << 9) /* SIP outside 100..699, Q.850 above 127 */
#define SA_REASON_TEXT_NOT_QUOTED (1u << 10)   /* text=token (or no value): .text as written */
#define SA_REASON_UNCLOSED_QUOTE (1u << 11)    /* a quote never closes: the value runs to the end */
#define SA_REASON_GARBAGE (1u << 12)           /* bytes that are no parameter (skipped) */
#define SA_REASON_DUPLICATE (1u << 13)         /* cause or text given twice: the first is kept */
#define SA_REASON_MALFORMED                                                                        \
    (SA_REASON_EMPTY | SA_REASON_NO_PROTOCOL | SA_REASON_UNKNOWN_PROTOCOL | SA_REASON_NO_CAUSE |   \
     SA_REASON_CAUSE_NOT_NUMERIC | SA_REASON_CAUSE_TOO_BIG | SA_REASON_CAUSE_OUT_OF_RANGE |        \
     SA_REASON_TEXT_NOT_QUOTED | SA_REASON_UNCLOSED_QUOTE | SA_REASON_GARBAGE | SA_REASON_DUPLICATE)

/* A part that is absent is an empty slice at the start of .value, never a null pointer. */
struct sa_reason {
    struct sa_slice value;     /* the whole reason-value, without surrounding white space */
    struct sa_slice protocol;  /* as written (empty with SA_REASON_NO_PROTOCOL) */
    struct sa_slice cause_raw; /* the cause parameter's value as written (empty when absent) */
    struct sa_slice text;      /* inside the quotes of text=, escapes as written */
    uint32_t cause;            /* with SA_REASON_CAUSE_NUMERIC; 0 otherwise */
    uint16_t flags;            /* SA_REASON_* */
    uint8_t protocol_id;       /* enum sa_reason_protocol */
};

struct sa_reason_iter {
    const char *p, *end;
    uint8_t count;  /* reason-values handed out */
    bool done;
    bool truncated; /* set once sa_reason_next() stopped with values left after the 16th */
};

/* header_value: one Reason header's value (after the colon). */
void sa_reason_iter_init(struct sa_reason_iter *it, struct sa_slice header_value);
/* The next reason-value into *out; false when there is none left (or SA_REASON_MAX_VALUES were
 * read: then it->truncated says whether more followed). An empty header value gives one value
 * flagged SA_REASON_EMPTY, and "a,,b" three. */
bool sa_reason_next(struct sa_reason_iter *it, struct sa_reason *out);

/* The registry's spelling ("SIP", "Q.850", "Preemption", "S1AP-RNL", ...); NULL for UNKNOWN or
 * out of range. */
const char *sa_reason_protocol_name(enum sa_reason_protocol p);

#endif
