/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tree items of the delays a call felt (src/call_delay.h). */
#include "render_delay.h"

#include "call_delay.h"
#include "fields.h"

static nstime_t to_nstime(int64_t ns)
{
    nstime_t t;
    t.secs = (time_t)(ns / 1000000000);
    t.nsecs = (int)(ns % 1000000000);
    return t;
}

static void add_time(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, int64_t ns)
{
    nstime_t t = to_nstime(ns);
    proto_item_set_generated(proto_tree_add_time(tree, hf, tvb, start, 0, &t));
}

static void add_uint(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, guint32 value)
{
    proto_item_set_generated(proto_tree_add_uint(tree, hf, tvb, start, 0, value));
}

static void add_bool(proto_tree *tree, int hf, tvbuff_t *tvb, gint start, gboolean value)
{
    proto_item_set_generated(proto_tree_add_boolean(tree, hf, tvb, start, 0, value));
}

void sa_render_delay(const struct sa_call_delay *d, proto_tree *parent, tvbuff_t *tvb, gint start)
{
    if (!parent)
        return;
    proto_tree *tree = proto_tree_add_subtree(parent, tvb, start, 0, ett_sa_delay, NULL, "Call delays (RFC 6076)");
    if (d->flags & SA_DELAY_SRD) {
        add_time(tree, hf_sa_delay_srd, tvb, start, d->srd_ns);
        add_bool(tree, hf_sa_delay_srd_failed, tvb, start, (d->flags & SA_DELAY_SRD_FAILED) != 0);
    }
    if (d->flags & SA_DELAY_SETUP)
        add_uint(tree, hf_sa_delay_setup, tvb, start, d->setup);
    if (d->flags & (SA_DELAY_SRD | SA_DELAY_SETUP))
        add_uint(tree, hf_sa_delay_invite_frame, tvb, start, d->invite_frame);
    if (d->flags & SA_DELAY_SDD) {
        add_time(tree, hf_sa_delay_sdd, tvb, start, d->sdd_ns);
        add_bool(tree, hf_sa_delay_sdd_failed, tvb, start, (d->flags & SA_DELAY_SDD_FAILED) != 0);
        add_uint(tree, hf_sa_delay_bye_frame, tvb, start, d->bye_frame);
    }
}
