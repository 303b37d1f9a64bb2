#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The whole test suite:
#  1. build, then ctest: unit tests of src/ (cmocka), tshark integration tests, docs check;
#  2. build with AddressSanitizer + UndefinedBehaviorSanitizer and run the unit tests there;
#  3. a short fuzzing round: the libFuzzer harnesses of src/ (SA_FUZZ_SECONDS each, default 10)
#     and tshark on mutated captures with the sanitized plugin (SA_FUZZ_ROUNDS, default 1);
#  4. tshark with the plugin under valgrind memcheck on every capture (about 40 s).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/install-deps.sh"
"$top/tools/build.sh" "$top/build"
(cd "$top/build" && ctest --output-on-failure)
"$top/tools/build.sh" "$top/build-sanitize" -DSA_SANITIZE=ON -DSA_BUILD_PLUGIN=OFF
(cd "$top/build-sanitize" && ctest --output-on-failure)
"$top/tests/fuzz/run-fuzzers.sh" "${SA_FUZZ_SECONDS:-10}"
"$top/tools/fuzz-captures.sh" "${SA_FUZZ_ROUNDS:-1}"
"$top/tools/memcheck-captures.sh"
