/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "hash_table.h"

#define INITIAL_CAPACITY 256

static struct sa_hash_slot *find_slot(struct sa_hash_slot *slots, size_t cap, uint64_t key)
{
    size_t i = (size_t)key & (cap - 1);
    while (slots[i].key != 0 && slots[i].key != key)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static bool grow(struct sa_hash_table *t)
{
    size_t cap = t->capacity ? t->capacity * 2 : INITIAL_CAPACITY;
    struct sa_hash_slot *slots = t->alloc->alloc(t->alloc->ctx, cap * sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < t->capacity; i++) {
        if (t->slots[i].key)
            *find_slot(slots, cap, t->slots[i].key) = t->slots[i];
    }
    if (t->slots)
        t->alloc->release(t->alloc->ctx, t->slots, t->capacity * sizeof *t->slots);
    t->slots = slots;
    t->capacity = cap;
    return true;
}

bool sa_hash_table_init(struct sa_hash_table *t, const struct sa_allocator *alloc)
{
    *t = (struct sa_hash_table){ .alloc = alloc };
    return grow(t);
}

void *sa_hash_table_get(const struct sa_hash_table *t, uint64_t key)
{
    if (!t->slots || key == 0)
        return NULL;
    return find_slot(t->slots, t->capacity, key)->value;
}

bool sa_hash_table_put(struct sa_hash_table *t, uint64_t key, void *value)
{
    if (key == 0)
        return false;
    /* Keep the load at or under one half so probes stay short. */
    if ((t->count + 1) * 2 > t->capacity && !grow(t))
        return false;
    struct sa_hash_slot *s = find_slot(t->slots, t->capacity, key);
    if (s->key == 0) {
        s->key = key;
        t->count++;
    }
    s->value = value;
    return true;
}

size_t sa_hash_table_bytes(const struct sa_hash_table *t)
{
    return t->capacity * sizeof(struct sa_hash_slot);
}
