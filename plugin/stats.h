/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "SIP Analysis" statistic: a stats_tree fed by the sip.analysis tap.
 *
 *   tshark -q -z sip.analysis,stat[,filter]   (our name for it)
 *   tshark -q -z sip.analysis,tree[,filter]   (the name every stats_tree gets: "<abbr>,tree")
 *   Wireshark: Statistics > SIP Analysis
 *
 * Responses by class and code, the 100 Trying timers (INVITE -> 100 delay and time on 100 with
 * min / median / 95th percentile / max, threshold counts, transactions stuck on 100 or ended by
 * 408/487 after it), 421s by missing option tag and 420s by unsupported tag with their retries,
 * and the same per hop. Every message is counted once: retransmissions are skipped. */
#ifndef SA_PLUGIN_STATS_H
#define SA_PLUGIN_STATS_H

/* Registers the statistic; call from proto_register_sip_analysis() after the tap exists. */
void sa_stats_register(void);

#endif
