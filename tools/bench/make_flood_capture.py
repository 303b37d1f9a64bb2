#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Hash-flooding capture: N INVITE transactions whose OLD keys share their low bits.

    /usr/bin/python3 tools/bench/make_flood_capture.py [--calls N] [--seed S]
        [--normal] [--low-bits L] [--invite-only] OUT.pcapng

Standard library only, deterministic (a pure function of the arguments, this
file, captures/make/oldhash.py and captures/make/pcapng.py).

What an attacker who read the old public code (commit cd9e666) would write.
Transactions were stored by their 64-bit key alone (``sa_txn_key``: fixed seed,
invertible mix, splitmix64 finalizer) in an open-addressing table indexed by
the low bits of the key, probing linearly.  Every INVITE here has a Via branch
chosen so that its key is ``(hi << L) | LOW``: the low L bits (default 32) are
the same for all, the high bits all differ.  In the old table they all land on
one slot and form a single probe run, so the i-th INVITE and its response walk
about i slots: quadratic time.  ``--normal`` writes the same traffic (same
addresses, Call-IDs, tags, times, lengths) with ordinary random branches.

Traffic
    24 UACs (192.0.2.10-21, 198.51.100.10-21) -> 24 UASs (203.0.113.10-33),
    UDP 5060 both sides, picked at random per call; one INVITE per
    millisecond; each INVITE (CSeq 1, no body, about 330 bytes) is answered
    20 ms later by 486 Busy Here (about 300 bytes), unless --invite-only.
    No ACK: the two lookups per call are enough.  10^5 calls: 200 000
    packets, about 80 MB.

How a branch is crafted (captures/make/oldhash.py has the steps)
    A branch is 24 token bytes, three 8-byte words: w0 = "z9hG4bK-", w1, w2.
    The old key is finish(F(g(s1 ^ w2))) where s1 = g(s0 ^ w1) is the state
    after w1 and F the (known) mixes of the method and the two addresses;
    every step is a bijection, so for a target key K the value
    X(K) = s1 ^ w2 is known, and w2 = X(K) ^ s1.  The only constraint is that
    w2 be 8 token bytes: about 1 chance in 25 600 for a random s1.  Rather
    than trying that many w1 per call, a pool of 2^18 (w1, s1) pairs is made
    once, filed under the top two bits of each byte of s1; for a K, only the
    pairs whose top bits make every byte of w2 fall in 0x40-0x7F are looked
    at (one dictionary look-up), and w2 is kept when its 8 bytes are tokens
    there (A-Z a-z _ ` ~: 55 of those 64 values, 30 % of the pairs).  About
    70 % of the K find a pair; when none does, the next high bits are tried.
    Each key is checked against oldhash.txn_key before it is written.
"""

import argparse
import collections
import os
import random
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(_HERE, "..", "..", "captures", "make"))

import oldhash  # noqa: E402
from pcapng import BASE_US, PcapngWriter, UdpFlow  # noqa: E402

MS = 1000
PORT = 5060
UACS = ["192.0.2.%d" % (10 + i) for i in range(12)] + \
       ["198.51.100.%d" % (10 + i) for i in range(12)]
UASS = ["203.0.113.%d" % (10 + i) for i in range(24)]
HEAD = b"z9hG4bK-"
BRANCH_LEN = 24
POOL = 1 << 18
TOP2 = 0xC0C0C0C0C0C0C0C0          # bits 7 and 6 of every byte
WANT = 0x4040404040404040          # 0x40-0x7F in every byte
HI_TOKEN = frozenset(c for c in oldhash.TOKEN if c >= 0x40)


class Forger:
    """Branches whose old INVITE keys are (hi << low_bits) | low, hi = 1, 2, ..."""

    def __init__(self, seed, low_bits):
        rnd = random.Random("flood-pool:%d" % seed)
        self.low_bits = low_bits
        self.low = rnd.getrandbits(low_bits) if low_bits else 0
        self.hi = 1
        self.tries = 0
        s0 = oldhash.branch_prefix_state(HEAD, BRANCH_LEN)
        tok = oldhash.TOKEN
        pool = collections.defaultdict(list)
        for _ in range(POOL):
            w1 = bytes(tok[int(rnd.random() * len(tok))] for _ in range(8))
            s1 = oldhash.mix_word(s0, int.from_bytes(w1, "little"))
            pool[s1 & TOP2].append((s1, w1))
        self.pool = pool

    def branch(self, uac, uas):
        while True:
            key = (self.hi << self.low_bits) | self.low
            self.hi += 1
            self.tries += 1
            x = oldhash.target_pre_xor(key, b"INVITE", uac, uas, PORT)
            for s1, w1 in self.pool.get((x & TOP2) ^ WANT, ()):
                w2 = (x ^ s1).to_bytes(8, "little")
                if all(c in HI_TOKEN for c in w2):
                    br = HEAD + w1 + w2
                    assert oldhash.txn_key(br, b"INVITE", uac, uas, PORT) == key
                    return br.decode("ascii"), key


def invite(c):
    return ("INVITE sip:bob%05d@%s SIP/2.0\r\n"
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport\r\n"
            "Max-Forwards: 70\r\n"
            "From: <sip:alice%05d@example.com>;tag=%s\r\n"
            "To: <sip:bob%05d@example.net>\r\n"
            "Call-ID: %s@%s\r\n"
            "CSeq: 1 INVITE\r\n"
            "Contact: <sip:alice%05d@%s:%d>\r\n"
            "Content-Length: 0\r\n\r\n" % (
                c["n"], c["uas"], c["uac"], PORT, c["branch"], c["n"], c["ftag"], c["n"],
                c["cid"], c["uac"], c["n"], c["uac"], PORT)).encode()


def busy(c):
    return ("SIP/2.0 486 Busy Here\r\n"
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport=%d;received=%s\r\n"
            "From: <sip:alice%05d@example.com>;tag=%s\r\n"
            "To: <sip:bob%05d@example.net>;tag=%s\r\n"
            "Call-ID: %s@%s\r\n"
            "CSeq: 1 INVITE\r\n"
            "Content-Length: 0\r\n\r\n" % (
                c["uac"], PORT, c["branch"], PORT, c["uac"], c["n"], c["ftag"], c["n"],
                c["ttag"], c["cid"], c["uac"])).encode()


def generate(out, calls, seed, normal, low_bits, invite_only):
    rnd = random.Random(seed).random
    brnd = random.Random("flood-normal:%d" % seed).random
    forger = None if normal else Forger(seed, low_bits)
    tok = oldhash.TOKEN
    flows = {}
    pending = collections.deque()     # (ts, flow, payload): responses, in time order
    low_seen = set()
    with PcapngWriter(out) as w:
        for n in range(calls):
            t = BASE_US + n * MS
            while pending and pending[0][0] <= t:
                ts, flow, payload = pending.popleft()
                w.write(ts, flow.frame(payload, True))
            uac = UACS[int(rnd() * len(UACS))]
            uas = UASS[int(rnd() * len(UASS))]
            h = "%013x%013x" % (int(rnd() * (1 << 52)), int(rnd() * (1 << 52)))
            c = {"n": n % 100000, "uac": uac, "uas": uas, "cid": h[:18],
                 "ftag": h[18:26], "ttag": "%08x" % int(rnd() * (1 << 32))}
            if forger:
                c["branch"], key = forger.branch(uac, uas)
            else:
                c["branch"] = (HEAD + bytes(tok[int(brnd() * len(tok))]
                                            for _ in range(BRANCH_LEN - len(HEAD)))).decode()
                key = oldhash.txn_key(c["branch"], b"INVITE", uac, uas, PORT)
            if n < 4096:
                low_seen.add(key & ((1 << 20) - 1))
            flow = flows.get((uac, uas))
            if flow is None:
                flow = flows[(uac, uas)] = UdpFlow(uac, PORT, uas, PORT)
            w.write(t, flow.frame(invite(c)))
            if not invite_only:
                pending.append((t + 20 * MS, flow, busy(c)))
        while pending:
            ts, flow, payload = pending.popleft()
            w.write(ts, flow.frame(payload, True))
        packets = w.count
    return packets, forger, len(low_seen)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--normal", action="store_true",
                    help="ordinary random branches (same traffic otherwise)")
    ap.add_argument("--low-bits", type=int, default=32,
                    help="how many low bits of the old keys are equal (default 32)")
    ap.add_argument("--invite-only", action="store_true", help="no 486 responses")
    ap.add_argument("out")
    args = ap.parse_args(argv)
    if args.calls < 1:
        ap.error("--calls must be at least 1")
    if not 0 <= args.low_bits <= 48:
        ap.error("--low-bits: 0 to 48")
    tmp = args.out + ".tmp"
    packets, forger, lows = generate(tmp, args.calls, args.seed, args.normal,
                                     args.low_bits, args.invite_only)
    os.replace(tmp, args.out)
    how = ("normal branches" if forger is None else
           "crafted: old keys = hi << %d | 0x%x, %d keys tried"
           % (forger.low_bits, forger.low, forger.tries))
    print("%s: %d calls, %d packets, %d bytes (%s; %d distinct low-20-bit key values "
          "among the first 4096 INVITEs)" % (
              args.out, args.calls, packets, os.path.getsize(args.out), how, lows))


if __name__ == "__main__":
    main()
