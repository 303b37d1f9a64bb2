/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Reason header reader (RFC 3326): every field and flag exactly, on well-formed values, on
 * each kind of malformed value, and on hostile bytes (empty, white space, huge numbers, unclosed
 * quotes, NUL and 0xFF, 1000 commas), always from exact-length copies (exact_bytes.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "exact_bytes.h"
#include "reason_header.h"

struct parsed {
    struct sa_slice in;
    struct sa_reason v[SA_REASON_MAX_VALUES + 1];
    size_t n;
    bool truncated;
};

static void assert_inside(const struct sa_reason *r, struct sa_slice in)
{
    assert_true(eb_within(r->value, in));
    assert_true(eb_within(r->protocol, in));
    assert_true(eb_within(r->cause_raw, in));
    assert_true(eb_within(r->text, in));
    assert_int_equal(r->flags & ~(SA_REASON_MALFORMED | SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NUMERIC |
                                  SA_REASON_HAS_TEXT), 0);
    assert_true(r->protocol_id < SA_REASON_PROTO_COUNT);
}

/* Reads every value of len bytes at bytes, copied to a block of exactly len bytes. */
static void parse_bytes(struct parsed *r, const char *bytes, size_t len)
{
    r->in = eb_copy(bytes, len);
    struct sa_reason_iter it;
    sa_reason_iter_init(&it, r->in);
    r->n = 0;
    while (r->n <= SA_REASON_MAX_VALUES && sa_reason_next(&it, &r->v[r->n])) {
        assert_inside(&r->v[r->n], r->in);
        r->n++;
    }
    assert_true(r->n <= SA_REASON_MAX_VALUES);
    struct sa_reason extra;
    assert_false(sa_reason_next(&it, &extra)); /* stays finished */
    r->truncated = it.truncated;
}
/* A literal with its embedded NULs, without its terminator. */
#define PARSE(r, lit) parse_bytes(&(r), (lit), sizeof(lit) - 1)

static void done(struct parsed *r)
{
    eb_free(r->in);
}

static void assert_bytes(struct sa_slice s, const char *bytes, size_t n)
{
    assert_int_equal(s.len, n);
    if (n)
        assert_memory_equal(s.ptr, bytes, n);
}
#define assert_lit(s, lit) assert_bytes((s), (lit), sizeof(lit) - 1)

/* One reason-value, field by field. text NULL: no text. */
static void expect(const struct sa_reason *r, const char *protocol, enum sa_reason_protocol id, unsigned flags,
                   uint32_t cause, const char *text)
{
    assert_bytes(r->protocol, protocol, strlen(protocol));
    assert_int_equal(r->protocol_id, id);
    assert_int_equal(r->flags, flags);
    assert_int_equal(r->cause, cause);
    if (text)
        assert_bytes(r->text, text, strlen(text));
    else
        assert_int_equal(r->text.len, 0);
}

#define NUM (SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NUMERIC)

static void test_q850_with_text(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "Q.850;cause=16;text=\"Terminated\"");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT, 16, "Terminated");
    assert_lit(r.v[0].value, "Q.850;cause=16;text=\"Terminated\"");
    assert_lit(r.v[0].cause_raw, "16");
    assert_false(r.truncated);
    done(&r);
}

/* RFC 3326 §2's example, white space around ';' and '=' included. */
static void test_rfc3326_example_with_white_space(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "  SIP ;cause = 200 ; text= \"Call completed elsewhere\"  ");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_HAS_TEXT, 200, "Call completed elsewhere");
    assert_lit(r.v[0].value, "SIP ;cause = 200 ; text= \"Call completed elsewhere\"");
    done(&r);
}

static void test_two_protocols_in_one_header(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "SIP;cause=487;text=\"Request Terminated\", Q.850;cause=16;text=\"Normal call clearing\"");
    assert_int_equal(r.n, 2);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_HAS_TEXT, 487, "Request Terminated");
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT, 16, "Normal call clearing");
    done(&r);
}

static void test_case_insensitive_protocol_and_names(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "q.850;CAUSE=17;Text=\"busy\",sip;Cause=486,preemption;cause=1");
    assert_int_equal(r.n, 3);
    expect(&r.v[0], "q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT, 17, "busy");
    expect(&r.v[1], "sip", SA_REASON_PROTO_SIP, NUM, 486, NULL);
    expect(&r.v[2], "preemption", SA_REASON_PROTO_PREEMPTION, NUM, 1, NULL);
    done(&r);
}

/* Every registered protocol is known in its registry spelling and in lower case. */
static void test_every_registered_protocol(void **state)
{
    (void)state;
    assert_null(sa_reason_protocol_name(SA_REASON_PROTO_UNKNOWN));
    assert_null(sa_reason_protocol_name(SA_REASON_PROTO_COUNT));
    assert_int_equal(SA_REASON_PROTO_COUNT - 1, 22);
    for (int p = SA_REASON_PROTO_SIP; p < SA_REASON_PROTO_COUNT; p++) {
        const char *name = sa_reason_protocol_name((enum sa_reason_protocol)p);
        assert_non_null(name);
        char buf[64], lower[32];
        size_t n = strlen(name);
        assert_true(n < sizeof lower);
        for (size_t i = 0; i <= n; i++)
            lower[i] = (name[i] >= 'A' && name[i] <= 'Z') ? (char)(name[i] + 32) : name[i];
        snprintf(buf, sizeof buf, "%s;cause=1,%s;cause=1", name, lower);
        struct parsed r;
        parse_bytes(&r, buf, strlen(buf));
        assert_int_equal(r.n, 2);
        assert_int_equal(r.v[0].protocol_id, p);
        assert_int_equal(r.v[1].protocol_id, p);
        done(&r);
    }
    assert_string_equal(sa_reason_protocol_name(SA_REASON_PROTO_Q850), "Q.850");
    assert_string_equal(sa_reason_protocol_name(SA_REASON_PROTO_STIR), "STIR");
    assert_string_equal(sa_reason_protocol_name(SA_REASON_PROTO_5GMM), "5GMM");
}

/* reason-extension = generic-param: allowed and skipped, quoted ones holding ; and , too. */
static void test_generic_params(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "Q.850;cause=16;location=LN;foo;bar=\"x;y,z\";text=\"t\"");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT, 16, "t");
    done(&r);
}

static void test_comma_and_escapes_inside_text(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "SIP;cause=200;text=\"say \\\"hi\\\", ok\", Q.850;cause=31;text=\"a, b\"");
    assert_int_equal(r.n, 2);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_HAS_TEXT, 200, "say \\\"hi\\\", ok");
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT, 31, "a, b");
    done(&r);
}

/* A folded header value keeps its CR LF SP: linear white space. */
static void test_folded_value(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "SIP\r\n ;cause=200\r\n\t;text=\"x\",\r\n Q.850;cause=16");
    assert_int_equal(r.n, 2);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_HAS_TEXT, 200, "x");
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, NUM, 16, NULL);
    assert_lit(r.v[1].value, "Q.850;cause=16");
    done(&r);
}

static void test_empty_values(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "", SA_REASON_PROTO_UNKNOWN, SA_REASON_EMPTY, 0, NULL);
    done(&r);
    PARSE(r, " \t\r\n ");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "", SA_REASON_PROTO_UNKNOWN, SA_REASON_EMPTY, 0, NULL);
    done(&r);
    PARSE(r, "SIP;cause=200,, Q.850;cause=16,");
    assert_int_equal(r.n, 4);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM, 200, NULL);
    expect(&r.v[1], "", SA_REASON_PROTO_UNKNOWN, SA_REASON_EMPTY, 0, NULL);
    expect(&r.v[2], "Q.850", SA_REASON_PROTO_Q850, NUM, 16, NULL);
    expect(&r.v[3], "", SA_REASON_PROTO_UNKNOWN, SA_REASON_EMPTY, 0, NULL);
    done(&r);

    struct sa_reason_iter it; /* a null slice (no value at all) reads as empty, without a crash */
    struct sa_reason v;
    sa_reason_iter_init(&it, (struct sa_slice){ NULL, 0 });
    assert_true(sa_reason_next(&it, &v));
    assert_int_equal(v.flags, SA_REASON_EMPTY);
    assert_false(sa_reason_next(&it, &v));
}

static void test_missing_and_bad_causes(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "Q.850, Q.850;text=\"x\", Q.850;cause=abc, Q.850;cause=, Q.850;cause, Q.850;cause=\"16\", "
             "Q.850;cause=-1, Q.850;cause=1 6");
    assert_int_equal(r.n, 8);
    expect(&r.v[0], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_NO_CAUSE, 0, NULL);
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_NO_CAUSE | SA_REASON_HAS_TEXT, 0, "x");
    expect(&r.v[2], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NOT_NUMERIC, 0, NULL);
    assert_lit(r.v[2].cause_raw, "abc");
    expect(&r.v[3], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NOT_NUMERIC, 0, NULL);
    assert_lit(r.v[3].cause_raw, "");
    expect(&r.v[4], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NOT_NUMERIC, 0, NULL);
    expect(&r.v[5], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NOT_NUMERIC, 0, NULL);
    assert_lit(r.v[5].cause_raw, "16");
    expect(&r.v[6], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NOT_NUMERIC, 0, NULL);
    /* "1 6": the cause is 1, the 6 is garbage */
    expect(&r.v[7], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_GARBAGE, 1, NULL);
    done(&r);
}

static void test_cause_ranges(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "SIP;cause=99,SIP;cause=100,SIP;cause=699,SIP;cause=700,Q.850;cause=0,Q.850;cause=127,"
             "Q.850;cause=128,Foo;cause=2147483647,Q.850;cause=2147483647");
    assert_int_equal(r.n, 9);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_CAUSE_OUT_OF_RANGE, 99, NULL);
    expect(&r.v[1], "SIP", SA_REASON_PROTO_SIP, NUM, 100, NULL);
    expect(&r.v[2], "SIP", SA_REASON_PROTO_SIP, NUM, 699, NULL);
    expect(&r.v[3], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_CAUSE_OUT_OF_RANGE, 700, NULL);
    expect(&r.v[4], "Q.850", SA_REASON_PROTO_Q850, NUM, 0, NULL);
    expect(&r.v[5], "Q.850", SA_REASON_PROTO_Q850, NUM, 127, NULL);
    expect(&r.v[6], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_CAUSE_OUT_OF_RANGE, 128, NULL);
    expect(&r.v[7], "Foo", SA_REASON_PROTO_UNKNOWN, NUM | SA_REASON_UNKNOWN_PROTOCOL, 2147483647u, NULL);
    expect(&r.v[8], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_CAUSE_OUT_OF_RANGE, 2147483647u, NULL);
    done(&r);
}

/* 2^31 and up, or more than ten digits, is too big; ten digits with leading zeros is fine. */
static void test_cause_overflow(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "X;cause=2147483648,Q.850;cause=00000000016,Q.850;cause=0000000016,X;cause=99999999999999999999");
    assert_int_equal(r.n, 4);
    expect(&r.v[0], "X", SA_REASON_PROTO_UNKNOWN,
           SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_TOO_BIG | SA_REASON_UNKNOWN_PROTOCOL, 0, NULL);
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_TOO_BIG, 0, NULL);
    expect(&r.v[2], "Q.850", SA_REASON_PROTO_Q850, NUM, 16, NULL);
    expect(&r.v[3], "X", SA_REASON_PROTO_UNKNOWN,
           SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_TOO_BIG | SA_REASON_UNKNOWN_PROTOCOL, 0, NULL);
    done(&r);

    char *huge = eb_repeat('9', 200000, "");
    char *value = malloc(200000 + 32);
    assert_non_null(value);
    snprintf(value, 200000 + 32, "Q.850;cause=%s;text=\"t\"", huge);
    parse_bytes(&r, value, strlen(value));
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_TOO_BIG | SA_REASON_HAS_TEXT,
           0, "t");
    assert_int_equal(r.v[0].cause_raw.len, 200000);
    done(&r);
    free(value);
    free(huge);
}

static void test_protocol_problems(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, ";cause=16, Foo;cause=1, \"SIP\";cause=200");
    assert_int_equal(r.n, 3);
    expect(&r.v[0], "", SA_REASON_PROTO_UNKNOWN, NUM | SA_REASON_NO_PROTOCOL, 16, NULL);
    expect(&r.v[1], "Foo", SA_REASON_PROTO_UNKNOWN, NUM | SA_REASON_UNKNOWN_PROTOCOL, 1, NULL);
    expect(&r.v[2], "", SA_REASON_PROTO_UNKNOWN, NUM | SA_REASON_NO_PROTOCOL | SA_REASON_GARBAGE, 200, NULL);
    done(&r);
}

static void test_text_problems(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "Q.850;text=plain;cause=16, Q.850;cause=16;text, Q.850;cause=16;text=\"a\";text=\"b\"");
    assert_int_equal(r.n, 3);
    expect(&r.v[0], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT | SA_REASON_TEXT_NOT_QUOTED, 16,
           "plain");
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT | SA_REASON_TEXT_NOT_QUOTED, 16, NULL);
    expect(&r.v[2], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT | SA_REASON_DUPLICATE, 16, "a");
    done(&r);
}

/* An unclosed quote runs to the end of the header: the comma after it splits nothing. */
static void test_unclosed_quotes(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "Q.850;cause=16;text=\"unclosed, SIP;cause=200");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT | SA_REASON_UNCLOSED_QUOTE, 16,
           "unclosed, SIP;cause=200");
    done(&r);
    PARSE(r, "SIP;cause=200;text=\"abc\\");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_HAS_TEXT | SA_REASON_UNCLOSED_QUOTE, 200, "abc\\");
    done(&r);
    PARSE(r, "\"\"\"");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "", SA_REASON_PROTO_UNKNOWN,
           SA_REASON_NO_PROTOCOL | SA_REASON_NO_CAUSE | SA_REASON_GARBAGE | SA_REASON_UNCLOSED_QUOTE, 0, NULL);
    done(&r);
    PARSE(r, "SIP;cause=200;foo=\"open");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "SIP", SA_REASON_PROTO_SIP, NUM | SA_REASON_UNCLOSED_QUOTE, 200, NULL);
    done(&r);
}

static void test_garbage_and_duplicates(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "Q.850 cause=16, Q.850;cause=16 junk;text=\"x\", Q.850;cause=16;text=\"x\"y, Q.850;;cause=16, "
             "Q.850;cause=16;cause=17, Q.850;=5;cause=16");
    assert_int_equal(r.n, 6);
    expect(&r.v[0], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_NO_CAUSE | SA_REASON_GARBAGE, 0, NULL);
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT | SA_REASON_GARBAGE, 16, "x");
    expect(&r.v[2], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_HAS_TEXT | SA_REASON_GARBAGE, 16, "x");
    expect(&r.v[3], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_GARBAGE, 16, NULL);
    expect(&r.v[4], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_DUPLICATE, 16, NULL);
    expect(&r.v[5], "Q.850", SA_REASON_PROTO_Q850, NUM | SA_REASON_GARBAGE, 16, NULL);
    done(&r);
}

static void test_nul_and_ff_bytes(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "Q.850\xff;cause=16,Q.850;cause=1\0006,Q.850;cause=16;text=\"a\0b\xff\",\0");
    assert_int_equal(r.n, 4);
    expect(&r.v[0], "Q.850\xff", SA_REASON_PROTO_UNKNOWN, NUM | SA_REASON_UNKNOWN_PROTOCOL, 16, NULL);
    expect(&r.v[1], "Q.850", SA_REASON_PROTO_Q850, SA_REASON_HAS_CAUSE | SA_REASON_CAUSE_NOT_NUMERIC, 0, NULL);
    assert_lit(r.v[1].cause_raw, "1\0006");
    assert_int_equal(r.v[2].flags, NUM | SA_REASON_HAS_TEXT);
    assert_lit(r.v[2].text, "a\0b\xff");
    /* a lone NUL is a protocol nobody registered */
    assert_int_equal(r.v[3].flags, SA_REASON_UNKNOWN_PROTOCOL | SA_REASON_NO_CAUSE);
    assert_lit(r.v[3].protocol, "\0");
    done(&r);
}

/* At most 16 values are read; the iterator says when more were left. */
static void test_value_cap(void **state)
{
    (void)state;
    char *commas = eb_repeat(',', 1000, "");
    struct parsed r;
    parse_bytes(&r, commas, 1000);
    assert_int_equal(r.n, SA_REASON_MAX_VALUES);
    for (size_t i = 0; i < r.n; i++)
        assert_int_equal(r.v[i].flags, SA_REASON_EMPTY);
    assert_true(r.truncated);
    done(&r);
    free(commas);

    char buf[512] = "";
    for (int i = 0; i < 16; i++)
        strcat(buf, i ? ",Q.850;cause=16" : "Q.850;cause=16");
    parse_bytes(&r, buf, strlen(buf));
    assert_int_equal(r.n, 16);
    assert_false(r.truncated);
    done(&r);
    strcat(buf, ",SIP;cause=200");
    parse_bytes(&r, buf, strlen(buf));
    assert_int_equal(r.n, 16);
    assert_true(r.truncated);
    for (size_t i = 0; i < r.n; i++)
        expect(&r.v[i], "Q.850", SA_REASON_PROTO_Q850, NUM, 16, NULL);
    done(&r);
}

/* Every prefix of a value full of traps, each in a block of exactly its length: no read outside
 * (AddressSanitizer), every slice inside, at most 16 values. */
static void test_every_prefix_stays_inside(void **state)
{
    (void)state;
    static const char trap[] = "Q.850 ;cause=16;text=\"a,\\\"b\\\\\";x=\"y\" ,SIP;cause=99999999999;;=;text=t\r\n "
                               "\xff\0;cause=\"1\",\"\"\",Foo;cause=1\\";
    for (size_t n = 0; n < sizeof trap; n++) {
        struct parsed r;
        parse_bytes(&r, trap, n);
        assert_true(r.n >= 1);
        done(&r);
    }
}

/* Each byte value at each position of a well-formed value. */
static void test_every_byte_everywhere(void **state)
{
    (void)state;
    static const char base[] = "Q.850;cause=16;text=\"x, y\",SIP;cause=200";
    char buf[sizeof base];
    for (size_t pos = 0; pos < sizeof base - 1; pos++) {
        for (int b = 0; b < 256; b++) {
            memcpy(buf, base, sizeof base - 1);
            buf[pos] = (char)b;
            struct parsed r;
            parse_bytes(&r, buf, sizeof base - 1);
            assert_true(r.n >= 1 && r.n <= 3);
            done(&r);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_q850_with_text),
        cmocka_unit_test(test_rfc3326_example_with_white_space),
        cmocka_unit_test(test_two_protocols_in_one_header),
        cmocka_unit_test(test_case_insensitive_protocol_and_names),
        cmocka_unit_test(test_every_registered_protocol),
        cmocka_unit_test(test_generic_params),
        cmocka_unit_test(test_comma_and_escapes_inside_text),
        cmocka_unit_test(test_folded_value),
        cmocka_unit_test(test_empty_values),
        cmocka_unit_test(test_missing_and_bad_causes),
        cmocka_unit_test(test_cause_ranges),
        cmocka_unit_test(test_cause_overflow),
        cmocka_unit_test(test_protocol_problems),
        cmocka_unit_test(test_text_problems),
        cmocka_unit_test(test_unclosed_quotes),
        cmocka_unit_test(test_garbage_and_duplicates),
        cmocka_unit_test(test_nul_and_ff_bytes),
        cmocka_unit_test(test_value_cap),
        cmocka_unit_test(test_every_prefix_stays_inside),
        cmocka_unit_test(test_every_byte_everywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
