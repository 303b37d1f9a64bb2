/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tag_list.h"

#include <string.h>

void sa_tag_list_builder_init(struct sa_tag_list_builder *b)
{
    b->count = 0;
    b->cut = false;
}

void sa_tag_list_builder_add(struct sa_tag_list_builder *b, struct sa_slice tag)
{
    if (b->count >= SA_MAX_TAGS) {
        b->cut = true;
        return;
    }
    if (tag.len > SA_MAX_TAG_LEN)
        tag.len = SA_MAX_TAG_LEN;
    b->tags[b->count++] = tag;
}

bool sa_tag_list_builder_has(const struct sa_tag_list_builder *b, struct sa_slice tag)
{
    for (uint16_t i = 0; i < b->count; i++) {
        if (sa_slices_eq_nocase(b->tags[i], tag))
            return true;
    }
    return false;
}

/* Length of the well-formed UTF-8 sequence at p (at most n bytes, RFC 3629 table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0 when it is not well formed. */
static uint32_t utf8_len(const unsigned char *p, uint32_t n)
{
    unsigned char c = p[0];
    uint32_t len;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (len > n || p[1] < lo || p[1] > hi)
        return 0;
    for (uint32_t i = 2; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return len;
}

/* C0 and C1 control characters, and DEL. */
static bool is_control(const unsigned char *p, uint32_t n)
{
    if (n == 1)
        return p[0] < 0x20 || p[0] == 0x7F;
    return n == 2 && p[0] == 0xC2 && p[1] < 0xA0;
}

/* Copies a tag as written, except bytes that are not valid UTF-8 or are control characters
 * (NUL among them, which would split the list): those become '?', so every consumer (tree,
 * JSON output, expert texts) gets printable UTF-8. */
static void copy_displayable(char *dst, struct sa_slice tag)
{
    const unsigned char *p = (const unsigned char *)tag.ptr;
    uint32_t i = 0;
    while (i < tag.len) {
        uint32_t n = utf8_len(p + i, tag.len - i);
        if (n == 0 || is_control(p + i, n)) {
            /* one '?' per byte keeps the kept length equal to the written one */
            for (uint32_t k = 0; k < (n ? n : 1); k++)
                dst[i++] = '?';
            continue;
        }
        for (uint32_t k = 0; k < n; k++, i++)
            dst[i] = (char)p[i];
    }
}

bool sa_tag_list_finish(const struct sa_tag_list_builder *b, const struct sa_allocator *a, struct sa_tag_list *out)
{
    size_t total = 0;
    for (uint16_t i = 0; i < b->count; i++)
        total += b->tags[i].len + 1;
    out->count = b->count;
    out->cut = b->cut;
    out->data = NULL;
    out->bytes = (uint32_t)total;
    if (total == 0)
        return true;
    char *p = a->alloc(a->ctx, total);
    if (!p) {
        out->count = 0;
        return false;
    }
    out->data = p;
    for (uint16_t i = 0; i < b->count; i++) {
        copy_displayable(p, b->tags[i]);
        p += b->tags[i].len;
        *p++ = '\0';
    }
    return true;
}

const char *sa_tag_list_next(const struct sa_tag_list *l, const char **cursor)
{
    if (!l->data)
        return NULL;
    const char *p = *cursor ? *cursor + strlen(*cursor) + 1 : l->data;
    if (p >= l->data + l->bytes)
        return NULL;
    *cursor = p;
    return p;
}

bool sa_tag_list_has(const struct sa_tag_list *l, struct sa_slice tag)
{
    const char *cur = NULL;
    for (const char *t = sa_tag_list_next(l, &cur); t; t = sa_tag_list_next(l, &cur)) {
        struct sa_slice s = { t, (uint32_t)strlen(t) };
        if (sa_slices_eq_nocase(s, tag))
            return true;
    }
    return false;
}
