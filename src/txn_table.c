/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "txn_table.h"

#include <string.h>

#define INITIAL_CAPACITY 256

static uint64_t hash_of(const struct sa_txn_table *t, const uint8_t *bytes, size_t len)
{
    return sa_siphash(&t->hash_key, bytes, len);
}

static bool grow(struct sa_txn_table *t)
{
    size_t cap = t->capacity ? t->capacity * 2 : INITIAL_CAPACITY;
    struct sa_txn **b = t->alloc->alloc(t->alloc->ctx, cap * sizeof *b);
    if (!b)
        return false;
    struct sa_txn **old = t->buckets;
    size_t old_cap = t->capacity;
    t->buckets = b;
    t->capacity = cap;
    /* Chains are rebuilt back to front so each keeps its newest-first order. */
    for (size_t i = 0; i < old_cap; i++) {
        struct sa_txn *rev = NULL;
        for (struct sa_txn *x = old[i], *next; x; x = next) {
            next = x->next;
            x->next = rev;
            rev = x;
        }
        for (struct sa_txn *x = rev, *next; x; x = next) {
            next = x->next;
            size_t j = (size_t)x->bucket_hash & (cap - 1);
            x->next = b[j];
            b[j] = x;
        }
    }
    if (old)
        t->alloc->release(t->alloc->ctx, old, old_cap * sizeof *old);
    return true;
}

bool sa_txn_table_init(struct sa_txn_table *t, const struct sa_allocator *alloc, const struct sa_hash_key *key)
{
    *t = (struct sa_txn_table){ .alloc = alloc, .hash_key = *key };
    return grow(t);
}

void sa_txn_table_find(const struct sa_txn_table *t, const struct sa_key *k, struct sa_txn_found *out)
{
    *out = (struct sa_txn_found){ .hash = hash_of(t, k->bytes, k->bucket_len) };
    for (struct sa_txn *x = t->buckets[out->hash & (t->capacity - 1)]; x; x = x->next) {
        switch (sa_key_compare(x->key, x->key_len, x->key_bucket_len, k)) {
        case SA_KEY_SAME:
            if (!out->same)
                out->same = x;
            break;
        case SA_KEY_OTHER_PORT:
            if (!x->req_frame)
                break; /* made from a response: no request to answer */
            if (!out->other_port)
                out->other_port = x;
            out->other_port_count++;
            break;
        case SA_KEY_OTHER_CALL_ID:
            if (!out->other_call)
                out->other_call = x;
            break;
        case SA_KEY_DIFFERENT:
            break;
        }
    }
}

static bool same_bucket_part(const struct sa_txn *x, const struct sa_key *k)
{
    return x->key_bucket_len == k->bucket_len && memcmp(x->key, k->bytes, k->bucket_len) == 0;
}

/* Unlinks the oldest entry sharing k's bucket part once there are SA_TXN_SAME_BUCKET_MAX, and
 * marks the rest (and x, the newcomer) crowded: a response can no longer tell that only one of
 * them was sent to another port. */
static void bound_chain(struct sa_txn_table *t, struct sa_txn **head, const struct sa_key *k, struct sa_txn *x)
{
    unsigned n = 0;
    bool crowded = false;
    struct sa_txn **oldest = NULL;
    for (struct sa_txn **p = head; *p; p = &(*p)->next) {
        if (same_bucket_part(*p, k)) {
            n++;
            oldest = p;
            crowded |= ((*p)->flags & SA_TXN_CROWDED) != 0;
        }
    }
    if (n >= SA_TXN_SAME_BUCKET_MAX) {
        *oldest = (*oldest)->next;
        t->count--;
        crowded = true;
        for (struct sa_txn *p = *head; p; p = p->next) {
            if (same_bucket_part(p, k))
                p->flags |= SA_TXN_CROWDED;
        }
    }
    if (crowded)
        x->flags |= SA_TXN_CROWDED;
}

struct sa_txn *sa_txn_table_add(struct sa_txn_table *t, struct sa_arena *arena, const struct sa_key *k,
                                const struct sa_txn_found *found)
{
    /* Load at most one per bucket keeps chains short. */
    if (t->count + 1 > t->capacity && !grow(t))
        return NULL;
    struct sa_txn *x = sa_arena_alloc(arena, sizeof *x + k->len);
    if (!x)
        return NULL;
    x->key_len = k->len;
    x->key_bucket_len = k->bucket_len;
    x->bucket_hash = (uint32_t)found->hash;
    memcpy(x->key, k->bytes, k->len);
    struct sa_txn **head = &t->buckets[found->hash & (t->capacity - 1)];
    bound_chain(t, head, k, x);
    x->next = *head;
    *head = x;
    t->count++;
    return x;
}

size_t sa_txn_table_bytes(const struct sa_txn_table *t)
{
    return t->capacity * sizeof *t->buckets;
}
