/* SPDX-License-Identifier: GPL-2.0-or-later */
/* 422 Session Interval Too Small (RFC 4028 §6), the session-timer mirror of 421: the 422's
 * Min-SE against the Session-Expires and Min-SE of the request it answers, the fix, the client's
 * retry and whether it reached the Min-SE, a 422 that cannot be satisfied (a loop), and on any
 * request a Session-Expires below 90 s or below its own Min-SE. Decided once, on the first pass,
 * from the values the reader took (sip_message.h) and read with session_timer.h. */
#ifndef SA_SESSION_CHECK_H
#define SA_SESSION_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "sa_types.h"
#include "sip_message.h"

/* What a message said about the session interval: kept per transaction for requests that carry
 * Session-Expires or Min-SE (the analyzer's side table), so that a 422 can be compared with it. */
enum sa_session_value_flags {
    SA_SV_EXPIRES = 1u << 0,     /* a Session-Expires line was there */
    SA_SV_EXPIRES_OK = 1u << 1,  /* ... and .expires holds its delta-seconds */
    SA_SV_EXPIRES_BAD = 1u << 2, /* ... and it is malformed (session_timer.h, SA_SI_MALFORMED) */
    SA_SV_MIN_SE = 1u << 3,
    SA_SV_MIN_SE_OK = 1u << 4,
    SA_SV_MIN_SE_BAD = 1u << 5,
};

struct sa_session_values {
    uint32_t expires; /* with SA_SV_EXPIRES_OK, else 0 */
    uint32_t min_se;  /* with SA_SV_MIN_SE_OK, else 0 */
    uint8_t flags;    /* enum sa_session_value_flags */
};

/* Reads msg's Session-Expires and Min-SE values (nothing when it has neither: flags 0). A
 * malformed value that still starts with a usable number keeps it (SA_SV_*_OK and _BAD). */
void sa_session_values_read(const struct sa_message *msg, struct sa_session_values *out);

enum sa_session_kind { SA_SESSION_422 = 1, SA_SESSION_REQUEST };

enum sa_session_problem {
    SA_SS_MALFORMED = 1u << 0,            /* a Session-Expires or Min-SE value malformed: bad_value */
    SA_SS_NO_MIN_SE = 1u << 1,            /* 422 without Min-SE (§6 requires one) */
    SA_SS_MIN_SE_BELOW_FLOOR = 1u << 2,   /* a Min-SE below SA_MIN_SE_FLOOR (§5) */
    SA_SS_NO_SESSION_EXPIRES = 1u << 3,   /* 422 to a request without Session-Expires */
    SA_SS_REQUEST_UNSEEN = 1u << 4,       /* 422 whose request is not in the capture */
    SA_SS_LOOP = 1u << 5,                 /* 422 to a request whose Session-Expires already reaches its
                                             Min-SE: a retry cannot help (origin set: it answers the
                                             retry after an earlier 422, a loop) */
    SA_SS_EXPIRES_BELOW_FLOOR = 1u << 6,  /* request: Session-Expires below SA_MIN_SE_FLOOR */
    SA_SS_EXPIRES_BELOW_MIN_SE = 1u << 7, /* request: Session-Expires below its own Min-SE */
    SA_SS_RETRY = 1u << 8,                /* request: the retry after a 422 (origin) */
    SA_SS_STILL_SMALL = 1u << 9,          /* ... whose Session-Expires is absent, unreadable or still
                                             below that 422's Min-SE */
};

/* Bytes of a malformed value kept (escaped, cut at a character). */
#define SA_SESSION_BAD_MAX 64

struct sa_session {
    uint8_t kind;              /* enum sa_session_kind */
    uint8_t bad_is_min_se;     /* bad_value is the Min-SE (else the Session-Expires) */
    uint16_t problems;         /* enum sa_session_problem */
    uint16_t bad_flags;        /* session_timer.h SA_SI_* of bad_value */
    uint32_t frame;            /* the 422, or the request */
    uint32_t cseq;
    struct sa_session_values own;     /* a request's own values; a 422's Min-SE */
    struct sa_session_values request; /* 422: what the request it answers said (flags 0: neither header,
                                         or the request is not in the capture) */
    uint32_t request_frame;    /* 422: the request answered; 0 when not in the capture */
    uint32_t retry_frame;      /* 422: the client's retry, once seen (forward-looking) */
    /* A retry: the 422 it follows. A 422 answering such a retry: the 422 before it. */
    uint32_t origin_frame;
    const struct sa_session *origin;
    char *method;              /* 422: the request's method (from CSeq), escaped */
    char *bad_value;           /* the first malformed value, escaped; NULL when none */
};

/* A request's analysis: NULL when it says nothing (no finding and origin NULL), as for nearly
 * every request. origin: the latest 422 of its series (same Call-ID, From tag and method) when
 * the request is a new one with a higher CSeq, which makes it that 422's retry (then
 * origin->retry_frame is set). *values: what the request said (sa_session_values_read), for the
 * caller to keep for a 422 that may answer it. */
struct sa_session *sa_session_on_request(const struct sa_allocator *a, const struct sa_message *req, uint32_t frame,
                                         struct sa_session *origin, struct sa_session_values *values);

/* A 422's analysis. request_frame: the request it answers, 0 when not in the capture; request:
 * what that request said, NULL when it had neither header. latest: the latest earlier 422 of the
 * series, or NULL; when the request answered is its retry, this 422 answers a retry. */
struct sa_session *sa_session_on_422(const struct sa_allocator *a, const struct sa_message *resp, uint32_t frame,
                                     uint32_t request_frame, const struct sa_session_values *request,
                                     const struct sa_session *latest);

/* Whether a 422's Min-SE (or, for a retry, its 422's) is known: then *out holds it. */
bool sa_session_min_se(const struct sa_session *s, uint32_t *out);
/* The request's values: a 422's answered request's, a request's own. */
const struct sa_session_values *sa_session_request_values(const struct sa_session *s);
/* A retry: whether its Session-Expires reached its 422's Min-SE; false when that 422 named none
 * (then nothing tells, and *known is false). */
bool sa_session_retry_fixed(const struct sa_session *s, bool *known);

/* Texts for the expert infos, written into buf (snprintf rules: returns the length needed);
 * our words and escaped capture bytes only, so valid UTF-8 (text_buf.h). */
size_t sa_session_text_too_small(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_loop(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_retry(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_malformed(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_min_se_missing(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_no_session_expires(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_min_se_below_floor(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_expires_below_floor(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_expires_below_min_se(const struct sa_session *s, char *buf, size_t size);
size_t sa_session_text_not_retried(const struct sa_session *s, char *buf, size_t size);

#endif
