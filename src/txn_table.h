/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The transactions of a capture, found by their full key (txn_key.h).
 *
 * Chained hashing on the key's bucket part with SipHash under a per-capture random key: a lookup
 * walks one chain and compares whole keys, never a hash alone. Two things bound a chain whatever
 * the capture holds: an attacker cannot aim keys at one bucket without the hash key, and entries
 * whose bucket parts are equal (what a capture can repeat at will: one branch sent to many ports,
 * or reused by many Call-IDs) are kept to SA_TXN_SAME_BUCKET_MAX, the oldest leaving the chain
 * (its records still point at it; later messages of it find no match rather than a wrong one). */
#ifndef SA_TXN_TABLE_H
#define SA_TXN_TABLE_H

#include "arena.h"
#include "transaction.h"
#include "txn_key.h"

#define SA_TXN_SAME_BUCKET_MAX 8

struct sa_txn_table {
    const struct sa_allocator *alloc; /* the bucket array */
    struct sa_txn **buckets;
    size_t capacity; /* power of two */
    size_t count;
    struct sa_hash_key hash_key;
};

/* What a lookup found, newest first. */
struct sa_txn_found {
    struct sa_txn *same;            /* the transaction with this exact key */
    struct sa_txn *other_port;      /* one with its request that differs only in the server's port ... */
    unsigned other_port_count;      /* ... and how many such there are (1: unambiguous) */
    struct sa_txn *other_call;      /* same branch, method, hop and port, another Call-ID */
    uint64_t hash;                  /* of the key's bucket part, for sa_txn_table_add */
};

bool sa_txn_table_init(struct sa_txn_table *t, const struct sa_allocator *alloc, const struct sa_hash_key *key);
void sa_txn_table_find(const struct sa_txn_table *t, const struct sa_key *k, struct sa_txn_found *out);
/* A new zeroed transaction holding k (found: what sa_txn_table_find said of k), from the arena,
 * first in its chain; NULL when out of memory. */
struct sa_txn *sa_txn_table_add(struct sa_txn_table *t, struct sa_arena *arena, const struct sa_key *k,
                                const struct sa_txn_found *found);
size_t sa_txn_table_bytes(const struct sa_txn_table *t);

#endif
