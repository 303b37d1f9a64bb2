#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of tools/sip-analysis-batch (issue 21; not a test, never run by CI): a bench capture of
# N calls (make_bench_capture.py), split into ring-buffer-sized files (editcap -c), reviewed by the
# batch with 1 and 2 jobs, against one run over the whole capture when its memory fits.
#
#   nice -n 10 tools/bench/batch-bench.sh [--calls 1000000] [--packets 100000] [--jobs "1 2"]
#                                        [--build DIR] [--work DIR] [--keep]
#
# Per run: wall seconds of the whole command, CPU seconds of all its tshark processes (user + sys,
# the figure that does not depend on what else the machine runs) and, per tshark job, peak RSS
# (/usr/bin/time -f, through SA_TSHARK_PREFIX), and the load average when the run ended; the
# findings of every run are compared (counts per finding).  Prints a Markdown table.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
calls=1000000 packets=100000 jobs="1 2" build=$top/build work="" keep=0
while [ $# -gt 0 ]; do
    case $1 in
        --calls) calls=$2; shift 2 ;;
        --packets) packets=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --build) build=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        *) echo "usage: $0 [--calls N] [--packets N] [--jobs \"1 2\"] [--build DIR] [--work DIR] [--keep]" >&2; exit 2 ;;
    esac
done
so=$(ls "$build"/plugins/*/epan/sip_analysis.so 2>/dev/null | head -n1)
[ -n "$so" ] || { echo "build the plugin first: tools/build.sh $build" >&2; exit 1; }
[ -n "$work" ] || work=/tmp/sa-batch-bench-$calls
mkdir -p "$work"
[ "$keep" = 1 ] || trap 'rm -rf "$work/ring" "$work"/out-* "$work/mem"' EXIT
log() { printf '== %s\n' "$*" >&2; }

cap=$work/bench-$calls.pcapng
if [ ! -f "$cap" ]; then
    log "generating $calls calls"
    /usr/bin/python3 "$top/tools/bench/make_bench_capture.py" --calls "$calls" "$cap" >&2
fi
rm -rf "$work/ring" && mkdir -p "$work/ring"
editcap -c "$packets" "$cap" "$work/ring/ring.pcapng"
nfiles=$(ls "$work/ring" | wc -l)
npk=$(capinfos -T -r -c "$cap" | cut -f2)
log "$npk packets in $nfiles files of $packets packets"

# The memory file is written by tshark, which runs as nobody when we are root.
mkdir -p "$work/mem" && chmod 1777 "$work/mem"

# run NAME OUTDIR FILES...: wall time of the batch command, peak RSS per tshark job (KiB).
run() {
    local name=$1 out=$2
    shift 2
    rm -rf "$out" "$work/mem/$name"
    local t0 t1
    t0=$(date +%s.%N)
    SA_TSHARK_PREFIX="/usr/bin/time -a -o $work/mem/$name -f %M_%U_%S" \
        "$top/tools/sip-analysis-batch" --plugin "$so" -o "$out" --format jsonl "$@" >/dev/null 2>"$out.log" \
        || { echo "batch failed: $(tail -3 "$out.log")" >&2; exit 1; }
    t1=$(date +%s.%N)
    local wall max avg cpu load
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
    max=$(cut -d_ -f1 "$work/mem/$name" | sort -n | tail -1)
    avg=$(awk -F_ '{s+=$1} END {printf "%d", s/NR}' "$work/mem/$name")
    cpu=$(awk -F_ '{s+=$2+$3} END {printf "%.0f", s}' "$work/mem/$name")
    load=$(cut -d' ' -f1 /proc/loadavg)
    printf '%s\t%.1f\t%s\t%d\t%d\t%s\n' "$name" "$wall" "$cpu" "$((avg / 1024))" "$((max / 1024))" "$load"
}

results=()
for j in $jobs; do
    log "batch, $j job(s)"
    results+=("$(run "batch-j$j" "$work/out-j$j" -j "$j" "$work"/ring/*.pcapng)")
done
# The whole capture in one tshark: about 14 KB per call of tshark's own state (BENCHMARKS.md);
# run only when that stays under half the memory available now.
avail=$(awk '/MemAvailable/ {print $2}' /proc/meminfo)
need=$((calls * 14))
if [ "$need" -lt $((avail / 2)) ]; then
    log "whole capture, one tshark"
    results+=("$(run whole "$work/out-whole" "$cap")")
else
    log "whole capture skipped: needs about $((need / 1024)) MiB, $((avail / 1024)) MiB available"
fi

# Same findings everywhere (counts per finding from summary.json).
ref=""
for d in "$work"/out-*; do
    [ -d "$d" ] || continue
    c=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["findings"], sorted((k,v["count"]) for k,v in d["per_finding"].items()))' "$d/summary.json")
    if [ -z "$ref" ]; then ref=$c; elif [ "$c" != "$ref" ]; then echo "findings differ in $d" >&2; fi
done

echo
echo "$calls calls, $npk packets, $(du -m "$cap" | cut -f1) MB; $nfiles files of $packets packets (editcap -c); $(nproc) cores"
echo "findings: ${ref%% *}"
echo
echo "| run | wall (s) | tshark CPU, user + sys (s) | peak RSS per tshark, mean (MiB) | max (MiB) | load average at the end |"
echo "|---|---|---|---|---|---|"
for r in "${results[@]}"; do
    IFS=$'\t' read -r n w c a m l <<<"$r"
    echo "| $n | $w | $c | $a | $m | $l |"
done
