/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "extension_check.h"

#include <string.h>

#include "hash64.h"
#include "option_tag_registry.h"
#include "text_buf.h"

/* The request headers kept per transaction, in struct sa_txn_tags order. */
static const enum sa_tag_header KEPT[3] = { SA_HDR_SUPPORTED, SA_HDR_REQUIRE, SA_HDR_PROXY_REQUIRE };
enum { K_SUPPORTED = 0, K_REQUIRE = 1, K_PROXY_REQUIRE = 2 };

static int registry_bit(struct sa_slice tag)
{
    const struct sa_option_tag_info *info = sa_option_tag_lookup(tag.ptr, tag.len);
    if (!info)
        return -1;
    size_t i = (size_t)(info - sa_option_tag_at(0));
    return i < 64 ? (int)i : -1;
}

/* A copy of bytes from the capture, escaped (text_buf.h) and NUL-terminated. */
static char *dup_escaped(const struct sa_allocator *a, struct sa_slice s)
{
    size_t n = sa_escaped_len(s.ptr, s.len);
    char *p = a->alloc(a->ctx, n + 1);
    if (p && n)
        sa_escape(p, s.ptr, s.len);
    return p;
}

/* Which slot of the cache a set of registered tags goes to. */
static size_t tag_set_slot(const struct sa_txn_tags *tt)
{
    uint64_t h = sa_hash_bytes(SA_HASH_SEED, tt->mask, sizeof tt->mask);
    h = sa_hash_finish(sa_hash_bytes(h, tt->presence, sizeof tt->presence));
    return (size_t)(h >> 58) & (SA_TAG_SET_CACHE_SIZE - 1);
}

static bool same_registered_set(const struct sa_txn_tags *x, const struct sa_txn_tags *y)
{
    return memcmp(x->mask, y->mask, sizeof x->mask) == 0 && memcmp(x->presence, y->presence, sizeof x->presence) == 0;
}

/* A set without unregistered tags is looked up in the cache and shared; any other is the
 * transaction's own. */
static const struct sa_txn_tags *keep_tag_set(const struct sa_allocator *a, struct sa_tag_set_cache *cache,
                                              const struct sa_txn_tags *tt, bool shareable)
{
    const struct sa_txn_tags **slot = shareable ? &cache->sets[tag_set_slot(tt)] : NULL;
    if (slot && *slot && same_registered_set(*slot, tt))
        return *slot;
    struct sa_txn_tags *kept = a->alloc(a->ctx, sizeof *kept);
    if (!kept)
        return NULL;
    *kept = *tt;
    if (slot)
        *slot = kept;
    return kept;
}

/* The request's Supported, Require and Proxy-Require lines as memo key material: for each,
 * its header, its length (under SA_TAG_MEMO_BYTES, so one byte) and its bytes. False when they
 * do not fit. */
static bool memo_key(const struct sa_message *req, char *out, uint32_t *len)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < req->tag_line_count; i++) {
        const struct sa_tag_line *l = &req->tag_lines[i];
        if (l->header == SA_HDR_UNSUPPORTED)
            continue;
        if (l->value.len > SA_TAG_MEMO_BYTES - 2 || n + 2 + l->value.len > SA_TAG_MEMO_BYTES)
            return false;
        out[n] = (char)l->header;
        out[n + 1] = (char)l->value.len;
        memcpy(out + n + 2, l->value.ptr, l->value.len);
        n += 2 + l->value.len;
    }
    *len = n;
    return true;
}

static struct sa_tag_line_memo *memo_slot(struct sa_tag_set_cache *cache, uint64_t hash)
{
    return &cache->memo[(size_t)(hash >> 60) & (SA_TAG_MEMO_COUNT - 1)];
}

/* Reads the three headers into tt; false when a tag outside the registry was kept as text. */
static bool read_tag_set(const struct sa_allocator *a, const struct sa_message *req, unsigned present,
                         struct sa_txn_tags *tt)
{
    bool shareable = true;
    struct sa_tag_list_builder b;
    for (int k = 0; k < 3; k++) {
        if (!(present & (1u << k)))
            continue;
        sa_tag_list_builder_init(&b);
        struct sa_tag_iter it;
        struct sa_slice tag;
        bool any = false;
        sa_tag_iter_init(&it, req, KEPT[k]);
        while (sa_tag_iter_next(&it, &tag)) {
            any = true;
            int bit = registry_bit(tag);
            if (bit >= 0)
                tt->mask[k] |= 1ull << bit;
            else if (!sa_tag_list_builder_has(&b, tag))
                sa_tag_list_builder_add(&b, tag);
        }
        tt->presence[k] = (uint8_t)(any ? SA_TAGS_LISTED : SA_TAGS_EMPTY);
        if (b.count || b.cut) {
            shareable = false;
            sa_tag_list_finish(&b, a, &tt->unregistered[k]);
        }
    }
    return shareable;
}

/* Runs for every request: which of the three headers it has, then the memo of raw lines, and
 * only without a match one iteration per header present. */
void sa_ext_note_request(const struct sa_allocator *a, struct sa_tag_set_cache *cache, struct sa_txn *t,
                         const struct sa_message *req)
{
    unsigned present = 0; /* bit k: the request has a KEPT[k] line */
    for (uint32_t i = 0; i < req->tag_line_count; i++) {
        for (int k = 0; k < 3; k++)
            present |= (req->tag_lines[i].header == KEPT[k]) ? 1u << k : 0u;
    }
    if (!present)
        return;
    char key[SA_TAG_MEMO_BYTES];
    uint32_t key_len = 0;
    struct sa_tag_line_memo *memo = NULL;
    uint64_t hash = 0;
    if (memo_key(req, key, &key_len)) {
        hash = sa_hash_finish(sa_hash_bytes(SA_HASH_SEED, key, key_len));
        memo = memo_slot(cache, hash);
        if (memo->set && memo->hash == hash && memo->len == key_len && memcmp(memo->bytes, key, key_len) == 0) {
            t->tags = memo->set;
            return;
        }
    }
    struct sa_txn_tags tt = { 0 }; /* ABSENT, no tags */
    bool shareable = read_tag_set(a, req, present, &tt);
    t->tags = keep_tag_set(a, cache, &tt, shareable);
    if (memo && shareable && t->tags) {
        memo->set = t->tags;
        memo->hash = hash;
        memo->len = key_len;
        memcpy(memo->bytes, key, key_len);
    }
}

static bool request_lists(const struct sa_txn_tags *tt, int k, struct sa_slice tag)
{
    if (!tt)
        return false;
    int bit = registry_bit(tag);
    if (bit >= 0)
        return (tt->mask[k] >> bit) & 1u;
    return sa_tag_list_has(&tt->unregistered[k], tag);
}

/* Collects the distinct tags of one header of msg. */
static void collect(const struct sa_message *msg, enum sa_tag_header h, struct sa_tag_list_builder *b)
{
    struct sa_tag_iter it;
    struct sa_slice tag;
    sa_tag_list_builder_init(b);
    sa_tag_iter_init(&it, msg, h);
    while (sa_tag_iter_next(&it, &tag)) {
        if (!sa_tag_list_builder_has(b, tag))
            sa_tag_list_builder_add(b, tag);
        if (b->cut)
            break;
    }
}

/* The request's Supported as "100rel, timer" (registry spelling for registered tags). */
static void add_supported(struct sa_text *t, const struct sa_txn_tags *tt)
{
    size_t before = t->len;
    for (size_t i = 0; i < sa_option_tag_count() && i < 64; i++) {
        if ((tt->mask[K_SUPPORTED] >> i) & 1u) {
            sa_text_add(t, t->len > before ? ", " : "");
            sa_text_add(t, sa_option_tag_at(i)->tag);
        }
    }
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(&tt->unregistered[K_SUPPORTED], &cur); s;
         s = sa_tag_list_next(&tt->unregistered[K_SUPPORTED], &cur)) {
        sa_text_add(t, t->len > before ? ", " : "");
        sa_text_add(t, s);
    }
}

enum sa_tag_presence sa_ext_request_supported(const struct sa_ext *e)
{
    return e->request_tags ? (enum sa_tag_presence)e->request_tags->presence[K_SUPPORTED] : SA_TAGS_ABSENT;
}

size_t sa_ext_text_request_supported(const struct sa_ext *e, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    if (e->request_tags)
        add_supported(&t, e->request_tags);
    return t.len;
}

static void analyse_421(const struct sa_allocator *a, const struct sa_message *resp, const struct sa_txn *t,
                        struct sa_ext *e, struct sa_tag_list_builder *b)
{
    const struct sa_txn_tags *tt = t ? t->tags : NULL;
    /* "Require:" with nothing in it names no extension either (§21.4.16 wants the tags). */
    if (sa_message_tag_presence(resp, SA_HDR_REQUIRE) != SA_TAGS_LISTED)
        e->problems |= SA_EXT_NO_REQUIRE;
    collect(resp, SA_HDR_REQUIRE, b);
    sa_tag_list_finish(b, a, &e->listed);
    if (!t)
        return;
    const char *cur = NULL;
    struct sa_tag_list_builder m;
    sa_tag_list_builder_init_kept(&m);
    for (const char *s = sa_tag_list_next(&e->listed, &cur); s; s = sa_tag_list_next(&e->listed, &cur)) {
        struct sa_slice tag = { s, (uint32_t)strlen(s) };
        if (!request_lists(tt, K_SUPPORTED, tag) && !request_lists(tt, K_REQUIRE, tag))
            sa_tag_list_builder_add(&m, tag);
    }
    sa_tag_list_finish(&m, a, &e->flagged);
    if (e->listed.count > 0 && e->flagged.count == 0)
        e->problems |= SA_EXT_ALREADY_SUPPORTED;
    e->request_tags = tt;
}

static void analyse_420(const struct sa_allocator *a, const struct sa_message *resp, const struct sa_txn *t,
                        struct sa_ext *e, struct sa_tag_list_builder *b)
{
    enum sa_tag_presence unsupported = sa_message_tag_presence(resp, SA_HDR_UNSUPPORTED);
    if (unsupported == SA_TAGS_ABSENT)
        e->problems |= SA_EXT_NO_UNSUPPORTED;
    else if (unsupported == SA_TAGS_EMPTY)
        e->problems |= SA_EXT_EMPTY_UNSUPPORTED; /* there, but naming nothing: say so, not "without" */
    collect(resp, SA_HDR_UNSUPPORTED, b);
    sa_tag_list_finish(b, a, &e->listed);
    if (!t)
        return;
    struct sa_tag_list_builder req, extra;
    sa_tag_list_builder_init_kept(&req);
    sa_tag_list_builder_init_kept(&extra);
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(&e->listed, &cur); s; s = sa_tag_list_next(&e->listed, &cur)) {
        struct sa_slice tag = { s, (uint32_t)strlen(s) };
        bool in_req = request_lists(t->tags, K_REQUIRE, tag);
        bool in_proxy = request_lists(t->tags, K_PROXY_REQUIRE, tag);
        if (in_req)
            e->required_in |= 1;
        if (in_proxy)
            e->required_in |= 2;
        sa_tag_list_builder_add(in_req || in_proxy ? &req : &extra, tag);
    }
    sa_tag_list_finish(&req, a, &e->flagged);
    sa_tag_list_finish(&extra, a, &e->extra);
    if (e->extra.count)
        e->problems |= SA_EXT_NEVER_REQUIRED;
}

struct sa_ext *sa_ext_on_failure(const struct sa_allocator *a, const struct sa_message *resp, uint32_t frame,
                                 const struct sa_txn *t)
{
    struct sa_ext *e = a->alloc(a->ctx, sizeof *e);
    if (!e)
        return NULL;
    e->frame = frame;
    e->kind = resp->status_code == 421 ? SA_EXT_421 : SA_EXT_420;
    e->cseq = resp->cseq;
    e->request_frame = t ? t->req_frame : 0;
    if (!t)
        e->problems |= SA_EXT_REQUEST_UNSEEN;
    e->method = dup_escaped(a, resp->cseq_method);
    struct sa_tag_list_builder b;
    if (e->kind == SA_EXT_421)
        analyse_421(a, resp, t, e, &b);
    else
        analyse_420(a, resp, t, e, &b);
    if (e->listed.cut)
        e->problems |= SA_EXT_TAGS_CUT;
    return e;
}

/* Whether msg lists a tag kept in a struct sa_tag_list (escaped, cut at SA_MAX_TAG_LEN): the
 * message's tags are compared in that same form. A kept tag without a backslash had nothing
 * escaped, and one shorter than a cut tag can be (SA_MAX_TAG_LEN less the three bytes a cut
 * backs off) was not cut: the message's tags as written are compared with it directly. */
static bool lists_kept_tag(const struct sa_message *msg, enum sa_tag_header h, struct sa_slice kept)
{
    if (!memchr(kept.ptr, '\\', kept.len) && kept.len + 3 < SA_MAX_TAG_LEN)
        return sa_message_lists_tag(msg, h, kept);
    struct sa_tag_iter it;
    struct sa_slice tag;
    char buf[SA_MAX_TAG_LEN * 4];
    sa_tag_iter_init(&it, msg, h);
    while (sa_tag_iter_next(&it, &tag)) {
        if (tag.len > SA_MAX_TAG_LEN)
            tag.len = (uint32_t)sa_utf8_cut(tag.ptr, SA_MAX_TAG_LEN);
        struct sa_slice esc = { buf, (uint32_t)sa_escape(buf, tag.ptr, tag.len) };
        if (sa_slices_eq_nocase(esc, kept))
            return true;
    }
    return false;
}

struct sa_ext *sa_ext_on_retry(const struct sa_allocator *a, struct sa_ext *origin, const struct sa_message *retry,
                               uint32_t retry_frame)
{
    struct sa_ext *e = a->alloc(a->ctx, sizeof *e);
    if (!e)
        return NULL;
    e->kind = SA_EXT_RETRY;
    e->frame = retry_frame;
    e->cseq = retry->cseq;
    e->origin = origin;
    e->origin_frame = origin->frame;
    e->method = origin->method;
    struct sa_tag_list_builder still;
    sa_tag_list_builder_init_kept(&still);
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(&origin->listed, &cur); s; s = sa_tag_list_next(&origin->listed, &cur)) {
        struct sa_slice tag = { s, (uint32_t)strlen(s) };
        bool lacking;
        if (origin->kind == SA_EXT_421)
            lacking = !lists_kept_tag(retry, SA_HDR_SUPPORTED, tag) && !lists_kept_tag(retry, SA_HDR_REQUIRE, tag);
        else
            lacking = lists_kept_tag(retry, SA_HDR_REQUIRE, tag) || lists_kept_tag(retry, SA_HDR_PROXY_REQUIRE, tag);
        if (lacking)
            sa_tag_list_builder_add(&still, tag);
    }
    sa_tag_list_finish(&still, a, &e->flagged);
    if (e->flagged.count)
        e->problems |= SA_EXT_STILL_MISSING;
    origin->retry_frame = retry_frame;
    return e;
}

size_t sa_ext_text_tags(const struct sa_tag_list *l, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(l, &cur); s; s = sa_tag_list_next(l, &cur)) {
        if (t.len)
            sa_text_add(&t, ", ");
        sa_text_add(&t, s);
    }
    if (l->cut)
        sa_text_add(&t, ", ...");
    return t.len;
}

static void add_tags(struct sa_text *t, const struct sa_tag_list *l)
{
    char tmp[1024];
    size_t n = sa_ext_text_tags(l, tmp, sizeof tmp);
    sa_text_addn(t, tmp, n < sizeof tmp ? n : strlen(tmp)); /* cut where tmp was cut: never mid-character */
}

/* "RFC 3262 and RFC 4028", naming unregistered tags as such; each RFC once. */
static void add_rfcs(struct sa_text *t, const struct sa_tag_list *l)
{
    const char *items[SA_MAX_TAGS];
    bool unreg[SA_MAX_TAGS];
    size_t n = 0;
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(l, &cur); s && n < SA_MAX_TAGS; s = sa_tag_list_next(l, &cur)) {
        const struct sa_option_tag_info *info = sa_option_tag_lookup(s, strlen(s));
        const char *item = info ? info->rfc : s;
        bool dup = false;
        for (size_t i = 0; i < n && !dup; i++)
            dup = strcmp(items[i], item) == 0;
        if (!dup) {
            unreg[n] = !info;
            items[n++] = item;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (i)
            sa_text_add(t, i + 1 == n ? " and " : ", ");
        if (unreg[i])
            sa_text_addf(t, "%s (not in the IANA registry)", items[i]);
        else if (strncmp(items[i], "RFC", 3) == 0)
            sa_text_addf(t, "RFC %s", items[i] + 3); /* the registry writes RFC3262 */
        else
            sa_text_add(t, items[i]);
    }
}

size_t sa_ext_text_missing(const struct sa_ext *e, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_add(&t, "UAS requires ");
    add_tags(&t, &e->listed);
    sa_text_addf(&t, "; %s in frame %u ", e->method ? e->method : "request", e->request_frame);
    enum sa_tag_presence supported = sa_ext_request_supported(e);
    if (supported == SA_TAGS_ABSENT) {
        sa_text_add(&t, "had no Supported header");
    } else if (supported == SA_TAGS_EMPTY) {
        sa_text_add(&t, "listed an empty Supported (supports nothing)");
    } else {
        sa_text_add(&t, "listed Supported: ");
        add_supported(&t, e->request_tags);
    }
    sa_text_add(&t, ". Add ");
    add_tags(&t, &e->flagged);
    sa_text_add(&t, " to Supported and make sure the UA implements ");
    add_rfcs(&t, &e->flagged);
    return t.len;
}

size_t sa_ext_text_bad_extension(const struct sa_ext *e, char *buf, size_t size)
{
    static const char *const where[] = { "Require or Proxy-Require", "Require", "Proxy-Require",
                                         "Require and Proxy-Require" };
    struct sa_text t;
    sa_text_init(&t, buf, size);
    const struct sa_tag_list *tags = e->request_frame ? &e->flagged : &e->listed;
    sa_text_add(&t, "UAS does not support ");
    add_tags(&t, tags);
    if (e->request_frame)
        sa_text_addf(&t, ", which the %s in frame %u listed in %s", e->method ? e->method : "request",
                     e->request_frame, where[e->required_in & 3]);
    sa_text_add(&t, ". Retry without ");
    add_tags(&t, tags);
    sa_text_add(&t, " in Require and Proxy-Require (RFC 3261 \xc2\xa7" "8.1.3.5), or use a server that implements ");
    add_rfcs(&t, tags);
    return t.len;
}

size_t sa_ext_text_retry(const struct sa_ext *e, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    const struct sa_ext *o = e->origin;
    unsigned code = o->kind == SA_EXT_421 ? 421 : 420;
    sa_text_addf(&t, "Retry of the %u in frame %u", code, e->origin_frame);
    if (!(e->problems & SA_EXT_STILL_MISSING)) {
        sa_text_add(&t, o->kind == SA_EXT_421 ? ": now offers " : ": no longer requires ");
        add_tags(&t, &o->listed);
        return t.len;
    }
    sa_text_add(&t, o->kind == SA_EXT_421 ? " still lacks " : " still requires ");
    add_tags(&t, &e->flagged);
    sa_text_add(&t, o->kind == SA_EXT_421 ? " in Supported: expect another 421" : ": expect another 420");
    return t.len;
}
