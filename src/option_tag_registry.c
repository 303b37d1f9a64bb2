/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "option_tag_registry.h"

#include <stdbool.h>
#include <stdint.h>

/* Sorted by tag (byte order; all tags are lowercase ASCII, so this is also the case-folded
 * order the binary search below relies on). Kept identical to src/data/sip-registry.tsv; the
 * unit test test_response_codes checks that. */
static const struct sa_option_tag_info option_tags[] = {
    { "100rel", "reliable provisional responses acknowledged with PRACK (RSeq/RAck)", "RFC3262" },
    { "199", "support for the 199 Early Dialog Terminated response", "RFC6228" },
    { "answermode", "Answer-Mode / Priv-Answer-Mode headers (automatic or manual answer)", "RFC5373" },
    { "early-session", "early-session content disposition", "RFC3959" },
    { "eventlist", "subscriptions to resource lists (RLMI notifications)", "RFC4662" },
    { "explicitsub", "REFER that explicitly requests an implicit subscription", "RFC7614" },
    { "from-change", "From/To URI may change within a dialog (connected identity)", "RFC4916" },
    { "geolocation-http", "location by reference dereferenced over HTTP", "RFC6442" },
    { "geolocation-sip", "location by reference dereferenced over SIP", "RFC6442" },
    { "gin", "registration of a bulk number range (GIN)", "RFC6140" },
    { "gruu", "globally routable user agent URIs", "RFC5627" },
    { "histinfo", "History-Info header", "RFC7044" },
    { "ice", "interactive connectivity establishment support", "RFC5768" },
    { "join", "Join header", "RFC3911" },
    { "multiple-refer", "REFER carrying a list of targets", "RFC5368" },
    { "norefersub", "suppression of the implicit REFER subscription", "RFC4488" },
    { "nosub", "REFER without creating a subscription", "RFC7614" },
    { "outbound", "client-initiated connections (SIP Outbound, flows)", "RFC5626" },
    { "path", "Path header for registrations", "RFC3327" },
    { "policy", "session policy (Policy-Contact/Policy-ID)", "RFC6794" },
    { "precondition", "SDP preconditions (QoS/security) before alerting", "RFC3312" },
    { "pref", "caller preferences / UA capabilities", "RFC3840" },
    { "privacy", "Privacy header", "RFC3323" },
    { "recipient-list-invite", "INVITE carrying a recipient list (ad-hoc conference)", "RFC5366" },
    { "recipient-list-message", "MESSAGE carrying a recipient list", "RFC5365" },
    { "recipient-list-subscribe", "SUBSCRIBE carrying a recipient list", "RFC5367" },
    { "record-aware", "UA aware of and able to receive recording indications", "RFC7866" },
    { "replaces", "Replaces header", "RFC3891" },
    { "resource-priority", "Resource-Priority / Accept-Resource-Priority headers", "RFC4412" },
    { "sdp-anat", "SDP alternative network address types grouping", "RFC4092" },
    { "sec-agree", "security mechanism agreement (Security-Client/Server/Verify)", "RFC3329" },
    { "siprec", "session between recording client and recording server", "RFC7866" },
    { "tdialog", "Target-Dialog header", "RFC4538" },
    { "timer", "session timers (Session-Expires / Min-SE)", "RFC4028" },
    { "trickle-ice", "incremental ICE candidate exchange", "RFC8840" },
    { "uui", "User-to-User header", "RFC7433" },
};

#define OPTION_TAG_COUNT (sizeof option_tags / sizeof option_tags[0])
_Static_assert(OPTION_TAG_COUNT == 36, "the IANA option-tag registry has 36 entries");
_Static_assert(OPTION_TAG_COUNT < 256, "first[] holds indexes in a byte");

size_t sa_option_tag_count(void)
{
    return OPTION_TAG_COUNT;
}

const struct sa_option_tag_info *sa_option_tag_at(size_t i)
{
    return i < OPTION_TAG_COUNT ? &option_tags[i] : NULL;
}

/* ASCII-only folding: option tags are tokens (RFC 3261 §25.1), compared case-insensitively
 * (§7.3.1); locale-dependent tolower() must not take part. */
static unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Compares the slice, case-folded, with a registered (lowercase, NUL-terminated) tag. */
static int compare_tag(const char *s, size_t len, const char *reg)
{
    size_t i = 0;
    for (; i < len && reg[i] != '\0'; i++) {
        unsigned char a = fold((unsigned char)s[i]);
        unsigned char b = (unsigned char)reg[i];
        if (a != b)
            return a < b ? -1 : 1;
    }
    if (i < len)
        return 1;               /* the slice is longer: the registered tag is a prefix of it */
    return reg[i] != '\0' ? -1 : 0;
}

/* [first[c], first[c + 1]) are the entries whose tag starts with byte c. Built on the first
 * lookup (Wireshark dissects on one thread); every request's Supported tags are looked up, and
 * this leaves a binary search over one or two entries instead of six probes. */
static uint8_t first[257];
static bool first_built;

static void build_first_index(void)
{
    size_t i = 0;
    for (unsigned c = 0; c < 256; c++) {
        first[c] = (uint8_t)i;
        while (i < OPTION_TAG_COUNT && (unsigned char)option_tags[i].tag[0] == c)
            i++;
    }
    first[256] = (uint8_t)i;
    first_built = true;
}

const struct sa_option_tag_info *sa_option_tag_lookup(const char *tag, size_t len)
{
    if (tag == NULL || len == 0)
        return NULL;
    if (!first_built)
        build_first_index();
    unsigned c = fold((unsigned char)tag[0]);
    size_t lo = first[c], hi = first[c + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = compare_tag(tag, len, option_tags[mid].tag);
        if (cmp == 0)
            return &option_tags[mid];
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}
