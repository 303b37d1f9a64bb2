/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "SIP Analysis" statistic: Wireshark's generic statistics tables (stat_tap_table_ui) fed
 * by the sip.analysis tap.
 *
 *   tshark -q -z sip.analysis,stat[,filter]    our printer: each table with its own columns, 100 wide
 *   tshark -q -z sip.analysis,table[,filter]   the same tables, Wireshark's generic printer
 *   Wireshark: Telephony > SIP Analysis
 *
 * First the summary (failures by code, challenges, 100 Trying findings, 420/421 causes, each
 * with its first frames), then responses by code, the 100 Trying timers in milliseconds (average,
 * min, max, median, 95th percentile) and the responses per hop. Every message is counted once:
 * retransmissions are skipped. The 100 Trying verdicts come from src/txn_verdict.c, the response
 * verdicts from src/response_verdict.c, as in the packet tree. */
#ifndef SA_PLUGIN_STATS_H
#define SA_PLUGIN_STATS_H

/* Registers the statistic; call from proto_register_sip_analysis() after the tap exists. */
void sa_stats_register(void);

#endif
