/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The 100 Trying verdicts (src/txn_verdict.c): each role, the thresholds taken strictly, what
 * needs a revisit, times that cannot be measured, and messages that get no verdict. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "record_store.h"
#include "sa_time.h"
#include "txn_verdict.h"

#define MS(x) ((int64_t)(x) * 1000000)

static const struct sa_trying_limits LIM = { MS(200), MS(3000) };

/* An INVITE at 1 s (frame 1), its first 100 at 1.250 s (frame 3). */
static struct sa_txn txn(void)
{
    struct sa_txn t;
    memset(&t, 0, sizeof t);
    t.flags = SA_TXN_INVITE;
    t.req_frame = 1;
    t.req_ts = MS(1000);
    t.t100_frame = 3;
    t.t100_ts = MS(1250);
    return t;
}

static struct sa_trying_verdict verdict(const struct sa_txn *t, uint32_t flags, uint16_t code, int64_t now,
                                        bool revisit)
{
    struct sa_trying_input in = {
        .txn = t, .record_flags = flags, .code = code, .now_ns = now, .last_ns = MS(60000), .revisit = revisit,
    };
    struct sa_trying_verdict v;
    sa_trying_verdict(&in, &LIM, &v);
    return v;
}

static void first_100_late_one_pass(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    t.next_frame = 5;
    t.next_ts = MS(4250);
    struct sa_trying_verdict v = verdict(&t, SA_REC_RESPONSE | SA_REC_FIRST_100, 100, MS(1250), false);
    assert_int_equal(v.role, SA_TRYING_FIRST_100);
    assert_int_equal(v.flags, SA_TRY_DELAY | SA_TRY_LATE);
    assert_int_equal(v.delay_ns, MS(250));
    assert_int_equal(v.on100_ns, 0); /* the next response is not known in one pass */
}

static void first_100_thresholds_are_strict(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    t.t100_ts = MS(1200); /* exactly 200 ms */
    t.next_frame = 5;
    t.next_ts = MS(4200); /* exactly 3000 ms on 100 */
    struct sa_trying_verdict v = verdict(&t, SA_REC_FIRST_100, 100, MS(1200), true);
    assert_int_equal(v.flags, SA_TRY_DELAY | SA_TRY_ON100);
    assert_int_equal(v.delay_ns, MS(200));
    assert_int_equal(v.on100_ns, MS(3000));
    t.next_ts = MS(4200) + 1;
    v = verdict(&t, SA_REC_FIRST_100, 100, MS(1200) + 1, true);
    assert_int_equal(v.flags, SA_TRY_DELAY | SA_TRY_LATE | SA_TRY_ON100 | SA_TRY_LONG);
    assert_int_equal(v.delay_ns, MS(200) + 1);
    assert_int_equal(v.on100_ns, MS(3000) + 1);
}

static void first_100_stuck_needs_revisit(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    struct sa_trying_verdict v = verdict(&t, SA_REC_FIRST_100, 100, MS(1250), false);
    assert_int_equal(v.flags, SA_TRY_DELAY | SA_TRY_LATE);
    v = verdict(&t, SA_REC_FIRST_100, 100, MS(1250), true);
    assert_int_equal(v.flags, SA_TRY_DELAY | SA_TRY_LATE | SA_TRY_STUCK);
    assert_int_equal(v.on100_ns, MS(60000) - MS(1250));
}

static void first_100_without_invite(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    t.req_frame = 0;
    t.req_ts = 0;
    t.flags |= SA_TXN_NO_REQUEST;
    struct sa_trying_verdict v = verdict(&t, SA_REC_FIRST_100, 100, MS(1250), true);
    assert_int_equal(v.role, SA_TRYING_FIRST_100);
    assert_int_equal(v.flags, SA_TRY_STUCK); /* no delay without the INVITE */
}

static void after_100_long_and_ended(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    struct sa_trying_verdict v = verdict(&t, SA_REC_RESPONSE | SA_REC_AFTER_100, 408, MS(33240), false);
    assert_int_equal(v.role, SA_TRYING_AFTER_100);
    assert_int_equal(v.flags, SA_TRY_ON100 | SA_TRY_LONG | SA_TRY_ENDED_408);
    assert_int_equal(v.on100_ns, MS(31990));
    v = verdict(&t, SA_REC_AFTER_100, 180, MS(1635), false);
    assert_int_equal(v.flags, SA_TRY_ON100);
    assert_int_equal(v.on100_ns, MS(385));
    /* A 487 ends the wait "after CANCEL" only when the caller cancelled. */
    v = verdict(&t, SA_REC_AFTER_100, 487, MS(2250), false);
    assert_int_equal(v.flags, SA_TRY_ON100);
    t.cancel_frame = 7;
    t.flags |= SA_TXN_CANCELLED;
    v = verdict(&t, SA_REC_AFTER_100, 487, MS(5250) + 1, false);
    assert_int_equal(v.flags, SA_TRY_ON100 | SA_TRY_LONG | SA_TRY_ENDED_487);
}

static void no_100_absent_when_late(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    t.t100_frame = 0;
    t.t100_ts = 0;
    struct sa_trying_verdict v = verdict(&t, SA_REC_RESPONSE | SA_REC_NO_100, 180, MS(1350), false);
    assert_int_equal(v.role, SA_TRYING_NO_100);
    assert_int_equal(v.flags, SA_TRY_FIRST_TIME | SA_TRY_ABSENT);
    assert_int_equal(v.delay_ns, MS(350));
    v = verdict(&t, SA_REC_NO_100, 200, MS(1200), true);
    assert_int_equal(v.flags, SA_TRY_FIRST_TIME);
    assert_int_equal(v.delay_ns, MS(200));
}

static void unknown_times_give_no_time(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    struct sa_trying_verdict v = verdict(&t, SA_REC_FIRST_100, 100, SA_TIME_UNKNOWN, false);
    assert_int_equal(v.role, SA_TRYING_FIRST_100);
    assert_int_equal(v.flags, 0);
    t.next_frame = 5;
    t.next_ts = SA_TIME_UNKNOWN;
    v = verdict(&t, SA_REC_FIRST_100, 100, MS(1250), true);
    assert_int_equal(v.flags, SA_TRY_DELAY | SA_TRY_LATE); /* neither on 100 nor stuck */
    v = verdict(&t, SA_REC_AFTER_100, 408, SA_TIME_UNKNOWN, false);
    assert_int_equal(v.flags, SA_TRY_ENDED_408);
    /* A clock that went backwards: negative, not late. */
    v = verdict(&t, SA_REC_NO_100, 180, MS(900), false);
    assert_int_equal(v.flags, SA_TRY_FIRST_TIME);
    assert_int_equal(v.delay_ns, -MS(100));
}

static void no_verdict(void **state)
{
    (void)state;
    struct sa_txn t = txn();
    struct sa_trying_verdict v = verdict(&t, SA_REC_FIRST_100 | SA_REC_RETRANS, 100, MS(1250), true);
    assert_int_equal(v.role, SA_TRYING_NONE);
    assert_int_equal(v.flags, 0);
    v = verdict(NULL, SA_REC_FIRST_100, 100, MS(1250), true);
    assert_int_equal(v.role, SA_TRYING_NONE);
    v = verdict(&t, SA_REC_RESPONSE, 200, MS(1250), true);
    assert_int_equal(v.role, SA_TRYING_NONE);
    assert_int_equal(v.flags, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_100_late_one_pass),
        cmocka_unit_test(first_100_thresholds_are_strict),
        cmocka_unit_test(first_100_stuck_needs_revisit),
        cmocka_unit_test(first_100_without_invite),
        cmocka_unit_test(after_100_long_and_ended),
        cmocka_unit_test(no_100_absent_when_late),
        cmocka_unit_test(unknown_times_give_no_time),
        cmocka_unit_test(no_verdict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
