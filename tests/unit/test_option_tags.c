/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Option-tag iteration over parsed messages, presence, the owned tag list (builder, finish,
 * next, has, cuts), the text buffer's snprintf semantics and sa_ext_text_tags. */
#include "test_support.h"

#include "extension_check.h"
#include "option_tags.h"
#include "tag_list.h"
#include "text_buf.h"

#define REQ_LINE "OPTIONS sip:bob@b.example SIP/2.0\r\n"

static struct sa_message parse(const char *text)
{
    struct sa_message m;
    assert_true(sa_message_parse(text, strlen(text), &m));
    return m;
}

/* Joins every tag of header h as "a|b|c" into buf. */
static const char *tags_of(const struct sa_message *m, enum sa_tag_header h, char *buf, size_t size)
{
    struct sa_text t;
    struct sa_tag_iter it;
    struct sa_slice tag;
    sa_text_init(&t, buf, size);
    sa_tag_iter_init(&it, m, h);
    while (sa_tag_iter_next(&it, &tag)) {
        if (t.len)
            sa_text_add(&t, "|");
        sa_text_addn(&t, tag.ptr, tag.len);
    }
    return buf;
}

/* ---- iteration -------------------------------------------------------------------------- */

static void test_iter_across_lines_in_order(void **state)
{
    (void)state;
    char buf[256];
    struct sa_message m = parse(REQ_LINE "Supported: a, b\r\nRequire: r1\r\nk: c\r\nSupported: d\r\n\r\n");
    assert_string_equal(tags_of(&m, SA_HDR_SUPPORTED, buf, sizeof buf), "a|b|c|d");
    assert_string_equal(tags_of(&m, SA_HDR_REQUIRE, buf, sizeof buf), "r1");
    assert_string_equal(tags_of(&m, SA_HDR_UNSUPPORTED, buf, sizeof buf), "");
}

static void test_iter_trims_white_space_and_folding(void **state)
{
    (void)state;
    char buf[256];
    struct sa_message m = parse(REQ_LINE "Require:  a ,\t b\t,\r\n  c  \r\n\tdd ,e\r\n\r\n");
    assert_string_equal(tags_of(&m, SA_HDR_REQUIRE, buf, sizeof buf), "a|b|c  \r\n\tdd|e");
}

static void test_iter_skips_empty_entries(void **state)
{
    (void)state;
    char buf[256];
    struct sa_message m = parse(REQ_LINE "Supported: ,,a,, ,b,\r\nSupported:\r\nSupported: ,\r\nSupported: c\r\n\r\n");
    assert_string_equal(tags_of(&m, SA_HDR_SUPPORTED, buf, sizeof buf), "a|b|c");
}

static void test_iter_without_lines_ends_at_once(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "\r\n");
    struct sa_tag_iter it;
    struct sa_slice tag = { "unchanged", 9 };
    sa_tag_iter_init(&it, &m, SA_HDR_SUPPORTED);
    assert_false(sa_tag_iter_next(&it, &tag));
    assert_false(sa_tag_iter_next(&it, &tag));
    assert_slice(tag, "unchanged");
}

static void test_iter_stays_ended(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Require: x\r\n\r\n");
    struct sa_tag_iter it;
    struct sa_slice tag;
    sa_tag_iter_init(&it, &m, SA_HDR_REQUIRE);
    assert_true(sa_tag_iter_next(&it, &tag));
    assert_slice(tag, "x");
    assert_false(sa_tag_iter_next(&it, &tag));
    assert_false(sa_tag_iter_next(&it, &tag));
}

/* ---- lists_tag and presence ------------------------------------------------------------- */

static void test_lists_tag_case_insensitive(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Supported: 100REL, Timer\r\nRequire: path\r\n\r\n");
    assert_true(sa_message_lists_tag(&m, SA_HDR_SUPPORTED, ts_slice("100rel")));
    assert_true(sa_message_lists_tag(&m, SA_HDR_SUPPORTED, ts_slice("TIMER")));
    assert_false(sa_message_lists_tag(&m, SA_HDR_SUPPORTED, ts_slice("100re")));
    assert_false(sa_message_lists_tag(&m, SA_HDR_SUPPORTED, ts_slice("path")));
    assert_true(sa_message_lists_tag(&m, SA_HDR_REQUIRE, ts_slice("PATH")));
}

static void test_presence_absent(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Require: x\r\n\r\n");
    assert_int_equal(sa_message_tag_presence(&m, SA_HDR_SUPPORTED), SA_TAGS_ABSENT);
}

static void test_presence_empty(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Supported:\r\n\r\n");
    assert_int_equal(sa_message_tag_presence(&m, SA_HDR_SUPPORTED), SA_TAGS_EMPTY);
    m = parse(REQ_LINE "Supported: , ,\r\nk:\r\n\r\n");
    assert_int_equal(sa_message_tag_presence(&m, SA_HDR_SUPPORTED), SA_TAGS_EMPTY);
}

static void test_presence_listed(void **state)
{
    (void)state;
    struct sa_message m = parse(REQ_LINE "Supported:\r\nk: timer\r\n\r\n");
    assert_int_equal(sa_message_tag_presence(&m, SA_HDR_SUPPORTED), SA_TAGS_LISTED);
}

/* ---- tag_list --------------------------------------------------------------------------- */

/* Joins a kept list as "a|b|c". */
static const char *list_text(const struct sa_tag_list *l, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(l, &cur); s; s = sa_tag_list_next(l, &cur)) {
        if (t.len)
            sa_text_add(&t, "|");
        sa_text_add(&t, s);
    }
    return buf;
}

static void test_tag_list_builds_and_iterates(void **state)
{
    struct ts_env *env = *state;
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    char buf[128];
    sa_tag_list_builder_init(&b);
    sa_tag_list_builder_add(&b, ts_slice("100rel"));
    sa_tag_list_builder_add(&b, ts_slice("Timer"));
    sa_tag_list_builder_add(&b, ts_slice("x-y"));
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    assert_int_equal(l.count, 3);
    assert_false(l.cut);
    assert_int_equal(l.bytes, 7 + 6 + 4);
    assert_string_equal(list_text(&l, buf, sizeof buf), "100rel|Timer|x-y");
}

static void test_tag_list_empty(void **state)
{
    struct ts_env *env = *state;
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    size_t blocks = env->heap.live_blocks; /* the fixture's analyzer and its tables */
    sa_tag_list_builder_init(&b);
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    assert_int_equal(l.count, 0);
    assert_null(l.data);
    const char *cur = NULL;
    assert_null(sa_tag_list_next(&l, &cur));
    assert_false(sa_tag_list_has(&l, ts_slice("a")));
    assert_int_equal(env->heap.live_blocks, blocks); /* an empty list allocates nothing */
}

static void test_tag_list_has_case_insensitive(void **state)
{
    struct ts_env *env = *state;
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    sa_tag_list_builder_init(&b);
    sa_tag_list_builder_add(&b, ts_slice("Timer"));
    sa_tag_list_builder_add(&b, ts_slice("100rel"));
    assert_true(sa_tag_list_builder_has(&b, ts_slice("TIMER")));
    assert_false(sa_tag_list_builder_has(&b, ts_slice("time")));
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    assert_true(sa_tag_list_has(&l, ts_slice("timer")));
    assert_true(sa_tag_list_has(&l, ts_slice("100REL")));
    assert_false(sa_tag_list_has(&l, ts_slice("100rel ")));
    assert_false(sa_tag_list_has(&l, ts_slice("")));
}

static void test_tag_list_cut_at_max_tags(void **state)
{
    struct ts_env *env = *state;
    static struct sa_tag_list_builder b;
    struct sa_tag_list l;
    char names[SA_MAX_TAGS + 10][8];
    sa_tag_list_builder_init(&b);
    for (int i = 0; i < SA_MAX_TAGS + 10; i++) {
        snprintf(names[i], sizeof names[i], "t%d", i);
        sa_tag_list_builder_add(&b, ts_slice(names[i]));
    }
    assert_int_equal(b.count, SA_MAX_TAGS);
    assert_true(b.cut);
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    assert_int_equal(l.count, SA_MAX_TAGS);
    assert_true(l.cut);
    assert_true(sa_tag_list_has(&l, ts_slice("t255")));
    assert_false(sa_tag_list_has(&l, ts_slice("t256")));
}

static void test_tag_list_exactly_max_tags_not_cut(void **state)
{
    (void)state;
    static struct sa_tag_list_builder b;
    sa_tag_list_builder_init(&b);
    for (int i = 0; i < SA_MAX_TAGS; i++)
        sa_tag_list_builder_add(&b, ts_slice("same"));
    assert_int_equal(b.count, SA_MAX_TAGS);
    assert_false(b.cut);
}

static void test_tag_list_long_tag_cut_to_max_len(void **state)
{
    struct ts_env *env = *state;
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    char longtag[SA_MAX_TAG_LEN + 73];
    memset(longtag, 'q', sizeof longtag - 1);
    longtag[sizeof longtag - 1] = '\0';
    sa_tag_list_builder_init(&b);
    sa_tag_list_builder_add(&b, ts_slice(longtag));
    assert_int_equal(b.tags[0].len, SA_MAX_TAG_LEN);
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    const char *cur = NULL;
    const char *s = sa_tag_list_next(&l, &cur);
    assert_non_null(s);
    assert_int_equal(strlen(s), SA_MAX_TAG_LEN);
    assert_int_equal(l.bytes, SA_MAX_TAG_LEN + 1);
}

static void test_tag_list_nul_inside_tag_escaped(void **state)
{
    struct ts_env *env = *state;
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    char buf[64];
    sa_tag_list_builder_init(&b);
    sa_tag_list_builder_add(&b, (struct sa_slice){ "a\0b", 3 });
    sa_tag_list_builder_add(&b, ts_slice("c"));
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    assert_int_equal(l.count, 2);
    assert_string_equal(list_text(&l, buf, sizeof buf), "a\\x00b|c");
}

/* The one tag a builder holding `raw` keeps, as stored. */
static const char *kept(struct ts_env *env, const char *raw)
{
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    sa_tag_list_builder_init(&b);
    sa_tag_list_builder_add(&b, ts_slice(raw));
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    const char *cur = NULL;
    const char *s = sa_tag_list_next(&l, &cur);
    assert_non_null(s);
    return s;
}

static void test_tag_list_keeps_valid_utf8(void **state)
{
    struct ts_env *env = *state;
    assert_string_equal(kept(env, "caf\xc3\xa9-\xe2\x82\xac-\xf0\x9f\x98\x80"), "caf\xc3\xa9-\xe2\x82\xac-\xf0\x9f\x98\x80");
}

/* Escaped as Wireshark shows such bytes (text_buf.h): \xNN, and a backslash doubled. */
static void test_tag_list_control_bytes_escaped(void **state)
{
    struct ts_env *env = *state;
    assert_string_equal(kept(env, "a\tb\x7f\x01" "c\x1b[2J"), "a\\x09b\\x7f\\x01c\\x1b[2J");
    assert_string_equal(kept(env, "a\\x41"), "a\\\\x41"); /* a written backslash cannot forge an escape */
}

static void test_tag_list_invalid_utf8_escaped(void **state)
{
    struct ts_env *env = *state;
    assert_string_equal(kept(env, "x\x80y"), "x\\x80y");          /* lone continuation byte */
    assert_string_equal(kept(env, "x\xc3"), "x\\xc3");            /* sequence cut at the end */
    assert_string_equal(kept(env, "\xc3(z"), "\\xc3(z");          /* lead byte without continuation */
    assert_string_equal(kept(env, "\xc0\xaf"), "\\xc0\\xaf");      /* overlong 2-byte form */
    assert_string_equal(kept(env, "\xff\xfe"), "\\xff\\xfe");
}

static void test_tag_list_cut_inside_utf8_sequence(void **state)
{
    struct ts_env *env = *state;
    char raw[SA_MAX_TAG_LEN + 8], want[SA_MAX_TAG_LEN + 1];
    memset(raw, 'a', SA_MAX_TAG_LEN - 1);
    memcpy(raw + SA_MAX_TAG_LEN - 1, "\xc3\xa9", 3); /* the cut falls between the two bytes */
    memset(want, 'a', SA_MAX_TAG_LEN - 1);
    want[SA_MAX_TAG_LEN - 1] = '\0'; /* cut before the character, not inside it */
    assert_string_equal(kept(env, raw), want);
}

/* Regression (src/tag_list.c, utf8_len, fixed): only the lead byte's shape and the continuation bytes
 * are checked, so sequences RFC 3629 forbids pass as "valid UTF-8": overlong 3- and 4-byte forms
 * (E0 80..9F, F0 80..8F), UTF-16 surrogates (ED A0..BF), code points above U+10FFFF (F4 90..,
 * F5..F7). They reach the tree, JSON output and expert texts as invalid UTF-8. Expected each of
 * their bytes escaped (\xNN). */
static void test_tag_list_non_rfc3629_sequences_escaped(void **state)
{
    struct ts_env *env = *state;
    assert_string_equal(kept(env, "a\xe0\x80\xaf" "b"), "a\\xe0\\x80\\xafb");            /* overlong '/' */
    assert_string_equal(kept(env, "a\xed\xa0\x80" "b"), "a\\xed\\xa0\\x80b");            /* surrogate U+D800 */
    assert_string_equal(kept(env, "a\xf4\x90\x80\x80" "b"), "a\\xf4\\x90\\x80\\x80b");  /* U+110000 */
    assert_string_equal(kept(env, "a\xf5\x80\x80\x80" "b"), "a\\xf5\\x80\\x80\\x80b");
    assert_string_equal(kept(env, "a\xf0\x80\x80\xaf" "b"), "a\\xf0\\x80\\x80\\xafb");  /* overlong 4-byte */
}

/* Regression (src/tag_list.c, copy_displayable, fixed): C1 control characters U+0080..U+009F (C2 80..
 * C2 9F) were kept although control characters must not be shown raw. Expected U+0085 (NEL)
 * escaped byte by byte. */
static void test_tag_list_c1_controls_escaped(void **state)
{
    struct ts_env *env = *state;
    assert_string_equal(kept(env, "a\xc2\x85" "b"), "a\\xc2\\x85b"); /* per byte */
}

static void test_tag_list_finish_out_of_memory(void **state)
{
    struct ts_env *env = *state;
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    sa_tag_list_builder_init(&b);
    sa_tag_list_builder_add(&b, ts_slice("x"));
    env->heap.fail_after = 0;
    assert_false(sa_tag_list_finish(&b, &env->heap.a, &l));
    env->heap.fail_after = -1;
    assert_int_equal(l.count, 0);
    assert_null(l.data);
    const char *cur = NULL;
    assert_null(sa_tag_list_next(&l, &cur));
}

/* ---- text_buf --------------------------------------------------------------------------- */

static void test_text_fits(void **state)
{
    (void)state;
    char buf[16];
    struct sa_text t;
    sa_text_init(&t, buf, sizeof buf);
    sa_text_add(&t, "abc");
    sa_text_addn(&t, "defXYZ", 3);
    sa_text_addf(&t, "-%d-", 42);
    assert_string_equal(buf, "abcdef-42-");
    assert_int_equal(t.len, 10);
}

static void test_text_truncates_and_keeps_counting(void **state)
{
    (void)state;
    char buf[8];
    struct sa_text t;
    sa_text_init(&t, buf, sizeof buf);
    sa_text_add(&t, "hello ");
    sa_text_add(&t, "world");
    assert_string_equal(buf, "hello w");
    assert_int_equal(t.len, 11);
    sa_text_add(&t, "!!");
    sa_text_addf(&t, "%s", "more");
    assert_string_equal(buf, "hello w");
    assert_int_equal(t.len, 17);
}

static void test_text_exact_fit(void **state)
{
    (void)state;
    char buf[6];
    struct sa_text t;
    sa_text_init(&t, buf, sizeof buf);
    sa_text_add(&t, "12345");
    assert_string_equal(buf, "12345");
    sa_text_add(&t, "6");
    assert_string_equal(buf, "12345");
    assert_int_equal(t.len, 6);
}

static void test_text_size_zero_only_counts(void **state)
{
    (void)state;
    struct sa_text t;
    sa_text_init(&t, NULL, 0);
    sa_text_add(&t, "abc");
    sa_text_addf(&t, "%u", 1234u);
    assert_int_equal(t.len, 7);
}

static void test_text_size_one_stays_empty(void **state)
{
    (void)state;
    char buf[1] = { 'x' };
    struct sa_text t;
    sa_text_init(&t, buf, 1);
    sa_text_add(&t, "abc");
    assert_int_equal(buf[0], '\0');
    assert_int_equal(t.len, 3);
}

static void test_text_addf_empty_output(void **state)
{
    (void)state;
    char buf[4];
    struct sa_text t;
    sa_text_init(&t, buf, sizeof buf);
    sa_text_addf(&t, "%s", "");
    assert_string_equal(buf, "");
    assert_int_equal(t.len, 0);
}

/* Regression (fixed in 3740239): sa_text_addf formatted into a 256-byte stack buffer, silently
 * cutting longer output to 255 bytes and counting only those. */
static void test_text_addf_long_output_not_cut(void **state)
{
    (void)state;
    char arg[400], buf[512];
    memset(arg, 'z', sizeof arg - 1);
    arg[sizeof arg - 1] = '\0';
    struct sa_text t;
    sa_text_init(&t, buf, sizeof buf);
    sa_text_addf(&t, "<%s>", arg);
    assert_int_equal(t.len, 401);
    assert_int_equal(strlen(buf), 401);
}

static void test_text_addf_long_output_truncated_keeps_counting(void **state)
{
    (void)state;
    char arg[400], buf[100];
    memset(arg, 'z', sizeof arg - 1);
    arg[sizeof arg - 1] = '\0';
    struct sa_text t;
    sa_text_init(&t, buf, sizeof buf);
    sa_text_add(&t, "ab");
    sa_text_addf(&t, "%s", arg);
    sa_text_add(&t, "c");
    assert_int_equal(t.len, 402);
    assert_int_equal(strlen(buf), 99);
    assert_memory_equal(buf, "abzzz", 5);
}

/* ---- sa_ext_text_tags ------------------------------------------------------------------- */

static struct sa_tag_list make_list(struct ts_env *env, const char *const *tags, int n, bool cut)
{
    struct sa_tag_list_builder b;
    struct sa_tag_list l;
    sa_tag_list_builder_init(&b);
    for (int i = 0; i < n; i++)
        sa_tag_list_builder_add(&b, ts_slice(tags[i]));
    b.cut = cut;
    assert_true(sa_tag_list_finish(&b, &env->heap.a, &l));
    return l;
}

static void test_ext_text_tags_comma_list(void **state)
{
    struct ts_env *env = *state;
    static const char *const tags[] = { "100rel", "timer", "x" };
    struct sa_tag_list l = make_list(env, tags, 3, false);
    char buf[64];
    assert_int_equal(sa_ext_text_tags(&l, buf, sizeof buf), 16);
    assert_string_equal(buf, "100rel, timer, x");
}

static void test_ext_text_tags_cut_list_ends_with_dots(void **state)
{
    struct ts_env *env = *state;
    static const char *const tags[] = { "a", "b" };
    struct sa_tag_list l = make_list(env, tags, 2, true);
    char buf[64];
    assert_int_equal(sa_ext_text_tags(&l, buf, sizeof buf), 9);
    assert_string_equal(buf, "a, b, ...");
}

static void test_ext_text_tags_sizing_and_small_buffer(void **state)
{
    struct ts_env *env = *state;
    static const char *const tags[] = { "alpha", "beta" };
    struct sa_tag_list l = make_list(env, tags, 2, false);
    char buf[5];
    assert_int_equal(sa_ext_text_tags(&l, NULL, 0), 11);
    assert_int_equal(sa_ext_text_tags(&l, buf, sizeof buf), 11);
    assert_string_equal(buf, "alph");
}

static void test_ext_text_tags_empty(void **state)
{
    (void)state;
    struct sa_tag_list l = { 0 };
    char buf[8] = "junk";
    assert_int_equal(sa_ext_text_tags(&l, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
}

#define T(f) cmocka_unit_test_setup_teardown(f, ts_env_setup, ts_env_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_iter_across_lines_in_order),
        T(test_iter_trims_white_space_and_folding),
        T(test_iter_skips_empty_entries),
        T(test_iter_without_lines_ends_at_once),
        T(test_iter_stays_ended),
        T(test_lists_tag_case_insensitive),
        T(test_presence_absent),
        T(test_presence_empty),
        T(test_presence_listed),
        T(test_tag_list_builds_and_iterates),
        T(test_tag_list_empty),
        T(test_tag_list_has_case_insensitive),
        T(test_tag_list_cut_at_max_tags),
        T(test_tag_list_exactly_max_tags_not_cut),
        T(test_tag_list_long_tag_cut_to_max_len),
        T(test_tag_list_nul_inside_tag_escaped),
        T(test_tag_list_keeps_valid_utf8),
        T(test_tag_list_control_bytes_escaped),
        T(test_tag_list_invalid_utf8_escaped),
        T(test_tag_list_cut_inside_utf8_sequence),
        T(test_tag_list_non_rfc3629_sequences_escaped),
        T(test_tag_list_c1_controls_escaped),
        T(test_tag_list_finish_out_of_memory),
        T(test_text_fits),
        T(test_text_truncates_and_keeps_counting),
        T(test_text_exact_fit),
        T(test_text_size_zero_only_counts),
        T(test_text_size_one_stays_empty),
        T(test_text_addf_empty_output),
        T(test_text_addf_long_output_not_cut),
        T(test_text_addf_long_output_truncated_keeps_counting),
        T(test_ext_text_tags_comma_list),
        T(test_ext_text_tags_cut_list_ends_with_dots),
        T(test_ext_text_tags_sizing_and_small_buffer),
        T(test_ext_text_tags_empty),
    };
    return cmocka_run_group_tests_name("option_tags", tests, NULL, NULL);
}
