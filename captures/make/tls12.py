"""A deterministic TLS 1.2 session, standard library only, for hand-made captures.

Cipher suite TLS_RSA_WITH_AES_128_CBC_SHA (0x002F) with the TLS 1.2 PRF (P_SHA256).  Every
secret is a hash of a fixed label: client and server random, session ID, master secret, record
IVs; so a generator that uses it writes the same bytes on every run.  Nobody can run the RSA
key exchange here (there is no key pair): the Certificate message carries an empty list and
the ClientKeyExchange a stand-in for the encrypted pre-master secret.  Wireshark does not need
either: given the master secret by client random (``keylog()``, NSS key log format, for the
pcapng Decryption Secrets Block or the ``tls.keylog_file`` preference), it derives the keys
and decrypts the records, whose MACs, padding and Finished verify_data are all correct.

    s = Tls12Session("label")
    s.client_hello()                 # record bytes, client -> server
    s.server_hello()                 # ServerHello + Certificate + ServerHelloDone
    s.client_finish()                # ClientKeyExchange, ChangeCipherSpec, Finished
    s.server_finish()                # ChangeCipherSpec, Finished
    s.application_data(b"...", from_client=True)   # one encrypted record per 16 KiB
    s.keylog()                       # "CLIENT_RANDOM <hex> <hex>\\n"

AES-128 is a plain FIPS-197 implementation (``aes128_encrypt_block``), checked against the
FIPS-197 appendix C.1 vector when the module loads.
"""

import hashlib
import hmac
import struct

__all__ = ["Tls12Session", "aes128_encrypt_block", "prf"]

# ---------------------------------------------------------------------------
# AES-128 (encryption only: CBC needs nothing else on the sending side)
# ---------------------------------------------------------------------------


def _xtime(a):
    a <<= 1
    return a ^ 0x11B if a & 0x100 else a


def _gmul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = _xtime(a)
        b >>= 1
    return r


def _make_sbox():
    inv = [0] * 256
    for a in range(1, 256):
        for b in range(1, 256):
            if _gmul(a, b) == 1:
                inv[a] = b
                break
    sbox = []
    for a in range(256):
        b = inv[a]
        s = b
        for _ in range(4):
            b = ((b << 1) | (b >> 7)) & 0xFF
            s ^= b
        sbox.append(s ^ 0x63)
    return sbox


_SBOX = _make_sbox()
_MUL2 = [_gmul(a, 2) for a in range(256)]
_MUL3 = [_gmul(a, 3) for a in range(256)]


def _expand_key(key):
    w = [list(key[i:i + 4]) for i in range(0, 16, 4)]
    rcon = 1
    for i in range(4, 44):
        t = list(w[i - 1])
        if i % 4 == 0:
            t = [_SBOX[x] for x in t[1:] + t[:1]]
            t[0] ^= rcon
            rcon = _xtime(rcon)
        w.append([a ^ b for a, b in zip(w[i - 4], t)])
    return [sum(w[4 * r:4 * r + 4], []) for r in range(11)]


def _encrypt(round_keys, block):
    s = [a ^ b for a, b in zip(block, round_keys[0])]
    for rnd in range(1, 11):
        s = [_SBOX[x] for x in s]
        s = [s[r + 4 * ((c + r) % 4)] for c in range(4) for r in range(4)]   # ShiftRows
        if rnd != 10:
            m = []
            for c in range(4):
                a0, a1, a2, a3 = s[4 * c:4 * c + 4]
                m += [_MUL2[a0] ^ _MUL3[a1] ^ a2 ^ a3, a0 ^ _MUL2[a1] ^ _MUL3[a2] ^ a3,
                      a0 ^ a1 ^ _MUL2[a2] ^ _MUL3[a3], _MUL3[a0] ^ a1 ^ a2 ^ _MUL2[a3]]
            s = m
        s = [a ^ b for a, b in zip(s, round_keys[rnd])]
    return bytes(s)


def aes128_encrypt_block(key, block):
    """One AES-128 block (FIPS-197)."""
    return _encrypt(_expand_key(key), block)


assert aes128_encrypt_block(bytes(range(16)), bytes.fromhex("00112233445566778899aabbccddeeff")) == \
    bytes.fromhex("69c4e0d86a7b0430d8cdb78070b4c55a")


def _cbc_encrypt(round_keys, iv, data):
    out, prev = [], iv
    for i in range(0, len(data), 16):
        prev = _encrypt(round_keys, bytes(a ^ b for a, b in zip(data[i:i + 16], prev)))
        out.append(prev)
    return b"".join(out)


# ---------------------------------------------------------------------------
# TLS 1.2
# ---------------------------------------------------------------------------


def prf(secret, label, seed, n):
    """TLS 1.2 PRF (RFC 5246 §5): P_SHA256(secret, label + seed), ``n`` bytes."""
    seed = label + seed
    out, a = b"", seed
    while len(out) < n:
        a = hmac.new(secret, a, hashlib.sha256).digest()
        out += hmac.new(secret, a + seed, hashlib.sha256).digest()
    return out[:n]


_VERSION = 0x0303
_SUITE = 0x002F                       # TLS_RSA_WITH_AES_128_CBC_SHA
_CHANGE_CIPHER_SPEC, _HANDSHAKE, _APPLICATION_DATA = 20, 22, 23


def _record(ctype, body):
    return struct.pack(">BHH", ctype, _VERSION, len(body)) + body


def _handshake(htype, body):
    return struct.pack(">B", htype) + len(body).to_bytes(3, "big") + body


class Tls12Session:
    """Both ends of one TLS 1.2 connection; each method returns the bytes one side sends."""

    def __init__(self, label):
        self.label = label
        h = lambda what, n: hashlib.sha256(("tls12:%s:%s" % (label, what)).encode()).digest()[:n]  # noqa: E731
        self.client_random = h("client random", 32)
        self.server_random = h("server random", 32)
        self.session_id = h("session id", 32)
        self.master_secret = h("master secret a", 32) + h("master secret b", 16)
        self._premaster_stand_in = b"".join(h("encrypted pre-master %d" % i, 32) for i in range(8))
        kb = prf(self.master_secret, b"key expansion", self.server_random + self.client_random, 72)
        self._mac_key = {True: kb[0:20], False: kb[20:40]}
        self._enc_key = {True: _expand_key(kb[40:56]), False: _expand_key(kb[56:72])}
        self._seq = {True: 0, False: 0}
        self._iv_label = h
        self._transcript = b""

    # -- handshake -----------------------------------------------------------
    def client_hello(self):
        body = struct.pack(">H", _VERSION) + self.client_random + b"\x00"
        body += struct.pack(">HH", 2, _SUITE) + b"\x01\x00"
        # extensions: renegotiation_info (empty), as RFC 5746 clients send
        body += struct.pack(">HHHB", 5, 0xFF01, 1, 0)
        msg = _handshake(1, body)
        self._transcript += msg
        return _record(_HANDSHAKE, msg)

    def server_hello(self):
        body = struct.pack(">H", _VERSION) + self.server_random + b"\x20" + self.session_id
        body += struct.pack(">HB", _SUITE, 0) + struct.pack(">HHHB", 5, 0xFF01, 1, 0)
        msgs = _handshake(2, body) + _handshake(11, b"\x00\x00\x00") + _handshake(14, b"")
        self._transcript += msgs
        return _record(_HANDSHAKE, msgs)

    def _finished(self, from_client):
        label = b"client finished" if from_client else b"server finished"
        verify = prf(self.master_secret, label, hashlib.sha256(self._transcript).digest(), 12)
        msg = _handshake(20, verify)
        self._transcript += msg
        return self._protect(_HANDSHAKE, msg, from_client)

    def client_finish(self):
        pms = self._premaster_stand_in
        cke = _handshake(16, struct.pack(">H", len(pms)) + pms)
        self._transcript += cke
        return (_record(_HANDSHAKE, cke) + _record(_CHANGE_CIPHER_SPEC, b"\x01")
                + self._finished(True))

    def server_finish(self):
        return _record(_CHANGE_CIPHER_SPEC, b"\x01") + self._finished(False)

    # -- records -------------------------------------------------------------
    def _protect(self, ctype, data, from_client):
        seq = self._seq[from_client]
        self._seq[from_client] = seq + 1
        mac = hmac.new(self._mac_key[from_client],
                       struct.pack(">QBHH", seq, ctype, _VERSION, len(data)) + data,
                       hashlib.sha1).digest()
        plain = data + mac
        pad = 15 - len(plain) % 16
        plain += bytes([pad]) * (pad + 1)
        iv = self._iv_label("iv %s %d" % ("c" if from_client else "s", seq), 16)
        return _record(ctype, iv + _cbc_encrypt(self._enc_key[from_client], iv, plain))

    def application_data(self, data, from_client=True):
        """Encrypted application_data records holding ``data`` (16 KiB of plaintext each)."""
        return b"".join(self._protect(_APPLICATION_DATA, data[i:i + 16384], from_client)
                        for i in range(0, max(len(data), 1), 16384))

    def keylog(self):
        """The NSS key log line Wireshark needs to decrypt this session."""
        return "CLIENT_RANDOM %s %s\n" % (self.client_random.hex(), self.master_secret.hex())
