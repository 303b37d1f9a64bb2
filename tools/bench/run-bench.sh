#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark: what the SIP Analysis plugin costs tshark, in wall time and peak memory.
#
#   tools/bench/run-bench.sh [--calls N] [--runs R] [--quick] [--linear-calls M] [--seed S]
#                            [--rev REV] [--strict] [--results FILE]
#
#   --calls N         calls in the benchmark capture (default 50000, about 330 000 packets)
#   --runs R          timed runs of every configuration (default 5)
#   --quick           5000 calls, 3 runs, no linearity comparison (CI-like use)
#   --linear-calls M  also time a capture of M calls and print per-call figures for both sizes
#                     (default 5000; 0 = skip; skipped when M equals N)
#   --seed S          generator seed (default 1)
#   --rev REV         benchmark the plugin of commit REV (exported with git archive, the work
#                     tree is left alone) instead of the work tree as it is
#   --strict          exit 1 when a target is missed (default: report only)
#   --results FILE    also keep the raw runs (TSV, see bench_report.py) in FILE
#
# Environment: SA_BENCH_BUILD (build folder, default /tmp/build-bench), SA_BENCH_CACHE (where
# generated captures are kept, default ${XDG_CACHE_HOME:-$HOME/.cache}/sip-analysis-bench).
#
# What it does:
#  1. builds the plugin as a Release build (tools/build.sh ... -DCMAKE_BUILD_TYPE=Release), from
#     the work tree or from --rev;
#  2. generates the capture with tools/bench/make_bench_capture.py into the cache folder unless
#     it is there already (the file name carries calls, seed and a hash of the generator);
#  3. runs tshark in two configurations that differ only by the plugin: WIRESHARK_PLUGIN_DIR
#     points to a folder holding a copy of sip_analysis.so ("with"), or to an empty plugin folder
#     ("without"), same HOME (empty), same environment. As root tshark ignores
#     WIRESHARK_PLUGIN_DIR, so then both run as the user nobody (setpriv), like
#     tools/tshark-with-plugin.sh does;
#  4. sanity checks: `tshark -G plugins` lists sip_analysis only "with"; -Y sip.analysis (with)
#     matches as many packets as -Y sip (without), one-pass and -2;
#  5. times, alternately and R times over, "without: tshark -r CAP -q -Y sip" against
#     "with: tshark -r CAP -q -Y sip.analysis", one-pass and with -2, under
#     /usr/bin/time -f '%e %M %U %S' (wall seconds, peak RSS KiB, and user + sys CPU seconds,
#     which a busy machine disturbs less than wall time); the order within each pair swaps
#     every run; one untimed warm-up run of each configuration comes first;
#  6. prints medians, ratios and whether the targets are met (one-pass: <= 1.05x time and
#     <= 1.05x memory; -2: <= 1.10x both), then the per-call comparison of the two sizes.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
bench=$top/tools/bench
. "$bench/common.sh"

calls=50000
runs=5
linear=5000
seed=1
strict=0
rev=
keep_results=
while [ $# -gt 0 ]; do
    case "$1" in
        --calls) calls=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --linear-calls) linear=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --rev) rev=$2; shift 2 ;;
        --quick) calls=5000; runs=3; linear=0; shift ;;
        --strict) strict=1; shift ;;
        --results) keep_results=$2; shift 2 ;;
        -h|--help) sed -n '3,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ "$linear" = "$calls" ] && linear=0
case "$calls$runs$linear$seed" in *[!0-9]*) echo "run-bench.sh: numbers expected" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "run-bench.sh: --runs must be at least 1" >&2; exit 2; }
log() { bench_log "$@"; }

bench_need_pkg /usr/bin/time time
bench_need_pkg tshark tshark
bench_need_pkg setpriv util-linux

bench_build "$rev" "${SA_BENCH_BUILD:-/tmp/build-bench}" -DCMAKE_BUILD_TYPE=Release
bench_setup sa-bench

# timed CONFIG OUTFILE ARGS...: one run under /usr/bin/time; appends "wall rss user sys" to OUTFILE.
timed() {
    local cfg=$1 out=$2
    shift 2
    local tf="$work/time.out"
    bench_env "$cfg"
    if ! (cd "$work" && /usr/bin/time -o "$tf" -f '%e %M %U %S' "${as_nobody[@]}" "${envcmd[@]}" \
            tshark "$@" >/dev/null 2>"$work/stderr"); then
        echo "run-bench.sh: tshark failed ($cfg: $*):" >&2
        cat "$work/stderr" "$tf" >&2
        exit 1
    fi
    tail -n1 "$tf" >>"$out"
}

results=$work/results.tsv
: >"$results"

# bench CALLS: sanity checks, warm-up, R alternating timed runs; appends to $results.
bench_size() {
    local n=$1 src cap
    src=$(bench_capture "$n" "$seed")
    cap=$work/cap/bench-$n.pcapng
    cp "$src" "$cap"
    chmod a+r "$cap"
    local packets
    packets=$(capinfos -M -c -T -r "$cap" | cut -f2)
    log "$n calls: $packets packets, $(du -m "$cap" | cut -f1) MB"

    log "sanity: plugins loaded"
    if ! tsh with -G plugins 2>/dev/null | grep -q 'sip_analysis\.so'; then
        echo "run-bench.sh: tshark -G plugins does not list sip_analysis.so in the 'with' configuration" >&2
        exit 1
    fi
    if tsh without -G plugins 2>/dev/null | grep -q 'sip_analysis'; then
        echo "run-bench.sh: the 'without' configuration loads sip_analysis" >&2
        exit 1
    fi
    echo "plugin: $(tsh with -G plugins 2>/dev/null | grep 'sip_analysis\.so' | tr -s '\t ' ' ')"
    echo "plugins without: $(tsh without -G plugins 2>/dev/null | grep -vc 'extcap') (besides extcap tools)"

    log "sanity: packet counts"
    local c_sip c_sa c_sip2 c_sa2
    c_sip=$(tsh without -r "$cap" -Y sip -T fields -e frame.number 2>/dev/null | wc -l)
    c_sa=$(tsh with -r "$cap" -Y sip.analysis -T fields -e frame.number 2>/dev/null | wc -l)
    c_sip2=$(tsh without -2 -r "$cap" -Y sip -T fields -e frame.number 2>/dev/null | wc -l)
    c_sa2=$(tsh with -2 -r "$cap" -Y sip.analysis -T fields -e frame.number 2>/dev/null | wc -l)
    printf '%s calls, %s packets: one-pass  -Y sip (without) %s, -Y sip.analysis (with) %s\n' \
        "$n" "$packets" "$c_sip" "$c_sa"
    printf '%s calls, %s packets: -2        -Y sip (without) %s, -Y sip.analysis (with) %s\n' \
        "$n" "$packets" "$c_sip2" "$c_sa2"
    if [ "$c_sip" != "$c_sa" ] || [ "$c_sip2" != "$c_sa2" ] || [ "$c_sip" = 0 ]; then
        echo "run-bench.sh: sip.analysis does not match the same packets as sip" >&2
        exit 1
    fi

    log "warm-up"
    cat "$cap" >/dev/null
    timed without /dev/null -r "$cap" -q -Y sip
    timed with /dev/null -r "$cap" -q -Y sip.analysis

    local r mode cfg flt f
    for r in $(seq 1 "$runs"); do
        for mode in one-pass -2; do
            local order="without with"
            [ $((r % 2)) -eq 0 ] && order="with without"
            for cfg in $order; do
                flt=sip
                [ "$cfg" = with ] && flt=sip.analysis
                f=$work/one.out
                : >"$f"
                if [ "$mode" = -2 ]; then
                    timed "$cfg" "$f" -2 -r "$cap" -q -Y "$flt"
                else
                    timed "$cfg" "$f" -r "$cap" -q -Y "$flt"
                fi
                printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$packets" "$mode" "$cfg" "$r" \
                    "$(tr ' ' '\t' <"$f")" >>"$results"
                log "$n calls run $r/$runs $mode $cfg: $(cat "$f") (wall s, peak KiB, user s, sys s; load $(cut -d" " -f1 /proc/loadavg))"
            done
        done
    done
    rm -f "$cap"
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM"
echo "system: Debian $(cat /etc/debian_version), $(tshark --version 2>/dev/null | head -n1)"
echo "plugin: $src_desc, Release build; runs: $runs; seed: $seed"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_size "$calls"
[ "$linear" -gt 0 ] && bench_size "$linear"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine disturbs wall times)"

[ -n "$keep_results" ] && cp "$results" "$keep_results"
"$py" "$bench/bench_report.py" --main "$calls" --runs "$runs" --strict-flag "$strict" "$results"
