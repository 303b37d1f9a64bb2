#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Generate a large, deterministic SIP-over-UDP capture for benchmarking.

    /usr/bin/python3 tools/bench/make_bench_capture.py [--calls N] [--seed S] [--answered-only] OUT.pcapng

Standard library only.  The output is a pure function of (N, S, this file,
captures/make/pcapng.py): random numbers come from ``random.Random(S)`` and
only its ``random()`` method is used (stable across Python versions), so two
runs with the same arguments write byte-identical files.

Topology
    24 UACs (12 in 192.0.2.0/24, 12 in 198.51.100.0/24) call 24 UASs in
    203.0.113.0/24, all on UDP port 5060, documentation ranges only.  Each
    call picks its UAC and UAS at random.  Names are under example.com /
    example.net.

Arrivals
    Calls start as a Poisson process (exponential gaps, mean 10 ms, i.e.
    100 calls/s); the first call starts at pcapng.BASE_US.  Calls overlap:
    at 100 calls/s and a mean hold time of 30 s about 2 000-3 000 dialogs
    are open at once.  The capture spans about N/100 s plus the longest call.
    50 000 calls give 329 493 packets, 192 MB (seed 1).

Messages
    RFC 3261 requests and responses with Via (SIP/2.0/UDP, branch
    z9hG4bK + 16 hex digits, rport), Max-Forwards: 70, From (display name,
    tag), To (tag on every response but 100), Call-ID (hex@host), CSeq,
    Contact, User-Agent / Server (a few product strings), Allow, Supported:
    100rel, timer, replaces (see the 421 and 420 cases), Content-Length.
    INVITEs and the 200 to them carry an SDP body of about 250 bytes
    (Content-Type: application/sdp, one PCMU/PCMA/telephone-event audio
    stream).  ACKs for non-2xx finals reuse the INVITE's branch and carry the
    To tag of the final (RFC 3261 17.1.1.3); ACKs for 2xx and BYEs are new
    transactions with new branches.  BYE comes from the caller in 60 % of
    answered calls and from the callee otherwise.

Call mix (per call; percentages of N, picked at random with these weights)
    answered   70 %  INVITE, 100 (5-40 ms), 180 (40-300 ms), 200 (1-12 s of
                     ringing), ACK, then after a hold time (exponential, mean
                     30 s, 2-300 s) BYE and its 200.                7 packets
    busy        8 %  INVITE, 100, 180 in half of them, 486 Busy Here,
                     ACK.                                         4-5 packets
    421         4 %  INVITE with Supported: timer, replaces (no 100rel), 100,
                     421 Extension Required with Require: 100rel, ACK; then a
                     new INVITE (CSeq 2, new branch, Supported: 100rel, timer,
                     replaces), 100, 180 with Require: 100rel and RSeq: 1,
                     PRACK (CSeq 3, RAck: 1 2 INVITE), 200 to the PRACK, 200
                     to the INVITE, ACK, BYE, 200.                  13 packets
    420         2 %  INVITE with Require: precondition, 420 Bad Extension
                     with Unsupported: precondition (no 100), ACK. 3 packets
    404         5 %  INVITE, 100, 404 Not Found, ACK.               4 packets
    503         4 %  INVITE, 100 in half of them, 503 Service Unavailable
                     with Retry-After, ACK.                       3-4 packets
    603         3 %  INVITE, 100, 180, 603 Decline after 1-8 s, ACK. 5 packets
    stuck       2 %  INVITE, 100, then nothing until 408 Request Timeout
                     32 s after the INVITE (Timer B), ACK.           4 packets
    late 100    2 %  INVITE retransmitted at +500 ms and +1.5 s (T1 doubling;
                     1 or 2 copies), 100 Trying only after the last copy,
                     then answered as above.                      8-9 packets

Everything is written in time order (ties: call number, then message
order), so frame numbers grow with time.
"""

import argparse
import hashlib
import heapq
import math
import os
import random
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(_HERE, "..", "..", "captures", "make"))

from pcapng import BASE_US, PcapngWriter, UdpFlow  # noqa: E402

MS = 1000
S = 1000 * MS
RATE_PER_S = 100.0

UACS = ["192.0.2.%d" % (10 + i) for i in range(12)] + \
       ["198.51.100.%d" % (10 + i) for i in range(12)]
UASS = ["203.0.113.%d" % (10 + i) for i in range(24)]
PORT = 5060

UAC_AGENTS = ["ExamplePhone/5.2.1", "Linphone-Desktop/5.0.16 (example) LinphoneCore/5.1.64",
              "MicroSIP/3.21.3", "Example-SBC/2.8"]
UAS_AGENTS = ["Example-PBX/18.10.0", "FreeSWITCH-mod_sofia/1.10.9-example",
              "Asterisk PBX 20.3.0 (example)"]
ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, PRACK, UPDATE, REFER, NOTIFY, INFO"
SUPPORTED = "100rel, timer, replaces"
SUPPORTED_NO_100REL = "timer, replaces"

# (name, weight in per cent)
MIX = [
    ("answered", 70), ("busy", 8), ("421", 4), ("420", 2), ("404", 5),
    ("503", 4), ("603", 3), ("stuck", 2), ("late100", 2),
]

REASONS = {100: "Trying", 180: "Ringing", 200: "OK", 404: "Not Found",
           408: "Request Timeout", 420: "Bad Extension",
           421: "Extension Required", 486: "Busy Here",
           503: "Service Unavailable", 603: "Decline"}


def _hex(seed, label, n):
    return hashlib.blake2b(("%s|%s" % (seed, label)).encode(),
                           digest_size=(n + 1) // 2).hexdigest()[:n]


def sdp(ip, sess, port, answer):
    """An SDP offer or answer of about 250 bytes."""
    return ("v=0\r\n"
            "o=- %d %d IN IP4 %s\r\n"
            "s=-\r\n"
            "c=IN IP4 %s\r\n"
            "t=0 0\r\n"
            "m=audio %d RTP/AVP %s\r\n"
            "a=rtpmap:0 PCMU/8000\r\n"
            "a=rtpmap:8 PCMA/8000\r\n"
            "a=rtpmap:101 telephone-event/8000\r\n"
            "a=fmtp:101 0-16\r\n"
            "a=ptime:20\r\n"
            "a=maxptime:150\r\n"
            "a=rtcp:%d\r\n"
            "a=sendrecv\r\n"
            % (sess, sess + (1 if answer else 0), ip, ip, port,
               "0 101" if answer else "0 8 101", port + 1)).encode()


class Call:
    """Identifiers and message builders of one call."""

    def __init__(self, seed, n, rnd):
        self.n = n
        self.uac = UACS[int(rnd() * len(UACS))]
        self.uas = UASS[int(rnd() * len(UASS))]
        self.ua = UAC_AGENTS[int(rnd() * len(UAC_AGENTS))]
        self.server = UAS_AGENTS[int(rnd() * len(UAS_AGENTS))]
        self.caller = "+1555%07d" % int(rnd() * 10_000_000)
        self.callee = "+1555%07d" % int(rnd() * 10_000_000)
        h = _hex(seed, n, 48)
        self.call_id = "%s@%s" % (h[0:20], self.uac)
        self.from_tag = h[20:30]
        self.to_tag = h[30:40]
        self.sess = int(h[40:48], 16) & 0x7FFFFFFF
        self.seed = seed
        self.nbranch = 0
        self.rtp_a = 10000 + 2 * int(rnd() * 10000)
        self.rtp_b = 20000 + 2 * int(rnd() * 10000)

    def branch(self):
        self.nbranch += 1
        return "z9hG4bK" + _hex(self.seed, "b%d.%d" % (self.n, self.nbranch), 16)

    # -- messages ------------------------------------------------------------
    def _from(self):
        return '"Caller %s" <sip:%s@example.com>;tag=%s' % (
            self.caller[-4:], self.caller, self.from_tag)

    def _to(self, tagged):
        s = "<sip:%s@example.net>" % self.callee
        return s + (";tag=%s" % self.to_tag if tagged else "")

    def invite(self, branch, cseq, supported=SUPPORTED, require=None):
        body = sdp(self.uac, self.sess, self.rtp_a, False)
        hdr = [
            "INVITE sip:%s@%s:%d SIP/2.0" % (self.callee, self.uas, PORT),
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport" % (self.uac, PORT, branch),
            "Max-Forwards: 70",
            "From: " + self._from(),
            "To: " + self._to(False),
            "Call-ID: " + self.call_id,
            "CSeq: %d INVITE" % cseq,
            "Contact: <sip:%s@%s:%d>" % (self.caller, self.uac, PORT),
            "User-Agent: " + self.ua,
            "Allow: " + ALLOW,
            "Supported: " + supported,
        ]
        if require:
            hdr.append("Require: " + require)
        hdr += ["Content-Type: application/sdp",
                "Content-Length: %d" % len(body)]
        return ("\r\n".join(hdr) + "\r\n\r\n").encode() + body

    def response(self, code, branch, cseq, method, extra=(), body=b"",
                 contact=False):
        hdr = [
            "SIP/2.0 %d %s" % (code, REASONS[code]),
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport=%d;received=%s" % (
                self.uac, PORT, branch, PORT, self.uac),
            "From: " + self._from(),
            "To: " + self._to(code != 100),
            "Call-ID: " + self.call_id,
            "CSeq: %d %s" % (cseq, method),
        ]
        if code != 100:
            if contact:
                hdr.append("Contact: <sip:%s@%s:%d>" % (self.callee, self.uas, PORT))
            hdr.append("Server: " + self.server)
            if method == "INVITE":
                hdr.append("Allow: " + ALLOW)
                hdr.append("Supported: " + SUPPORTED)
        hdr += list(extra)
        if body:
            hdr.append("Content-Type: application/sdp")
        hdr.append("Content-Length: %d" % len(body))
        return ("\r\n".join(hdr) + "\r\n\r\n").encode() + body

    def ok_invite(self, branch, cseq):
        return self.response(200, branch, cseq, "INVITE", contact=True,
                             body=sdp(self.uas, self.sess ^ 0x5A5A5A, self.rtp_b, True))

    def ack(self, branch, cseq, to_tagged=True):
        """ACK: ``branch`` is the INVITE's for a non-2xx final, a new one for 2xx."""
        return "\r\n".join([
            "ACK sip:%s@%s:%d SIP/2.0" % (self.callee, self.uas, PORT),
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport" % (self.uac, PORT, branch),
            "Max-Forwards: 70",
            "From: " + self._from(),
            "To: " + self._to(to_tagged),
            "Call-ID: " + self.call_id,
            "CSeq: %d ACK" % cseq,
            "User-Agent: " + self.ua,
            "Content-Length: 0",
            "", ""]).encode()

    def prack(self, branch, cseq, rseq, inv_cseq):
        return "\r\n".join([
            "PRACK sip:%s@%s:%d SIP/2.0" % (self.callee, self.uas, PORT),
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport" % (self.uac, PORT, branch),
            "Max-Forwards: 70",
            "From: " + self._from(),
            "To: " + self._to(True),
            "Call-ID: " + self.call_id,
            "CSeq: %d PRACK" % cseq,
            "RAck: %d %d INVITE" % (rseq, inv_cseq),
            "User-Agent: " + self.ua,
            "Content-Length: 0",
            "", ""]).encode()

    def bye(self, branch, cseq, from_caller):
        """BYE from the caller (UAC -> UAS) or from the callee (UAS -> UAC)."""
        if from_caller:
            lines = [
                "BYE sip:%s@%s:%d SIP/2.0" % (self.callee, self.uas, PORT),
                "Via: SIP/2.0/UDP %s:%d;branch=%s;rport" % (self.uac, PORT, branch),
                "Max-Forwards: 70",
                "From: " + self._from(),
                "To: " + self._to(True),
                "Call-ID: " + self.call_id,
                "CSeq: %d BYE" % cseq,
                "User-Agent: " + self.ua,
            ]
        else:
            lines = [
                "BYE sip:%s@%s:%d SIP/2.0" % (self.caller, self.uac, PORT),
                "Via: SIP/2.0/UDP %s:%d;branch=%s;rport" % (self.uas, PORT, branch),
                "Max-Forwards: 70",
                "From: " + self._to(True),
                "To: " + self._from(),
                "Call-ID: " + self.call_id,
                "CSeq: %d BYE" % cseq,
                "User-Agent: " + self.server,
            ]
        lines += ["Content-Length: 0", "", ""]
        return "\r\n".join(lines).encode()

    def ok_bye(self, branch, cseq, from_caller):
        if from_caller:
            return self.response(200, branch, cseq, "BYE")
        return "\r\n".join([
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport=%d;received=%s" % (
                self.uas, PORT, branch, PORT, self.uas),
            "From: " + self._to(True),
            "To: " + self._from(),
            "Call-ID: " + self.call_id,
            "CSeq: %d BYE" % cseq,
            "Server: " + self.ua,
            "Content-Length: 0",
            "", ""]).encode()


def _uniform(rnd, lo_us, hi_us):
    return lo_us + int(rnd() * (hi_us - lo_us))


def _expo(rnd, mean_us, lo_us, hi_us):
    v = int(-math.log(1.0 - rnd()) * mean_us)
    return min(max(v, lo_us), hi_us)


def pick_kind(rnd):
    x = rnd() * 100.0
    acc = 0
    for name, w in MIX:
        acc += w
        if x < acc:
            return name
    return MIX[-1][0]


def call_events(c, kind, t0, rnd):
    """The call's messages as (ts_us, from_uac, payload), in time order.

    ``from_uac`` True: UAC -> UAS.
    """
    ev = []
    add = ev.append

    def answered(t, br, cseq, t100_delay):
        """100, 180, 200, ACK, BYE, 200 for the INVITE with branch ``br``."""
        t += t100_delay
        add((t, False, c.response(100, br, cseq, "INVITE")))
        t += _uniform(rnd, 40 * MS, 300 * MS)
        add((t, False, c.response(180, br, cseq, "INVITE", contact=True)))
        t += _uniform(rnd, 1 * S, 12 * S)
        add((t, False, c.ok_invite(br, cseq)))
        t += _uniform(rnd, 5 * MS, 40 * MS)
        add((t, True, c.ack(c.branch(), cseq)))
        return t

    def hangup(t, cseq):
        t += _expo(rnd, 30 * S, 2 * S, 300 * S)
        by_caller = rnd() < 0.6
        br = c.branch()
        add((t, by_caller, c.bye(br, cseq if by_caller else 1, by_caller)))
        t += _uniform(rnd, 5 * MS, 40 * MS)
        add((t, not by_caller, c.ok_bye(br, cseq if by_caller else 1, by_caller)))

    def failed(t, br, cseq, code, t100, ring, wait, extra=()):
        add((t, True, c.invite(br, cseq)))
        if t100:
            t += _uniform(rnd, 5 * MS, 40 * MS)
            add((t, False, c.response(100, br, cseq, "INVITE")))
        if ring:
            t += _uniform(rnd, 40 * MS, 300 * MS)
            add((t, False, c.response(180, br, cseq, "INVITE", contact=True)))
        t += wait
        add((t, False, c.response(code, br, cseq, "INVITE", extra=extra)))
        t += _uniform(rnd, 1 * MS, 20 * MS)
        add((t, True, c.ack(br, cseq)))
        return t

    t = t0
    if kind == "answered":
        br = c.branch()
        add((t, True, c.invite(br, 1)))
        t = answered(t, br, 1, _uniform(rnd, 5 * MS, 40 * MS))
        hangup(t, 2)
    elif kind == "late100":
        br = c.branch()
        inv = c.invite(br, 1)
        add((t, True, inv))
        copies = 1 + int(rnd() * 2)              # 1 or 2 retransmissions
        last = t
        for k in range(copies):
            last = t + (500 * MS) * ((1 << (k + 1)) - 1)   # +0.5 s, +1.5 s
            add((last, True, inv))
        t = answered(last, br, 1, _uniform(rnd, 20 * MS, 200 * MS))
        hangup(t, 2)
    elif kind == "busy":
        failed(t, c.branch(), 1, 486, True, rnd() < 0.5,
               _uniform(rnd, 50 * MS, 2 * S))
    elif kind == "404":
        failed(t, c.branch(), 1, 404, True, False, _uniform(rnd, 20 * MS, 150 * MS))
    elif kind == "503":
        failed(t, c.branch(), 1, 503, rnd() < 0.5, False,
               _uniform(rnd, 10 * MS, 100 * MS), extra=("Retry-After: 30",))
    elif kind == "603":
        failed(t, c.branch(), 1, 603, True, True, _uniform(rnd, 1 * S, 8 * S))
    elif kind == "stuck":
        br = c.branch()
        add((t, True, c.invite(br, 1)))
        add((t + _uniform(rnd, 5 * MS, 40 * MS), False, c.response(100, br, 1, "INVITE")))
        t += 32 * S                               # Timer B = 64*T1
        add((t, False, c.response(408, br, 1, "INVITE")))
        add((t + _uniform(rnd, 1 * MS, 20 * MS), True, c.ack(br, 1)))
    elif kind == "420":
        br = c.branch()
        add((t, True, c.invite(br, 1, require="precondition")))
        t += _uniform(rnd, 2 * MS, 30 * MS)
        add((t, False, c.response(420, br, 1, "INVITE",
                                  extra=("Unsupported: precondition",))))
        add((t + _uniform(rnd, 1 * MS, 20 * MS), True, c.ack(br, 1)))
    elif kind == "421":
        br = c.branch()
        add((t, True, c.invite(br, 1, supported=SUPPORTED_NO_100REL)))
        t += _uniform(rnd, 5 * MS, 40 * MS)
        add((t, False, c.response(100, br, 1, "INVITE")))
        t += _uniform(rnd, 10 * MS, 100 * MS)
        add((t, False, c.response(421, br, 1, "INVITE", extra=("Require: 100rel",))))
        t += _uniform(rnd, 1 * MS, 20 * MS)
        add((t, True, c.ack(br, 1)))
        # the retry, now offering 100rel, answered with a reliable 180
        t += _uniform(rnd, 5 * MS, 50 * MS)
        br2 = c.branch()
        add((t, True, c.invite(br2, 2)))
        t += _uniform(rnd, 5 * MS, 40 * MS)
        add((t, False, c.response(100, br2, 2, "INVITE")))
        t += _uniform(rnd, 40 * MS, 300 * MS)
        add((t, False, c.response(180, br2, 2, "INVITE", contact=True,
                                  extra=("Require: 100rel", "RSeq: 1"))))
        t += _uniform(rnd, 5 * MS, 40 * MS)
        pbr = c.branch()
        add((t, True, c.prack(pbr, 3, 1, 2)))
        t += _uniform(rnd, 5 * MS, 40 * MS)
        add((t, False, c.response(200, pbr, 3, "PRACK")))
        t += _uniform(rnd, 1 * S, 12 * S)
        add((t, False, c.ok_invite(br2, 2)))
        t += _uniform(rnd, 5 * MS, 40 * MS)
        add((t, True, c.ack(c.branch(), 2)))
        hangup(t, 4)
    else:
        raise AssertionError(kind)
    return ev


def generate(out, calls, seed):
    rng = random.Random(seed)
    rnd = rng.random
    flows = {}
    heap = []
    counts = {name: 0 for name, _ in MIX}
    t = BASE_US
    with PcapngWriter(out) as w:
        for n in range(calls):
            if n:
                t += max(1, int(-math.log(1.0 - rnd()) * (S / RATE_PER_S)))
            # everything scheduled before this call's start is final: write it
            while heap and heap[0][0] < t:
                ts, _n, _k, flow, rev, payload = heapq.heappop(heap)
                w.write(ts, flow.frame(payload, rev))
            c = Call(seed, n, rnd)
            kind = pick_kind(rnd)
            counts[kind] += 1
            key = (c.uac, c.uas)
            flow = flows.get(key)
            if flow is None:
                flow = flows[key] = UdpFlow(c.uac, PORT, c.uas, PORT)
            for k, (ts, from_uac, payload) in enumerate(call_events(c, kind, t, rnd)):
                heapq.heappush(heap, (ts, n, k, flow, not from_uac, payload))
        while heap:
            ts, _n, _k, flow, rev, payload = heapq.heappop(heap)
            w.write(ts, flow.frame(payload, rev))
        packets = w.count
    return packets, counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--answered-only", action="store_true",
                    help="every call answered: a healthy capture, with no failure at all")
    ap.add_argument("out")
    args = ap.parse_args(argv)
    if args.calls < 1:
        ap.error("--calls must be at least 1")
    if args.answered_only:
        MIX[:] = [("answered", 100)]
    tmp = args.out + ".tmp"
    packets, counts = generate(tmp, args.calls, args.seed)
    os.replace(tmp, args.out)
    mix = ", ".join("%s %d" % (k, v) for k, v in counts.items())
    print("%s: %d calls, %d packets, %d bytes (%s)" % (
        args.out, args.calls, packets, os.path.getsize(args.out), mix))


if __name__ == "__main__":
    main()
