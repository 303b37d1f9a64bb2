/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "hash64.h"

/* FNV-1a over the bytes, then a strong final mix. */
uint64_t sa_hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

uint64_t sa_hash_u32(uint64_t h, uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24) };
    return sa_hash_bytes(h, b, sizeof b);
}

uint64_t sa_hash_slice(uint64_t h, struct sa_slice s)
{
    h = sa_hash_u32(h, s.len);
    return s.len ? sa_hash_bytes(h, s.ptr, s.len) : h;
}

uint64_t sa_hash_endpoint(uint64_t h, const struct sa_endpoint *ep)
{
    h = sa_hash_bytes(h, &ep->addr_len, 1);
    h = sa_hash_bytes(h, ep->addr, ep->addr_len <= sizeof ep->addr ? ep->addr_len : sizeof ep->addr);
    return sa_hash_u32(h, ep->port);
}

uint64_t sa_hash_finish(uint64_t h)
{
    /* splitmix64 finaliser */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h ? h : 1;
}
