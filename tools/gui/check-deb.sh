#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Round trip of the Debian package on this machine (needs root and dpkg):
#   build it with CPack as a user build (cmake -DSA_INSTALL_SYSTEM=ON -DBUILD_TESTING=OFF, in a
#   build folder of its own; cpack -G DEB), check its control fields and contents (the plugin in
#   the system folder; copyright, README, every docs/*.md, the coloring rules and the screenshots
#   under /usr/share/doc/<package>/; nothing else), dpkg -i it with a personal copy of the plugin
#   planted in a temporary /home/<folder> (the postinst must name it and leave it), check that
#   tshark (as root, so with system plugins only) loads sip_analysis.so and that a sip.analysis
#   display filter matches the expected frames, then dpkg -r it again: the machine is left as it
#   was, also when a check fails or on a signal.
# Also checks that the installed plugin's statistic runs (tshark -z sip.analysis,stat).
# Bounded: the build 600 s, cpack 300 s, each dpkg 120 s, each tshark 60 s (a run takes ~15 s).
# Usage: tools/gui/check-deb.sh [build-dir]   (default: ./build-deb)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build-deb}
pkg=wireshark-plugin-sip-analysis

fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
trap 'exit 1' INT TERM HUP  # so that the EXIT trap below (dpkg -r) runs on a signal too
[ "$(id -u)" -eq 0 ] || fail "run as root (dpkg -i / dpkg -r)"
command -v dpkg >/dev/null || fail "dpkg not found: Debian-based systems only"

if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    fail "$pkg is already installed: remove it first (dpkg -r $pkg), this check must not replace it"
fi
# The system plugin folder tshark reads (e.g. /usr/lib/x86_64-linux-gnu/wireshark/plugins/4.0).
sysdir=$(timeout 60 tshark -G folders 2>/dev/null | awk -F'\t' '/^Global Plugins:/ {print $NF}')
[ -n "$sysdir" ] || fail "tshark -G folders names no global plugin folder"
if [ -e "$sysdir/epan/sip_analysis.so" ]; then
    fail "$sysdir/epan/sip_analysis.so exists outside the package (a manual system install?): remove it first"
fi

echo "== build the package in $build"
mkdir -p "$build"
timeout 300 cmake -S "$top" -B "$build" -DSA_INSTALL_SYSTEM=ON -DBUILD_TESTING=OFF > "$build/configure.log" 2>&1 ||
    { cat "$build/configure.log"; fail "cmake configure failed"; }
grep "cmake --install will put sip_analysis.so into $sysdir/epan\$" "$build/configure.log" ||
    fail "configure does not say that cmake --install puts the plugin into $sysdir/epan"
jobs=$(nproc); [ "$jobs" -le 2 ] || jobs=2
timeout 600 cmake --build "$build" -j"$jobs" >/dev/null || fail "build failed or took over 600 s"
[ -f "$build/CPackConfig.cmake" ] || fail "no CPackConfig.cmake: is include(cmake/packaging.cmake) in CMakeLists.txt?"
rm -f "$build"/${pkg}_*.deb
(cd "$build" && timeout 300 cpack -G DEB >/dev/null) || fail "cpack failed or took over 300 s"
# shellcheck disable=SC2012  # one file, name without blanks
deb=$(ls "$build"/${pkg}_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "cpack made no .deb"
echo "   $(basename "$deb")"

echo "== control fields and contents"
arch=$(dpkg --print-architecture)
[ "$(dpkg-deb -f "$deb" Package)" = "$pkg" ] || fail "Package field"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$arch" ] || fail "Architecture is not $arch"
lib=$(dpkg -S "$(readlink -f /usr/lib/*/libwireshark.so.*[0-9] | head -n1)" | cut -d: -f1)
depends=$(dpkg-deb -f "$deb" Depends)
echo "   Depends: $depends"
echo "$depends" | grep -q "$lib (>= " || fail "Depends lacks a lower bound on $lib"
echo "$depends" | grep -q "$lib (<< " || fail "Depends lacks an upper bound on $lib"
dpkg-deb -f "$deb" Description | grep -q "GPL-2.0-or-later" || fail "licence not named"
so_path=$(dpkg-deb -c "$deb" | awk '{print $NF}' | grep '/epan/sip_analysis\.so$' || true)
[ -n "$so_path" ] || fail "no epan/sip_analysis.so in the package"
so_path=${so_path#.}
[ "$so_path" = "$sysdir/epan/sip_analysis.so" ] || \
    fail "plugin at $so_path, not in the system folder $sysdir/epan"
echo "   $so_path"
doc=/usr/share/doc/$pkg
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $NF}' | sed 's/^\.//' | sort > "$build/contents.txt"
want() { grep -qxF "$1" "$build/contents.txt" || fail "$1 is not in the package"; }
want "$doc/copyright"
want "$doc/README.md"
want "$doc/docs/coloring-rules.txt"
for f in "$top"/docs/*.md; do want "$doc/docs/$(basename "$f")"; done
for f in "$top"/docs/screenshots/*.png; do want "$doc/docs/screenshots/$(basename "$f")"; done
others=$(grep -vxF "$so_path" "$build/contents.txt" | grep -v "^$doc/" || true)
[ -z "$others" ] || fail "files besides the plugin and its docs (test tools?): $others"
echo "   $(wc -l < "$build/contents.txt") files: the plugin, and $doc/ (copyright, README.md, docs/*.md, coloring-rules.txt, screenshots)"
dpkg-deb -I "$deb" postinst > "$build/postinst.txt" 2>/dev/null || fail "no postinst in the package"
head -n1 "$build/postinst.txt" | grep -q '^#!/bin/sh' || fail "postinst is not a /bin/sh script"
sh -n "$build/postinst.txt" || fail "postinst has a syntax error"

# A personal copy of the plugin, as `cmake --install` of a personal build would have left it,
# in a user folder of our own under /home (removed again on exit).
fakehome=$(mktemp -d /home/sa-check-deb.XXXXXX)
trap 'rm -rf "$fakehome"' EXIT
ver=$(basename "$sysdir")
personal=$fakehome/.local/lib/wireshark/plugins/$ver/epan/sip_analysis.so
mkdir -p "$(dirname "$personal")"
echo "not a plugin: planted by tools/gui/check-deb.sh" > "$personal"

echo "== dpkg -i (with a personal copy planted in $fakehome)"
trap 'rm -rf "$fakehome"; echo "== dpkg -r"; timeout 120 dpkg -r "$pkg" >/dev/null' EXIT
timeout 120 dpkg -i "$deb" > "$build/dpkg-i.txt" 2>&1 || { cat "$build/dpkg-i.txt"; fail "dpkg -i failed"; }
[ -f "$so_path" ] || fail "$so_path not installed"
grep -F "found in multiple directories" "$build/dpkg-i.txt" | sed 's/^/   /' ||
    fail "the postinst does not warn about the personal copy"
grep -F "rm '$personal'" "$build/dpkg-i.txt" | sed 's/^/   /' || fail "the postinst does not name $personal"
[ -f "$personal" ] || fail "the postinst removed the personal copy $personal"
for f in README.md docs/install.md docs/coloring-rules.txt; do
    [ -f "$doc/$f" ] || fail "$doc/$f not installed"
done

echo "== tshark -G plugins (as root: system plugins only)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$fakehome"; echo "== dpkg -r"; timeout 120 dpkg -r "$pkg" >/dev/null' EXIT
# An empty HOME keeps any personal copy of the plugin out of the picture.
HOME="$tmp" timeout 60 tshark -G plugins > "$tmp/plugins.txt"
grep "sip_analysis\.so" "$tmp/plugins.txt" || fail "tshark does not list sip_analysis.so"
grep -q "$so_path" "$tmp/plugins.txt" || fail "sip_analysis.so not loaded from $so_path"

echo "== tshark -r captures/hm-classes-udp.pcapng -Y 'sip.analysis.class >= 4'"
HOME="$tmp" timeout 60 tshark -r "$top/captures/hm-classes-udp.pcapng" -Y 'sip.analysis.class >= 4' > "$tmp/out.txt"
cat "$tmp/out.txt"
frames=$(awk '{print $1}' "$tmp/out.txt" | tr '\n' ' ')
[ "$frames" = "12 15 18 21 24 27 " ] || fail "frames '$frames', expected '12 15 18 21 24 27 '"

echo "== tshark -q -z sip.analysis,stat -r captures/hm-timers.pcapng"
HOME="$tmp" timeout 60 tshark -q -z sip.analysis,stat -r "$top/captures/hm-timers.pcapng" > "$tmp/stat.txt" ||
    fail "tshark -z sip.analysis,stat failed"
grep -E "^(SIP Analysis:|Responses by class|100 Trying timers)" "$tmp/stat.txt" | sed 's/  */ /g; s/^/   /'
grep -q "^Responses by class (retransmissions not counted) *16 " "$tmp/stat.txt" ||
    fail "the statistic does not count the 16 responses of hm-timers.pcapng"

rm -rf "$tmp" "$fakehome"
trap - EXIT
echo "== dpkg -r"
timeout 120 dpkg -r "$pkg" >/dev/null || fail "dpkg -r failed"
[ ! -e "$so_path" ] || fail "$so_path left behind after dpkg -r"
[ ! -e "$doc" ] || fail "$doc left behind after dpkg -r"
dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" && fail "$pkg still installed"
echo "check-deb: OK ($(basename "$deb"))"
