#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the libFuzzer harnesses with clang in a temporary folder and fuzzes each for a while.
#   tests/fuzz/run-fuzzers.sh [seconds-per-harness]     (default 20)
# New corpus entries stay in the temporary folder; any crash, leak, timeout or out-of-memory input
# is copied to tests/fuzz/regressions/<harness>-<kind>-<sha1> (replayed by the unit test
# test_analyzer and by ctest fuzz.replay.*) and the script exits with status 1.
set -eu

secs=${1:-20}
case $secs in
'' | *[!0-9]*) echo "usage: $0 [seconds-per-harness]" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v clang >/dev/null 2>&1; then
    echo "clang is needed (apt-get install -y clang)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sa-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

cmake -S "$here" -B "$work/build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$work/configure.log" ||
    { cat "$work/configure.log" >&2; exit 2; }
cmake --build "$work/build" -j"$(nproc 2>/dev/null || echo 2)" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; exit 2; }

status=0
for h in fuzz_sip_message fuzz_analyzer fuzz_tag_list; do
    corpus="$work/corpus/$h"
    artifacts="$work/artifacts/$h"
    mkdir -p "$corpus" "$artifacts"
    dict=""
    [ "$h" = fuzz_tag_list ] || dict="-dict=$here/sip.dict"
    echo "== $h: $secs s"
    # New inputs go to the first folder (temporary); the seeds are only read.
    if "$work/build/$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" $dict "$corpus" "$here/corpus/$h" >"$work/$h.log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$h.log" | tail -n 1)
    cov=$(grep -E '^#[0-9]+' "$work/$h.log" | tail -n 1 | sed -n 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*/\1 \2/p')
    echo "   $result: ${execs:-?} executions, ${cov:-no coverage line}"
    found=0
    for f in "$artifacts"/*; do
        [ -e "$f" ] || continue
        found=1
        name=$(basename "$f")
        mkdir -p "$here/regressions"
        cp "$f" "$here/regressions/$h-$name"
        echo "   saved tests/fuzz/regressions/$h-$name"
    done
    if [ "$result" = FAILED ]; then
        grep -E 'ERROR|SUMMARY|invariant|runtime error' "$work/$h.log" | head -n 20 >&2 || true
        [ $found = 1 ] || tail -n 30 "$work/$h.log" >&2
    fi
done
exit $status
