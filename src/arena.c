/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "arena.h"

#include <stddef.h>

/* The base allocator's blocks are at least this aligned (wmem: 16 bytes on 64-bit hosts). */
#define ALIGN (_Alignof(max_align_t))

static void *arena_alloc_cb(void *ctx, size_t size)
{
    return sa_arena_alloc(ctx, size);
}

/* Arena memory goes with the whole analysis (wmem file scope in the plugin). */
static void arena_release_cb(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)ptr;
    (void)size;
}

void sa_arena_init(struct sa_arena *ar, const struct sa_allocator *base)
{
    *ar = (struct sa_arena){ .base = *base };
    ar->as_allocator = (struct sa_allocator){ arena_alloc_cb, arena_release_cb, ar };
}

void *sa_arena_alloc(struct sa_arena *ar, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ALIGN)
        return NULL;
    size = (size + ALIGN - 1) / ALIGN * ALIGN;
    /* Objects above a quarter block get their own allocation, so blocks are not wasted. */
    if (size > SA_ARENA_BLOCK / 4)
        return ar->base.alloc(ar->base.ctx, size); /* zeroed by the allocator's contract */
    if (!ar->block || SA_ARENA_BLOCK - ar->used < size) {
        char *b = ar->base.alloc(ar->base.ctx, SA_ARENA_BLOCK);
        if (!b)
            return NULL;
        ar->block = b;
        ar->used = 0;
    }
    /* Never handed out before, and the base allocator returns zeroed memory: already zero. */
    void *p = ar->block + ar->used;
    ar->used += size;
    return p;
}
