/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "sip_message.h"

#include <string.h>

static bool is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* Linear white space inside a folded header value (RFC 3261 §7.3.1). */
static bool is_lws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static struct sa_slice trim(const char *p, const char *end)
{
    while (p < end && (is_ws(*p) || *p == '\r' || *p == '\n'))
        p++;
    while (end > p && (is_ws(end[-1]) || end[-1] == '\r' || end[-1] == '\n'))
        end--;
    return (struct sa_slice){ p, (uint32_t)(end - p) };
}

/* End of the physical line starting at p: points at its CR LF, its bare LF, or end. memchr
 * finds the LF many bytes at a time; this loop runs for every header line of every message. */
static const char *line_end(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl)
        return end;
    return (nl > p && nl[-1] == '\r') ? nl - 1 : nl;
}

static const char *skip_eol(const char *p, const char *end)
{
    if (p < end && *p == '\r')
        p++;
    if (p < end && *p == '\n')
        p++;
    return p;
}

/* A logical header line ends where the next physical line does not start with white space
 * (RFC 3261 §7.3.1 folding). */
static const char *logical_line_end(const char *p, const char *end)
{
    for (;;) {
        const char *eol = line_end(p, end);
        const char *next = skip_eol(eol, end);
        if (next >= end || !is_ws(*next) || next == eol)
            return eol;
        p = next;
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

/* Case-insensitive comparison of n bytes against a lowercase literal of the same length. Header
 * names are tokens; OR-ing 0x20 folds letters and leaves '-' and digits as they are. */
static bool name_eq(const char *name, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((name[i] | 0x20) != lower[i])
            return false;
    }
    return true;
}

enum header_id { H_OTHER, H_VIA, H_CSEQ, H_CALL_ID, H_FROM, H_TO, H_SUPPORTED, H_REQUIRE, H_PROXY_REQUIRE,
                 H_UNSUPPORTED };

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
    case 7: return name_eq(n, "call-id", 7) ? H_CALL_ID : name_eq(n, "require", 7) ? H_REQUIRE : H_OTHER;
    case 9: return name_eq(n, "supported", 9) ? H_SUPPORTED : H_OTHER;
    case 11: return name_eq(n, "unsupported", 11) ? H_UNSUPPORTED : H_OTHER;
    case 13: return name_eq(n, "proxy-require", 13) ? H_PROXY_REQUIRE : H_OTHER;
    default: return H_OTHER;
    }
}

static bool find_param_slow(const char *p, const char *end, const char *param, size_t plen, struct sa_slice *out);

/* Finds ";<param>=" in [p,end) outside of <...> and quotes; returns the value up to ';' ',' or end.
 * Without quotes (nearly always), parameters are the ';'s after the last '>' (or all of them for
 * an addr-spec), found with memchr; quoted display names take the careful walk. */
static bool find_param(const char *p, const char *end, const char *param, struct sa_slice *out)
{
    size_t plen = strlen(param);
    if (memchr(p, '"', (size_t)(end - p)))
        return find_param_slow(p, end, param, plen, out);
    const char *gt = NULL;
    for (const char *q = p; q < end && (q = memchr(q, '>', (size_t)(end - q))) != NULL; q++)
        gt = q;
    if (gt)
        p = gt + 1;
    else if (memchr(p, '<', (size_t)(end - p)))
        return false; /* an unclosed <: everything after it is inside the URI */
    while (p < end && (p = memchr(p, ';', (size_t)(end - p))) != NULL) {
        const char *q = ++p;
        while (q < end && is_lws(*q))
            q++;
        if ((size_t)(end - q) > plen && name_eq(q, param, plen)) {
            const char *v = q + plen;
            while (v < end && is_lws(*v))
                v++;
            if (v < end && *v == '=') {
                v++;
                while (v < end && is_lws(*v))
                    v++;
                const char *ve = v;
                while (ve < end && *ve != ';' && *ve != ',' && !is_lws(*ve))
                    ve++;
                *out = (struct sa_slice){ v, (uint32_t)(ve - v) };
                return true;
            }
        }
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
        else if (c == ';' && !in_angle) {
            const char *q = p + 1;
            while (q < end && is_lws(*q))
                q++;
            if ((size_t)(end - q) > plen && name_eq(q, param, plen)) {
                const char *v = q + plen;
                while (v < end && is_lws(*v))
                    v++;
                if (v < end && *v == '=') {
                    v++;
                    while (v < end && is_lws(*v))
                        v++;
                    const char *ve = v;
                    while (ve < end && *ve != ';' && *ve != ',' && !is_ws(*ve) && *ve != '\r' && *ve != '\n')
                        ve++;
                    *out = (struct sa_slice){ v, (uint32_t)(ve - v) };
                    return true;
                }
            }
        }
    }
    return false;
}

/* The top Via is the first via-parm of the first Via line: stop at the first comma. */
static void parse_top_via(struct sa_slice value, struct sa_message *msg)
{
    const char *p = value.ptr, *end = value.ptr + value.len;
    const char *comma = memchr(p, ',', value.len);
    if (comma)
        end = comma;
    msg->flags |= SA_MSG_HAS_VIA;
    if (find_param(p, end, "branch", &msg->via_branch)) {
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

static void take_header(struct sa_slice name, struct sa_slice value, struct sa_message *msg)
{
    /* Only the first occurrence counts for single-valued headers and for the top Via. */
    switch (header_id(name)) {
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
        if (!msg->from_tag.ptr)
            find_param(value.ptr, value.ptr + value.len, "tag", &msg->from_tag);
        break;
    case H_TO:
        if (!msg->to_tag.ptr)
            find_param(value.ptr, value.ptr + value.len, "tag", &msg->to_tag);
        break;
    case H_SUPPORTED: add_tag_line(msg, SA_HDR_SUPPORTED, value); break;
    case H_REQUIRE: add_tag_line(msg, SA_HDR_REQUIRE, value); break;
    case H_PROXY_REQUIRE: add_tag_line(msg, SA_HDR_PROXY_REQUIRE, value); break;
    case H_UNSUPPORTED: add_tag_line(msg, SA_HDR_UNSUPPORTED, value); break;
    case H_OTHER: break;
    }
}

bool sa_message_parse(const char *buf, size_t len, struct sa_message *msg)
{
    memset(msg, 0, sizeof *msg);
    const char *p = buf, *end = buf + len;
    const char *eol = line_end(p, end);
    struct sa_slice start = { p, (uint32_t)(eol - p) };
    if (!parse_status_line(start, msg) && !parse_request_line(start, msg)) {
        msg->flags |= SA_MSG_START_LINE_BAD;
        return false;
    }
    p = skip_eol(eol, end);
    while (p < end && *p != '\r' && *p != '\n') { /* an empty line ends the headers */
        const char *lend = logical_line_end(p, end);
        const char *colon = memchr(p, ':', (size_t)(lend - p));
        if (colon) {
            struct sa_slice name = trim(p, colon);
            struct sa_slice value = trim(colon + 1, lend);
            take_header(name, value, msg);
        }
        p = skip_eol(lend, end);
    }
    return true;
}

bool sa_message_has_header(const struct sa_message *msg, enum sa_tag_header h)
{
    for (uint32_t i = 0; i < msg->tag_line_count; i++) {
        if (msg->tag_lines[i].header == h)
            return true;
    }
    return false;
}
