/* SPDX-License-Identifier: GPL-2.0-or-later */
/* 420 Bad Extension and 421 Extension Required (RFC 3261 §8.2.2.3, §21.4.15, §21.4.16): which
 * option tags, whether the request it answers lacked them, and the client's retry. */
#ifndef SA_EXTENSION_CHECK_H
#define SA_EXTENSION_CHECK_H

#include "option_tags.h"
#include "tag_list.h"
#include "transaction.h"

/* What a request said about extensions, kept per transaction in case a 420/421 answers it.
 * Registered tags are bits (the registry has 36), so a typical INVITE costs a few words; only
 * tags outside the registry are kept as text. */
struct sa_txn_tags {
    uint64_t mask[3];                 /* SA_HDR_SUPPORTED, SA_HDR_REQUIRE, SA_HDR_PROXY_REQUIRE */
    struct sa_tag_list unregistered[3];
    uint8_t presence[3];              /* enum sa_tag_presence */
};

enum sa_ext_kind { SA_EXT_421 = 1, SA_EXT_420, SA_EXT_RETRY };

enum sa_ext_problem {
    SA_EXT_NO_REQUIRE = 1u << 0,        /* 421 without Require (§21.4.16 violation) */
    SA_EXT_ALREADY_SUPPORTED = 1u << 1, /* 421 requiring only tags the request offered */
    SA_EXT_REQUEST_UNSEEN = 1u << 2,    /* the request is not in the capture */
    SA_EXT_NO_UNSUPPORTED = 1u << 3,    /* 420 without Unsupported (§21.4.15 violation) */
    SA_EXT_NEVER_REQUIRED = 1u << 4,    /* 420 lists tags the request did not require */
    SA_EXT_STILL_MISSING = 1u << 5,     /* a retry that still lacks tags (421) or still requires them (420) */
    SA_EXT_TAGS_CUT = 1u << 6,          /* a list was longer than SA_MAX_TAGS */
    SA_EXT_EMPTY_UNSUPPORTED = 1u << 7, /* 420 whose Unsupported header is there but lists nothing */
};

struct sa_ext {
    uint8_t kind;              /* enum sa_ext_kind */
    uint8_t required_in;       /* 420: 1 = the request's Require held flagged tags, 2 = its Proxy-Require */
    uint16_t problems;         /* enum sa_ext_problem */
    uint32_t frame;            /* the 420/421 itself, or the retry */
    uint32_t cseq;             /* of the request answered (420/421) or of the retry */
    uint32_t request_frame;    /* the request answered; 0 when not in the capture */
    uint32_t retry_frame;      /* 420/421: the client's retry, once seen (forward-looking) */
    uint32_t origin_frame;     /* retry: the 420/421 it follows */
    const struct sa_ext *origin; /* retry: that 420/421's analysis */
    struct sa_tag_list listed;   /* 421: its Require; 420: its Unsupported */
    struct sa_tag_list flagged;  /* 421: required tags the request lacked; 420: unsupported tags it required;
                                    retry: tags still lacking (421) or still required (420) */
    struct sa_tag_list extra;    /* 420: unsupported tags the request never required */
    char *method;                /* the request's method, from CSeq, escaped (text_buf.h) */
    /* 421: what the request said, shared with its transaction (and with every other request
     * of the same tag set): its Supported is written out only when shown
     * (sa_ext_text_request_supported), so 100 000 421s to one request do not keep 100 000 copies. */
    const struct sa_txn_tags *request_tags;
};

/* The requests of a capture repeat a handful of Supported/Require sets (one per user agent and
 * method), so a set of registered tags only is kept once and shared by every transaction that
 * lists it: most INVITEs then cost no memory for their tags at all. Direct-mapped by a hash of
 * the set; a new set replaces the entry it hashes to (the old one stays with its transactions).
 * Sets are never changed once made, so sharing them is safe.
 *
 * The same user agent also writes the same lines byte for byte, so the raw Supported, Require
 * and Proxy-Require lines of a request that produced a shared set are remembered too: a request
 * repeating them gets the set without a tag being read (about a thousand instructions less per
 * INVITE). Lines longer than SA_TAG_MEMO_BYTES in all are not remembered. */
#define SA_TAG_SET_CACHE_SIZE 64
#define SA_TAG_MEMO_COUNT 16
#define SA_TAG_MEMO_BYTES 160
_Static_assert(SA_TAG_MEMO_BYTES <= 256, "a line's length in the memo key is one byte");
struct sa_tag_line_memo {
    const struct sa_txn_tags *set; /* NULL: unused */
    uint64_t hash;
    uint32_t len;
    char bytes[SA_TAG_MEMO_BYTES]; /* per line: header, length (one byte), value */
};
struct sa_tag_set_cache {
    const struct sa_txn_tags *sets[SA_TAG_SET_CACHE_SIZE];
    struct sa_tag_line_memo memo[SA_TAG_MEMO_COUNT];
};

/* Keeps what the request says in t->tags (nothing is allocated when it has none of the headers,
 * nor when cache already holds the same set of registered tags). */
void sa_ext_note_request(const struct sa_allocator *a, struct sa_tag_set_cache *cache, struct sa_txn *t,
                         const struct sa_message *req);

/* Analyses a 420 or 421; t is the transaction answered, NULL when the request is not in the capture. */
struct sa_ext *sa_ext_on_failure(const struct sa_allocator *a, const struct sa_message *resp, uint32_t frame,
                                 const struct sa_txn *t);

/* A new request of the same Call-ID, From tag and method with a higher CSeq than a 420/421's
 * request: the client's retry. Links both ways and checks whether the retry fixed the cause. */
struct sa_ext *sa_ext_on_retry(const struct sa_allocator *a, struct sa_ext *origin, const struct sa_message *retry,
                               uint32_t retry_frame);

/* Texts for expert infos, written into buf (snprintf rules: returns the length needed). */
size_t sa_ext_text_missing(const struct sa_ext *e, char *buf, size_t size);
size_t sa_ext_text_bad_extension(const struct sa_ext *e, char *buf, size_t size);
size_t sa_ext_text_retry(const struct sa_ext *e, char *buf, size_t size);
size_t sa_ext_text_tags(const struct sa_tag_list *l, char *buf, size_t size); /* "a, b, c" */
/* 421: whether its request's Supported was absent, empty or listed tags (ABSENT when the request
 * is not in the capture), and the tags as "100rel, timer" (registry spelling for registered
 * tags, then the others as written, escaped). */
enum sa_tag_presence sa_ext_request_supported(const struct sa_ext *e);
size_t sa_ext_text_request_supported(const struct sa_ext *e, char *buf, size_t size);

#endif
