/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "session_check.h"

#include <string.h>

#include "session_timer.h"
#include "text_buf.h"

/* A copy of at most max bytes of a capture's value (cut before a character that would not fit),
 * escaped (text_buf.h) and NUL-terminated: at most 4 * max + 1 bytes. */
static char *dup_escaped(const struct sa_allocator *a, struct sa_slice s, size_t max)
{
    const char *p = s.ptr ? s.ptr : "";
    size_t n = s.len > max ? sa_utf8_cut(p, max) : s.len;
    size_t e = sa_escaped_len(p, n);
    char *out = a->alloc(a->ctx, e + 1);
    if (out) {
        sa_escape(out, p, n);
        out[e] = '\0';
    }
    return out;
}

static uint8_t read_one(struct sa_slice value, bool expires, uint32_t *seconds, uint16_t *si_flags)
{
    if (!value.ptr)
        return 0;
    struct sa_session_interval si;
    if (expires)
        sa_session_expires_parse(value, &si);
    else
        sa_min_se_parse(value, &si);
    *si_flags = si.flags;
    uint8_t f = expires ? SA_SV_EXPIRES : SA_SV_MIN_SE;
    if (si.flags & SA_SI_VALID) {
        *seconds = si.seconds;
        f |= expires ? SA_SV_EXPIRES_OK : SA_SV_MIN_SE_OK;
    }
    if (si.flags & SA_SI_MALFORMED)
        f |= expires ? SA_SV_EXPIRES_BAD : SA_SV_MIN_SE_BAD;
    return f;
}

static void read_values(const struct sa_message *msg, struct sa_session_values *out, uint16_t *expires_si,
                        uint16_t *min_se_si)
{
    *out = (struct sa_session_values){ 0 };
    *expires_si = *min_se_si = 0;
    out->flags = (uint8_t)(read_one(msg->session_expires, true, &out->expires, expires_si) |
                           read_one(msg->min_se, false, &out->min_se, min_se_si));
}

void sa_session_values_read(const struct sa_message *msg, struct sa_session_values *out)
{
    uint16_t e, m;
    read_values(msg, out, &e, &m);
}

static struct sa_session *new_session(const struct sa_allocator *a, uint8_t kind, uint32_t frame, uint32_t cseq)
{
    struct sa_session *s = a->alloc(a->ctx, sizeof *s);
    if (!s)
        return NULL;
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->frame = frame;
    s->cseq = cseq;
    return s;
}

/* Keeps the first malformed value of msg (Session-Expires before Min-SE). */
static void keep_malformed(const struct sa_allocator *a, struct sa_session *s, const struct sa_message *msg,
                           uint16_t expires_si, uint16_t min_se_si)
{
    bool expires_bad = s->own.flags & SA_SV_EXPIRES_BAD;
    if (!expires_bad && !(s->own.flags & SA_SV_MIN_SE_BAD))
        return;
    s->problems |= SA_SS_MALFORMED;
    s->bad_is_min_se = !expires_bad;
    s->bad_flags = (uint16_t)((expires_bad ? expires_si : min_se_si) & SA_SI_MALFORMED);
    s->bad_value = dup_escaped(a, expires_bad ? msg->session_expires : msg->min_se, SA_SESSION_BAD_MAX);
}

struct sa_session *sa_session_on_request(const struct sa_allocator *a, const struct sa_message *req, uint32_t frame,
                                         struct sa_session *origin, struct sa_session_values *v)
{
    uint16_t expires_si, min_se_si;
    read_values(req, v, &expires_si, &min_se_si);
    uint16_t problems = 0;
    if ((v->flags & SA_SV_EXPIRES_OK) && v->expires < SA_MIN_SE_FLOOR)
        problems |= SA_SS_EXPIRES_BELOW_FLOOR;
    if ((v->flags & SA_SV_MIN_SE_OK) && v->min_se < SA_MIN_SE_FLOOR)
        problems |= SA_SS_MIN_SE_BELOW_FLOOR;
    if ((v->flags & (SA_SV_EXPIRES_OK | SA_SV_MIN_SE_OK)) == (SA_SV_EXPIRES_OK | SA_SV_MIN_SE_OK) &&
        v->expires < v->min_se)
        problems |= SA_SS_EXPIRES_BELOW_MIN_SE;
    if (origin) {
        problems |= SA_SS_RETRY;
        bool reached = (v->flags & SA_SV_EXPIRES_OK) && v->expires >= origin->own.min_se;
        if ((origin->own.flags & SA_SV_MIN_SE_OK) && !reached)
            problems |= SA_SS_STILL_SMALL;
    }
    if (!problems && !(v->flags & (SA_SV_EXPIRES_BAD | SA_SV_MIN_SE_BAD)))
        return NULL; /* nearly every request: nothing to say */
    struct sa_session *s = new_session(a, SA_SESSION_REQUEST, frame, req->cseq);
    if (!s)
        return NULL;
    s->own = *v;
    s->problems = problems;
    keep_malformed(a, s, req, expires_si, min_se_si);
    if (origin) {
        s->origin = origin;
        s->origin_frame = origin->frame;
        origin->retry_frame = frame;
    }
    return s;
}

struct sa_session *sa_session_on_422(const struct sa_allocator *a, const struct sa_message *resp, uint32_t frame,
                                     uint32_t request_frame, const struct sa_session_values *request,
                                     const struct sa_session *latest)
{
    struct sa_session *s = new_session(a, SA_SESSION_422, frame, resp->cseq);
    if (!s)
        return NULL;
    uint16_t expires_si, min_se_si;
    read_values(resp, &s->own, &expires_si, &min_se_si);
    s->own.flags &= SA_SV_MIN_SE | SA_SV_MIN_SE_OK | SA_SV_MIN_SE_BAD; /* a 422's Session-Expires is not read */
    keep_malformed(a, s, resp, expires_si, min_se_si);
    if (!(s->own.flags & SA_SV_MIN_SE))
        s->problems |= SA_SS_NO_MIN_SE;
    bool min_se_ok = s->own.flags & SA_SV_MIN_SE_OK;
    if (min_se_ok && s->own.min_se < SA_MIN_SE_FLOOR)
        s->problems |= SA_SS_MIN_SE_BELOW_FLOOR;
    s->request_frame = request_frame;
    s->method = dup_escaped(a, resp->cseq_method, 64);
    if (!request_frame) {
        s->problems |= SA_SS_REQUEST_UNSEEN;
        return s;
    }
    if (request)
        s->request = *request;
    if (!(s->request.flags & SA_SV_EXPIRES))
        s->problems |= SA_SS_NO_SESSION_EXPIRES;
    if (latest && latest->retry_frame == request_frame) {
        s->origin = latest; /* it answers the retry after that 422 */
        s->origin_frame = latest->frame;
    }
    if (min_se_ok && (s->request.flags & SA_SV_EXPIRES_OK) && s->request.expires >= s->own.min_se)
        s->problems |= SA_SS_LOOP;
    return s;
}

bool sa_session_min_se(const struct sa_session *s, uint32_t *out)
{
    const struct sa_session *of = s->kind == SA_SESSION_422 ? s : s->origin;
    if (!of || !(of->own.flags & SA_SV_MIN_SE_OK))
        return false;
    *out = of->own.min_se;
    return true;
}

const struct sa_session_values *sa_session_request_values(const struct sa_session *s)
{
    return s->kind == SA_SESSION_422 ? &s->request : &s->own;
}

bool sa_session_retry_fixed(const struct sa_session *s, bool *known)
{
    *known = s->origin && s->kind == SA_SESSION_REQUEST && (s->origin->own.flags & SA_SV_MIN_SE_OK);
    return *known && !(s->problems & SA_SS_STILL_SMALL);
}

/* ---- texts ----------------------------------------------------------------------------- */

static const char *method_of(const struct sa_session *s)
{
    return s->method && s->method[0] ? s->method : "request";
}

/* What to ask for in the retry: the Min-SE, or the 90 s floor when the Min-SE is below it.
 * raise: the request had a Session-Expires to raise (or is not in the capture). */
static void add_fix(struct sa_text *t, uint32_t min_se, bool raise)
{
    const char *verb = raise ? "raise Session-Expires to" : "send Session-Expires of";
    if (min_se < SA_MIN_SE_FLOOR)
        sa_text_addf(t, ": %s at least %u s in the retry (a Min-SE below %u s breaks RFC 4028 section 5)", verb,
                     SA_MIN_SE_FLOOR, SA_MIN_SE_FLOOR);
    else
        sa_text_addf(t, ": %s at least %u s (with Min-SE %u s) in the retry", verb, min_se, min_se);
}

size_t sa_session_text_too_small(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    uint32_t min_se = s->own.min_se;
    const struct sa_session_values *r = &s->request;
    if (s->problems & SA_SS_REQUEST_UNSEEN) {
        sa_text_addf(&t, "The %s this 422 answers is not in the capture; the server's Min-SE is %u s", method_of(s),
                     min_se);
    } else if (r->flags & SA_SV_EXPIRES_OK) {
        sa_text_addf(&t, "%s in frame %u asked Session-Expires %u s", method_of(s), s->request_frame, r->expires);
        if (r->flags & SA_SV_MIN_SE_OK)
            sa_text_addf(&t, " (Min-SE %u s)", r->min_se);
        sa_text_addf(&t, ", below the server's Min-SE %u s", min_se);
    } else {
        sa_text_addf(&t, "%s in frame %u had %s Session-Expires; the server's Min-SE is %u s", method_of(s),
                     s->request_frame, (r->flags & SA_SV_EXPIRES) ? "an unreadable" : "no", min_se);
    }
    if (s->origin)
        sa_text_addf(&t, ", again after the 422 in frame %u", s->origin_frame);
    add_fix(&t, min_se, (s->problems & SA_SS_REQUEST_UNSEEN) || (r->flags & SA_SV_EXPIRES_OK));
    return t.len;
}

size_t sa_session_text_loop(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    if (s->origin)
        sa_text_addf(&t, "422 again: the %s in frame %u, the retry after the 422 in frame %u, already asked "
                         "Session-Expires %u s, not below this Min-SE %u s: the server rejects what it asked for, "
                         "and retrying loops",
                     method_of(s), s->request_frame, s->origin_frame, s->request.expires, s->own.min_se);
    else
        sa_text_addf(&t, "The %s in frame %u already asked Session-Expires %u s, not below this Min-SE %u s: the "
                         "422 is inconsistent, and a retry with the same values would get it again",
                     method_of(s), s->request_frame, s->request.expires, s->own.min_se);
    return t.len;
}

size_t sa_session_text_retry(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    const struct sa_session_values *v = &s->own;
    uint32_t min_se;
    sa_text_addf(&t, "Retry of the 422 in frame %u", s->origin_frame);
    if (!sa_session_min_se(s, &min_se)) {
        sa_text_add(&t, ", which named no usable Min-SE: ");
        if (v->flags & SA_SV_EXPIRES_OK)
            sa_text_addf(&t, "Session-Expires %u s", v->expires);
        else
            sa_text_add(&t, (v->flags & SA_SV_EXPIRES) ? "unreadable Session-Expires" : "no Session-Expires");
        return t.len;
    }
    if (!(s->problems & SA_SS_STILL_SMALL))
        sa_text_addf(&t, ": Session-Expires %u s now reaches its Min-SE %u s", v->expires, min_se);
    else if (v->flags & SA_SV_EXPIRES_OK)
        sa_text_addf(&t, " still asks Session-Expires %u s, below its Min-SE %u s: expect another 422", v->expires,
                     min_se);
    else
        sa_text_addf(&t, " has %s Session-Expires; the 422 asked for at least %u s",
                     (v->flags & SA_SV_EXPIRES) ? "an unreadable" : "no", min_se);
    return t.len;
}

size_t sa_session_text_malformed(const struct sa_session *s, char *buf, size_t size)
{
    static const struct {
        uint16_t flag;
        const char *words;
    } WHY[] = {
        { SA_SI_EMPTY, "empty" },
        { SA_SI_NOT_NUMERIC, "delta-seconds not a number" },
        { SA_SI_OVERFLOW, "delta-seconds above 4294967295" },
        { SA_SI_BAD_REFRESHER, "refresher neither uac nor uas" },
        { SA_SI_DUPLICATE, "refresher given twice" },
        { SA_SI_UNCLOSED_QUOTE, "a quote that never closes" },
        { SA_SI_GARBAGE, "bytes that are no parameter" },
    };
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_addf(&t, "Malformed %s \"%s\": ", s->bad_is_min_se ? "Min-SE" : "Session-Expires",
                 s->bad_value ? s->bad_value : "");
    const char *sep = "";
    for (size_t i = 0; i < sizeof WHY / sizeof WHY[0]; i++) {
        if (s->bad_flags & WHY[i].flag) {
            sa_text_addf(&t, "%s%s", sep, WHY[i].words);
            sep = ", ";
        }
    }
    sa_text_addf(&t, " (RFC 4028 section %d)", s->bad_is_min_se ? 5 : 4);
    return t.len;
}

size_t sa_session_text_min_se_missing(const struct sa_session *s, char *buf, size_t size)
{
    (void)s;
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_add(&t, "422 without Min-SE (RFC 4028 section 6 requires one): the client cannot tell which "
                    "Session-Expires the server would accept");
    return t.len;
}

size_t sa_session_text_no_session_expires(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_addf(&t, "422 to the %s in frame %u, which had no Session-Expires: RFC 4028 section 6 answers 422 "
                     "only to a Session-Expires below the server's minimum",
                 method_of(s), s->request_frame);
    return t.len;
}

size_t sa_session_text_min_se_below_floor(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_addf(&t, "Min-SE %u s is below %u s, the smallest RFC 4028 section 5 allows", s->own.min_se,
                 SA_MIN_SE_FLOOR);
    return t.len;
}

size_t sa_session_text_expires_below_floor(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_addf(&t, "Session-Expires %u s is below %u s, the smallest Min-SE RFC 4028 section 5 allows: an "
                     "element with session timers rejects it with 422 or raises it",
                 s->own.expires, SA_MIN_SE_FLOOR);
    return t.len;
}

size_t sa_session_text_expires_below_min_se(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_addf(&t, "Session-Expires %u s is below this request's own Min-SE %u s: it asks for less than the "
                     "minimum it states",
                 s->own.expires, s->own.min_se);
    return t.len;
}

size_t sa_session_text_not_retried(const struct sa_session *s, char *buf, size_t size)
{
    struct sa_text t;
    sa_text_init(&t, buf, size);
    sa_text_addf(&t, "No retry of the %s follows this 422 in the capture", method_of(s));
    return t.len;
}
