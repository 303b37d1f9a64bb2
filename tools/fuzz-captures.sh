#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Mutation fuzzing of the plugin inside the real tshark, as Wireshark's own fuzz-test.sh does:
# every capture in captures/ is mutated with `editcap -E` (seeded, so a failure can be replayed),
# then dissected with `tshark -nVxr` and `tshark -q -Y sip.analysis -r`, one-pass and -2, with the
# plugin built with AddressSanitizer + UndefinedBehaviorSanitizer and wmem in strict mode. Any
# crash, non-zero exit or sanitizer report fails, and the mutated file is kept in $SA_FUZZ_KEEP
# (default ./fuzz-failures).
# Usage: tools/fuzz-captures.sh [rounds, default 3] [error probability, default 0.02]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
prob=${2:-0.02}
build=${SA_ASAN_BUILD_DIR:-$top/build-asan}
keep=${SA_FUZZ_KEEP:-$top/fuzz-failures}
"$top/tools/build.sh" "$build" -DSA_SANITIZE=ON -DBUILD_TESTING=OFF >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
asan=$(gcc -print-file-name=libasan.so)
ubsan=$(gcc -print-file-name=libubsan.so)
san() {
    # tshark itself is not instrumented: the runtimes come first so the plugin's checks work.
    # Leak checking is off: Wireshark frees its file-scope memory in bulk on exit paths the
    # sanitizer cannot follow; use valgrind for leaks.
    SA_BUILD_DIR="$build" LD_PRELOAD="$asan $ubsan" \
        ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        WIRESHARK_DEBUG_WMEM_OVERRIDE=strict timeout 120 "$top/tools/tshark-with-plugin.sh" "$@"
}
# A sanitized plugin that failed to load would make every run pass: check it annotates.
n=$(san -r "$top/captures/hm-timers.pcapng" -Y sip.analysis.class -T fields -e frame.number | wc -l)
[ "$n" -eq 18 ] || { echo "the sanitized plugin did not load (got $n annotated frames)" >&2; exit 1; }
runs=0
for round in $(seq 1 "$rounds"); do
    for cap in "$top"/captures/*.pcapng; do
        seed=$((round * 1000 + runs))
        mutated="$work/$(basename "$cap" .pcapng)-r$round-s$seed.pcapng"
        editcap -E "$prob" --seed "$seed" "$cap" "$mutated" >/dev/null 2>&1
        # -nVx shows the whole tree (every field and expert info); -q -Y sip.analysis shows none,
        # the plugin's other path (only its item: plugin/render.c).
        for run in "-nVx" "-nVx -2" "-n -q -Y sip.analysis" "-n -q -Y sip.analysis -2"; do
            runs=$((runs + 1))
            # shellcheck disable=SC2086 # $run holds several arguments
            if ! san $run -r "$mutated" >/dev/null 2>"$work/stderr" ||
                grep -q -E "AddressSanitizer|runtime error:" "$work/stderr"; then
                mkdir -p "$keep"
                cp "$mutated" "$keep/"
                echo "FAIL: tshark $run on $(basename "$mutated") (kept in $keep)" >&2
                tail -n 30 "$work/stderr" >&2
                exit 1
            fi
        done
    done
done
echo "fuzz-captures: $runs tshark runs on $rounds round(s) of mutated captures, no crash or sanitizer report"
