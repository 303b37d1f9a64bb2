/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the libFuzzer harnesses do with one input, shared with the unit test that replays
 * tests/fuzz/regressions/ and the seed corpora (tests/unit/test_analyzer.c), so a crash input
 * replays exactly as it was found. Plain C11 + libc; a failed invariant calls abort().
 *
 * Analyzer input framing (fuzz_analyzer): the input is split at every "@@@@"; each piece is one
 * SIP message whose first byte is a control byte c, read as k = c ^ 0x40 (so '@' 'A' 'D' ... are
 * the common cases in text seeds):
 *   k & 3         source endpoint (0: 10.0.0.1:5060, 1: 10.0.0.2:5060, 2: 10.0.0.3:5070,
 *                 3: [2001:db8::1]:5060)
 *   (k >> 2) & 3  destination endpoint
 *   k & 0x10      same frame as the previous message (several SIP messages in one frame)
 *   k & 0x20      the clock steps back 1 ms instead of forward 1 + (k & 15) ms
 *   k & 0x40      the message is marked SA_MSG_TRUNCATED (the capture cut it)
 *   k & 0x80      the frame number jumps by 1000
 * A piece that is not a SIP message is fed as NULL, as the plugin does.
 * E.g. request 10.0.0.1 -> 10.0.0.2: 'D'; its response 10.0.0.2 -> 10.0.0.1: 'A'. */
#ifndef SA_FUZZ_DRIVER_H
#define SA_FUZZ_DRIVER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "extension_check.h"
#include "option_tag_registry.h"
#include "option_tags.h"
#include "sip_message.h"
#include "text_buf.h"
#include "tag_list.h"

#define SA_FUZZ_SEP "@@@@"
#define SA_FUZZ_SEP_LEN 4
#define SA_FUZZ_MAX_MESSAGES 1024

#define SA_FUZZ_CHECK(cond)                                                                        \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* ---- a malloc allocator that frees everything at the end ---------------------------------- */

struct sa_fuzz_block {
    struct sa_fuzz_block *prev, *next;
    uint64_t pad; /* keeps user memory 16-byte aligned after the two pointers */
    uint64_t pad2;
};

struct sa_fuzz_heap {
    struct sa_allocator a;
    struct sa_fuzz_block *head;
};

static inline void *sa_fuzz_alloc(void *ctx, size_t size)
{
    struct sa_fuzz_heap *h = ctx;
    struct sa_fuzz_block *b = calloc(1, sizeof *b + size);
    if (!b)
        return NULL;
    b->next = h->head;
    if (h->head)
        h->head->prev = b;
    h->head = b;
    return b + 1;
}

static inline void sa_fuzz_release(void *ctx, void *ptr, size_t size)
{
    struct sa_fuzz_heap *h = ctx;
    (void)size;
    if (!ptr)
        return;
    struct sa_fuzz_block *b = (struct sa_fuzz_block *)ptr - 1;
    if (b->prev)
        b->prev->next = b->next;
    else
        h->head = b->next;
    if (b->next)
        b->next->prev = b->prev;
    free(b);
}

static inline void sa_fuzz_heap_init(struct sa_fuzz_heap *h)
{
    h->a.alloc = sa_fuzz_alloc;
    h->a.release = sa_fuzz_release;
    h->a.ctx = h;
    h->head = NULL;
}

static inline void sa_fuzz_heap_free_all(struct sa_fuzz_heap *h)
{
    while (h->head)
        sa_fuzz_release(h, h->head + 1, 0);
}

/* ---- message parser ------------------------------------------------------------------------ */

static inline int sa_fuzz_within(struct sa_slice s, const char *buf, size_t len)
{
    return s.len == 0 || (s.ptr >= buf && s.ptr + s.len <= buf + len);
}

static inline int sa_fuzz_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Checks everything a parsed message points at and every tag it lists. */
static inline void sa_fuzz_check_message(const struct sa_message *m, const char *buf, size_t len)
{
    SA_FUZZ_CHECK(sa_fuzz_within(m->method, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(m->status_raw, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(m->reason, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(m->cseq_method, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(m->call_id, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(m->via_branch, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(m->from_value, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(m->to_value, buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(sa_message_from_tag(m), buf, len));
    SA_FUZZ_CHECK(sa_fuzz_within(sa_message_to_tag(m), buf, len));
    SA_FUZZ_CHECK(m->tag_line_count <= SA_MAX_TAG_LINES);
    SA_FUZZ_CHECK(!(m->flags & SA_MSG_TAG_LINES_CUT) || m->tag_line_count == SA_MAX_TAG_LINES);
    if (m->flags & SA_MSG_CODE_NUMERIC)
        SA_FUZZ_CHECK(m->status_code <= 999 && m->status_raw.len == 3);
    if (m->flags & SA_MSG_HAS_CSEQ)
        SA_FUZZ_CHECK(m->cseq < 0x80000000u && m->cseq_method.len > 0);
    SA_FUZZ_CHECK(!((m->flags & SA_MSG_HAS_CSEQ) && (m->flags & SA_MSG_BAD_CSEQ)));
    if (m->flags & SA_MSG_RFC3261_BRANCH)
        SA_FUZZ_CHECK(m->flags & SA_MSG_HAS_BRANCH);
    if (m->flags & SA_MSG_HAS_BRANCH)
        SA_FUZZ_CHECK(m->flags & SA_MSG_HAS_VIA);
    for (uint32_t i = 0; i < m->tag_line_count; i++) {
        SA_FUZZ_CHECK(m->tag_lines[i].header < SA_TAG_HEADER_COUNT);
        SA_FUZZ_CHECK(sa_fuzz_within(m->tag_lines[i].value, buf, len));
    }
    for (int h = 0; h < SA_TAG_HEADER_COUNT; h++) {
        struct sa_tag_iter it;
        struct sa_slice tag;
        unsigned n = 0;
        sa_tag_iter_init(&it, m, (enum sa_tag_header)h);
        while (sa_tag_iter_next(&it, &tag)) {
            SA_FUZZ_CHECK(tag.len > 0 && sa_fuzz_within(tag, buf, len));
            SA_FUZZ_CHECK(!sa_fuzz_is_space(tag.ptr[0]) && !sa_fuzz_is_space(tag.ptr[tag.len - 1]));
            SA_FUZZ_CHECK(memchr(tag.ptr, ',', tag.len) == NULL);
            SA_FUZZ_CHECK(sa_message_lists_tag(m, (enum sa_tag_header)h, tag));
            (void)sa_option_tag_lookup(tag.ptr, tag.len);
            n++;
        }
        enum sa_tag_presence p = sa_message_tag_presence(m, (enum sa_tag_header)h);
        int has = sa_message_has_header(m, (enum sa_tag_header)h);
        SA_FUZZ_CHECK(p == (!has ? SA_TAGS_ABSENT : n ? SA_TAGS_LISTED : SA_TAGS_EMPTY));
    }
}

/* sa_message_parse + tag iteration on the bytes, and on a prefix, each from an exact-size copy. */
static inline void sa_fuzz_run_parser(const uint8_t *data, size_t size)
{
    size_t lens[2] = { size, size / 2 };
    for (int k = 0; k < 2; k++) {
        char *copy = malloc(lens[k] ? lens[k] : 1);
        if (!copy)
            return;
        if (lens[k])
            memcpy(copy, data, lens[k]);
        struct sa_message m;
        int ok = sa_message_parse(copy, lens[k], &m);
        SA_FUZZ_CHECK(ok == !(m.flags & SA_MSG_START_LINE_BAD));
        sa_fuzz_check_message(&m, copy, lens[k]);
        free(copy);
    }
}

/* ---- analyzer ------------------------------------------------------------------------------ */

static inline struct sa_endpoint sa_fuzz_endpoint(unsigned i)
{
    struct sa_endpoint ep;
    memset(&ep, 0, sizeof ep);
    if (i == 3) {
        static const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
        memcpy(ep.addr, v6, 16);
        ep.addr_len = 16;
        ep.port = 5060;
        return ep;
    }
    ep.addr[0] = 10;
    ep.addr[3] = (uint8_t)(1 + i);
    ep.addr_len = 4;
    ep.port = (uint16_t)(i == 2 ? 5070 : 5060);
    return ep;
}

typedef size_t (*sa_fuzz_text_fn)(const struct sa_ext *, char *, size_t);

/* A formatter must agree with itself: sizing pass, exact buffer, and a small buffer. */
static inline void sa_fuzz_check_text(sa_fuzz_text_fn fn, const struct sa_ext *e)
{
    size_t n = fn(e, NULL, 0);
    SA_FUZZ_CHECK(n < (1u << 20));
    char *full = malloc(n + 1);
    SA_FUZZ_CHECK(full != NULL);
    memset(full, 'X', n + 1);
    SA_FUZZ_CHECK(fn(e, full, n + 1) == n);
    SA_FUZZ_CHECK(full[n] == '\0' && strlen(full) <= n);
    char small[8];
    memset(small, 'X', sizeof small);
    SA_FUZZ_CHECK(fn(e, small, sizeof small) == n);
    size_t k = n < sizeof small - 1 ? n : sizeof small - 1;
    SA_FUZZ_CHECK(small[k] == '\0' && memcmp(small, full, k) == 0);
    free(full);
}

static inline void sa_fuzz_check_list(const struct sa_tag_list *l)
{
    const char *cur = NULL;
    unsigned n = 0;
    SA_FUZZ_CHECK(l->count <= SA_MAX_TAGS);
    for (const char *s = sa_tag_list_next(l, &cur); s; s = sa_tag_list_next(l, &cur)) {
        /* cut at SA_MAX_TAG_LEN bytes as read, then escaped: \xNN is four bytes for one */
        SA_FUZZ_CHECK(strlen(s) <= 4 * SA_MAX_TAG_LEN);
        SA_FUZZ_CHECK(sa_tag_list_has(l, (struct sa_slice){ s, (uint32_t)strlen(s) }));
        n++;
    }
    SA_FUZZ_CHECK(n == l->count);
    char buf[64];
    (void)sa_ext_text_tags(l, buf, sizeof buf);
}

static inline void sa_fuzz_check_ext(const struct sa_ext *e, uint32_t frame)
{
    SA_FUZZ_CHECK(e->kind >= SA_EXT_421 && e->kind <= SA_EXT_RETRY);
    SA_FUZZ_CHECK(e->frame == frame);
    sa_fuzz_check_list(&e->listed);
    sa_fuzz_check_list(&e->flagged);
    sa_fuzz_check_list(&e->extra);
    if (e->kind == SA_EXT_RETRY) {
        SA_FUZZ_CHECK(e->origin != NULL && e->origin->retry_frame == frame);
        SA_FUZZ_CHECK(e->origin_frame == e->origin->frame && e->origin_frame <= frame);
        sa_fuzz_check_text(sa_ext_text_retry, e);
        return;
    }
    SA_FUZZ_CHECK(!(e->problems & SA_EXT_REQUEST_UNSEEN) == (e->request_frame != 0));
    SA_FUZZ_CHECK(e->request_frame <= frame);
    SA_FUZZ_CHECK(e->retry_frame == 0 || e->retry_frame >= frame);
    sa_fuzz_check_text(sa_ext_text_missing, e);
    sa_fuzz_check_text(sa_ext_text_bad_extension, e);
}

static inline void sa_fuzz_check_record(const struct sa_analyzer *an, const struct sa_record *r, uint32_t frame)
{
    const struct sa_ext *ext = sa_analyzer_record_ext(an, r);
    SA_FUZZ_CHECK(!(r->flags & SA_REC_HAS_EXT) == !ext);
    const struct sa_txn *t = sa_analyzer_record_txn(an, r);
    SA_FUZZ_CHECK(!t == !r->txn); /* a number always finds its transaction */
    if (r->flags & SA_REC_RETRANS)
        SA_FUZZ_CHECK(r->link != 0 && r->link <= frame && t != NULL);
    if (r->flags & SA_REC_ACK_OF_INVITE)
        SA_FUZZ_CHECK(t != NULL && t->ack_frame != 0);
    if (r->flags & SA_REC_FIRST_100)
        SA_FUZZ_CHECK(r->code == 100 && t && t->t100_frame == frame);
    if (r->flags & SA_REC_AFTER_100)
        SA_FUZZ_CHECK(t && t->next_frame == frame && t->next_code == r->code);
    if (r->flags & SA_REC_REQUEST_UNSEEN)
        SA_FUZZ_CHECK(t == NULL || (t->req_frame == 0 && (t->flags & SA_TXN_NO_REQUEST)));
    if (r->flags & SA_REC_NOT_SIP)
        SA_FUZZ_CHECK((r->flags & ~(uint32_t)SA_REC_MORE_IN_FRAME) == SA_REC_NOT_SIP && !t && !ext);
    if (t) {
        SA_FUZZ_CHECK((t->req_frame != 0) == !(t->flags & SA_TXN_NO_REQUEST) && t->req_frame <= frame);
        SA_FUZZ_CHECK(t->copies_before_100 <= t->req_copies);
        SA_FUZZ_CHECK(!t->t100_frame || t->t100_frame >= t->req_frame);
        SA_FUZZ_CHECK(!t->next_frame || t->next_frame >= t->t100_frame);
        SA_FUZZ_CHECK(!t->final_frame || t->final_code >= 200);
    }
    if (ext)
        sa_fuzz_check_ext(ext, frame);
}

/* Splits the input into messages, feeds them, then reads every record back. */
static inline void sa_fuzz_run_analyzer(const uint8_t *data, size_t size)
{
    struct sa_fuzz_heap heap;
    sa_fuzz_heap_init(&heap);
    /* A fixed key: a crash must replay. */
    static const struct sa_hash_key key = { 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull };
    struct sa_analyzer *an = sa_analyzer_new(&heap.a, &key);
    SA_FUZZ_CHECK(an != NULL);
    uint32_t frame = 0, first_frame = 0;
    int64_t ts = 1000000000;
    size_t fed = 0, pos = 0;
    while (pos < size && fed < SA_FUZZ_MAX_MESSAGES) {
        const uint8_t *start = data + pos, *end = data + size;
        const uint8_t *sep = NULL;
        for (const uint8_t *p = start; p + SA_FUZZ_SEP_LEN <= end; p++) {
            if (memcmp(p, SA_FUZZ_SEP, SA_FUZZ_SEP_LEN) == 0) {
                sep = p;
                break;
            }
        }
        const uint8_t *stop = sep ? sep : end;
        pos = (size_t)(stop - data) + (sep ? SA_FUZZ_SEP_LEN : 0);
        if (stop == start)
            continue;
        unsigned k = start[0] ^ 0x40u;
        if (!(k & 0x10) || frame == 0)
            frame += (k & 0x80) ? 1000 : 1;
        if (!first_frame)
            first_frame = frame;
        ts += (k & 0x20) ? -1000000 : (int64_t)(1 + (k & 15)) * 1000000;
        struct sa_packet pkt;
        memset(&pkt, 0, sizeof pkt);
        pkt.frame = frame;
        pkt.ts_ns = ts;
        pkt.src = sa_fuzz_endpoint(k & 3);
        pkt.dst = sa_fuzz_endpoint((k >> 2) & 3);
        size_t len = (size_t)(stop - start) - 1;
        char *copy = malloc(len ? len : 1);
        SA_FUZZ_CHECK(copy != NULL);
        if (len)
            memcpy(copy, start + 1, len);
        struct sa_message msg;
        int ok = sa_message_parse(copy, len, &msg);
        if (k & 0x40)
            msg.flags |= SA_MSG_TRUNCATED;
        sa_analyzer_note_frame(an, frame, ts);
        const struct sa_record *r = sa_analyzer_message(an, &pkt, ok ? &msg : NULL);
        SA_FUZZ_CHECK(r != NULL);
        /* Records must not depend on the message bytes once analysed. */
        memset(copy, 0xA5, len ? len : 1);
        free(copy);
        fed++;
    }
    size_t seen = 0;
    for (uint32_t f = first_frame; fed && f <= frame; f++) {
        for (const struct sa_record *r = sa_analyzer_first_record(an, f); r; r = sa_analyzer_next_record(an, r)) {
            sa_fuzz_check_record(an, r, f);
            seen++;
        }
    }
    SA_FUZZ_CHECK(seen == fed);
    SA_FUZZ_CHECK(sa_analyzer_first_record(an, frame + 1) == NULL);
    struct sa_analyzer_stats st;
    sa_analyzer_stats(an, &st);
    SA_FUZZ_CHECK(st.records == fed && st.transactions <= fed);
    SA_FUZZ_CHECK(fed == 0 || sa_analyzer_last_ts(an) == ts);
    sa_fuzz_heap_free_all(&heap);
}

/* ---- tag list ------------------------------------------------------------------------------ */

static inline int sa_fuzz_fold_eq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return 0;
    }
    return 1;
}

/* Tags are the input split at ',' and '\n' (kept raw: spaces, NULs, empties). The first byte
 * chooses whether the builder deduplicates (as the 420/421 analysis does) or keeps all. */
static inline void sa_fuzz_run_tag_list(const uint8_t *data, size_t size)
{
    if (size == 0)
        return;
    int dedupe = data[0] & 1;
    const char *text = (const char *)data + 1, *end = (const char *)data + size;
    static struct sa_tag_list_builder b;
    static struct sa_slice expect[SA_MAX_TAGS];
    size_t n_expect = 0;
    int cut = 0;
    sa_tag_list_builder_init(&b);
    for (const char *p = text;;) {
        const char *q = p;
        while (q < end && *q != ',' && *q != '\n')
            q++;
        struct sa_slice tag = { p, (uint32_t)(q - p) };
        if (!dedupe || !sa_tag_list_builder_has(&b, tag)) {
            sa_tag_list_builder_add(&b, tag);
            if (n_expect < SA_MAX_TAGS) {
                if (tag.len > SA_MAX_TAG_LEN) /* cut before the character that would not fit */
                    tag.len = (uint32_t)sa_utf8_cut(tag.ptr, SA_MAX_TAG_LEN);
                SA_FUZZ_CHECK(tag.len + 3 >= SA_MAX_TAG_LEN || (ptrdiff_t)tag.len == q - p);
                expect[n_expect++] = tag;
            } else {
                cut = 1;
            }
        }
        (void)sa_option_tag_lookup(tag.ptr, tag.len);
        if (q == end)
            break;
        p = q + 1;
    }
    SA_FUZZ_CHECK(b.count == n_expect && b.cut == cut);
    struct sa_fuzz_heap heap;
    sa_fuzz_heap_init(&heap);
    struct sa_tag_list l;
    SA_FUZZ_CHECK(sa_tag_list_finish(&b, &heap.a, &l));
    SA_FUZZ_CHECK(l.count == n_expect && l.cut == cut);
    const char *cur = NULL;
    size_t i = 0;
    for (const char *s = sa_tag_list_next(&l, &cur); s; s = sa_tag_list_next(&l, &cur), i++) {
        SA_FUZZ_CHECK(i < n_expect);
        /* Kept escaped (text_buf.h): exactly sa_escape() of the tag as written, and printable
         * UTF-8: every character well formed, no C0, DEL or C1 control. */
        static char esc[SA_MAX_TAG_LEN * 4];
        size_t esc_len = sa_escape(esc, expect[i].ptr, expect[i].len);
        SA_FUZZ_CHECK(esc_len == sa_escaped_len(expect[i].ptr, expect[i].len));
        SA_FUZZ_CHECK(strlen(s) == esc_len && memcmp(s, esc, esc_len) == 0);
        for (size_t k = 0, n = strlen(s); k < n;) {
            const unsigned char *u = (const unsigned char *)s + k;
            size_t cl = sa_utf8_char_len(u, n - k);
            SA_FUZZ_CHECK(cl > 0);
            SA_FUZZ_CHECK(cl > 1 || (u[0] >= 0x20 && u[0] != 0x7F));
            SA_FUZZ_CHECK(cl != 2 || u[0] != 0xC2 || u[1] >= 0xA0);
            k += cl;
        }
        SA_FUZZ_CHECK(sa_tag_list_has(&l, (struct sa_slice){ s, (uint32_t)strlen(s) }));
        const struct sa_option_tag_info *info = sa_option_tag_lookup(s, strlen(s));
        if (info)
            SA_FUZZ_CHECK(strlen(info->tag) == strlen(s) && sa_fuzz_fold_eq(info->tag, s, strlen(s)));
    }
    SA_FUZZ_CHECK(i == n_expect); /* empty tags included */
    size_t need = sa_ext_text_tags(&l, NULL, 0);
    char *txt = malloc(need + 1);
    SA_FUZZ_CHECK(txt != NULL);
    SA_FUZZ_CHECK(sa_ext_text_tags(&l, txt, need + 1) == need && strlen(txt) == need);
    free(txt);
    sa_fuzz_heap_free_all(&heap);
}

#endif
