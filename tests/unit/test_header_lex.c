/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The shared lexical pieces of header values: quoted strings, comma elements, numbers and the
 * parameter reader, on exact-length inputs (see exact_bytes.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "exact_bytes.h"
#include "header_lex.h"

static void assert_slice_is(struct sa_slice s, const char *lit)
{
    size_t n = strlen(lit);
    assert_int_equal(s.len, n);
    if (n)
        assert_memory_equal(s.ptr, lit, n);
}

static void test_token_chars(void **state)
{
    (void)state;
    const char *token = "abcXYZ019-.!%*_+`'~";
    for (const char *p = token; *p; p++)
        assert_true(sa_lex_is_token_char(*p));
    const char *other = " \t\r\n\"(),/:;<=>?@[\\]{}";
    for (const char *p = other; *p; p++)
        assert_false(sa_lex_is_token_char(*p));
    assert_false(sa_lex_is_token_char('\0'));
    assert_false(sa_lex_is_token_char((char)0xff));
    assert_false(sa_lex_is_token_char((char)0x80));
}

static void test_quoted_end(void **state)
{
    (void)state;
    struct sa_slice s = eb_str("\"a\\\"b\" x");
    assert_ptr_equal(sa_lex_quoted_end(s.ptr, s.ptr + s.len), s.ptr + 6);
    eb_free(s);
    s = eb_str("\"open");
    assert_null(sa_lex_quoted_end(s.ptr, s.ptr + s.len));
    eb_free(s);
    s = eb_str("\"ends in a backslash\\");
    assert_null(sa_lex_quoted_end(s.ptr, s.ptr + s.len));
    eb_free(s);
    s = eb_str("\"\\\\\"");
    assert_ptr_equal(sa_lex_quoted_end(s.ptr, s.ptr + s.len), s.ptr + 4);
    eb_free(s);
    s = eb_str("\"");
    assert_null(sa_lex_quoted_end(s.ptr, s.ptr + s.len));
    eb_free(s);
}

static void test_element_end(void **state)
{
    (void)state;
    bool unclosed;
    struct sa_slice s = eb_str("a;t=\"x,y\",b");
    assert_ptr_equal(sa_lex_element_end(s.ptr, s.ptr + s.len, &unclosed), s.ptr + 9);
    assert_false(unclosed);
    eb_free(s);
    s = eb_str("a;t=\"x,y,b");
    assert_ptr_equal(sa_lex_element_end(s.ptr, s.ptr + s.len, &unclosed), s.ptr + s.len);
    assert_true(unclosed);
    eb_free(s);
    s = eb_str("");
    assert_ptr_equal(sa_lex_element_end(s.ptr, s.ptr + s.len, &unclosed), s.ptr);
    assert_false(unclosed);
    eb_free(s);
}

static void test_uint(void **state)
{
    (void)state;
    uint32_t v = 7;
    assert_int_equal(sa_lex_uint((struct sa_slice){ "0", 1 }, 10, 0, &v), SA_NUM_OK);
    assert_int_equal(v, 0);
    assert_int_equal(sa_lex_uint((struct sa_slice){ "4294967295", 10 }, 0xFFFFFFFFu, 0, &v), SA_NUM_OK);
    assert_int_equal(v, 4294967295u);
    v = 7;
    assert_int_equal(sa_lex_uint((struct sa_slice){ "4294967296", 10 }, 0xFFFFFFFFu, 0, &v), SA_NUM_TOO_BIG);
    assert_int_equal(v, 7); /* untouched */
    assert_int_equal(sa_lex_uint((struct sa_slice){ "000000000000000016", 18 }, 100, 0, &v), SA_NUM_OK);
    assert_int_equal(v, 16);
    assert_int_equal(sa_lex_uint((struct sa_slice){ "00000000016", 11 }, 100, 10, &v), SA_NUM_TOO_BIG);
    assert_int_equal(sa_lex_uint((struct sa_slice){ "", 0 }, 100, 0, &v), SA_NUM_NOT_DIGITS);
    assert_int_equal(sa_lex_uint((struct sa_slice){ "1a", 2 }, 100, 0, &v), SA_NUM_NOT_DIGITS);
    assert_int_equal(sa_lex_uint((struct sa_slice){ "-1", 2 }, 100, 0, &v), SA_NUM_NOT_DIGITS);
    assert_int_equal(sa_lex_uint((struct sa_slice){ "1\0", 2 }, 100, 0, &v), SA_NUM_NOT_DIGITS);
    assert_int_equal(sa_lex_uint((struct sa_slice){ "999999999999999999999x", 22 }, 100, 0, &v),
                     SA_NUM_NOT_DIGITS);
    char *huge = eb_repeat('9', 100000, "");
    assert_int_equal(sa_lex_uint((struct sa_slice){ huge, 100000 }, 0xFFFFFFFFu, 0, &v), SA_NUM_TOO_BIG);
    free(huge);
}

static void test_params(void **state)
{
    (void)state;
    struct sa_slice s = eb_str(" ;a=1 ; B = \"x;y\" ;c;d=[::1]:5 ");
    struct sa_param_iter it;
    struct sa_lex_param p;
    sa_param_iter_init(&it, s.ptr, s.ptr + s.len);
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "a");
    assert_slice_is(p.value, "1");
    assert_true(p.has_value);
    assert_false(p.quoted);
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "B");
    assert_slice_is(p.value, "x;y");
    assert_true(p.quoted);
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "c");
    assert_false(p.has_value);
    assert_int_equal(p.value.len, 0);
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "d");
    assert_slice_is(p.value, "[::1]:5");
    assert_false(sa_param_next(&it, &p));
    assert_false(sa_param_next(&it, &p)); /* stays at the end */
    assert_false(it.garbage);
    assert_false(it.unclosed);
    eb_free(s);
}

/* Garbage is skipped to the next ';' outside quotes; what follows is still read. */
static void test_params_after_garbage(void **state)
{
    (void)state;
    struct sa_slice s = eb_str("junk \"q;x\" more;;;=5;a=1 x;b=\"open;c=3");
    struct sa_param_iter it;
    struct sa_lex_param p;
    sa_param_iter_init(&it, s.ptr, s.ptr + s.len);
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "a");
    assert_slice_is(p.value, "1");
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "b");
    assert_slice_is(p.value, "open;c=3");
    assert_true(p.unclosed);
    assert_false(sa_param_next(&it, &p));
    assert_true(it.garbage);
    assert_true(it.unclosed);
    eb_free(s);
}

static void test_params_hostile(void **state)
{
    (void)state;
    char *semis = eb_repeat(';', 100000, "a=1");
    struct sa_slice s = eb_str(semis);
    struct sa_param_iter it;
    struct sa_lex_param p;
    sa_param_iter_init(&it, s.ptr, s.ptr + s.len);
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "a");
    assert_false(sa_param_next(&it, &p));
    assert_true(it.garbage);
    eb_free(s);
    free(semis);

    s = eb_copy("\0;\xff=\x01;a=\0\xff", 10);
    sa_param_iter_init(&it, s.ptr, s.ptr + s.len);
    assert_true(sa_param_next(&it, &p));
    assert_slice_is(p.name, "a");
    assert_int_equal(p.value.len, 2);
    assert_memory_equal(p.value.ptr, "\0\xff", 2);
    assert_false(sa_param_next(&it, &p));
    assert_true(it.garbage);
    eb_free(s);

    s = eb_copy("", 0);
    sa_param_iter_init(&it, s.ptr, s.ptr + s.len);
    assert_false(sa_param_next(&it, &p));
    assert_false(it.garbage);
    eb_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_chars),
        cmocka_unit_test(test_quoted_end),
        cmocka_unit_test(test_element_end),
        cmocka_unit_test(test_uint),
        cmocka_unit_test(test_params),
        cmocka_unit_test(test_params_after_garbage),
        cmocka_unit_test(test_params_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
