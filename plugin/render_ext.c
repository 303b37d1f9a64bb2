/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tree items and expert infos of the 420/421 analysis and of the client's retry. */
#include "render_ext.h"

#include <string.h>

#include "extension_check.h"
#include "fields.h"
#include "option_tag_registry.h"

/* Runs a text formatter into packet-scope memory of the size it asks for. */
static const char *ext_text(packet_info *pinfo, const struct sa_ext *e,
                            size_t (*fmt)(const struct sa_ext *, char *, size_t))
{
    size_t n = fmt(e, NULL, 0) + 1;
    char *buf = (char *)wmem_alloc(pinfo->pool, n);
    fmt(e, buf, n);
    return buf;
}

/* One item per tag, value as written, the label naming its RFC or that it is unregistered. */
static void add_tags(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, const struct sa_tag_list *l)
{
    if (!tree)
        return;
    const char *cur = NULL;
    for (const char *s = sa_tag_list_next(l, &cur); s; s = sa_tag_list_next(l, &cur)) {
        const struct sa_option_tag_info *info = sa_option_tag_lookup(s, strlen(s));
        proto_item *pi = proto_tree_add_string_format_value(
            tree, hf, tvb, start, 0, s, "%s (%s%s%s)", s, info ? info->rfc : "not in the IANA registry",
            info ? ": " : "", info ? info->meaning : "");
        proto_item_set_generated(pi);
    }
}

static void render_421(const struct sa_ext *e, packet_info *pinfo, proto_tree *tree, proto_item *anchor,
                       tvbuff_t *tvb, gint start)
{
    add_tags(tree, hf_sa_ext_required, tvb, start, &e->listed);
    add_tags(tree, hf_sa_ext_missing, tvb, start, &e->flagged);
    if (tree && e->request_frame) {
        proto_item *pi = proto_tree_add_string(tree, hf_sa_ext_request_supported, tvb, start, 0,
                                               e->request_supported ? e->request_supported : "");
        proto_item_set_generated(pi);
        if (!e->request_supported)
            proto_item_append_text(pi, "(no Supported header)");
        else if (!e->request_supported[0])
            proto_item_append_text(pi, "(empty: supports nothing)");
    }
    if (e->problems & SA_EXT_NO_REQUIRE)
        expert_add_info(pinfo, anchor, &ei_sa_ext_no_require);
    if (e->problems & SA_EXT_REQUEST_UNSEEN) {
        char tags[512];
        sa_ext_text_tags(&e->listed, tags, sizeof tags);
        expert_add_info_format(pinfo, anchor, &ei_sa_ext_request_unseen,
                               "The %s this 421 answers is not in the capture; the UAS requires: %s",
                               e->method ? e->method : "request", e->listed.count ? tags : "(nothing listed)");
    } else if (e->problems & SA_EXT_ALREADY_SUPPORTED) {
        char tags[512];
        sa_ext_text_tags(&e->listed, tags, sizeof tags);
        expert_add_info_format(pinfo, anchor, &ei_sa_ext_already_supported,
                               "UAS requires %s, which the %s in frame %u already offered: the UAS is "
                               "inconsistent, or wants a companion header (e.g. Security-Client for sec-agree)",
                               tags, e->method ? e->method : "request", e->request_frame);
    } else if (e->flagged.count) {
        expert_add_info_format(pinfo, anchor, &ei_sa_ext_missing_supported, "%s",
                               ext_text(pinfo, e, sa_ext_text_missing));
    }
}

static void render_420(const struct sa_ext *e, packet_info *pinfo, proto_tree *tree, proto_item *anchor,
                       tvbuff_t *tvb, gint start)
{
    add_tags(tree, hf_sa_ext_unsupported, tvb, start, &e->listed);
    if (e->problems & SA_EXT_NO_UNSUPPORTED)
        expert_add_info(pinfo, anchor, &ei_sa_ext_no_unsupported);
    if (e->problems & SA_EXT_REQUEST_UNSEEN)
        expert_add_info_format(pinfo, anchor, &ei_sa_ext_request_unseen,
                               "The %s this 420 answers is not in the capture", e->method ? e->method : "request");
    if (e->flagged.count || ((e->problems & SA_EXT_REQUEST_UNSEEN) && e->listed.count))
        expert_add_info_format(pinfo, anchor, &ei_sa_ext_bad_extension, "%s",
                               ext_text(pinfo, e, sa_ext_text_bad_extension));
    if (e->problems & SA_EXT_NEVER_REQUIRED) {
        char tags[512];
        sa_ext_text_tags(&e->extra, tags, sizeof tags);
        expert_add_info_format(pinfo, anchor, &ei_sa_ext_never_required,
                               "420 lists %s, which the %s in frame %u did not put in Require or Proxy-Require",
                               tags, e->method ? e->method : "request", e->request_frame);
    }
}

static void render_retry(const struct sa_ext *e, packet_info *pinfo, proto_tree *tree, proto_item *anchor,
                         tvbuff_t *tvb, gint start)
{
    if (tree) {
        proto_item *pi = proto_tree_add_uint(tree, hf_sa_ext_retry_of, tvb, start, 0, e->origin_frame);
        proto_item_set_generated(pi);
        pi = proto_tree_add_boolean(tree, hf_sa_ext_retry_fixed, tvb, start, 0,
                                    !(e->problems & SA_EXT_STILL_MISSING));
        proto_item_set_generated(pi);
    }
    expert_add_info_format(pinfo, anchor,
                           (e->problems & SA_EXT_STILL_MISSING) ? &ei_sa_ext_retry_still_missing : &ei_sa_ext_retry,
                           "%s", ext_text(pinfo, e, sa_ext_text_retry));
}

void sa_render_ext(const struct sa_ext *e, packet_info *pinfo, proto_tree *parent, proto_item *anchor,
                   tvbuff_t *tvb, gint start)
{
    proto_tree *tree = parent ? proto_tree_add_subtree(parent, tvb, start, 0, ett_sa_ext, NULL,
                                                       e->kind == SA_EXT_RETRY ? "Extension retry"
                                                                               : "Extension negotiation")
                              : NULL;
    if (e->kind == SA_EXT_421)
        render_421(e, pinfo, tree, anchor, tvb, start);
    else if (e->kind == SA_EXT_420)
        render_420(e, pinfo, tree, anchor, tvb, start);
    else
        render_retry(e, pinfo, tree, anchor, tvb, start);
    if (e->listed.cut)
        expert_add_info(pinfo, anchor, &ei_sa_ext_tags_cut);
    if (e->kind == SA_EXT_RETRY || !PINFO_FD_VISITED(pinfo))
        return; /* whether a retry follows is known only after the first pass */
    if (e->retry_frame) {
        if (tree) {
            proto_item *pi = proto_tree_add_uint(tree, hf_sa_ext_retry_frame, tvb, start, 0, e->retry_frame);
            proto_item_set_generated(pi);
        }
    } else {
        expert_add_info_format(pinfo, anchor, &ei_sa_ext_not_retried,
                               "No retry of the %s follows this %u in the capture", e->method ? e->method : "request",
                               e->kind == SA_EXT_421 ? 421 : 420);
    }
}
