/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tree items and expert infos of the Reason and Warning values a message carries. */
#include "render_cause.h"

#include <string.h>

#include "failure_cause.h"
#include "fields.h"
#include "text_buf.h"

/* A capture's bytes as a field's string: escaped (text_buf.h), so always valid UTF-8. */
static void add_text(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, packet_info *pinfo, struct sa_slice s)
{
    char *buf = (char *)wmem_alloc(pinfo->pool, ITEM_LABEL_LENGTH);
    struct sa_text t;
    sa_text_init(&t, buf, ITEM_LABEL_LENGTH);
    sa_text_add_escaped(&t, s.ptr, s.len);
    proto_item_set_generated(proto_tree_add_string(tree, hf, tvb, start, 0, buf));
}

static void add_reason(proto_tree *tree, tvbuff_t *tvb, gint start, packet_info *pinfo, const struct sa_reason *r)
{
    add_text(tree, hf_sa_reason_protocol, tvb, start, pinfo, r->protocol);
    if (!(r->flags & SA_REASON_CAUSE_NUMERIC))
        return;
    proto_item_set_generated(proto_tree_add_uint(tree, hf_sa_reason_cause, tvb, start, 0, r->cause));
    const char *name = sa_reason_cause_name(r);
    if (name)
        proto_item_set_generated(proto_tree_add_string(tree, hf_sa_reason_cause_name, tvb, start, 0, name));
    if (r->text.len)
        add_text(tree, hf_sa_reason_text, tvb, start, pinfo, r->text);
}

static void add_reasons(proto_tree *tree, tvbuff_t *tvb, gint start, packet_info *pinfo, const struct sa_cause *c)
{
    for (uint8_t i = 0; i < c->reason_count; i++) {
        struct sa_reason_iter it;
        struct sa_reason r;
        sa_reason_iter_init(&it, c->reasons[i]);
        while (sa_reason_next(&it, &r))
            add_reason(tree, tvb, start, pinfo, &r);
    }
}

static void add_warnings(proto_tree *tree, tvbuff_t *tvb, gint start, packet_info *pinfo, const struct sa_cause *c)
{
    for (uint8_t i = 0; i < c->warning_count; i++) {
        struct sa_warning_iter it;
        struct sa_warning w;
        sa_warning_iter_init(&it, c->warnings[i]);
        while (sa_warning_next(&it, &w)) {
            if (w.flags & SA_WARNING_CODE_OK)
                proto_item_set_generated(proto_tree_add_uint(tree, hf_sa_warning_code, tvb, start, 0, w.code));
            if (w.agent.len)
                add_text(tree, hf_sa_warning_agent, tvb, start, pinfo, w.agent);
            if (w.text.len)
                add_text(tree, hf_sa_warning_text, tvb, start, pinfo, w.text);
        }
    }
}

/* A malformed value, escaped and cut, for the finding's text. */
static const char *quoted_value(packet_info *pinfo, struct sa_slice bad)
{
    char *buf = (char *)wmem_alloc(pinfo->pool, 120);
    struct sa_text t;
    sa_text_init(&t, buf, 120);
    sa_text_add_escaped(&t, bad.ptr ? bad.ptr : "", bad.len);
    return buf;
}

/* The subtree's label says the cause at a glance: "Cause: Reason Q.850 17 User busy; Warning 399". */
static const char *cause_label(packet_info *pinfo, const struct sa_cause *c)
{
    char *buf = (char *)wmem_alloc(pinfo->pool, ITEM_LABEL_LENGTH);
    struct sa_text t;
    sa_text_init(&t, buf, ITEM_LABEL_LENGTH);
    sa_text_add(&t, "Cause:");
    struct sa_reason r;
    bool by_cancel;
    if (sa_cause_named_reason(c, &r, &by_cancel)) {
        sa_text_add(&t, by_cancel ? " the CANCEL gave Reason " : " Reason ");
        sa_reason_summary_add(&t, &r);
    }
    const char *sep = t.len > strlen("Cause:") ? "; Warning " : " Warning ";
    for (uint8_t i = 0; i < c->warning_count; i++) {
        struct sa_warning_iter it;
        struct sa_warning w;
        sa_warning_iter_init(&it, c->warnings[i]);
        while (sa_warning_next(&it, &w)) {
            if (!(w.flags & SA_WARNING_CODE_OK))
                continue;
            sa_text_addf(&t, "%s%u", sep, (unsigned)w.code);
            sep = ", ";
        }
    }
    if (t.len == strlen("Cause:"))
        sa_text_add(&t, " Reason or Warning given, unreadable");
    return buf;
}

void sa_render_cause(const struct sa_cause *c, packet_info *pinfo, proto_tree *parent, proto_item *anchor,
                     tvbuff_t *tvb, gint start)
{
    struct sa_slice bad;
    if (sa_cause_malformed_reason(c, &bad))
        expert_add_info_format(pinfo, anchor, &ei_sa[SA_F_REASON_MALFORMED], "Malformed Reason value (RFC 3326): \"%s\"",
                               quoted_value(pinfo, bad));
    if (sa_cause_malformed_warning(c, &bad))
        expert_add_info_format(pinfo, anchor, &ei_sa[SA_F_WARNING_MALFORMED],
                               "Malformed Warning value (RFC 3261 \xc2\xa7" "20.43): \"%s\"", quoted_value(pinfo, bad));
    if (!parent)
        return;
    proto_tree *tree = proto_tree_add_subtree(parent, tvb, start, 0, ett_sa_cause, NULL, cause_label(pinfo, c));
    add_reasons(tree, tvb, start, pinfo, c);
    add_warnings(tree, tvb, start, pinfo, c);
    if (c->cancel) {
        proto_item_set_generated(proto_tree_add_uint(tree, hf_sa_reason_cancel_frame, tvb, start, 0, c->cancel_frame));
        add_reasons(tree, tvb, start, pinfo, c->cancel);
    }
}

void sa_cause_append_summary(const struct sa_cause *c, char *text, size_t size)
{
    struct sa_reason r;
    bool by_cancel;
    if (!sa_cause_named_reason(c, &r, &by_cancel))
        return;
    size_t len = strlen(text);
    struct sa_text t;
    sa_text_init(&t, text + len, size - len);
    sa_text_add(&t, by_cancel ? "; the CANCEL gave Reason " : "; Reason ");
    sa_reason_summary_add(&t, &r);
}
