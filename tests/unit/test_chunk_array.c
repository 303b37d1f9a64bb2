/* SPDX-License-Identifier: GPL-2.0-or-later */
/* src/chunk_array.c: numbers from 1, zeroed elements that never move, the limit, allocation
 * failure. */
#include "test_support.h"

#include "chunk_array.h"

struct elem {
    uint64_t a;
    uint32_t b;
};

static void test_numbered_from_one_zeroed_and_never_moved(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_chunk_array c;
    sa_chunk_array_init(&c, &h.a, sizeof(struct elem));
    assert_null(sa_chunk_array_at(&c, 0));
    assert_null(sa_chunk_array_at(&c, 1));
    struct elem *first = NULL;
    for (uint32_t i = 1; i <= 3 * SA_CHUNK_ELEMENTS + 1; i++) {
        assert_int_equal(sa_chunk_array_add(&c, UINT32_MAX), i);
        struct elem *e = sa_chunk_array_at(&c, i);
        assert_non_null(e);
        assert_int_equal(e->a, 0);
        assert_int_equal(e->b, 0);
        e->a = i;
        e->b = i * 2;
        first = first ? first : e;
    }
    assert_ptr_equal(sa_chunk_array_at(&c, 1), first); /* the chunks stay where they are */
    for (uint32_t i = 1; i <= 3 * SA_CHUNK_ELEMENTS + 1; i++) {
        const struct elem *e = sa_chunk_array_at(&c, i);
        assert_int_equal(e->a, i);
        assert_int_equal(e->b, i * 2);
    }
    assert_null(sa_chunk_array_at(&c, 3 * SA_CHUNK_ELEMENTS + 2));
    assert_null(sa_chunk_array_at(&c, UINT32_MAX));
    assert_int_equal(h.live_bytes, sa_chunk_array_bytes(&c));
    ts_heap_free_all(&h);
}

static void test_limit(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_chunk_array c;
    sa_chunk_array_init(&c, &h.a, sizeof(uint32_t));
    assert_int_equal(sa_chunk_array_add(&c, 2), 1);
    assert_int_equal(sa_chunk_array_add(&c, 2), 2);
    assert_int_equal(sa_chunk_array_add(&c, 2), 0);
    assert_int_equal(c.count, 2);
    ts_heap_free_all(&h);
}

static void test_allocation_failure_gives_zero_then_recovers(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_chunk_array c;
    sa_chunk_array_init(&c, &h.a, sizeof(uint64_t));
    h.fail_after = 1; /* the chunk list is allocated, its first chunk fails */
    assert_int_equal(sa_chunk_array_add(&c, UINT32_MAX), 0);
    assert_int_equal(c.count, 0);
    assert_null(sa_chunk_array_at(&c, 1));
    h.fail_after = -1;
    assert_int_equal(sa_chunk_array_add(&c, UINT32_MAX), 1);
    assert_non_null(sa_chunk_array_at(&c, 1));
    ts_heap_free_all(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbered_from_one_zeroed_and_never_moved),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_allocation_failure_gives_zero_then_recovers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
