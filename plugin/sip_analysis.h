/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The plugin's shared state: protocol id, preferences, the analysis of the open capture. */
#ifndef SA_PLUGIN_SIP_ANALYSIS_H
#define SA_PLUGIN_SIP_ANALYSIS_H

#include <epan/packet.h>

#include "analyzer.h"
#include "ws_compat.h"

void proto_register_sip_analysis(void);
void proto_reg_handoff_sip_analysis(void);

extern int proto_sip_analysis;

/* Thresholds and display choices; all set from Wireshark preferences. */
struct sa_prefs {
    guint trying_delay_ms;    /* INVITE -> 100 above this is late (RFC 3261 §17.2.1: 200 ms) */
    guint trying_duration_ms; /* time on 100 above this is long */
    sa_pref_bool show_code_details; /* gboolean in 4.0, bool since 4.4 (ws_compat.h) */
    guint challenge_loop_limit; /* challenges in a row after retries with credentials beyond
                                   which the loop is a Warning (auth.loop_limit) */
};
extern struct sa_prefs sa_prefs;

/* What the "sip.analysis" tap receives: one per SIP message, after it was rendered. */
struct sa_tap_info {
    const struct sa_analyzer *analysis;
    const struct sa_record *record;
    int64_t ts_ns; /* the frame's time */
    gboolean visited; /* the frame was dissected before (tshark -2, the GUI): what follows it is known.
                         Not pinfo->fd->visited: that is set before tap listeners run. */
};
#define SA_TAP_INFO_VISITED 1 /* struct sa_tap_info has visited (plugin/stats.c checks) */
extern int sa_tap;

#endif
