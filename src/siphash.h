/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SipHash-1-3 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012): a keyed hash
 * whose outputs an attacker cannot predict without the key. Every table the analysis fills from
 * capture bytes is indexed with it, under a key drawn at random for each capture, so no crafted
 * capture can make its keys pile up in one place (issue 18, "hash flooding"). One compression
 * round per word and three at the end, as CPython and Rust's HashMap use it for the same job. */
#ifndef SA_SIPHASH_H
#define SA_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

struct sa_hash_key {
    uint64_t k0, k1;
};

uint64_t sa_siphash(const struct sa_hash_key *key, const void *data, size_t len);

#endif
