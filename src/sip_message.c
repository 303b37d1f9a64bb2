/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "sip_message.h"

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

/* n (at most 8) bytes as one word, every byte OR-ed with 0x20: ASCII letters folded to lowercase. */
static uint64_t folded_word(const char *p, size_t n)
{
    uint64_t w = 0;
    memcpy(&w, p, n);
    return w | (0x2020202020202020ull >> (8 * (8 - n)));
}

static uint64_t literal_word(const char *lit, size_t n)
{
    uint64_t w = 0;
    memcpy(&w, lit, n);
    return w;
}

/* Case-insensitive comparison of n bytes against a lowercase literal of letters and '-' (header
 * and parameter names), a word at a time: called for every header line, with constant n and
 * literal, so the loads are fixed-size. OR-ing 0x20 also turns a CR into '-': callers whose
 * literal holds a '-' check that byte themselves. */
static bool name_eq(const char *name, const char *lower, size_t n)
{
    for (; n >= 8; name += 8, lower += 8, n -= 8) {
        if (folded_word(name, 8) != literal_word(lower, 8))
            return false;
    }
    return n == 0 || folded_word(name, n) == literal_word(lower, n);
}

enum header_id { H_OTHER, H_VIA, H_CSEQ, H_CALL_ID, H_FROM, H_TO, H_SUPPORTED, H_REQUIRE, H_PROXY_REQUIRE,
                 H_UNSUPPORTED };

/* Whether the header line at p could be one header_id() knows, from its first two bytes alone:
 * Max-Forwards, Contact, Content-*, User-Agent, Allow, Server, Record-Route and most others are
 * skipped without looking for their colon. Never false for a line header_id() would accept. */
static bool may_be_read(const char *p, const char *lf)
{
    if (lf - p < 2)
        return true;
    unsigned char b = (unsigned char)(p[1] | 0x20);
    switch (p[0] | 0x20) {
    case 'v': case 'i': case 'f': case 't': case 'k': return true; /* also the compact forms */
    case 'c': return b == 'a' || b == 's'; /* Call-ID, CSeq */
    case 's': return b == 'u';             /* Supported */
    case 'r': return b == 'e';             /* Require */
    case 'p': return b == 'r';             /* Proxy-Require */
    case 'u': return b == 'n';             /* Unsupported */
    case ' ' | 0x20: case '\t' | 0x20: return true; /* white space before the name: trim() decides */
    default: return false;
    }
}

/* Which header a name is: one length switch and at most two comparisons per header line. */
static enum header_id header_id(struct sa_slice name)
{
    const char *n = name.ptr;
    switch (name.len) {
    case 1:
        switch (n[0] | 0x20) {
        case 'v': return H_VIA;
        case 'i': return H_CALL_ID;
        case 'f': return H_FROM;
        case 't': return H_TO;
        case 'k': return H_SUPPORTED;
        default: return H_OTHER;
        }
    case 2: return name_eq(n, "to", 2) ? H_TO : H_OTHER;
    case 3: return name_eq(n, "via", 3) ? H_VIA : H_OTHER;
    case 4: return name_eq(n, "cseq", 4) ? H_CSEQ : name_eq(n, "from", 4) ? H_FROM : H_OTHER;
    case 7:
        if (name_eq(n, "call-id", 7))
            return n[4] == '-' ? H_CALL_ID : H_OTHER;
        return name_eq(n, "require", 7) ? H_REQUIRE : H_OTHER;
    case 9: return name_eq(n, "supported", 9) ? H_SUPPORTED : H_OTHER;
    case 11: return name_eq(n, "unsupported", 11) ? H_UNSUPPORTED : H_OTHER;
    case 13: return name_eq(n, "proxy-require", 13) && n[5] == '-' ? H_PROXY_REQUIRE : H_OTHER;
    default: return H_OTHER;
    }
}

/* Whether the line at p starts with the n-letter name lower followed straight by its colon (no
 * white space): the usual spelling, which header_id() would read the same way. */
static bool spelled(const char *p, const char *lf, const char *lower, size_t n)
{
    return (size_t)(lf - p) > n && p[n] == ':' && name_eq(p, lower, n);
}

/* The header a line is, and its colon, for the usual spellings of the headers read ("Via:",
 * "v:", "Call-ID:", ...): one switch on the first byte and one comparison, instead of a colon
 * search, trimming the name and header_id(). Any other line takes that careful way; lines
 * may_be_read() rules out are skipped (H_OTHER, colon NULL). Runs for every header line. */
static enum header_id classify_line(const char *p, const char *lf, const char **colon)
{
    enum header_id id = H_OTHER;
    size_t n = 0; /* length of the name, where the colon is */
    if (lf - p >= 2 && p[1] == ':') {
        n = 1;
        switch (p[0] | 0x20) { /* compact forms (RFC 3261 §7.3.3) */
        case 'v': id = H_VIA; break;
        case 'i': id = H_CALL_ID; break;
        case 'f': id = H_FROM; break;
        case 't': id = H_TO; break;
        case 'k': id = H_SUPPORTED; break;
        default: break;
        }
    } else if (lf - p >= 2) {
        switch (p[0] | 0x20) {
        case 'v': n = 3; id = spelled(p, lf, "via", n) ? H_VIA : H_OTHER; break;
        case 'f': n = 4; id = spelled(p, lf, "from", n) ? H_FROM : H_OTHER; break;
        case 't': n = 2; id = spelled(p, lf, "to", n) ? H_TO : H_OTHER; break;
        case 'c':
            if (spelled(p, lf, "cseq", 4)) {
                n = 4;
                id = H_CSEQ;
            } else if (spelled(p, lf, "call-id", 7) && p[4] == '-') {
                n = 7;
                id = H_CALL_ID;
            }
            break;
        case 's': n = 9; id = spelled(p, lf, "supported", n) ? H_SUPPORTED : H_OTHER; break;
        case 'r': n = 7; id = spelled(p, lf, "require", n) ? H_REQUIRE : H_OTHER; break;
        default: break;
        }
    }
    if (id != H_OTHER) {
        *colon = p + n;
        return id;
    }
    *colon = may_be_read(p, lf) ? memchr(p, ':', (size_t)(lf - p)) : NULL;
    return *colon ? header_id(header_name(p, *colon)) : H_OTHER;
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

/* A response other than 420/421 contributes no option tags to the analysis: once its top Via,
 * CSeq, Call-ID, From and To are read, nothing later can change what it says. Responses are
 * half the messages of a call, and the lines after these (Contact, Allow, Supported, Server,
 * Content-*) most of their headers. */
static bool response_read_enough(const struct sa_message *msg)
{
    const uint32_t need = SA_MSG_RESPONSE | SA_MSG_HAS_VIA | SA_MSG_HAS_CALL_ID;
    if ((msg->flags & need) != need || !(msg->flags & (SA_MSG_HAS_CSEQ | SA_MSG_BAD_CSEQ)))
        return false;
    if (!msg->from_value.ptr || !msg->to_value.ptr)
        return false;
    return msg->status_code != 420 && msg->status_code != 421;
}

static void take_header(enum header_id id, struct sa_slice value, struct sa_message *msg)
{
    /* Only the first occurrence counts for single-valued headers and for the top Via. */
    switch (id) {
    case H_VIA:
        if (!(msg->flags & SA_MSG_HAS_VIA))
            parse_top_via(value, msg);
        break;
    case H_CSEQ:
        if (!(msg->flags & (SA_MSG_HAS_CSEQ | SA_MSG_BAD_CSEQ)))
            parse_cseq(value, msg);
        break;
    case H_CALL_ID:
        if (!(msg->flags & SA_MSG_HAS_CALL_ID) && value.len > 0) {
            msg->call_id = value;
            msg->flags |= SA_MSG_HAS_CALL_ID;
        }
        break;
    case H_FROM:
        if (!msg->from_value.ptr)
            msg->from_value = value;
        break;
    case H_TO:
        if (!msg->to_value.ptr)
            msg->to_value = value;
        break;
    case H_SUPPORTED: add_tag_line(msg, SA_HDR_SUPPORTED, value); break;
    case H_REQUIRE: add_tag_line(msg, SA_HDR_REQUIRE, value); break;
    case H_PROXY_REQUIRE: add_tag_line(msg, SA_HDR_PROXY_REQUIRE, value); break;
    case H_UNSUPPORTED: add_tag_line(msg, SA_HDR_UNSUPPORTED, value); break;
    case H_OTHER: break;
    }
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
 * CR alone. */
static void parse_headers(const char *p, const char *end, bool eol_lf, struct sa_message *msg)
{
    while (p < end && *p != '\r' && *p != '\n') { /* an empty line ends the headers */
        const char *lf = eol_lf ? logical_line_lf(p, end) : logical_line_cr(p, end);
        const char *colon;
        enum header_id id = classify_line(p, lf, &colon);
        /* Most lines are headers we do not read: their value is not even trimmed. */
        if (id != H_OTHER) {
            take_header(id, trim(colon + 1, lf), msg);
            if (response_read_enough(msg))
                break;
        }
        p = lf < end ? lf + 1 : end;
    }
}

bool sa_message_parse(const char *buf, size_t len, struct sa_message *msg)
{
    /* tag_lines[] (most of the struct) is valid up to tag_line_count only: left as it is. */
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
    parse_headers(p, end, !cr, msg);
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
