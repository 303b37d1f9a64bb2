/* SPDX-License-Identifier: GPL-2.0-or-later */
/* src/arena.c: zeroed, aligned, packed into blocks, large objects apart, allocation failure. */
#include "test_support.h"

#include "arena.h"

static void test_objects_share_a_block_zeroed_and_aligned(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    unsigned char *a = sa_arena_alloc(&ar, 3);
    unsigned char *b = sa_arena_alloc(&ar, 100);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(h.allocs, 1); /* one block for both */
    assert_int_equal(h.live_bytes, SA_ARENA_BLOCK);
    assert_int_equal((uintptr_t)a % alignof(max_align_t), 0);
    assert_int_equal((uintptr_t)b % alignof(max_align_t), 0);
    assert_true(b >= a + 3);
    for (size_t i = 0; i < 100; i++)
        assert_int_equal(b[i], 0);
    ts_heap_free_all(&h);
}

static void test_new_block_when_full(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    size_t per_block = SA_ARENA_BLOCK / 1024;
    for (size_t i = 0; i < per_block; i++)
        assert_non_null(sa_arena_alloc(&ar, 1024));
    assert_int_equal(h.allocs, 1);
    assert_non_null(sa_arena_alloc(&ar, 1024));
    assert_int_equal(h.allocs, 2);
    ts_heap_free_all(&h);
}

static void test_large_object_allocated_apart(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    assert_non_null(sa_arena_alloc(&ar, 16));
    unsigned char *big = sa_arena_alloc(&ar, SA_ARENA_BLOCK);
    assert_non_null(big);
    assert_int_equal(h.allocs, 2);
    assert_int_equal(big[SA_ARENA_BLOCK - 1], 0);
    /* The block in use is kept: the next small object still goes there. */
    assert_non_null(sa_arena_alloc(&ar, 16));
    assert_int_equal(h.allocs, 2);
    ts_heap_free_all(&h);
}

static void test_base_failure_gives_null_then_recovers(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    h.fail_after = 0;
    assert_null(sa_arena_alloc(&ar, 8));
    assert_null(sa_arena_alloc(&ar, SA_ARENA_BLOCK));
    assert_null(sa_arena_alloc(&ar, SIZE_MAX));
    h.fail_after = -1;
    assert_non_null(sa_arena_alloc(&ar, 8));
    ts_heap_free_all(&h);
}

static void test_allocator_view_releases_nothing(void **state)
{
    (void)state;
    struct ts_heap h;
    ts_heap_init(&h);
    struct sa_arena ar;
    sa_arena_init(&ar, &h.a);
    const struct sa_allocator *view = &ar.as_allocator;
    void *p = view->alloc(view->ctx, 40);
    assert_non_null(p);
    view->release(view->ctx, p, 40);
    assert_int_equal(h.releases, 0);
    assert_int_equal(h.live_bytes, SA_ARENA_BLOCK);
    ts_heap_free_all(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_objects_share_a_block_zeroed_and_aligned),
        cmocka_unit_test(test_new_block_when_full),
        cmocka_unit_test(test_large_object_allocated_apart),
        cmocka_unit_test(test_base_failure_gives_null_then_recovers),
        cmocka_unit_test(test_allocator_view_releases_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
