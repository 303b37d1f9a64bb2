#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# What the plugin costs tshark in a simulated CPU: instructions, cache misses and estimated cycles
# per packet, with against without, from cachegrind. Exactly reproducible, unlike wall time on a
# shared VM (run-bench.sh's runs of one configuration spread 15-50 % here).
#
#   tools/bench/cachesim.sh [--calls N] [--seed S] [--rev REV] [-2] [--ll SIZE,ASSOC,LINE] [--keep DIR] [--floor]
#
#   --calls N   calls in the capture (default 5000, about 33 000 packets; 50000 takes ~12 minutes)
#   -2          two-pass runs instead of one-pass (both: target 1.06, the project budget)
#   -V          full details, tshark -V -r CAP > /dev/null with and without (no filter; target 1.10;
#               use --calls 2000, the printing makes each packet ~4 times dearer)
#   --ll S,A,L  the simulated last-level cache (default 33554432,16,64: the 32 MiB, 16-way L3 of
#               one EPYC core complex; cachegrind's own guess on this VM is a 512 MiB 2-way cache)
#   --rev REV   the plugin of commit REV (git archive) instead of the work tree
#   --keep DIR  keep the cachegrind files (cg_annotate, cg_diff read them)
#   --floor     "with" runs a stand-in that only adds the plugin's item to each SIP message
#               (tools/bench/floor/floor_plugin.c): what Wireshark charges before any analysis
#   --with-filter F  the filter "with" runs (default sip.analysis, the budget's measure);
#               --with-filter sip gives the cost of merely having the plugin installed: the same
#               command, -Y sip, with and without
#   --answered-only  a capture of answered calls only (no failure, so never a Warning): the
#               plugin's expert infos could still raise the capture's highest severity
#   --random    leave Wireshark's hashing seeds random (by default they are fixed, and address
#               randomisation is off, so that two runs agree: tools/bench/fixed_random.c;
#               SA_FIXED_RANDOM=N picks another fixed seed)
#
# Same two configurations as run-bench.sh (tshark -r CAP -q -Y sip without the plugin, -Y
# sip.analysis with it, as nobody, only the plugin folder differs); the same runs on a 1-call
# capture give each configuration's fixed cost, which the per-packet figures leave out. The four
# runs go two at a time (cachegrind is single-threaded). The first-level caches simulated are
# the machine's own (32 KiB instruction, 48 KiB data). See cachesim_report.py for the estimate.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
bench=$top/tools/bench
. "$bench/common.sh"
calls=5000
seed=1
rev=
keep=
floor=
fixed=1
mix=
mode=one-pass
with_filter=sip.analysis
ll=33554432,16,64
while [ $# -gt 0 ]; do
    case "$1" in
        --calls) calls=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --rev) rev=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        --ll) ll=$2; shift 2 ;;
        -2) mode=-2; shift ;;
        -V) mode=-V; shift ;;
        --floor) floor=1; shift ;;
        --with-filter) with_filter=$2; shift 2 ;;
        --random) fixed=; shift ;;
        --answered-only) mix=answered; shift ;;
        -h|--help) sed -n '3,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "cachesim.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
log() { bench_log "$@"; }

bench_need_pkg valgrind valgrind
bench_need_pkg setpriv util-linux
bench_build "$rev" "${SA_BENCH_BUILD:-/tmp/build-bench}" -DCMAKE_BUILD_TYPE=Release
if [ -n "$floor" ]; then
    built=$(dirname "$(dirname "$(dirname "$(dirname "$so")")")")
    cmake --build "$built" --target sip_analysis_floor >/dev/null
    so=$built/floor-plugins/$ver/epan/sip_analysis_floor.so
    src_desc="the floor stand-in (tools/bench/floor), not the plugin"
fi
bench_setup_profiled sa-cachesim "$calls" "$seed" "$mix"
two=()
target=1.06
if [ "$mode" = -2 ]; then
    two=(-2)
    target=1.06
elif [ "$mode" = -V ]; then
    two=(-V)
    target=1.10
fi

fixing=()
fix_env=()
[ -z "$fixed" ] || bench_fix_seeds
simulate() { # CONFIG FILTER CAPTURE NAME
    bench_env "$1"
    local filter=(-q -Y "$2")
    [ "$mode" != -V ] || filter=()
    envcmd+=("${fix_env[@]}")
    (cd "$work" && "${fixing[@]}" "${as_nobody[@]}" "${envcmd[@]}" \
        valgrind --tool=cachegrind --cache-sim=yes --LL="$ll" \
        --cachegrind-out-file="$work/out/$4.cg" \
        tshark "${two[@]}" -r "$work/$3" "${filter[@]}" >/dev/null 2>"$work/out/$4.log") || {
        cat "$work/out/$4.log" >&2
        return 1
    }
}
pair() { # CAPTURE NAME-PREFIX
    log "cachegrind: without and with ($mode, $1)"
    simulate without sip "$1" "$2without" &
    local a=$!
    simulate with "$with_filter" "$1" "$2with" &
    local b=$!
    wait "$a" && wait "$b"
}
pair base.pcapng base-
pair capture.pcapng ""

if [ "$mode" = -V ]; then
    echo "capture: $calls calls${mix:+ ($mix only)}, $packets packets; mode: -V (tshark -V -r CAP, with and without the plugin)"
else
    echo "capture: $calls calls${mix:+ ($mix only)}, $packets packets; mode: $mode; with the plugin: -Y $with_filter, without: -Y sip"
fi
echo "plugin: $src_desc, Release build"
if [ -n "$fixed" ]; then
    echo "hashing seeds: fixed (SA_FIXED_RANDOM=${SA_FIXED_RANDOM:-1}), address randomisation off"
else
    echo "hashing seeds: random (runs of one configuration differ by up to +-150 estimated cycles per packet)"
fi
echo "simulated caches: $(grep -m3 '^desc:' "$work/out/with.cg" | sed 's/^desc: *//; s/  */ /g' | paste -sd';' | sed 's/;/; /g')"
echo
"$py" "$bench/cachesim_report.py" --packets "$packets" --base-packets "$base_packets" --target "$target" \
    "$work/out/base-without.cg" "$work/out/base-with.cg" "$work/out/without.cg" "$work/out/with.cg"
if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$work"/out/* "$keep"/
    log "cachegrind files kept in $keep"
fi
