#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs what building and testing the plugin needs on Debian (bookworm or later).
set -eu
PKGS="cmake gcc clang make pkg-config tshark libwireshark-dev wireshark-dev libcmocka-dev python3 python3-pytest util-linux valgrind parallel"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# tshark asks whether non-root users may capture: answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
