/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "text_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sa_text_init(struct sa_text *t, char *buf, size_t size)
{
    t->buf = buf;
    t->size = size;
    t->len = 0;
    if (size)
        buf[0] = '\0';
}

void sa_text_addn(struct sa_text *t, const char *s, size_t n)
{
    if (t->len + 1 < t->size) {
        size_t room = t->size - 1 - t->len;
        size_t k = n < room ? n : room;
        memcpy(t->buf + t->len, s, k);
        t->buf[t->len + k] = '\0';
    }
    t->len += n;
}

void sa_text_add(struct sa_text *t, const char *s)
{
    sa_text_addn(t, s, strlen(s));
}

void sa_text_addf(struct sa_text *t, const char *fmt, ...)
{
    /* Format straight into the room left; vsnprintf reports the full length either way. */
    size_t room = t->len < t->size ? t->size - t->len : 0;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(room ? t->buf + t->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->len += (size_t)n;
}
