/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The analyzer fed sequences of parsed messages: transaction matching per hop, retransmissions,
 * 100 Trying bookkeeping, CANCEL/ACK, missing headers, several messages per frame, finding
 * records again, out-of-memory behaviour, and replay of the fuzz regressions and seeds. */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include <dirent.h>
#include <sys/stat.h>

#include "../fuzz/fuzz_driver.h"
#include "response_verdict.h"
#include "text_buf.h"

/* ---- message builders ------------------------------------------------------------------- */

static const char *req_x(struct ts_env *env, const char *method, const char *branch, unsigned cseq, const char *extra)
{
    return ts_request(&env->heap, method, branch, cseq, extra);
}

static const char *req(struct ts_env *env, const char *method, const char *branch, unsigned cseq)
{
    return req_x(env, method, branch, cseq, NULL);
}

static const char *phrase(unsigned code)
{
    switch (code) {
    case 100: return "Trying";
    case 180: return "Ringing";
    case 200: return "OK";
    case 404: return "Not Found";
    case 487: return "Request Terminated";
    default: return "Whatever";
    }
}

/* A response with the registry phrase. */
static const char *resp_tag(struct ts_env *env, unsigned code, const char *branch, unsigned cseq, const char *method,
                            const char *to_tag)
{
    return ts_response(&env->heap, code, phrase(code), branch, cseq, method, to_tag, NULL);
}

/* To tag "tb" except on 100. */
static const char *resp(struct ts_env *env, unsigned code, const char *branch, unsigned cseq, const char *method)
{
    return resp_tag(env, code, branch, cseq, method, code == 100 ? NULL : "tb");
}

#define B1 "z9hG4bK-b1"
#define B2 "z9hG4bK-b2"

static const struct sa_record *rec(struct ts_env *env, uint32_t frame)
{
    const struct sa_record *r = sa_analyzer_first_record(env->an, frame);
    assert_non_null(r);
    return r;
}

/* INVITE(1) 100(2) 180(3) 200(4) ACK(5, its own branch), 10 ms apart. */
static void play_basic_call(struct ts_env *env)
{
    assert_non_null(ts_req(env, 1, 0, req(env, "INVITE", B1, 1)));
    assert_non_null(ts_resp(env, 2, 10, resp(env, 100, B1, 1, "INVITE")));
    assert_non_null(ts_resp(env, 3, 20, resp(env, 180, B1, 1, "INVITE")));
    assert_non_null(ts_resp(env, 4, 30, resp(env, 200, B1, 1, "INVITE")));
    assert_non_null(ts_req(env, 5, 40, req(env, "ACK", B2, 1)));
}

/* ---- basic call ------------------------------------------------------------------------- */

static void test_basic_call_request_record(void **state)
{
    struct ts_env *env = *state;
    play_basic_call(env);
    const struct sa_record *r = rec(env, 1);
    assert_int_equal(r->flags, 0);
    assert_int_equal(r->code, 0);
    assert_int_equal(r->link, 0);
    assert_null(sa_analyzer_record_ext(env->an, r));
    assert_non_null(TS_TXN(r));
    assert_int_equal(TS_TXN(r)->req_frame, 1);
    assert_int_equal(TS_TXN(r)->req_ts, 0);
    assert_int_equal(TS_TXN(r)->cseq, 1);
    assert_int_equal(TS_TXN(r)->flags, SA_TXN_INVITE);
    /* the call's first INVITE: its delays are measured (call_delay.h), its session request is the
     * first (number 1, times two: a session request's) */
    assert_int_equal(TS_TXN(r)->delay_id, 2);
}

static void test_basic_call_responses_link_to_request(void **state)
{
    struct ts_env *env = *state;
    play_basic_call(env);
    const struct sa_txn *t = TS_TXN(rec(env, 1));
    for (uint32_t f = 2; f <= 4; f++) {
        assert_ptr_equal(TS_TXN(rec(env, f)), t);
        assert_int_equal(TS_TXN(rec(env, f))->req_frame, 1);
    }
    assert_int_equal(rec(env, 2)->code, 100);
    assert_int_equal(rec(env, 3)->code, 180);
    assert_int_equal(rec(env, 4)->code, 200);
}

static void test_basic_call_first_100_and_after_100_flags(void **state)
{
    struct ts_env *env = *state;
    play_basic_call(env);
    assert_int_equal(rec(env, 2)->flags, SA_REC_RESPONSE | SA_REC_FIRST_100);
    /* the 180 ends the SRD, the 200 the setup (RFC 6076) */
    assert_int_equal(rec(env, 3)->flags, SA_REC_RESPONSE | SA_REC_AFTER_100 | SA_REC_CALL_DELAY);
    assert_int_equal(rec(env, 4)->flags, SA_REC_RESPONSE | SA_REC_CALL_DELAY);
}

static void test_basic_call_trying_fields(void **state)
{
    struct ts_env *env = *state;
    play_basic_call(env);
    const struct sa_txn *t = TS_TXN(rec(env, 1));
    assert_int_equal(t->t100_frame, 2);
    assert_int_equal(t->t100_ts, TS_MS(10));
    assert_int_equal(t->next_frame, 3);
    assert_int_equal(t->next_ts, TS_MS(20));
    assert_int_equal(t->next_code, 180);
    assert_int_equal(t->copies_before_100, 0);
    assert_int_equal(t->req_copies, 0);
}

static void test_basic_call_final_fields(void **state)
{
    struct ts_env *env = *state;
    play_basic_call(env);
    const struct sa_txn *t = TS_TXN(rec(env, 1));
    assert_int_equal(t->final_frame, 4);
    assert_int_equal(t->final_code, 200);
    assert_int_equal(t->last_resp_frame, 4);
    assert_int_equal(t->last_resp_code, 200);
    assert_int_equal(t->ack_frame, 0);
    assert_int_equal(t->cancel_frame, 0);
    assert_null(t->tags);
}

static void test_ack_to_2xx_not_joined(void **state)
{
    struct ts_env *env = *state;
    play_basic_call(env);
    const struct sa_record *r = rec(env, 5);
    assert_int_equal(r->flags, 0);
    assert_null(TS_TXN(r));
}

static void test_ack_to_2xx_same_branch_not_joined(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp(env, 200, B1, 1, "INVITE"));
    const struct sa_record *r = ts_req(env, 3, 20, req(env, "ACK", B1, 1));
    assert_int_equal(r->flags, 0);
    assert_null(TS_TXN(r));
    assert_int_equal(TS_TXN(rec(env, 1))->ack_frame, 0);
}

static void test_basic_call_stats(void **state)
{
    struct ts_env *env = *state;
    play_basic_call(env);
    struct sa_analyzer_stats st;
    sa_analyzer_stats(env->an, &st);
    assert_int_equal(st.transactions, 1);
    assert_int_equal(st.records, 5);
    assert_true(st.bytes > 0);
}

/* ---- retransmissions -------------------------------------------------------------------- */

static void test_invite_retransmitted_before_100(void **state)
{
    struct ts_env *env = *state;
    const char *inv = req(env, "INVITE", B1, 1);
    ts_req(env, 1, 0, inv);
    const struct sa_record *r2 = ts_req(env, 2, 500, inv);
    const struct sa_record *r3 = ts_req(env, 3, 1500, inv);
    ts_resp(env, 4, 1600, resp(env, 100, B1, 1, "INVITE"));
    assert_int_equal(r2->flags, SA_REC_RETRANS);
    assert_int_equal(r2->link, 1);
    assert_int_equal(r3->flags, SA_REC_RETRANS);
    assert_int_equal(r3->link, 1);
    assert_ptr_equal(TS_TXN(r3), TS_TXN(rec(env, 1)));
    assert_int_equal(TS_TXN(r3)->req_copies, 2);
    assert_int_equal(TS_TXN(r3)->copies_before_100, 2);
    assert_int_equal(TS_TXN(r3)->req_ts, 0);
    assert_int_equal(rec(env, 4)->flags, SA_REC_RESPONSE | SA_REC_FIRST_100);
}

static void test_invite_retransmitted_after_100_not_counted_before(void **state)
{
    struct ts_env *env = *state;
    const char *inv = req(env, "INVITE", B1, 1);
    ts_req(env, 1, 0, inv);
    ts_resp(env, 2, 10, resp(env, 100, B1, 1, "INVITE"));
    ts_req(env, 3, 500, inv);
    const struct sa_txn *t = TS_TXN(rec(env, 1));
    assert_int_equal(t->req_copies, 1);
    assert_int_equal(t->copies_before_100, 0);
}

static void test_retransmitted_100_links_to_first(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp(env, 100, B1, 1, "INVITE"));
    const struct sa_record *r = ts_resp(env, 3, 510, resp(env, 100, B1, 1, "INVITE"));
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_RETRANS);
    assert_int_equal(r->link, 2);
    assert_ptr_equal(TS_TXN(r), TS_TXN(rec(env, 1)));
    assert_int_equal(TS_TXN(r)->t100_frame, 2);
}

static void test_retransmitted_200_links_to_first(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp(env, 100, B1, 1, "INVITE"));
    ts_resp(env, 3, 20, resp(env, 200, B1, 1, "INVITE"));
    const struct sa_record *r4 = ts_resp(env, 4, 520, resp(env, 200, B1, 1, "INVITE"));
    const struct sa_record *r5 = ts_resp(env, 5, 1520, resp(env, 200, B1, 1, "INVITE"));
    assert_int_equal(r4->flags, SA_REC_RESPONSE | SA_REC_RETRANS);
    assert_int_equal(r4->link, 3);
    assert_int_equal(r5->link, 3);
    assert_int_equal(TS_TXN(r4)->final_frame, 3);
    assert_int_equal(TS_TXN(r4)->last_resp_frame, 3);
}

static void test_forked_180s_with_other_to_tag_not_retrans(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp_tag(env, 180, B1, 1, "INVITE", "fork1"));
    const struct sa_record *r = ts_resp(env, 3, 20, resp_tag(env, 180, B1, 1, "INVITE", "fork2"));
    assert_int_equal(r->flags, SA_REC_RESPONSE);
    assert_int_equal(r->link, 0);
    assert_int_equal(TS_TXN(r)->last_resp_frame, 3);
}

/* ---- matching ------------------------------------------------------------------------------ */

static void test_response_before_request_negative_time(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 100, req(env, "INVITE", B1, 1));
    const struct sa_record *r = ts_resp(env, 2, 50, resp(env, 100, B1, 1, "INVITE"));
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_NEGATIVE_TIME | SA_REC_FIRST_100);
    assert_ptr_equal(TS_TXN(r), TS_TXN(rec(env, 1)));
}

static void test_response_without_request_unseen(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_resp(env, 1, 0, resp(env, 180, B1, 1, "INVITE"));
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_REQUEST_UNSEEN);
    /* A transaction of its own, without a request, so that its copies link to it (issue 18). */
    assert_non_null(TS_TXN(r));
    assert_int_equal(TS_TXN(r)->req_frame, 0);
    assert_true(TS_TXN(r)->flags & SA_TXN_NO_REQUEST);
    assert_int_equal(r->code, 180);
}

static void test_response_other_cseq_unseen(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    const struct sa_record *r = ts_resp(env, 2, 10, resp(env, 100, B1, 2, "INVITE"));
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_REQUEST_UNSEEN | SA_REC_FIRST_100);
    assert_ptr_not_equal(TS_TXN(r), TS_TXN(rec(env, 1)));
}

static void test_response_in_request_direction_unseen(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    const struct sa_record *r = ts_req(env, 2, 10, resp(env, 100, B1, 1, "INVITE"));
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_REQUEST_UNSEEN | SA_REC_FIRST_100);
    assert_ptr_not_equal(TS_TXN(r), TS_TXN(rec(env, 1)));
}

static void test_same_branch_two_hops_two_transactions(void **state)
{
    struct ts_env *env = *state;
    const char *inv = req(env, "INVITE", B1, 1);
    const struct sa_record *r1 = ts_feed(env, 1, 0, TS_UAC, TS_UAS, inv);
    const struct sa_record *r2 = ts_feed(env, 2, 5, TS_HOP2_SRC, TS_HOP2_DST, inv);
    assert_int_equal(r2->flags, 0);
    assert_non_null(TS_TXN(r2));
    assert_ptr_not_equal(TS_TXN(r1), TS_TXN(r2));
    const struct sa_record *r3 = ts_feed(env, 3, 10, TS_HOP2_DST, TS_HOP2_SRC, resp(env, 100, B1, 1, "INVITE"));
    const struct sa_record *r4 = ts_feed(env, 4, 15, TS_UAS, TS_UAC, resp(env, 100, B1, 1, "INVITE"));
    assert_ptr_equal(TS_TXN(r3), TS_TXN(r2));
    assert_ptr_equal(TS_TXN(r4), TS_TXN(r1));
    assert_int_equal(r3->flags, SA_REC_RESPONSE | SA_REC_FIRST_100);
    assert_int_equal(r4->flags, SA_REC_RESPONSE | SA_REC_FIRST_100);
}

static void test_same_branch_other_server_port_other_transaction(void **state)
{
    struct ts_env *env = *state;
    const char *inv = req(env, "INVITE", B1, 1);
    const struct sa_record *r1 = ts_req(env, 1, 0, inv);
    const struct sa_record *r2 = ts_feed(env, 2, 5, TS_UAC, ts_ipv4(10, 0, 0, 2, 5070), inv);
    assert_int_equal(r2->flags, 0);
    assert_ptr_not_equal(TS_TXN(r1), TS_TXN(r2));
}

/* The client's port is not part of the key (src/txn_key.c): over TCP/SCTP responses go to the Via
 * sent-by port, not to the port the request left from. */
static void test_response_to_other_client_port_matches(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r1 = ts_feed(env, 1, 0, ts_ipv4(10, 0, 0, 1, 57098), TS_UAS, req(env, "INVITE", B1, 1));
    const struct sa_record *r2 = ts_resp(env, 2, 10, resp(env, 100, B1, 1, "INVITE"));
    assert_int_equal(r2->flags, SA_REC_RESPONSE | SA_REC_FIRST_100);
    assert_ptr_equal(TS_TXN(r2), TS_TXN(r1));
}

static void test_same_branch_other_client_port_is_retransmission(void **state)
{
    struct ts_env *env = *state;
    const char *inv = req(env, "INVITE", B1, 1);
    ts_req(env, 1, 0, inv);
    const struct sa_record *r2 = ts_feed(env, 2, 500, ts_ipv4(10, 0, 0, 1, 5062), TS_UAS, inv);
    assert_int_equal(r2->flags, SA_REC_RETRANS);
    assert_int_equal(r2->link, 1);
}

static void test_legacy_branch_falls_back(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r1 = ts_req(env, 1, 0, req(env, "INVITE", "rfc2543-1", 1));
    const struct sa_record *r2 = ts_resp(env, 2, 10, resp(env, 100, "rfc2543-1", 1, "INVITE"));
    assert_int_equal(r1->flags, SA_REC_LEGACY_KEY);
    assert_int_equal(r2->flags, SA_REC_RESPONSE | SA_REC_LEGACY_KEY | SA_REC_FIRST_100);
    assert_ptr_equal(TS_TXN(r2), TS_TXN(r1));
}

static void test_legacy_without_branch_retransmission(void **state)
{
    struct ts_env *env = *state;
    const char *inv = "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a\r\nFrom: <sip:a@a>;tag=1\r\n"
                      "Call-ID: old\r\nCSeq: 8 INVITE\r\n\r\n";
    ts_req(env, 1, 0, inv);
    const struct sa_record *r = ts_req(env, 2, 500, inv);
    assert_int_equal(r->flags, SA_REC_LEGACY_KEY | SA_REC_RETRANS);
    assert_int_equal(r->link, 1);
}

static void test_legacy_other_from_tag_other_transaction(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a\r\nFrom: <sip:a@a>;tag=1\r\n"
                      "Call-ID: old\r\nCSeq: 8 INVITE\r\n\r\n");
    const struct sa_record *r = ts_resp(env, 2, 10, "SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP a\r\n"
                                                    "From: <sip:a@a>;tag=2\r\nCall-ID: old\r\nCSeq: 8 INVITE\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_REQUEST_UNSEEN | SA_REC_LEGACY_KEY | SA_REC_FIRST_100);
    assert_ptr_not_equal(TS_TXN(r), TS_TXN(rec(env, 1)));
}

static void test_legacy_without_call_id_not_tracked(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r =
        ts_req(env, 1, 0, "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=x\r\nCSeq: 1 INVITE\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_NO_CALL_ID);
    assert_null(TS_TXN(r));
}

/* ---- CANCEL and ACK --------------------------------------------------------------------- */

/* INVITE(1) 100(2) CANCEL(3) 200/CANCEL(4) 487(5) ACK(6, same branch). */
static void play_cancelled_call(struct ts_env *env)
{
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp(env, 100, B1, 1, "INVITE"));
    ts_req(env, 3, 1000, req(env, "CANCEL", B1, 1));
    ts_resp(env, 4, 1010, resp(env, 200, B1, 1, "CANCEL"));
    ts_resp(env, 5, 1020, resp(env, 487, B1, 1, "INVITE"));
    ts_req(env, 6, 1030, req(env, "ACK", B1, 1));
}

static void test_cancel_is_its_own_transaction(void **state)
{
    struct ts_env *env = *state;
    play_cancelled_call(env);
    const struct sa_record *r3 = rec(env, 3);
    assert_int_equal(r3->flags, 0);
    assert_non_null(TS_TXN(r3));
    assert_ptr_not_equal(TS_TXN(r3), TS_TXN(rec(env, 1)));
    assert_int_equal(TS_TXN(r3)->req_frame, 3);
    assert_int_equal(TS_TXN(r3)->flags, 0);
    assert_ptr_equal(TS_TXN(rec(env, 4)), TS_TXN(r3));
    assert_int_equal(rec(env, 4)->flags, SA_REC_RESPONSE);
}

static void test_cancel_noted_on_invite(void **state)
{
    struct ts_env *env = *state;
    play_cancelled_call(env);
    const struct sa_txn *inv = TS_TXN(rec(env, 1));
    assert_int_equal(inv->cancel_frame, 3);
    assert_int_equal(inv->flags, SA_TXN_INVITE | SA_TXN_CANCELLED);
    assert_ptr_equal(TS_TXN(rec(env, 5)), inv);
    assert_int_equal(inv->final_frame, 5);
    assert_int_equal(inv->final_code, 487);
    assert_int_equal(rec(env, 5)->flags, SA_REC_RESPONSE | SA_REC_AFTER_100 | SA_REC_CALL_DELAY);
}

static void test_ack_to_non_2xx_joins_invite(void **state)
{
    struct ts_env *env = *state;
    play_cancelled_call(env);
    const struct sa_record *r6 = rec(env, 6);
    assert_int_equal(r6->flags, SA_REC_ACK_OF_INVITE);
    assert_ptr_equal(TS_TXN(r6), TS_TXN(rec(env, 1)));
    assert_int_equal(TS_TXN(r6)->ack_frame, 6);
}

static void test_ack_to_non_2xx_retransmitted(void **state)
{
    struct ts_env *env = *state;
    play_cancelled_call(env);
    const struct sa_record *r = ts_req(env, 7, 1500, req(env, "ACK", B1, 1));
    assert_int_equal(r->flags, SA_REC_ACK_OF_INVITE | SA_REC_RETRANS);
    assert_int_equal(r->link, 6);
    assert_int_equal(TS_TXN(r)->ack_frame, 6);
}

static void test_ack_before_final_not_joined(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp(env, 180, B1, 1, "INVITE"));
    const struct sa_record *r = ts_req(env, 3, 20, req(env, "ACK", B1, 1));
    assert_int_equal(r->flags, 0);
    assert_null(TS_TXN(r));
}

static void test_second_cancel_keeps_first_cancel_frame(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_req(env, 2, 10, req(env, "CANCEL", B1, 1));
    const struct sa_record *r = ts_req(env, 3, 510, req(env, "CANCEL", B1, 1));
    assert_int_equal(r->flags, SA_REC_RETRANS);
    assert_int_equal(r->link, 2);
    assert_int_equal(TS_TXN(rec(env, 1))->cancel_frame, 2);
}

/* ---- 100 Trying ------------------------------------------------------------------------- */

static void test_no_100_first_response_180(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    const struct sa_record *r2 = ts_resp(env, 2, 10, resp(env, 180, B1, 1, "INVITE"));
    const struct sa_record *r3 = ts_resp(env, 3, 20, resp(env, 200, B1, 1, "INVITE"));
    assert_int_equal(r2->flags, SA_REC_RESPONSE | SA_REC_NO_100 | SA_REC_CALL_DELAY);
    assert_int_equal(r3->flags, SA_REC_RESPONSE | SA_REC_CALL_DELAY);
    assert_int_equal(TS_TXN(r2)->t100_frame, 0);
    assert_int_equal(TS_TXN(r2)->next_frame, 0);
}

static void test_non_invite_no_trying_flags(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "REGISTER", B1, 1));
    const struct sa_record *r = ts_resp(env, 2, 10, resp(env, 200, B1, 1, "REGISTER"));
    assert_int_equal(r->flags, SA_REC_RESPONSE);
    assert_int_equal(TS_TXN(r)->flags, 0);
    assert_int_equal(TS_TXN(r)->final_code, 200);
}

static void test_100_after_180_not_first_100(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp(env, 180, B1, 1, "INVITE"));
    const struct sa_record *r = ts_resp(env, 3, 20, resp(env, 100, B1, 1, "INVITE"));
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_FIRST_100);
    assert_int_equal(TS_TXN(r)->t100_frame, 3);
    assert_int_equal(TS_TXN(r)->next_frame, 0);
}

/* ---- status codes ----------------------------------------------------------------------- */

static void test_invalid_codes_flagged(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    const char *tail = "Via: SIP/2.0/UDP h;branch=" B1 "\r\nFrom: <sip:a@a>;tag=fa\r\nCall-ID: call-1@a.example\r\n"
                       "CSeq: 1 INVITE\r\n\r\n";
    const struct sa_record *r2 = ts_resp(env, 2, 10, ts_printf(&env->heap, "SIP/2.0 099 Low\r\n%s", tail));
    const struct sa_record *r3 = ts_resp(env, 3, 20, ts_printf(&env->heap, "SIP/2.0 700 High\r\n%s", tail));
    const struct sa_record *r4 = ts_resp(env, 4, 30, ts_printf(&env->heap, "SIP/2.0 abc Odd\r\n%s", tail));
    assert_int_equal(r2->flags, SA_REC_RESPONSE | SA_REC_CODE_INVALID);
    assert_int_equal(r2->code, 99);
    assert_int_equal(r3->flags, SA_REC_RESPONSE | SA_REC_CODE_INVALID);
    assert_int_equal(r3->code, 700);
    assert_int_equal(r4->flags, SA_REC_RESPONSE | SA_REC_CODE_INVALID | SA_REC_CODE_NOT_NUMERIC);
    assert_int_equal(r4->code, 0);
    assert_ptr_equal(TS_TXN(r4), TS_TXN(rec(env, 1)));
    assert_int_equal(TS_TXN(r4)->last_resp_frame, 0);
}

static void test_reason_phrase_differs(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "REGISTER", B1, 1));
    const struct sa_record *r = ts_resp(
        env, 2, 10,
        "SIP/2.0 200 Fine\r\nVia: SIP/2.0/UDP h;branch=" B1 "\r\nFrom: <sip:a@a>;tag=fa\r\nCSeq: 1 REGISTER\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_RESPONSE | SA_REC_PHRASE_DIFFERS | SA_REC_NO_CALL_ID);
}

/* ---- missing headers, bad input --------------------------------------------------------- */

static void test_missing_cseq_flagged(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_req(env, 1, 0,
                                       "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=" B1
                                       "\r\nCall-ID: x\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_NO_CSEQ);
    assert_null(TS_TXN(r));
}

static void test_bad_cseq_flagged_as_missing(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_req(env, 1, 0,
                                       "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=" B1
                                       "\r\nCall-ID: x\r\nCSeq: x INVITE\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_NO_CSEQ);
}

static void test_missing_via_flagged(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_req(env, 1, 0, "INVITE sip:b@b SIP/2.0\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_NO_VIA | SA_REC_LEGACY_KEY);
    assert_non_null(TS_TXN(r));
}

static void test_missing_call_id_flagged(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_req(env, 1, 0,
                                       "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=" B1
                                       "\r\nCSeq: 1 INVITE\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_NO_CALL_ID);
    assert_non_null(TS_TXN(r));
}

static void test_response_missing_everything(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_resp(env, 1, 0, "SIP/2.0 100 Trying\r\n\r\n");
    assert_int_equal(r->flags,
                     SA_REC_RESPONSE | SA_REC_NO_CSEQ | SA_REC_NO_VIA | SA_REC_NO_CALL_ID | SA_REC_REQUEST_UNSEEN);
}

static void test_not_sip_record(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_req(env, 1, 0, "GET / HTTP/1.1\r\n\r\n");
    assert_int_equal(r->flags, SA_REC_NOT_SIP);
    assert_null(TS_TXN(r));
    assert_null(sa_analyzer_record_ext(env->an, r));
}

static const struct sa_record *feed_truncated(struct ts_env *env, uint32_t frame, const char *text)
{
    struct sa_message msg;
    assert_true(sa_message_parse(text, strlen(text), &msg));
    msg.flags |= SA_MSG_TRUNCATED;
    struct sa_packet pkt = ts_packet(frame, TS_MS(frame), TS_UAC, TS_UAS);
    return sa_analyzer_message(env->an, &pkt, &msg);
}

static void test_truncated_message_not_blamed_for_missing_headers(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = feed_truncated(env, 1, "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;bra");
    assert_int_equal(r->flags, SA_REC_TRUNCATED);
    assert_null(TS_TXN(r));
}

static char *many_require_lines(struct ts_env *env, int lines)
{
    size_t size = 200 + (size_t)lines * 16;
    char *buf = ts_heap_alloc(&env->heap, size);
    assert_non_null(buf);
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_add(&t, "OPTIONS sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=" B1 "\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n");
    for (int i = 0; i < lines; i++)
        sa_text_add(&t, "Require: x\r\n");
    sa_text_add(&t, "\r\n");
    assert_true(t.len < size);
    return buf;
}

static void test_tag_lines_cut_flagged(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = ts_req(env, 1, 0, many_require_lines(env, SA_MAX_TAG_LINES + 1));
    assert_int_equal(r->flags, SA_REC_TAG_LINES_CUT);
}

/* Regression (src/analyzer.c, missing_header_flags, fixed): the early return for SA_MSG_TRUNCATED also
 * skips SA_REC_TAG_LINES_CUT, which is about lines the analysis dropped, not missing headers:
 * a truncated message whose captured part already has more than SA_MAX_TAG_LINES option-tag
 * lines loses the flag. */
static void test_truncated_message_keeps_tag_lines_cut(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r = feed_truncated(env, 1, many_require_lines(env, SA_MAX_TAG_LINES + 1));
    assert_int_equal(r->flags, SA_REC_TRUNCATED | SA_REC_TAG_LINES_CUT);
}

/* Regression (src/analyzer.c, sa_analyzer_stats, fixed): `bytes` is documented as "everything allocated
 * through the allocator, live" but leaves out the `failures` hash table (4 KiB from the start),
 * the per-transaction struct sa_txn_tags and every struct sa_ext with its tag lists and texts.
 * Expected stats.bytes == what the tracking allocator holds (no message text lives there in this
 * test). */
static void test_stats_bytes_counts_all_live_memory(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, "INVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=" B1 "\r\nCall-ID: c\r\n"
                      "CSeq: 1 INVITE\r\nSupported: timer\r\n\r\n");
    ts_resp(env, 2, 10, "SIP/2.0 421 Extension Required\r\nVia: SIP/2.0/UDP a;branch=" B1 "\r\nCall-ID: c\r\n"
                        "CSeq: 1 INVITE\r\nRequire: 100rel\r\n\r\n");
    struct sa_analyzer_stats st;
    sa_analyzer_stats(env->an, &st);
    assert_int_equal(st.bytes, env->heap.live_bytes);
}

/* ---- frames and records ----------------------------------------------------------------- */

static void test_two_messages_in_one_frame(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *a = ts_req(env, 7, 0, req(env, "INVITE", B1, 1));
    const struct sa_record *b = ts_req(env, 7, 0, req(env, "OPTIONS", B2, 2));
    assert_ptr_equal(sa_analyzer_first_record(env->an, 7), a);
    assert_int_equal(a->flags, SA_REC_MORE_IN_FRAME);
    assert_ptr_equal(sa_analyzer_next_record(env->an, a), b);
    assert_int_equal(b->flags, 0);
    assert_null(sa_analyzer_next_record(env->an, b));
    assert_ptr_not_equal(TS_TXN(a), TS_TXN(b));
}

static void test_three_messages_in_one_frame_then_next_frame(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "OPTIONS", "z9hG4bK-o1", 1));
    ts_req(env, 1, 0, req(env, "OPTIONS", "z9hG4bK-o2", 2));
    ts_req(env, 1, 0, req(env, "OPTIONS", "z9hG4bK-o3", 3));
    const struct sa_record *d = ts_req(env, 2, 1, req(env, "OPTIONS", "z9hG4bK-o4", 4));
    int n = 0;
    for (const struct sa_record *r = sa_analyzer_first_record(env->an, 1); r; r = sa_analyzer_next_record(env->an, r))
        n++;
    assert_int_equal(n, 3);
    assert_int_equal(d->flags, 0);
    assert_ptr_equal(sa_analyzer_first_record(env->an, 2), d);
}

static void test_records_found_again_by_frame(void **state)
{
    struct ts_env *env = *state;
    const struct sa_record *r1 = ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    const struct sa_record *r5 = ts_resp(env, 5, 10, resp(env, 100, B1, 1, "INVITE"));
    const struct sa_record *r9000 = ts_resp(env, 9000, 20, resp(env, 200, B1, 1, "INVITE"));
    assert_ptr_equal(sa_analyzer_first_record(env->an, 1), r1);
    assert_ptr_equal(sa_analyzer_first_record(env->an, 5), r5);
    assert_ptr_equal(sa_analyzer_first_record(env->an, 9000), r9000);
    assert_int_equal(r1->flags, 0);
    assert_int_equal(r5->flags, SA_REC_RESPONSE | SA_REC_FIRST_100);
    assert_null(sa_analyzer_first_record(env->an, 0));
    assert_null(sa_analyzer_first_record(env->an, 3));
    assert_null(sa_analyzer_first_record(env->an, 8999));
    assert_null(sa_analyzer_first_record(env->an, 1000000));
    assert_null(sa_analyzer_first_record(env->an, UINT32_MAX));
}

static void test_records_stay_put_across_chunks(void **state)
{
    struct ts_env *env = *state;
    const char *opt = req(env, "OPTIONS", B1, 1);
    const struct sa_record *first = ts_req(env, 1, 0, opt);
    for (uint32_t f = 2; f <= SA_RECORD_CHUNK + 10; f++)
        assert_non_null(ts_req(env, f, f, opt));
    assert_ptr_equal(sa_analyzer_first_record(env->an, 1), first);
    const struct sa_record *last = sa_analyzer_first_record(env->an, SA_RECORD_CHUNK + 10);
    assert_int_equal(last->flags, SA_REC_RETRANS);
    assert_int_equal(last->link, 1);
    assert_int_equal(TS_TXN(first)->req_copies, SA_RECORD_CHUNK + 9);
}

static void test_repeated_frame_returns_null(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "INVITE", B1, 1));
    ts_resp(env, 2, 10, resp(env, 100, B1, 1, "INVITE"));
    assert_null(ts_resp(env, 1, 20, resp(env, 180, B1, 1, "INVITE")));
    struct sa_analyzer_stats st;
    sa_analyzer_stats(env->an, &st);
    assert_int_equal(st.records, 2);
    assert_int_equal(rec(env, 1)->flags, 0);
    assert_int_equal(TS_TXN(rec(env, 1))->last_resp_frame, 2);
}

static void test_last_ts_follows_highest_frame(void **state)
{
    struct ts_env *env = *state;
    assert_int_equal(sa_analyzer_last_ts(env->an), 0);
    sa_analyzer_note_frame(env->an, 1, 100);
    sa_analyzer_note_frame(env->an, 2, 250);
    sa_analyzer_note_frame(env->an, 3, 200);
    assert_int_equal(sa_analyzer_last_ts(env->an), 200);
    sa_analyzer_note_frame(env->an, 1, 999); /* a later pass revisiting frame 1 */
    assert_int_equal(sa_analyzer_last_ts(env->an), 200);
}

static void test_last_ts_not_moved_by_messages(void **state)
{
    struct ts_env *env = *state;
    sa_analyzer_note_frame(env->an, 1, TS_MS(5));
    struct sa_message m;
    const char *t = req(env, "INVITE", B1, 1);
    sa_message_parse(t, strlen(t), &m);
    struct sa_packet pkt = ts_packet(1, TS_MS(5), TS_UAC, TS_UAS);
    sa_analyzer_message(env->an, &pkt, &m);
    sa_analyzer_note_frame(env->an, 4, TS_MS(77));
    assert_int_equal(sa_analyzer_last_ts(env->an), TS_MS(77));
}

/* ---- memory ----------------------------------------------------------------------------- */

static void play_everything(struct ts_env *env)
{
    play_cancelled_call(env);
    ts_req(env, 7, 2000, req_x(env, "INVITE", "z9hG4bK-x1", 2, "Supported: timer, x-own\r\nRequire: foo\r\n"));
    ts_resp(env, 8, 2010, ts_printf(&env->heap,
                                    "SIP/2.0 421 Extension Required\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK-x1\r\n"
                                    "From: <sip:a@a>;tag=fa\r\nCall-ID: call-1@a.example\r\nCSeq: 2 INVITE\r\n"
                                    "Require: 100rel, timer\r\n\r\n"));
    ts_req(env, 9, 2020, req_x(env, "INVITE", "z9hG4bK-x2", 3, "Supported: 100rel\r\n"));
    ts_resp(env, 10, 2030, ts_printf(&env->heap,
                                     "SIP/2.0 420 Bad Extension\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK-x2\r\n"
                                     "From: <sip:a@a>;tag=fa\r\nCall-ID: call-1@a.example\r\nCSeq: 3 INVITE\r\n"
                                     "Unsupported: foo\r\n\r\n"));
}

/* A call with a 421 and its retry; the texts are built before allocations start failing.
 * Returns how many allocations the analysis made. */
static size_t oom_scenario(long fail_after)
{
    struct ts_env env;
    ts_heap_init(&env.heap);
    const char *inv = req_x(&env, "INVITE", B1, 1, "Supported: timer, x-own\r\nRequire: foo\r\n");
    const char *r100 = resp(&env, 100, B1, 1, "INVITE");
    const char *r421 = "SIP/2.0 421 Extension Required\r\nVia: SIP/2.0/UDP h;branch=" B1 "\r\n"
                       "From: <sip:a@a>;tag=fa\r\nCall-ID: call-1@a.example\r\nCSeq: 1 INVITE\r\n"
                       "Require: 100rel, timer\r\n\r\n";
    const char *retry = req_x(&env, "INVITE", B2, 2, "Supported: 100rel\r\n");
    const char *r420 = "SIP/2.0 420 Bad Extension\r\nVia: SIP/2.0/UDP h;branch=" B2 "\r\n"
                       "From: <sip:a@a>;tag=fa\r\nCall-ID: call-1@a.example\r\nCSeq: 2 INVITE\r\n"
                       "Unsupported: foo\r\n\r\n";
    size_t before = env.heap.allocs;
    env.heap.fail_after = fail_after;
    env.an = sa_analyzer_new(&env.heap.a, &TS_HASH_KEY);
    if (env.an) {
        ts_req(&env, 1, 0, inv);
        ts_resp(&env, 2, 10, r100);
        const struct sa_record *r = ts_resp(&env, 3, 20, r421);
        ts_req(&env, 4, 30, retry);
        ts_resp(&env, 5, 40, r420);
        char buf[256];
        if (sa_analyzer_record_ext(env.an, r))
            sa_ext_text_missing(sa_analyzer_record_ext(env.an, r), buf, sizeof buf);
        for (uint32_t f = 1; f <= 5; f++) {
            r = sa_analyzer_first_record(env.an, f);
            const struct sa_ext *e = sa_analyzer_record_ext(env.an, r);
            if (e && e->kind == SA_EXT_RETRY)
                sa_ext_text_retry(e, buf, sizeof buf);
        }
    }
    size_t made = env.heap.allocs - before;
    ts_heap_free_all(&env.heap);
    assert_int_equal(env.heap.live_bytes, 0);
    return made;
}

/* Every allocation failing in turn: the analyzer must neither crash nor leak past its heap. */
static void test_out_of_memory_at_every_allocation(void **state)
{
    (void)state;
    size_t total = oom_scenario(-1);
    assert_true(total > 10);
    for (long n = 0; n < (long)total; n++)
        oom_scenario(n);
}

static void test_everything_released_with_allocator(void **state)
{
    struct ts_env *env = *state;
    play_everything(env);
    assert_true(env->heap.live_blocks > 0);
    ts_heap_free_all(&env->heap);
    assert_int_equal(env->heap.live_blocks, 0);
    assert_int_equal(env->heap.live_bytes, 0);
}

/* ---- fuzz regressions and seeds --------------------------------------------------------- */

static size_t replay_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        uint8_t *data = malloc((size_t)st.st_size + 1);
        assert_non_null(data);
        size_t len = fread(data, 1, (size_t)st.st_size, f);
        fclose(f);
        /* The same drivers as the harnesses: parser, analyzer, tag list. */
        sa_fuzz_run_parser(data, len);
        sa_fuzz_run_analyzer(data, len);
        sa_fuzz_run_tag_list(data, len);
        free(data);
        n++;
    }
    closedir(d);
    return n;
}

static void test_replay_fuzz_regressions(void **state)
{
    (void)state;
    replay_folder(SA_SOURCE_DIR "/tests/fuzz/regressions");
}

static void test_replay_fuzz_seed_corpora(void **state)
{
    (void)state;
    size_t n = replay_folder(SA_SOURCE_DIR "/tests/fuzz/corpus/fuzz_sip_message") +
               replay_folder(SA_SOURCE_DIR "/tests/fuzz/corpus/fuzz_analyzer") +
               replay_folder(SA_SOURCE_DIR "/tests/fuzz/corpus/fuzz_tag_list");
    assert_true(n >= 10);
}

static void test_fuzz_framing_basic_call(void **state)
{
    (void)state;
    /* The analyzer harness on a hand-made input: 'D' request UAC->UAS, 'A' response back. */
    static const char input[] = "DINVITE sip:b@b SIP/2.0\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\nCall-ID: c\r\n"
                                "CSeq: 1 INVITE\r\n\r\n@@@@ASIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1\r\n"
                                "Call-ID: c\r\nCSeq: 1 INVITE\r\n\r\n@@@@T@@@@";
    sa_fuzz_run_analyzer((const uint8_t *)input, sizeof input - 1);
}

/* ---- series of challenges (struct sa_auth) ---------------------------------------------- */

static const struct sa_auth *auth_of(struct ts_env *env, uint32_t frame)
{
    const struct sa_auth *a = sa_analyzer_record_auth(env->an, rec(env, frame));
    assert_non_null(a);
    return a;
}

/* INVITE -> 407 -> retry -> 407 -> retry -> 401 -> retry -> 403: each challenge answering a retry
 * continues the series (count 2, 3), the first challenge is linked; the 403 has the count so far. */
static void test_challenge_series_counted(void **state)
{
    struct ts_env *env = *state;
    static const char *const branch[] = { "z9hG4bK-c1", "z9hG4bK-c2", "z9hG4bK-c3", "z9hG4bK-c4" };
    static const unsigned code[] = { 407, 407, 401, 403 };
    for (unsigned i = 0; i < 4; i++) {
        ts_req(env, 10 * i + 1, 100 * i, req(env, "INVITE", branch[i], i + 1));
        ts_resp(env, 10 * i + 2, 100 * i + 15, resp(env, code[i], branch[i], i + 1, "INVITE"));
    }
    assert_int_equal(auth_of(env, 2)->challenge_count, 1);
    assert_int_equal(auth_of(env, 2)->first_challenge, 2);
    assert_int_equal(auth_of(env, 2)->after_challenge, 0);
    assert_int_equal(auth_of(env, 2)->retry_frame, 11);
    assert_int_equal(auth_of(env, 12)->challenge_count, 2);
    assert_int_equal(auth_of(env, 12)->first_challenge, 2);
    assert_int_equal(auth_of(env, 12)->after_challenge, 2);
    assert_int_equal(auth_of(env, 12)->retry_of, 11);
    assert_int_equal(auth_of(env, 22)->challenge_count, 3);
    assert_int_equal(auth_of(env, 22)->first_challenge, 2);
    assert_int_equal(auth_of(env, 22)->after_challenge, 12);
    assert_int_equal(auth_of(env, 32)->challenge_count, 3); /* the 403 is no challenge */
    assert_int_equal(auth_of(env, 32)->first_challenge, 2);
    assert_int_equal(auth_of(env, 32)->after_challenge, 22);
    /* The verdicts: a challenge answering a retry is a challenge (Note); the 403 failed it. */
    struct sa_response_facts f = { .code = 407, .challenged_retry = 2 };
    assert_int_equal(sa_response_verdict(&f), SA_VERDICT_CHALLENGE);
    char text[200];
    sa_verdict_text(SA_VERDICT_CHALLENGE, &f, auth_of(env, 12), "407 Proxy Authentication Required", text, sizeof text);
    assert_string_equal(text, "407 Proxy Authentication Required: challenged again after the retry with "
                              "credentials in frame 11 (challenge in frame 2)");
    f.never_retried = true;
    assert_int_equal(sa_response_verdict(&f), SA_VERDICT_CHALLENGE_FAILED);
    sa_verdict_text(SA_VERDICT_CHALLENGE_FAILED, &f, auth_of(env, 12), "407 Proxy Authentication Required", text,
                    sizeof text);
    assert_string_equal(text, "407 Proxy Authentication Required: challenged again after the retry with "
                              "credentials in frame 11 (challenge in frame 2), and no retry with credentials "
                              "followed in the capture");
    f = (struct sa_response_facts){ .code = 403, .challenged_retry = 22 };
    assert_int_equal(sa_response_verdict(&f), SA_VERDICT_CHALLENGE_FAILED);
}

/* A challenge that does not answer a retry starts a new series: a REGISTER refresh challenged
 * again after a success (same Call-ID and From tag) counts 1, not 3. */
static void test_challenge_after_success_starts_a_series(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, req(env, "REGISTER", "z9hG4bK-r1", 1));
    ts_resp(env, 2, 10, resp(env, 401, "z9hG4bK-r1", 1, "REGISTER"));
    ts_req(env, 3, 20, req(env, "REGISTER", "z9hG4bK-r2", 2));
    ts_resp(env, 4, 30, resp(env, 200, "z9hG4bK-r2", 2, "REGISTER"));
    ts_req(env, 5, 3600000, req(env, "REGISTER", "z9hG4bK-r3", 3));
    ts_resp(env, 6, 3600010, resp(env, 401, "z9hG4bK-r3", 3, "REGISTER"));
    assert_int_equal(auth_of(env, 2)->challenge_count, 1);
    assert_null(sa_analyzer_record_auth(env->an, rec(env, 4)));
    assert_int_equal(auth_of(env, 6)->challenge_count, 1);
    assert_int_equal(auth_of(env, 6)->first_challenge, 6);
    assert_int_equal(auth_of(env, 6)->after_challenge, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, ts_env_setup, ts_env_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_basic_call_request_record),
        T(test_basic_call_responses_link_to_request),
        T(test_basic_call_first_100_and_after_100_flags),
        T(test_basic_call_trying_fields),
        T(test_basic_call_final_fields),
        T(test_ack_to_2xx_not_joined),
        T(test_ack_to_2xx_same_branch_not_joined),
        T(test_basic_call_stats),
        T(test_invite_retransmitted_before_100),
        T(test_invite_retransmitted_after_100_not_counted_before),
        T(test_retransmitted_100_links_to_first),
        T(test_retransmitted_200_links_to_first),
        T(test_forked_180s_with_other_to_tag_not_retrans),
        T(test_response_before_request_negative_time),
        T(test_response_without_request_unseen),
        T(test_response_other_cseq_unseen),
        T(test_response_in_request_direction_unseen),
        T(test_same_branch_two_hops_two_transactions),
        T(test_same_branch_other_server_port_other_transaction),
        T(test_response_to_other_client_port_matches),
        T(test_same_branch_other_client_port_is_retransmission),
        T(test_legacy_branch_falls_back),
        T(test_legacy_without_branch_retransmission),
        T(test_legacy_other_from_tag_other_transaction),
        T(test_legacy_without_call_id_not_tracked),
        T(test_cancel_is_its_own_transaction),
        T(test_cancel_noted_on_invite),
        T(test_ack_to_non_2xx_joins_invite),
        T(test_ack_to_non_2xx_retransmitted),
        T(test_ack_before_final_not_joined),
        T(test_second_cancel_keeps_first_cancel_frame),
        T(test_no_100_first_response_180),
        T(test_non_invite_no_trying_flags),
        T(test_100_after_180_not_first_100),
        T(test_invalid_codes_flagged),
        T(test_reason_phrase_differs),
        T(test_missing_cseq_flagged),
        T(test_bad_cseq_flagged_as_missing),
        T(test_missing_via_flagged),
        T(test_missing_call_id_flagged),
        T(test_response_missing_everything),
        T(test_not_sip_record),
        T(test_truncated_message_not_blamed_for_missing_headers),
        T(test_tag_lines_cut_flagged),
        T(test_truncated_message_keeps_tag_lines_cut),
        T(test_stats_bytes_counts_all_live_memory),
        T(test_two_messages_in_one_frame),
        T(test_three_messages_in_one_frame_then_next_frame),
        T(test_records_found_again_by_frame),
        T(test_records_stay_put_across_chunks),
        T(test_repeated_frame_returns_null),
        T(test_last_ts_follows_highest_frame),
        T(test_last_ts_not_moved_by_messages),
        T(test_out_of_memory_at_every_allocation),
        T(test_everything_released_with_allocator),
        T(test_replay_fuzz_regressions),
        T(test_replay_fuzz_seed_corpora),
        T(test_fuzz_framing_basic_call),
        T(test_challenge_series_counted),
        T(test_challenge_after_success_starts_a_series),
    };
    return cmocka_run_group_tests_name("analyzer", tests, NULL, NULL);
}
