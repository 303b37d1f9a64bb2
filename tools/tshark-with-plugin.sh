#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs tshark with the plugin from the build folder, without installing it anywhere.
# tshark ignores personal plugins and WIRESHARK_PLUGIN_DIR when run as root, so as root it runs
# as the unprivileged user nobody, with the plugin and the capture files copied to a temporary
# folder that user can read. Usage: tools/tshark-with-plugin.sh [tshark arguments]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
so=$(ls "${SA_BUILD_DIR:-$top/build}"/plugins/*/epan/sip_analysis.so 2>/dev/null | head -n1)
[ -n "$so" ] || { echo "build the plugin first (tools/build.sh)" >&2; exit 1; }
ver=$(basename "$(dirname "$(dirname "$so")")")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/plugins/$ver/epan" "$tmp/home"
cp "$so" "$tmp/plugins/$ver/epan/"
# Copy files named on the command line (after -r) so the unprivileged user can read them.
n=0
for a in "$@"; do
    n=$((n + 1))
    if [ -f "$a" ]; then
        cp "$a" "$tmp/arg$n-$(basename "$a")"
        set -- "$@" "$tmp/arg$n-$(basename "$a")"
    else
        set -- "$@" "$a"
    fi
done
shift "$n"
chmod -R a+rX "$tmp"
# SA_TSHARK_PREFIX: a command tshark runs under, e.g. "valgrind --log-file=F" (split at spaces).
# shellcheck disable=SC2086
if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$tmp/home"
    cd "$tmp"
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
        env HOME="$tmp/home" WIRESHARK_PLUGIN_DIR="$tmp/plugins" ${SA_TSHARK_PREFIX:-} tshark "$@"
else
    HOME="$tmp/home" WIRESHARK_PLUGIN_DIR="$tmp/plugins" ${SA_TSHARK_PREFIX:-} tshark "$@"
fi
