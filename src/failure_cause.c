/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "failure_cause.h"

#include <string.h>

#include "q850_causes.h"
#include "response_codes.h"
#include "sa_types.h"
#include "text_buf.h"

/* Copies the values into the arena, each cut at SA_CAUSE_VALUE_MAX bytes. */
static uint8_t keep_values(struct sa_arena *arena, const struct sa_slice *in, uint8_t n, struct sa_slice *out,
                           uint8_t *flags)
{
    uint8_t kept = 0;
    for (uint8_t i = 0; i < n; i++) {
        uint32_t len = in[i].len;
        if (len > SA_CAUSE_VALUE_MAX) {
            len = SA_CAUSE_VALUE_MAX;
            *flags |= SA_CAUSE_VALUES_CUT;
        }
        char *copy = len ? sa_arena_alloc(arena, len) : NULL;
        if (len && !copy)
            break;
        if (len)
            memcpy(copy, in[i].ptr, len);
        out[kept++] = (struct sa_slice){ copy, len };
    }
    return kept;
}

struct sa_cause *sa_cause_keep(struct sa_arena *arena, const struct sa_message *msg)
{
    if (!msg->reason_line_count && !msg->warning_line_count)
        return NULL;
    struct sa_cause *c = sa_arena_alloc(arena, sizeof *c);
    if (!c)
        return NULL;
    memset(c, 0, sizeof *c);
    if (msg->flags & SA_MSG_CAUSE_LINES_CUT)
        c->flags |= SA_CAUSE_VALUES_CUT;
    c->reason_count = keep_values(arena, msg->reason_lines, msg->reason_line_count, c->reasons, &c->flags);
    c->warning_count = keep_values(arena, msg->warning_lines, msg->warning_line_count, c->warnings, &c->flags);
    return c;
}

static int reason_rank(const struct sa_reason *r)
{
    if (!(r->flags & SA_REASON_CAUSE_NUMERIC))
        return 0;
    return r->protocol_id == SA_REASON_PROTO_Q850 ? 2 : 1;
}

bool sa_cause_main_reason(const struct sa_cause *c, struct sa_reason *out)
{
    bool found = false;
    int best = -1;
    for (uint8_t i = 0; i < c->reason_count && best < 2; i++) {
        struct sa_reason_iter it;
        struct sa_reason r;
        sa_reason_iter_init(&it, c->reasons[i]);
        while (sa_reason_next(&it, &r) && best < 2) {
            if (r.protocol.len && reason_rank(&r) > best) { /* a value without a protocol names nothing */
                best = reason_rank(&r);
                *out = r;
                found = true;
            }
        }
    }
    return found;
}

const char *sa_reason_cause_name(const struct sa_reason *r)
{
    if (!(r->flags & SA_REASON_CAUSE_NUMERIC))
        return NULL;
    if (r->protocol_id == SA_REASON_PROTO_Q850) {
        const struct sa_q850_cause *q = sa_q850_cause(r->cause);
        return q ? q->name : NULL;
    }
    if (r->protocol_id == SA_REASON_PROTO_SIP) {
        const struct sa_code_info *info = sa_code_lookup(r->cause);
        return info ? info->phrase : NULL;
    }
    return NULL;
}

bool sa_cause_named_reason(const struct sa_cause *c, struct sa_reason *out, bool *by_cancel)
{
    *by_cancel = c->cancel && sa_cause_main_reason(c->cancel, out);
    return *by_cancel || sa_cause_main_reason(c, out);
}

/* The first malformed value of the lines (the whole line when it holds more values than are
 * read); false when every value is well formed. */
static bool first_bad_reason(const struct sa_slice *lines, uint8_t n, struct sa_slice *bad)
{
    for (uint8_t i = 0; i < n; i++) {
        struct sa_reason_iter it;
        struct sa_reason r;
        sa_reason_iter_init(&it, lines[i]);
        while (sa_reason_next(&it, &r)) {
            if (r.flags & SA_REASON_MALFORMED) {
                *bad = r.value;
                return true;
            }
        }
        if (it.truncated) {
            *bad = lines[i];
            return true;
        }
    }
    return false;
}

static bool first_bad_warning(const struct sa_slice *lines, uint8_t n, struct sa_slice *bad)
{
    for (uint8_t i = 0; i < n; i++) {
        struct sa_warning_iter it;
        struct sa_warning w;
        sa_warning_iter_init(&it, lines[i]);
        while (sa_warning_next(&it, &w)) {
            if (w.flags & SA_WARNING_MALFORMED) {
                *bad = w.value;
                return true;
            }
        }
        if (it.truncated) {
            *bad = lines[i];
            return true;
        }
    }
    return false;
}

bool sa_cause_malformed_reason(const struct sa_cause *c, struct sa_slice *bad)
{
    struct sa_slice ignored;
    return first_bad_reason(c->reasons, c->reason_count, bad ? bad : &ignored);
}

bool sa_cause_malformed_warning(const struct sa_cause *c, struct sa_slice *bad)
{
    struct sa_slice ignored;
    return first_bad_warning(c->warnings, c->warning_count, bad ? bad : &ignored);
}

void sa_reason_summary_add(struct sa_text *t, const struct sa_reason *r)
{
    sa_text_add_escaped(t, r->protocol.ptr, r->protocol.len);
    if (r->flags & SA_REASON_CAUSE_NUMERIC)
        sa_text_addf(t, " %u", (unsigned)r->cause);
    const char *name = sa_reason_cause_name(r);
    if (name)
        sa_text_addf(t, " %s", name);
    /* The sender's text too, unless it only repeats the standard name. */
    bool same = name && strlen(name) == r->text.len && sa_slices_eq_nocase((struct sa_slice){ name, r->text.len }, r->text);
    if (r->text.len && !same) {
        sa_text_add(t, " \"");
        sa_text_add_escaped(t, r->text.ptr, r->text.len);
        sa_text_add(t, "\"");
    }
}

size_t sa_reason_summary(const struct sa_reason *r, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_reason_summary_add(&t, r);
    return t.len;
}
