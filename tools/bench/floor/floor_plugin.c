/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor of tools/bench/cachesim.sh --floor: what Wireshark itself charges any postdissector
 * that does what the plugin must do at the least, with none of the analysis. Registered under
 * the plugin's own names ("SIP Analysis", filter sip.analysis), so the benchmark's
 * -Y sip.analysis matches it. Per packet it: is called as a postdissector through a handle
 * with its protocol, as the plugin is (Wireshark's public API); wants the "sip" and ICMP items
 * primed; finds them with the plugin's own walk (plugin/sip_nodes.c); and adds one "SIP
 * Analysis" item under each. Never
 * built by default (EXCLUDE_FROM_ALL) and never installed. */
#include <epan/packet.h>
#include <epan/proto.h>

#include "sip_nodes.h"
#include "ws_compat.h"

static int proto_floor = -1;
static dissector_handle_t floor_handle;

static int dissect_floor(tvbuff_t *tvb, packet_info *pinfo _U_, proto_tree *tree, void *data _U_)
{
    struct sa_sip_nodes nodes;
    sa_sip_nodes_collect(tree, &nodes);
    /* As the plugin adds it when nothing below it can be seen (plugin/render.c): no data source. */
    for (guint i = 0; i < nodes.count; i++)
        proto_tree_add_item(nodes.items[i], proto_floor, NULL, 0, 0, ENC_NA);
    return nodes.count ? (int)tvb_captured_length(tvb) : 0;
}

static void floor_init(void)
{
    int protos[3] = { proto_get_id_by_filter_name("sip"), proto_get_id_by_filter_name("icmp"),
                      proto_get_id_by_filter_name("icmpv6") };
    sa_sip_nodes_set_protos(protos[0], protos[1], protos[2]);
    GArray *wanted = g_array_new(FALSE, FALSE, (guint)sizeof(int));
    for (int i = 0; i < 3; i++) {
        if (protos[i] > 0)
            g_array_append_val(wanted, protos[i]);
    }
    set_postdissector_wanted_hfids(floor_handle, wanted);
}

static void floor_cleanup(void)
{
    set_postdissector_wanted_hfids(floor_handle, NULL);
}

static void proto_register_floor(void)
{
    proto_floor = proto_register_protocol("SIP Analysis", "SIP Analysis", "sip.analysis");
    floor_handle = register_dissector("sip.analysis", dissect_floor, proto_floor);
    register_postdissector(floor_handle);
    register_init_routine(floor_init);
    register_cleanup_routine(floor_cleanup);
}

static void proto_reg_handoff_floor(void)
{
}

SA_DECLARE_PLUGIN("0", proto_register_floor, proto_reg_handoff_floor);
