/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The response-code knowledge table and the option-tag registry: shape of the tables, agreement
 * with src/data/sip-registry.tsv, lookups, RFC 3261 §8.1.3.2 fallbacks, outcomes, severities. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "option_tag_registry.h"
#include "response_codes.h"
#include "response_verdict.h"

#ifndef SA_SOURCE_DIR
#error "SA_SOURCE_DIR must be defined to the project root"
#endif

#define REGISTRY_PATH SA_SOURCE_DIR "/src/data/sip-registry.tsv"
#define MAX_TEXT 240

/* ---- registry file ---------------------------------------------------------------------- */

struct registry_row {
    char kind[16];
    char key[64];
    char phrase[160];
    char rfc[96];
    char cls[32];
};

struct registry {
    struct registry_row rows[160];
    size_t count;
};

static void copy_field(char *dst, size_t cap, const char *src)
{
    size_t len = strlen(src);
    assert_true(len < cap);
    memcpy(dst, src, len + 1);
}

/* Reads the TSV (header line, then kind, code_or_tag, phrase_or_meaning, defining_rfc, class). */
static void load_registry(struct registry *reg)
{
    FILE *f = fopen(REGISTRY_PATH, "r");
    if (!f)
        fail_msg("cannot open %s", REGISTRY_PATH);
    char line[512];
    bool header = true;
    reg->count = 0;
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\r\n");
        if (line[len] == '\0' && !feof(f))
            fail_msg("line longer than %zu bytes in %s", sizeof line - 2, REGISTRY_PATH);
        line[len] = '\0';
        if (len == 0)
            continue;
        if (header) {
            assert_true(strncmp(line, "kind\t", 5) == 0);
            header = false;
            continue;
        }
        char *fields[5];
        size_t nf = 0;
        char *p = line;
        for (;;) {
            char *tab = strchr(p, '\t');
            assert_true(nf < 5);
            fields[nf++] = p;
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        assert_int_equal(nf, 5);
        assert_true(reg->count < sizeof reg->rows / sizeof reg->rows[0]);
        struct registry_row *r = &reg->rows[reg->count++];
        copy_field(r->kind, sizeof r->kind, fields[0]);
        copy_field(r->key, sizeof r->key, fields[1]);
        copy_field(r->phrase, sizeof r->phrase, fields[2]);
        copy_field(r->rfc, sizeof r->rfc, fields[3]);
        copy_field(r->cls, sizeof r->cls, fields[4]);
    }
    fclose(f);
    assert_false(header);
}

static const char *class_of(unsigned code)
{
    static const char *const names[] = {
        NULL, "1xx Provisional", "2xx Success", "3xx Redirection",
        "4xx Client Error", "5xx Server Error", "6xx Global Failure",
    };
    return (code >= 100 && code <= 699) ? names[code / 100] : NULL;
}

/* ---- response-code table ----------------------------------------------------------------- */

static void check_text(unsigned code, const char *what, const char *s, bool ascii_only)
{
    if (s == NULL || s[0] == '\0')
        fail_msg("%u: %s is empty", code, what);
    size_t len = strlen(s);
    if (len > MAX_TEXT)
        fail_msg("%u: %s is %zu characters long (max %d)", code, what, len, MAX_TEXT);
    if (s[0] == ' ' || s[len - 1] == ' ')
        fail_msg("%u: %s has leading or trailing spaces", code, what);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            fail_msg("%u: %s contains a control character", code, what);
        if (ascii_only && c >= 0x80)
            fail_msg("%u: %s is not plain ASCII", code, what);
    }
}

static void test_table_shape(void **state)
{
    (void)state;
    assert_int_equal(sa_code_count(), 75);
    assert_null(sa_code_at(sa_code_count()));
    assert_null(sa_code_at((size_t)-1));
    unsigned prev = 0;
    for (size_t i = 0; i < sa_code_count(); i++) {
        const struct sa_code_info *c = sa_code_at(i);
        assert_non_null(c);
        if (c->code <= prev)
            fail_msg("entry %zu: code %u does not come after %u", i, (unsigned)c->code, prev);
        prev = c->code;
        assert_true(c->code >= 100 && c->code <= 699);
        check_text(c->code, "phrase", c->phrase, true);
        check_text(c->code, "rfc", c->rfc, false); /* may hold the section sign */
        check_text(c->code, "meaning", c->meaning, true);
        check_text(c->code, "seen_when", c->seen_when, true);
        check_text(c->code, "action", c->action, true);
    }
}

static void test_table_matches_registry(void **state)
{
    (void)state;
    static struct registry reg;
    load_registry(&reg);
    size_t seen = 0;
    for (size_t i = 0; i < reg.count; i++) {
        const struct registry_row *r = &reg.rows[i];
        if (strcmp(r->kind, "response") != 0)
            continue;
        char *end;
        unsigned long code = strtoul(r->key, &end, 10);
        assert_true(*end == '\0' && code >= 100 && code <= 699);
        /* no code twice in the file */
        for (size_t j = 0; j < i; j++)
            if (strcmp(reg.rows[j].kind, "response") == 0 && strcmp(reg.rows[j].key, r->key) == 0)
                fail_msg("%s is listed twice in the registry file", r->key);
        const struct sa_code_info *c = sa_code_lookup((unsigned)code);
        if (!c)
            fail_msg("registry code %lu is missing from the table", code);
        assert_int_equal(c->code, code);
        assert_string_equal(c->phrase, r->phrase);
        assert_string_equal(c->rfc, r->rfc);
        assert_string_equal(class_of((unsigned)code), r->cls);
        seen++;
    }
    /* as many registry codes as table entries, all found, none twice: the same set */
    assert_int_equal(seen, sa_code_count());
}

static void test_lookup(void **state)
{
    (void)state;
    for (size_t i = 0; i < sa_code_count(); i++) {
        const struct sa_code_info *c = sa_code_at(i);
        assert_ptr_equal(sa_code_lookup(c->code), c);
    }
    const unsigned absent[] = { 0, 1, 99, 101, 150, 179, 201, 299, 399, 409, 426, 499, 599, 601, 699, 700, 1000, UINT_MAX };
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++)
        assert_null(sa_code_lookup(absent[i]));
    assert_string_equal(sa_code_lookup(421)->phrase, "Extension Required");
    assert_string_equal(sa_code_lookup(421)->rfc, "RFC3261 \xc2\xa7" "21.4.16");
}

static void expect_info(unsigned code, unsigned want_code, bool want_fallback)
{
    bool fallback = !want_fallback;
    const struct sa_code_info *c = sa_code_info_for(code, &fallback);
    if (!c)
        fail_msg("%u: no entry", code);
    if (c->code != want_code || fallback != want_fallback)
        fail_msg("%u: got %u (fallback %d), want %u (fallback %d)", code, (unsigned)c->code, fallback,
                 want_code, want_fallback);
}

static void expect_no_info(unsigned code)
{
    bool fallback = true;
    assert_null(sa_code_info_for(code, &fallback));
    assert_false(fallback);
}

static void test_fallback(void **state)
{
    (void)state;
    expect_info(100, 100, false);
    expect_info(199, 199, false);
    expect_info(150, 183, true);
    expect_info(101, 183, true);
    expect_info(198, 183, true);
    expect_info(183, 183, false);
    expect_info(200, 200, false);
    expect_info(299, 200, true);
    expect_info(202, 202, false);
    expect_info(399, 300, true);
    expect_info(421, 421, false);
    expect_info(499, 400, true);
    expect_info(409, 400, true);
    expect_info(599, 500, true);
    expect_info(580, 580, false);
    expect_info(699, 600, true);
    expect_info(605, 600, true);
    expect_no_info(99);
    expect_no_info(700);
    expect_no_info(0);
    expect_no_info(1000);
    expect_no_info(UINT_MAX);
    /* the out-parameter is optional */
    assert_non_null(sa_code_info_for(499, NULL));
    assert_null(sa_code_info_for(42, NULL));
    /* every class resolves for every code */
    for (unsigned code = 100; code <= 699; code++) {
        bool fb;
        const struct sa_code_info *c = sa_code_info_for(code, &fb);
        assert_non_null(c);
        assert_int_equal(c->code / 100, code / 100);
        assert_int_equal(fb, sa_code_lookup(code) == NULL);
    }
}

static void test_outcomes(void **state)
{
    (void)state;
    const struct { unsigned code; enum sa_outcome outcome; } cases[] = {
        { 100, SA_OUTCOME_PROGRESS },    { 180, SA_OUTCOME_PROGRESS },     { 199, SA_OUTCOME_PROGRESS },
        { 200, SA_OUTCOME_SUCCESS },     { 202, SA_OUTCOME_SUCCESS },      { 302, SA_OUTCOME_REDIRECTED },
        { 401, SA_OUTCOME_CHALLENGE },   { 407, SA_OUTCOME_CHALLENGE },    { 494, SA_OUTCOME_CHALLENGE },
        { 408, SA_OUTCOME_TIMEOUT },     { 420, SA_OUTCOME_EXTENSION },    { 421, SA_OUTCOME_EXTENSION },
        { 486, SA_OUTCOME_DECLINED },    { 487, SA_OUTCOME_CANCELLED },    { 404, SA_OUTCOME_REJECTED },
        { 422, SA_OUTCOME_REJECTED },    { 499, SA_OUTCOME_REJECTED },     { 503, SA_OUTCOME_SERVER_ERROR },
        { 580, SA_OUTCOME_SERVER_ERROR },{ 600, SA_OUTCOME_DECLINED },     { 603, SA_OUTCOME_DECLINED },
        { 607, SA_OUTCOME_DECLINED },    { 608, SA_OUTCOME_DECLINED },     { 604, SA_OUTCOME_GLOBAL_FAILURE },
        { 606, SA_OUTCOME_GLOBAL_FAILURE }, { 699, SA_OUTCOME_GLOBAL_FAILURE },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum sa_outcome got = sa_outcome_of(cases[i].code);
        if (got != cases[i].outcome)
            fail_msg("%u: outcome %d, want %d", cases[i].code, (int)got, (int)cases[i].outcome);
    }
    assert_int_equal(sa_outcome_of(0), 0);
    assert_int_equal(sa_outcome_of(99), 0);
    assert_int_equal(sa_outcome_of(700), 0);
    assert_int_equal(sa_outcome_of(UINT_MAX), 0);

    assert_string_equal(sa_outcome_name(SA_OUTCOME_PROGRESS), "progress");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_SUCCESS), "success");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_REDIRECTED), "redirected");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_CHALLENGE), "challenge");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_CANCELLED), "cancelled");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_DECLINED), "declined");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_TIMEOUT), "timeout");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_EXTENSION), "extension");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_REJECTED), "rejected");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_SERVER_ERROR), "server error");
    assert_string_equal(sa_outcome_name(SA_OUTCOME_GLOBAL_FAILURE), "global failure");
    assert_null(sa_outcome_name((enum sa_outcome)0));
    assert_null(sa_outcome_name((enum sa_outcome)(SA_OUTCOME_GLOBAL_FAILURE + 1)));

    /* the severity a code's verdict has when nothing else is known (docs/response-codes.md) */
    const struct { unsigned code; enum sa_severity sev; } plain[] = {
        { 100, SA_SEV_CHAT }, { 183, SA_SEV_CHAT }, { 200, SA_SEV_CHAT }, { 302, SA_SEV_NOTE },
        { 401, SA_SEV_NOTE }, { 407, SA_SEV_NOTE }, { 403, SA_SEV_WARN }, { 486, SA_SEV_WARN },
        { 487, SA_SEV_WARN }, { 503, SA_SEV_WARN }, { 603, SA_SEV_WARN }, { 99, SA_SEV_WARN },
        { 700, SA_SEV_WARN },
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        assert_int_equal(sa_code_severity(plain[i].code), plain[i].sev);
    assert_string_equal(sa_severity_name(SA_SEV_CHAT), "Chat");
    assert_string_equal(sa_severity_name(SA_SEV_NOTE), "Note");
    assert_string_equal(sa_severity_name(SA_SEV_WARN), "Warning");
    assert_string_equal(sa_severity_name((enum sa_severity)0), "?");

    /* every code of 100..699 has a named outcome of its own class */
    for (unsigned code = 100; code <= 699; code++) {
        enum sa_outcome o = sa_outcome_of(code);
        assert_non_null(sa_outcome_name(o));
        if (code < 200)
            assert_int_equal(o, SA_OUTCOME_PROGRESS);
        else if (code < 300)
            assert_int_equal(o, SA_OUTCOME_SUCCESS);
        else if (code < 400)
            assert_int_equal(o, SA_OUTCOME_REDIRECTED);
        else if (code >= 500 && code < 600)
            assert_int_equal(o, SA_OUTCOME_SERVER_ERROR);
    }
}

/* ---- option tags --------------------------------------------------------------------------- */

static const struct sa_option_tag_info *lookup_str(const char *s)
{
    return sa_option_tag_lookup(s, strlen(s));
}

static void test_option_tag_lookup(void **state)
{
    (void)state;
    const struct sa_option_tag_info *t = lookup_str("100REL");
    assert_non_null(t);
    assert_string_equal(t->tag, "100rel");
    assert_string_equal(t->rfc, "RFC3262");

    t = lookup_str("Timer");
    assert_non_null(t);
    assert_string_equal(t->tag, "timer");
    assert_string_equal(t->rfc, "RFC4028");

    t = lookup_str("sec-agree");
    assert_non_null(t);
    assert_string_equal(t->tag, "sec-agree");
    assert_string_equal(t->rfc, "RFC3329");

    assert_null(lookup_str("x-foo"));
    assert_null(lookup_str("100"));       /* prefix of a tag */
    assert_null(lookup_str("timers"));    /* a tag is a prefix of it */
    assert_null(lookup_str("sec_agree"));
    assert_null(lookup_str("TIMER "));    /* callers trim; white space is not part of a token */
    assert_null(sa_option_tag_lookup("timer", 0));
    assert_null(sa_option_tag_lookup(NULL, 0));
    assert_null(sa_option_tag_lookup(NULL, 5));

    /* slices out of a header value, not NUL-terminated */
    static const char value[] = "Supported: TIMER,100rel , sec-agreed";
    const char *p = strstr(value, "TIMER");
    t = sa_option_tag_lookup(p, 5);
    assert_non_null(t);
    assert_string_equal(t->tag, "timer");
    p = strstr(value, "100rel");
    t = sa_option_tag_lookup(p, 6);
    assert_non_null(t);
    assert_string_equal(t->tag, "100rel");
    p = strstr(value, "sec-agreed");
    t = sa_option_tag_lookup(p, 9);
    assert_non_null(t);
    assert_string_equal(t->tag, "sec-agree");
    assert_null(sa_option_tag_lookup(p, 10));
    char buf[8] = { 'g', 'r', 'u', 'u', 'X', 'X', 'X', 'X' }; /* no terminator anywhere */
    t = sa_option_tag_lookup(buf, 4);
    assert_non_null(t);
    assert_string_equal(t->tag, "gruu");

    /* every registered tag is found, in any case */
    for (size_t i = 0; i < sa_option_tag_count(); i++) {
        const struct sa_option_tag_info *e = sa_option_tag_at(i);
        char upper[64];
        size_t len = strlen(e->tag);
        assert_true(len < sizeof upper);
        for (size_t k = 0; k < len; k++)
            upper[k] = (e->tag[k] >= 'a' && e->tag[k] <= 'z') ? (char)(e->tag[k] - 32) : e->tag[k];
        assert_ptr_equal(sa_option_tag_lookup(e->tag, len), e);
        assert_ptr_equal(sa_option_tag_lookup(upper, len), e);
    }
}

static void test_option_tags_match_registry(void **state)
{
    (void)state;
    assert_int_equal(sa_option_tag_count(), 36);
    assert_null(sa_option_tag_at(sa_option_tag_count()));
    for (size_t i = 0; i < sa_option_tag_count(); i++) {
        const struct sa_option_tag_info *e = sa_option_tag_at(i);
        assert_non_null(e);
        assert_true(e->tag[0] != '\0' && e->meaning[0] != '\0' && e->rfc[0] != '\0');
        for (const char *c = e->tag; *c; c++)
            assert_false(*c >= 'A' && *c <= 'Z');
        if (i > 0 && strcmp(sa_option_tag_at(i - 1)->tag, e->tag) >= 0)
            fail_msg("option tags not sorted at %s", e->tag);
    }

    static struct registry reg;
    load_registry(&reg);
    size_t seen = 0;
    for (size_t i = 0; i < reg.count; i++) {
        const struct registry_row *r = &reg.rows[i];
        if (strcmp(r->kind, "option-tag") != 0)
            continue;
        for (size_t j = 0; j < i; j++)
            if (strcmp(reg.rows[j].kind, "option-tag") == 0 && strcmp(reg.rows[j].key, r->key) == 0)
                fail_msg("%s is listed twice in the registry file", r->key);
        const struct sa_option_tag_info *e = lookup_str(r->key);
        if (!e)
            fail_msg("registry option tag %s is missing from the table", r->key);
        assert_string_equal(e->tag, r->key);
        assert_string_equal(e->meaning, r->phrase);
        assert_string_equal(e->rfc, r->rfc);
        seen++;
    }
    assert_int_equal(seen, sa_option_tag_count());
}

/* A registry label's note ("Accepted (Deprecated)") is not part of the phrase a server writes. */
static void test_phrase_matches_standard_phrase_only(void **state)
{
    (void)state;
    const struct sa_code_info *accepted = sa_code_lookup(202);
    assert_non_null(accepted);
    assert_string_equal(accepted->phrase, "Accepted (Deprecated)");
    assert_true(sa_code_phrase_matches(accepted, (struct sa_slice){ "Accepted", 8 }));
    assert_true(sa_code_phrase_matches(accepted, (struct sa_slice){ "ACCEPTED", 8 }));
    assert_false(sa_code_phrase_matches(accepted, (struct sa_slice){ "Accepted (Deprecated)", 21 }));
    assert_false(sa_code_phrase_matches(accepted, (struct sa_slice){ "Accept", 6 }));
    const struct sa_code_info *busy = sa_code_lookup(486);
    assert_true(sa_code_phrase_matches(busy, (struct sa_slice){ "Busy Here", 9 }));
    assert_false(sa_code_phrase_matches(busy, (struct sa_slice){ "Busy", 4 }));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_shape),
        cmocka_unit_test(test_table_matches_registry),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_fallback),
        cmocka_unit_test(test_outcomes),
        cmocka_unit_test(test_option_tag_lookup),
        cmocka_unit_test(test_option_tags_match_registry),
        cmocka_unit_test(test_phrase_matches_standard_phrase_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
