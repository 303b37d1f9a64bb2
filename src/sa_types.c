/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "sa_types.h"

#include <string.h>

/* ASCII-only folding: SIP tokens are ASCII, and locale-dependent tolower() must not decide. */

bool sa_slices_eq_nocase(struct sa_slice a, struct sa_slice b)
{
    if (a.len != b.len)
        return false;
    /* Usually written the same way (a reason phrase, a header name): one memcmp settles it. */
    if (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0)
        return true;
    for (uint32_t i = 0; i < a.len; i++) {
        if (sa_ascii_fold((unsigned char)a.ptr[i]) != sa_ascii_fold((unsigned char)b.ptr[i]))
            return false;
    }
    return true;
}

bool sa_slice_eq_nocase(struct sa_slice a, const char *lit)
{
    struct sa_slice b = { lit, (uint32_t)strlen(lit) };
    return sa_slices_eq_nocase(a, b);
}
