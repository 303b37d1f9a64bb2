#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds the project and runs its ctest against the Wireshark of several Debian suites, each in
# its own debootstrap chroot:
#
#   bookworm -> Wireshark 4.0    trixie -> Wireshark 4.4    sid -> Wireshark 4.6 (or newer)
#
# Usage: tools/matrix/run-matrix.sh [-v] [-k] [SUITE...]
#   SUITE   one or more of bookworm, trixie, sid (default: all three)
#   -v      stream every step's output instead of writing it only to the log
#   -k      keep the chroot's build folder (/build/build) from the last run instead of starting clean
#
# Environment:
#   SA_MATRIX_CACHE    parent folder of the chroots (default /var/cache/sip-analysis-matrix);
#                      suite S lives in $SA_MATRIX_CACHE/S and is reused by later runs
#   SA_MATRIX_MIRROR   Debian mirror (default: the one the host's apt sources use)
#   SA_MATRIX_SECURITY security mirror for stable suites (default: the host's, if any)
#   SA_MATRIX_SRC      source tree to test (default: the checkout holding this script)
#   SA_MATRIX_LOGS     where per-suite logs go (default $SA_MATRIX_CACHE/logs)
#   SA_MATRIX_JOBS     parallel build jobs (default nproc)
#   SA_MATRIX_TIMEOUT  limit in seconds for each step except debootstrap (default 1800)
#   SA_MATRIX_BOOTSTRAP_TIMEOUT  limit for debootstrap (default 3600)
#
# Needs root (debootstrap, chroot, mounts). The source tree is copied (tracked files plus
# untracked files not ignored by git, i.e. the working tree as it is) into /build/src of the
# chroot; nothing is written to the checkout. Exit status: 0 when every suite passed, 1 when a
# build or test failed in any suite, 3 when none failed but a chroot could not be set up (network,
# mirror, apt): those suites were not checked.
set -u
set -o pipefail

ALL_SUITES="bookworm trixie sid"
PACKAGES="tshark libwireshark-dev wireshark-dev cmake gcc make pkg-config libcmocka-dev python3 python3-pytest util-linux"

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${SA_MATRIX_CACHE:-/var/cache/sip-analysis-matrix}
SRC=${SA_MATRIX_SRC:-$(cd "$here/../.." && pwd)}
LOGS=${SA_MATRIX_LOGS:-$CACHE/logs}
JOBS=${SA_MATRIX_JOBS:-$(nproc)}
STEP_TIMEOUT=${SA_MATRIX_TIMEOUT:-1800}
BOOTSTRAP_TIMEOUT=${SA_MATRIX_BOOTSTRAP_TIMEOUT:-3600}
VERBOSE=0
KEEP_BUILD=0

usage() {
    sed -n '/^# Usage:/,/^# Needs root/p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

while getopts "vkh" opt; do
    case $opt in
    v) VERBOSE=1 ;;
    k) KEEP_BUILD=1 ;;
    h) usage 0 ;;
    *) usage 2 ;;
    esac
done
shift $((OPTIND - 1))
SUITES=${*:-$ALL_SUITES}
for s in $SUITES; do
    case " $ALL_SUITES " in
    *" $s "*) ;;
    *) echo "run-matrix: unknown suite '$s' (known: $ALL_SUITES)" >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    echo "run-matrix: needs root (debootstrap, chroot and mounts)" >&2
    exit 2
fi
[ -f "$SRC/CMakeLists.txt" ] || { echo "run-matrix: no CMakeLists.txt in $SRC" >&2; exit 2; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- the host's mirrors -----------------------------------------------------------------------
# The first http(s) URI of the host's apt sources that serves Debian's main archive (one-line or
# deb822 format), so the chroots fetch from where the host does.
host_uris() {
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
        sed -n -e 's/^[[:space:]]*URIs:[[:space:]]*//p' \
            -e 's/^[[:space:]]*deb[[:space:]]\{1,\}\(\[[^]]*\][[:space:]]\{1,\}\)\{0,1\}\([^[:space:]]*\).*/\2/p' |
        tr ' ' '\n' | grep -E '^https?://' || true
}
MIRROR=${SA_MATRIX_MIRROR:-$(host_uris | grep -E '/debian/?$' | head -n1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
MIRROR=${MIRROR%/}
SECURITY=${SA_MATRIX_SECURITY:-$(host_uris | grep -E '/debian-security/?$' | head -n1)}
SECURITY=${SECURITY%/}

# --- mounts, cleaned up whatever happens -------------------------------------------------------
MOUNTED=()
STEP_PIDFILE="" # holds the pid of the `timeout` running the current step, which passes signals on
stop_step() {
    local pid=""
    [ -n "$STEP_PIDFILE" ] && [ -s "$STEP_PIDFILE" ] && pid=$(cat "$STEP_PIDFILE")
    if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
        local i
        for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
}
unmount_all() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}" 2>/dev/null || true
    done
    MOUNTED=()
}
trap 'unmount_all; [ -z "$STEP_PIDFILE" ] || rm -f "$STEP_PIDFILE"' EXIT
trap 'stop_step; unmount_all; exit 130' INT
trap 'stop_step; unmount_all; exit 143' TERM

# Anything still mounted below $1 (from an earlier run that was killed hard, or debootstrap's)?
mounts_below() {
    awk -v d="$1/" 'substr($2 "/", 1, length(d)) == d { print $2 }' /proc/self/mounts
}

mount_chroot() {
    local root=$1
    mountpoint -q "$root/proc" || { mount -t proc proc "$root/proc" && MOUNTED+=("$root/proc"); } || return 1
    mkdir -p "$root/dev/pts"
    mountpoint -q "$root/dev/pts" ||
        { mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts" && MOUNTED+=("$root/dev/pts"); } ||
        return 1
    mkdir -p "$root/dev/shm"
    mountpoint -q "$root/dev/shm" || { mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && MOUNTED+=("$root/dev/shm"); } ||
        return 1
}

# Runs a command bounded in time, its output appended to the log (and shown with -v). It runs in
# the background and is waited for, so that INT/TERM reach the traps at once (a shell waiting for
# a foreground command defers them); its pid goes to $STEP_PIDFILE for stop_step, since timeout
# runs the command in a process group of its own, which a Ctrl-C on the terminal does not reach.
bounded() {
    local logf=$1 limit=$2 pid rc offset tailpid=""
    shift 2
    offset=$(stat -c %s "$logf" 2>/dev/null || echo 0)
    timeout --kill-after=30 "$limit" "$@" </dev/null >>"$logf" 2>&1 &
    pid=$!
    [ -n "$STEP_PIDFILE" ] && echo "$pid" >"$STEP_PIDFILE"
    if [ "$VERBOSE" = 1 ]; then
        tail -c +$((offset + 1)) -f --pid="$pid" "$logf" &
        tailpid=$!
    fi
    wait "$pid"
    rc=$?
    [ -n "$tailpid" ] && wait "$tailpid"
    return $rc
}

# Runs a shell script inside the chroot with a clean environment, bounded in time.
in_chroot() {
    local root=$1 logf=$2 limit=$3
    shift 3
    bounded "$logf" "$limit" chroot "$root" /usr/bin/env -i \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive /bin/sh -ec "$@"
}

# --- one suite ---------------------------------------------------------------------------------
sources_for() {
    local suite=$1
    echo "deb $MIRROR $suite main"
    case $suite in
    sid | unstable) ;;
    *)
        echo "deb $MIRROR $suite-updates main"
        if [ -n "$SECURITY" ]; then echo "deb $SECURITY $suite-security main"; fi
        ;;
    esac
}

bootstrap() {
    local suite=$1 root=$2 logf=$3
    [ -f "$root/.sa-bootstrap-done" ] && return 0
    command -v debootstrap >/dev/null || {
        log "$suite: installing debootstrap on the host"
        bounded "$logf" "$STEP_TIMEOUT" sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap' ||
            return 1
    }
    # A partial chroot from an interrupted run: start it over, but never delete through a mount.
    if [ -e "$root" ]; then
        local m
        for m in $(mounts_below "$root" | sort -r); do
            umount "$m" || umount -l "$m" || true
        done
        if [ -n "$(mounts_below "$root")" ]; then
            log "$suite: $root still has mounts ($(mounts_below "$root" | tr '\n' ' ')); not deleting it"
            return 1
        fi
        log "$suite: removing the unfinished chroot of an interrupted run"
        rm -rf --one-file-system "$root"
    fi
    log "$suite: debootstrap --variant=minbase from $MIRROR (first run only; ~300 MB)"
    mkdir -p "$(dirname "$root")"
    bounded "$logf" "$BOOTSTRAP_TIMEOUT" debootstrap --variant=minbase "$suite" "$root" "$MIRROR" || return 1
    # debootstrap can leave its /proc mounted if it was cut short; it unmounts on success.
    touch "$root/.sa-bootstrap-done"
}

provision() {
    local suite=$1 root=$2 logf=$3
    log "$suite: apt-get update and install of the build and test packages"
    sources_for "$suite" >"$root/etc/apt/sources.list"
    # No daemons may start inside the chroot.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # As on the host: the mirror may serve a frozen snapshot whose Release files are past their
    # Valid-Until (sid's expire after a week). Signatures are still checked.
    echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99sa-matrix"
    in_chroot "$root" "$logf" "$STEP_TIMEOUT" "
        echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections
        dpkg --configure -a
        apt-get update -q
        apt-get install -y -q --no-install-recommends -f $PACKAGES
        apt-get clean"
}

copy_source() {
    local root=$1
    rm -rf "$root/build/src"
    mkdir -p "$root/build/src"
    if git -C "$SRC" rev-parse --show-toplevel >/dev/null 2>&1 &&
        [ "$(git -C "$SRC" rev-parse --show-toplevel)" = "$SRC" ]; then
        # The working tree as it is: tracked files (as modified) plus untracked, non-ignored ones.
        (cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
            while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
            tar --null -T - -cf -) | tar -C "$root/build/src" -xf -
    else
        tar -C "$SRC" --exclude=./build --exclude='./build-*' --exclude=.git -cf - . | tar -C "$root/build/src" -xf -
    fi
}

build() {
    local root=$1 logf=$2
    local clean="rm -rf /build/build"
    [ "$KEEP_BUILD" = 1 ] && clean=":"
    in_chroot "$root" "$logf" "$STEP_TIMEOUT" "
        $clean
        cmake -S /build/src -B /build/build
        cmake --build /build/build -j$JOBS"
}

run_tests() {
    local root=$1 logf=$2
    in_chroot "$root" "$logf" "$STEP_TIMEOUT" "cd /build/build && ctest --output-on-failure"
}

RESULTS=()
run_suite() {
    local suite=$1 root="$CACHE/$1" logf="$LOGS/$1.log" t0 rc=0 stage="" ver="?" tests=""
    t0=$(date +%s)
    mkdir -p "$LOGS"
    : >"$logf"
    # One run per suite at a time: the chroot and its mounts are shared.
    exec 9>"$CACHE/.$suite.lock"
    if ! flock -w "$STEP_TIMEOUT" 9; then
        RESULTS+=("$(printf '%-9s %-12s %-4s %s' "$suite" "?" FAIL "another run holds $CACHE/.$suite.lock")")
        return 1
    fi
    STEP_PIDFILE="$CACHE/.$suite.pid" # ours only while we hold the lock
    : >"$STEP_PIDFILE"
    if ! bootstrap "$suite" "$root" "$logf"; then
        stage=debootstrap
    elif ! mount_chroot "$root"; then
        stage=mount
    elif ! provision "$suite" "$root" "$logf"; then
        stage=apt
    else
        ver=$(chroot "$root" tshark --version 2>/dev/null | sed -n '1s/^TShark (Wireshark) \([0-9][0-9.]*[0-9]\).*/\1/p')
        ver=${ver:-?}
        log "$suite: Wireshark $ver; copying $SRC to /build/src, building and running ctest"
        copy_source "$root" || stage=copy
        if [ -z "$stage" ] && ! build "$root" "$logf"; then
            stage=build
        elif [ -z "$stage" ] && ! run_tests "$root" "$logf"; then
            stage=test
        fi
    fi
    unmount_all
    rm -f "$STEP_PIDFILE"
    STEP_PIDFILE=""
    exec 9>&-
    tests=$(grep -E '^[0-9]+% tests passed' "$logf" | tail -n1)
    [ -n "$stage" ] && rc=1
    # No chroot to test in (mirror unreachable, debootstrap or apt failing): the code was not
    # checked, which is not the same as the code failing (exit status 3 below).
    case $stage in debootstrap | mount | apt) rc=3 ;; esac
    local secs=$(($(date +%s) - t0))
    if [ $rc -eq 3 ]; then
        log "$suite: NOT CHECKED: could not set up the chroot ($stage); last lines of $logf:"
        [ "$VERBOSE" = 1 ] || tail -n 20 "$logf" | sed 's/^/    /' >&2
        RESULTS+=("$(printf '%-9s %-12s %-4s %4ss  chroot not ready (%s)' "$suite" "$ver" SKIP "$secs" "$stage")")
    elif [ $rc -ne 0 ]; then
        log "$suite: FAILED at $stage; last lines of $logf:"
        [ "$VERBOSE" = 1 ] || tail -n 40 "$logf" | sed 's/^/    /' >&2
        RESULTS+=("$(printf '%-9s %-12s %-4s %4ss  failed at %s%s' "$suite" "$ver" FAIL "$secs" "$stage" \
            "${tests:+; $tests}")")
    else
        RESULTS+=("$(printf '%-9s %-12s %-4s %4ss  %s' "$suite" "$ver" PASS "$secs" "$tests")")
    fi
    return $rc
}

mkdir -p "$CACHE"
status=0
for suite in $SUITES; do
    run_suite "$suite"
    case $? in
    0) ;;
    3) [ $status -eq 0 ] && status=3 ;;
    *) status=1 ;;
    esac
done

echo
echo "suite     wireshark    result"
for line in "${RESULTS[@]}"; do
    echo "$line"
done
echo "logs: $LOGS"
exit $status
