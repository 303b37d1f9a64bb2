/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tag_list.h"

#include <string.h>

#include "text_buf.h"

void sa_tag_list_builder_init(struct sa_tag_list_builder *b)
{
    b->count = 0;
    b->cut = false;
    b->kept = false;
}

void sa_tag_list_builder_init_kept(struct sa_tag_list_builder *b)
{
    sa_tag_list_builder_init(b);
    b->kept = true;
}

void sa_tag_list_builder_add(struct sa_tag_list_builder *b, struct sa_slice tag)
{
    if (b->count >= SA_MAX_TAGS) {
        b->cut = true;
        return;
    }
    if (tag.len > SA_MAX_TAG_LEN && !b->kept) /* cut before a character, not inside it */
        tag.len = (uint32_t)sa_utf8_cut(tag.ptr, SA_MAX_TAG_LEN);
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

bool sa_tag_list_finish(const struct sa_tag_list_builder *b, const struct sa_allocator *a, struct sa_tag_list *out)
{
    size_t total = 0;
    for (uint16_t i = 0; i < b->count; i++)
        total += (b->kept ? b->tags[i].len : sa_escaped_len(b->tags[i].ptr, b->tags[i].len)) + 1;
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
    /* Kept escaped (text_buf.h): every consumer (tree, JSON output, expert texts) gets
     * printable UTF-8, and a NUL in a tag cannot split the list. */
    for (uint16_t i = 0; i < b->count; i++) {
        if (b->kept) {
            memcpy(p, b->tags[i].ptr, b->tags[i].len);
            p += b->tags[i].len;
        } else {
            p += sa_escape(p, b->tags[i].ptr, b->tags[i].len);
        }
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
