#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Screenshots of the plugin in the Wireshark Qt GUI, taken under Xvfb, for docs/screenshots/:
#   sip-analysis-tree.png  frame 8 of captures/hm-421-edge.pcapng (a 421 Extension Required) with
#                          the SIP Analysis subtree and its expert infos expanded
#   expert-info.png        Analyze > Expert Information for that capture (opened with -z expert),
#                          the group "421: the request did not offer a required option tag" open
#   about-plugins.png      Help > About Wireshark > Plugins, listing sip_analysis.so
#   stats.png              Telephony > SIP Analysis, the plugin's statistics tables (opened with
#                          -z sip.analysis,table, the same window as the menu item), for
#                          captures/hm-classes-udp.pcapng
#   coloring.png           the packet list colored by docs/coloring-rules.txt (above Wireshark's
#                          default rules, as after View > Coloring Rules > Import), for
#                          captures/hm-classes-udp.pcapng over captures/hm-auth.pcapng
#
# Installs wireshark-qt xvfb xdotool imagemagick if they are missing (apt-get, as root or with sudo).
# The plugin comes from the build folder, not from an installed copy: like tools/tshark-with-plugin.sh
# it is put in a temporary plugin folder named by WIRESHARK_PLUGIN_DIR, with a temporary HOME (fixed
# window geometry and panes, nothing from the user's own profile). Wireshark ignores both when run as
# root, so as root the GUI runs as the unprivileged user nobody.
#
# Fails unless the plugin is loaded in the GUI itself: a Lua script run inside Wireshark
# (-X lua_script:) must find the field sip.analysis.class, and tshark -G plugins in the same
# environment must list sip_analysis.so from the temporary folder.
#
# Usage: [SA_BUILD_DIR=build] tools/gui/screenshots.sh [output-folder]   (default docs/screenshots)
# Build first: tools/build.sh (or tools/build.sh /tmp/build-gui and SA_BUILD_DIR=/tmp/build-gui).
#
# Other captures (optional; unset or empty: the defaults above, for docs/screenshots):
#   SA_SHOT_CAPTURE=FILE        capture for the tree and Expert Information shots (and About)
#   SA_SHOT_FRAME=N             frame selected for the tree shot (a number from 1 to the frame count)
#   SA_SHOT_STATS_CAPTURE=FILE  capture for the statistics shot
#   SA_SHOT_COLOR_CAPTURES="FILE ..."  captures for the coloring shot, one packet list each, stacked
#                               (file names without spaces)
# With SA_SHOT_CAPTURE set, Expert Information opens no group (the 421 group is that of the default
# capture): the shot shows the groups' summaries, collapsed.
#
# Bounded: every step that waits has a limit (apt-get 600 s, tshark 60 s, each xdotool and
# ImageMagick call 10-30 s, each window 60 s, Wireshark 10 s to quit before it is killed); Xvfb and
# Wireshark are stopped on every exit, also on a failure or a signal. A run takes about a minute.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$top/docs/screenshots}
capture=${SA_SHOT_CAPTURE:-$top/captures/hm-421-edge.pcapng}
frame=${SA_SHOT_FRAME:-8}
stats_capture=${SA_SHOT_STATS_CAPTURE:-$top/captures/hm-classes-udp.pcapng}
color_captures=${SA_SHOT_COLOR_CAPTURES:-$top/captures/hm-classes-udp.pcapng $top/captures/hm-auth.pcapng}
color_rules=$top/docs/coloring-rules.txt
expert_group="421: the request did not"  # typed to open that group in Expert Information
[ -z "${SA_SHOT_CAPTURE:-}" ] || expert_group=""

fail() { echo "screenshots: FAIL: $*" >&2; exit 1; }
log() { echo "screenshots: $*"; }

# shellcheck disable=SC2012  # one fixed file name
so=$(ls "${SA_BUILD_DIR:-$top/build}"/plugins/*/epan/sip_analysis.so 2>/dev/null | head -n1)
[ -n "$so" ] || fail "build the plugin first (tools/build.sh), or set SA_BUILD_DIR"
ver=$(basename "$(dirname "$(dirname "$so")")")
[ -f "$capture" ] || fail "$capture not found"
[ -f "$stats_capture" ] || fail "$stats_capture not found"
for c in $color_captures; do [ -f "$c" ] || fail "$c not found"; done
[ -f "$color_rules" ] || fail "$color_rules not found"
case $frame in
    "" | *[!0-9]* | 0*) fail "SA_SHOT_FRAME must be a frame number (1, 2, ...), not '$frame'" ;;
esac
[ "${#frame}" -le 9 ] || fail "SA_SHOT_FRAME $frame is out of range"

# --- Packages.
missing=""
for p in wireshark-qt xvfb xdotool imagemagick; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    log "installing$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
    $SUDO timeout 600 apt-get update -qq || fail "apt-get update failed or took over 600 s"
    # shellcheck disable=SC2086  # one word per package
    $SUDO env DEBIAN_FRONTEND=noninteractive timeout 600 \
        apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
        fail "apt-get install$missing failed or took over 600 s"
fi

# --- Temporary plugin folder, HOME and Wireshark profile.
tmp=$(mktemp -d)
xvfb_pid=""
ws_pid=""
made_x11_dir=no
stop_pid() {  # stop_pid PID: TERM, up to 10 s to go, then KILL
    kill "$1" 2>/dev/null || return 0
    i=0
    while kill -0 "$1" 2>/dev/null && [ $i -lt 20 ]; do sleep 0.5; i=$((i + 1)); done
    kill -9 "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
cleanup() {
    [ -z "$ws_pid" ] || stop_pid "$ws_pid"
    [ -z "$xvfb_pid" ] || stop_pid "$xvfb_pid"
    [ "$made_x11_dir" = no ] || rmdir /tmp/.X11-unix 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
mkdir -p "$tmp/plugins/$ver/epan" "$tmp/home/.config/wireshark" "$tmp/shots"
cp "$so" "$tmp/plugins/$ver/epan/"
# Each in its own folder: two captures may have the same name.
mkdir "$tmp/cap" "$tmp/stats" "$tmp/color"
cp "$capture" "$tmp/cap/"
cp "$stats_capture" "$tmp/stats/"
n=0
for c in $color_captures; do  # numbered folders: the order of the stack, and names may repeat
    n=$((n + 1)); mkdir "$tmp/color/$n"; cp "$c" "$tmp/color/$n/"
done
cap=$tmp/cap/$(basename "$capture")
stats_cap=$tmp/stats/$(basename "$stats_capture")
: > "$tmp/lua-check.txt"

# Window geometry and panes (recent_common / recent): packet list over packet details, no bytes pane.
cat > "$tmp/home/.config/wireshark/recent_common" <<'EOF'
gui.geometry_main_x: 0
gui.geometry_main_y: 0
gui.geometry_main_width: 1100
gui.geometry_main_height: 1000
gui.geometry_main_maximized: FALSE
privs.warn_if_elevated: FALSE
sys.warn_if_no_capture: FALSE
EOF
cat > "$tmp/home/.config/wireshark/recent" <<'EOF'
gui.byte_view_show: FALSE
gui.packet_diagram_show: FALSE
gui.geometry_main_upper_pane: 120
EOF
# Runs inside Wireshark: proves that the GUI process itself has the plugin's fields.
cat > "$tmp/check.lua" <<'EOF'
local ok = pcall(Field.new, "sip.analysis.class")
local f = assert(io.open(os.getenv("SA_GUI_CHECK"), "w"))
f:write(ok and "sip.analysis loaded\n" or "sip.analysis missing\n")
f:close()
EOF

as_user() {  # exec "$@" as the unprivileged user with the temporary HOME and plugin folder;
             # call it in a subshell: ( as_user CMD ... )
    if [ "$(id -u)" -eq 0 ]; then
        exec setpriv --reuid=nobody --regid=nogroup --clear-groups \
            env HOME="$tmp/home" WIRESHARK_PLUGIN_DIR="$tmp/plugins" SA_GUI_CHECK="$tmp/lua-check.txt" \
            XDG_RUNTIME_DIR="$tmp/home" "$@"
    fi
    exec env HOME="$tmp/home" WIRESHARK_PLUGIN_DIR="$tmp/plugins" SA_GUI_CHECK="$tmp/lua-check.txt" \
        XDG_RUNTIME_DIR="$tmp/home" "$@"
}
if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody "$tmp/home" "$tmp/lua-check.txt"
    chmod 0700 "$tmp/home"
    if [ ! -d /tmp/.X11-unix ]; then
        mkdir /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix && made_x11_dir=yes
    fi
fi
chmod a+rx "$tmp" && chmod -R a+rX "$tmp/plugins" "$tmp/check.lua" "$tmp/cap" "$tmp/stats" "$tmp/color"

# --- Is the plugin loadable from there?
(as_user timeout 60 tshark -G plugins) 2>/dev/null | grep -q "$tmp/plugins/$ver/epan/sip_analysis.so" ||
    fail "tshark -G plugins does not list sip_analysis.so from the temporary plugin folder"
(as_user timeout 60 tshark -z help) 2>&1 | grep -q "^ *sip\.analysis,table$" ||
    fail "the plugin registers no statistics tables (tshark -z help lists no sip.analysis,table)"
# The frame to select must exist (wireshark -g with a frame past the end selects nothing).
last=$( (as_user timeout 60 tshark -r "$cap" -c "$frame" -T fields -e frame.number) 2>/dev/null |
    tail -n1)
[ "$last" = "$frame" ] || fail "$(basename "$cap") has no frame $frame (it ends at frame ${last:-?})"

# --- X server: a free display chosen by Xvfb itself (-displayfd).
(as_user Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp) 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
i=0
while [ ! -s "$tmp/display" ]; do
    i=$((i + 1)); [ $i -le 100 ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
    sleep 0.1
done
DISPLAY=:$(head -n1 "$tmp/display")
export DISPLAY
log "Xvfb on $DISPLAY"

xdo() { timeout 10 xdotool "$@"; }  # xdotool, bounded (windowfocus --sync can wait forever)
ws_opts="-o capture.no_interface_load:TRUE -o gui.update.enabled:FALSE"
lua_check=yes
start_ws() {  # start_ws WINDOW-NAME-REGEX [wireshark arguments]: starts Wireshark, waits for the window
    name=$1; shift
    : > "$tmp/lua-check.txt"
    lua=""
    [ "$lua_check" = no ] || lua="-X lua_script:$tmp/check.lua"
    # shellcheck disable=SC2086
    (as_user wireshark $ws_opts $lua "$@") >"$tmp/wireshark.log" 2>&1 &
    ws_pid=$!
    i=0
    while ! xdo search --name "$name" >/dev/null 2>&1; do
        i=$((i + 1))
        kill -0 "$ws_pid" 2>/dev/null || ws_exited
        [ $i -le 120 ] || fail "no window named '$name' after 60 s (a plugin that fails to load makes
Wireshark wait on an error dialog); wireshark said: $(tail -n 5 "$tmp/wireshark.log")"
        sleep 0.5
    done
    [ "$lua_check" = no ] || grep -q "sip.analysis loaded" "$tmp/lua-check.txt" ||
        fail "the plugin is not loaded in Wireshark (Lua check: $(cat "$tmp/lua-check.txt"))"
    sleep 3  # let it finish reading and drawing
}
ws_exited() {  # fails with Wireshark's exit status (139: a crash, SIGSEGV) and its last words
    rc=0
    wait "$ws_pid" || rc=$?
    ws_pid=""
    fail "wireshark exited (status $rc$([ "$rc" -ne 139 ] || echo ": segmentation fault")): $(tail -n 5 "$tmp/wireshark.log")"
}
stop_ws() {
    stop_pid "$ws_pid"
    ws_pid=""
}
main_window() {  # main_window [CAPTURE]: the main window, named after the capture file
    xdo search --name "^$(basename "${1:-$cap}")" | head -n1
}
shoot() {  # shoot WINDOW-ID NAME: the window's content, quantised to 256 colours
    xdo mousemove 1279 1023  # no hover highlight
    sleep 0.5
    timeout 30 import -window "$1" "$tmp/shots/$2.full.png" || fail "$2: import failed"
    timeout 30 convert "$tmp/shots/$2.full.png" -strip -colors 256 "PNG8:$tmp/shots/$2" ||
        fail "$2: convert failed"
    log "$2: $(identify -format '%wx%h' "$tmp/shots/$2"), $(($(stat -c %s "$tmp/shots/$2") / 1024)) KiB"
}

# --- (a) The 421 in frame 8 with the SIP Analysis subtree.
start_ws "$(basename "$cap")" -r "$cap" -g "$frame"
w=$(main_window)
xdo windowfocus --sync "$w"
# A click in the empty lower part of the packet details pane gives it the keyboard. Then: collapse
# all, go to the last top-level item (SIP), open it one level, go to its last child (SIP Analysis)
# and expand that one with all its subtrees.
xdo mousemove --window "$w" 550 940 click 1
sleep 0.5
xdo key Home ctrl+Left End Right
sleep 0.5
xdo key End shift+Right
sleep 1
shoot "$w" sip-analysis-tree.png
stop_ws

# --- (b) Expert Information (-z expert opens Analyze > Expert Information).
start_ws "Expert Information" -r "$cap" -z expert
e=$(xdo search --name "Expert Information" | head -n1)
xdo windowmove "$e" 0 0 windowsize "$e" 1100 560
sleep 1
xdo windowfocus --sync "$e"
# Open the group of the 421 shown in (a), to show the packets behind a summary. The groups' order
# changes when the plugin gains expert infos, so the group is found by its summary: a click in the
# Summary column of the first row, then typing the summary's start (the tree's keyboard search,
# in the column of the current item), then Right to expand it.
xdo mousemove --window "$e" 300 41 click 1
sleep 0.5
if [ -n "$expert_group" ]; then
    xdo type --delay 40 "$expert_group"
    xdo key Right
    sleep 1
fi
shoot "$e" expert-info.png
stop_ws

# --- (d) Help > About Wireshark > Plugins: the GUI's own list of loaded plugins. About is the last
# item of the Help menu (Up wraps round to it); Plugins is the fourth tab. Without the Lua check
# here, so that the list shows only what a user would see.
lua_check=no
start_ws "$(basename "$cap")" -r "$cap"
w=$(main_window)
xdo windowfocus --sync "$w"
xdo key alt+h
sleep 0.7
xdo key Up Return
i=0
until a=$(xdo search --name "^About Wireshark" 2>/dev/null | head -n1) && [ -n "$a" ]; do
    i=$((i + 1)); [ $i -le 20 ] || fail "Help > About Wireshark did not open"
    sleep 0.5
done
sleep 1
xdo windowmove "$a" 0 0 windowsize "$a" 900 420
sleep 1
xdo windowfocus --sync "$a"
xdo key ctrl+Tab ctrl+Tab ctrl+Tab
sleep 1
shoot "$a" about-plugins.png
stop_ws
lua_check=yes

# --- (c) Telephony > SIP Analysis on captures/hm-classes-udp.pcapng (failures by code, 100 Trying
# findings, 420/421 causes, responses by code, timers with percentiles). The statistics are
# Wireshark's generic statistics tables: the Qt GUI registers each such table under its -z name
# ("sip.analysis,table"), as the Telephony menu item, and opens that window when started with -z,
# as with -z expert above. The window is titled "Wireshark · SIP Analysis · hm-classes-udp.pcapng".
# A plugin that crashes Wireshark there fails the script with "status 139: segmentation fault".
stats_re="SIP Analysis.*$(basename "$stats_cap")"
start_ws "$stats_re" -r "$stats_cap" -z sip.analysis,table
stats=$(xdo search --name "$stats_re" 2>/dev/null | head -n1 || true)
kill -0 "$ws_pid" 2>/dev/null || ws_exited
[ -n "$stats" ] || fail "the window '$stats_re' closed again"
log "stats window: $(xdo getwindowname "$stats")"
xdo windowmove "$stats" 0 0 windowsize "$stats" 1200 760
sleep 1
xdo windowfocus --sync "$stats"
shoot "$stats" stats.png
stop_ws

# --- (e) The coloring rules applied. docs/coloring-rules.txt is in the colorfilters format: it is
# the profile's colorfilters file as it is, followed by Wireshark's default rules (what Import
# gives, the plugin's rules on top). One packet list per capture (the packet details pane hidden,
# no packet selected), stacked top to bottom into one picture.
global_cf=""
for f in /usr/share/wireshark/colorfilters /usr/local/share/wireshark/colorfilters; do
    if [ -f "$f" ]; then global_cf=$f; break; fi
done
{ cat "$color_rules"; [ -z "$global_cf" ] || grep -v '^#' "$global_cf"; } \
    > "$tmp/home/.config/wireshark/colorfilters"
cat > "$tmp/home/.config/wireshark/recent" <<'EOF'
gui.byte_view_show: FALSE
gui.tree_view_show: FALSE
gui.packet_diagram_show: FALSE
gui.packet_list_colorize: TRUE
EOF
[ "$(id -u)" -ne 0 ] ||
    chown nobody "$tmp/home/.config/wireshark/colorfilters" "$tmp/home/.config/wireshark/recent"
parts=""
n=0
for c in $color_captures; do
    n=$((n + 1))
    ccap=$tmp/color/$n/$(basename "$c")
    frames=$( (as_user timeout 60 tshark -r "$ccap" -T fields -e frame.number) 2>/dev/null | wc -l)
    start_ws "^$(basename "$ccap")" -r "$ccap"
    w=$(main_window "$ccap")
    # Menu, toolbars, filter bar, column header, scroll bar and status bar take about 165 pixels,
    # a row 17.
    h=$((165 + 17 * frames))
    [ "$h" -le 1000 ] || h=1000
    xdo windowmove "$w" 0 0 windowsize "$w" 1000 "$h"
    sleep 2
    # Wireshark selects the first packet, which hides its color: a ctrl+click on that row (the first
    # under the column header) unselects it.
    xdo windowfocus --sync "$w"
    xdo mousemove --window "$w" 300 119 keydown ctrl click 1 keyup ctrl
    sleep 1
    shoot "$w" "coloring-$n.part.png"
    parts="$parts $tmp/shots/coloring-$n.part.png.full.png"  # unquantised
    stop_ws
done
# shellcheck disable=SC2086  # one word per part
# Quantised without dithering: flat row colors, and a smaller file than the parts' dithered PNGs.
timeout 30 convert $parts -background white -splice 0x6 -append -chop 0x6 -strip +dither -colors 256 \
    "PNG8:$tmp/shots/coloring.png" || fail "coloring.png: convert failed"
log "coloring.png: $(identify -format '%wx%h' "$tmp/shots/coloring.png")"

mkdir -p "$out"
saved=""
for f in "$tmp"/shots/*.png; do
    case $f in *.full.png | *.part.png) continue ;; esac
    size=$(stat -c %s "$f")
    [ "$size" -lt 204800 ] || fail "$(basename "$f") is $size bytes (limit 200 KiB)"
    cp "$f" "$out/"
    saved="$saved $(basename "$f")"
done
log "saved in $out:$saved"
