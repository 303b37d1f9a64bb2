#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The plugin inside the real tshark under valgrind memcheck: every capture in captures/, merged
# into one file (mergecap -a), dissected with the whole tree shown (-nVx -2: every field and
# expert info, both passes) and with none shown (-q -Y sip.analysis: only the plugin's item).
# wmem and GLib hand out every block from malloc (WIRESHARK_DEBUG_WMEM_OVERRIDE=simple,
# G_SLICE=always-malloc), so memcheck sees each one. Any memcheck error or definitely lost block
# whose stack passes through sip_analysis.so fails; Wireshark's and GLib's own leaks at exit are
# theirs. Needs a built plugin (tools/build.sh build). Usage: tools/memcheck-captures.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
merged="$work/all-captures.pcapng"
mergecap -a -w "$merged" "$top"/captures/*.pcapng
chmod a+rwx "$work"
chmod a+r "$merged"

# memcheck LOG ARGS...: tshark ARGS under memcheck, its report in LOG, tshark's output on stdout.
memcheck() {
    log=$1
    shift
    : >"$log"
    chmod a+w "$log"
    SA_TSHARK_PREFIX="valgrind --tool=memcheck --leak-check=full --num-callers=40 --fullpath-after= --log-file=$log" \
        WIRESHARK_DEBUG_WMEM_OVERRIDE=simple G_SLICE=always-malloc timeout 900 \
        "$top/tools/tshark-with-plugin.sh" "$@"
}

# One error record of a memcheck log per paragraph; those passing through the plugin are ours:
# its file name without debug information, its sources' full paths with it.
ours() {
    sed -E 's/^==[0-9]+== ?//' "$1" | awk -v RS='' -v top="$top" '
        index($0, "sip_analysis.so") || index($0, top "/plugin/") || index($0, top "/src/") {
            if ($0 ~ /(Invalid|uninitialised|Conditional|Mismatched|overlap|definitely lost|Syscall param|Source and destination)/)
                print $0 "\n"
        }'
}

failed=0
check() { # NAME LOG
    if [ -n "$(ours "$2")" ]; then
        echo "FAIL: memcheck, $1: errors in the plugin" >&2
        ours "$2" >&2
        failed=1
    fi
    grep -E "ERROR SUMMARY|definitely lost:" "$2" | sed "s/^==[0-9]*== /  $1: /"
}

# -w, not -T fields: printing fields fills columns, which makes expert infos visible.
memcheck "$work/none.log" -n -q -Y sip.analysis -w "$work/kept.pcapng" -r "$merged"
n=$(capinfos -M -c -T -r "$work/kept.pcapng" | cut -f2)
[ "$n" -gt 100 ] || { echo "the plugin annotated only $n frames under memcheck: not loaded?" >&2; exit 1; }
check "-q -Y sip.analysis ($n frames)" "$work/none.log"
n=$(memcheck "$work/tree.log" -nVx -2 -r "$merged" | grep -c "SIP Analysis" || true)
[ "$n" -gt 100 ] || { echo "the plugin annotated only $n messages under memcheck: not loaded?" >&2; exit 1; }
check "-nVx -2 ($n items)" "$work/tree.log"
[ "$failed" -eq 0 ] || exit 1
echo "memcheck: $(capinfos -M -c -T -r "$merged" | cut -f2) packets of $(ls "$top"/captures/*.pcapng | wc -l) captures, two runs, no error in the plugin"
