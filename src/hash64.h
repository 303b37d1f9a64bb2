/* SPDX-License-Identifier: GPL-2.0-or-later */
/* 64-bit hashing of key material. Transactions are stored by this hash alone (plus the CSeq
 * number, checked on lookup): with 64 bits, two live keys colliding in a capture of a million
 * transactions has a probability below 1e-7, while storing the full key would triple the
 * memory per transaction (README, "Cost"). */
#ifndef SA_HASH64_H
#define SA_HASH64_H

#include "sa_types.h"

#define SA_HASH_SEED 0xcbf29ce484222325ull

uint64_t sa_hash_bytes(uint64_t h, const void *data, size_t len);
uint64_t sa_hash_slice(uint64_t h, struct sa_slice s); /* includes the length, so fields cannot run together */
uint64_t sa_hash_u32(uint64_t h, uint32_t v);
uint64_t sa_hash_endpoint(uint64_t h, const struct sa_endpoint *ep);
/* Final avalanche so that low bits are usable as a table index; never returns 0. */
uint64_t sa_hash_finish(uint64_t h);

#endif
