/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "expert_gate.h"

#include <epan/tap.h>

static int expert_tap = -1;
/* _ws.expert (the protocol) and its message, severity and group fields. */
static int generic_ids[4] = { -1, -1, -1, -1 };

void sa_expert_gate_init(void)
{
    expert_tap = find_tap_id("expert");
    generic_ids[0] = proto_get_id_by_filter_name("_ws.expert");
    generic_ids[1] = proto_registrar_get_id_byname("_ws.expert.message");
    generic_ids[2] = proto_registrar_get_id_byname("_ws.expert.severity");
    generic_ids[3] = proto_registrar_get_id_byname("_ws.expert.group");
}

gboolean sa_experts_observed(packet_info *pinfo, proto_tree *tree)
{
    /* Columns are filled: the GUI's packet list (its status bar shows the highest severity) or
     * tshark printing summary lines, either of which may show the Expert column. */
    if (pinfo->cinfo)
        return TRUE;
    /* Unknown tap: assume someone listens rather than lose expert infos. */
    if (expert_tap < 0 || have_tap_listener(expert_tap))
        return TRUE;
    if (!tree)
        return FALSE;
    /* True for every field when the tree is visible (tshark -V, -T pdml/json, the details pane). */
    for (size_t i = 0; i < G_N_ELEMENTS(generic_ids); i++) {
        if (generic_ids[i] > 0 && proto_field_is_referenced(tree, generic_ids[i]))
            return TRUE;
    }
    return FALSE;
}
