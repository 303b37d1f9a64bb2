/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "expert_gate.h"

#include <epan/tap.h>

static int expert_tap = -1;
static int proto_ws_expert = -1; /* "_ws.expert" */

void sa_expert_gate_init(void)
{
    expert_tap = find_tap_id("expert");
    proto_ws_expert = proto_get_id_by_filter_name("_ws.expert");
}

gboolean sa_experts_observed(packet_info *pinfo, proto_tree *tree)
{
    /* Columns are filled: the GUI's packet list (its status bar shows the highest severity) or
     * tshark printing summary lines, either of which may show the Expert column. */
    if (pinfo->cinfo)
        return TRUE;
    /* Unknown tap or protocol: assume someone looks rather than lose expert infos. */
    if (expert_tap < 0 || proto_ws_expert <= 0 || have_tap_listener(expert_tap))
        return TRUE;
    /* True when the tree is visible (tshark -V, -T pdml/json/fields, the details pane), and when
     * a filter or field extractor references _ws.expert or any of its fields (message, severity,
     * group): priming a field marks its protocol as referenced too. */
    return proto_field_is_referenced(tree, proto_ws_expert);
}
