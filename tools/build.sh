#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Configures and builds into ./build (or $1); extra arguments go to cmake.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
[ $# -gt 0 ] && shift
cmake -S "$top" -B "$build" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
