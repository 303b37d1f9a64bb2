/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Appending text into a caller's buffer with snprintf rules: output is always NUL-terminated
 * when size > 0, and len keeps counting past the end so callers learn the size needed. */
#ifndef SA_TEXT_BUF_H
#define SA_TEXT_BUF_H

#include <stddef.h>

struct sa_text {
    char *buf;
    size_t size;
    size_t len;
};

void sa_text_init(struct sa_text *t, char *buf, size_t size);
void sa_text_add(struct sa_text *t, const char *s);
void sa_text_addn(struct sa_text *t, const char *s, size_t n);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void sa_text_addf(struct sa_text *t, const char *fmt, ...);

#endif
