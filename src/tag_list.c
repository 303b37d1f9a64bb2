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

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0 when it is not valid. */
static uint32_t utf8_len(const unsigned char *p, uint32_t n)
{
    uint32_t len = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || len > n || (len == 2 && p[0] < 0xC2))
        return 0;
    for (uint32_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return len;
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
        if (n == 0 || (n == 1 && (p[i] < 0x20 || p[i] == 0x7F))) {
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
