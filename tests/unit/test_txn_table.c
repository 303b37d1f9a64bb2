/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The transaction table and its keys (issue 18): a match compares whole keys, never a hash alone;
 * chains stay bounded whatever a capture repeats; SipHash as published; times checked for
 * overflow; and, through the analyzer, the matching rules built on them. */
#include "test_support.h"

#include "sa_time.h"
#include "siphash.h"
#include "transaction.h"
#include "txn_key.h"
#include "txn_table.h"

static struct sa_message parse(const char *text)
{
    struct sa_message m;
    assert_true(sa_message_parse(text, strlen(text), &m));
    return m;
}

static const char *invite(struct ts_heap *h, const char *branch, const char *call_id)
{
    return ts_printf(h,
                     "INVITE sip:bob@b.example SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=%s\r\n"
                     "From: <sip:alice@a.example>;tag=fa\r\nTo: <sip:bob@b.example>\r\nCall-ID: %s\r\n"
                     "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                     branch, call_id);
}

static void make_key(const char *text, struct sa_endpoint src, struct sa_endpoint dst, struct sa_key *k)
{
    struct sa_message m = parse(text);
    assert_int_equal(sa_txn_key_make(&m, m.method, &src, &dst, k), SA_KEY_OK);
}

/* SipHash-1-3 with the reference key 00..0f: this implementation also gives the published
 * SipHash-2-4 vectors with two compression and four finalisation rounds (checked when it was
 * written); these are its 1-3 outputs, so a change to the function shows here. */
static void test_siphash_vectors(void **state)
{
    (void)state;
    const struct sa_hash_key k = { 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull };
    uint8_t m[15];
    for (int i = 0; i < 15; i++)
        m[i] = (uint8_t)i;
    assert_int_equal(sa_siphash(&k, m, 15), 0xd320d86d2a519956ull);
    assert_int_equal(sa_siphash(&k, m, 0), 0xabac0158050fc4dcull);
    const struct sa_hash_key other = { 1, 2 };
    assert_int_not_equal(sa_siphash(&other, m, 15), sa_siphash(&k, m, 15));
}

/* A table on a tracking heap, its transactions from an arena on the same heap. */
struct table_env {
    struct ts_heap heap;
    struct sa_arena arena;
    struct sa_txn_table t;
};

static void table_env_init(struct table_env *e, uint64_t k0, uint64_t k1)
{
    ts_heap_init(&e->heap);
    sa_arena_init(&e->arena, &e->heap.a);
    const struct sa_hash_key key = { k0, k1 };
    assert_true(sa_txn_table_init(&e->t, &e->heap.a, &key));
}

/* Two keys forced into one chain (the second added with the first's bucket): a lookup of either
 * finds only itself. This is what a 64-bit collision would look like. */
static void test_full_key_compared_not_hash(void **state)
{
    (void)state;
    struct table_env e;
    table_env_init(&e, 7, 9);
    struct sa_key k1, k2;
    make_key(invite(&e.heap, "z9hG4bK-one", "call-a"), TS_UAC, TS_UAS, &k1);
    make_key(invite(&e.heap, "z9hG4bK-two", "call-b"), TS_UAC, TS_UAS, &k2);
    struct sa_txn_found f1, f2;
    sa_txn_table_find(&e.t, &k1, &f1);
    struct sa_txn *x1 = sa_txn_table_add(&e.t, &e.arena, &k1, &f1);
    sa_txn_table_find(&e.t, &k2, &f2);
    f2.hash = f1.hash; /* same bucket as k1 */
    struct sa_txn *x2 = sa_txn_table_add(&e.t, &e.arena, &k2, &f2);
    assert_non_null(x1);
    assert_non_null(x2);
    assert_ptr_equal(x2->next, x1); /* one chain */
    struct sa_txn_found got;
    sa_txn_table_find(&e.t, &k1, &got);
    assert_ptr_equal(got.same, x1);
    /* k2 looked up in k1's bucket: x1 is there and is not a match */
    struct sa_key k3;
    make_key(invite(&e.heap, "z9hG4bK-three", "call-c"), TS_UAC, TS_UAS, &k3);
    e.t.buckets[f1.hash & (e.t.capacity - 1)] = x1; /* only x1 left in the chain */
    x1->next = NULL;
    for (size_t i = 0; i < e.t.capacity; i++)
        e.t.buckets[i] = x1; /* whatever k3 hashes to holds x1 */
    sa_txn_table_find(&e.t, &k3, &got);
    assert_null(got.same);
    assert_null(got.other_port);
    assert_null(got.other_call);
    ts_heap_free_all(&e.heap);
}

static void test_key_compare_cases(void **state)
{
    (void)state;
    struct ts_heap heap;
    ts_heap_init(&heap);
    struct sa_key a, other_port, other_call, other_branch;
    make_key(invite(&heap, "z9hG4bK-x", "call-a"), TS_UAC, TS_UAS, &a);
    struct sa_endpoint uas_5062 = TS_UAS;
    uas_5062.port = 5062;
    make_key(invite(&heap, "z9hG4bK-x", "call-a"), TS_UAC, uas_5062, &other_port);
    make_key(invite(&heap, "z9hG4bK-x", "call-b"), TS_UAC, TS_UAS, &other_call);
    make_key(invite(&heap, "z9hG4bK-y", "call-a"), TS_UAC, TS_UAS, &other_branch);
    assert_int_equal(sa_key_compare(a.bytes, a.len, a.bucket_len, &a), SA_KEY_SAME);
    assert_int_equal(sa_key_compare(a.bytes, a.len, a.bucket_len, &other_port), SA_KEY_OTHER_PORT);
    assert_int_equal(sa_key_compare(a.bytes, a.len, a.bucket_len, &other_call), SA_KEY_OTHER_CALL_ID);
    assert_int_equal(sa_key_compare(a.bytes, a.len, a.bucket_len, &other_branch), SA_KEY_DIFFERENT);
    assert_int_equal(sa_key_server_port(other_port.bytes, other_port.bucket_len), 5062);
    /* the CSeq method, read back from the stored key (the statistics' failure rows name it) */
    struct sa_slice m = sa_key_method(a.bytes, a.bucket_len);
    assert_int_equal(m.len, 6);
    assert_memory_equal(m.ptr, "INVITE", 6);
    assert_null(sa_key_method(a.bytes, 3).ptr);  /* cut short: nothing read past the end */
    assert_null(sa_key_method(a.bytes, 0).ptr);
    /* the client's port is not part of the key (RFC 3261 §18.2.2) */
    struct sa_endpoint uac_7000 = TS_UAC, uas = TS_UAS;
    uac_7000.port = 7000;
    struct sa_key b;
    make_key(invite(&heap, "z9hG4bK-x", "call-a"), uac_7000, uas, &b);
    assert_int_equal(sa_key_compare(a.bytes, a.len, a.bucket_len, &b), SA_KEY_SAME);
    ts_heap_free_all(&heap);
}

static void test_key_too_long(void **state)
{
    (void)state;
    struct ts_heap heap;
    ts_heap_init(&heap);
    char branch[1200];
    memset(branch, 'x', sizeof branch - 1);
    memcpy(branch, "z9hG4bK", 7);
    branch[sizeof branch - 1] = '\0';
    struct sa_message m = parse(invite(&heap, branch, "c"));
    struct sa_key k;
    struct sa_endpoint src = TS_UAC, dst = TS_UAS;
    assert_int_equal(sa_txn_key_make(&m, m.method, &src, &dst, &k), SA_KEY_TOO_LONG);
    ts_heap_free_all(&heap);
}

/* One branch sent to many ports of one host, or reused by many Call-IDs, keeps a chain of at
 * most SA_TXN_SAME_BUCKET_MAX: lookups stay short whatever a capture repeats. */
static void test_same_bucket_part_bounded(void **state)
{
    (void)state;
    struct table_env e;
    table_env_init(&e, 3, 4);
    struct sa_txn_found f;
    for (unsigned i = 0; i < 1000; i++) {
        struct sa_key k;
        make_key(invite(&e.heap, "z9hG4bK-same", ts_printf(&e.heap, "call-%u", i)), TS_UAC, TS_UAS, &k);
        sa_txn_table_find(&e.t, &k, &f);
        assert_non_null(sa_txn_table_add(&e.t, &e.arena, &k, &f));
    }
    unsigned n = 0;
    for (struct sa_txn *x = e.t.buckets[f.hash & (e.t.capacity - 1)]; x; x = x->next)
        n++;
    assert_true(n <= SA_TXN_SAME_BUCKET_MAX);
    ts_heap_free_all(&e.heap);
}

static void test_time_overflow_checked(void **state)
{
    (void)state;
    assert_int_equal(sa_time_from_parts(1, 5), 1000000005);
    assert_int_equal(sa_time_from_parts(-1, 0), -1000000000);
    assert_int_equal(sa_time_from_parts(20000000000LL, 0), SA_TIME_UNKNOWN);
    assert_int_equal(sa_time_from_parts(INT64_MAX, 0), SA_TIME_UNKNOWN);
    assert_int_equal(sa_time_from_parts(9223372036LL, 854775807), INT64_MAX);
    assert_int_equal(sa_time_from_parts(9223372036LL, 854775808), SA_TIME_UNKNOWN);
    int64_t d;
    assert_true(sa_time_diff(5, 3, &d));
    assert_int_equal(d, 2);
    assert_false(sa_time_diff(INT64_MAX, -2, &d));
    assert_false(sa_time_diff(SA_TIME_UNKNOWN, 0, &d));
    assert_false(sa_time_diff(0, SA_TIME_UNKNOWN, &d));
}

/* ---- through the analyzer -------------------------------------------------------------------- */

static const struct sa_record *rec(struct ts_env *env, uint32_t frame)
{
    const struct sa_record *r = sa_analyzer_first_record(env->an, frame);
    assert_non_null(r);
    return r;
}


static const char *response(struct ts_env *env, unsigned code, const char *branch, const char *call_id)
{
    return ts_printf(&env->heap,
                     "SIP/2.0 %u Whatever\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=%s\r\n"
                     "From: <sip:alice@a.example>;tag=fa\r\nTo: <sip:bob@b.example>;tag=tb\r\nCall-ID: %s\r\n"
                     "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
                     code, branch, call_id);
}

static void test_answer_from_other_port(void **state)
{
    struct ts_env *env = *state;
    struct sa_endpoint uas_5062 = TS_UAS;
    uas_5062.port = 5062;
    ts_req(env, 1, 0, invite(&env->heap, "z9hG4bK-p", "call-p"));
    const struct sa_record *r = ts_feed(env, 2, 10, uas_5062, TS_UAC, response(env, 180, "z9hG4bK-p", "call-p"));
    assert_int_equal(r->flags,
                     SA_REC_RESPONSE | SA_REC_OTHER_PORT | SA_REC_PHRASE_DIFFERS | SA_REC_NO_100 | SA_REC_CALL_DELAY);
    assert_int_equal(TS_TXN(r)->req_frame, 1);
}

static void test_answer_from_third_port_ambiguous(void **state)
{
    struct ts_env *env = *state;
    struct sa_endpoint uas_5070 = TS_UAS, uas_5099 = TS_UAS;
    uas_5070.port = 5070;
    uas_5099.port = 5099;
    const char *inv = invite(&env->heap, "z9hG4bK-q", "call-q");
    ts_req(env, 1, 0, inv);
    ts_feed(env, 2, 1, TS_UAC, uas_5070, inv);
    const struct sa_record *r = ts_feed(env, 3, 10, uas_5099, TS_UAC, response(env, 486, "z9hG4bK-q", "call-q"));
    assert_true(r->flags & SA_REC_PORT_AMBIGUOUS);
    assert_false(r->flags & (SA_REC_REQUEST_UNSEEN | SA_REC_OTHER_PORT));
    assert_int_equal(r->link, 2);
    assert_true(TS_TXN(r) == NULL || TS_TXN(r)->req_frame == 0);
}

static void test_branch_reused_by_other_call(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, invite(&env->heap, "z9hG4bK-r", "call-1"));
    const struct sa_record *r = ts_req(env, 2, 100, invite(&env->heap, "z9hG4bK-r", "call-2"));
    assert_int_equal(r->flags, SA_REC_BRANCH_REUSED);
    assert_int_equal(r->link, 1);
    assert_ptr_not_equal(TS_TXN(r), TS_TXN(rec(env, 1)));
    /* each call's response goes to its own INVITE */
    const struct sa_record *a2 = ts_resp(env, 3, 110, response(env, 486, "z9hG4bK-r", "call-2"));
    const struct sa_record *a1 = ts_resp(env, 4, 120, response(env, 200, "z9hG4bK-r", "call-1"));
    assert_int_equal(TS_TXN(a2)->req_frame, 2);
    assert_int_equal(TS_TXN(a1)->req_frame, 1);
}

static void test_resent_response_without_request(void **state)
{
    struct ts_env *env = *state;
    const char *busy = response(env, 486, "z9hG4bK-s", "call-s");
    const struct sa_record *r1 = ts_resp(env, 1, 0, busy);
    const struct sa_record *r2 = ts_resp(env, 2, 500, busy);
    assert_true(r1->flags & SA_REC_REQUEST_UNSEEN);
    assert_int_equal(r2->flags & (SA_REC_RETRANS | SA_REC_REQUEST_UNSEEN), SA_REC_RETRANS);
    assert_int_equal(r2->link, 1);
}

static void test_time_on_100_without_request(void **state)
{
    struct ts_env *env = *state;
    const char *t100 = ts_printf(&env->heap,
                                 "SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-t\r\n"
                                 "From: <sip:alice@a.example>;tag=fa\r\nTo: <sip:bob@b.example>\r\n"
                                 "Call-ID: call-t\r\nCSeq: 1 INVITE\r\n\r\n");
    const struct sa_record *r1 = ts_resp(env, 1, 0, t100);
    const struct sa_record *r2 = ts_resp(env, 2, 3000, response(env, 180, "z9hG4bK-t", "call-t"));
    assert_true(r1->flags & SA_REC_FIRST_100);
    assert_true(r2->flags & SA_REC_AFTER_100);
    assert_false(r2->flags & SA_REC_NO_100);
    assert_int_equal(TS_TXN(r2)->next_ts - TS_TXN(r2)->t100_ts, TS_MS(3000));
}

static void test_time_out_of_range(void **state)
{
    struct ts_env *env = *state;
    struct sa_message m = parse(invite(&env->heap, "z9hG4bK-u", "call-u"));
    struct sa_packet p = ts_packet(1, SA_TIME_UNKNOWN, TS_UAC, TS_UAS);
    const struct sa_record *r = sa_analyzer_message(env->an, &p, &m);
    assert_true(r->flags & SA_REC_TIME_INVALID);
    const struct sa_record *a = ts_resp(env, 2, 10, response(env, 200, "z9hG4bK-u", "call-u"));
    assert_false(a->flags & SA_REC_NEGATIVE_TIME);
    int64_t d;
    assert_false(sa_time_diff(TS_MS(10), TS_TXN(a)->req_ts, &d));
}

static void test_icmp_quote_links_latest_copy(void **state)
{
    struct ts_env *env = *state;
    const char *inv = invite(&env->heap, "z9hG4bK-v", "call-v");
    ts_req(env, 1, 0, inv);
    ts_req(env, 3, 500, inv);
    struct sa_message m = parse(inv);
    struct sa_packet p = ts_packet(4, TS_MS(501), TS_UAC, TS_UAS);
    const struct sa_icmp_error port_unreachable = { 3, 3, false };
    const struct sa_record *q = sa_analyzer_icmp_quote(env->an, &p, &m, &port_unreachable);
    assert_int_equal(q->flags, SA_REC_ICMP_QUOTE);
    assert_int_equal(q->link, 3);
    struct sa_icmp_report rep;
    assert_true(sa_analyzer_icmp_report(env->an, rec(env, 3), &rep));
    assert_int_equal(rep.first_frame, 4);
    assert_int_equal(rep.count, 1);
    assert_int_equal(rep.error.code, 3);
    assert_string_equal(sa_icmp_error_words(&rep.error),
                        "port unreachable: the host answered, but nothing listens on that port");
    assert_false(sa_analyzer_icmp_report(env->an, rec(env, 1), &rep));
    /* a quote of something not in the capture links nowhere */
    struct sa_message other = parse(invite(&env->heap, "z9hG4bK-w", "call-w"));
    struct sa_packet p2 = ts_packet(5, TS_MS(600), TS_UAC, TS_UAS);
    const struct sa_record *q2 = sa_analyzer_icmp_quote(env->an, &p2, &other, &port_unreachable);
    assert_int_equal(q2->link, 0);
}

/* The review's attacks (issue 18): a crowd of one branch pushes a transaction out of the table;
 * its response must then not be matched to the one left on another port. */
static void test_eviction_leaves_no_other_port_link(void **state)
{
    struct ts_env *env = *state;
    struct sa_endpoint uas_5070 = TS_UAS;
    uas_5070.port = 5070;
    ts_req(env, 1, 0, invite(&env->heap, "z9hG4bK-e", "call-x"));
    ts_feed(env, 2, 1, TS_UAC, uas_5070, invite(&env->heap, "z9hG4bK-e", "call-x"));
    for (uint32_t f = 3; f <= 9; f++)
        ts_req(env, f, f, invite(&env->heap, "z9hG4bK-e", ts_printf(&env->heap, "call-%u", f)));
    const struct sa_record *r = ts_resp(env, 10, 20, response(env, 486, "z9hG4bK-e", "call-x"));
    assert_false(r->flags & SA_REC_OTHER_PORT);
    assert_true(TS_TXN(r) == NULL || TS_TXN(r)->req_frame != 2);
}

/* Forks answer with the same code: an ICMP error quoting fork A's 200 is not fork B's. */
static void test_icmp_quote_of_a_fork(void **state)
{
    struct ts_env *env = *state;
    ts_req(env, 1, 0, invite(&env->heap, "z9hG4bK-f", "call-f"));
    const char *fork_a = ts_printf(&env->heap,
                                   "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-f\r\n"
                                   "From: <sip:alice@a.example>;tag=fa\r\nTo: <sip:bob@b.example>;tag=forkA\r\n"
                                   "Call-ID: call-f\r\nCSeq: 1 INVITE\r\n\r\n");
    const char *fork_b = ts_printf(&env->heap,
                                   "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-f\r\n"
                                   "From: <sip:alice@a.example>;tag=fa\r\nTo: <sip:bob@b.example>;tag=forkB\r\n"
                                   "Call-ID: call-f\r\nCSeq: 1 INVITE\r\n\r\n");
    ts_resp(env, 2, 10, fork_a);
    ts_resp(env, 3, 11, fork_b);
    struct sa_message m = parse(fork_a);
    struct sa_packet p = ts_packet(4, TS_MS(12), TS_UAS, TS_UAC);
    const struct sa_icmp_error host_unreachable = { 3, 1, false };
    const struct sa_record *q = sa_analyzer_icmp_quote(env->an, &p, &m, &host_unreachable);
    assert_int_equal(q->link, 2);
}

/* A resent response that was ambiguous is a copy of the first: it cites no request. */
static void test_ambiguous_copy_is_a_plain_copy(void **state)
{
    struct ts_env *env = *state;
    struct sa_endpoint uas_5061 = TS_UAS, uas_5070 = TS_UAS;
    uas_5061.port = 5061;
    uas_5070.port = 5070;
    const char *inv = invite(&env->heap, "z9hG4bK-g", "call-g");
    ts_req(env, 1, 0, inv);
    ts_feed(env, 2, 1, TS_UAC, uas_5061, inv);
    const char *busy = response(env, 486, "z9hG4bK-g", "call-g");
    const struct sa_record *r1 = ts_feed(env, 3, 10, uas_5070, TS_UAC, busy);
    const struct sa_record *r2 = ts_feed(env, 4, 510, uas_5070, TS_UAC, busy);
    assert_true(r1->flags & SA_REC_PORT_AMBIGUOUS);
    assert_int_equal(r1->link, 2);
    assert_int_equal(r2->flags & (SA_REC_PORT_AMBIGUOUS | SA_REC_RETRANS), SA_REC_RETRANS);
    assert_int_equal(r2->link, 3);
}

/* A source quench does not say the packet was dropped (RFC 6633). */
static void test_source_quench_is_not_undeliverable(void **state)
{
    struct ts_env *env = *state;
    const char *inv = invite(&env->heap, "z9hG4bK-h", "call-h");
    ts_req(env, 1, 0, inv);
    struct sa_message m = parse(inv);
    struct sa_packet p = ts_packet(2, TS_MS(1), TS_UAC, TS_UAS);
    const struct sa_icmp_error quench = { 4, 0, false };
    const struct sa_record *q = sa_analyzer_icmp_quote(env->an, &p, &m, &quench);
    assert_int_equal(q->link, 1);
    assert_false(rec(env, 1)->flags & SA_REC_ICMP_REPORTED);
    const struct sa_icmp_error v6_too_big = { 2, 0, true };
    assert_true(sa_icmp_error_drops(&v6_too_big));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_siphash_vectors),
        cmocka_unit_test(test_full_key_compared_not_hash),
        cmocka_unit_test(test_key_compare_cases),
        cmocka_unit_test(test_key_too_long),
        cmocka_unit_test(test_same_bucket_part_bounded),
        cmocka_unit_test(test_time_overflow_checked),
        cmocka_unit_test_setup_teardown(test_answer_from_other_port, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_answer_from_third_port_ambiguous, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_branch_reused_by_other_call, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_resent_response_without_request, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_time_on_100_without_request, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_time_out_of_range, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_icmp_quote_links_latest_copy, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_eviction_leaves_no_other_port_link, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_icmp_quote_of_a_fork, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_ambiguous_copy_is_a_plain_copy, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_source_quench_is_not_undeliverable, ts_env_setup, ts_env_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
