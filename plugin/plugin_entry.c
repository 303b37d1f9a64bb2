/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The symbols Wireshark's plugin loader looks for (wsutil/plugins.c); which ones, per version,
 * is in ws_compat.h. */
#include "ws_compat.h"
#include "sip_analysis.h"

SA_DECLARE_PLUGIN(SA_PLUGIN_VERSION, proto_register_sip_analysis, proto_reg_handoff_sip_analysis);
