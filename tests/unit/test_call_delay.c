/* SPDX-License-Identifier: GPL-2.0-or-later */
/* src/call_delay.c: RFC 6076 Session Request Delay (§4.3), Session Disconnect Delay (§4.4) and
 * the setup outcome, to the nanosecond; which hop is measured; Call-IDs compared in full. The
 * cases of captures/hm-call-delays.pcapng (handmade.md) are replayed with their exact times. */
#include "test_support.h"

#include "arena.h"
#include "call_delay.h"
#include "hash64.h"
#include "sa_time.h"

/* ---- the rules, code by code ---------------------------------------------------------------- */

static void test_srd_end_by_code(void **state)
{
    (void)state;
    static const unsigned on[] = { 99, 100, 300, 302, 399, 401, 407, 700, 999 };
    static const unsigned ok[] = { 101, 180, 181, 183, 199, 200, 202, 299 };
    static const unsigned failed[] = { 400, 402, 403, 404, 408, 420, 421, 422, 480, 486, 487, 488, 500, 503, 600, 603, 699 };
    for (size_t i = 0; i < sizeof on / sizeof on[0]; i++)
        assert_int_equal(sa_srd_end_of(on[i]), SA_SRD_GOES_ON);
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        assert_int_equal(sa_srd_end_of(ok[i]), SA_SRD_SUCCESSFUL);
    for (size_t i = 0; i < sizeof failed / sizeof failed[0]; i++)
        assert_int_equal(sa_srd_end_of(failed[i]), SA_SRD_FAILED);
}

static void test_setup_outcome_by_code(void **state)
{
    (void)state;
    assert_int_equal(sa_setup_outcome_of(100, false), SA_SETUP_NONE);
    assert_int_equal(sa_setup_outcome_of(180, true), SA_SETUP_NONE);
    assert_int_equal(sa_setup_outcome_of(200, false), SA_SETUP_ANSWERED);
    assert_int_equal(sa_setup_outcome_of(299, true), SA_SETUP_ANSWERED);
    assert_int_equal(sa_setup_outcome_of(302, false), SA_SETUP_NONE);  /* redirected: the next INVITE goes on */
    assert_int_equal(sa_setup_outcome_of(401, false), SA_SETUP_NONE);  /* challenged: so does the retry */
    assert_int_equal(sa_setup_outcome_of(407, true), SA_SETUP_NONE);
    assert_int_equal(sa_setup_outcome_of(487, true), SA_SETUP_CANCELLED);
    assert_int_equal(sa_setup_outcome_of(487, false), SA_SETUP_FAILED); /* no CANCEL of the caller's on this hop */
    assert_int_equal(sa_setup_outcome_of(486, true), SA_SETUP_FAILED);  /* the callee said no before the CANCEL */
    assert_int_equal(sa_setup_outcome_of(403, false), SA_SETUP_FAILED);
    assert_int_equal(sa_setup_outcome_of(603, false), SA_SETUP_FAILED);
    assert_int_equal(sa_setup_outcome_of(700, false), SA_SETUP_NONE);
}

static void test_sdd_end_by_code(void **state)
{
    (void)state;
    assert_int_equal(sa_sdd_end_of(100), SA_SDD_GOES_ON);
    assert_int_equal(sa_sdd_end_of(180), SA_SDD_GOES_ON);
    assert_int_equal(sa_sdd_end_of(200), SA_SDD_SUCCESSFUL);
    assert_int_equal(sa_sdd_end_of(202), SA_SDD_SUCCESSFUL);
    assert_int_equal(sa_sdd_end_of(401), SA_SDD_RECOVERABLE);
    assert_int_equal(sa_sdd_end_of(407), SA_SDD_RECOVERABLE);
    assert_int_equal(sa_sdd_end_of(408), SA_SDD_FAILED);
    assert_int_equal(sa_sdd_end_of(481), SA_SDD_FAILED);
    assert_int_equal(sa_sdd_end_of(500), SA_SDD_FAILED);
    assert_int_equal(sa_sdd_end_of(302), SA_SDD_FAILED);
    assert_int_equal(sa_sdd_end_of(700), SA_SDD_GOES_ON);
}

/* ---- the tracker on its own ------------------------------------------------------------------ */

struct tracker {
    struct ts_heap heap;
    struct sa_arena arena;
    struct sa_call_delays cd;
    uint32_t txn[64]; /* what transaction i measures (0: nothing), as struct sa_txn's delay_id */
};

static int tracker_setup(void **state)
{
    struct tracker *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    ts_heap_init(&t->heap);
    sa_arena_init(&t->arena, &t->heap.a);
    if (!sa_hash_table_init(&t->cd.calls, &t->heap.a))
        return -1;
    sa_call_delays_bind(&t->cd, &t->heap.a, &t->arena, &TS_HASH_KEY);
    *state = t;
    return 0;
}

static int tracker_teardown(void **state)
{
    struct tracker *t = *state;
    ts_heap_free_all(&t->heap);
    free(t);
    return 0;
}

/* A request of call `call_id`: To tag `to_tag` or none, From tag `from_tag`. */
static struct sa_message request(struct tracker *t, const char *method, const char *call_id, const char *from_tag,
                                 const char *to_tag, unsigned cseq)
{
    const char *text = ts_printf(&t->heap,
                                 "%s sip:bob@b.example SIP/2.0\r\n"
                                 "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-%s-%u\r\n"
                                 "From: <sip:alice@a.example>;tag=%s\r\n"
                                 "To: <sip:bob@b.example>%s%s\r\n"
                                 "Call-ID: %s\r\n"
                                 "CSeq: %u %s\r\n\r\n",
                                 method, method, cseq, from_tag, to_tag ? ";tag=" : "", to_tag ? to_tag : "", call_id,
                                 cseq, method);
    struct sa_message m;
    assert_true(sa_message_parse(text, strlen(text), &m));
    return m;
}

static bool invite(struct tracker *t, int txn, const char *call_id, unsigned cseq, uint32_t frame, int64_t ms,
                   struct sa_endpoint client)
{
    struct sa_message m = request(t, "INVITE", call_id, "fa", NULL, cseq);
    t->txn[txn] = sa_call_delays_invite(&t->cd, &m, frame, TS_MS(ms), &client);
    return t->txn[txn] != 0;
}

static bool bye(struct tracker *t, int txn, const char *call_id, const char *from_tag, const char *to_tag,
                unsigned cseq, uint32_t frame, int64_t ms, struct sa_endpoint client)
{
    struct sa_message m = request(t, "BYE", call_id, from_tag, to_tag, cseq);
    t->txn[txn] = sa_call_delays_bye(&t->cd, &m, frame, TS_MS(ms), &client);
    return t->txn[txn] != 0;
}

/* A response of the transaction measuring `id` at ts_ns: what it ends, read back as the
 * analyzer does. */
static bool respond(struct tracker *t, uint32_t id, unsigned code, bool cancelled, int64_t ts_ns,
                    struct sa_call_delay *out)
{
    uint8_t ends = sa_call_delays_response(&t->cd, id, code, cancelled, ts_ns);
    sa_call_delays_result(&t->cd, id, ends, out);
    assert_int_equal(out->flags, ends);
    return ends != 0;
}

static bool answer(struct tracker *t, int txn, unsigned code, int64_t ms, struct sa_call_delay *out)
{
    return respond(t, t->txn[txn], code, false, TS_MS(ms), out);
}

static void assert_srd(const struct sa_call_delay *d, int64_t ns, bool failed, uint32_t invite_frame)
{
    assert_int_equal(d->flags & (SA_DELAY_SRD | SA_DELAY_SRD_FAILED),
                     SA_DELAY_SRD | (failed ? SA_DELAY_SRD_FAILED : 0));
    assert_int_equal(d->srd_ns, ns);
    assert_int_equal(d->invite_frame, invite_frame);
}

/* hm-call-delays (a): 100 at 20 ms, 183 at 1.5 s (SRD 1.500000 s, successful), 200 at 4 s. */
static void test_srd_ended_by_first_provisional(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "a@x", 1, 1, 0, TS_UAC));
    assert_false(answer(t, 0, 100, 20, &d));
    assert_true(answer(t, 0, 183, 1500, &d));
    assert_srd(&d, 1500000000, false, 1);
    assert_int_equal(d.flags, SA_DELAY_SRD);
    assert_true(answer(t, 0, 200, 4000, &d));
    assert_int_equal(d.flags, SA_DELAY_SETUP);
    assert_int_equal(d.setup, SA_SETUP_ANSWERED);
    assert_int_equal(d.invite_frame, 1);
    assert_false(answer(t, 0, 200, 4500, &d)); /* another 2xx (a fork): the setup has ended */
}

/* hm-call-delays (b): 100, then 486 at 0.8 s: failed setup SRD 0.800000 s and the outcome, on one response. */
static void test_srd_failed_without_provisional(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "b@x", 1, 6, 5000, TS_UAC));
    assert_false(answer(t, 0, 100, 5020, &d));
    assert_true(answer(t, 0, 486, 5800, &d));
    assert_int_equal(d.flags, SA_DELAY_SRD | SA_DELAY_SRD_FAILED | SA_DELAY_SETUP);
    assert_int_equal(d.srd_ns, 800000000);
    assert_int_equal(d.setup, SA_SETUP_FAILED);
    assert_int_equal(d.invite_frame, 6);
}

/* A 180, then a failure: the SRD was a successful one (the caller got a status, §4.3.1); the
 * setup failed. Without any provisional, a 2xx ends both. */
static void test_provisional_then_failure_and_plain_answer(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "c@x", 1, 1, 0, TS_UAC));
    assert_true(answer(t, 0, 180, 48, &d));
    assert_srd(&d, TS_MS(48), false, 1);
    assert_true(answer(t, 0, 486, 356, &d));
    assert_int_equal(d.flags, SA_DELAY_SETUP);
    assert_int_equal(d.setup, SA_SETUP_FAILED);
    assert_true(invite(t, 1, "d@x", 1, 5, 1000, TS_UAC));
    assert_true(answer(t, 1, 200, 2500, &d));
    assert_int_equal(d.flags, SA_DELAY_SRD | SA_DELAY_SETUP);
    assert_int_equal(d.srd_ns, 1500000000);
    assert_int_equal(d.setup, SA_SETUP_ANSWERED);
}

/* hm-call-delays (f): three 180s, only the first ends the SRD (0.700000 s). */
static void test_only_first_provisional_counts(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "f@x", 1, 22, 25000, TS_UAC));
    assert_false(answer(t, 0, 100, 25010, &d));
    assert_true(answer(t, 0, 180, 25700, &d));
    assert_srd(&d, 700000000, false, 22);
    assert_false(answer(t, 0, 180, 26200, &d));
    assert_false(answer(t, 0, 180, 26900, &d));
    assert_true(answer(t, 0, 200, 28000, &d));
    assert_int_equal(d.flags, SA_DELAY_SETUP);
}

/* RFC 6076 §5.3: authentication is part of the delays. A 407 ends nothing; the retry with
 * credentials (same client, CSeq 2) carries on from the first INVITE; 403 ends both, failed. */
static void test_challenge_and_retry_carry_on(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "g@x", 1, 5, 5000, TS_UAC));
    assert_false(answer(t, 0, 407, 5015, &d));
    assert_true(invite(t, 1, "g@x", 2, 8, 5050, TS_UAC));
    assert_false(answer(t, 1, 407, 5065, &d));
    assert_true(invite(t, 2, "g@x", 3, 11, 5100, TS_UAC));
    assert_int_equal(t->txn[1], t->txn[0]); /* one session request */
    assert_int_equal(t->txn[2], t->txn[0]);
    assert_true(answer(t, 2, 403, 5115, &d));
    assert_int_equal(d.flags, SA_DELAY_SRD | SA_DELAY_SRD_FAILED | SA_DELAY_SETUP);
    assert_int_equal(d.srd_ns, 115000000);
    assert_int_equal(d.invite_frame, 5);
    /* A redirection too: the client's next INVITE carries on, its 180 ends the SRD. */
    assert_true(invite(t, 3, "r@x", 1, 20, 0, TS_UAC));
    assert_false(answer(t, 3, 302, 35, &d));
    assert_true(invite(t, 4, "r@x", 2, 22, 40, TS_UAC));
    assert_true(answer(t, 4, 180, 240, &d));
    assert_srd(&d, TS_MS(240), false, 20);
}

/* After a failed setup (a 421), the client's new INVITE is a new session request, measured from it. */
static void test_new_request_after_failed_setup(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "h@x", 1, 4, 0, TS_UAC));
    assert_true(answer(t, 0, 421, 25, &d));
    assert_srd(&d, TS_MS(25), true, 4);
    assert_true(invite(t, 1, "h@x", 2, 9, 100, TS_UAC));
    assert_true(answer(t, 1, 180, 120, &d));
    assert_srd(&d, TS_MS(20), false, 9);
    assert_false(answer(t, 0, 500, 130, &d)); /* the old INVITE's stray final: its request has ended */
}

/* hm-call-delays (c): the SRD runs from the first copy; copies are the analyzer's business
 * (no new transaction), so the tracker never sees them. A cancelled call: 487. */
static void test_cancelled_call(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "i@x", 1, 16, 20000, TS_UAC));
    assert_false(answer(t, 0, 100, 20010, &d));
    assert_true(respond(t, t->txn[0], 487, true, TS_MS(22012), &d));
    assert_int_equal(d.flags, SA_DELAY_SRD | SA_DELAY_SRD_FAILED | SA_DELAY_SETUP);
    assert_int_equal(d.srd_ns, 2012000000);
    assert_int_equal(d.setup, SA_SETUP_CANCELLED);
}

/* The first hop: the same call's INVITE from another client (a proxy forwarding it) is not
 * measured, nor are re-INVITEs (To tag) or INVITEs without a Call-ID. */
static void test_only_first_hop_measured(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "j@x", 1, 1, 0, TS_UAC));
    assert_false(invite(t, 1, "j@x", 1, 2, 1, TS_HOP2_SRC));
    assert_false(answer(t, 1, 180, 350, &d));
    assert_true(answer(t, 0, 180, 351, &d));
    assert_srd(&d, TS_MS(351), false, 1);
    struct sa_message re = request(t, "INVITE", "j@x", "fa", "tb", 3);
    struct sa_endpoint uac = TS_UAC;
    assert_int_equal(sa_call_delays_invite(&t->cd, &re, 9, TS_MS(9000), &uac), 0);
    const char *text = "INVITE sip:b@x SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCSeq: 1 INVITE\r\n\r\n";
    struct sa_message none;
    sa_message_parse(text, strlen(text), &none);
    assert_int_equal(sa_call_delays_invite(&t->cd, &none, 10, 0, &uac), 0);
    assert_false(answer(t, 5, 200, 1, &d)); /* a transaction never measured (0) */
    assert_false(respond(t, 1000, 200, false, 0, &d)); /* nor a number never given */
    assert_false(respond(t, 1001, 200, false, 0, &d));
}

/* hm-call-delays (d), (e): SDD 0.030000 s; a BYE retransmitted, then 408 2 s after its first
 * copy: failed SDD 2.000000 s. */
static void test_sdd_successful_and_failed(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(bye(t, 0, "a@x", "fa", "tb", 2, 16, 15000, TS_UAC));
    assert_false(answer(t, 0, 100, 15010, &d));
    assert_true(answer(t, 0, 200, 15030, &d));
    assert_int_equal(d.flags, SA_DELAY_SDD);
    assert_int_equal(d.sdd_ns, 30000000);
    assert_int_equal(d.bye_frame, 16);
    assert_true(bye(t, 1, "c@x", "fa", "tb", 2, 18, 20000, TS_UAC));
    assert_true(answer(t, 1, 408, 22000, &d));
    assert_int_equal(d.flags, SA_DELAY_SDD | SA_DELAY_SDD_FAILED);
    assert_int_equal(d.sdd_ns, 2000000000);
    assert_int_equal(d.bye_frame, 18);
    assert_false(answer(t, 1, 200, 22100, &d)); /* ended */
    assert_true(bye(t, 2, "k@x", "fa", "tb", 2, 30, 0, TS_UAC));
    assert_true(answer(t, 2, 481, 5, &d));
    assert_int_equal(d.flags, SA_DELAY_SDD | SA_DELAY_SDD_FAILED);
}

/* The same BYE relayed on a later hop is not measured again; a BYE from the callee is its own;
 * a challenged BYE goes on with the retry with credentials, from the first BYE. */
static void test_sdd_first_hop_and_challenge(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 9, "p@x", 1, 1, 0, TS_UAC));
    assert_true(bye(t, 0, "p@x", "fa", "tb", 2, 11, 20000, TS_UAC));
    assert_false(bye(t, 1, "p@x", "fa", "tb", 2, 12, 20001, TS_HOP2_SRC));
    assert_false(answer(t, 1, 200, 20012, &d));
    assert_true(answer(t, 0, 200, 20013, &d));
    assert_int_equal(d.sdd_ns, TS_MS(13));
    /* the callee hangs up another dialog of the call (its tags the other way round) */
    assert_true(bye(t, 2, "p@x", "tb2", "fa", 2, 20, 30000, TS_UAS));
    assert_true(answer(t, 2, 200, 30005, &d));
    assert_int_equal(d.sdd_ns, TS_MS(5));
    assert_int_equal(d.bye_frame, 20);
    /* 401 to a BYE, the BYE with credentials (CSeq 3) 40 ms later, its 200 10 ms after that */
    assert_true(bye(t, 3, "q@x", "fa", "tb", 2, 40, 50000, TS_UAC));
    assert_false(answer(t, 3, 401, 50020, &d));
    assert_true(bye(t, 5, "q@x", "fa", "tb", 3, 43, 50040, TS_UAC));
    assert_false(bye(t, 4, "q@x", "fa", "tb", 3, 44, 50041, TS_HOP2_SRC)); /* relayed on the next hop */
    assert_true(answer(t, 5, 200, 50050, &d));
    assert_int_equal(d.flags, SA_DELAY_SDD);
    assert_int_equal(d.sdd_ns, TS_MS(50));
    assert_int_equal(d.bye_frame, 40);
}

/* Session requests and disconnects live in chunks that never move: many of them (more than a
 * chunk holds) keep their numbers and values. */
static void test_many_calls(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    struct sa_message m;
    struct sa_endpoint uac = TS_UAC;
    uint32_t first = 0, last = 0;
    for (unsigned i = 0; i < 1000; i++) {
        m = request(t, "INVITE", ts_printf(&t->heap, "many-%u@x", i), "fa", NULL, 1);
        uint32_t id = sa_call_delays_invite(&t->cd, &m, i + 1, TS_MS(i), &uac);
        assert_int_equal(id, (i + 1) * 2); /* the session request's number, times two */
        first = first ? first : id;
        last = id;
    }
    assert_true(respond(t, first, 180, false, TS_MS(100), &d));
    assert_srd(&d, TS_MS(100), false, 1);
    assert_true(respond(t, last, 486, false, TS_MS(1000), &d));
    assert_srd(&d, TS_MS(1), true, 1000);
}

/* A Call-ID is compared in full: a second Call-ID whose keyed hash finds the first's calls (as
 * if the hashes were equal) is another call, chained beside it. */
static void test_call_ids_compared_in_full(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    assert_true(invite(t, 0, "one@x", 1, 1, 0, TS_UAC));
    uint64_t h1 = sa_siphash(&TS_HASH_KEY, "one@x", 5), h2 = sa_siphash(&TS_HASH_KEY, "two@x", 5);
    h1 = h1 ? h1 : 1;
    h2 = h2 ? h2 : 1;
    /* make "two@x" find "one@x"'s chain */
    assert_true(sa_hash_table_put(&t->cd.calls, h2, sa_hash_table_get(&t->cd.calls, h1)));
    /* another client: were the calls taken as one, this would be a later hop and not measured */
    assert_true(invite(t, 1, "two@x", 1, 2, 10, TS_HOP2_SRC));
    assert_true(answer(t, 1, 180, 110, &d));
    assert_srd(&d, TS_MS(100), false, 2);
    assert_true(answer(t, 0, 180, 200, &d));
    assert_srd(&d, TS_MS(200), false, 1);
    /* and a later INVITE of "one@x" from its own client still finds its own call */
    assert_false(invite(t, 2, "one@x", 1, 3, 20, TS_HOP2_SRC));
}

/* Times out of range (sa_time.h): the request ends, no value is made up. */
static void test_unknown_times(void **state)
{
    struct tracker *t = *state;
    struct sa_call_delay d;
    struct sa_message m = request(t, "INVITE", "u@x", "fa", NULL, 1);
    struct sa_endpoint uac = TS_UAC;
    t->txn[0] = sa_call_delays_invite(&t->cd, &m, 1, SA_TIME_UNKNOWN, &uac);
    assert_int_not_equal(t->txn[0], 0);
    assert_true(answer(t, 0, 486, 1000, &d));
    assert_int_equal(d.flags, SA_DELAY_SETUP);
    assert_int_equal(d.setup, SA_SETUP_FAILED);
    assert_true(invite(t, 1, "v@x", 1, 2, 0, TS_UAC));
    assert_int_equal(sa_call_delays_response(&t->cd, t->txn[1], 180, false, SA_TIME_UNKNOWN), 0);
    assert_false(answer(t, 1, 183, 10, &d)); /* the SRD ended at the 180, without a value */
}

/* ---- through the analyzer: captures/hm-call-delays.pcapng (a), (c), (d), (g) ------------------ */

static const char *msg(struct ts_env *env, const char *first_line, const char *call_id, const char *branch,
                       const char *to_tag, unsigned cseq, const char *method)
{
    return ts_printf(&env->heap,
                     "%s\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=%s\r\n"
                     "From: <sip:alice@a.example>;tag=fa\r\nTo: <sip:bob@b.example>%s%s\r\n"
                     "Call-ID: %s\r\nCSeq: %u %s\r\nContent-Length: 0\r\n\r\n",
                     first_line, branch, to_tag ? ";tag=" : "", to_tag ? to_tag : "", call_id, cseq, method);
}

/* What record r ends, or NULL (the result stays valid until the next call). */
static const struct sa_call_delay *delay_of(struct ts_env *env, const struct sa_record *r)
{
    static struct sa_call_delay d;
    bool ends = sa_analyzer_record_delay(env->an, r, &d);
    assert_true(ends == !!(r->flags & SA_REC_CALL_DELAY));
    return ends ? &d : NULL;
}

static void test_analyzer_call(void **state)
{
    struct ts_env *env = *state;
    const char *inv = "INVITE sip:bob@b.example SIP/2.0";
    /* (c): INVITE at 10 s, copy at 10.5 s, 100 at 10.51 s, 180 at 12 s, 200 at 13 s */
    assert_null(delay_of(env, ts_req(env, 10, 10000, msg(env, inv, "c@x", "z9hG4bKc", NULL, 1, "INVITE"))));
    assert_null(delay_of(env, ts_req(env, 11, 10500, msg(env, inv, "c@x", "z9hG4bKc", NULL, 1, "INVITE"))));
    assert_null(delay_of(env, ts_resp(env, 12, 10510, msg(env, "SIP/2.0 100 Trying", "c@x", "z9hG4bKc", NULL, 1,
                                                          "INVITE"))));
    const struct sa_call_delay *d =
        delay_of(env, ts_resp(env, 13, 12000, msg(env, "SIP/2.0 180 Ringing", "c@x", "z9hG4bKc", "tb", 1, "INVITE")));
    assert_non_null(d);
    assert_int_equal(d->flags, SA_DELAY_SRD);
    assert_int_equal(d->srd_ns, 2000000000);
    assert_int_equal(d->invite_frame, 10);
    d = delay_of(env, ts_resp(env, 14, 13000, msg(env, "SIP/2.0 200 OK", "c@x", "z9hG4bKc", "tb", 1, "INVITE")));
    assert_int_equal(d->flags, SA_DELAY_SETUP);
    assert_int_equal(d->setup, SA_SETUP_ANSWERED);
    /* a copy of the 200 ends nothing */
    assert_null(delay_of(env, ts_resp(env, 15, 13500, msg(env, "SIP/2.0 200 OK", "c@x", "z9hG4bKc", "tb", 1,
                                                          "INVITE"))));
    /* (e) of another call: BYE, two copies, 408 two seconds after the first */
    const char *by = "BYE sip:bob@b.example SIP/2.0";
    ts_req(env, 18, 20000, msg(env, by, "c@x", "z9hG4bKe", "tb", 2, "BYE"));
    ts_req(env, 19, 20500, msg(env, by, "c@x", "z9hG4bKe", "tb", 2, "BYE"));
    ts_req(env, 20, 21500, msg(env, by, "c@x", "z9hG4bKe", "tb", 2, "BYE"));
    d = delay_of(env, ts_resp(env, 21, 22000, msg(env, "SIP/2.0 408 Request Timeout", "c@x", "z9hG4bKe", "tb", 2,
                                                  "BYE")));
    assert_int_equal(d->flags, SA_DELAY_SDD | SA_DELAY_SDD_FAILED);
    assert_int_equal(d->sdd_ns, 2000000000);
    assert_int_equal(d->bye_frame, 18);
    /* Read back after later responses moved the same states on (as a revisit does): each record
     * still shows only what it ended, with its own values. */
    d = delay_of(env, sa_analyzer_first_record(env->an, 13));
    assert_int_equal(d->flags, SA_DELAY_SRD);
    assert_int_equal(d->srd_ns, 2000000000);
    assert_int_equal(d->setup, SA_SETUP_NONE);
    d = delay_of(env, sa_analyzer_first_record(env->an, 14));
    assert_int_equal(d->flags, SA_DELAY_SETUP);
    assert_int_equal(d->setup, SA_SETUP_ANSWERED);
    assert_int_equal(d->srd_ns, 0);
    assert_int_equal(d->invite_frame, 10);
    /* other messages carry nothing: an OPTIONS and its 200 */
    const char *opt = "OPTIONS sip:bob@b.example SIP/2.0";
    assert_null(delay_of(env, ts_req(env, 30, 30000, msg(env, opt, "o@x", "z9hG4bKo", NULL, 1, "OPTIONS"))));
    assert_null(delay_of(env, ts_resp(env, 31, 30010, msg(env, "SIP/2.0 200 OK", "o@x", "z9hG4bKo", "t", 1,
                                                          "OPTIONS"))));
}

/* (g): a B2BUA's two legs are two calls (two Call-IDs), each measured on its own. */
static void test_analyzer_b2bua_legs(void **state)
{
    struct ts_env *env = *state;
    const char *inv = "INVITE sip:bob@b.example SIP/2.0";
    ts_feed(env, 29, 30000, TS_UAC, TS_UAS, msg(env, inv, "legA", "z9hG4bKa", NULL, 1, "INVITE"));
    ts_feed(env, 31, 30010, TS_HOP2_SRC, TS_HOP2_DST, msg(env, inv, "legB", "z9hG4bKb", NULL, 1, "INVITE"));
    const struct sa_record *rb = ts_feed(env, 33, 31010, TS_HOP2_DST, TS_HOP2_SRC,
                                         msg(env, "SIP/2.0 180 Ringing", "legB", "z9hG4bKb", "t", 1, "INVITE"));
    const struct sa_record *ra = ts_feed(env, 34, 31012, TS_UAS, TS_UAC,
                                         msg(env, "SIP/2.0 180 Ringing", "legA", "z9hG4bKa", "t", 1, "INVITE"));
    assert_int_equal(delay_of(env, rb)->srd_ns, 1000000000);
    assert_int_equal(delay_of(env, rb)->invite_frame, 31);
    assert_int_equal(delay_of(env, ra)->srd_ns, 1012000000);
    assert_int_equal(delay_of(env, ra)->invite_frame, 29);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_srd_end_by_code),
        cmocka_unit_test(test_setup_outcome_by_code),
        cmocka_unit_test(test_sdd_end_by_code),
        cmocka_unit_test_setup_teardown(test_srd_ended_by_first_provisional, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_srd_failed_without_provisional, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_provisional_then_failure_and_plain_answer, tracker_setup,
                                        tracker_teardown),
        cmocka_unit_test_setup_teardown(test_only_first_provisional_counts, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_challenge_and_retry_carry_on, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_new_request_after_failed_setup, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_cancelled_call, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_only_first_hop_measured, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_sdd_successful_and_failed, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_sdd_first_hop_and_challenge, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_call_ids_compared_in_full, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_many_calls, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_unknown_times, tracker_setup, tracker_teardown),
        cmocka_unit_test_setup_teardown(test_analyzer_call, ts_env_setup, ts_env_teardown),
        cmocka_unit_test_setup_teardown(test_analyzer_b2bua_legs, ts_env_setup, ts_env_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
