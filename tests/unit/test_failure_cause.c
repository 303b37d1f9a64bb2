/* SPDX-License-Identifier: GPL-2.0-or-later */
/* src/failure_cause.c: Reason and Warning lines kept from a message, the reason a failure is
 * named by, its words (escaped), and malformed values. */
#include "test_support.h"

#include "arena.h"
#include "failure_cause.h"

static struct sa_message parse(const char *text)
{
    struct sa_message m;
    sa_message_parse(text, strlen(text), &m);
    return m;
}

static const struct sa_cause *keep(struct sa_arena *ar, const char *text)
{
    struct sa_message m = parse(text);
    return sa_cause_keep(ar, &m);
}

static void test_lines_kept_by_kind_of_message(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    const struct sa_cause *c = keep(&ar, "SIP/2.0 486 Busy Here\r\nReason: Q.850;cause=17\r\n"
                                         "Warning: 399 h \"x\"\r\nReason: SIP;cause=486\r\n\r\n");
    assert_non_null(c);
    assert_int_equal(c->reason_count, 2);
    assert_int_equal(c->warning_count, 1);
    assert_slice(c->reasons[1], "SIP;cause=486");
    /* A BYE's Reason is kept; a Warning on a request and anything on a 2xx are not read. */
    c = keep(&ar, "BYE sip:a@b SIP/2.0\r\nReason: Q.850;cause=16\r\nWarning: 399 h \"x\"\r\n\r\n");
    assert_int_equal(c->reason_count, 1);
    assert_int_equal(c->warning_count, 0);
    assert_null(keep(&ar, "SIP/2.0 200 OK\r\nReason: Q.850;cause=16\r\nWarning: 399 h \"x\"\r\n\r\n"));
    assert_null(keep(&ar, "SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP h\r\n\r\n"));
    ts_heap_free_all(&h);
}

static void test_main_reason_prefers_q850_with_cause(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    const struct sa_cause *c = keep(&ar, "SIP/2.0 480 Temporarily Unavailable\r\n"
                                         "Reason: FOO;text=\"a\", SIP;cause=480\r\nReason: Q.850;cause=18\r\n\r\n");
    struct sa_reason r;
    assert_true(sa_cause_main_reason(c, &r));
    assert_int_equal(r.protocol_id, SA_REASON_PROTO_Q850);
    assert_int_equal(r.cause, 18);
    char buf[64];
    sa_reason_summary(&r, buf, sizeof buf);
    assert_string_equal(buf, "Q.850 18 No user responding");
    /* Nothing to name: an empty Reason has no protocol. */
    c = keep(&ar, "SIP/2.0 486 Busy Here\r\nReason:\r\n\r\n");
    assert_false(sa_cause_main_reason(c, &r));
    assert_true(sa_cause_malformed_reason(c, NULL));
    ts_heap_free_all(&h);
}

static void test_summary_names_and_escapes(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    struct sa_reason r;
    char buf[96];
    /* The sender's text when it says more than the standard name; never twice the same words. */
    const struct sa_cause *c = keep(&ar, "CANCEL sip:a@b SIP/2.0\r\n"
                                         "Reason: SIP;cause=200;text=\"Call completed elsewhere\"\r\n\r\n");
    assert_true(sa_cause_main_reason(c, &r));
    sa_reason_summary(&r, buf, sizeof buf);
    assert_string_equal(buf, "SIP 200 OK \"Call completed elsewhere\"");
    c = keep(&ar, "SIP/2.0 486 Busy Here\r\nReason: Q.850;cause=17;text=\"user BUSY\"\r\n\r\n");
    assert_true(sa_cause_main_reason(c, &r));
    sa_reason_summary(&r, buf, sizeof buf);
    assert_string_equal(buf, "Q.850 17 User busy");
    /* Capture bytes are escaped: the result is valid UTF-8 whatever the sender wrote. */
    c = keep(&ar, "SIP/2.0 486 Busy Here\r\nReason: Q.850;cause=17;text=\"a\xff\x1b[0m\"\r\n\r\n");
    assert_true(sa_cause_main_reason(c, &r));
    sa_reason_summary(&r, buf, sizeof buf);
    assert_string_equal(buf, "Q.850 17 User busy \"a\\xff\\x1b[0m\"");
    /* Cut to the buffer, never inside a character. */
    size_t need = sa_reason_summary(&r, buf, 8);
    assert_true(need > 8);
    assert_string_equal(buf, "Q.850 1");
    ts_heap_free_all(&h);
}

static void test_malformed_and_long_values(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    const struct sa_cause *c = keep(&ar, "SIP/2.0 488 Not Acceptable Here\r\nWarning: 99 h \"x\"\r\n"
                                         "Reason: Q.850;cause=abc\r\n\r\n");
    assert_true(sa_cause_malformed_reason(c, NULL));
    assert_true(sa_cause_malformed_warning(c, NULL));
    struct sa_slice bad;
    assert_true(sa_cause_malformed_reason(c, &bad));
    assert_slice(bad, "Q.850;cause=abc");
    assert_true(sa_cause_malformed_warning(c, &bad));
    assert_slice(bad, "99 h \"x\"");
    c = keep(&ar, "SIP/2.0 488 Not Acceptable Here\r\nWarning: 399 h \"x\", 301 h \"y\"\r\n\r\n");
    assert_false(sa_cause_malformed_reason(c, NULL));
    assert_false(sa_cause_malformed_warning(c, NULL));
    /* Values are kept up to SA_CAUSE_VALUE_MAX bytes, lines up to SA_MAX_CAUSE_LINES. */
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "SIP/2.0 503 Service Unavailable\r\nReason: Q.850;text=\"");
    memset(text + n, 'a', 400);
    n += 400;
    n += (size_t)snprintf(text + n, sizeof text - n, "\"\r\n");
    for (int i = 0; i < 10; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "Reason: Q.850;cause=%d\r\n", i);
    snprintf(text + n, sizeof text - n, "\r\n");
    c = keep(&ar, text);
    assert_int_equal(c->reason_count, SA_MAX_CAUSE_LINES);
    assert_int_equal(c->reasons[0].len, SA_CAUSE_VALUE_MAX);
    assert_int_equal(c->flags & SA_CAUSE_VALUES_CUT, SA_CAUSE_VALUES_CUT);
    ts_heap_free_all(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_kept_by_kind_of_message),
        cmocka_unit_test(test_main_reason_prefers_q850_with_cause),
        cmocka_unit_test(test_summary_names_and_escapes),
        cmocka_unit_test(test_malformed_and_long_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
