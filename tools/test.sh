#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The whole test suite: installs what is needed, builds, runs unit and integration tests
# (ctest), then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs the
# unit tests there.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/install-deps.sh"
"$top/tools/build.sh" "$top/build"
(cd "$top/build" && ctest --output-on-failure)
"$top/tools/build.sh" "$top/build-sanitize" -DSA_SANITIZE=ON -DSA_BUILD_PLUGIN=OFF
(cd "$top/build-sanitize" && ctest --output-on-failure)
