/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Warning header (RFC 3261 §20.43, grammar in §25.1), one header value at a time:
 *
 *   Warning       = "Warning" HCOLON warning-value *(COMMA warning-value)
 *   warning-value = warn-code SP warn-agent SP warn-text
 *   warn-code     = 3DIGIT
 *   warn-agent    = hostport / pseudonym        pseudonym = token
 *   warn-text     = quoted-string
 *
 * Same shape as reason_header.h: an iterator over the warning-values of one header value, slices
 * into it, nothing copied, never a read outside it, linear time, at most SA_WARNING_MAX_VALUES
 * values. Any linear white space (folding included) separates the three parts, not only one SP.
 * Also the registered warn-codes (IANA "Warning Codes (warn-codes)"), with their meanings. */
#ifndef SA_WARNING_HEADER_H
#define SA_WARNING_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sa_types.h"

#define SA_WARNING_MAX_VALUES 16

#define SA_WARNING_CODE_OK (1u << 0)  /* warn-code is three digits: .code holds it */
#define SA_WARNING_HAS_TEXT (1u << 1) /* a warn-text is present (.text) */
/* What is wrong with it. */
#define SA_WARNING_EMPTY (1u << 2)           /* nothing between two commas (or an empty header) */
#define SA_WARNING_BAD_CODE (1u << 3)        /* warn-code not exactly three digits */
#define SA_WARNING_NO_AGENT (1u << 4)        /* no warn-agent before the text (or the end) */
#define SA_WARNING_NO_TEXT (1u << 5)         /* nothing after the agent */
#define SA_WARNING_TEXT_NOT_QUOTED (1u << 6) /* text without quotes: .text is the rest as written */
#define SA_WARNING_UNCLOSED_QUOTE (1u << 7)  /* the text's quote never closes: it runs to the end */
#define SA_WARNING_GARBAGE (1u << 8)         /* bytes after the closing quote */
#define SA_WARNING_MALFORMED                                                                       \
    (SA_WARNING_EMPTY | SA_WARNING_BAD_CODE | SA_WARNING_NO_AGENT | SA_WARNING_NO_TEXT |           \
     SA_WARNING_TEXT_NOT_QUOTED | SA_WARNING_UNCLOSED_QUOTE | SA_WARNING_GARBAGE)

/* A part that is absent is an empty slice at the start of .value, never a null pointer. */
struct sa_warning {
    struct sa_slice value;    /* the whole warning-value, without surrounding white space */
    struct sa_slice code_raw; /* the first word as written */
    struct sa_slice agent;    /* host[:port] or pseudonym as written */
    struct sa_slice text;     /* inside the quotes, escapes as written */
    uint16_t code;            /* with SA_WARNING_CODE_OK; 0 otherwise */
    uint16_t flags;           /* SA_WARNING_* */
};

struct sa_warning_iter {
    const char *p, *end;
    uint8_t count;
    bool done;
    bool truncated; /* set once sa_warning_next() stopped with values left after the 16th */
};

void sa_warning_iter_init(struct sa_warning_iter *it, struct sa_slice header_value);
/* The next warning-value into *out; false when none is left (or SA_WARNING_MAX_VALUES were read:
 * it->truncated then says whether more followed). An empty header value gives one EMPTY value. */
bool sa_warning_next(struct sa_warning_iter *it, struct sa_warning *out);

struct sa_warn_code_info {
    uint16_t code;
    const char *text;    /* the registry's warn-text, e.g. "Incompatible media format" */
    const char *rfc;     /* e.g. "RFC3261 §20.43" */
    const char *meaning; /* one plain sentence */
};
size_t sa_warn_code_count(void);                              /* 15 */
const struct sa_warn_code_info *sa_warn_code_at(size_t i);    /* ascending; NULL past the end */
const struct sa_warn_code_info *sa_warn_code_lookup(unsigned code); /* NULL when unregistered */

#endif
