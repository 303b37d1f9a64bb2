/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "session_timer.h"

#include "header_lex.h"

/* The delta-seconds word: up to white space, the first parameter, a comma or a quote. Taking the
 * whole word (not just its digits) makes "90abc" non-numeric rather than 90 and garbage. */
static const char *delta_end(const char *p, const char *end)
{
    while (p < end && !sa_lex_is_lws(*p) && *p != ';' && *p != ',' && *p != '"')
        p++;
    return p;
}

/* Reads the delta-seconds at the start of the trimmed value v; returns where the parameters begin. */
static const char *read_delta(struct sa_slice v, struct sa_session_interval *out)
{
    const char *end = v.ptr + v.len;
    if (v.len == 0) {
        out->flags |= SA_SI_EMPTY;
        return end;
    }
    out->flags |= SA_SI_PRESENT;
    const char *de = delta_end(v.ptr, end);
    out->seconds_raw = (struct sa_slice){ v.ptr, (uint32_t)(de - v.ptr) };
    /* RFC 3261 bounds its delta-seconds (Expires, Min-Expires) at 2^32-1; leading zeros are
     * digits like any other, so only the value counts. */
    switch (sa_lex_uint(out->seconds_raw, 0xFFFFFFFFu, 0, &out->seconds)) {
    case SA_NUM_OK: out->flags |= SA_SI_VALID; break;
    case SA_NUM_TOO_BIG: out->flags |= SA_SI_OVERFLOW; break;
    default: out->flags |= SA_SI_NOT_NUMERIC; break;
    }
    return de;
}

static void read_refresher(const struct sa_lex_param *prm, struct sa_session_interval *out)
{
    if (out->refresher != SA_REFRESHER_NONE) {
        out->flags |= SA_SI_DUPLICATE;
        return;
    }
    out->refresher_raw = prm->value;
    /* Parameter values are case-insensitive unless stated otherwise (RFC 3261 §7.3.1). */
    if (!prm->quoted && sa_slice_eq_nocase(prm->value, "uac")) {
        out->refresher = SA_REFRESHER_UAC;
    } else if (!prm->quoted && sa_slice_eq_nocase(prm->value, "uas")) {
        out->refresher = SA_REFRESHER_UAS;
    } else {
        out->refresher = SA_REFRESHER_OTHER;
        out->flags |= SA_SI_BAD_REFRESHER;
    }
}

/* Min-SE has only generic parameters: a "refresher" there is one of them, not read. */
static void read_params(const char *p, const char *end, bool with_refresher, struct sa_session_interval *out)
{
    struct sa_param_iter it;
    struct sa_lex_param prm;
    sa_param_iter_init(&it, p, end);
    while (sa_param_next(&it, &prm)) {
        if (with_refresher && sa_slice_eq_nocase(prm.name, "refresher"))
            read_refresher(&prm, out);
    }
    if (it.garbage)
        out->flags |= SA_SI_GARBAGE;
    if (it.unclosed)
        out->flags |= SA_SI_UNCLOSED_QUOTE;
}

static bool parse(struct sa_slice value, bool with_refresher, struct sa_session_interval *out)
{
    if (!value.ptr) /* an absent value: no arithmetic on a null pointer */
        value = (struct sa_slice){ "", 0 };
    struct sa_slice v = sa_lex_trim(value.ptr, value.ptr + value.len);
    *out = (struct sa_session_interval){ .seconds_raw = { v.ptr, 0 }, .refresher_raw = { v.ptr, 0 } };
    const char *params = read_delta(v, out);
    read_params(params, v.ptr + v.len, with_refresher, out);
    return (out->flags & SA_SI_VALID) != 0;
}

bool sa_session_expires_parse(struct sa_slice value, struct sa_session_interval *out)
{
    return parse(value, true, out);
}

bool sa_min_se_parse(struct sa_slice value, struct sa_session_interval *out)
{
    return parse(value, false, out);
}
