/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Elements of one size, numbered from 1 in the order they are added, in chunks that never move:
 * a number found again later, and a pointer to an element, stay valid as the array grows. What a
 * record or a transaction refers to by number (4 bytes) instead of by pointer lives in one. */
#ifndef SA_CHUNK_ARRAY_H
#define SA_CHUNK_ARRAY_H

#include "sa_types.h"

#define SA_CHUNK_ELEMENTS 256u

struct sa_chunk_array {
    const struct sa_allocator *alloc;
    void **chunks;
    uint32_t chunk_count, chunk_capacity, count;
    uint32_t element_size;
};

void sa_chunk_array_init(struct sa_chunk_array *c, const struct sa_allocator *alloc, size_t element_size);
/* A new zeroed element's number, or 0 when out of memory or when `limit` elements are there. */
uint32_t sa_chunk_array_add(struct sa_chunk_array *c, uint32_t limit);
/* Element n, or NULL for 0 and numbers never given. */
static inline void *sa_chunk_array_at(const struct sa_chunk_array *c, uint32_t n)
{
    if (n == 0 || n > c->count)
        return NULL;
    return (char *)c->chunks[(n - 1) / SA_CHUNK_ELEMENTS] + (size_t)((n - 1) % SA_CHUNK_ELEMENTS) * c->element_size;
}
size_t sa_chunk_array_bytes(const struct sa_chunk_array *c);

#endif
