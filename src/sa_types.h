/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small value types shared by the analysis library: byte slices, endpoints, the allocator hook. */
#ifndef SA_TYPES_H
#define SA_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A view into a message buffer; never NUL-terminated, never owned. */
struct sa_slice {
    const char *ptr;
    uint32_t len;
};

/* One side of a hop: an IPv4/IPv6 address (or any opaque address bytes) and a port. */
struct sa_endpoint {
    uint8_t addr[16];
    uint8_t addr_len;
    uint16_t port;
};

/* Where long-lived analysis state is allocated. The plugin maps this onto wmem file scope
 * (freed in one go when the capture closes); the tests map it onto malloc with tracking. */
struct sa_allocator {
    void *(*alloc)(void *ctx, size_t size); /* must return zeroed memory or NULL */
    void (*release)(void *ctx, void *ptr, size_t size); /* size as allocated; may be a no-op */
    void *ctx;
};

/* ASCII lower case (SIP's case-insensitive tokens and phrases are ASCII). */
static inline unsigned char sa_ascii_fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

bool sa_slice_eq_nocase(struct sa_slice a, const char *lit);
bool sa_slices_eq_nocase(struct sa_slice a, struct sa_slice b);

#endif
