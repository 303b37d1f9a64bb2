/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Warning header reader (RFC 3261 §20.43) and the warn-code table: every field and flag
 * exactly, well-formed, malformed and hostile values, from exact-length copies (exact_bytes.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "exact_bytes.h"
#include "warning_header.h"

struct parsed {
    struct sa_slice in;
    struct sa_warning v[SA_WARNING_MAX_VALUES + 1];
    size_t n;
    bool truncated;
};

static void assert_inside(const struct sa_warning *w, struct sa_slice in)
{
    assert_true(eb_within(w->value, in));
    assert_true(eb_within(w->code_raw, in));
    assert_true(eb_within(w->agent, in));
    assert_true(eb_within(w->text, in));
    assert_int_equal(w->flags & ~(SA_WARNING_MALFORMED | SA_WARNING_CODE_OK | SA_WARNING_HAS_TEXT), 0);
}

static void parse_bytes(struct parsed *r, const char *bytes, size_t len)
{
    r->in = eb_copy(bytes, len);
    struct sa_warning_iter it;
    sa_warning_iter_init(&it, r->in);
    r->n = 0;
    while (r->n <= SA_WARNING_MAX_VALUES && sa_warning_next(&it, &r->v[r->n])) {
        assert_inside(&r->v[r->n], r->in);
        r->n++;
    }
    assert_true(r->n <= SA_WARNING_MAX_VALUES);
    struct sa_warning extra;
    assert_false(sa_warning_next(&it, &extra));
    r->truncated = it.truncated;
}
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

/* One warning-value, field by field (C strings: no NUL inside). */
static void expect(const struct sa_warning *w, const char *code_raw, unsigned code, const char *agent,
                   const char *text, unsigned flags)
{
    assert_bytes(w->code_raw, code_raw, strlen(code_raw));
    assert_int_equal(w->code, code);
    assert_bytes(w->agent, agent, strlen(agent));
    assert_bytes(w->text, text, strlen(text));
    assert_int_equal(w->flags, flags);
}

#define OK (SA_WARNING_CODE_OK | SA_WARNING_HAS_TEXT)

static void test_one_warning(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "399 proxy.example.com \"Call limit reached\"");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "399", 399, "proxy.example.com", "Call limit reached", OK);
    assert_false(r.truncated);
    done(&r);
}

/* RFC 3261 §20.43's two examples in one header; an IPv6 agent with a port; folding. */
static void test_several_and_agents(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "307 isi.edu \"Session parameter 'foo' not understood\",301 isi.edu \"Incompatible network "
             "address type 'E.164'\" ,\r\n 370 [2001:db8::1]:5060\r\n \"Insufficient bandwidth\", 399 "
             "anonymous \"x, y\"");
    assert_int_equal(r.n, 4);
    expect(&r.v[0], "307", 307, "isi.edu", "Session parameter 'foo' not understood", OK);
    expect(&r.v[1], "301", 301, "isi.edu", "Incompatible network address type 'E.164'", OK);
    expect(&r.v[2], "370", 370, "[2001:db8::1]:5060", "Insufficient bandwidth", OK);
    expect(&r.v[3], "399", 399, "anonymous", "x, y", OK);
    done(&r);
}

static void test_escapes_kept(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "399 a \"say \\\"hi\\\", ok\"");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "399", 399, "a", "say \\\"hi\\\", ok", OK);
    done(&r);
}

static void test_bad_codes(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "39 a \"x\", 3999 a \"x\", abc a \"x\", 3a9 a \"x\", 399a \"x\", -39 a \"x\"");
    assert_int_equal(r.n, 6);
    expect(&r.v[0], "39", 0, "a", "x", SA_WARNING_BAD_CODE | SA_WARNING_HAS_TEXT);
    expect(&r.v[1], "3999", 0, "a", "x", SA_WARNING_BAD_CODE | SA_WARNING_HAS_TEXT);
    expect(&r.v[2], "abc", 0, "a", "x", SA_WARNING_BAD_CODE | SA_WARNING_HAS_TEXT);
    expect(&r.v[3], "3a9", 0, "a", "x", SA_WARNING_BAD_CODE | SA_WARNING_HAS_TEXT);
    expect(&r.v[4], "399a", 0, "", "x", SA_WARNING_BAD_CODE | SA_WARNING_NO_AGENT | SA_WARNING_HAS_TEXT);
    expect(&r.v[5], "-39", 0, "a", "x", SA_WARNING_BAD_CODE | SA_WARNING_HAS_TEXT);
    done(&r);
}

static void test_missing_parts(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "399 \"only text\", 399 agent, 399, \"x\", 399\"glued\"");
    assert_int_equal(r.n, 5);
    expect(&r.v[0], "399", 399, "", "only text", OK | SA_WARNING_NO_AGENT);
    expect(&r.v[1], "399", 399, "agent", "", SA_WARNING_CODE_OK | SA_WARNING_NO_TEXT);
    expect(&r.v[2], "399", 399, "", "", SA_WARNING_CODE_OK | SA_WARNING_NO_AGENT | SA_WARNING_NO_TEXT);
    expect(&r.v[3], "", 0, "", "x", SA_WARNING_BAD_CODE | SA_WARNING_NO_AGENT | SA_WARNING_HAS_TEXT);
    expect(&r.v[4], "399", 399, "", "glued", OK | SA_WARNING_NO_AGENT);
    done(&r);
}

static void test_text_problems(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "399 a not quoted at all, 399 a \"x\" trailing, 399 a \"x\"\"y\"");
    assert_int_equal(r.n, 3);
    expect(&r.v[0], "399", 399, "a", "not quoted at all", OK | SA_WARNING_TEXT_NOT_QUOTED);
    expect(&r.v[1], "399", 399, "a", "x", OK | SA_WARNING_GARBAGE);
    expect(&r.v[2], "399", 399, "a", "x", OK | SA_WARNING_GARBAGE);
    done(&r);
    /* the text closes at the quote before c; the last quote never closes, so no comma splits */
    PARSE(r, "399 a \"unclosed, 300 b \"c\"");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "399", 399, "a", "unclosed, 300 b ", OK | SA_WARNING_GARBAGE | SA_WARNING_UNCLOSED_QUOTE);
    done(&r);
    PARSE(r, "399 a \"unclosed, 300 b");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "399", 399, "a", "unclosed, 300 b", OK | SA_WARNING_UNCLOSED_QUOTE);
    done(&r);
    PARSE(r, "399 a \"x\" \"y");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "399", 399, "a", "x", OK | SA_WARNING_GARBAGE | SA_WARNING_UNCLOSED_QUOTE);
    done(&r);
    PARSE(r, "399 a \"ends in a backslash\\");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "399", 399, "a", "ends in a backslash\\", OK | SA_WARNING_UNCLOSED_QUOTE);
    done(&r);
}

static void test_empty_values(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "", 0, "", "", SA_WARNING_EMPTY);
    done(&r);
    PARSE(r, " \r\n\t ");
    assert_int_equal(r.n, 1);
    expect(&r.v[0], "", 0, "", "", SA_WARNING_EMPTY);
    done(&r);
    PARSE(r, "399 a \"x\",,");
    assert_int_equal(r.n, 3);
    expect(&r.v[0], "399", 399, "a", "x", OK);
    expect(&r.v[1], "", 0, "", "", SA_WARNING_EMPTY);
    expect(&r.v[2], "", 0, "", "", SA_WARNING_EMPTY);
    done(&r);
    struct sa_warning_iter it;
    struct sa_warning w;
    sa_warning_iter_init(&it, (struct sa_slice){ NULL, 0 });
    assert_true(sa_warning_next(&it, &w));
    assert_int_equal(w.flags, SA_WARNING_EMPTY);
    assert_false(sa_warning_next(&it, &w));
}

static void test_nul_and_ff_bytes(void **state)
{
    (void)state;
    struct parsed r;
    PARSE(r, "3\0009 a \"x\",399 \xff\0 \"t\0\xff\"");
    assert_int_equal(r.n, 2);
    assert_int_equal(r.v[0].flags, SA_WARNING_BAD_CODE | SA_WARNING_HAS_TEXT);
    assert_bytes(r.v[0].code_raw, "3\0009", 3);
    assert_int_equal(r.v[1].flags, OK);
    assert_bytes(r.v[1].agent, "\xff\0", 2);
    assert_bytes(r.v[1].text, "t\0\xff", 3);
    done(&r);
}

static void test_value_cap(void **state)
{
    (void)state;
    char *commas = eb_repeat(',', 1000, "");
    struct parsed r;
    parse_bytes(&r, commas, 1000);
    assert_int_equal(r.n, SA_WARNING_MAX_VALUES);
    for (size_t i = 0; i < r.n; i++)
        assert_int_equal(r.v[i].flags, SA_WARNING_EMPTY);
    assert_true(r.truncated);
    done(&r);
    free(commas);

    char buf[512] = "";
    for (int i = 0; i < 16; i++)
        strcat(buf, i ? ",399 a \"x\"" : "399 a \"x\"");
    parse_bytes(&r, buf, strlen(buf));
    assert_int_equal(r.n, 16);
    assert_false(r.truncated);
    done(&r);
    strcat(buf, ",300 b \"y\"");
    parse_bytes(&r, buf, strlen(buf));
    assert_int_equal(r.n, 16);
    assert_true(r.truncated);
    done(&r);

    char *digits = eb_repeat('9', 100000, " a \"x\"");
    parse_bytes(&r, digits, strlen(digits));
    assert_int_equal(r.n, 1);
    assert_int_equal(r.v[0].flags, SA_WARNING_BAD_CODE | SA_WARNING_HAS_TEXT);
    assert_int_equal(r.v[0].code_raw.len, 100000);
    done(&r);
    free(digits);
}

static void test_every_prefix_stays_inside(void **state)
{
    (void)state;
    static const char trap[] = "399 [::1]:5060 \"a,\\\"b\\\\\" ,3999\r\n x y z,\"\"\", 300 \xff\0 \"t\\";
    for (size_t n = 0; n < sizeof trap; n++) {
        struct parsed r;
        parse_bytes(&r, trap, n);
        assert_true(r.n >= 1);
        done(&r);
    }
}

static void test_every_byte_everywhere(void **state)
{
    (void)state;
    static const char base[] = "399 a.example \"x, y\",301 b \"z\"";
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

static void test_warn_code_table(void **state)
{
    (void)state;
    static const unsigned registered[] = { 300, 301, 302, 303, 304, 305, 306, 307,
                                           308, 330, 331, 370, 380, 381, 399 };
    size_t n = sizeof registered / sizeof registered[0];
    assert_int_equal(sa_warn_code_count(), n);
    for (size_t i = 0; i < n; i++) {
        const struct sa_warn_code_info *c = sa_warn_code_at(i);
        assert_non_null(c);
        assert_int_equal(c->code, registered[i]);
        assert_ptr_equal(sa_warn_code_lookup(registered[i]), c);
        for (const char *s = c->meaning; *s; s++) /* plain ASCII */
            assert_true(*s >= 0x20 && *s <= 0x7e);
        for (const char *s = c->text; *s; s++)
            assert_true(*s >= 0x20 && *s <= 0x7e);
        assert_true(strlen(c->text) > 0 && strlen(c->meaning) > 0);
        assert_true(strncmp(c->rfc, "RFC", 3) == 0);
    }
    assert_null(sa_warn_code_at(n));
    assert_string_equal(sa_warn_code_lookup(300)->text, "Incompatible network protocol");
    assert_string_equal(sa_warn_code_lookup(305)->text, "Incompatible media format");
    assert_string_equal(sa_warn_code_lookup(308)->text, "Incompatible language specification");
    assert_string_equal(sa_warn_code_lookup(308)->rfc, "RFC8373");
    assert_string_equal(sa_warn_code_lookup(370)->text, "Insufficient bandwidth");
    assert_string_equal(sa_warn_code_lookup(380)->text, "SIPS Not Allowed");
    assert_string_equal(sa_warn_code_lookup(381)->text, "SIPS Required");
    assert_string_equal(sa_warn_code_lookup(381)->rfc, "RFC5630");
    assert_string_equal(sa_warn_code_lookup(399)->text, "Miscellaneous warning");
    assert_null(sa_warn_code_lookup(0));
    assert_null(sa_warn_code_lookup(199));
    assert_null(sa_warn_code_lookup(309));
    assert_null(sa_warn_code_lookup(398));
    assert_null(sa_warn_code_lookup(65535 + 300u));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_warning),
        cmocka_unit_test(test_several_and_agents),
        cmocka_unit_test(test_escapes_kept),
        cmocka_unit_test(test_bad_codes),
        cmocka_unit_test(test_missing_parts),
        cmocka_unit_test(test_text_problems),
        cmocka_unit_test(test_empty_values),
        cmocka_unit_test(test_nul_and_ff_bytes),
        cmocka_unit_test(test_value_cap),
        cmocka_unit_test(test_every_prefix_stays_inside),
        cmocka_unit_test(test_every_byte_everywhere),
        cmocka_unit_test(test_warn_code_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
