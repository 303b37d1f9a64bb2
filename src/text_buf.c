/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "text_buf.h"

#include <stdarg.h>
#include <stdbool.h>
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

size_t sa_utf8_char_len(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        return 0;
    }
    if (len > n || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return len;
}

size_t sa_utf8_cut(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    /* A character is at most four bytes: only the last three can start one that is cut. */
    for (size_t back = 1; back <= 3 && back <= n; back++) {
        unsigned char c = p[n - back];
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte: its lead is further back */
        size_t need = c >= 0xF5 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
        return need > back ? n - back : n;
    }
    return n;
}

/* Writes the n bytes of one unit (a character or an escape) only when all of them fit, so the
 * buffer never ends inside one; len counts them either way. */
static void add_unit(struct sa_text *t, const char *s, size_t n)
{
    if (t->len + n < t->size) {
        memcpy(t->buf + t->len, s, n);
        t->buf[t->len + n] = '\0';
    } else if (t->len < t->size) {
        t->buf[t->len] = '\0';
        t->size = t->len + 1; /* nothing after a unit that did not fit may be written */
    }
    t->len += n;
}

void sa_text_addn(struct sa_text *t, const char *s, size_t n)
{
    if (t->len + n < t->size) {
        memcpy(t->buf + t->len, s, n);
        t->buf[t->len + n] = '\0';
    } else if (t->len + 1 < t->size) {
        size_t k = sa_utf8_cut(s, t->size - 1 - t->len);
        memcpy(t->buf + t->len, s, k);
        t->buf[t->len + k] = '\0';
        t->size = t->len + k + 1; /* stop here: later, shorter text must not follow the cut */
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
    if (n <= 0)
        return;
    if ((size_t)n >= room && room > 0) {
        /* Cut by vsnprintf anywhere: back off to the start of the character it split. */
        size_t k = sa_utf8_cut(t->buf + t->len, room - 1);
        t->buf[t->len + k] = '\0';
        t->size = t->len + k + 1;
    }
    t->len += (size_t)n;
}

/* Whether the well-formed character at p (n bytes) must be escaped: C0, DEL, C1. */
static bool is_control(const unsigned char *p, size_t n)
{
    if (n == 1)
        return p[0] < 0x20 || p[0] == 0x7F;
    return n == 2 && p[0] == 0xC2 && p[1] < 0xA0;
}

static const char HEX[] = "0123456789abcdef";

/* The next unit of the escaped form of [p, p+n): its bytes into out (at most 4), its length;
 * *used: how many input bytes it stands for. */
static size_t next_unit(const unsigned char *p, size_t n, char out[4], size_t *used)
{
    size_t k = sa_utf8_char_len(p, n);
    if (k == 1 && p[0] == '\\') {
        *used = 1;
        out[0] = out[1] = '\\';
        return 2;
    }
    if (k == 0 || is_control(p, k)) {
        /* one escape per byte: a C1 control's two bytes become two escapes */
        *used = 1;
        out[0] = '\\';
        out[1] = 'x';
        out[2] = HEX[p[0] >> 4];
        out[3] = HEX[p[0] & 15];
        return 4;
    }
    *used = k;
    memcpy(out, p, k);
    return k;
}

size_t sa_escaped_len(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = 0, used;
    char unit[4];
    for (size_t i = 0; i < n; i += used)
        len += next_unit(p + i, n - i, unit, &used);
    return len;
}

size_t sa_escape(char *dst, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = 0, used;
    for (size_t i = 0; i < n; i += used)
        len += next_unit(p + i, n - i, dst + len, &used);
    return len;
}

void sa_text_add_escaped(struct sa_text *t, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t used;
    char unit[4];
    for (size_t i = 0; i < n; i += used) {
        size_t k = next_unit(p + i, n - i, unit, &used);
        add_unit(t, unit, k);
    }
}
