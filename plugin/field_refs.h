/* SPDX-License-Identifier: GPL-2.0-or-later */
/* proto_field_is_referenced() for the plugin's own fields and expert infos, without the call.
 *
 * Rendering asks whether anyone wants a field several times per SIP message (class, outcome,
 * the four code details, the links, each expert info's field) and the answer is almost always
 * no: a call and the registrar's bounds checks per question cost more than the test itself. The
 * test here is Wireshark's own (epan/proto.c, stable from 4.0 to 4.6): a shown tree, or a field
 * primed by a filter or field extractor (its ref_type, set and cleared per packet by Wireshark),
 * on header_field_info pointers noted once per capture. Ids outside the noted range take the
 * real call. */
#ifndef SA_PLUGIN_FIELD_REFS_H
#define SA_PLUGIN_FIELD_REFS_H

#include <epan/proto.h>

/* Notes the registered info of every field id in [lo, hi] (the plugin's fields and its expert
 * infos' fields, registered one after another); call once registration is complete. */
void sa_field_refs_init(int lo, int hi);

extern int sa_field_refs_lo_;
extern guint sa_field_refs_count_;
extern header_field_info **sa_field_refs_;

static inline gboolean sa_field_referenced(proto_tree *tree, int hf)
{
    if (!tree)
        return FALSE;
    if (PTREE_DATA(tree)->visible)
        return TRUE;
    guint i = (guint)(hf - sa_field_refs_lo_);
    if (hf < sa_field_refs_lo_ || i >= sa_field_refs_count_)
        return proto_field_is_referenced(tree, hf);
    const header_field_info *hfinfo = sa_field_refs_[i];
    return hfinfo->ref_type != HF_REF_TYPE_NONE ||
           (hfinfo->type == FT_PROTOCOL && !PTREE_DATA(tree)->fake_protocols);
}

#endif
