#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs what is needed, builds the plugin, and shows it at work on captures from captures/.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/install-deps.sh"
"$top/tools/build.sh" >"${TMPDIR:-/tmp}/sip-analysis-build.log" 2>&1 || {
    cat "${TMPDIR:-/tmp}/sip-analysis-build.log"; exit 1; }
run() { "$top/tools/tshark-with-plugin.sh" "$@"; }
echo "== Every failure response (sip.analysis.class >= 4) in captures/hm-classes-udp.pcapng"
run -r "$top/captures/hm-classes-udp.pcapng" -Y 'sip.analysis.class >= 4' \
    -T fields -E header=y -e frame.number -e sip.Status-Code -e sip.analysis.class -e sip.analysis.request_frame \
    -e sip.analysis.response_time
echo
echo "== Why each 421/420 happened, in captures/hm-421-edge.pcapng (two passes)"
run -2 -r "$top/captures/hm-421-edge.pcapng" -Y 'sip.Status-Code == 421 || sip.Status-Code == 420' \
    -T fields -E header=y -E occurrence=a -E aggregator='|' -e frame.number -e sip.Status-Code \
    -e sip.analysis.ext.missing -e _ws.expert.message
echo
echo "== 100 Trying timers in captures/hm-timers.pcapng (two passes)"
run -2 -r "$top/captures/hm-timers.pcapng" -Y 'sip.analysis.trying.delay || sip.analysis.trying.duration' \
    -T fields -E header=y -e frame.number -e sip.Status-Code -e sip.analysis.trying.delay \
    -e sip.analysis.trying.duration -e sip.analysis.trying.open
echo
echo "== Why calls failed or ended, as the messages say (Reason, Warning), in captures/rec-reason-486.pcapng"
run -r "$top/captures/rec-reason-486.pcapng" -Y 'sip.analysis.reason.protocol || sip.analysis.warning.code' \
    -T fields -E header=y -E occurrence=a -E aggregator='|' -e frame.number -e sip.Method -e sip.Status-Code \
    -e sip.analysis.reason.protocol -e sip.analysis.reason.cause -e sip.analysis.reason.cause_name \
    -e sip.analysis.warning.code
echo
echo "== Session request and disconnect delays (RFC 6076) in captures/hm-call-delays.pcapng"
run -r "$top/captures/hm-call-delays.pcapng" -Y 'sip.analysis.delay.srd || sip.analysis.delay.sdd' \
    -T fields -E header=y -e frame.number -e sip.Status-Code -e sip.analysis.delay.srd \
    -e sip.analysis.delay.srd_failed -e sip.analysis.delay.sdd
