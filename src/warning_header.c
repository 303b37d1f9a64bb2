/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "warning_header.h"

#include "header_lex.h"

void sa_warning_iter_init(struct sa_warning_iter *it, struct sa_slice header_value)
{
    if (!header_value.ptr) /* an absent value: no arithmetic on a null pointer */
        header_value = (struct sa_slice){ "", 0 };
    it->p = header_value.ptr;
    it->end = header_value.ptr + header_value.len;
    it->count = 0;
    it->done = false;
    it->truncated = false;
}

/* A word of the value: up to white space or a quote (a text glued to the word starts there). */
static const char *word_end(const char *p, const char *end)
{
    while (p < end && !sa_lex_is_lws(*p) && *p != '"')
        p++;
    return p;
}

static void read_code(struct sa_slice raw, struct sa_warning *out)
{
    out->code_raw = raw;
    uint32_t v;
    if (raw.len == 3 && sa_lex_uint(raw, 999, 3, &v) == SA_NUM_OK) {
        out->code = (uint16_t)v;
        out->flags |= SA_WARNING_CODE_OK;
    } else {
        out->flags |= SA_WARNING_BAD_CODE;
    }
}

/* p: where the warn-text should start (white space skipped), end: the value's end. */
static void read_text(const char *p, const char *end, struct sa_warning *out)
{
    if (p == end) {
        out->flags |= SA_WARNING_NO_TEXT;
        return;
    }
    out->flags |= SA_WARNING_HAS_TEXT;
    if (*p != '"') { /* RFC 3261 wants a quoted-string; keep what was written */
        out->flags |= SA_WARNING_TEXT_NOT_QUOTED;
        out->text = (struct sa_slice){ p, (uint32_t)(end - p) };
        return;
    }
    const char *q = sa_lex_quoted_end(p, end);
    if (!q) {
        out->flags |= SA_WARNING_UNCLOSED_QUOTE;
        out->text = (struct sa_slice){ p + 1, (uint32_t)(end - p - 1) };
        return;
    }
    out->text = (struct sa_slice){ p + 1, (uint32_t)(q - p - 2) };
    if (sa_lex_skip_lws(q, end) != end)
        out->flags |= SA_WARNING_GARBAGE;
}

static void parse_value(const char *p, const char *end, struct sa_warning *out)
{
    struct sa_slice value = sa_lex_trim(p, end);
    const char *v = value.ptr, *vend = v + value.len;
    /* Absent parts are empty slices at the value, never null: offsets taken from them stay in it. */
    struct sa_slice none = { v, 0 };
    *out = (struct sa_warning){ .value = value, .code_raw = none, .agent = none, .text = none };
    if (v == vend) {
        out->flags = SA_WARNING_EMPTY;
        return;
    }
    const char *ce = word_end(v, vend);
    read_code((struct sa_slice){ v, (uint32_t)(ce - v) }, out);
    const char *a = sa_lex_skip_lws(ce, vend);
    const char *ae = word_end(a, vend);
    out->agent = (struct sa_slice){ a, (uint32_t)(ae - a) };
    if (ae == a)
        out->flags |= SA_WARNING_NO_AGENT;
    read_text(sa_lex_skip_lws(ae, vend), vend, out);
}

bool sa_warning_next(struct sa_warning_iter *it, struct sa_warning *out)
{
    if (it->done)
        return false;
    if (it->count == SA_WARNING_MAX_VALUES) { /* not done: a comma followed the last one read */
        it->truncated = true;
        it->done = true;
        return false;
    }
    bool unclosed;
    const char *e = sa_lex_element_end(it->p, it->end, &unclosed);
    parse_value(it->p, e, out);
    if (unclosed) /* also a quote opened after the text, which read_text() does not look into */
        out->flags |= SA_WARNING_UNCLOSED_QUOTE;
    it->count++;
    if (e == it->end)
        it->done = true;
    else
        it->p = e + 1;
    return true;
}

/* IANA "Warning Codes (warn-codes)", ascending: the RFC 3261 §20.43 codes, 308 (RFC 8373) and
 * 380/381 (RFC 5630). warn-texts as registered; meanings plain ASCII. */
static const struct sa_warn_code_info warn_codes[] = {
    { 300, "Incompatible network protocol", "RFC3261 §20.43",
      "One or more network protocols in the session description are not available." },
    { 301, "Incompatible network address formats", "RFC3261 §20.43",
      "One or more network address formats in the session description (e.g. IPv6) are not available." },
    { 302, "Incompatible transport protocol", "RFC3261 §20.43",
      "One or more transport protocols in the session description are not available." },
    { 303, "Incompatible bandwidth units", "RFC3261 §20.43",
      "One or more bandwidth units in the session description were not understood." },
    { 304, "Media type not available", "RFC3261 §20.43",
      "One or more media types in the session description (e.g. video) are not available." },
    { 305, "Incompatible media format", "RFC3261 §20.43",
      "One or more media formats (codecs) in the session description are not available." },
    { 306, "Attribute not understood", "RFC3261 §20.43",
      "One or more media attributes in the session description are not supported." },
    { 307, "Session description parameter not understood", "RFC3261 §20.43",
      "A session description parameter other than those above was not understood." },
    { 308, "Incompatible language specification", "RFC8373",
      "None of the requested human languages can be supported; the text may list those that can." },
    { 330, "Multicast not available", "RFC3261 §20.43",
      "The site where the user is located does not support multicast." },
    { 331, "Unicast not available", "RFC3261 §20.43",
      "The site where the user is located does not support unicast, usually because of a firewall." },
    { 370, "Insufficient bandwidth", "RFC3261 §20.43",
      "The bandwidth in the session description, or needed by the media, exceeds what is known to be available." },
    { 380, "SIPS Not Allowed", "RFC5630",
      "The request cannot be processed because the SIPS scheme is not allowed, e.g. no registered contact can be reached with SIPS." },
    { 381, "SIPS Required", "RFC5630",
      "The request cannot be processed because the SIPS scheme is required." },
    { 399, "Miscellaneous warning", "RFC3261 §20.43",
      "Free text for a human or a log; a receiver must not act on it automatically." },
};

#define WARN_CODE_COUNT (sizeof warn_codes / sizeof warn_codes[0])
_Static_assert(WARN_CODE_COUNT == 15, "the IANA warn-code registry has 15 entries");

size_t sa_warn_code_count(void)
{
    return WARN_CODE_COUNT;
}

const struct sa_warn_code_info *sa_warn_code_at(size_t i)
{
    return i < WARN_CODE_COUNT ? &warn_codes[i] : NULL;
}

const struct sa_warn_code_info *sa_warn_code_lookup(unsigned code)
{
    for (size_t i = 0; i < WARN_CODE_COUNT; i++) { /* 15 entries: a scan is as fast as a search */
        if (warn_codes[i].code == code)
            return &warn_codes[i];
    }
    return NULL;
}
