/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A compact, owned list of option tags as written, escaped (text_buf.h: control characters and
 * bytes that are not UTF-8 as \xNN, so the list is printable UTF-8 and a NUL in a tag cannot
 * split it): the tags one after another, each ended by a NUL, with a count. Used to keep what a
 * 420/421 listed for later passes and for texts. */
#ifndef SA_TAG_LIST_H
#define SA_TAG_LIST_H

#include "sa_types.h"

/* Lists longer than this are cut (and flagged): a 64 KiB Require of 10 000 tags must not turn
 * into 10 000 tree items or a quadratic comparison. */
#define SA_MAX_TAGS 256
/* Longer tags are cut to at most this many bytes (before a character, not inside it) when kept. */
#define SA_MAX_TAG_LEN 128

struct sa_tag_list {
    char *data;     /* NUL-separated tags, or NULL when empty */
    uint32_t bytes; /* size of data */
    uint16_t count;
    bool cut;       /* the source list had more than SA_MAX_TAGS tags */
};

/* Collects tags through a builder: call add for each, then finish. */
struct sa_tag_list_builder {
    struct sa_slice tags[SA_MAX_TAGS];
    uint16_t count;
    bool cut;
    bool kept; /* the tags come from another kept list: already cut and escaped */
};

void sa_tag_list_builder_init(struct sa_tag_list_builder *b);
/* For tags taken from another struct sa_tag_list: kept as they are, not escaped a second time. */
void sa_tag_list_builder_init_kept(struct sa_tag_list_builder *b);
void sa_tag_list_builder_add(struct sa_tag_list_builder *b, struct sa_slice tag);
/* Whether the builder already holds tag (case-insensitive). */
bool sa_tag_list_builder_has(const struct sa_tag_list_builder *b, struct sa_slice tag);
bool sa_tag_list_finish(const struct sa_tag_list_builder *b, const struct sa_allocator *a, struct sa_tag_list *out);

/* Iterates a kept list: start with *cursor = NULL; returns the next tag or NULL at the end. */
const char *sa_tag_list_next(const struct sa_tag_list *l, const char **cursor);
/* Whether l holds tag (case-insensitive), tag given in the kept, escaped form. */
bool sa_tag_list_has(const struct sa_tag_list *l, struct sa_slice tag);

#endif
