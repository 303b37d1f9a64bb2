/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The text buffer and the escaper (src/text_buf.c): capture bytes come out as printable UTF-8,
 * and a text cut because its buffer is full is never cut inside a character. */
#include "test_support.h"

#include "text_buf.h"

/* Escapes n bytes into a static buffer, checking sa_escaped_len(), sa_escape() and
 * sa_text_add_escaped() agree. */
static const char *esc(const char *s, size_t n)
{
    static char out[512];
    size_t len = sa_escaped_len(s, n);
    assert_true(len < sizeof out);
    assert_int_equal(sa_escape(out, s, n), len);
    out[len] = '\0';
    char again[512];
    struct sa_text t;
    sa_text_init(&t, again, sizeof again);
    sa_text_add_escaped(&t, s, n);
    assert_int_equal(t.len, len);
    assert_string_equal(again, out);
    return out;
}

#define ESC(lit) esc(lit, sizeof(lit) - 1)

/* Whether s is well-formed UTF-8 without C0, DEL or C1 controls. */
static bool printable_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k = sa_utf8_char_len(p + i, n - i);
        if (k == 0 || (k == 1 && (p[i] < 0x20 || p[i] == 0x7F)) || (k == 2 && p[i] == 0xC2 && p[i + 1] < 0xA0))
            return false;
        i += k;
    }
    return true;
}

static void test_escape_keeps_printable_text(void **state)
{
    (void)state;
    assert_string_equal(ESC("INVITE"), "INVITE");
    assert_string_equal(ESC("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    assert_string_equal(ESC(""), "");
}

/* The CSeq method of issue 18: an invalid byte pair, then a terminal's clear-screen sequence. */
static void test_escape_hostile_method(void **state)
{
    (void)state;
    assert_string_equal(ESC("\xff\xfeM\x1b[2J"), "\\xff\\xfeM\\x1b[2J");
}

static void test_escape_controls(void **state)
{
    (void)state;
    assert_string_equal(ESC("a\tb\r\n\x7f"), "a\\x09b\\x0d\\x0a\\x7f");
    assert_string_equal(esc("a\0b", 3), "a\\x00b");
    assert_string_equal(ESC("a\xc2\x85" "b"), "a\\xc2\\x85b"); /* C1 NEL, per byte */
    assert_string_equal(ESC("\xc2\xa0"), "\xc2\xa0");           /* U+00A0 is printable */
}

static void test_escape_backslash_doubled(void **state)
{
    (void)state;
    assert_string_equal(ESC("a\\x1b"), "a\\\\x1b");
}

static void test_escape_ill_formed_utf8(void **state)
{
    (void)state;
    assert_string_equal(ESC("x\x80y"), "x\\x80y");                 /* lone continuation */
    assert_string_equal(ESC("x\xc3"), "x\\xc3");                   /* cut at the end */
    assert_string_equal(ESC("\xc3(z"), "\\xc3(z");                 /* lead without continuation */
    assert_string_equal(ESC("\xc0\xaf"), "\\xc0\\xaf");             /* overlong */
    assert_string_equal(ESC("\xed\xa0\x80"), "\\xed\\xa0\\x80");     /* surrogate */
    assert_string_equal(ESC("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80"); /* above U+10FFFF */
    assert_string_equal(ESC("\xe2\x82" "a"), "\\xe2\\x82a");        /* three-byte form cut short */
}

/* Every single byte and every byte pair escapes to printable UTF-8 of the announced length. */
static void test_escape_every_byte_pair_printable(void **state)
{
    (void)state;
    for (unsigned a = 0; a < 256; a++) {
        for (unsigned b = 0; b < 256; b++) {
            char in[2] = { (char)a, (char)b };
            const char *out = esc(in, 2);
            assert_true(printable_utf8(out));
        }
    }
}

static void test_utf8_cut(void **state)
{
    (void)state;
    const char *s = "a\xc3\xa9" "b\xe2\x82\xac" "c\xf0\x9f\x98\x80";
    /* a é b € c 😀 : 1 2 1 3 1 4 bytes */
    size_t want[] = { 0, 1, 1, 3, 4, 4, 4, 7, 8, 8, 8, 8, 12 };
    for (size_t n = 0; n < sizeof want / sizeof want[0]; n++)
        assert_int_equal(sa_utf8_cut(s, n), want[n]);
    assert_int_equal(sa_utf8_cut("ab\xff", 3), 3); /* not a lead byte: nothing to back off */
}

/* A buffer that fills up inside a character ends before it, for each way of adding text, and
 * nothing added later is written after the cut; len still counts everything. */
static void test_text_cut_at_character(void **state)
{
    (void)state;
    const char *word = "\xe2\x82\xac\xe2\x82\xac"; /* €€, 6 bytes */
    for (size_t size = 1; size <= 8; size++) {
        char buf[16];
        struct sa_text t;
        sa_text_init(&t, buf, size);
        sa_text_add(&t, word);
        sa_text_add(&t, "x");
        assert_int_equal(t.len, 7);
        assert_int_equal(strlen(buf), size <= 3 ? 0 : size <= 6 ? 3 : size == 7 ? 6 : 7);
        assert_true(printable_utf8(buf));

        sa_text_init(&t, buf, size);
        sa_text_addf(&t, "%s", word);
        sa_text_add(&t, "x");
        assert_int_equal(t.len, 7);
        assert_int_equal(strlen(buf), size <= 3 ? 0 : size <= 6 ? 3 : size == 7 ? 6 : 7);

        sa_text_init(&t, buf, size);
        sa_text_add_escaped(&t, "\xe2\x82\xac\x1b", 4); /* € then \x1b: units 3 and 4 bytes */
        sa_text_add(&t, "x");
        assert_int_equal(t.len, 8);
        assert_int_equal(strlen(buf), size <= 3 ? 0 : size <= 7 ? 3 : 7);
    }
}

static void test_text_escaped_after_plain(void **state)
{
    (void)state;
    char buf[64];
    struct sa_text t;
    sa_text_init(&t, buf, sizeof buf);
    sa_text_add(&t, "The ");
    sa_text_add_escaped(&t, "\xff\xfeM\x1b[2J", 7);
    sa_text_addf(&t, " in frame %u", 3u);
    assert_string_equal(buf, "The \\xff\\xfeM\\x1b[2J in frame 3");
    assert_int_equal(t.len, strlen(buf));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_keeps_printable_text),
        cmocka_unit_test(test_escape_hostile_method),
        cmocka_unit_test(test_escape_controls),
        cmocka_unit_test(test_escape_backslash_doubled),
        cmocka_unit_test(test_escape_ill_formed_utf8),
        cmocka_unit_test(test_escape_every_byte_pair_printable),
        cmocka_unit_test(test_utf8_cut),
        cmocka_unit_test(test_text_cut_at_character),
        cmocka_unit_test(test_text_escaped_after_plain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
