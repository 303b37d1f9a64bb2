/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared helpers of the unit tests of src/: a tracking malloc-based struct sa_allocator that frees
 * whatever is still live at the end (and can be told to fail after N allocations), a per-test
 * fixture holding an analyzer, SIP text builders, IPv4 endpoints, packet feeding and slice
 * assertions. Include it first (it includes cmocka.h and its prerequisites); all static inline. */
#ifndef SA_TEST_SUPPORT_H
#define SA_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "sip_message.h"

/* ---- tracking allocator ----------------------------------------------------------------- */

struct ts_block {
    struct ts_block *prev, *next;
    size_t size;
};
/* The header is padded so user memory keeps malloc's alignment. */
#define TS_HDR_SIZE \
    ((sizeof(struct ts_block) + alignof(max_align_t) - 1) / alignof(max_align_t) * alignof(max_align_t))

struct ts_heap {
    struct sa_allocator a; /* hand &heap->a to the code under test */
    struct ts_block *head;
    size_t live_bytes, live_blocks;
    size_t allocs, releases;
    long fail_after; /* allocations that still succeed before all further ones fail; -1: never fail */
};

static inline void *ts_heap_alloc(void *ctx, size_t size)
{
    struct ts_heap *h = ctx;
    if (h->fail_after == 0)
        return NULL;
    if (h->fail_after > 0)
        h->fail_after--;
    struct ts_block *b = calloc(1, TS_HDR_SIZE + size);
    if (!b)
        return NULL;
    b->size = size;
    b->next = h->head;
    if (h->head)
        h->head->prev = b;
    h->head = b;
    h->live_bytes += size;
    h->live_blocks++;
    h->allocs++;
    return (char *)b + TS_HDR_SIZE;
}

static inline void ts_heap_release(void *ctx, void *ptr, size_t size)
{
    struct ts_heap *h = ctx;
    if (!ptr)
        return;
    struct ts_block *b = (struct ts_block *)(void *)((char *)ptr - TS_HDR_SIZE);
    /* The analysis says how big the block was (0 = teardown): it must be right, its memory
     * figures depend on it. */
    if (size != 0 && size != b->size)
        abort();
    if (b->prev)
        b->prev->next = b->next;
    else
        h->head = b->next;
    if (b->next)
        b->next->prev = b->prev;
    h->live_bytes -= b->size;
    h->live_blocks--;
    h->releases++;
    free(b);
}

static inline void ts_heap_init(struct ts_heap *h)
{
    memset(h, 0, sizeof *h);
    h->a.alloc = ts_heap_alloc;
    h->a.release = ts_heap_release;
    h->a.ctx = h;
    h->fail_after = -1;
}

/* Frees every block still live, like closing a capture frees wmem file scope. */
static inline void ts_heap_free_all(struct ts_heap *h)
{
    while (h->head)
        ts_heap_release(h, (char *)h->head + TS_HDR_SIZE, 0);
}

/* ---- fixture: a heap and an analyzer, freed in the teardown even when a test fails --------- */

/* Any key gives the same results; a fixed one makes a failure replay. */
static const struct sa_hash_key TS_HASH_KEY = { 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull };

struct ts_env {
    struct ts_heap heap;
    struct sa_analyzer *an;
};

static inline int ts_env_setup(void **state)
{
    struct ts_env *env = calloc(1, sizeof *env);
    if (!env)
        return -1;
    ts_heap_init(&env->heap);
    env->an = sa_analyzer_new(&env->heap.a, &TS_HASH_KEY);
    if (!env->an) {
        free(env);
        return -1;
    }
    *state = env;
    return 0;
}

static inline int ts_env_teardown(void **state)
{
    struct ts_env *env = *state;
    if (env) {
        ts_heap_free_all(&env->heap);
        free(env);
    }
    return 0;
}

/* ---- text builders ---------------------------------------------------------------------- */

/* printf into heap memory. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static inline char *ts_printf(struct ts_heap *h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    char *buf = ts_heap_alloc(h, (size_t)n + 1);
    assert_non_null(buf);
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return buf;
}

/* A request of the one dialog the tests use (From tag "fa", Call-ID call-1@a.example, Via of
 * 10.0.0.1 with the given branch); extra is more header lines, each ending in CRLF, or NULL. */
static inline const char *ts_request(struct ts_heap *h, const char *method, const char *branch, unsigned cseq,
                                     const char *extra)
{
    return ts_printf(h,
                     "%s sip:bob@b.example SIP/2.0\r\n"
                     "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=%s\r\n"
                     "From: \"Alice\" <sip:alice@a.example>;tag=fa\r\n"
                     "To: <sip:bob@b.example>\r\n"
                     "Call-ID: call-1@a.example\r\n"
                     "CSeq: %u %s\r\n"
                     "%s"
                     "Content-Length: 0\r\n\r\n",
                     method, branch, cseq, method, extra ? extra : "");
}

/* A response of that dialog: to_tag NULL for none; extra as for ts_request. */
static inline const char *ts_response(struct ts_heap *h, unsigned code, const char *reason, const char *branch,
                                      unsigned cseq, const char *method, const char *to_tag, const char *extra)
{
    return ts_printf(h,
                     "SIP/2.0 %u %s\r\n"
                     "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=%s\r\n"
                     "From: \"Alice\" <sip:alice@a.example>;tag=fa\r\n"
                     "To: <sip:bob@b.example>%s%s\r\n"
                     "Call-ID: call-1@a.example\r\n"
                     "CSeq: %u %s\r\n"
                     "%s"
                     "Content-Length: 0\r\n\r\n",
                     code, reason, branch, to_tag ? ";tag=" : "", to_tag ? to_tag : "", cseq, method,
                     extra ? extra : "");
}

/* ---- endpoints and packets -------------------------------------------------------------- */

static inline struct sa_endpoint ts_ipv4(uint8_t a, uint8_t b, uint8_t c, uint8_t d, uint16_t port)
{
    struct sa_endpoint ep;
    memset(&ep, 0, sizeof ep);
    ep.addr[0] = a;
    ep.addr[1] = b;
    ep.addr[2] = c;
    ep.addr[3] = d;
    ep.addr_len = 4;
    ep.port = port;
    return ep;
}

/* The usual cast: UAC 10.0.0.1, UAS 10.0.0.2, a second hop 10.0.0.3 -> 10.0.0.4. */
#define TS_UAC ts_ipv4(10, 0, 0, 1, 5060)
#define TS_UAS ts_ipv4(10, 0, 0, 2, 5060)
#define TS_HOP2_SRC ts_ipv4(10, 0, 0, 3, 5060)
#define TS_HOP2_DST ts_ipv4(10, 0, 0, 4, 5060)

#define TS_MS(x) ((int64_t)(x) * 1000000)

/* The transaction of record r (a record holds its number), with env in scope. */
#define TS_TXN(r) sa_analyzer_record_txn(env->an, (r))

static inline struct sa_packet ts_packet(uint32_t frame, int64_t ts_ns, struct sa_endpoint src, struct sa_endpoint dst)
{
    struct sa_packet p;
    memset(&p, 0, sizeof p);
    p.frame = frame;
    p.ts_ns = ts_ns;
    p.src = src;
    p.dst = dst;
    return p;
}

/* Parses text and feeds it to the analyzer as frame `frame` at ts_ms milliseconds. */
static inline const struct sa_record *ts_feed(struct ts_env *env, uint32_t frame, int64_t ts_ms, struct sa_endpoint src,
                                              struct sa_endpoint dst, const char *text)
{
    struct sa_message msg;
    bool ok = sa_message_parse(text, strlen(text), &msg);
    struct sa_packet pkt = ts_packet(frame, TS_MS(ts_ms), src, dst);
    sa_analyzer_note_frame(env->an, frame, pkt.ts_ns);
    return sa_analyzer_message(env->an, &pkt, ok ? &msg : NULL);
}

/* Request UAC -> UAS, response UAS -> UAC. */
static inline const struct sa_record *ts_req(struct ts_env *env, uint32_t frame, int64_t ts_ms, const char *text)
{
    return ts_feed(env, frame, ts_ms, TS_UAC, TS_UAS, text);
}

static inline const struct sa_record *ts_resp(struct ts_env *env, uint32_t frame, int64_t ts_ms, const char *text)
{
    return ts_feed(env, frame, ts_ms, TS_UAS, TS_UAC, text);
}

/* ---- assertions ------------------------------------------------------------------------- */

static inline void ts_assert_slice(struct sa_slice s, const char *lit, const char *file, int line)
{
    size_t n = strlen(lit);
    if (s.len == n && (n == 0 || memcmp(s.ptr, lit, n) == 0))
        return;
    print_error("slice \"%.*s\" (%u bytes) != \"%s\" (%zu bytes)\n", (int)(s.len > 200 ? 200 : s.len),
                s.ptr ? s.ptr : "", s.len, lit, n);
    _fail(file, line);
}
#define assert_slice(s, lit) ts_assert_slice((s), (lit), __FILE__, __LINE__)

static inline struct sa_slice ts_slice(const char *s)
{
    struct sa_slice sl = { s, (uint32_t)strlen(s) };
    return sl;
}

#define assert_flags_set(value, mask) assert_int_equal((value) & (mask), (mask))
#define assert_flags_clear(value, mask) assert_int_equal((value) & (mask), 0)

#endif
