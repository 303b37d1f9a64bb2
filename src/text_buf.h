/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Appending text into a caller's buffer with snprintf rules: output is always NUL-terminated
 * when size > 0, and len keeps counting past the end so callers learn the size needed.
 *
 * Everything the plugin shows must be valid UTF-8 (tshark -T json, terminals, the GUI): a text
 * cut because the buffer is full is cut before the character that does not fit, never inside it,
 * and bytes copied from a capture go through the escaper, which turns control characters and
 * bytes that are not well-formed UTF-8 into \xNN (a backslash into \\). */
#ifndef SA_TEXT_BUF_H
#define SA_TEXT_BUF_H

#include <stddef.h>

struct sa_text {
    char *buf;
    size_t size; /* lowered to where the text was cut, so nothing is written after a cut */
    size_t len;
};

void sa_text_init(struct sa_text *t, char *buf, size_t size);
/* Adds text the caller knows to be valid UTF-8 (its own literals, escaped text). */
void sa_text_add(struct sa_text *t, const char *s);
void sa_text_addn(struct sa_text *t, const char *s, size_t n);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void sa_text_addf(struct sa_text *t, const char *fmt, ...);
/* Adds n bytes from a capture, escaped (sa_escape); len counts the escaped length. */
void sa_text_add_escaped(struct sa_text *t, const char *s, size_t n);

/* Length of the well-formed UTF-8 character at p (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), reading at most n > 0 bytes; 0 when it is not well formed there. */
size_t sa_utf8_char_len(const unsigned char *p, size_t n);
/* The escaped form of n bytes: its length, and the bytes themselves into dst (which holds
 * sa_escaped_len(s, n) bytes; no NUL is added). Printable UTF-8 characters are kept; C0 controls,
 * DEL, C1 controls (U+0080-U+009F) and every byte of an ill-formed sequence become \xNN per
 * byte; a backslash becomes \\ so an escape cannot be forged. */
size_t sa_escaped_len(const char *s, size_t n);
size_t sa_escape(char *dst, const char *s, size_t n);
/* The longest prefix of s[0, n) (itself valid UTF-8 up to a possible cut) that does not end in
 * the first bytes of a character: where to cut n bytes of text without splitting a character. */
size_t sa_utf8_cut(const char *s, size_t n);

#endif
