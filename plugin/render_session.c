/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tree items and expert infos of the 422 analysis, its retry and the session-timer values of
 * requests (src/session_check.c decides and writes the words). */
#include "render_session.h"

#include "fields.h"
#include "session_check.h"

/* Wireshark keeps at most ITEM_LABEL_LENGTH - 1 bytes of an expert text and may cut inside a
 * UTF-8 character: the texts are written to fit (session_check.c cuts at characters), and hold
 * only our words and escaped capture bytes, so they are valid UTF-8. */
#define SA_LABEL_MAX (ITEM_LABEL_LENGTH - 1)

typedef size_t text_fn(const struct sa_session *, char *, size_t);

static void expert(packet_info *pinfo, proto_item *anchor, enum sa_finding f, const struct sa_session *s,
                   text_fn *fmt)
{
    char buf[SA_LABEL_MAX + 1];
    fmt(s, buf, sizeof buf);
    expert_add_info_format(pinfo, anchor, &ei_sa[f], "%s", buf);
}

/* The problems (session_check.h) that are a finding of their own, in the order the findings are
 * shown. The 422-only ones (no Min-SE, no Session-Expires) and the request-only ones (below the
 * floor, below its own Min-SE) never meet, so one order serves both kinds. */
static const struct {
    uint16_t problem;
    enum sa_finding finding;
    text_fn *text;
} PROBLEM_FINDINGS[] = {
    { SA_SS_MALFORMED, SA_F_SESSION_MALFORMED, sa_session_text_malformed },
    { SA_SS_NO_MIN_SE, SA_F_SESSION_MIN_SE_MISSING, sa_session_text_min_se_missing },
    { SA_SS_EXPIRES_BELOW_FLOOR, SA_F_SESSION_EXPIRES_BELOW_FLOOR, sa_session_text_expires_below_floor },
    { SA_SS_MIN_SE_BELOW_FLOOR, SA_F_SESSION_MIN_SE_BELOW_FLOOR, sa_session_text_min_se_below_floor },
    { SA_SS_NO_SESSION_EXPIRES, SA_F_SESSION_NO_SESSION_EXPIRES, sa_session_text_no_session_expires },
    { SA_SS_EXPIRES_BELOW_MIN_SE, SA_F_SESSION_EXPIRES_BELOW_MIN_SE, sa_session_text_expires_below_min_se },
};

static void render_findings(const struct sa_session *s, packet_info *pinfo, proto_item *anchor)
{
    for (size_t i = 0; i < G_N_ELEMENTS(PROBLEM_FINDINGS); i++) {
        if (s->problems & PROBLEM_FINDINGS[i].problem)
            expert(pinfo, anchor, PROBLEM_FINDINGS[i].finding, s, PROBLEM_FINDINGS[i].text);
    }
    if (s->kind != SA_SESSION_422) {
        if (s->problems & SA_SS_RETRY)
            expert(pinfo, anchor, (s->problems & SA_SS_STILL_SMALL) ? SA_F_SESSION_RETRY_STILL_SMALL : SA_F_SESSION_RETRY,
                   s, sa_session_text_retry);
        return;
    }
    if (s->problems & SA_SS_LOOP)
        expert(pinfo, anchor, SA_F_SESSION_RETRY_LOOP, s, sa_session_text_loop);
    else if (s->own.flags & SA_SV_MIN_SE_OK)
        expert(pinfo, anchor, SA_F_SESSION_TOO_SMALL, s, sa_session_text_too_small);
    /* Whether a retry follows is known only after the first pass. */
    if (PINFO_FD_VISITED(pinfo) && !s->retry_frame)
        expert(pinfo, anchor, SA_F_SESSION_NOT_RETRIED, s, sa_session_text_not_retried);
}

static void add_seconds(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, uint32_t seconds)
{
    proto_item_set_generated(proto_tree_add_uint_format_value(tree, hf, tvb, start, 0, seconds, "%u s", seconds));
}

static void add_frame(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, uint32_t frame)
{
    proto_item_set_generated(proto_tree_add_uint(tree, hf, tvb, start, 0, frame));
}

void sa_render_session(const struct sa_session *s, packet_info *pinfo, proto_tree *parent, proto_item *anchor,
                       tvbuff_t *tvb, gint start)
{
    /* The findings first (what is wrong, the fix), then the subtree of values and links. */
    render_findings(s, pinfo, anchor);
    if (!parent)
        return;
    proto_tree *tree = proto_tree_add_subtree(parent, tvb, start, 0, ett_sa_session, NULL, "Session timer");
    if (s->origin && s->kind == SA_SESSION_REQUEST)
        add_frame(tree, hf_sa_session_retry_of, tvb, start, s->origin_frame);
    uint32_t min_se;
    if (sa_session_min_se(s, &min_se))
        add_seconds(tree, hf_sa_session_min_se, tvb, start, min_se);
    const struct sa_session_values *req = sa_session_request_values(s);
    if (req->flags & SA_SV_EXPIRES_OK)
        add_seconds(tree, hf_sa_session_request_expires, tvb, start, req->expires);
    if (req->flags & SA_SV_MIN_SE_OK)
        add_seconds(tree, hf_sa_session_request_min_se, tvb, start, req->min_se);
    bool known;
    bool fixed = sa_session_retry_fixed(s, &known);
    if (known)
        proto_item_set_generated(proto_tree_add_boolean(tree, hf_sa_session_retry_fixed, tvb, start, 0, fixed));
    if (s->kind == SA_SESSION_422 && PINFO_FD_VISITED(pinfo) && s->retry_frame)
        add_frame(tree, hf_sa_session_retry_frame, tvb, start, s->retry_frame);
}
