/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The lexical pieces of SIP header values that the Reason, Warning, Session-Expires and Min-SE
 * readers share (RFC 3261 §25.1): linear white space, tokens, quoted strings, comma-separated
 * elements, ";name=value" parameters and decimal numbers. One reading for all of them, so that
 * a quote or a comma means the same thing in each header.
 *
 * Every function reads only bytes inside [p, end) and looks at each byte a bounded number of
 * times (linear time, no recursion); results are slices into the input, nothing is copied. */
#ifndef SA_HEADER_LEX_H
#define SA_HEADER_LEX_H

#include <stdbool.h>
#include <stdint.h>

#include "sa_types.h"

/* SP, HTAB, CR and LF: a header value handed over with its folding (CR LF SP, RFC 3261 §7.3.1)
 * still holds the CR LF, which is linear white space there. */
bool sa_lex_is_lws(char c);
/* RFC 3261 §25.1 token: alphanum and - . ! % * _ + ` ' ~ */
bool sa_lex_is_token_char(char c);

const char *sa_lex_skip_lws(const char *p, const char *end);
struct sa_slice sa_lex_trim(const char *p, const char *end);
/* The first byte at or after p that is not a token character, or end. */
const char *sa_lex_token_end(const char *p, const char *end);

/* q points at an opening '"': the byte after the closing quote, or NULL when no quote closes it
 * before end. A backslash takes the next byte as it is (quoted-pair), so \" does not close. */
const char *sa_lex_quoted_end(const char *q, const char *end);

/* The end of the comma-separated element starting at p: its first ',' outside a quoted string,
 * or end. *unclosed is set when a quote opened in the element never closes (the element then
 * runs to end: a comma inside an unclosed text is not taken as a separator). */
const char *sa_lex_element_end(const char *p, const char *end, bool *unclosed);

enum sa_lex_number {
    SA_NUM_OK = 0,
    SA_NUM_NOT_DIGITS, /* empty, or a byte other than 0-9 */
    SA_NUM_TOO_BIG,    /* above max, or more than max_digits digits */
};
/* s read as 1*DIGIT no larger than max, with at most max_digits digits (0: any number of
 * digits, leading zeros allowed). *out is written only for SA_NUM_OK. A non-digit anywhere
 * makes it SA_NUM_NOT_DIGITS even when the digits before it are already too big. */
enum sa_lex_number sa_lex_uint(struct sa_slice s, uint32_t max, unsigned max_digits, uint32_t *out);

/* One ";name[=value]" parameter (RFC 3261 generic-param: token [ EQUAL gen-value ], gen-value =
 * token / host / quoted-string). */
struct sa_lex_param {
    struct sa_slice name;  /* a token, as written */
    struct sa_slice value; /* as written; a quoted value without its quotes (escapes kept) */
    bool has_value;        /* an '=' followed the name */
    bool quoted;           /* the value was a quoted-string */
    bool unclosed;         /* its quote never closed: value runs to the end of the input */
};

/* Reads a parameter list, *(SEMI generic-param), one parameter per call. Bytes that are not part
 * of a parameter (anything but white space before a ';', a ';' without a name) are skipped up to
 * the next ';' outside quotes and noted in garbage, so that the parameters after them are still
 * read. */
struct sa_param_iter {
    const char *p, *end;
    bool garbage;  /* bytes that are no parameter were skipped */
    bool unclosed; /* a quote (in a value or in skipped bytes) never closed */
};
void sa_param_iter_init(struct sa_param_iter *it, const char *p, const char *end);
/* The next parameter into *out; false at the end of the list. */
bool sa_param_next(struct sa_param_iter *it, struct sa_lex_param *out);

#endif
