/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "header_lex.h"

#include <stddef.h>

bool sa_lex_is_lws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool sa_lex_is_token_char(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '-': case '.': case '!': case '%': case '*': case '_': case '+': case '`': case '\'': case '~':
        return true;
    default:
        return false;
    }
}

const char *sa_lex_skip_lws(const char *p, const char *end)
{
    while (p < end && sa_lex_is_lws(*p))
        p++;
    return p;
}

struct sa_slice sa_lex_trim(const char *p, const char *end)
{
    p = sa_lex_skip_lws(p, end);
    while (end > p && sa_lex_is_lws(end[-1]))
        end--;
    return (struct sa_slice){ p, (uint32_t)(end - p) };
}

const char *sa_lex_token_end(const char *p, const char *end)
{
    while (p < end && sa_lex_is_token_char(*p))
        p++;
    return p;
}

const char *sa_lex_quoted_end(const char *q, const char *end)
{
    for (const char *p = q + 1; p < end; p++) {
        if (*p == '\\') {
            if (++p == end) /* a backslash as the last byte escapes nothing: still open */
                return NULL;
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return NULL;
}

const char *sa_lex_element_end(const char *p, const char *end, bool *unclosed)
{
    *unclosed = false;
    while (p < end) {
        if (*p == ',')
            return p;
        if (*p == '"') {
            const char *q = sa_lex_quoted_end(p, end);
            if (!q) {
                *unclosed = true;
                return end;
            }
            p = q;
        } else {
            p++;
        }
    }
    return end;
}

enum sa_lex_number sa_lex_uint(struct sa_slice s, uint32_t max, unsigned max_digits, uint32_t *out)
{
    if (s.len == 0)
        return SA_NUM_NOT_DIGITS;
    uint64_t v = 0;
    bool big = max_digits != 0 && s.len > max_digits;
    for (uint32_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if (c < '0' || c > '9')
            return SA_NUM_NOT_DIGITS;
        if (!big) { /* stop accumulating once too big: v stays below 10 * 2^32 */
            v = v * 10 + (uint64_t)(c - '0');
            big = v > max;
        }
    }
    if (big)
        return SA_NUM_TOO_BIG;
    *out = (uint32_t)v;
    return SA_NUM_OK;
}

void sa_param_iter_init(struct sa_param_iter *it, const char *p, const char *end)
{
    it->p = p;
    it->end = end;
    it->garbage = false;
    it->unclosed = false;
}

/* The next ';' at or after p outside quotes, or end (a quote that never closes ends it too). */
static const char *skip_to_semicolon(struct sa_param_iter *it, const char *p)
{
    while (p < it->end && *p != ';') {
        if (*p == '"') {
            const char *q = sa_lex_quoted_end(p, it->end);
            if (!q) {
                it->unclosed = true;
                return it->end;
            }
            p = q;
        } else {
            p++;
        }
    }
    return p;
}

/* An unquoted gen-value (token or host, IPv6 brackets and colons included): up to white space,
 * the next parameter, the next element or a quote. */
static const char *plain_value_end(const char *p, const char *end)
{
    while (p < end && !sa_lex_is_lws(*p) && *p != ';' && *p != ',' && *p != '"')
        p++;
    return p;
}

/* p: right after the '=' of a parameter. Stores its value and returns where the value ends. */
static const char *read_value(struct sa_param_iter *it, const char *p, struct sa_lex_param *out)
{
    const char *end = it->end;
    p = sa_lex_skip_lws(p, end);
    out->has_value = true;
    if (p < end && *p == '"') {
        const char *q = sa_lex_quoted_end(p, end);
        out->quoted = true;
        if (!q) {
            out->unclosed = it->unclosed = true;
            out->value = (struct sa_slice){ p + 1, (uint32_t)(end - p - 1) };
            return end;
        }
        out->value = (struct sa_slice){ p + 1, (uint32_t)(q - p - 2) };
        return q;
    }
    const char *ve = plain_value_end(p, end);
    out->value = (struct sa_slice){ p, (uint32_t)(ve - p) };
    return ve;
}

bool sa_param_next(struct sa_param_iter *it, struct sa_lex_param *out)
{
    const char *p = it->p, *end = it->end;
    *out = (struct sa_lex_param){ { p, 0 }, { p, 0 }, false, false, false };
    for (;;) {
        p = sa_lex_skip_lws(p, end);
        if (p == end) {
            it->p = p;
            return false;
        }
        if (*p != ';') { /* not where a parameter can start: skip to the next one */
            it->garbage = true;
            p = skip_to_semicolon(it, p);
            continue;
        }
        p = sa_lex_skip_lws(p + 1, end);
        const char *name_end = sa_lex_token_end(p, end);
        if (name_end == p) { /* ";;" or ";=x": no name; the loop moves past this ';' */
            it->garbage = true;
            p = skip_to_semicolon(it, p);
            continue;
        }
        out->name = (struct sa_slice){ p, (uint32_t)(name_end - p) };
        out->value = (struct sa_slice){ name_end, 0 };
        p = sa_lex_skip_lws(name_end, end);
        if (p < end && *p == '=')
            p = read_value(it, p + 1, out);
        it->p = p;
        return true;
    }
}
