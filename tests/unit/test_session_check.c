/* SPDX-License-Identifier: GPL-2.0-or-later */
/* 422 Session Interval Too Small through the analyzer (src/session_check.c): the 422's Min-SE
 * against the request it answers, the fix, the retry and whether it reached the Min-SE, a 422
 * loop, a 422 without Min-SE or to a request without Session-Expires, Min-SE and Session-Expires
 * below 90 s, a Session-Expires below its own Min-SE, malformed values; the exact texts; what is
 * kept per transaction, and that other responses and plain requests cost nothing. */
#include "test_support.h"

#include "session_check.h"
#include "text_buf.h"

#define B1 "z9hG4bK-s1"
#define B2 "z9hG4bK-s2"
#define B3 "z9hG4bK-s3"
#define B4 "z9hG4bK-s4"

static const struct sa_record *invite(struct ts_env *env, uint32_t frame, const char *branch, unsigned cseq,
                                      const char *extra)
{
    return ts_req(env, frame, frame * 10, ts_request(&env->heap, "INVITE", branch, cseq, extra));
}

static const struct sa_record *r422(struct ts_env *env, uint32_t frame, const char *branch, unsigned cseq,
                                    const char *extra)
{
    return ts_resp(env, frame, frame * 10,
                   ts_response(&env->heap, 422, "Session Interval Too Small", branch, cseq, "INVITE", "tb", extra));
}

static const struct sa_session *session_of(struct ts_env *env, const struct sa_record *r)
{
    assert_non_null(r);
    assert_true(r->flags & SA_REC_HAS_SESSION);
    const struct sa_session *s = sa_analyzer_record_session(env->an, r);
    assert_non_null(s);
    return s;
}

static void assert_no_session(struct ts_env *env, const struct sa_record *r)
{
    assert_non_null(r);
    assert_int_equal(r->flags & SA_REC_HAS_SESSION, 0);
    assert_null(sa_analyzer_record_session(env->an, r));
}

typedef size_t (*text_fn)(const struct sa_session *, char *, size_t);

/* Formats with a sizing pass first, and checks both passes agree. */
static const char *text(struct ts_env *env, text_fn fn, const struct sa_session *s)
{
    size_t n = fn(s, NULL, 0);
    char *buf = ts_heap_alloc(&env->heap, n + 1);
    assert_non_null(buf);
    assert_int_equal(fn(s, buf, n + 1), n);
    assert_int_equal(strlen(buf), n);
    return buf;
}

static uint32_t min_se_of(const struct sa_session *s)
{
    uint32_t v = 0;
    assert_true(sa_session_min_se(s, &v));
    return v;
}

/* ---- the recorded case: Session-Expires 300 -> 422 Min-SE 1800 -> retry 1800 ------------- */

static void test_422_then_fixed_retry(void **state)
{
    struct ts_env *env = *state;
    assert_no_session(env, invite(env, 1, B1, 1, "Supported: timer\r\nSession-Expires: 300\r\n"));
    const struct sa_record *r = r422(env, 2, B1, 1, "Min-SE: 1800\r\n");
    const struct sa_session *s = session_of(env, r);
    assert_int_equal(s->kind, SA_SESSION_422);
    assert_int_equal(s->problems, 0);
    assert_int_equal(s->frame, 2);
    assert_int_equal(s->cseq, 1);
    assert_int_equal(s->request_frame, 1);
    assert_int_equal(s->own.flags, SA_SV_MIN_SE | SA_SV_MIN_SE_OK);
    assert_int_equal(s->own.min_se, 1800);
    assert_int_equal(s->request.flags, SA_SV_EXPIRES | SA_SV_EXPIRES_OK);
    assert_int_equal(s->request.expires, 300);
    assert_int_equal(min_se_of(s), 1800);
    assert_ptr_equal(sa_session_request_values(s), &s->request);
    assert_string_equal(s->method, "INVITE");
    assert_null(s->origin);
    assert_int_equal(s->retry_frame, 0);
    assert_string_equal(text(env, sa_session_text_too_small, s),
                        "INVITE in frame 1 asked Session-Expires 300 s, below the server's Min-SE 1800 s: raise "
                        "Session-Expires to at least 1800 s (with Min-SE 1800 s) in the retry");
    assert_string_equal(text(env, sa_session_text_not_retried, s),
                        "No retry of the INVITE follows this 422 in the capture");

    ts_req(env, 3, 30, ts_request(&env->heap, "ACK", B1, 1, NULL));
    assert_no_session(env, sa_analyzer_first_record(env->an, 3));
    const struct sa_record *rr =
        invite(env, 4, B2, 2, "Supported: timer\r\nSession-Expires: 1800\r\nMin-SE: 1800\r\n");
    const struct sa_session *retry = session_of(env, rr);
    assert_int_equal(retry->kind, SA_SESSION_REQUEST);
    assert_int_equal(retry->problems, SA_SS_RETRY);
    assert_int_equal(retry->origin_frame, 2);
    assert_ptr_equal(retry->origin, s);
    assert_int_equal(s->retry_frame, 4);
    assert_int_equal(retry->own.expires, 1800);
    assert_int_equal(retry->own.min_se, 1800);
    assert_int_equal(min_se_of(retry), 1800);
    bool known = false;
    assert_true(sa_session_retry_fixed(retry, &known));
    assert_true(known);
    assert_string_equal(text(env, sa_session_text_retry, retry),
                        "Retry of the 422 in frame 2: Session-Expires 1800 s now reaches its Min-SE 1800 s");
    /* The 200 and the BYE of the call: nothing about session timers. */
    assert_no_session(env, ts_resp(env, 5, 50,
                                   ts_response(&env->heap, 200, "OK", B2, 2, "INVITE", "tb",
                                               "Require: timer\r\nSession-Expires: 1800;refresher=uac\r\n")));
    assert_no_session(env, ts_req(env, 6, 60, ts_request(&env->heap, "BYE", B3, 3, NULL)));
}

/* A 422's own retransmission says nothing new; the retry is linked once only. */
static void test_422_copy_and_second_request(void **state)
{
    struct ts_env *env = *state;
    invite(env, 1, B1, 1, "Session-Expires: 300\r\n");
    const struct sa_session *s = session_of(env, r422(env, 2, B1, 1, "Min-SE: 1800\r\n"));
    const struct sa_record *copy = r422(env, 3, B1, 1, "Min-SE: 1800\r\n");
    assert_true(copy->flags & SA_REC_RETRANS);
    assert_no_session(env, copy);
    session_of(env, invite(env, 4, B2, 2, "Session-Expires: 1800\r\n"));
    assert_int_equal(s->retry_frame, 4);
    /* The next INVITE of the call is no second retry of that 422. */
    assert_no_session(env, invite(env, 5, B3, 3, "Session-Expires: 1800\r\n"));
    assert_int_equal(s->retry_frame, 4);
}

/* ---- what a 422 gets wrong ---------------------------------------------------------------- */

static void test_422_without_min_se(void **state)
{
    struct ts_env *env = *state;
    invite(env, 1, B1, 1, "Session-Expires: 300\r\n");
    const struct sa_session *s = session_of(env, r422(env, 2, B1, 1, NULL));
    assert_int_equal(s->problems, SA_SS_NO_MIN_SE);
    assert_int_equal(s->own.flags, 0);
    uint32_t v = 7;
    assert_false(sa_session_min_se(s, &v));
    assert_int_equal(v, 7);
    assert_int_equal(s->request.expires, 300);
    assert_string_equal(text(env, sa_session_text_min_se_missing, s),
                        "422 without Min-SE (RFC 4028 section 6 requires one): the client cannot tell which "
                        "Session-Expires the server would accept");
    /* A retry after it cannot be judged: linked, with no verdict on its value. */
    const struct sa_session *retry = session_of(env, invite(env, 3, B2, 2, "Session-Expires: 600\r\n"));
    assert_int_equal(retry->problems, SA_SS_RETRY);
    bool known = true;
    assert_false(sa_session_retry_fixed(retry, &known));
    assert_false(known);
    assert_false(sa_session_min_se(retry, &v));
    assert_string_equal(text(env, sa_session_text_retry, retry),
                        "Retry of the 422 in frame 2, which named no usable Min-SE: Session-Expires 600 s");
}

static void test_422_to_request_without_session_expires(void **state)
{
    struct ts_env *env = *state;
    assert_no_session(env, invite(env, 1, B1, 1, "Supported: timer\r\n"));
    const struct sa_session *s = session_of(env, r422(env, 2, B1, 1, "Min-SE: 1800\r\n"));
    assert_int_equal(s->problems, SA_SS_NO_SESSION_EXPIRES);
    assert_int_equal(s->request.flags, 0);
    assert_string_equal(text(env, sa_session_text_no_session_expires, s),
                        "422 to the INVITE in frame 1, which had no Session-Expires: RFC 4028 section 6 answers "
                        "422 only to a Session-Expires below the server's minimum");
    assert_string_equal(text(env, sa_session_text_too_small, s),
                        "INVITE in frame 1 had no Session-Expires; the server's Min-SE is 1800 s: send "
                        "Session-Expires of at least 1800 s (with Min-SE 1800 s) in the retry");
}

static void test_422_min_se_below_floor(void **state)
{
    struct ts_env *env = *state;
    const struct sa_session *req = session_of(env, invite(env, 1, B1, 1, "Session-Expires: 45\r\n"));
    assert_int_equal(req->problems, SA_SS_EXPIRES_BELOW_FLOOR);
    assert_ptr_equal(sa_session_request_values(req), &req->own);
    assert_string_equal(text(env, sa_session_text_expires_below_floor, req),
                        "Session-Expires 45 s is below 90 s, the smallest Min-SE RFC 4028 section 5 allows: an "
                        "element with session timers rejects it with 422 or raises it");
    const struct sa_session *s = session_of(env, r422(env, 2, B1, 1, "Min-SE: 60\r\n"));
    assert_int_equal(s->problems, SA_SS_MIN_SE_BELOW_FLOOR);
    assert_int_equal(s->own.min_se, 60);
    assert_string_equal(text(env, sa_session_text_min_se_below_floor, s),
                        "Min-SE 60 s is below 90 s, the smallest RFC 4028 section 5 allows");
    /* The fix asks for the floor, not for the Min-SE below it. */
    assert_string_equal(text(env, sa_session_text_too_small, s),
                        "INVITE in frame 1 asked Session-Expires 45 s, below the server's Min-SE 60 s: raise "
                        "Session-Expires to at least 90 s in the retry (a Min-SE below 90 s breaks RFC 4028 "
                        "section 5)");
}

/* The exact boundaries: 90 is not below 90, 89 is; Session-Expires equal to the Min-SE reaches it. */
static void test_floor_and_min_se_boundaries(void **state)
{
    struct ts_env *env = *state;
    assert_no_session(env, invite(env, 1, B1, 1, "Session-Expires: 90\r\nMin-SE: 90\r\n"));
    const struct sa_session *s = session_of(env, invite(env, 2, B2, 1, "Session-Expires: 89\r\nMin-SE: 89\r\n"));
    assert_int_equal(s->problems, SA_SS_EXPIRES_BELOW_FLOOR | SA_SS_MIN_SE_BELOW_FLOOR);
    s = session_of(env, invite(env, 3, B3, 1, "Session-Expires: 0\r\n"));
    assert_int_equal(s->problems, SA_SS_EXPIRES_BELOW_FLOOR);
    assert_int_equal(s->own.flags, SA_SV_EXPIRES | SA_SV_EXPIRES_OK);
    assert_int_equal(s->own.expires, 0);
    assert_no_session(env, invite(env, 4, B4, 1, "Session-Expires: 4294967295\r\nMin-SE: 4294967295\r\n"));
}

/* d: 422 Min-SE 1800, the retry asks 1800, and a 422 with Min-SE 1800 again: a loop. */
static void test_422_loop(void **state)
{
    struct ts_env *env = *state;
    invite(env, 1, B1, 1, "Session-Expires: 300\r\n");
    const struct sa_session *first = session_of(env, r422(env, 2, B1, 1, "Min-SE: 1800\r\n"));
    invite(env, 3, B2, 2, "Session-Expires: 1800\r\nMin-SE: 1800\r\n");
    const struct sa_session *s = session_of(env, r422(env, 4, B2, 2, "Min-SE: 1800\r\n"));
    assert_int_equal(s->problems, SA_SS_LOOP);
    assert_ptr_equal(s->origin, first);
    assert_int_equal(s->origin_frame, 2);
    assert_int_equal(s->request_frame, 3);
    assert_int_equal(s->request.flags, SA_SV_EXPIRES | SA_SV_EXPIRES_OK | SA_SV_MIN_SE | SA_SV_MIN_SE_OK);
    assert_string_equal(text(env, sa_session_text_loop, s),
                        "422 again: the INVITE in frame 3, the retry after the 422 in frame 2, already asked "
                        "Session-Expires 1800 s, not below this Min-SE 1800 s: the server rejects what it asked "
                        "for, and retrying loops");
    /* The next retry follows the latest 422 of the series. */
    const struct sa_session *retry = session_of(env, invite(env, 5, B3, 3, "Session-Expires: 1800\r\n"));
    assert_int_equal(retry->origin_frame, 4);
    assert_int_equal(first->retry_frame, 3);
    assert_int_equal(s->retry_frame, 5);
}

/* A first 422 whose Min-SE the request already reaches: no retry can satisfy it. */
static void test_422_not_below_min_se(void **state)
{
    struct ts_env *env = *state;
    invite(env, 1, B1, 1, "Session-Expires: 1800\r\n");
    const struct sa_session *s = session_of(env, r422(env, 2, B1, 1, "Min-SE: 1200\r\n"));
    assert_int_equal(s->problems, SA_SS_LOOP);
    assert_null(s->origin);
    assert_string_equal(text(env, sa_session_text_loop, s),
                        "The INVITE in frame 1 already asked Session-Expires 1800 s, not below this Min-SE 1200 s: "
                        "the 422 is inconsistent, and a retry with the same values would get it again");
}

/* e: the retry asks 900, still below 1800; another 422, then 1800. */
static void test_retry_still_small_then_fixed(void **state)
{
    struct ts_env *env = *state;
    invite(env, 1, B1, 1, "Session-Expires: 300\r\n");
    r422(env, 2, B1, 1, "Min-SE: 1800\r\n");
    const struct sa_session *retry = session_of(env, invite(env, 3, B2, 2, "Session-Expires: 900\r\nMin-SE: 900\r\n"));
    assert_int_equal(retry->problems, SA_SS_RETRY | SA_SS_STILL_SMALL);
    bool known = false;
    assert_false(sa_session_retry_fixed(retry, &known));
    assert_true(known);
    assert_string_equal(text(env, sa_session_text_retry, retry),
                        "Retry of the 422 in frame 2 still asks Session-Expires 900 s, below its Min-SE 1800 s: "
                        "expect another 422");
    const struct sa_session *again = session_of(env, r422(env, 4, B2, 2, "Min-SE: 1800\r\n"));
    assert_int_equal(again->problems, 0);
    assert_int_equal(again->origin_frame, 2);
    assert_string_equal(text(env, sa_session_text_too_small, again),
                        "INVITE in frame 3 asked Session-Expires 900 s (Min-SE 900 s), below the server's Min-SE "
                        "1800 s, again after the 422 in frame 2: raise Session-Expires to at least 1800 s (with "
                        "Min-SE 1800 s) in the retry");
    const struct sa_session *fixed = session_of(env, invite(env, 5, B3, 3, "x: 1800;refresher=uac\r\n"));
    assert_int_equal(fixed->problems, SA_SS_RETRY);
    assert_int_equal(fixed->origin_frame, 4);
    assert_true(sa_session_retry_fixed(fixed, &known));
}

static void test_retry_without_session_expires(void **state)
{
    struct ts_env *env = *state;
    invite(env, 1, B1, 1, "Session-Expires: 300\r\n");
    r422(env, 2, B1, 1, "Min-SE: 1800\r\n");
    const struct sa_session *retry = session_of(env, invite(env, 3, B2, 2, NULL));
    assert_int_equal(retry->problems, SA_SS_RETRY | SA_SS_STILL_SMALL);
    assert_int_equal(retry->own.flags, 0);
    assert_string_equal(text(env, sa_session_text_retry, retry),
                        "Retry of the 422 in frame 2 has no Session-Expires; the 422 asked for at least 1800 s");
}

/* A retry is a new request of the same Call-ID, From tag and method with a higher CSeq. */
static void test_not_a_retry(void **state)
{
    struct ts_env *env = *state;
    invite(env, 1, B1, 5, "Session-Expires: 300\r\n");
    const struct sa_session *s = session_of(env, r422(env, 2, B1, 5, "Min-SE: 1800\r\n"));
    assert_no_session(env, invite(env, 3, B2, 5, "Session-Expires: 1800\r\n")); /* same CSeq */
    assert_no_session(env, invite(env, 4, B3, 4, "Session-Expires: 1800\r\n")); /* lower */
    assert_no_session(env, ts_req(env, 5, 50, ts_request(&env->heap, "UPDATE", B4, 6, "Session-Expires: 1800\r\n")));
    /* Another call (Call-ID) with a higher CSeq. */
    const char *other = "INVITE sip:bob@b.example SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-o\r\n"
                        "From: <sip:alice@a.example>;tag=fa\r\nTo: <sip:bob@b.example>\r\nCall-ID: other\r\n"
                        "CSeq: 9 INVITE\r\nSession-Expires: 1800\r\n\r\n";
    assert_no_session(env, ts_req(env, 6, 60, other));
    assert_int_equal(s->retry_frame, 0);
}

static void test_422_request_unseen(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = r422(env, 1, B1, 1, "Min-SE: 1800\r\n");
    assert_true(r->flags & SA_REC_REQUEST_UNSEEN);
    const struct sa_session *s = session_of(env, r);
    assert_int_equal(s->problems, SA_SS_REQUEST_UNSEEN);
    assert_int_equal(s->request_frame, 0);
    assert_string_equal(text(env, sa_session_text_too_small, s),
                        "The INVITE this 422 answers is not in the capture; the server's Min-SE is 1800 s: raise "
                        "Session-Expires to at least 1800 s (with Min-SE 1800 s) in the retry");
    /* Its retry is still found, by Call-ID, From tag and method. */
    const struct sa_session *retry = session_of(env, invite(env, 2, B2, 2, "Session-Expires: 1800\r\n"));
    assert_int_equal(retry->origin_frame, 1);
}

/* ---- what a request gets wrong ------------------------------------------------------------ */

static void test_request_below_its_own_min_se(void **state)
{
    struct ts_env *env = *state;
    const struct sa_session *s = session_of(env, invite(env, 1, B1, 1, "Session-Expires: 100\r\nMin-SE: 200\r\n"));
    assert_int_equal(s->problems, SA_SS_EXPIRES_BELOW_MIN_SE);
    assert_string_equal(text(env, sa_session_text_expires_below_min_se, s),
                        "Session-Expires 100 s is below this request's own Min-SE 200 s: it asks for less than "
                        "the minimum it states");
    assert_int_equal(s->own.expires, 100);
    assert_int_equal(s->own.min_se, 200);
}

static void test_request_malformed_values(void **state)
{
    struct ts_env *env = *state;
    const struct sa_session *s = session_of(env, invite(env, 1, B1, 1, "Session-Expires: soon\r\n"));
    assert_int_equal(s->problems, SA_SS_MALFORMED);
    assert_int_equal(s->own.flags, SA_SV_EXPIRES | SA_SV_EXPIRES_BAD);
    assert_string_equal(text(env, sa_session_text_malformed, s),
                        "Malformed Session-Expires \"soon\": delta-seconds not a number (RFC 4028 section 4)");
    s = session_of(env, invite(env, 2, B2, 1, "Session-Expires: 99999999999999999999\r\n"));
    assert_string_equal(text(env, sa_session_text_malformed, s),
                        "Malformed Session-Expires \"99999999999999999999\": delta-seconds above 4294967295 (RFC "
                        "4028 section 4)");
    /* 2^32 is one too many; a bad refresher keeps the number. */
    s = session_of(env, invite(env, 3, B3, 1, "Session-Expires: 4294967296\r\n"));
    assert_int_equal(s->own.flags, SA_SV_EXPIRES | SA_SV_EXPIRES_BAD);
    s = session_of(env, invite(env, 4, B4, 1, "Session-Expires: 1800;refresher=me\r\nMin-SE: x\r\n"));
    assert_int_equal(s->own.flags,
                     SA_SV_EXPIRES | SA_SV_EXPIRES_OK | SA_SV_EXPIRES_BAD | SA_SV_MIN_SE | SA_SV_MIN_SE_BAD);
    assert_int_equal(s->own.expires, 1800);
    assert_string_equal(text(env, sa_session_text_malformed, s),
                        "Malformed Session-Expires \"1800;refresher=me\": refresher neither uac nor uas (RFC 4028 "
                        "section 4)");
}

static void test_empty_values_and_malformed_min_se(void **state)
{
    struct ts_env *env = *state;
    const struct sa_session *s = session_of(env, invite(env, 1, B1, 1, "Session-Expires:\r\n"));
    assert_string_equal(text(env, sa_session_text_malformed, s),
                        "Malformed Session-Expires \"\": empty (RFC 4028 section 4)");
    s = session_of(env, invite(env, 2, B2, 1, "Min-SE: 1800 1800\r\n"));
    assert_int_equal(s->bad_is_min_se, 1);
    assert_string_equal(text(env, sa_session_text_malformed, s),
                        "Malformed Min-SE \"1800 1800\": bytes that are no parameter (RFC 4028 section 5)");
    /* A 422 with a non-numeric Min-SE (to that request, which had no Session-Expires): malformed,
     * and no fix to give. */
    const struct sa_session *r = session_of(env, r422(env, 3, B2, 1, "Min-SE: lots\r\n"));
    assert_int_equal(r->problems, SA_SS_MALFORMED | SA_SS_NO_SESSION_EXPIRES);
    assert_int_equal(r->own.flags, SA_SV_MIN_SE | SA_SV_MIN_SE_BAD);
    assert_string_equal(text(env, sa_session_text_malformed, r),
                        "Malformed Min-SE \"lots\": delta-seconds not a number (RFC 4028 section 5)");
}

/* Capture bytes in a text are escaped and cut, so the text is valid UTF-8 of bounded size. */
static void test_malformed_value_escaped_and_cut(void **state)
{
    struct ts_env *env = *state;
    char extra[400];
    snprintf(extra, sizeof extra, "Session-Expires: \x01\xff\xc3\xa9%s\r\n",
             "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    const struct sa_session *s = session_of(env, invite(env, 1, B1, 1, extra));
    assert_non_null(s->bad_value);
    assert_true(strncmp(s->bad_value, "\\x01\\xff\xc3\xa9" "aaa", 13) == 0);
    /* 64 bytes of the value kept: 4 of them escaped to 8, and "é" kept whole. */
    assert_int_equal(strlen(s->bad_value), 64 + 6);
    const char *t = text(env, sa_session_text_malformed, s);
    for (size_t i = 0; t[i];) {
        size_t n = sa_utf8_char_len((const unsigned char *)t + i, strlen(t + i));
        assert_true(n > 0);
        i += n;
    }
    char small[40];
    size_t need = sa_session_text_malformed(s, small, sizeof small);
    assert_true(need > sizeof small);
    assert_true(strlen(small) < sizeof small);
}

/* ---- cost: what is kept, and for whom ----------------------------------------------------- */

/* A request with neither header, a 1xx/2xx/other failure: no analysis, no memory. */
static void test_nothing_for_plain_messages(void **state)
{
    struct ts_env *env = *state;
    struct sa_analyzer_stats before, after;
    invite(env, 1, B1, 1, "Supported: timer\r\n");
    sa_analyzer_stats(env->an, &before);
    assert_no_session(env, ts_resp(env, 2, 20, ts_response(&env->heap, 180, "Ringing", B1, 1, "INVITE", "tb",
                                                           "Session-Expires: 30\r\nMin-SE: 30\r\n")));
    assert_no_session(env, ts_resp(env, 3, 30, ts_response(&env->heap, 486, "Busy Here", B1, 1, "INVITE", "tb",
                                                           "Min-SE: 30\r\n")));
    sa_analyzer_stats(env->an, &after);
    assert_int_equal(after.bytes, before.bytes);
}

/* A request with a good Session-Expires has no finding but keeps its values (12 bytes and a slot)
 * on its transaction, for a 422 that may come. */
static void test_good_request_keeps_values_only(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = invite(env, 1, B1, 1, "Session-Expires: 1800;refresher=uac\r\nMin-SE: 90\r\n");
    assert_no_session(env, r);
    const struct sa_session *s = session_of(env, r422(env, 2, B1, 1, "Min-SE: 3600\r\n"));
    assert_int_equal(s->request.expires, 1800);
    assert_int_equal(s->request.min_se, 90);
    assert_int_equal(s->request.flags, SA_SV_EXPIRES | SA_SV_EXPIRES_OK | SA_SV_MIN_SE | SA_SV_MIN_SE_OK);
}

/* A retransmitted request is not analysed again; an ACK never. */
static void test_copies_and_ack_not_analysed(void **state)
{
    struct ts_env *env = *state;
    const char *inv = ts_request(&env->heap, "INVITE", B1, 1, "Session-Expires: 45\r\n");
    session_of(env, ts_req(env, 1, 10, inv));
    const struct sa_record *copy = ts_req(env, 2, 20, inv);
    assert_true(copy->flags & SA_REC_RETRANS);
    assert_no_session(env, copy);
    r422(env, 3, B1, 1, "Min-SE: 1800\r\n");
    assert_no_session(env, ts_req(env, 4, 40, ts_request(&env->heap, "ACK", B1, 1, "Session-Expires: 45\r\n")));
}

/* sa_session_values_read on its own, for the plugin and the tests. */
static void test_values_read(void **state)
{
    (void)state;
    const char *t = "INVITE sip:b SIP/2.0\r\nx: 1800 ; refresher=UAS\r\nMin-SE: 0090\r\n\r\n";
    struct sa_message m;
    assert_true(sa_message_parse(t, strlen(t), &m));
    struct sa_session_values v;
    sa_session_values_read(&m, &v);
    assert_int_equal(v.flags, SA_SV_EXPIRES | SA_SV_EXPIRES_OK | SA_SV_MIN_SE | SA_SV_MIN_SE_OK);
    assert_int_equal(v.expires, 1800);
    assert_int_equal(v.min_se, 90);
    t = "INVITE sip:b SIP/2.0\r\n\r\n";
    assert_true(sa_message_parse(t, strlen(t), &m));
    sa_session_values_read(&m, &v);
    assert_int_equal(v.flags, 0);
}

/* A call with a 422, a retry and a 422 loop: every allocation failing in turn neither crashes nor
 * leaks past the heap. */
static size_t oom_scenario(long fail_after)
{
    struct ts_env env;
    ts_heap_init(&env.heap);
    const char *inv = ts_request(&env.heap, "INVITE", B1, 1, "Session-Expires: soon\r\n");
    const char *first = ts_response(&env.heap, 422, "Session Interval Too Small", B1, 1, "INVITE", "tb",
                                    "Min-SE: 1800\r\n");
    const char *retry = ts_request(&env.heap, "INVITE", B2, 2, "Session-Expires: 1800\r\nMin-SE: 1800\r\n");
    const char *again = ts_response(&env.heap, 422, "Session Interval Too Small", B2, 2, "INVITE", "tb",
                                    "Min-SE: 1800\r\n");
    size_t before = env.heap.allocs;
    env.heap.fail_after = fail_after;
    env.an = sa_analyzer_new(&env.heap.a, &TS_HASH_KEY);
    if (env.an) {
        ts_req(&env, 1, 0, inv);
        ts_resp(&env, 2, 10, first);
        ts_req(&env, 3, 20, retry);
        ts_resp(&env, 4, 30, again);
        char buf[300];
        for (uint32_t f = 1; f <= 4; f++) {
            const struct sa_session *s = sa_analyzer_record_session(env.an, sa_analyzer_first_record(env.an, f));
            if (s) {
                sa_session_text_malformed(s, buf, sizeof buf);
                sa_session_text_retry(s, buf, sizeof buf);
                sa_session_text_too_small(s, buf, sizeof buf);
                sa_session_text_loop(s, buf, sizeof buf);
            }
        }
    }
    size_t made = env.heap.allocs - before;
    ts_heap_free_all(&env.heap);
    assert_int_equal(env.heap.live_bytes, 0);
    return made;
}

static void test_out_of_memory_at_every_allocation(void **state)
{
    (void)state;
    size_t total = oom_scenario(-1);
    assert_true(total > 10);
    for (long n = 0; n < (long)total; n++)
        oom_scenario(n);
}

#define T(f) cmocka_unit_test_setup_teardown(f, ts_env_setup, ts_env_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_422_then_fixed_retry),
        T(test_422_copy_and_second_request),
        T(test_422_without_min_se),
        T(test_422_to_request_without_session_expires),
        T(test_422_min_se_below_floor),
        T(test_floor_and_min_se_boundaries),
        T(test_422_loop),
        T(test_422_not_below_min_se),
        T(test_retry_still_small_then_fixed),
        T(test_retry_without_session_expires),
        T(test_not_a_retry),
        T(test_422_request_unseen),
        T(test_request_below_its_own_min_se),
        T(test_request_malformed_values),
        T(test_empty_values_and_malformed_min_se),
        T(test_malformed_value_escaped_and_cut),
        T(test_nothing_for_plain_messages),
        T(test_good_request_keeps_values_only),
        T(test_copies_and_ack_not_analysed),
        cmocka_unit_test(test_values_read),
        cmocka_unit_test(test_out_of_memory_at_every_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
