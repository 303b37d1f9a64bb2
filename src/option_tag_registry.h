/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The IANA SIP option-tag registry (RFC 3261 §19.2, §27.1), as in src/data/sip-registry.tsv:
 * tag, short meaning, defining RFC. Used to say whether a tag seen in Require, Supported,
 * Unsupported or Proxy-Require is a registered one and what it stands for. */
#ifndef SA_OPTION_TAG_REGISTRY_H
#define SA_OPTION_TAG_REGISTRY_H

#include <stddef.h>

struct sa_option_tag_info {
    const char *tag;      /* lowercase, as registered */
    const char *meaning;
    const char *rfc;      /* e.g. "RFC3262" */
};

size_t sa_option_tag_count(void);                              /* 36 */
const struct sa_option_tag_info *sa_option_tag_at(size_t i);   /* sorted by tag; NULL past the end */
/* Case-insensitive lookup of a tag given as (pointer,length), not NUL-terminated. NULL if not in the IANA registry. */
const struct sa_option_tag_info *sa_option_tag_lookup(const char *tag, size_t len);

#endif
