/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Q.850 cause table: exactly the defined values, in order, with their Table 1 names, classes,
 * ASCII texts, the normal-clearing set and the class of undefined values. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include "q850_causes.h"

/* The values Q.850 defines (Table 1 of 05/98, and 14 and 24 from its amendments). */
static const unsigned defined[] = {
    1,  2,  3,  4,  5,  6,  7,  8,  9,  14, 16, 17,  18,  19,  20,  21,  22,  23,
    24, 25, 26, 27, 28, 29, 30, 31, 34, 38, 39, 40,  41,  42,  43,  44,  46,  47,
    49, 50, 53, 55, 57, 58, 62, 63, 65, 66, 69, 70,  79,  81,  82,  83,  84,  85,
    86, 87, 88, 90, 91, 95, 96, 97, 98, 99, 100, 101, 102, 103, 110, 111, 127,
};

static bool is_defined(unsigned v)
{
    for (size_t i = 0; i < sizeof defined / sizeof defined[0]; i++) {
        if (defined[i] == v)
            return true;
    }
    return false;
}

/* Printable ASCII only: the texts reach Wireshark's UTF-8 strings and the docs as they are. */
static void assert_plain_text(const char *s)
{
    assert_non_null(s);
    assert_true(strlen(s) > 0);
    for (const char *p = s; *p; p++)
        assert_true(*p >= 0x20 && *p <= 0x7e);
}

static void test_table_holds_exactly_the_defined_values(void **state)
{
    (void)state;
    size_t n = sizeof defined / sizeof defined[0];
    assert_int_equal(n, 71);
    assert_int_equal(sa_q850_cause_count(), n);
    for (size_t i = 0; i < n; i++) {
        const struct sa_q850_cause *c = sa_q850_cause_at(i);
        assert_non_null(c);
        assert_int_equal(c->value, defined[i]);
        assert_ptr_equal(sa_q850_cause(defined[i]), c);
        assert_int_equal(c->cls, defined[i] >> 4);
        assert_plain_text(c->name);
        assert_plain_text(c->meaning);
        assert_int_equal(c->meaning[strlen(c->meaning) - 1], '.');
    }
    assert_null(sa_q850_cause_at(n));
    assert_null(sa_q850_cause_at(SIZE_MAX));
}

static void test_undefined_values_have_no_entry(void **state)
{
    (void)state;
    for (unsigned v = 0; v <= 300; v++) {
        if (!is_defined(v))
            assert_null(sa_q850_cause(v));
    }
    assert_null(sa_q850_cause(UINT_MAX));
    assert_null(sa_q850_cause(256 + 16)); /* no truncation to a byte */
}

static void test_standard_names(void **state)
{
    (void)state;
    static const struct {
        unsigned value;
        const char *name;
    } names[] = {
        { 1, "Unallocated (unassigned) number" },
        { 2, "No route to specified transit network (national use)" },
        { 9, "Preemption - circuit reserved for reuse" },
        { 14, "QoR: ported number" },
        { 16, "Normal call clearing" },
        { 17, "User busy" },
        { 18, "No user responding" },
        { 19, "No answer from user (user alerted)" },
        { 21, "Call rejected" },
        { 24, "Call rejected due to feature at the destination" },
        { 27, "Destination out of order" },
        { 28, "Invalid number format (address incomplete)" },
        { 31, "Normal, unspecified" },
        { 34, "No circuit/channel available" },
        { 41, "Temporary failure" },
        { 47, "Resource unavailable, unspecified" },
        { 62, "Inconsistency in designated outgoing access information and subscriber class" },
        { 88, "Incompatible destination" },
        { 98, "Message not compatible with call state or message type non-existent or not implemented" },
        { 102, "Recovery on timer expiry" },
        { 103, "Parameter non-existent or not implemented - passed on (national use)" },
        { 110, "Message with unrecognized parameter, discarded" },
        { 111, "Protocol error, unspecified" },
        { 127, "Interworking, unspecified" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const struct sa_q850_cause *c = sa_q850_cause(names[i].value);
        assert_non_null(c);
        assert_string_equal(c->name, names[i].name);
    }
}

static void test_normal_clearing_is_16_17_31(void **state)
{
    (void)state;
    for (unsigned v = 0; v <= 130; v++) {
        bool expected = v == 16 || v == 17 || v == 31;
        assert_int_equal(sa_q850_is_normal_clearing(v), expected);
        const struct sa_q850_cause *c = sa_q850_cause(v);
        if (c)
            assert_int_equal(c->normal_clearing, expected);
    }
    assert_false(sa_q850_is_normal_clearing(UINT_MAX));
}

static void test_class_names_cover_undefined_values(void **state)
{
    (void)state;
    assert_string_equal(sa_q850_class_name(0), "normal event");
    assert_string_equal(sa_q850_class_name(15), "normal event");
    assert_string_equal(sa_q850_class_name(16), "normal event");
    assert_string_equal(sa_q850_class_name(31), "normal event");
    assert_string_equal(sa_q850_class_name(32), "resource unavailable");
    assert_string_equal(sa_q850_class_name(45), "resource unavailable");
    assert_string_equal(sa_q850_class_name(48), "service or option not available");
    assert_string_equal(sa_q850_class_name(64), "service or option not implemented");
    assert_string_equal(sa_q850_class_name(80), "invalid message");
    assert_string_equal(sa_q850_class_name(104), "protocol error");
    assert_string_equal(sa_q850_class_name(112), "interworking");
    assert_string_equal(sa_q850_class_name(127), "interworking");
    assert_null(sa_q850_class_name(128));
    assert_null(sa_q850_class_name(UINT_MAX));
    assert_int_equal(sa_q850_cause(17)->cls, SA_Q850_NORMAL_EVENT_1);
    assert_int_equal(sa_q850_cause(34)->cls, SA_Q850_RESOURCE_UNAVAILABLE);
    assert_int_equal(sa_q850_cause(127)->cls, SA_Q850_INTERWORKING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_holds_exactly_the_defined_values),
        cmocka_unit_test(test_undefined_values_have_no_entry),
        cmocka_unit_test(test_standard_names),
        cmocka_unit_test(test_normal_clearing_is_16_17_31),
        cmocka_unit_test(test_class_names_cover_undefined_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
