#!/usr/bin/env bash
# captures/record/record-all.sh - record the captures/rec-*.pcapng files:
# real SIP software (SIPp 3.6 as UAC and UAS, kamailio as a stateful proxy)
# talking over the loopback interface, captured with dumpcap.
#
#   captures/record/record-all.sh              record every capture
#   captures/record/record-all.sh 421 classes  record only rec-421, rec-classes
#
# Installs sip-tester, kamailio and tshark with apt-get when one is missing
# (needs root, like capturing on lo does). Every capture is written to a
# temporary directory first and replaces captures/rec-NAME.pcapng only when
# its scenario ran as expected. At the end the frame tables in
# captures/README.md are regenerated from the files (frame_tables.py).
#
# Traffic: loopback only (127.0.0.1), a few calls per capture, every process
# bounded in time (SIPp -timeout, dumpcap -a duration, timeout(1)); the
# whole run takes about a minute. Ports, per capture:
#   basic-udp 5101 -> 5102            basic-tcp 5111 -> 5112 (TCP)
#   proxy-chain 5121 -> 5120 (kamailio) -> 5122
#   slow-trying 5131 -> 5132          stuck-trying 5141 -> 5142
#   proxy-408 5151 -> 5150 (kamailio) -> 5152
#   cancel-487 5161 -> 5162           421 5171 -> 5172
#   420 5181 -> 5182                  classes 5191 -> 5192
#   icmp-unreachable 5181 -> 5182 (nothing listens), 5183 -> 5184 (not 5201-5204: Wireshark 4.4 reads 5201 as iPerf3)
#   reason-486 5211 -> 5212           cancel-reason 5231 -> 5232 (not 5221-5222: TCP 5222 is XMPP)
#   422 5241 -> 5242                  401-loop 5251 -> 5252 (not 5246-5247 CAPWAP, 5253 netsync)
# (UAC -> [proxy ->] UAS; none is a port Wireshark gives to another
# protocol, so SIP is found by its UDP/TCP heuristic dissector.)

set -Eeuo pipefail

REC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CAP_DIR=$(dirname "$REC_DIR")
SCN=$REC_DIR/scenarios
KAM_CFG=$REC_DIR/kamailio.cfg
IP=127.0.0.1
ALL_CAPTURES=(basic-udp basic-tcp proxy-chain slow-trying stuck-trying
              proxy-408 cancel-487 421 420 classes icmp-unreachable
              reason-486 cancel-reason 422 401-loop)

# time bounds (seconds)
CAP_MAX=60      # dumpcap -a duration: hard stop of one capture
SIPP_MAX=50     # SIPp -timeout (and timeout(1) a little above it)

T0=$SECONDS
log()  { printf '[record %3ds] %s\n' "$((SECONDS - T0))" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- packages
ensure_packages() {
    local p missing=()
    for p in sip-tester kamailio tshark; do
        dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed \
            || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        log "packages present: sip-tester kamailio tshark"
        return 0
    fi
    log "installing missing packages: ${missing[*]}"
    ((EUID == 0)) || die "run as root to install ${missing[*]} (and to capture on lo)"
    export DEBIAN_FRONTEND=noninteractive
    # Debian's kamailio package enables a system service that would listen on
    # every interface: keep invoke-rc.d from starting anything meanwhile.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        POLICY_RC_CREATED=1
    fi
    timeout 300 apt-get update
    timeout 300 apt-get install -y sip-tester kamailio tshark
    if ((POLICY_RC_CREATED)); then rm -f /usr/sbin/policy-rc.d; POLICY_RC_CREATED=0; fi
}
POLICY_RC_CREATED=0

# ------------------------------------------------------- process handling
WORK=""
BG_PIDS=()      # every background process this script started
CAP_PID=""      # the running dumpcap
KAM_PID=""      # the running kamailio

alive() { kill -0 "$1" 2>/dev/null; }

# wait_gone PID SECONDS: 0 once PID has exited, 1 if still running at the end
wait_gone() {
    local pid=$1 n=$(($2 * 10))
    while alive "$pid"; do
        ((n-- > 0)) || return 1
        sleep 0.1
    done
}

# forget PID: drop a reaped PID from BG_PIDS (so cleanup never signals a
# process that later got the same number)
forget() {
    local p keep=()
    for p in "${BG_PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done
    BG_PIDS=("${keep[@]}")
}

# stop_pid PID SIGNAL SECONDS: signal, wait, SIGKILL if needed; reap.
# SIPp and kamailio run under timeout(1), which relays the signal to them
# and leads a process group of its own: the SIGKILL goes to that group.
stop_pid() {
    local pid=$1 sig=$2 secs=$3
    [[ -n $pid ]] || return 0
    if alive "$pid"; then
        kill -s "$sig" "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" "$secs"; then
            log "pid $pid ignored SIG$sig for ${secs}s: SIGKILL"
            kill -s KILL -- "-$pid" 2>/dev/null || kill -s KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    forget "$pid"
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    [[ -n $CAP_PID ]] && stop_pid "$CAP_PID" INT 5
    local pid
    for pid in "${BG_PIDS[@]+"${BG_PIDS[@]}"}"; do
        [[ $pid == "$KAM_PID" ]] && continue
        stop_pid "$pid" TERM 3
    done
    [[ -n $KAM_PID ]] && stop_pid "$KAM_PID" TERM 10
    if ((POLICY_RC_CREATED)); then rm -f /usr/sbin/policy-rc.d; fi
    if [[ -n $WORK && -d $WORK ]]; then
        if ((rc != 0)) && [[ -z ${KEEP_WORK:-} ]]; then
            # show what the programs said before throwing it away
            local f
            for f in "$WORK"/*.log; do
                [[ -s $f ]] || continue
                echo "----- $(basename "$f") (last lines)" >&2
                tail -n 15 "$f" | tr -d '\033' | cut -c1-200 >&2
            done
        fi
        if [[ -n ${KEEP_WORK:-} ]]; then
            log "work directory kept: $WORK"
        else
            rm -rf "$WORK"
        fi
    fi
    exit "$rc"
}

# is_listening PORT udp|tcp: a socket is bound to 127.0.0.1:PORT (TCP: LISTEN)
is_listening() {
    local hex
    hex=$(printf '0100007F:%04X' "$1")
    if [[ $2 == tcp ]]; then
        awk -v a="$hex" '$2 == a && $4 == "0A" {f=1} END {exit !f}' /proc/net/tcp
    else
        awk -v a="$hex" '$2 == a {f=1} END {exit !f}' /proc/net/udp
    fi
}

# port_free PORT PROTO: die if something already has 127.0.0.1:PORT
port_free() {
    if is_listening "$1" "$2"; then
        die "$2/$1 on $IP is already in use by another program"
    fi
}

# wait_listening PID PORT PROTO: until PID listens on PORT (10 s at most)
wait_listening() {
    local pid=$1 port=$2 proto=$3 n=100
    until is_listening "$port" "$proto"; do
        alive "$pid" || die "process $pid exited before listening on $proto/$port"
        ((n-- > 0)) || die "nothing listens on $proto/$port after 10 s"
        sleep 0.1
    done
    sleep 0.1
    alive "$pid" || die "process $pid exited right after $proto/$port was bound"
}

# ------------------------------------------------------------- capturing
CAP_NAME="" CAP_TMP=""
# CAP_ICMP=N (set before cap_start): also capture ICMP destination
# unreachable errors quoting a UDP datagram from or to one of the ports (the
# quoted UDP header's ports at icmp[28:2] and icmp[30:2]: a 20-byte quoted
# IP header, as on lo), and make cap_stop insist on exactly N of them.
CAP_ICMP=0

# cap_start NAME PORT...: dumpcap on lo for these ports, ready on return
cap_start() {
    CAP_NAME=$1; shift
    local bpf="host $IP and (port $1" p icmpq=""
    for p in "$@"; do icmpq+="${icmpq:+ or }icmp[28:2] = $p or icmp[30:2] = $p"; done
    shift
    for p in "$@"; do bpf+=" or port $p"; done
    ((CAP_ICMP > 0)) && bpf+=" or (icmp and icmp[0] = 3 and ($icmpq))"
    bpf+=")"
    CAP_TMP=$WORK/rec-$CAP_NAME.pcapng
    rm -f "$CAP_TMP"
    log "rec-$CAP_NAME.pcapng: dumpcap -i lo -f '$bpf'"
    dumpcap -q -i lo -f "$bpf" -a "duration:$CAP_MAX" -w "$CAP_TMP" \
        >"$WORK/dumpcap-$CAP_NAME.log" 2>&1 &
    CAP_PID=$!
    BG_PIDS+=("$CAP_PID")
    # dumpcap creates its output file only after it has opened lo and set
    # the filter: from then on every packet is kept (in the kernel buffer).
    local n=100
    until [[ -e $CAP_TMP ]]; do
        alive "$CAP_PID" || die "dumpcap failed: $(cat "$WORK/dumpcap-$CAP_NAME.log")"
        ((n-- > 0)) || die "dumpcap not capturing after 10 s"
        sleep 0.1
    done
    sleep 0.3
}

# cap_stop: let the last packets arrive, SIGINT dumpcap, keep the file
cap_stop() {
    sleep 0.5
    stop_pid "$CAP_PID" INT 10
    CAP_PID=""
    local frames
    frames=$(capinfos -c -M "$CAP_TMP" 2>/dev/null | awk -F: '/Number of packets/ {gsub(/ /,"",$2); print $2}')
    [[ ${frames:-0} -gt 0 ]] || die "rec-$CAP_NAME.pcapng: no packet captured"
    if ((CAP_ICMP > 0)); then
        local icmp
        icmp=$(tshark -n -r "$CAP_TMP" -Y 'icmp.type == 3' 2>/dev/null | wc -l)
        ((icmp == CAP_ICMP)) || die "rec-$CAP_NAME.pcapng: $icmp ICMP errors, expected $CAP_ICMP"
    fi
    chmod 644 "$CAP_TMP"
    mv -f "$CAP_TMP" "$CAP_DIR/rec-$CAP_NAME.pcapng"
    log "rec-$CAP_NAME.pcapng: $frames frames, $(stat -c %s "$CAP_DIR/rec-$CAP_NAME.pcapng") bytes"
}

# ------------------------------------------------------------------ SIPp
# Both sides: -i 127.0.0.1 (signalling), -mi 127.0.0.1 (the media sockets
# SIPp binds but never uses here), -nostdin, -timeout (SIPp quits then),
# -trace_err (unexpected messages go to WORK/<scenario>_<pid>_errors.log).
UAS_PID="" UAS_PORT="" UAS_PROTO=""

# uas_start PORT SCENARIO [SIPp options...]: background SIPp UAS, listening on return
uas_start() {
    local port=$1 scn=$2; shift 2
    UAS_PORT=$port
    UAS_PROTO=udp
    [[ " $* " == *" -t t1 "* ]] && UAS_PROTO=tcp
    port_free "$port" "$UAS_PROTO"
    (cd "$WORK" && exec timeout $((SIPP_MAX + 5)) sipp -sf "$SCN/$scn" \
        -i "$IP" -p "$port" -mi "$IP" -nostdin -timeout "${SIPP_MAX}s" -trace_err "$@") \
        >>"$WORK/sipp-uas-$port.log" 2>&1 &
    UAS_PID=$!
    BG_PIDS+=("$UAS_PID")
    wait_listening "$UAS_PID" "$port" "$UAS_PROTO"
}

# uas_wait SECONDS: the UAS should finish its calls and exit by itself
uas_wait() {
    local rc=0
    if ! wait_gone "$UAS_PID" "$1"; then
        die "SIPp UAS ($UAS_PORT) still running ${1}s after the UAC finished"
    fi
    wait "$UAS_PID" || rc=$?
    forget "$UAS_PID"
    ((rc == 0)) || die "SIPp UAS ($UAS_PORT) exited with status $rc"
    UAS_PID=""
}

# uas_kill: stop a UAS that is meant to hang (stuck-trying), capture already stopped
uas_kill() {
    stop_pid "$UAS_PID" TERM 5
    UAS_PID=""
}

# uac_run PORT REMOTE SCENARIO [SIPp options...]: foreground SIPp UAC; must succeed
uac_run() {
    local port=$1 remote=$2 scn=$3 rc=0; shift 3
    port_free "$port" udp
    (cd "$WORK" && exec timeout $((SIPP_MAX + 5)) sipp "$remote" -sf "$SCN/$scn" \
        -i "$IP" -p "$port" -mi "$IP" -nostdin -timeout "${SIPP_MAX}s" -trace_err "$@") \
        >>"$WORK/sipp-uac-$port.log" 2>&1 || rc=$?
    ((rc == 0)) || die "SIPp UAC $scn ($port -> $remote) exited with status $rc"
}

# -------------------------------------------------------------- kamailio
# kam_start PORT: kamailio in the foreground (-DD, logs to stderr -E) with
# its pid file and runtime files in WORK, listening on udp:127.0.0.1:PORT.
kam_start() {
    local port=$1 dir=$WORK/kamailio-$1
    port_free "$port" udp
    mkdir -p "$dir"
    timeout $((SIPP_MAX + 5)) kamailio -f "$KAM_CFG" -l "udp:$IP:$port" -DD -E \
        -m 32 -M 4 -P "$dir/kamailio.pid" -Y "$dir" -w "$dir" \
        >"$WORK/kamailio-$port.log" 2>&1 &
    KAM_PID=$!
    BG_PIDS+=("$KAM_PID")
    wait_listening "$KAM_PID" "$port" udp
    sleep 0.3   # let its worker processes come up
    log "kamailio $(kamailio -v 2>/dev/null | awk 'NR==1 {print $3}') listening on udp:$IP:$port (pid $KAM_PID)"
}

kam_stop() {
    stop_pid "$KAM_PID" TERM 10
    KAM_PID=""
}

# --------------------------------------------------------------- captures
# Each rec_NAME records captures/rec-NAME.pcapng.

# SIPp UAC -> SIPp UAS, UDP, 2 calls; the UAS waits 20 ms before 100 and 180.
rec_basic-udp() {
    cap_start basic-udp 5101 5102
    uas_start 5102 uas-call.xml -m 2 -d 20
    uac_run 5101 "$IP:5102" uac-call.xml -m 2 -l 1 -key target "$IP:5102"
    uas_wait 5
    cap_stop
}

# The same over TCP (SIPp -t t1: one TCP connection per SIPp instance).
rec_basic-tcp() {
    cap_start basic-tcp 5111 5112
    uas_start 5112 uas-call.xml -t t1 -m 2 -d 20
    uac_run 5111 "$IP:5112" uac-call.xml -t t1 -m 2 -l 1 -key target "$IP:5112"
    uas_wait 5
    cap_stop
}

# UAC -> kamailio (its own 100, record-route) -> UAS (its own 100 after 30 ms).
rec_proxy-chain() {
    cap_start proxy-chain 5120 5121 5122
    kam_start 5120
    uas_start 5122 uas-call.xml -m 2 -d 30
    uac_run 5121 "$IP:5120" uac-call.xml -m 2 -l 1 -key target "$IP:5122"
    uas_wait 5
    cap_stop
    kam_stop
}

# The UAS waits 1.2 s before its 100 (the UAC retransmits the INVITE after
# 500 ms, Timer A) and 1.2 s more before the 180.
rec_slow-trying() {
    cap_start slow-trying 5131 5132
    uas_start 5132 uas-call.xml -m 1 -d 1200
    uac_run 5131 "$IP:5132" uac-call.xml -m 1 -key target "$IP:5132"
    uas_wait 5
    cap_stop
}

# 100 and then nothing: the UAC gives up silently (-nd) 2.5 s after the
# 100, the capture stops ~0.5 s later, only then is the UAS killed.
rec_stuck-trying() {
    cap_start stuck-trying 5141 5142
    uas_start 5142 uas-noanswer.xml -m 1 -d 20 -nd
    uac_run 5141 "$IP:5142" uac-stuck.xml -m 1 -nd -key target "$IP:5142"
    cap_stop
    uas_kill
}

# UAC -> kamailio -> UAS that only sends 100: kamailio's fr_inv_timer (4 s)
# fires, it CANCELs downstream and answers 408 upstream.
rec_proxy-408() {
    cap_start proxy-408 5150 5151 5152
    kam_start 5150
    uas_start 5152 uas-noanswer.xml -m 1 -d 30
    uac_run 5151 "$IP:5150" uac-408.xml -m 1 -key target "$IP:5152"
    uas_wait 10
    cap_stop
    kam_stop
}

# INVITE, 100, 180, CANCEL after 2 s, 200 (CANCEL), 487, ACK.
rec_cancel-487() {
    cap_start cancel-487 5161 5162
    uas_start 5162 uas-cancel.xml -m 1 -d 20
    uac_run 5161 "$IP:5162" uac-cancel.xml -m 1 -key target "$IP:5162"
    uas_wait 5
    cap_stop
}

# one_421 REQUIRE HDRS1: one call answered 421 (Require: REQUIRE) and retried
# with "Supported: 100rel, timer". HDRS1 = the first INVITE's extra header
# lines (each preceded by CRLF), or empty for no Supported at all.
one_421() {
    uas_start 5172 uas-421.xml -m 1 -d 20 -key require "$1"
    uac_run 5171 "$IP:5172" uac-retry.xml -m 1 -key target "$IP:5172" \
        -key hdrs1 "$2" -key hdrs2 $'\r\nSupported: 100rel, timer'
    uas_wait 5
}

rec_421() {
    cap_start 421 5171 5172
    one_421 "100rel"        ''                                            # (1) no Supported
    one_421 "100rel"        $'\r\nSupported:'                             # (2) empty Supported
    one_421 "100rel, timer" $'\r\nSupported: timer'                       # (3) partial
    one_421 "100rel, timer" $'\r\nSupported: replaces\r\nSupported: timer' # (4) split over two lines
    one_421 "100rel, timer" $'\r\nk: timer'                               # (5) compact form
    # (6) other letter case: "Supported: 100REL, Timer" -> accepted, reliable 180 + PRACK
    uas_start 5172 uas-100rel.xml -m 1 -d 20
    uac_run 5171 "$IP:5172" uac-100rel.xml -m 1 -key target "$IP:5172"
    uas_wait 5
    # REGISTER without Supported -> 421 Require: sec-agree -> Supported: sec-agree -> 200
    uas_start 5172 uas-register-421.xml -m 1
    uac_run 5171 "$IP:5172" uac-register-421.xml -m 1 -key target "$IP:5172"
    uas_wait 5
    cap_stop
}

# INVITE Require: foo -> 420 Unsupported: foo -> ACK -> retry without Require -> 200.
rec_420() {
    cap_start 420 5181 5182
    uas_start 5182 uas-420.xml -m 1 -d 20 -key unsupported foo
    uac_run 5181 "$IP:5182" uac-retry.xml -m 1 -key target "$IP:5182" \
        -key hdrs1 $'\r\nRequire: foo' -key hdrs2 ''
    uas_wait 5
    cap_stop
}

# One INVITE per final response 200 302 404 486 503 603 (classes.csv), then
# REGISTER -> 401 -> REGISTER with credentials -> 200.
rec_classes() {
    cap_start classes 5191 5192
    uas_start 5192 uas-classes.xml -m 6 -d 20
    uac_run 5191 "$IP:5192" uac-classes.xml -m 6 -l 1 -inf "$SCN/classes.csv" -key target "$IP:5192"
    uas_wait 5
    uas_start 5192 uas-register-auth.xml -m 1
    uac_run 5191 "$IP:5192" uac-register-auth.xml -m 1 -key target "$IP:5192"
    uas_wait 5
    cap_stop
}

# SIP answered by ICMP port unreachable (the kernel's, quoting the datagram):
# (a) the UAC's INVITE goes to 5202 where nothing listens: 4 copies (Timer A
#     retransmissions; the UAC gives up 4 s after the first), 4 ICMP errors;
# (b) the UAC (5203) sends one INVITE and exits 200 ms later; the UAS (5204)
#     answers 1 s after the INVITE: 100, 180, 486 and the 486's three Timer G
#     retransmissions (no ACK ever comes), each one ICMP error: 6.
rec_icmp-unreachable() {
    CAP_ICMP=10
    cap_start icmp-unreachable 5181 5182 5183 5184
    port_free 5182 udp
    uac_run 5181 "$IP:5182" uac-unreachable.xml -m 1 -key target "$IP:5182"
    uas_start 5184 uas-late-busy.xml -m 1 -d 1000
    uac_run 5183 "$IP:5184" uac-gone.xml -m 1 -nd -key target "$IP:5184"
    uas_wait 10
    cap_stop
    CAP_ICMP=0
}

# Why a call failed or ended (RFC 3326 Reason, RFC 3261 Warning), 2 calls
# (reason.csv): INVITE -> 100, 180, 486 with Reason Q.850 17 and Warning 399
# -> ACK; INVITE -> 100, 180, 200 -> ACK -> BYE with Reason Q.850 16 -> 200.
rec_reason-486() {
    cap_start reason-486 5211 5212
    uas_start 5212 uas-reason.xml -m 2 -d 20
    uac_run 5211 "$IP:5212" uac-reason.xml -m 2 -l 1 -inf "$SCN/reason.csv" -key target "$IP:5212"
    uas_wait 5
    cap_stop
}

# INVITE, 100, 180, CANCEL after 1 s with Reason SIP 200 "Call completed
# elsewhere", 200 (CANCEL), 487, ACK.
rec_cancel-reason() {
    cap_start cancel-reason 5231 5232
    uas_start 5232 uas-cancel.xml -m 1 -d 20
    uac_run 5231 "$IP:5232" uac-cancel-reason.xml -m 1 -key target "$IP:5232"
    uas_wait 5
    cap_stop
}

# RFC 4028: INVITE Session-Expires: 300 -> 422 Min-SE: 1800 -> ACK -> retry
# (same Call-ID and From tag, CSeq 2) with Session-Expires and Min-SE 1800
# -> 100, 200 (Require: timer) -> ACK -> BYE -> 200.
rec_422() {
    cap_start 422 5241 5242
    uas_start 5242 uas-422.xml -m 1 -d 20 -key minse 1800
    uac_run 5241 "$IP:5242" uac-retry.xml -m 1 -key target "$IP:5242" \
        -key hdrs1 $'\r\nSupported: timer\r\nSession-Expires: 300' \
        -key hdrs2 $'\r\nSupported: timer\r\nSession-Expires: 1800\r\nMin-SE: 1800'
    uas_wait 5
    cap_stop
}

# A challenge loop: REGISTER -> 401 -> REGISTER (wrong credentials) -> 401
# -> REGISTER -> 403; then a challenge that works: REGISTER -> 401 ->
# REGISTER (right credentials) -> 200.
rec_401-loop() {
    cap_start 401-loop 5251 5252
    uas_start 5252 uas-register-loop.xml -m 1
    uac_run 5251 "$IP:5252" uac-register-loop.xml -m 1 -key target "$IP:5252"
    uas_wait 5
    uas_start 5252 uas-register-auth.xml -m 1
    uac_run 5251 "$IP:5252" uac-register-auth.xml -m 1 -key target "$IP:5252"
    uas_wait 5
    cap_stop
}

# ------------------------------------------------------------------ main
main() {
    local todo=("$@") name
    ((${#todo[@]})) || todo=("${ALL_CAPTURES[@]}")
    for name in "${todo[@]}"; do
        name=${name#rec-}; name=${name%.pcapng}
        declare -F "rec_$name" >/dev/null || die "unknown capture '$name' (known: ${ALL_CAPTURES[*]})"
    done

    trap cleanup EXIT
    trap 'exit 130' INT TERM
    ensure_packages
    for name in sipp kamailio dumpcap capinfos tshark; do
        command -v "$name" >/dev/null || die "$name not found after installing packages"
    done
    log "$(sipp -v 2>/dev/null | grep -o 'SIPp v[^ ]*' | head -n1), $(dumpcap -v 2>/dev/null | head -n1)"

    WORK=$(mktemp -d "${TMPDIR:-/tmp}/sip-analysis-record.XXXXXX")

    for name in "${todo[@]}"; do
        name=${name#rec-}; name=${name%.pcapng}
        "rec_$name"
    done

    if [[ -f $CAP_DIR/README.md ]] && command -v python3 >/dev/null; then
        python3 "$REC_DIR/frame_tables.py" --update "$CAP_DIR/README.md"
        log "frame tables in captures/README.md regenerated"
    fi
    log "done in $((SECONDS - T0)) s"
}

main "$@"
