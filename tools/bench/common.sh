# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by run-bench.sh and profile.sh (sourced, bash): building the plugin, the capture cache,
# and the two tshark configurations that differ only by the plugin.
#
# Needs: $top (repository root), $bench (tools/bench). Sets the variables documented per function.

py=/usr/bin/python3
bench_log() { printf '== %s\n' "$*" >&2; }

# bench_need_pkg COMMAND PACKAGE: installs PACKAGE with apt-get (as root) when COMMAND is missing.
bench_need_pkg() {
    if [ -x "$1" ] || command -v "$1" >/dev/null 2>&1; then
        return 0
    fi
    if [ "$(id -u)" -eq 0 ]; then
        bench_log "installing $2"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
        echo "$1 missing: apt-get install $2" >&2
        return 1
    fi
}

# bench_build REV BUILD_DIR CMAKE_ARGS...: builds the plugin. REV empty: the work tree as it is;
# otherwise that commit, exported with `git archive` into a temporary folder (the repository is
# only read), built in BUILD_DIR-<short hash>. Sets so (the .so), ver ("4.0"), src_desc.
bench_build() {
    local rev=$1 build=$2
    shift 2
    local srcdir=$top
    if [ -n "$rev" ]; then
        local hash
        hash=$(git -C "$top" rev-parse --verify "$rev^{commit}")
        srcdir=/tmp/sa-bench-src-${hash:0:12}
        if [ ! -f "$srcdir/CMakeLists.txt" ]; then
            rm -rf "$srcdir.tmp"
            mkdir -p "$srcdir.tmp"
            git -C "$top" archive --format=tar "$hash" | tar -x -C "$srcdir.tmp"
            mv "$srcdir.tmp" "$srcdir"
        fi
        build=$build-${hash:0:12}
        src_desc="commit ${hash:0:12} ($(git -C "$top" log -1 --format=%s "$hash" | cut -c1-70))"
    else
        local head dirty=""
        head=$(git -C "$top" rev-parse --short=12 HEAD 2>/dev/null || echo "?")
        if [ -n "$(git -C "$top" status --porcelain -- src plugin CMakeLists.txt 2>/dev/null)" ]; then
            dirty=" + uncommitted changes in src/ or plugin/"
        fi
        src_desc="work tree at $head$dirty"
    fi
    bench_log "building the plugin ($*) from $src_desc in $build"
    "$srcdir/tools/build.sh" "$build" "$@" >/dev/null
    so=$(ls "$build"/plugins/*/epan/sip_analysis.so | head -n1)
    ver=$(basename "$(dirname "$(dirname "$so")")")
}

# bench_capture CALLS SEED [answered]: prints the path of the cached capture, generating it if
# missing ("answered": every call answered, make_bench_capture.py --answered-only). The name
# carries the calls, the seed, the mix and a hash of the generator and of pcapng.py.
bench_capture() {
    local cache=${SA_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sip-analysis-bench}
    mkdir -p "$cache"
    local genhash mix="" opt=()
    genhash=$(cat "$bench/make_bench_capture.py" "$top/captures/make/pcapng.py" | sha256sum | cut -c1-12)
    if [ "${3:-}" = answered ]; then
        mix=answered-
        opt=(--answered-only)
    fi
    local f="$cache/bench-$1calls-seed$2-$mix$genhash.pcapng"
    if [ ! -s "$f" ]; then
        bench_log "generating $f"
        "$py" "$bench/make_bench_capture.py" --calls "$1" --seed "$2" "${opt[@]}" "$f" >&2
        # captures of the same size, seed and mix from an older generator are stale
        local other_mix=(! -name "bench-$1calls-seed$2-answered-*")
        [ -z "$mix" ] || other_mix=()
        find "$cache" -maxdepth 1 -name "bench-$1calls-seed$2-$mix*.pcapng" ! -name "${f##*/}" "${other_mix[@]}" -delete
    fi
    printf '%s\n' "$f"
}

# bench_setup PREFIX: a temporary folder $work with plugin folders $work/with (holding a copy of
# $so) and $work/without (empty), an empty HOME, readable by nobody; removed on exit. Sets work,
# as_nobody (the command prefix that drops to nobody when root, else empty).
bench_setup() {
    work=$(mktemp -d "/tmp/$1.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/with/$ver/epan" "$work/without/$ver/epan" "$work/home" "$work/out" "$work/cap"
    cp "$so" "$work/with/$ver/epan/"
    chmod -R a+rX "$work"
    as_nobody=()
    if [ "$(id -u)" -eq 0 ]; then
        # As root tshark ignores WIRESHARK_PLUGIN_DIR: run as nobody (see tools/tshark-with-plugin.sh).
        chown nobody "$work/home" "$work/out"
        as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    fi
}

# bench_setup_profiled PREFIX CALLS SEED [answered]: bench_setup, plus the CALLS-call capture as
# $work/capture.pcapng and the 1-call one (each configuration's fixed cost) as $work/base.pcapng,
# readable by nobody; sets packets and base_packets (their packet counts).
bench_setup_profiled() {
    local src base
    src=$(bench_capture "$2" "$3" "${4:-}")
    base=$(bench_capture 1 "$3")
    bench_setup "$1"
    cp "$src" "$work/capture.pcapng"
    cp "$base" "$work/base.pcapng"
    chmod a+r "$work/capture.pcapng" "$work/base.pcapng"
    packets=$(capinfos -M -c -T -r "$work/capture.pcapng" | cut -f2)
    base_packets=$(capinfos -M -c -T -r "$work/base.pcapng" | cut -f2)
}

# bench_env CONFIG: the environment command for configuration "with" or "without" (an array
# in $envcmd). Both configurations get the same environment but for the plugin folder.
bench_env() {
    envcmd=(env -i HOME="$work/home" PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 TZ=UTC
            WIRESHARK_PLUGIN_DIR="$work/$1")
}

# bench_fix_seeds: for the counting tools (cachegrind, callgrind), makes runs repeat exactly:
# Wireshark's hashing seeds fixed (tools/bench/fixed_random.c, preloaded; SA_FIXED_RANDOM=N picks
# another sequence) and address randomisation off. Call once, after bench_setup; it sets fixing
# (a command prefix) and fix_env (to add to envcmd after each bench_env).
bench_fix_seeds() {
    gcc -O2 -shared -fPIC -o "$work/fixed_random.so" "$bench/fixed_random.c"
    chmod a+rx "$work/fixed_random.so"
    bench_need_pkg setarch util-linux
    fixing=(setarch "$(uname -m)" -R)
    fix_env=(LD_PRELOAD="$work/fixed_random.so" SA_FIXED_RANDOM="${SA_FIXED_RANDOM:-1}")
}

# tsh CONFIG ARGS...: tshark in configuration CONFIG, from $work, as nobody when root.
tsh() {
    local cfg=$1
    shift
    bench_env "$cfg"
    (cd "$work" && "${as_nobody[@]}" "${envcmd[@]}" tshark "$@")
}
