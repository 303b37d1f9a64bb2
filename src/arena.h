/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bump allocation for objects that live as long as the capture's analysis (transactions, the
 * option tags a request listed, 420/421 findings): one allocation from the base allocator per
 * block instead of one per object, and nothing to free one by one. Used on the first pass for
 * nearly every request, where a general allocator costs more than the analysis of the message. */
#ifndef SA_ARENA_H
#define SA_ARENA_H

#include "sa_types.h"

#define SA_ARENA_BLOCK 16384u

struct sa_arena {
    struct sa_allocator base; /* where blocks (and objects too large for one) come from */
    char *block;
    size_t used;
    struct sa_allocator as_allocator; /* sa_allocator view: release is a no-op */
};

void sa_arena_init(struct sa_arena *ar, const struct sa_allocator *base);
/* Zeroed memory, aligned for any object; NULL when the base allocator fails. */
void *sa_arena_alloc(struct sa_arena *ar, size_t size);

#endif
