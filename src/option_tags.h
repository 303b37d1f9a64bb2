/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Option-tag lists (RFC 3261 §19.2, §7.3.1): comma lists spread over any number of header lines,
 * tokens compared case-insensitively, shown as written. */
#ifndef SA_OPTION_TAGS_H
#define SA_OPTION_TAGS_H

#include "sip_message.h"

/* Walks every tag of one header kind in a parsed message, in header order. */
struct sa_tag_iter {
    const struct sa_message *msg;
    enum sa_tag_header header;
    uint32_t line;
    const char *pos;
    const char *end;
};

void sa_tag_iter_init(struct sa_tag_iter *it, const struct sa_message *msg, enum sa_tag_header h);
/* Next non-empty tag, trimmed of white space and folding; false at the end. */
bool sa_tag_iter_next(struct sa_tag_iter *it, struct sa_slice *tag);

/* Whether the message lists tag (case-insensitive) in header h. */
bool sa_message_lists_tag(const struct sa_message *msg, enum sa_tag_header h, struct sa_slice tag);

/* State of a Supported (or other tag) header in a request: absent means "did not say",
 * empty means "supports nothing" (RFC 3261 §20.37). */
enum sa_tag_presence { SA_TAGS_ABSENT = 0, SA_TAGS_EMPTY, SA_TAGS_LISTED };
enum sa_tag_presence sa_message_tag_presence(const struct sa_message *msg, enum sa_tag_header h);

#endif
