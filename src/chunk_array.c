/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "chunk_array.h"

#include <string.h>

void sa_chunk_array_init(struct sa_chunk_array *c, const struct sa_allocator *alloc, size_t element_size)
{
    *c = (struct sa_chunk_array){ .alloc = alloc, .element_size = (uint32_t)element_size };
}

/* Room for one more chunk pointer: the list doubles, the chunks themselves stay where they are. */
static bool ensure_chunk_slot(struct sa_chunk_array *c)
{
    if (c->chunk_count < c->chunk_capacity)
        return true;
    uint32_t cap = c->chunk_capacity ? c->chunk_capacity * 2 : 16;
    void **p = c->alloc->alloc(c->alloc->ctx, cap * sizeof *p);
    if (!p)
        return false;
    if (c->chunks) {
        memcpy(p, c->chunks, c->chunk_capacity * sizeof *p);
        c->alloc->release(c->alloc->ctx, c->chunks, c->chunk_capacity * sizeof *p);
    }
    c->chunks = p;
    c->chunk_capacity = cap;
    return true;
}

uint32_t sa_chunk_array_add(struct sa_chunk_array *c, uint32_t limit)
{
    if (c->count >= limit || c->count == UINT32_MAX)
        return 0;
    if (c->count == (uint64_t)c->chunk_count * SA_CHUNK_ELEMENTS) {
        if (!ensure_chunk_slot(c))
            return 0;
        void *chunk = c->alloc->alloc(c->alloc->ctx, (size_t)SA_CHUNK_ELEMENTS * c->element_size);
        if (!chunk)
            return 0;
        c->chunks[c->chunk_count++] = chunk;
    }
    /* zeroed: the allocator's memory is (sa_types.h), and an element is handed out once */
    return ++c->count;
}

size_t sa_chunk_array_bytes(const struct sa_chunk_array *c)
{
    return (size_t)c->chunk_capacity * sizeof(void *) + (size_t)c->chunk_count * SA_CHUNK_ELEMENTS * c->element_size;
}
