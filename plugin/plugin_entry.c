/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The symbols Wireshark's plugin loader looks for (wsutil/plugins.c). */
#include <gmodule.h>
#include <ws_symbol_export.h>
#include <epan/proto.h>

#include "ws_compat.h"
#include "sip_analysis.h"

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = SA_PLUGIN_VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;

WS_DLL_PUBLIC void plugin_register(void);

void plugin_register(void)
{
    static proto_plugin plug;
    plug.register_protoinfo = proto_register_sip_analysis;
    plug.register_handoff = proto_reg_handoff_sip_analysis;
    proto_register_plugin(&plug);
}

#ifdef WS_PLUGIN_DESC_DISSECTOR
WS_DLL_PUBLIC uint32_t plugin_describe(void);
uint32_t plugin_describe(void)
{
    return WS_PLUGIN_DESC_DISSECTOR;
}
#endif
