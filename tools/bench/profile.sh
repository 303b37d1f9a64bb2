#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Where the plugin's time goes: callgrind profiles of tshark with and without the plugin.
#
#   tools/bench/profile.sh [--calls N] [--seed S] [--keep DIR] [--top N] [--rev REV] [-2]
#                          [--with-filter F]
#
#   --calls N   calls in the profiled capture (default 2000, about 13 000 packets)
#   --rev REV   profile the plugin of commit REV (git archive) instead of the work tree
#   -2          profile two-pass runs (tshark -2) instead of one-pass
#   --keep DIR  keep the callgrind files and the callgrind_annotate output in DIR
#   --top N     rows in each table (default 15)
#   --with-filter F  display filter of the run with the plugin (default sip.analysis; "sip" measures
#               the plugin's cost on the very command of the run without it)
#
# Builds the plugin as a Release build with debug information (-O3 as benchmarked, plus -g, in
# ${SA_BENCH_PROF_BUILD:-/tmp/build-bench-prof}), takes the capture from the benchmark cache (see
# run-bench.sh), and runs `valgrind --tool=callgrind tshark -r CAP -q -Y sip.analysis` with the
# plugin and `... -Y sip` without it, both as nobody when root (same setup as run-bench.sh: the
# only difference is the plugin folder); the same on a 1-call capture gives each configuration's
# fixed cost (start-up), which the per-packet figures leave out. Prints callgrind_annotate's top
# functions of the plugin and tools/bench/callgrind_summary.py's comparison (instruction totals,
# the plugin's share, its top functions, what it calls in Wireshark, which functions grew).
# Costs are per function (static functions inlined at -O3 count in their caller); callgrind
# records no line numbers for the dlopen'ed plugin here.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
bench=$top/tools/bench
. "$bench/common.sh"
calls=2000
seed=1
keep=
rows=15
rev=
mode=one-pass
with_filter=sip.analysis
while [ $# -gt 0 ]; do
    case "$1" in
        --calls) calls=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        --top) rows=$2; shift 2 ;;
        --rev) rev=$2; shift 2 ;;
        -2) mode=-2; shift ;;
        --with-filter) with_filter=$2; shift 2 ;;
        -h|--help) sed -n '3,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "profile.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
log() { bench_log "$@"; }

bench_need_pkg valgrind valgrind
bench_need_pkg setpriv util-linux
bench_build "$rev" "${SA_BENCH_PROF_BUILD:-/tmp/build-bench-prof}" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g
bench_setup_profiled sa-prof "$calls" "$seed"
bench_fix_seeds # runs repeat exactly (tools/bench/fixed_random.c)
two=()
[ "$mode" = -2 ] && two=(-2)

profile() { # CONFIG FILTER CAPTURE NAME
    log "callgrind: $1 ($mode, -Y $2, $3)"
    bench_env "$1"
    envcmd+=("${fix_env[@]}")
    (cd "$work" && "${fixing[@]}" "${as_nobody[@]}" "${envcmd[@]}" \
        valgrind --tool=callgrind --callgrind-out-file="$work/out/$4.callgrind" \
        tshark "${two[@]}" -r "$work/$3" -q -Y "$2" >/dev/null 2>"$work/out/$4.valgrind.log") || {
        cat "$work/out/$4.valgrind.log" >&2
        exit 1
    }
}
# The fixed cost (start-up, registration, one call of 7 packets) of each configuration, so the
# per-packet figures below leave it out.
profile without sip base.pcapng base-without
profile with "$with_filter" base.pcapng base-with
profile without sip capture.pcapng without
profile with "$with_filter" capture.pcapng with

echo "capture: $calls calls, $packets packets; mode: $mode; with the plugin: -Y $with_filter, without: -Y sip"
echo "plugin: $src_desc, Release build (-O3) with -g"
echo
echo "### callgrind_annotate (with the plugin): the plugin's functions, self cost"
echo
echo '```'
callgrind_annotate --threshold=100 "$work/out/with.callgrind" >"$work/out/with.annotate.txt" 2>/dev/null
# the header, then the plugin's own rows (its sources are under src/ and plugin/)
grep -E 'PROGRAM TOTALS' "$work/out/with.annotate.txt" || true
grep -E "($top/)?(src|plugin)/[a-z_0-9]+\.[ch]:" "$work/out/with.annotate.txt" | head -n "$rows" || true
echo '```'
echo
"$py" "$bench/callgrind_summary.py" --top "$rows" --packets "$((packets - base_packets))" \
    --base "$work/out/base-with.callgrind" "$work/out/base-without.callgrind" \
    "$work/out/with.callgrind" "$work/out/without.callgrind"
if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$work"/out/* "$keep"/
    callgrind_annotate --threshold=100 "$work/out/without.callgrind" >"$keep/without.annotate.txt" 2>/dev/null
    callgrind_annotate --inclusive=yes --threshold=99 "$work/out/with.callgrind" \
        >"$keep/with.inclusive.txt" 2>/dev/null
    log "profiles kept in $keep"
fi
