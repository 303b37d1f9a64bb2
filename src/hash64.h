/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A fast unkeyed 64-bit hash, for what a capture cannot aim at or where a hit is checked in full:
 * record addresses (the analyzer's side tables) and the option-tag set caches, which compare the
 * sets on a hit. Everything looked up by capture bytes uses the keyed siphash.h and whole keys. */
#ifndef SA_HASH64_H
#define SA_HASH64_H

#include <string.h>

#include "sa_types.h"

#define SA_HASH_SEED 0xcbf29ce484222325ull

/* All inline: a few of these run for every SIP message, and a call costs as much as the work. */
/* One 64-bit word into the state: xor, multiply by an odd constant, fold the high bits down.
 * Each step is a bijection of the state, so no word is lost; sa_hash_finish mixes the rest. */
static inline uint64_t sa_hash_mix_word(uint64_t h, uint64_t w)
{
    h ^= w;
    h *= 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

/* Eight bytes at a time: keys are hashed for every SIP message, so a byte-wise hash costs
 * several hundred instructions per message (a Via branch alone is 20-40 bytes). The tail is read
 * as overlapping words inside the data, never past it; with the length mixed in, every byte
 * still counts exactly once per position. */
static inline uint64_t sa_hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    const size_t total = len;
    uint64_t w;
    for (; len >= 8; p += 8, len -= 8) {
        memcpy(&w, p, 8);
        h = sa_hash_mix_word(h, w);
    }
    if (len == 0)
        return h;
    if (total >= 8) {
        memcpy(&w, p + len - 8, 8); /* the last 8 bytes, overlapping the previous word */
    } else if (len >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, p, 4);
        memcpy(&hi, p + len - 4, 4);
        w = (uint64_t)lo | (uint64_t)hi << 32;
    } else {
        w = (uint64_t)p[0] | (uint64_t)p[len / 2] << 8 | (uint64_t)p[len - 1] << 16;
    }
    return sa_hash_mix_word(h, w ^ ((uint64_t)len << 59));
}

static inline uint64_t sa_hash_u32(uint64_t h, uint32_t v)
{
    return sa_hash_mix_word(h, (uint64_t)v | (1ull << 63));
}

static inline uint64_t sa_hash_slice(uint64_t h, struct sa_slice s)
{
    h = sa_hash_u32(h, s.len);
    return s.len ? sa_hash_bytes(h, s.ptr, s.len) : h;
}

static inline uint64_t sa_hash_endpoint(uint64_t h, const struct sa_endpoint *ep)
{
    size_t n = ep->addr_len <= sizeof ep->addr ? ep->addr_len : sizeof ep->addr;
    h = sa_hash_u32(h, ((uint32_t)ep->port << 8) | ep->addr_len);
    return sa_hash_bytes(h, ep->addr, n);
}

static inline uint64_t sa_hash_finish(uint64_t h)
{
    /* Final avalanche (splitmix64) so that low bits are usable as a table index; never 0. */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h ? h : 1;
}

#endif
