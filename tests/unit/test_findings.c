/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The table of findings (src/findings.c) and the response verdicts that pick its first rows. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "findings.h"
#include "record_store.h"
#include "response_verdict.h"

static void test_every_row_is_complete_and_named_once(void **state)
{
    (void)state;
    for (int f = 0; f < SA_F_COUNT; f++) {
        const struct sa_finding_info *row = sa_finding_info((enum sa_finding)f);
        assert_non_null(row);
        assert_non_null(row->name);
        assert_true(strlen(row->name) > 0);
        assert_non_null(row->summary);
        assert_true(row->severity >= SA_SEV_CHAT && row->severity <= SA_SEV_WARN);
        assert_true(row->flags != 0); /* the severity bound needs a flag for every row */
        for (int g = 0; g < f; g++)
            assert_string_not_equal(sa_finding_info((enum sa_finding)g)->name, row->name);
    }
    assert_null(sa_finding_info(SA_F_COUNT));
}

static void test_verdicts_map_to_their_rows(void **state)
{
    (void)state;
    const char *names[SA_VERDICT_COUNT] = {
        [SA_VERDICT_PROGRESS] = "response.progress", [SA_VERDICT_SUCCESS] = "response.success",
        [SA_VERDICT_REDIRECT] = "response.redirect", [SA_VERDICT_CHALLENGE] = "response.challenge",
        [SA_VERDICT_CANCELLED] = "response.cancelled", [SA_VERDICT_FAILURE] = "response.failure",
        [SA_VERDICT_CHALLENGE_FAILED] = "response.challenge_failed",
    };
    for (int v = SA_VERDICT_PROGRESS; v < SA_VERDICT_COUNT; v++) {
        const struct sa_finding_info *row = sa_finding_info(sa_verdict_finding((enum sa_verdict)v));
        assert_string_equal(row->name, names[v]);
        assert_int_equal(row->flags, SA_REC_RESPONSE);
        assert_true(row->severity <= sa_verdict_class_bound(4));
    }
}

static enum sa_verdict verdict(unsigned code, uint32_t cancel, uint32_t challenged, bool never)
{
    struct sa_response_facts f = { code, cancel, challenged, never };
    return sa_response_verdict(&f);
}

static void test_verdicts(void **state)
{
    (void)state;
    assert_int_equal(verdict(99, 0, 0, false), SA_VERDICT_NONE);
    assert_int_equal(verdict(700, 0, 0, false), SA_VERDICT_NONE);
    assert_int_equal(verdict(180, 0, 0, false), SA_VERDICT_PROGRESS);
    assert_int_equal(verdict(200, 0, 0, false), SA_VERDICT_SUCCESS);
    assert_int_equal(verdict(302, 0, 0, false), SA_VERDICT_REDIRECT);
    assert_int_equal(verdict(401, 0, 0, false), SA_VERDICT_CHALLENGE);
    assert_int_equal(verdict(407, 0, 0, true), SA_VERDICT_CHALLENGE_FAILED);  /* never retried */
    /* challenged again: a challenge; the loop findings say when the series is too long */
    assert_int_equal(verdict(401, 0, 7, false), SA_VERDICT_CHALLENGE);
    assert_int_equal(verdict(407, 0, 7, true), SA_VERDICT_CHALLENGE_FAILED); /* ... and never retried */
    assert_int_equal(verdict(403, 0, 7, false), SA_VERDICT_CHALLENGE_FAILED); /* refused after the retry */
    assert_int_equal(verdict(403, 0, 0, false), SA_VERDICT_FAILURE);
    assert_int_equal(verdict(200, 0, 7, false), SA_VERDICT_SUCCESS);
    assert_int_equal(verdict(487, 5, 0, false), SA_VERDICT_CANCELLED);
    assert_int_equal(verdict(487, 0, 0, false), SA_VERDICT_FAILURE);
    assert_int_equal(verdict(486, 5, 0, false), SA_VERDICT_FAILURE);
    assert_int_equal(verdict(603, 0, 0, false), SA_VERDICT_FAILURE);
}

static void test_class_bounds_cover_the_verdicts(void **state)
{
    (void)state;
    for (unsigned code = 100; code <= 699; code++) {
        for (int variant = 0; variant < 4; variant++) {
            enum sa_verdict v = verdict(code, variant & 1 ? 9 : 0, variant & 2 ? 8 : 0, variant == 3);
            assert_true(sa_finding_info(sa_verdict_finding(v))->severity <= sa_verdict_class_bound(code / 100));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row_is_complete_and_named_once),
        cmocka_unit_test(test_verdicts_map_to_their_rows),
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_class_bounds_cover_the_verdicts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
