#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Where the plugin's time goes: callgrind profiles of tshark with and without the plugin.
#
#   tools/bench/profile.sh [--calls N] [--seed S] [--keep DIR] [--top N]
#
#   --calls N   calls in the profiled capture (default 2000, about 13 000 packets)
#   --keep DIR  keep the callgrind files and the callgrind_annotate output in DIR
#   --top N     rows in each table (default 15)
#
# Builds the plugin as a Release build with debug information (-O3 as benchmarked, plus -g, in
# ${SA_BENCH_PROF_BUILD:-/tmp/build-bench-prof}), takes the capture from the benchmark cache (see
# run-bench.sh), and runs `valgrind --tool=callgrind tshark -r CAP -q -Y sip.analysis` with the
# plugin and `... -Y sip` without it, both as nobody when root (same setup as run-bench.sh: the
# only difference is the plugin folder). Prints callgrind_annotate's top functions of the plugin
# and tools/bench/callgrind_summary.py's comparison (instruction totals, the plugin's share,
# its top functions, what it calls in Wireshark, and which functions grew).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
bench=$top/tools/bench
py=/usr/bin/python3
calls=2000
seed=1
keep=
rows=15
while [ $# -gt 0 ]; do
    case "$1" in
        --calls) calls=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        --top) rows=$2; shift 2 ;;
        -h|--help) sed -n '3,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "profile.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
log() { printf '== %s\n' "$*" >&2; }

if ! command -v valgrind >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        log "installing valgrind"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
    else
        echo "profile.sh: valgrind missing (apt-get install valgrind)" >&2; exit 1
    fi
fi

build=${SA_BENCH_PROF_BUILD:-/tmp/build-bench-prof}
log "building the plugin (Release + -g) in $build"
"$top/tools/build.sh" "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g >/dev/null
so=$(ls "$build"/plugins/*/epan/sip_analysis.so | head -n1)
ver=$(basename "$(dirname "$(dirname "$so")")")

cache=${SA_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sip-analysis-bench}
mkdir -p "$cache"
genhash=$(cat "$bench/make_bench_capture.py" "$top/captures/make/pcapng.py" | sha256sum | cut -c1-12)
src="$cache/bench-${calls}calls-seed$seed-$genhash.pcapng"
if [ ! -s "$src" ]; then
    log "generating $src"
    "$py" "$bench/make_bench_capture.py" --calls "$calls" --seed "$seed" "$src" >&2
fi

work=$(mktemp -d /tmp/sa-prof.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/with/$ver/epan" "$work/without/$ver/epan" "$work/home" "$work/out"
cp "$so" "$work/with/$ver/epan/"
cp "$src" "$work/capture.pcapng"
chmod -R a+rX "$work"
pre=()
if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$work/home" "$work/out"
    pre=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi

profile() { # CONFIG FILTER
    log "callgrind: $1 (-Y $2)"
    (cd "$work" && "${pre[@]}" env -i HOME="$work/home" PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 \
        TZ=UTC WIRESHARK_PLUGIN_DIR="$work/$1" \
        valgrind --tool=callgrind --callgrind-out-file="$work/out/$1.callgrind" \
        tshark -r "$work/capture.pcapng" -q -Y "$2" >/dev/null 2>"$work/out/$1.valgrind.log") || {
        cat "$work/out/$1.valgrind.log" >&2
        exit 1
    }
}
profile without sip
profile with sip.analysis

echo "capture: $calls calls, $(capinfos -M -c -T -r "$work/capture.pcapng" | cut -f2) packets; plugin: Release (-O3 -g)"
echo
echo "### callgrind_annotate (with the plugin): the plugin's functions, self cost"
echo
echo '```'
callgrind_annotate --threshold=100 "$work/out/with.callgrind" >"$work/out/with.annotate.txt" 2>/dev/null
# the header, then the plugin's own rows (its sources are under src/ and plugin/)
sed -n '1,/^Ir/p' "$work/out/with.annotate.txt" | grep -E '^(Ir|[0-9,]+ .*PROGRAM TOTALS)' || true
grep -E "($top/)?(src|plugin)/[a-z_0-9]+\.[ch]:" "$work/out/with.annotate.txt" | head -n "$rows" || true
echo '```'
echo
"$py" "$bench/callgrind_summary.py" --top "$rows" "$work/out/with.callgrind" "$work/out/without.callgrind"
if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$work"/out/* "$keep"/
    callgrind_annotate --threshold=100 "$work/out/without.callgrind" >"$keep/without.annotate.txt" 2>/dev/null
    callgrind_annotate --inclusive=yes --threshold=99 "$work/out/with.callgrind" \
        >"$keep/with.inclusive.txt" 2>/dev/null
    log "profiles kept in $keep"
fi
