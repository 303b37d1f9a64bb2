/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "sip_message.h"

#include "compiler.h"

#include <stddef.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static bool is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* Linear white space inside a folded header value (RFC 3261 §7.3.1): one bit test, no table
 * (a 256-byte table is a data-cache line fetched again for nearly every message). */
static bool is_lws(char c)
{
    const uint64_t lws = 1ull << ' ' | 1ull << '\t' | 1ull << '\r' | 1ull << '\n';
    unsigned char u = (unsigned char)c;
    return u <= ' ' && ((lws >> u) & 1u);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static struct sa_slice trim(const char *p, const char *end)
{
    while (p < end && is_lws(*p))
        p++;
    while (end > p && is_lws(end[-1]))
        end--;
    return (struct sa_slice){ p, (uint32_t)(end - p) };
}

/* A header value: after its colon, up to its LF, trimmed. The usual "Name: value CR LF" loses
 * one space and one CR without a loop; anything else is trimmed the general way. Runs for every
 * header read. */
static struct sa_slice header_value(const char *p, const char *end)
{
    if (p < end && *p == ' ')
        p++;
    if (end > p && end[-1] == '\r')
        end--;
    if (p < end && !is_lws(*p) && !is_lws(end[-1]))
        return (struct sa_slice){ p, (uint32_t)(end - p) };
    return trim(p, end);
}

/* The first of the bytes a, b, c, d in [p, end), or end: sixteen bytes per step where SSE2
 * exists (every x86-64), the last step on the final sixteen bytes of the range (overlapping bytes
 * already seen, which matched nothing); one byte per step elsewhere and for ranges under sixteen
 * bytes. Never reads outside [p, end). The top Via is scanned for four bytes for every message;
 * the searches for two pass one of them twice. */
static const char *find_any(const char *p, const char *end, char a, char b, char c, char d)
{
#if defined(__SSE2__)
    if (end - p >= 16) {
        const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
        const __m128i vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
        for (;;) {
            if (end - p < 16)
                p = end - 16; /* overlaps what was seen: those bytes matched nothing */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
            unsigned m = (unsigned)_mm_movemask_epi8(hit);
            if (m)
                return p + __builtin_ctz(m);
            if (p + 16 >= end)
                return end;
            p += 16;
        }
    }
#endif
    while (p < end && *p != a && *p != b && *p != c && *p != d)
        p++;
    return p;
}

static const char *find_either(const char *p, const char *end, char a, char b)
{
    return find_any(p, end, a, b, a, b);
}

/* End of the physical line starting at p: points at its CR LF, its bare LF, or end. memchr
 * finds the LF 32 bytes per step. A bare CR inside a line does not end it (Wireshark's SIP
 * dissector would end the line there; RFC 3261 §7 requires CR LF, and looking for both bytes
 * costs a second scan of every line: about 4 % more for the whole plugin). */
static const char *line_end(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl)
        return end;
    return (nl > p && nl[-1] == '\r') ? nl - 1 : nl;
}

/* The LF that ends the logical header line starting at p, or end: a line whose successor starts
 * with white space continues on it (RFC 3261 §7.3.1 folding). One memchr per physical line; this
 * runs for every header line of every message. */
static const char *logical_line_lf(const char *p, const char *end)
{
    for (;;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl || nl + 1 >= end || !is_ws(nl[1]))
            return nl ? nl : end;
        p = nl + 1;
    }
}

static bool parse_status_line(struct sa_slice line, struct sa_message *msg)
{
    const char *p = line.ptr, *end = line.ptr + line.len;
    if (line.len < 8 || memcmp(p, "SIP/", 4) != 0)
        return false;
    p += 4;
    while (p < end && !is_ws(*p))
        p++;
    while (p < end && is_ws(*p))
        p++;
    const char *code = p;
    while (p < end && !is_ws(*p))
        p++;
    msg->flags |= SA_MSG_RESPONSE;
    msg->status_raw = (struct sa_slice){ code, (uint32_t)(p - code) };
    if (p - code == 3 && is_digit(code[0]) && is_digit(code[1]) && is_digit(code[2])) {
        msg->flags |= SA_MSG_CODE_NUMERIC;
        msg->status_code = (uint16_t)((code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0'));
    }
    msg->reason = trim(p, end);
    return true;
}

static bool parse_request_line(struct sa_slice line, struct sa_message *msg)
{
    const char *p = line.ptr, *end = line.ptr + line.len;
    const char *m = p;
    while (p < end && !is_ws(*p))
        p++;
    if (p == m || p == end)
        return false;
    /* The request line must end in a SIP version: "METHOD URI SIP/2.0". */
    const char *v = end;
    while (v > p && !is_ws(v[-1]))
        v--;
    if (end - v < 4 || memcmp(v, "SIP/", 4) != 0)
        return false;
    msg->method = (struct sa_slice){ m, (uint32_t)(p - m) };
    return true;
}

/* The name before a header's colon: trimmed only when white space touches either end
 * (RFC 3261 §7.3.1 allows it before the colon; it is rare, and this runs for every header read). */
static struct sa_slice header_name(const char *p, const char *colon)
{
    if (colon > p && !is_lws(p[0]) && !is_lws(colon[-1]))
        return (struct sa_slice){ p, (uint32_t)(colon - p) };
    return trim(p, colon);
}

/* Bytes that end a parameter value: the next parameter, the next header value, white space. */
static const unsigned char PARAM_VALUE_END[256] = {
    [';'] = 1, [','] = 1, [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1,
};

/* The end of a parameter value starting at v: the first PARAM_VALUE_END byte, or end. A Via
 * branch (20-40 bytes) is read for every message: sixteen bytes per step where SSE2 exists. */
static const char *param_value_end(const char *v, const char *end)
{
#if defined(__SSE2__)
    const __m128i semi = _mm_set1_epi8(';'), comma = _mm_set1_epi8(','), sp = _mm_set1_epi8(' ');
    const __m128i tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
    while (end - v >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)v);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, semi), _mm_cmpeq_epi8(x, comma)),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, tab)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, lf)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return v + __builtin_ctz(m);
        v += 16;
    }
#endif
    while (v < end && !PARAM_VALUE_END[(unsigned char)*v])
        v++;
    return v;
}

/* Whether n bytes at q are the lowercase literal param, of letters only: OR-ing 0x20 folds a
 * byte onto a lowercase letter only when it is that letter in either case. */
static bool param_name_is(const char *q, const char *param, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((q[i] | 0x20) != param[i])
            return false;
    }
    return true;
}

/* q: right after a ';'. When "<param> = value" starts there, stores the value. */
static bool param_at(const char *q, const char *end, const char *param, size_t plen, struct sa_slice *out)
{
    while (q < end && is_lws(*q))
        q++;
    if ((size_t)(end - q) <= plen || !param_name_is(q, param, plen))
        return false;
    const char *v = q + plen;
    while (v < end && is_lws(*v))
        v++;
    if (v == end || *v != '=')
        return false;
    v++;
    while (v < end && is_lws(*v))
        v++;
    const char *ve = param_value_end(v, end);
    *out = (struct sa_slice){ v, (uint32_t)(ve - v) };
    return true;
}

/* The first ";<param>=" of [p,end), which holds neither quotes nor angle brackets. */
static bool param_in_list(const char *p, const char *end, const char *param, size_t plen, struct sa_slice *out)
{
    while (p < end && (p = memchr(p, ';', (size_t)(end - p))) != NULL) {
        if (param_at(++p, end, param, plen, out))
            return true;
    }
    return false;
}

/* After a leading quoted display name ("Alice" <sip:...>), which may hold any of ; < > : the
 * position right after its closing quote; p itself when there is none; NULL when it never closes. */
static const char *skip_display_name(const char *p, const char *end)
{
    const char *q = p;
    while (q < end && is_lws(*q))
        q++;
    if (q == end || *q != '"')
        return p;
    const char *open = q + 1;
    const char *close = memchr(open, '"', (size_t)(end - open));
    if (close && !memchr(open, '\\', (size_t)(close - open)))
        return close + 1; /* no quoted-pair before the first quote: it closes the name */
    for (q = open; q < end; q++) {
        if (*q == '\\')
            q++; /* quoted-pair: the next character is taken as it is */
        else if (*q == '"')
            return q + 1;
    }
    return NULL;
}

static bool find_param_slow(const char *p, const char *end, const char *param, size_t plen, struct sa_slice *out);

/* Finds ";<param>=" in [p,end) outside of <...> and quotes; returns the value up to ';' ',' or end.
 * Past a quoted display name, parameters are the ';'s after the '>' that closes the URI (or all of
 * them for an addr-spec), found with a few scans (see below). */
static bool find_param(const char *p, const char *end, const char *param, struct sa_slice *out)
{
    size_t plen = strlen(param);
    const char *after_name = skip_display_name(p, end);
    if (!after_name || after_name > end || memchr(after_name, '"', (size_t)(end - after_name)))
        return find_param_slow(p, end, param, plen, out);
    p = after_name;
    /* The usual shape, [display name] <URI>;params with no other quote or '<', is read with a
     * few scans; anything else (a ';' before the '<', quotes, a second '<') takes the careful
     * walk, which gives the same result on the usual shape. */
    const char *lt = find_either(p, end, '"', '<');
    if (lt == end)
        return param_in_list(p, end, param, plen, out); /* addr-spec: every ';' starts a parameter */
    if (*lt == '"' || memchr(p, ';', (size_t)(lt - p)))
        return find_param_slow(p, end, param, plen, out);
    const char *gt = find_either(lt, end, '>', '"');
    if (gt < end && *gt == '"')
        return find_param_slow(p, end, param, plen, out);
    if (gt == end)
        return false; /* an unclosed <: everything after it is inside the URI */
    if (find_either(gt + 1, end, '"', '<') != end)
        return find_param_slow(p, end, param, plen, out);
    return param_in_list(gt + 1, end, param, plen, out);
}

/* The first ; , " or < in [p, end), or end. */
static const char *via_stop(const char *p, const char *end)
{
    return find_any(p, end, ';', ',', '"', '<');
}

/* The branch of the top Via, the first via-parm of the value (it ends at the first comma). A
 * via-parm has no <...> (sent-by, then parameters): the usual one is read in one scan that stops
 * at each ';' up to the branch, instead of a comma search, a quote search and a ';' search over
 * the whole value. A quote or '<' before the branch takes the careful walk over the via-parm,
 * which gives the same result on the usual shape; param_at() stops a value at a comma itself. */
static bool top_via_branch(const char *p, const char *end, struct sa_slice *out)
{
    for (const char *q = via_stop(p, end); q < end && *q != ','; q = via_stop(q + 1, end)) {
        if (*q != ';') {
            const char *comma = memchr(p, ',', (size_t)(end - p));
            return find_param_slow(p, comma ? comma : end, "branch", 6, out);
        }
        if (param_at(q + 1, end, "branch", 6, out))
            return true;
    }
    return false;
}

static bool find_param_slow(const char *p, const char *end, const char *param, size_t plen, struct sa_slice *out)
{
    bool in_angle = false, in_quote = false;
    for (; p < end; p++) {
        char c = *p;
        if (in_quote) {
            if (c == '\\' && p + 1 < end)
                p++;
            else if (c == '"')
                in_quote = false;
            continue;
        }
        if (c == '"')
            in_quote = true;
        else if (c == '<')
            in_angle = true;
        else if (c == '>')
            in_angle = false;
        else if (c == ';' && !in_angle && param_at(p + 1, end, param, plen, out))
            return true;
    }
    return false;
}

/* The top Via is the first via-parm of the first Via line: stop at the first comma. */
static void parse_top_via(struct sa_slice value, struct sa_message *msg)
{
    msg->flags |= SA_MSG_HAS_VIA;
    if (top_via_branch(value.ptr, value.ptr + value.len, &msg->via_branch)) {
        msg->flags |= SA_MSG_HAS_BRANCH;
        if (msg->via_branch.len >= 7 && memcmp(msg->via_branch.ptr, "z9hG4bK", 7) == 0)
            msg->flags |= SA_MSG_RFC3261_BRANCH;
    }
}

static void parse_cseq(struct sa_slice value, struct sa_message *msg)
{
    const char *p = value.ptr, *end = value.ptr + value.len;
    uint64_t n = 0;
    const char *digits = p;
    while (p < end && is_digit(*p) && n <= 0xFFFFFFFFu) {
        n = n * 10 + (uint64_t)(*p - '0');
        p++;
    }
    /* RFC 3261 §8.1.1.5: the sequence number is below 2**31. */
    if (p == digits || n >= 0x80000000u || p == end || !is_lws(*p)) {
        msg->flags |= SA_MSG_BAD_CSEQ;
        return;
    }
    struct sa_slice method = trim(p, end);
    if (method.len == 0) {
        msg->flags |= SA_MSG_BAD_CSEQ;
        return;
    }
    msg->cseq = (uint32_t)n;
    msg->cseq_method = method;
    msg->flags |= SA_MSG_HAS_CSEQ;
}

static void add_tag_line(struct sa_message *msg, enum sa_tag_header h, struct sa_slice value)
{
    if (msg->tag_line_count >= SA_MAX_TAG_LINES) {
        msg->flags |= SA_MSG_TAG_LINES_CUT;
        return;
    }
    msg->tag_lines[msg->tag_line_count].header = (uint8_t)h;
    msg->tag_lines[msg->tag_line_count].value = value;
    msg->tag_line_count++;
}

/* ---- the headers read: one row each --------------------------------------------------------- */

/* What a header line is taken for. True when the header is settled: a single-valued header's
 * later lines are then skipped (only the first occurrence counts, and only the top Via). A
 * list's lines are all taken. */
typedef bool take_fn(struct sa_message *msg, struct sa_slice value);

static bool take_via(struct sa_message *msg, struct sa_slice value)
{
    parse_top_via(value, msg);
    return true;
}

static bool take_cseq(struct sa_message *msg, struct sa_slice value)
{
    parse_cseq(value, msg); /* an unreadable CSeq is settled too (SA_MSG_BAD_CSEQ) */
    return true;
}

static bool take_call_id(struct sa_message *msg, struct sa_slice value)
{
    if (value.len == 0)
        return false; /* an empty Call-ID line: a later one may still say it */
    msg->call_id = value;
    msg->flags |= SA_MSG_HAS_CALL_ID;
    return true;
}

static bool take_from(struct sa_message *msg, struct sa_slice value)
{
    msg->from_value = value;
    return true;
}

static bool take_to(struct sa_message *msg, struct sa_slice value)
{
    msg->to_value = value;
    return true;
}

static bool take_supported(struct sa_message *msg, struct sa_slice value)
{
    add_tag_line(msg, SA_HDR_SUPPORTED, value);
    return false;
}

static bool take_require(struct sa_message *msg, struct sa_slice value)
{
    add_tag_line(msg, SA_HDR_REQUIRE, value);
    return false;
}

static bool take_proxy_require(struct sa_message *msg, struct sa_slice value)
{
    add_tag_line(msg, SA_HDR_PROXY_REQUIRE, value);
    return false;
}

static bool take_unsupported(struct sa_message *msg, struct sa_slice value)
{
    add_tag_line(msg, SA_HDR_UNSUPPORTED, value);
    return false;
}

static bool add_cause_line(struct sa_message *msg, struct sa_slice *lines, uint8_t *count, struct sa_slice value)
{
    if (*count >= SA_MAX_CAUSE_LINES)
        msg->flags |= SA_MSG_CAUSE_LINES_CUT;
    else
        lines[(*count)++] = value;
    return false;
}

static bool take_reason(struct sa_message *msg, struct sa_slice value)
{
    return add_cause_line(msg, msg->reason_lines, &msg->reason_line_count, value);
}

static bool take_warning(struct sa_message *msg, struct sa_slice value)
{
    return add_cause_line(msg, msg->warning_lines, &msg->warning_line_count, value);
}

/* Session timer (RFC 4028 §4, §5): single-valued, the first line counts. */
static bool take_session_expires(struct sa_message *msg, struct sa_slice value)
{
    msg->session_expires = value;
    return true;
}

static bool take_min_se(struct sa_message *msg, struct sa_slice value)
{
    msg->min_se = value;
    return true;
}

/* The kinds of message, for which headers each one reads. */
enum msg_kind {
    KIND_REQUEST,
    KIND_ACK,             /* nothing answers it (RFC 3261 §17.1.1.3): read only to match it */
    KIND_EXT_FAILURE,     /* 420 Bad Extension, 421 Extension Required: their option tags count */
    KIND_SESSION_FAILURE, /* 422 Session Interval Too Small: its Min-SE counts (RFC 4028 §6) */
    KIND_FAILURE,         /* any other final response from 300 on: why it failed */
    KIND_OTHER_RESPONSE,  /* read only up to the headers that match it to its request */
    KIND_COUNT
};
#define READ_BY(k) (1u << (k))
#define READ_BY_ALL (READ_BY(KIND_COUNT) - 1u)
#define READ_BY_FAILURES (READ_BY(KIND_EXT_FAILURE) | READ_BY(KIND_SESSION_FAILURE) | READ_BY(KIND_FAILURE))

/* One row per header the analysis reads. Everything else about recognising a header line is
 * derived from these rows (header_index_build): adding a header is adding a row. */
struct header_row {
    char name[17];    /* lowercase; at most 16 bytes (the size makes the compiler check) */
    char compact;     /* compact form (RFC 3261 §7.3.3), or 0 */
    uint8_t read_by;  /* READ_BY() bits: the messages that read it */
    bool list;        /* every line is read (a list); else the first line that settles it */
    take_fn *take;
};

static const struct header_row HEADERS[] = {
    { "via", 'v', READ_BY_ALL, false, take_via },
    { "cseq", 0, READ_BY_ALL, false, take_cseq },
    { "call-id", 'i', READ_BY_ALL, false, take_call_id },
    { "from", 'f', READ_BY_ALL, false, take_from },
    { "to", 't', READ_BY_ALL, false, take_to },
    /* Option-tag lists (RFC 3261 §19.2): a request's, and a 420/421's naming what was lacking. */
    { "supported", 'k', READ_BY(KIND_REQUEST) | READ_BY(KIND_EXT_FAILURE), true, take_supported },
    { "require", 0, READ_BY(KIND_REQUEST) | READ_BY(KIND_EXT_FAILURE), true, take_require },
    { "proxy-require", 0, READ_BY(KIND_REQUEST) | READ_BY(KIND_EXT_FAILURE), true, take_proxy_require },
    { "unsupported", 0, READ_BY(KIND_REQUEST) | READ_BY(KIND_EXT_FAILURE), true, take_unsupported },
    /* Why a call failed or ended: a failure's Reason (RFC 3326, RFC 6432) and Warning (RFC 3261
     * §20.43), a CANCEL's or BYE's Reason. Not on 1xx/2xx, which then stop reading early. */
    { "reason", 0, READ_BY(KIND_REQUEST) | READ_BY_FAILURES, true, take_reason },
    { "warning", 0, READ_BY_FAILURES, true, take_warning },
    /* Session timer (RFC 4028): what a request asks for, and the minimum a 422 names. A 422's
     * Session-Expires means nothing (§6 gives it a Min-SE only): not read. */
    { "session-expires", 'x', READ_BY(KIND_REQUEST), false, take_session_expires },
    { "min-se", 0, READ_BY(KIND_REQUEST) | READ_BY(KIND_SESSION_FAILURE), false, take_min_se },
};
#define HEADER_COUNT (sizeof HEADERS / sizeof HEADERS[0])
_Static_assert(HEADER_COUNT <= 16, "row sets are 16-bit masks");

/* A row's name laid out for the per-line test: the line's first sixteen bytes, as two 64-bit
 * words OR-ed with fold, equal word. fold has 0x20 where the name has a letter (folding the line's
 * byte to lowercase: only a letter folds onto a letter, and no other byte is folded onto '-'),
 * and 0xff past the name's end, where word has 0xff too: the bytes after the name do not count. */
struct row_match {
    _Alignas(64) uint64_t word[2];
    uint64_t fold[2];
    take_fn *take; /* the row's, beside its name: a line read touches one cache line of the index */
};

/* The rows laid out for the per-line test, built once from HEADERS. */
struct header_index {
    uint16_t by_letter[26];  /* rows whose name starts with the letter, by (letter | 0x20) - 'a' */
    uint8_t by_compact[26];  /* 1 + the row of a compact form, by (letter | 0x20) - 'a'; 0: none */
    uint16_t read_by[KIND_COUNT]; /* rows each kind of message reads */
    /* Rows after which a kind of message has nothing more to read (all its rows are single
     * valued): a response is read only up to its top Via, CSeq, Call-ID, From and To. */
    uint16_t settles[KIND_COUNT];
    uint8_t len[HEADER_COUNT];
    struct row_match rows[HEADER_COUNT];
};

static struct header_index header_index;
static bool header_index_built;

static void index_row(struct header_index *ix, size_t r)
{
    const char *name = HEADERS[r].name;
    struct row_match *m = &ix->rows[r];
    m->take = HEADERS[r].take;
    size_t n = strlen(name);
    ix->len[r] = (uint8_t)n;
    for (size_t i = 0; i < 16; i++) {
        unsigned shift = 8 * (unsigned)(i % 8);
        unsigned char c = i < n ? (unsigned char)name[i] : 0xff;
        m->word[i / 8] |= (uint64_t)c << shift;
        if (i >= n || (c >= 'a' && c <= 'z'))
            m->fold[i / 8] |= (uint64_t)(i < n ? 0x20 : 0xff) << shift;
    }
    ix->by_letter[name[0] - 'a'] |= (uint16_t)(1u << r);
    if (HEADERS[r].compact)
        ix->by_compact[HEADERS[r].compact - 'a'] = (uint8_t)(r + 1);
}

/* Built on the first message read; Wireshark reads messages on one thread. */
static void header_index_build(void)
{
    struct header_index ix = { 0 };
    uint16_t lists = 0;
    for (size_t r = 0; r < HEADER_COUNT; r++) {
        index_row(&ix, r);
        lists |= HEADERS[r].list ? (uint16_t)(1u << r) : 0;
        for (unsigned k = 0; k < KIND_COUNT; k++)
            ix.read_by[k] |= (HEADERS[r].read_by & READ_BY(k)) ? (uint16_t)(1u << r) : 0;
    }
    for (unsigned k = 0; k < KIND_COUNT; k++)
        ix.settles[k] = (ix.read_by[k] & lists) ? 0 : ix.read_by[k];
    header_index = ix;
    header_index_built = true;
}

static bool row_name_is(size_t r, struct sa_slice name)
{
    if (name.len != header_index.len[r])
        return false;
    for (size_t i = 0; i < name.len; i++) {
        char c = name.ptr[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + ('a' - 'A'));
        if (c != HEADERS[r].name[i])
            return false;
    }
    return true;
}

/* The careful way, for white space before the colon or before the name: the name is found at
 * the colon and trimmed, then looked up. Rare; kept out of the per-line path. */
static SA_NOINLINE int careful_header(const char *p, const char *lf, uint32_t rows, const char **colon)
{
    *colon = memchr(p, ':', (size_t)(lf - p));
    if (!*colon)
        return -1;
    struct sa_slice name = header_name(p, *colon);
    if (name.len == 0)
        return -1;
    unsigned c = (unsigned char)name.ptr[0] | 0x20u;
    if (c - 'a' >= 26u)
        return -1;
    if (name.len == 1) {
        int r = header_index.by_compact[c - 'a'] - 1;
        return r >= 0 && (rows >> r & 1u) ? r : -1;
    }
    for (uint32_t set = header_index.by_letter[c - 'a'] & rows; set; set &= set - 1) {
        int r = __builtin_ctz(set);
        if (row_name_is((size_t)r, name))
            return r;
    }
    return -1;
}

/* The line's first sixteen bytes, zero past the end of the message. */
static SA_NOINLINE void load_tail(uint64_t w[2], const char *p, const char *end)
{
    memcpy(w, p, (size_t)(end - p));
}

static bool row_matches(const struct row_match *m, const char *p, const char *end)
{
    uint64_t w[2] = { 0, 0 };
    if (end - p >= 16)
        memcpy(w, p, 16);
    else
        load_tail(w, p, end);
    return (w[0] | m->fold[0]) == m->word[0] && (w[1] | m->fold[1]) == m->word[1];
}

/* The row of the header line [p, lf), among rows, and its colon; -1 for a line not read. The
 * usual spelling ("Via:", "v:") costs a lookup by its first byte and one masked comparison per
 * row starting with that letter; most lines (Contact, Max-Forwards, Content-*) stop at the
 * lookup. Runs for every header line. */
static int line_header(const char *p, const char *lf, const char *end, uint32_t rows, const char **colon)
{
    size_t n = (size_t)(lf - p);
    if (n < 2)
        return -1;
    unsigned c = ((unsigned char)p[0] | 0x20u) - 'a';
    if (c >= 26u)
        return is_ws(p[0]) ? careful_header(p, lf, rows, colon) : -1;
    if (p[1] == ':') {
        int r = header_index.by_compact[c] - 1;
        *colon = p + 1;
        return r >= 0 && (rows >> r & 1u) ? r : -1;
    }
    uint32_t set = header_index.by_letter[c] & rows;
    if (!set)
        return -1;
    if (is_ws(p[1]))
        return careful_header(p, lf, rows, colon); /* "v :" */
    for (; set; set &= set - 1) {
        int r = __builtin_ctz(set);
        size_t len = header_index.len[r];
        /* The byte after the name first: it rules out most lines that merely share the letter. */
        if (n <= len || (p[len] != ':' && !is_ws(p[len])) || !row_matches(&header_index.rows[r], p, end))
            continue;
        if (p[len] != ':')
            return careful_header(p, lf, rows, colon); /* "Via :" */
        *colon = p + len;
        return r;
    }
    return -1;
}

/* The CR that ends the logical header line starting at p in a message whose lines end in CR
 * alone, or end: as logical_line_lf(), with CR for LF. Only such messages take this way. */
static const char *logical_line_cr(const char *p, const char *end)
{
    for (;;) {
        const char *cr = memchr(p, '\r', (size_t)(end - p));
        if (!cr || cr + 1 >= end || !is_ws(cr[1]))
            return cr ? cr : end;
        p = cr + 1;
    }
}

/* The header lines from p on, up to the empty line; eol_lf: they end in LF (or CR LF), else in
 * CR alone. Only the rows a message of this kind reads are looked for. */
static void parse_headers(const char *p, const char *end, bool eol_lf, enum msg_kind kind, struct sa_message *msg)
{
    const uint32_t rows = header_index.read_by[kind], settles = header_index.settles[kind];
    uint32_t settled = 0;
    while (p < end && *p != '\r' && *p != '\n') { /* an empty line ends the headers */
        const char *lf = eol_lf ? logical_line_lf(p, end) : logical_line_cr(p, end);
        const char *colon;
        int r = line_header(p, lf, end, rows & ~settled, &colon);
        /* Most lines are headers we do not read: their value is not even trimmed. */
        if (r >= 0 && header_index.rows[r].take(msg, header_value(colon + 1, lf))) {
            settled |= 1u << r;
            if (settles && (settled & settles) == settles)
                break;
        }
        p = lf < end ? lf + 1 : end;
    }
}

static enum msg_kind kind_of(const struct sa_message *msg)
{
    if (!(msg->flags & SA_MSG_RESPONSE))
        return msg->method.len == 3 && memcmp(msg->method.ptr, "ACK", 3) == 0 ? KIND_ACK : KIND_REQUEST;
    if (msg->status_code == 420 || msg->status_code == 421)
        return KIND_EXT_FAILURE;
    if (msg->status_code == 422)
        return KIND_SESSION_FAILURE;
    return (msg->flags & SA_MSG_CODE_NUMERIC) && msg->status_code >= 300 ? KIND_FAILURE : KIND_OTHER_RESPONSE;
}

bool sa_message_parse(const char *buf, size_t len, struct sa_message *msg)
{
    /* tag_lines[] and the cause lines (most of the struct) are valid up to their counts only:
     * left as they are. */
    memset(msg, 0, offsetof(struct sa_message, tag_lines));
    const char *p = buf, *end = buf + len;
    const char *eol = line_end(p, end);
    /* A CR before the end of the start line is a bare CR (line_end() stops at CR LF): the lines
     * of this message end in CR alone, which Wireshark's SIP dissector accepts as line ends. They
     * are read up to each CR, and flagged, rather than taken for one long start line (a request
     * that is not SIP, a response without headers). Only the start line (a few dozen bytes) is
     * searched: a bare CR further down is not looked for (a second scan of every line). */
    const char *cr = memchr(p, '\r', (size_t)(eol - p));
    if (cr) {
        msg->flags |= SA_MSG_BARE_CR;
        eol = cr;
    }
    struct sa_slice start = { p, (uint32_t)(eol - p) };
    if (!parse_status_line(start, msg) && !parse_request_line(start, msg)) {
        msg->flags |= SA_MSG_START_LINE_BAD;
        return false;
    }
    p = eol < end && *eol == '\r' ? eol + 1 : eol;
    if (!cr)
        p = p < end && *p == '\n' ? p + 1 : p;
    if (!header_index_built)
        header_index_build();
    parse_headers(p, end, !cr, kind_of(msg), msg);
    return true;
}

static struct sa_slice tag_of(struct sa_slice value)
{
    struct sa_slice tag = { NULL, 0 };
    if (value.ptr)
        find_param(value.ptr, value.ptr + value.len, "tag", &tag);
    return tag;
}

struct sa_slice sa_message_from_tag(const struct sa_message *msg)
{
    return tag_of(msg->from_value);
}

struct sa_slice sa_message_to_tag(const struct sa_message *msg)
{
    return tag_of(msg->to_value);
}

bool sa_message_has_header(const struct sa_message *msg, enum sa_tag_header h)
{
    for (uint32_t i = 0; i < msg->tag_line_count; i++) {
        if (msg->tag_lines[i].header == h)
            return true;
    }
    return false;
}
