/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "record_store.h"

#include <string.h>

_Static_assert(sizeof(struct sa_record) <= 16, "a record is four words at most");

void sa_record_store_init(struct sa_record_store *s, const struct sa_allocator *alloc)
{
    *s = (struct sa_record_store){ .alloc = alloc };
}

/* Grows an array by doubling; old contents are copied and the old block released. */
static void *grow_array(const struct sa_allocator *a, void *old, size_t old_bytes, size_t new_bytes)
{
    void *p = a->alloc(a->ctx, new_bytes);
    if (!p)
        return NULL;
    if (old) {
        memcpy(p, old, old_bytes);
        a->release(a->ctx, old, old_bytes);
    }
    return p;
}

static bool ensure_frame(struct sa_record_store *s, uint32_t frame)
{
    if (frame < s->frame_capacity)
        return true;
    uint32_t cap = s->frame_capacity ? s->frame_capacity : 1024;
    while (cap <= frame) {
        if (cap > UINT32_MAX / 2)
            return false;
        cap *= 2;
    }
    uint32_t *p = grow_array(s->alloc, s->frame_first, s->frame_capacity * sizeof *p, cap * sizeof *p);
    if (!p)
        return false;
    s->frame_first = p;
    s->frame_capacity = cap;
    return true;
}

static struct sa_record *slot(const struct sa_record_store *s, uint32_t index)
{
    return &s->chunks[index / SA_RECORD_CHUNK][index % SA_RECORD_CHUNK];
}

static bool ensure_chunk(struct sa_record_store *s)
{
    if (s->count < s->chunk_count * SA_RECORD_CHUNK)
        return true;
    if (s->chunk_count == s->chunk_capacity) {
        uint32_t cap = s->chunk_capacity ? s->chunk_capacity * 2 : 16;
        struct sa_record **p = grow_array(s->alloc, s->chunks, s->chunk_capacity * sizeof *p, cap * sizeof *p);
        if (!p)
            return false;
        s->chunks = p;
        s->chunk_capacity = cap;
    }
    struct sa_record *chunk = s->alloc->alloc(s->alloc->ctx, SA_RECORD_CHUNK * sizeof *chunk);
    if (!chunk)
        return false;
    s->chunks[s->chunk_count++] = chunk;
    return true;
}

struct sa_record *sa_record_store_add(struct sa_record_store *s, uint32_t frame)
{
    if (s->count == UINT32_MAX - 1 || !ensure_frame(s, frame) || !ensure_chunk(s))
        return NULL;
    if (s->frame_first[frame] != 0 && s->count > 0 && frame == s->last_frame)
        slot(s, s->count - 1)->flags |= SA_REC_MORE_IN_FRAME;
    else if (s->frame_first[frame] == 0)
        s->frame_first[frame] = s->count + 1;
    else
        return NULL; /* records of a frame must be contiguous: a frame seen again is ignored */
    s->last_frame = frame;
    return slot(s, s->count++);
}

const struct sa_record *sa_record_store_first(const struct sa_record_store *s, uint32_t frame)
{
    if (frame >= s->frame_capacity || s->frame_first[frame] == 0)
        return NULL;
    return slot(s, s->frame_first[frame] - 1);
}

const struct sa_record *sa_record_store_next(const struct sa_record_store *s, const struct sa_record *r)
{
    if (!(r->flags & SA_REC_MORE_IN_FRAME))
        return NULL;
    /* Find r's index through its chunk: chunks are few, and this runs only for frames with
     * several SIP messages. */
    for (uint32_t c = 0; c < s->chunk_count; c++) {
        const struct sa_record *base = s->chunks[c];
        if (r >= base && r < base + SA_RECORD_CHUNK) {
            uint32_t index = c * SA_RECORD_CHUNK + (uint32_t)(r - base) + 1;
            return index < s->count ? slot(s, index) : NULL;
        }
    }
    return NULL;
}

size_t sa_record_store_bytes(const struct sa_record_store *s)
{
    return (size_t)s->chunk_count * SA_RECORD_CHUNK * sizeof(struct sa_record) +
           (size_t)s->chunk_capacity * sizeof(struct sa_record *) + (size_t)s->frame_capacity * sizeof(uint32_t);
}
