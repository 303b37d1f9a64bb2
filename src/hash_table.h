/* SPDX-License-Identifier: GPL-2.0-or-later */
/* An open-addressing map from a non-zero 64-bit hash to a pointer, allocated through
 * struct sa_allocator. Inserting an existing key replaces its value. O(1) amortised. */
#ifndef SA_HASH_TABLE_H
#define SA_HASH_TABLE_H

#include "sa_types.h"

struct sa_hash_slot {
    uint64_t key; /* 0 = empty */
    void *value;
};

struct sa_hash_table {
    const struct sa_allocator *alloc;
    struct sa_hash_slot *slots;
    size_t capacity; /* power of two */
    size_t count;
};

bool sa_hash_table_init(struct sa_hash_table *t, const struct sa_allocator *alloc);
void *sa_hash_table_get(const struct sa_hash_table *t, uint64_t key);
bool sa_hash_table_put(struct sa_hash_table *t, uint64_t key, void *value);
size_t sa_hash_table_bytes(const struct sa_hash_table *t);

#endif
