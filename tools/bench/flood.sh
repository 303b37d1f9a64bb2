#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Hash-flooding benchmark (issue 18): tshark on crafted captures whose INVITE keys collide in
# the OLD transaction table (commit cd9e666), against the same traffic with ordinary branches.
# A script to run by hand, not a test (never run in CI): 10^6 crafted calls take many minutes
# on a plugin that floods.
#
#   tools/bench/flood.sh [--calls "100000 1000000"] [--before DIR] [--after DIR]
#                        [--build LABEL=DIR]... [--runs R] [--seed S] [--low-bits L]
#                        [--timeout SECS] [--no-without]
#
#   --calls "N..."     capture sizes, in calls (default "100000 1000000"); each call is one
#                      INVITE and its 486 (tools/bench/make_flood_capture.py)
#   --before DIR       a build folder (tools/build.sh DIR) labelled "before", e.g. the old code
#                      built in a worktree of cd9e666
#   --after DIR        a build folder labelled "after"
#   --build LABEL=DIR  any number of labelled build folders (--before/--after are shortcuts)
#                      Without any of these: ${SA_BUILD_DIR:-build}, labelled "with".
#   --runs R           timed runs per configuration and capture; the median is shown (the lower
#                      one for an even R; default 1)
#   --seed S           generator seed (default 1)
#   --low-bits L       low bits shared by the crafted keys (default 32)
#   --timeout SECS     stop a tshark run after SECS seconds and show ">SECS" (default: none)
#   --no-without       skip the plain tshark ("without": the same environment, empty plugin folder)
#
# Environment: SA_FLOOD_CACHE, where generated captures are kept (default /tmp/sa-flood; never
# in git). Captures are named by calls, seed, low bits and a hash of the generator files.
#
# Every run is `tshark -r CAPTURE -q -Y sip.analysis` (one pass; "without" the plugin the filter
# field does not exist, so it runs `-Y sip`, which costs the same), timed by
# /usr/bin/time -f '%e %M %U %S': wall seconds, peak RSS, and user + system CPU seconds, which a
# busy machine disturbs less than wall time. As root tshark ignores WIRESHARK_PLUGIN_DIR, so every
# configuration runs as nobody (see common.sh). Run it niced when the machine is shared:
#   nice -n 10 tools/bench/flood.sh --calls 100000 --before /work/flood-old/build --after build-flood
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
bench=$top/tools/bench
. "$bench/common.sh"

calls_list="100000 1000000"
runs=1
seed=1
low_bits=32
tmo=0
without=1
labels=()
dirs=()
add_build() {
    local label=${1%%=*} dir=${1#*=}
    case "$label" in ''|*[!A-Za-z0-9_-]*) echo "flood.sh: bad label in $1" >&2; exit 2 ;; esac
    [ "$label" != without ] || { echo "flood.sh: the label 'without' is taken" >&2; exit 2; }
    labels+=("$label")
    dirs+=("$dir")
}
while [ $# -gt 0 ]; do
    case "$1" in
        --calls) calls_list=$2; shift 2 ;;
        --before) add_build "before=$2"; shift 2 ;;
        --after) add_build "after=$2"; shift 2 ;;
        --build) add_build "$2"; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --low-bits) low_bits=$2; shift 2 ;;
        --timeout) tmo=$2; shift 2 ;;
        --no-without) without=0; shift ;;
        -h|--help) sed -n '3,34p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "flood.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$calls_list$runs$seed$low_bits$tmo" in *[!0-9\ ]*) echo "flood.sh: numbers expected" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "flood.sh: --runs must be at least 1" >&2; exit 2; }
[ ${#labels[@]} -gt 0 ] || add_build "with=${SA_BUILD_DIR:-$top/build}"

bench_need_pkg /usr/bin/time time
bench_need_pkg tshark tshark
bench_need_pkg setpriv util-linux

# The plugin of every build folder; all must be for the same Wireshark version.
sos=()
for i in "${!labels[@]}"; do
    s=$(ls "${dirs[$i]}"/plugins/*/epan/sip_analysis.so 2>/dev/null | head -n1 || true)
    [ -n "$s" ] || { echo "flood.sh: no plugin in ${dirs[$i]} (tools/build.sh ${dirs[$i]})" >&2; exit 1; }
    sos+=("$s")
done
so=${sos[0]}
ver=$(basename "$(dirname "$(dirname "$so")")")
bench_setup sa-flood           # $work/with (unused), $work/without, $work/home
for i in "${!labels[@]}"; do
    mkdir -p "$work/p-${labels[$i]}/$ver/epan"
    cp "${sos[$i]}" "$work/p-${labels[$i]}/$ver/epan/"
done
chmod -R a+rX "$work"
configs=()
[ "$without" = 0 ] || configs+=(without)
for l in "${labels[@]}"; do configs+=("p-$l"); done

# Each configuration loads the plugin it should, and only that one.
for cfg in "${configs[@]}"; do
    n=$(tsh "$cfg" -G plugins 2>/dev/null | grep -c sip_analysis || true)
    want=1
    [ "$cfg" != without ] || want=0
    [ "$n" = "$want" ] || { echo "flood.sh: $cfg lists sip_analysis $n times, expected $want" >&2; exit 1; }
done

cache=${SA_FLOOD_CACHE:-/tmp/sa-flood}
mkdir -p "$cache"
chmod a+rx "$cache"
genhash=$(cat "$bench/make_flood_capture.py" "$top/captures/make/oldhash.py" \
    "$top/captures/make/pcapng.py" | sha256sum | cut -c1-12)

# flood_capture CALLS KIND: path of the cached capture (crafted or normal), generated if missing.
flood_capture() {
    local f="$cache/flood-$1calls-seed$seed-low$low_bits-$2-$genhash.pcapng" opt=()
    [ "$2" = normal ] && opt=(--normal)
    if [ ! -s "$f" ]; then
        bench_log "generating $f"
        "$py" "$bench/make_flood_capture.py" --calls "$1" --seed "$seed" --low-bits "$low_bits" \
            "${opt[@]}" "$f" >&2
        chmod a+r "$f"
        # the same capture from an older generator (or an interrupted run) is stale
        find "$cache" -maxdepth 1 -name "flood-$1calls-seed$seed-low$low_bits-$2-*.pcapng*" \
            ! -name "${f##*/}" -delete
    fi
    printf '%s\n' "$f"
}

# timed CONFIG CAPTURE: one run; prints "wall rss_kib cpu" (">T - -" on timeout).
timed() {
    local cfg=$1 cap=$2 filt=sip.analysis pre=()
    [ "$cfg" != without ] || filt=sip
    [ "$tmo" = 0 ] || pre=(timeout --signal=KILL "$tmo")
    bench_env "$cfg"
    local rc=0
    (cd "$work" && /usr/bin/time -f '%e %M %U %S' -o "$work/out/time" "${pre[@]}" "${as_nobody[@]}" \
        "${envcmd[@]}" tshark -r "$cap" -q -Y "$filt" >/dev/null 2>"$work/out/err") || rc=$?
    if [ "$rc" != 0 ]; then
        if [ "$tmo" != 0 ] && grep -q -e 'signal 9' -e 'status 137' "$work/out/time"; then
            echo ">$tmo - -"
            return
        fi
        echo "flood.sh: tshark ($cfg, $cap) failed:" >&2
        cat "$work/out/err" "$work/out/time" >&2
        exit 1
    fi
    tail -n1 "$work/out/time" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}

# the median of each of the three columns, over lines on stdin
median3() {
    "$py" -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
def med(col):
    if any(v.startswith(">") or v == "-" for v in col):
        return col[-1]                # a timeout ends the runs: ">T" or "-"
    vals = sorted(float(v) for v in col)
    return "%g" % vals[(len(vals) - 1) // 2]      # of two runs, the faster
print(*(med([r[i] for r in rows]) for i in range(3)))'
}

bench_log "tshark $(tshark --version | head -n1 | sed 's/^TShark (Wireshark) //'), plugins:"
for i in "${!labels[@]}"; do
    bench_log "  ${labels[$i]}: ${sos[$i]}"
done
results=$work/out/results
: >"$results"
for calls in $calls_list; do
    for kind in normal crafted; do
        cap=$(flood_capture "$calls" "$kind")
        for cfg in "${configs[@]}"; do
            : >"$work/out/runs"
            for ((r = 1; r <= runs; r++)); do
                line=$(timed "$cfg" "$cap")
                bench_log "$calls calls $kind ${cfg#p-} run $r: $line (wall s, peak RSS KiB, CPU s)"
                echo "$line" >>"$work/out/runs"
                case "$line" in ">"*) break ;; esac
            done
            echo "$calls $kind ${cfg#p-} $(median3 <"$work/out/runs")" >>"$results"
        done
    done
done

echo
echo "tshark -r CAPTURE -q -Y sip.analysis (one pass), median of $runs run(s); crafted: old keys share"
echo "their low $low_bits bits; normal: the same traffic with random branches; wall and CPU (user +"
echo "system) in seconds; RSS = peak, MiB"
"$py" - "$results" <<'EOF'
import sys
rows = {}
order = []
for line in open(sys.argv[1]):
    calls, kind, cfg, wall, rss, cpu = line.split()
    rows[(calls, kind, cfg)] = (wall, rss, cpu)
    if (calls, cfg) not in order:
        order.append((calls, cfg))
def mib(v):
    return "-" if v == "-" else "%.0f" % (float(v) / 1024)
def ratio(a, b):
    if a.startswith(">") or b.startswith(">") or "-" in (a, b):
        return "-"
    return "%.2fx" % (float(a) / float(b)) if float(b) else "-"
fmt = "%9s  %-8s %9s %9s %8s  %9s %9s %8s  %8s %8s"
print(fmt % ("calls", "config", "normal", "crafted", "c/n", "normal", "crafted", "c/n",
             "normal", "crafted"))
print(fmt % ("", "", "wall s", "wall s", "wall", "CPU s", "CPU s", "CPU", "MiB", "MiB"))
for calls, cfg in order:
    n = rows.get((calls, "normal", cfg), ("-", "-", "-"))
    c = rows.get((calls, "crafted", cfg), ("-", "-", "-"))
    print(fmt % (calls, cfg, n[0], c[0], ratio(c[0], n[0]), n[2], c[2], ratio(c[2], n[2]),
                 mib(n[1]), mib(c[1])))
EOF
