/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Session-Expires and Min-SE values (RFC 4028): every field and flag exactly, well-formed,
 * malformed and hostile values, from exact-length copies (exact_bytes.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "exact_bytes.h"
#include "session_timer.h"

static void assert_bytes(struct sa_slice s, const char *bytes, size_t n)
{
    assert_int_equal(s.len, n);
    if (n)
        assert_memory_equal(s.ptr, bytes, n);
}

struct expected {
    const char *seconds_raw;
    uint32_t seconds;
    enum sa_refresher refresher;
    const char *refresher_raw;
    unsigned flags;
};

static void check(struct sa_slice in, const struct sa_session_interval *si, bool ok, const struct expected *e)
{
    assert_true(eb_within(si->seconds_raw, in));
    assert_true(eb_within(si->refresher_raw, in));
    assert_int_equal(ok, (si->flags & SA_SI_VALID) != 0);
    assert_bytes(si->seconds_raw, e->seconds_raw, strlen(e->seconds_raw));
    assert_int_equal(si->seconds, e->seconds);
    assert_int_equal(si->refresher, e->refresher);
    assert_bytes(si->refresher_raw, e->refresher_raw, strlen(e->refresher_raw));
    assert_int_equal(si->flags, e->flags);
}

/* Parses len bytes as a Session-Expires (min_se false) or Min-SE value and checks every field. */
static void expect_bytes(bool min_se, const char *bytes, size_t len, struct expected e)
{
    struct sa_slice in = eb_copy(bytes, len);
    struct sa_session_interval si;
    memset(&si, 0xA5, sizeof si); /* every field must be written */
    bool ok = min_se ? sa_min_se_parse(in, &si) : sa_session_expires_parse(in, &si);
    check(in, &si, ok, &e);
    eb_free(in);
}
#define SE(lit, ...) expect_bytes(false, (lit), sizeof(lit) - 1, (struct expected){ __VA_ARGS__ })
#define MIN_SE(lit, ...) expect_bytes(true, (lit), sizeof(lit) - 1, (struct expected){ __VA_ARGS__ })

#define GOOD (SA_SI_PRESENT | SA_SI_VALID)

static void test_floor(void **state)
{
    (void)state;
    assert_int_equal(SA_MIN_SE_FLOOR, 90);
}

static void test_session_expires(void **state)
{
    (void)state;
    SE("1800", "1800", 1800, SA_REFRESHER_NONE, "", GOOD);
    SE("1800;refresher=uac", "1800", 1800, SA_REFRESHER_UAC, "uac", GOOD);
    SE("  1800 ; Refresher = UAS  ", "1800", 1800, SA_REFRESHER_UAS, "UAS", GOOD);
    SE("90;foo=bar;refresher=uas;baz=\"q;x\"", "90", 90, SA_REFRESHER_UAS, "uas", GOOD);
    SE("1800\r\n ;refresher=uac", "1800", 1800, SA_REFRESHER_UAC, "uac", GOOD); /* folded */
    SE("0", "0", 0, SA_REFRESHER_NONE, "", GOOD);
    SE("4294967295", "4294967295", 4294967295u, SA_REFRESHER_NONE, "", GOOD);
    SE("000000000000000000000000090", "000000000000000000000000090", 90, SA_REFRESHER_NONE, "", GOOD);
}

static void test_bad_refreshers(void **state)
{
    (void)state;
    SE("1800;refresher=both", "1800", 1800, SA_REFRESHER_OTHER, "both", GOOD | SA_SI_BAD_REFRESHER);
    SE("1800;refresher", "1800", 1800, SA_REFRESHER_OTHER, "", GOOD | SA_SI_BAD_REFRESHER);
    SE("1800;refresher=", "1800", 1800, SA_REFRESHER_OTHER, "", GOOD | SA_SI_BAD_REFRESHER);
    SE("1800;refresher=\"uac\"", "1800", 1800, SA_REFRESHER_OTHER, "uac", GOOD | SA_SI_BAD_REFRESHER);
    SE("1800;refresher=uac;refresher=uas", "1800", 1800, SA_REFRESHER_UAC, "uac", GOOD | SA_SI_DUPLICATE);
    SE("1800;refresher=uacx", "1800", 1800, SA_REFRESHER_OTHER, "uacx", GOOD | SA_SI_BAD_REFRESHER);
}

static void test_bad_numbers(void **state)
{
    (void)state;
    SE("", "", 0, SA_REFRESHER_NONE, "", SA_SI_EMPTY);
    SE(" \t\r\n ", "", 0, SA_REFRESHER_NONE, "", SA_SI_EMPTY);
    SE("abc", "abc", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_NOT_NUMERIC);
    SE("90abc", "90abc", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_NOT_NUMERIC);
    SE("-90", "-90", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_NOT_NUMERIC);
    SE("+90", "+90", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_NOT_NUMERIC);
    SE("4294967296", "4294967296", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_OVERFLOW);
    SE(";refresher=uac", "", 0, SA_REFRESHER_UAC, "uac", SA_SI_PRESENT | SA_SI_NOT_NUMERIC);
    SE("\"90\"", "", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_NOT_NUMERIC | SA_SI_GARBAGE);
    SE("\xff", "\xff", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_NOT_NUMERIC);

    struct sa_session_interval si;
    struct sa_slice in = eb_copy("9\0000", 3); /* a NUL among the digits */
    assert_false(sa_session_expires_parse(in, &si));
    assert_int_equal(si.flags, SA_SI_PRESENT | SA_SI_NOT_NUMERIC);
    assert_bytes(si.seconds_raw, "9\0000", 3);
    eb_free(in);

    char *huge = eb_repeat('9', 100000, ";refresher=uas");
    in = eb_str(huge);
    assert_false(sa_session_expires_parse(in, &si));
    assert_int_equal(si.flags, SA_SI_PRESENT | SA_SI_OVERFLOW);
    assert_int_equal(si.seconds_raw.len, 100000);
    assert_int_equal(si.seconds, 0);
    assert_int_equal(si.refresher, SA_REFRESHER_UAS);
    eb_free(in);
    free(huge);
}

static void test_garbage(void **state)
{
    (void)state;
    SE("1800 3600", "1800", 1800, SA_REFRESHER_NONE, "", GOOD | SA_SI_GARBAGE);
    SE("1800,3600;refresher=uac", "1800", 1800, SA_REFRESHER_UAC, "uac", GOOD | SA_SI_GARBAGE);
    SE("1800;", "1800", 1800, SA_REFRESHER_NONE, "", GOOD | SA_SI_GARBAGE);
    SE("1800;refresher=uac x", "1800", 1800, SA_REFRESHER_UAC, "uac", GOOD | SA_SI_GARBAGE);
    SE("1800;x=\"open", "1800", 1800, SA_REFRESHER_NONE, "", GOOD | SA_SI_UNCLOSED_QUOTE);
    SE("1800 \"open", "1800", 1800, SA_REFRESHER_NONE, "", GOOD | SA_SI_GARBAGE | SA_SI_UNCLOSED_QUOTE);
    SE("90;\0;\xff;refresher=uas", "90", 90, SA_REFRESHER_UAS, "uas", GOOD | SA_SI_GARBAGE);

    char *semis = eb_repeat(';', 100000, "refresher=uac");
    char *value = malloc(strlen(semis) + 3);
    assert_non_null(value);
    memcpy(value, "90", 2);
    memcpy(value + 2, semis, strlen(semis) + 1);
    expect_bytes(false, value, strlen(value),
                 (struct expected){ "90", 90, SA_REFRESHER_UAC, "uac", GOOD | SA_SI_GARBAGE });
    free(value);
    free(semis);
    char *commas = eb_repeat(',', 1000, "");
    expect_bytes(false, commas, 1000, (struct expected){ "", 0, SA_REFRESHER_NONE, "",
                                                         SA_SI_PRESENT | SA_SI_NOT_NUMERIC | SA_SI_GARBAGE });
    free(commas);
}

/* Min-SE has generic parameters only: a "refresher" there is not read. */
static void test_min_se(void **state)
{
    (void)state;
    MIN_SE("90", "90", 90, SA_REFRESHER_NONE, "", GOOD);
    MIN_SE(" 1800 ;foo=bar ", "1800", 1800, SA_REFRESHER_NONE, "", GOOD);
    MIN_SE("90;refresher=uac;refresher=junk", "90", 90, SA_REFRESHER_NONE, "", GOOD);
    MIN_SE("60", "60", 60, SA_REFRESHER_NONE, "", GOOD); /* below the floor: a finding, not a parse error */
    MIN_SE("", "", 0, SA_REFRESHER_NONE, "", SA_SI_EMPTY);
    MIN_SE("x", "x", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_NOT_NUMERIC);
    MIN_SE("99999999999", "99999999999", 0, SA_REFRESHER_NONE, "", SA_SI_PRESENT | SA_SI_OVERFLOW);
    MIN_SE("90;a=\"b", "90", 90, SA_REFRESHER_NONE, "", GOOD | SA_SI_UNCLOSED_QUOTE);
}

static void test_null_slice(void **state)
{
    (void)state;
    struct sa_session_interval si;
    assert_false(sa_session_expires_parse((struct sa_slice){ NULL, 0 }, &si));
    assert_int_equal(si.flags, SA_SI_EMPTY);
    assert_false(sa_min_se_parse((struct sa_slice){ NULL, 0 }, &si));
    assert_int_equal(si.flags, SA_SI_EMPTY);
}

static void test_every_prefix_and_byte(void **state)
{
    (void)state;
    static const char trap[] = " 1800\r\n ;refresher=\"uac\\\";x;=;refresher=uas, 99 \xff\0\"";
    for (size_t n = 0; n < sizeof trap; n++) {
        for (int min_se = 0; min_se < 2; min_se++) {
            struct sa_slice in = eb_copy(trap, n);
            struct sa_session_interval si;
            (void)(min_se ? sa_min_se_parse(in, &si) : sa_session_expires_parse(in, &si));
            assert_true(eb_within(si.seconds_raw, in));
            assert_true(eb_within(si.refresher_raw, in));
            eb_free(in);
        }
    }
    static const char base[] = "1800;refresher=uac";
    char buf[sizeof base];
    for (size_t pos = 0; pos < sizeof base - 1; pos++) {
        for (int b = 0; b < 256; b++) {
            memcpy(buf, base, sizeof base - 1);
            buf[pos] = (char)b;
            struct sa_slice in = eb_copy(buf, sizeof base - 1);
            struct sa_session_interval si;
            bool ok = sa_session_expires_parse(in, &si);
            assert_true(eb_within(si.seconds_raw, in));
            assert_true(eb_within(si.refresher_raw, in));
            assert_int_equal(ok, (si.flags & SA_SI_VALID) != 0);
            assert_true(si.refresher <= SA_REFRESHER_OTHER);
            eb_free(in);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_floor),
        cmocka_unit_test(test_session_expires),
        cmocka_unit_test(test_bad_refreshers),
        cmocka_unit_test(test_bad_numbers),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_min_se),
        cmocka_unit_test(test_null_slice),
        cmocka_unit_test(test_every_prefix_and_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
