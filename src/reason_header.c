/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "reason_header.h"

#include <stddef.h>

#include "header_lex.h"

/* Spelled as in the registry, indexed by enum sa_reason_protocol. */
static const char *const protocol_names[SA_REASON_PROTO_COUNT] = {
    [SA_REASON_PROTO_SIP] = "SIP",
    [SA_REASON_PROTO_Q850] = "Q.850",
    [SA_REASON_PROTO_PREEMPTION] = "Preemption",
    [SA_REASON_PROTO_EMM] = "EMM",
    [SA_REASON_PROTO_ESM] = "ESM",
    [SA_REASON_PROTO_S1AP_RNL] = "S1AP-RNL",
    [SA_REASON_PROTO_S1AP_TL] = "S1AP-TL",
    [SA_REASON_PROTO_S1AP_NAS] = "S1AP-NAS",
    [SA_REASON_PROTO_S1AP_MISC] = "S1AP-MISC",
    [SA_REASON_PROTO_S1AP_PROT] = "S1AP-PROT",
    [SA_REASON_PROTO_DIAMETER] = "DIAMETER",
    [SA_REASON_PROTO_IKEV2] = "IKEV2",
    [SA_REASON_PROTO_RELEASE_CAUSE] = "RELEASE_CAUSE",
    [SA_REASON_PROTO_FAILURE_CAUSE] = "FAILURE_CAUSE",
    [SA_REASON_PROTO_STIR] = "STIR",
    [SA_REASON_PROTO_5GMM] = "5GMM",
    [SA_REASON_PROTO_5GSM] = "5GSM",
    [SA_REASON_PROTO_NGAP_RNL] = "NGAP-RNL",
    [SA_REASON_PROTO_NGAP_TL] = "NGAP-TL",
    [SA_REASON_PROTO_NGAP_NAS] = "NGAP-NAS",
    [SA_REASON_PROTO_NGAP_MISC] = "NGAP-MISC",
    [SA_REASON_PROTO_NGAP_PROT] = "NGAP-PROT",
};

const char *sa_reason_protocol_name(enum sa_reason_protocol p)
{
    return (p > SA_REASON_PROTO_UNKNOWN && p < SA_REASON_PROTO_COUNT) ? protocol_names[p] : NULL;
}

/* Tokens are case-insensitive (RFC 3261 §7.3.1): "q.850" is Q.850. */
static enum sa_reason_protocol protocol_id(struct sa_slice protocol)
{
    for (int p = SA_REASON_PROTO_SIP; p < SA_REASON_PROTO_COUNT; p++) {
        if (sa_slice_eq_nocase(protocol, protocol_names[p]))
            return (enum sa_reason_protocol)p;
    }
    return SA_REASON_PROTO_UNKNOWN;
}

void sa_reason_iter_init(struct sa_reason_iter *it, struct sa_slice header_value)
{
    if (!header_value.ptr) /* an absent value: no arithmetic on a null pointer */
        header_value = (struct sa_slice){ "", 0 };
    it->p = header_value.ptr;
    it->end = header_value.ptr + header_value.len;
    it->count = 0;
    it->done = false;
    it->truncated = false;
}

/* The protocol ends at white space, the first parameter or a quote. Any other byte is kept in
 * it, so that "Q.850\xff" reads as an unknown protocol rather than as Q.850 and garbage. */
static const char *protocol_end(const char *p, const char *end)
{
    while (p < end && !sa_lex_is_lws(*p) && *p != ';' && *p != '"')
        p++;
    return p;
}

static void read_cause(const struct sa_lex_param *prm, struct sa_reason *out)
{
    if (out->flags & SA_REASON_HAS_CAUSE) {
        out->flags |= SA_REASON_DUPLICATE;
        return;
    }
    out->flags |= SA_REASON_HAS_CAUSE;
    out->cause_raw = prm->value;
    if (prm->quoted) { /* cause = 1*DIGIT: a quoted-string is not one, whatever it holds */
        out->flags |= SA_REASON_CAUSE_NOT_NUMERIC;
        return;
    }
    /* Below 2^31 and at most ten digits: a bound like CSeq's (RFC 3261 §8.1.1.5), far above any
     * registered cause, that keeps every value in an int of the fields that show it. */
    uint32_t v;
    switch (sa_lex_uint(prm->value, 0x7FFFFFFFu, 10, &v)) {
    case SA_NUM_OK:
        out->flags |= SA_REASON_CAUSE_NUMERIC;
        out->cause = v;
        break;
    case SA_NUM_TOO_BIG:
        out->flags |= SA_REASON_CAUSE_TOO_BIG;
        break;
    default:
        out->flags |= SA_REASON_CAUSE_NOT_NUMERIC;
        break;
    }
}

static void read_text(const struct sa_lex_param *prm, struct sa_reason *out)
{
    if (out->flags & SA_REASON_HAS_TEXT) {
        out->flags |= SA_REASON_DUPLICATE;
        return;
    }
    out->flags |= SA_REASON_HAS_TEXT;
    out->text = prm->value;
    if (!prm->quoted)
        out->flags |= SA_REASON_TEXT_NOT_QUOTED;
}

/* The causes each protocol can carry: a SIP status code (RFC 3261 §7.2: three digits, classes
 * 1 to 6), a 7-bit Q.850 cause value. Other protocols' ranges are not checked. */
static bool cause_in_range(enum sa_reason_protocol p, uint32_t cause)
{
    switch (p) {
    case SA_REASON_PROTO_SIP: return cause >= 100 && cause <= 699;
    case SA_REASON_PROTO_Q850: return cause <= 127;
    default: return true;
    }
}

static void read_params(const char *p, const char *end, struct sa_reason *out)
{
    struct sa_param_iter it;
    struct sa_lex_param prm;
    sa_param_iter_init(&it, p, end);
    while (sa_param_next(&it, &prm)) {
        if (sa_slice_eq_nocase(prm.name, "cause"))
            read_cause(&prm, out);
        else if (sa_slice_eq_nocase(prm.name, "text"))
            read_text(&prm, out);
        /* any other name is a reason-extension (generic-param): allowed, not read */
    }
    if (it.garbage)
        out->flags |= SA_REASON_GARBAGE;
    if (it.unclosed)
        out->flags |= SA_REASON_UNCLOSED_QUOTE;
}

static void parse_value(const char *p, const char *end, struct sa_reason *out)
{
    struct sa_slice value = sa_lex_trim(p, end);
    const char *v = value.ptr, *vend = v + value.len;
    /* Absent parts are empty slices at the value, never null: offsets taken from them stay in it. */
    struct sa_slice none = { v, 0 };
    *out = (struct sa_reason){ .value = value, .protocol = none, .cause_raw = none, .text = none };
    if (v == vend) {
        out->flags = SA_REASON_EMPTY;
        return;
    }
    const char *pe = protocol_end(v, vend);
    out->protocol = (struct sa_slice){ v, (uint32_t)(pe - v) };
    if (pe == v)
        out->flags |= SA_REASON_NO_PROTOCOL;
    else if ((out->protocol_id = (uint8_t)protocol_id(out->protocol)) == SA_REASON_PROTO_UNKNOWN)
        out->flags |= SA_REASON_UNKNOWN_PROTOCOL;
    read_params(pe, vend, out);
    if (!(out->flags & SA_REASON_HAS_CAUSE))
        out->flags |= SA_REASON_NO_CAUSE;
    else if ((out->flags & SA_REASON_CAUSE_NUMERIC) &&
             !cause_in_range((enum sa_reason_protocol)out->protocol_id, out->cause))
        out->flags |= SA_REASON_CAUSE_OUT_OF_RANGE;
}

bool sa_reason_next(struct sa_reason_iter *it, struct sa_reason *out)
{
    if (it->done)
        return false;
    if (it->count == SA_REASON_MAX_VALUES) { /* not done: a comma followed the last one read */
        it->truncated = true;
        it->done = true;
        return false;
    }
    bool unclosed;
    const char *e = sa_lex_element_end(it->p, it->end, &unclosed);
    parse_value(it->p, e, out);
    if (unclosed) /* the parameter reader notes it too; set here so it never depends on where the quote sat */
        out->flags |= SA_REASON_UNCLOSED_QUOTE;
    it->count++;
    if (e == it->end)
        it->done = true;
    else
        it->p = e + 1;
    return true;
}
