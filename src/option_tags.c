/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "option_tags.h"

#include <string.h>

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool load_line(struct sa_tag_iter *it)
{
    while (it->line < it->msg->tag_line_count) {
        const struct sa_tag_line *l = &it->msg->tag_lines[it->line++];
        if (l->header == it->header) {
            it->pos = l->value.ptr;
            it->end = l->value.ptr + l->value.len;
            return true;
        }
    }
    it->pos = it->end = NULL;
    return false;
}

void sa_tag_iter_init(struct sa_tag_iter *it, const struct sa_message *msg, enum sa_tag_header h)
{
    memset(it, 0, sizeof *it);
    it->msg = msg;
    it->header = h;
    load_line(it);
}

bool sa_tag_iter_next(struct sa_tag_iter *it, struct sa_slice *tag)
{
    while (it->pos) {
        while (it->pos < it->end) {
            const char *p = it->pos;
            const char *comma = memchr(p, ',', (size_t)(it->end - p));
            const char *stop = comma ? comma : it->end;
            it->pos = comma ? comma + 1 : it->end;
            while (p < stop && is_space(*p))
                p++;
            const char *e = stop;
            while (e > p && is_space(e[-1]))
                e--;
            if (e > p) {
                *tag = (struct sa_slice){ p, (uint32_t)(e - p) };
                return true;
            }
        }
        load_line(it);
    }
    return false;
}

bool sa_message_lists_tag(const struct sa_message *msg, enum sa_tag_header h, struct sa_slice tag)
{
    struct sa_tag_iter it;
    struct sa_slice t;
    sa_tag_iter_init(&it, msg, h);
    while (sa_tag_iter_next(&it, &t)) {
        if (sa_slices_eq_nocase(t, tag))
            return true;
    }
    return false;
}

enum sa_tag_presence sa_message_tag_presence(const struct sa_message *msg, enum sa_tag_header h)
{
    if (!sa_message_has_header(msg, h))
        return SA_TAGS_ABSENT;
    struct sa_tag_iter it;
    struct sa_slice t;
    sa_tag_iter_init(&it, msg, h);
    return sa_tag_iter_next(&it, &t) ? SA_TAGS_LISTED : SA_TAGS_EMPTY;
}
