/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Inputs for the header-value readers' tests: each copied into a heap block of exactly its length,
 * with no terminator, so that AddressSanitizer reports a read even one byte past the slice (the
 * sanitizer build runs these tests). Include after cmocka.h. */
#ifndef SA_TEST_EXACT_BYTES_H
#define SA_TEST_EXACT_BYTES_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sa_types.h"

/* Stands in when malloc(0) returns NULL. */
static const char eb_none[1];

/* n bytes of src in a block of n bytes (malloc(0) for none: any read of it is reported). */
static inline struct sa_slice eb_copy(const void *src, size_t n)
{
    char *b = malloc(n);
    if (n != 0) {
        assert_non_null(b);
        memcpy(b, src, n);
    }
    return (struct sa_slice){ b ? b : eb_none, (uint32_t)n };
}

/* A C string without its terminator. */
static inline struct sa_slice eb_str(const char *s)
{
    return eb_copy(s, strlen(s));
}

static inline void eb_free(struct sa_slice s)
{
    if (s.ptr != eb_none)
        free((void *)s.ptr);
}

/* n copies of byte c followed by the string tail, as a heap string (free() it). */
static inline char *eb_repeat(char c, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    char *s = malloc(n + t + 1);
    assert_non_null(s);
    memset(s, c, n);
    memcpy(s + n, tail, t + 1);
    return s;
}

/* Whether slice s lies inside the input in. */
static inline int eb_within(struct sa_slice s, struct sa_slice in)
{
    return s.ptr >= in.ptr && s.ptr + s.len <= in.ptr + in.len;
}

#endif
