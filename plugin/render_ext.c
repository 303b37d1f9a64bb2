/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tree items and expert infos of the 420/421 analysis and of the client's retry. */
#include "render_ext.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "extension_check.h"
#include "fields.h"
#include "option_tag_registry.h"
#include "text_buf.h"

/* Wireshark keeps at most ITEM_LABEL_LENGTH - 1 bytes of an expert text or a label and cuts them
 * with vsnprintf, which can split a UTF-8 character (and then tshark -T json prints half of it).
 * Texts are cut here first, before the character that would not fit. Every text below holds
 * only our own words and escaped capture bytes (text_buf.h), so it is valid UTF-8 once cut so. */
#define SA_LABEL_MAX (ITEM_LABEL_LENGTH - 1)

/* Runs a text formatter into packet-scope memory, cut to what an expert text can hold. */
static const char *ext_text(packet_info *pinfo, const struct sa_ext *e,
                            size_t (*fmt)(const struct sa_ext *, char *, size_t))
{
    char *buf = (char *)wmem_alloc(pinfo->pool, SA_LABEL_MAX + 1);
    fmt(e, buf, SA_LABEL_MAX + 1);
    return buf;
}

/* An expert text from a printf format, cut the same way. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void expert_text(packet_info *pinfo, proto_item *anchor, expert_field *ei, const char *fmt, ...)
{
    char buf[SA_LABEL_MAX + 1];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof buf)
        buf[sa_utf8_cut(buf, sizeof buf - 1)] = '\0';
    expert_add_info_format(pinfo, anchor, ei, "%s", buf);
}

/* One item per tag, value as written, the label naming its RFC or that it is unregistered. */
static void add_tags(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, const struct sa_tag_list *l)
{
    if (!tree)
        return;
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(l, &cur); s; s = sa_tag_list_next(l, &cur)) {
        const struct sa_option_tag_info *info = sa_option_tag_lookup(s, strlen(s));
        /* The label is cut by us (at a character) with room left for the field's name. */
        char label[SA_LABEL_MAX - 40 + 1];
        struct sa_text t;
        sa_text_init(&t, label, sizeof label);
        sa_text_addf(&t, "%s (%s%s%s)", s, info ? info->rfc : "not in the IANA registry", info ? ": " : "",
                     info ? info->meaning : "");
        proto_item *pi = proto_tree_add_string_format_value(tree, hf, tvb, start, 0, s, "%s", label);
        proto_item_set_generated(pi);
    }
}

static void render_421(const struct sa_ext *e, packet_info *pinfo, proto_tree *tree, proto_item *anchor, gboolean experts,
                       tvbuff_t *tvb, gint start)
{
    add_tags(tree, hf_sa_ext_required, tvb, start, &e->listed);
    add_tags(tree, hf_sa_ext_missing, tvb, start, &e->flagged);
    if (tree && e->request_frame) {
        /* Written from the transaction's shared tag set, into packet scope: the 421 keeps no
         * copy of it. Up to 2 KiB as before, cut at a character. */
        char *text = (char *)wmem_alloc(pinfo->pool, 2048);
        sa_ext_text_request_supported(e, text, 2048);
        enum sa_tag_presence supported = sa_ext_request_supported(e);
        char label[SA_LABEL_MAX - 40 + 1];
        struct sa_text t;
        sa_text_init(&t, label, sizeof label);
        sa_text_add(&t, text);
        if (supported == SA_TAGS_ABSENT)
            sa_text_add(&t, "(no Supported header)");
        else if (supported == SA_TAGS_EMPTY)
            sa_text_add(&t, "(empty: supports nothing)");
        proto_item *pi =
            proto_tree_add_string_format_value(tree, hf_sa_ext_request_supported, tvb, start, 0, text, "%s", label);
        proto_item_set_generated(pi);
    }
    if (!experts)
        return;
    if (e->problems & SA_EXT_NO_REQUIRE)
        expert_add_info(pinfo, anchor, &ei_sa[SA_F_EXT_NO_REQUIRE]);
    if (e->problems & SA_EXT_REQUEST_UNSEEN) {
        char tags[512];
        sa_ext_text_tags(&e->listed, tags, sizeof tags);
        expert_text(pinfo, anchor, &ei_sa[SA_F_EXT_REQUEST_UNSEEN],
                    "The %s this 421 answers is not in the capture; the UAS requires: %s",
                    e->method ? e->method : "request", e->listed.count ? tags : "(nothing listed)");
    } else if (e->problems & SA_EXT_ALREADY_SUPPORTED) {
        char tags[512];
        sa_ext_text_tags(&e->listed, tags, sizeof tags);
        expert_text(pinfo, anchor, &ei_sa[SA_F_EXT_ALREADY_SUPPORTED],
                    "UAS requires %s, which the %s in frame %u already offered: the UAS is "
                    "inconsistent, or wants a companion header (e.g. Security-Client for sec-agree)",
                    tags, e->method ? e->method : "request", e->request_frame);
    } else if (e->flagged.count) {
        expert_add_info_format(pinfo, anchor, &ei_sa[SA_F_EXT_MISSING_SUPPORTED], "%s",
                               ext_text(pinfo, e, sa_ext_text_missing));
    }
}

static void render_420(const struct sa_ext *e, packet_info *pinfo, proto_tree *tree, proto_item *anchor, gboolean experts,
                       tvbuff_t *tvb, gint start)
{
    add_tags(tree, hf_sa_ext_unsupported, tvb, start, &e->listed);
    if (!experts)
        return;
    if (e->problems & SA_EXT_NO_UNSUPPORTED)
        expert_add_info(pinfo, anchor, &ei_sa[SA_F_EXT_NO_UNSUPPORTED]);
    if (e->problems & SA_EXT_EMPTY_UNSUPPORTED)
        expert_add_info(pinfo, anchor, &ei_sa[SA_F_EXT_EMPTY_UNSUPPORTED]);
    if (e->problems & SA_EXT_REQUEST_UNSEEN)
        expert_text(pinfo, anchor, &ei_sa[SA_F_EXT_REQUEST_UNSEEN], "The %s this 420 answers is not in the capture",
                    e->method ? e->method : "request");
    if (e->flagged.count || ((e->problems & SA_EXT_REQUEST_UNSEEN) && e->listed.count))
        expert_add_info_format(pinfo, anchor, &ei_sa[SA_F_EXT_BAD_EXTENSION], "%s",
                               ext_text(pinfo, e, sa_ext_text_bad_extension));
    if (e->problems & SA_EXT_NEVER_REQUIRED) {
        char tags[512];
        sa_ext_text_tags(&e->extra, tags, sizeof tags);
        expert_text(pinfo, anchor, &ei_sa[SA_F_EXT_NEVER_REQUIRED],
                    "420 lists %s, which the %s in frame %u did not put in Require or Proxy-Require", tags,
                    e->method ? e->method : "request", e->request_frame);
    }
}

static void render_retry(const struct sa_ext *e, packet_info *pinfo, proto_tree *tree, proto_item *anchor, gboolean experts,
                         tvbuff_t *tvb, gint start)
{
    if (tree) {
        proto_item *pi = proto_tree_add_uint(tree, hf_sa_ext_retry_of, tvb, start, 0, e->origin_frame);
        proto_item_set_generated(pi);
        pi = proto_tree_add_boolean(tree, hf_sa_ext_retry_fixed, tvb, start, 0,
                                    !(e->problems & SA_EXT_STILL_MISSING));
        proto_item_set_generated(pi);
    }
    if (!experts)
        return;
    expert_add_info_format(pinfo, anchor,
                           (e->problems & SA_EXT_STILL_MISSING) ? &ei_sa[SA_F_EXT_RETRY_STILL_MISSING] : &ei_sa[SA_F_EXT_RETRY],
                           "%s", ext_text(pinfo, e, sa_ext_text_retry));
}

/* One kind's findings (experts) or its fields (tree), as asked. */
static void render_kind(const struct sa_ext *e, packet_info *pinfo, proto_tree *tree, proto_item *anchor,
                        gboolean experts, tvbuff_t *tvb, gint start)
{
    if (e->kind == SA_EXT_421)
        render_421(e, pinfo, tree, anchor, experts, tvb, start);
    else if (e->kind == SA_EXT_420)
        render_420(e, pinfo, tree, anchor, experts, tvb, start);
    else
        render_retry(e, pinfo, tree, anchor, experts, tvb, start);
}

void sa_render_ext(const struct sa_ext *e, packet_info *pinfo, proto_tree *parent, proto_item *anchor,
                   tvbuff_t *tvb, gint start)
{
    /* The findings first (what is wrong), then the subtree of tags and links. */
    render_kind(e, pinfo, NULL, anchor, TRUE, tvb, start);
    if (e->listed.cut)
        expert_add_info(pinfo, anchor, &ei_sa[SA_F_EXT_TAGS_CUT]);
    /* Whether a retry follows is known only after the first pass. */
    gboolean retry_known = e->kind != SA_EXT_RETRY && PINFO_FD_VISITED(pinfo);
    if (retry_known && !e->retry_frame)
        expert_text(pinfo, anchor, &ei_sa[SA_F_EXT_NOT_RETRIED], "No retry of the %s follows this %u in the capture",
                    e->method ? e->method : "request", e->kind == SA_EXT_421 ? 421 : 420);
    if (!parent)
        return;
    proto_tree *tree = proto_tree_add_subtree(parent, tvb, start, 0, ett_sa_ext, NULL,
                                              e->kind == SA_EXT_RETRY ? "Extension retry" : "Extension negotiation");
    render_kind(e, pinfo, tree, anchor, FALSE, tvb, start);
    if (retry_known && e->retry_frame) {
        proto_item *pi = proto_tree_add_uint(tree, hf_sa_ext_retry_frame, tvb, start, 0, e->retry_frame);
        proto_item_set_generated(pi);
    }
}
