"""Minimal, dependency-free pcapng writer for hand-made and benchmark captures.

Standard library only (Debian's /usr/bin/python3).  Everything it produces is
a pure function of its inputs, so a generator that uses it writes the same
bytes on every run (no wall-clock time, no random numbers, no host names).

File layout
    One Section Header Block (byte order magic 0x1A2B3C4D, little endian,
    version 1.0, section length -1 = "not given", no options), one Interface
    Description Block (LINKTYPE_ETHERNET by default, configurable snaplen,
    option if_tsresol = 6, i.e. microseconds, unless told otherwise), then
    one Enhanced Packet Block per packet on interface 0, without options.
    With ``tls_keylog`` (NSS key log text), a Decryption Secrets Block of
    type TLSK follows the IDB, so Wireshark decrypts the TLS sessions it
    names without any preference (``write_dsb`` writes other secrets).
    ``add_interface`` writes more IDBs (own ``if_tsresol``, ``if_tsoffset``,
    ``if_name``) and ``write_epb`` writes a packet on any interface with a
    raw 64-bit timestamp in that interface's units.

Timestamps
    Integers: microseconds since the Unix epoch.  ``BASE_US`` is
    2026-01-01T00:00:00Z; write ``BASE_US + 1_700_250`` for "1.700250 s after
    the base".  With ``tsresol=9`` the writer multiplies by 1000; with a
    coarser resolution it divides (truncating).

Truncation
    ``PcapngWriter.write(ts_us, frame, caplen=None)`` stores
    ``min(len(frame), caplen, snaplen)`` bytes and records ``len(frame)`` as
    the original length, so a small snaplen or an explicit ``caplen`` gives
    frames with captured length < original length.

Packets
    ``Path``     one direction between two hosts (Ethernet + IPv4 or IPv6).
                 It precomputes the Ethernet header, the constant part of the
                 IPv4 header checksum and the pseudo-header sum, so building a
                 packet costs one ``int.from_bytes`` over the payload plus a
                 few ``struct.pack`` calls.  ``path.udp(sport, dport, data)``
                 and ``path.tcp(sport, dport, seq, ack, flags, data)`` return
                 a complete Ethernet frame with correct IPv4 header, UDP and
                 TCP checksums (IPv6 has no header checksum).
    ``UdpFlow``  a UDP conversation between (ip_a, port_a) and (ip_b, port_b):
                 ``flow.frame(payload, reverse=False)``.
    ``TcpFlow``  a TCP connection that writes to a writer (anything with a
                 ``write(ts_us, frame, caplen=None)`` method): ``handshake``,
                 ``send`` (PSH/ACK segments; split one payload over several
                 segments, or put several messages in one), ``ack``,
                 ``close``.  Sequence and acknowledgement numbers are tracked
                 for both directions; every segment acknowledges everything
                 the peer has sent so far.
    ``SctpAssoc`` an SCTP association written to a writer: ``handshake``
                 (INIT, INIT ACK with a State Cookie, COOKIE ECHO, COOKIE
                 ACK), ``send`` (one DATA chunk per message, several
                 messages bundled into one packet when given a list),
                 ``sack``, ``shutdown``.  TSNs, stream sequence numbers and
                 verification tags are tracked per direction; every packet
                 carries a correct CRC32c checksum (RFC 4960 Appendix B).
                 Multi-homed: ``c_alt`` / ``s_alt`` addresses go into INIT /
                 INIT ACK, ``src`` / ``dst`` send over another path.
                 ``path.sctp(sport, dport, vtag, chunks)`` builds one packet.
    ``udp_frame`` / ``tcp_frame``  one-shot helpers (paths are cached).
    ICMP         ``path.icmp(type, code, quoted)``: an ICMP (IPv4 path) or
                 ICMPv6 (IPv6 path) message with a correct checksum;
                 ``icmp_quote(frame)`` is what a router quotes of a frame
                 (its IP packet cut to 548 bytes, IPv6: 1232),
                 ``ip_packet(frame)`` the whole IP packet.

MAC addresses default to a locally administered address derived from the IP
address (02:xx:xx:xx:xx:xx), so frames between the same hosts always carry
the same MACs.  IPv4 identification numbers count up per Path from a value
derived from the two addresses (like Linux's per-destination counters), and
the DF bit is set.

Example::

    from pcapng import BASE_US, PcapngWriter, UdpFlow, TcpFlow
    with PcapngWriter("x.pcapng") as w:
        f = UdpFlow("192.0.2.10", 5060, "203.0.113.5", 5060)
        w.write(BASE_US, f.frame(b"OPTIONS ..."))
        w.write(BASE_US + 20_000, f.frame(b"SIP/2.0 200 OK ...", reverse=True))
        t = TcpFlow(w, "192.0.2.10", 50000, "203.0.113.5", 5060)
        ts = t.handshake(BASE_US + 100_000)
        ts = t.send(ts + 100, [msg1, msg2])                   # 2 msgs, 1 segment
        ts = t.send(ts + 100, msg3, from_client=False, segments=2)  # split

For speed with hundreds of thousands of packets: build the ``UdpFlow`` /
``Path`` objects once, reuse them, and write in time order (the writer
buffers with a 1 MiB buffer).  ``FrameList`` collects frames out of order
and writes them sorted, for small captures whose conversations interleave.
"""

import hashlib
import ipaddress
import struct
import zlib

__all__ = [
    "BASE_US", "LINKTYPE_ETHERNET", "DSB_TLS_KEYLOG", "PcapngWriter",
    "FrameList", "Path", "UdpFlow", "TcpFlow", "udp_frame", "tcp_frame",
    "mac_for_ip", "checksum", "reset_paths", "crc32c", "SctpAssoc",
    "SCTP_PPID_SIP", "ip_packet", "icmp_quote", "ICMP_QUOTE_MAX",
    "ICMPV6_QUOTE_MAX",
    "FIN", "SYN", "RST", "PSH", "ACK",
]

#: 2026-01-01T00:00:00Z in microseconds since the epoch.
BASE_US = 1767225600 * 1_000_000

LINKTYPE_ETHERNET = 1

#: Decryption Secrets Block type of a TLS key log (NSS format).
DSB_TLS_KEYLOG = 0x544C534B

FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10

_SHB_MAGIC = 0x1A2B3C4D
_EPB_HEAD = struct.Struct("<IIIIIII")   # type, len, ifid, ts_hi, ts_lo, cap, orig
_U32 = struct.Struct("<I")
_PADS = (b"", b"\0\0\0", b"\0\0", b"\0")  # indexed by len % 4


# ---------------------------------------------------------------------------
# pcapng writer
# ---------------------------------------------------------------------------

class PcapngWriter:
    """Write a pcapng file: SHB + one IDB + EPBs.

    ``dest`` is a path or a binary file object (not closed by ``close`` if
    it was passed in).  ``snaplen`` is stored in the IDB and caps every
    captured length; ``tsresol`` is the decimal exponent written as
    if_tsresol (6 = microseconds, 9 = nanoseconds).
    """

    def __init__(self, dest, snaplen=262144, linktype=LINKTYPE_ETHERNET,
                 tsresol=6, tls_keylog=None):
        if not 0 <= tsresol <= 127:
            raise ValueError("only decimal if_tsresol (0..127) is supported")
        if isinstance(dest, (str, bytes)) or hasattr(dest, "__fspath__"):
            self._f = open(dest, "wb", buffering=1 << 20)
            self._own = True
        else:
            self._f = dest
            self._own = False
        self.snaplen = snaplen
        self.tsresol = tsresol
        if tsresol >= 6:
            self._mul, self._div = 10 ** (tsresol - 6), 1
        else:
            self._mul, self._div = 1, 10 ** (6 - tsresol)
        self.count = 0
        self._write_shb()
        self._write_idb(linktype, snaplen, tsresol)
        if tls_keylog:
            if isinstance(tls_keylog, str):
                tls_keylog = tls_keylog.encode("ascii")
            self.write_dsb(DSB_TLS_KEYLOG, tls_keylog)

    # -- blocks -------------------------------------------------------------
    def _write_shb(self):
        body = struct.pack("<IHHq", _SHB_MAGIC, 1, 0, -1)
        n = 12 + len(body)
        self._f.write(struct.pack("<II", 0x0A0D0D0A, n) + body + _U32.pack(n))

    def _write_idb(self, linktype, snaplen, tsresol):
        # if_tsresol is always written explicitly (code 9, length 1, padded)
        opts = struct.pack("<HHB3x", 9, 1, tsresol)
        opts += struct.pack("<HH", 0, 0)                   # opt_endofopt
        body = struct.pack("<HHI", linktype, 0, snaplen) + opts
        n = 12 + len(body)
        self._f.write(struct.pack("<II", 1, n) + body + _U32.pack(n))

    def add_interface(self, linktype=LINKTYPE_ETHERNET, snaplen=262144,
                      tsresol=6, tsoffset=None, name=None):
        """Write one more Interface Description Block and return its
        interface id (the constructor's IDB is 0).  Options: ``name``
        (if_name), ``tsresol`` (if_tsresol, a decimal exponent 0..127, or a
        power of two with bit 7 set, written as given), ``tsoffset``
        (if_tsoffset: signed 64-bit seconds added to every timestamp of
        the interface, pcapng §4.2).  Packets go to it with
        ``write_epb``."""
        opts = b""
        if name is not None:
            v = name.encode("utf-8")
            opts += struct.pack("<HH", 2, len(v)) + v + _PADS[len(v) & 3]
        opts += struct.pack("<HHB3x", 9, 1, tsresol)
        if tsoffset is not None:
            opts += struct.pack("<HHq", 14, 8, tsoffset)
        opts += struct.pack("<HH", 0, 0)                   # opt_endofopt
        body = struct.pack("<HHI", linktype, 0, snaplen) + opts
        n = 12 + len(body)
        self._f.write(struct.pack("<II", 1, n) + body + _U32.pack(n))
        self._ifaces = getattr(self, "_ifaces", 1) + 1
        return self._ifaces - 1

    def write_epb(self, ifid, ts_raw, frame, caplen=None):
        """Write one EPB on interface ``ifid`` with the raw 64-bit timestamp
        ``ts_raw``, in that interface's own units (if_tsresol) and before
        its if_tsoffset, unsigned: any value 0..2**64-1 is written as is."""
        if not 0 <= ts_raw <= 0xFFFFFFFFFFFFFFFF:
            raise ValueError("timestamp out of the 64-bit range")
        orig = len(frame)
        cap = orig if caplen is None else min(orig, caplen)
        frame = frame[:cap]
        pad = _PADS[cap & 3]
        n = 32 + cap + len(pad)
        self._f.write(_EPB_HEAD.pack(6, n, ifid, ts_raw >> 32,
                                     ts_raw & 0xFFFFFFFF, cap, orig)
                      + frame + pad + _U32.pack(n))
        self.count += 1

    def write_dsb(self, secrets_type, data):
        """Write a Decryption Secrets Block (no options)."""
        pad = _PADS[len(data) & 3]
        n = 12 + 8 + len(data) + len(pad)
        self._f.write(struct.pack("<IIII", 0x0000000A, n, secrets_type, len(data))
                      + data + pad + _U32.pack(n))

    def write(self, ts_us, frame, caplen=None):
        """Write one EPB.  ``ts_us``: integer microseconds since the epoch."""
        orig = len(frame)
        cap = orig if orig < self.snaplen else self.snaplen
        if caplen is not None and caplen < cap:
            cap = caplen
        if cap < orig:
            frame = frame[:cap]
        ts = ts_us * self._mul if self._div == 1 else ts_us // self._div
        pad = _PADS[cap & 3]
        n = 32 + cap + len(pad)
        f = self._f
        f.write(_EPB_HEAD.pack(6, n, 0, ts >> 32, ts & 0xFFFFFFFF, cap, orig))
        f.write(frame)
        f.write(pad + _U32.pack(n))
        self.count += 1

    def close(self):
        if self._f is not None:
            self._f.flush()
            if self._own:
                self._f.close()
            self._f = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class FrameList:
    """Collect frames out of order; ``save`` writes them sorted by time.

    ``write(ts_us, frame, caplen=None, key=None, note=None)``: ``key``
    (default ``ts_us``) is what frames are sorted on, so a frame can be put
    at a file position that disagrees with its timestamp (time going
    backwards).  Ties keep insertion order.  ``note`` is kept for
    documentation; ``save`` returns the notes in file order.
    """

    def __init__(self):
        self.items = []

    def write(self, ts_us, frame, caplen=None, key=None, note=None):
        self.items.append((ts_us if key is None else key, len(self.items),
                           ts_us, frame, caplen, note))

    def sorted(self):
        return sorted(self.items, key=lambda it: (it[0], it[1]))

    def save(self, writer):
        notes = []
        for _k, _i, ts, frame, caplen, note in self.sorted():
            writer.write(ts, frame, caplen)
            notes.append(note)
        return notes


# ---------------------------------------------------------------------------
# checksums and addresses
# ---------------------------------------------------------------------------

def _ocsum(n):
    """One's-complement 16-bit sum of words whose plain integer sum is ``n``.

    2**16 == 1 (mod 0xFFFF), so any big-endian byte string read as one
    integer is congruent to the sum of its 16-bit words; the end-around
    carry sum is that residue, with 0xFFFF standing for a non-zero
    multiple of 0xFFFF.
    """
    if n == 0:
        return 0
    r = n % 0xFFFF
    return r if r else 0xFFFF


def _data_sum(data):
    """Integer congruent (mod 0xFFFF) to the word sum of ``data``,
    zero-padded to even length."""
    v = int.from_bytes(data, "big")
    return v << 8 if len(data) & 1 else v


def checksum(data):
    """RFC 1071 Internet checksum of ``data``."""
    return 0xFFFF - _ocsum(_data_sum(data))


def _crc32c_table():
    t = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        t.append(c)
    return t


_CRC32C = _crc32c_table()


def crc32c(data):
    """CRC32c (Castagnoli, reflected, init and final xor 0xFFFFFFFF), the
    SCTP checksum: crc32c(b"123456789") == 0xE3069283."""
    c = 0xFFFFFFFF
    t = _CRC32C
    for b in data:
        c = t[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def mac_for_ip(ip):
    """Deterministic locally administered MAC for an IP address."""
    packed = ipaddress.ip_address(ip).packed
    if len(packed) == 4:
        tail = packed
    else:
        tail = struct.pack(">I", zlib.crc32(packed))
    return b"\x02\x00" + tail


def _mac(m, ip):
    if m is None:
        return mac_for_ip(ip)
    if isinstance(m, (bytes, bytearray)):
        if len(m) != 6:
            raise ValueError("MAC must be 6 bytes")
        return bytes(m)
    return bytes(int(x, 16) for x in m.replace("-", ":").split(":"))


# ---------------------------------------------------------------------------
# IP paths
# ---------------------------------------------------------------------------

_IP4 = struct.Struct(">BBHHHBBH4s4s")
_IP6 = struct.Struct(">IHBB16s16s")
_UDP = struct.Struct(">HHHH")
_TCP = struct.Struct(">HHIIBBHHH")


class Path:
    """One direction src -> dst: Ethernet + IPv4/IPv6 header builder.

    ``ttl`` is the IPv4 TTL / IPv6 hop limit.  ``ip_id`` is the first IPv4
    identification number (default: derived from the addresses).
    """

    def __init__(self, src_ip, dst_ip, src_mac=None, dst_mac=None, ttl=64,
                 ip_id=None):
        s = ipaddress.ip_address(src_ip)
        d = ipaddress.ip_address(dst_ip)
        if s.version != d.version:
            raise ValueError("mixed IPv4/IPv6 path")
        self.v6 = s.version == 6
        self.src, self.dst = s.packed, d.packed
        self.ttl = ttl
        smac, dmac = _mac(src_mac, src_ip), _mac(dst_mac, dst_ip)
        self.eth = dmac + smac + (b"\x86\xdd" if self.v6 else b"\x08\x00")
        addr_sum = int.from_bytes(self.src, "big") + int.from_bytes(self.dst, "big")
        # pseudo-header sum without protocol and length
        self._pseudo = addr_sum
        if not self.v6:
            # constant words of the IPv4 header: ver/ihl/tos, flags (DF),
            # addresses; ttl/proto is added per protocol
            self._ip_const = 0x4500 + 0x4000 + addr_sum
            self.ip_id = (zlib.crc32(self.src + self.dst) & 0xFFFF
                          if ip_id is None else ip_id & 0xFFFF)

    def _ip(self, proto, l4):
        """IP header (bytes) for an upper-layer packet ``l4`` bytes long."""
        if self.v6:
            return _IP6.pack(0x60000000, l4, proto, self.ttl, self.src, self.dst)
        total = 20 + l4
        ident = self.ip_id
        self.ip_id = (ident + 1) & 0xFFFF
        tp = (self.ttl << 8) | proto
        ck = 0xFFFF - _ocsum(self._ip_const + tp + total + ident)
        return _IP4.pack(0x45, 0, total, ident, 0x4000, self.ttl, proto, ck,
                         self.src, self.dst)

    def udp(self, sport, dport, payload):
        """Complete Ethernet frame carrying one UDP datagram."""
        ulen = 8 + len(payload)
        if ulen > 0xFFFF or (not self.v6 and ulen > 65515):
            raise ValueError("UDP datagram too large: %d bytes" % ulen)
        s = (self._pseudo + 17 + ulen            # pseudo header
             + sport + dport + ulen              # UDP header (cksum 0)
             + _data_sum(payload))
        ck = 0xFFFF - _ocsum(s)
        if ck == 0:
            ck = 0xFFFF
        return b"".join((self.eth, self._ip(17, ulen),
                         _UDP.pack(sport, dport, ulen, ck), payload))

    def tcp(self, sport, dport, seq, ack, flags, payload=b"", window=65535,
            options=b""):
        """Complete Ethernet frame carrying one TCP segment."""
        if len(options) & 3:
            options += b"\0" * (4 - (len(options) & 3))
        hlen = 20 + len(options)
        tlen = hlen + len(payload)
        off = (hlen // 4) << 4
        hdr = _TCP.pack(sport, dport, seq, ack, off, flags, window, 0, 0) + options
        s = self._pseudo + 6 + tlen + _data_sum(hdr) + _data_sum(payload)
        ck = 0xFFFF - _ocsum(s)
        hdr = hdr[:16] + struct.pack(">H", ck) + hdr[18:]
        return b"".join((self.eth, self._ip(6, tlen), hdr, payload))

    def sctp(self, sport, dport, vtag, chunks):
        """Complete Ethernet frame carrying one SCTP packet: common header
        with verification tag ``vtag`` and CRC32c checksum, then
        ``chunks`` (bytes, or a list of chunks, each already padded to a
        multiple of 4 bytes).  The checksum is stored in the byte order
        RFC 4960 Appendix B gives (least significant byte first)."""
        if isinstance(chunks, (list, tuple)):
            chunks = b"".join(chunks)
        pkt = struct.pack(">HHII", sport, dport, vtag, 0) + chunks
        ck = crc32c(pkt)
        pkt = pkt[:8] + struct.pack("<I", ck) + pkt[12:]
        return b"".join((self.eth, self._ip(132, len(pkt)), pkt))

    def icmp(self, icmp_type, code, quoted=b"", rest=0):
        """Complete Ethernet frame carrying one ICMP message (ICMPv6 on an
        IPv6 path): type, code, checksum, the 32-bit rest-of-header field
        ``rest`` (0 = "unused" of destination unreachable errors; the MTU
        of ICMPv6 Packet Too Big), then ``quoted``: for an error, the
        offending IP packet or its first bytes (``ip_packet`` /
        ``icmp_quote``).  ICMP's checksum covers the message; ICMPv6's
        adds the IPv6 pseudo-header (RFC 4443 §2.3)."""
        msg = struct.pack(">BBHI", icmp_type, code, 0, rest & 0xFFFFFFFF) + quoted
        if self.v6:
            proto = 58
            ck = 0xFFFF - _ocsum(self._pseudo + 58 + len(msg) + _data_sum(msg))
        else:
            proto = 1
            ck = checksum(msg)
        msg = msg[:2] + struct.pack(">H", ck) + msg[4:]
        return b"".join((self.eth, self._ip(proto, len(msg)), msg))


def ip_packet(frame):
    """The IP packet inside an Ethernet frame (the frame minus its 14-byte
    Ethernet header): what an ICMP error quotes."""
    return frame[14:]


#: Most of the offending datagram an ICMP error may quote so that the
#: whole ICMP datagram stays within 576 bytes (RFC 1812 §4.3.2.3): 576 - 20
#: (IPv4 header) - 8 (ICMP header).
ICMP_QUOTE_MAX = 548
#: The same for ICMPv6 within the minimum MTU of 1280 (RFC 4443 §2.4 (c)):
#: 1280 - 40 - 8.
ICMPV6_QUOTE_MAX = 1232


def icmp_quote(frame, limit=None):
    """What a router quotes of ``frame`` (an Ethernet frame): its IP packet,
    cut to ``limit`` bytes (default ICMP_QUOTE_MAX for IPv4,
    ICMPV6_QUOTE_MAX for IPv6).  The quoted headers keep their original
    length fields."""
    pkt = ip_packet(frame)
    if limit is None:
        limit = ICMPV6_QUOTE_MAX if frame[12:14] == b"\x86\xdd" else ICMP_QUOTE_MAX
    return pkt[:limit]


_PATHS = {}


def _path(src_ip, dst_ip, src_mac=None, dst_mac=None):
    key = (src_ip, dst_ip, src_mac, dst_mac)
    p = _PATHS.get(key)
    if p is None:
        p = _PATHS[key] = Path(src_ip, dst_ip, src_mac, dst_mac)
    return p


def udp_frame(src_ip, sport, dst_ip, dport, payload, src_mac=None,
              dst_mac=None):
    """One-shot Ethernet/IP/UDP frame (Paths cached by address)."""
    return _path(src_ip, dst_ip, src_mac, dst_mac).udp(sport, dport, payload)


def tcp_frame(src_ip, sport, dst_ip, dport, seq, ack, flags, payload=b"",
              window=65535, src_mac=None, dst_mac=None):
    """One-shot Ethernet/IP/TCP frame (Paths cached by address)."""
    return _path(src_ip, dst_ip, src_mac, dst_mac).tcp(
        sport, dport, seq, ack, flags, payload, window)


def reset_paths():
    """Forget cached one-shot Paths (restarts their IPv4 ID counters)."""
    _PATHS.clear()


# ---------------------------------------------------------------------------
# flows
# ---------------------------------------------------------------------------

class UdpFlow:
    """UDP conversation between (a_ip, a_port) and (b_ip, b_port)."""

    def __init__(self, a_ip, a_port, b_ip, b_port, a_mac=None, b_mac=None,
                 ttl=64):
        self.a_port, self.b_port = a_port, b_port
        self.fwd = Path(a_ip, b_ip, a_mac, b_mac, ttl)
        self.rev = Path(b_ip, a_ip, b_mac, a_mac, ttl)

    def frame(self, payload, reverse=False):
        """Frame a -> b, or b -> a with ``reverse=True``."""
        if reverse:
            return self.rev.udp(self.b_port, self.a_port, payload)
        return self.fwd.udp(self.a_port, self.b_port, payload)


def _split(data, segments, mss):
    """Cut ``data`` into pieces: ``segments`` None (by MSS), an int (that
    many near-equal pieces) or a list of sizes (the rest goes last)."""
    n = len(data)
    if segments is None:
        sizes = []
    elif isinstance(segments, int):
        if segments < 1:
            raise ValueError("segments must be >= 1")
        q, r = divmod(n, segments)
        sizes = [q + (1 if i < r else 0) for i in range(segments)]
    else:
        sizes = list(segments)
        used = sum(sizes)
        if used > n:
            raise ValueError("segment sizes exceed the payload")
        if used < n:
            sizes.append(n - used)
    if not sizes:
        sizes = [n]
    out, pos = [], 0
    for sz in sizes:
        while sz > mss:                      # never exceed the MSS
            out.append(data[pos:pos + mss])
            pos += mss
            sz -= mss
        if sz:
            out.append(data[pos:pos + sz])
            pos += sz
    return out


class TcpFlow:
    """A TCP connection between a client and a server, written to ``out``.

    ``out`` has ``write(ts_us, frame, caplen=None)`` (a PcapngWriter or a
    FrameList).  ``isn_c`` / ``isn_s`` are the initial sequence numbers
    (default: derived from the endpoints, so deterministic).  Every method
    takes the timestamp of its first packet and returns the timestamp of
    its last one.
    """

    def __init__(self, out, c_ip, c_port, s_ip, s_port, isn_c=None,
                 isn_s=None, mss=1460, window=65535, c_mac=None, s_mac=None,
                 ttl=64):
        self.out = out
        self.c_port, self.s_port = c_port, s_port
        self.c2s = Path(c_ip, s_ip, c_mac, s_mac, ttl)
        self.s2c = Path(s_ip, c_ip, s_mac, c_mac, ttl)
        seed = ("%s|%d|%s|%d" % (c_ip, c_port, s_ip, s_port)).encode()
        if isn_c is None:
            isn_c = zlib.crc32(seed + b"c")
        if isn_s is None:
            isn_s = zlib.crc32(seed + b"s")
        self.mss = mss
        self.window = window
        # next sequence number each side will send
        self.seq = {True: isn_c & 0xFFFFFFFF, False: isn_s & 0xFFFFFFFF}
        self.established = False

    def _emit(self, ts, from_client, flags, payload=b"", options=b"",
              caplen=None, **kw):
        me, peer = from_client, not from_client
        ack = self.seq[peer] if (flags & ACK) else 0
        if from_client:
            fr = self.c2s.tcp(self.c_port, self.s_port, self.seq[me], ack,
                              flags, payload, self.window, options)
        else:
            fr = self.s2c.tcp(self.s_port, self.c_port, self.seq[me], ack,
                              flags, payload, self.window, options)
        adv = len(payload) + (1 if flags & (SYN | FIN) else 0)
        self.seq[me] = (self.seq[me] + adv) & 0xFFFFFFFF
        if kw:
            self.out.write(ts, fr, caplen, **kw)
        else:
            self.out.write(ts, fr, caplen)
        return fr

    def segment(self, ts, payload=b"", from_client=True, flags=PSH | ACK,
                **kw):
        """Write one raw segment (no splitting)."""
        self._emit(ts, from_client, flags, payload, **kw)
        return ts

    def handshake(self, ts, rtt_us=400, **kw):
        """SYN, SYN/ACK (ts + rtt/2), ACK (ts + rtt).  MSS option on SYNs."""
        mss_opt = struct.pack(">BBH", 2, 4, self.mss)
        half = rtt_us // 2
        self._emit(ts, True, SYN, options=mss_opt, **kw)
        self._emit(ts + half, False, SYN | ACK, options=mss_opt, **kw)
        self._emit(ts + rtt_us, True, ACK, **kw)
        self.established = True
        return ts + rtt_us

    def send(self, ts, data, from_client=True, segments=None, gap_us=60,
             ack_every=None, ack_delay_us=40, **kw):
        """Send ``data`` (bytes, or a list of messages sent back to back in
        the same byte stream) as PSH/ACK segments, ``gap_us`` apart.

        ``segments``: None = as few MSS-sized segments as possible, an int =
        that many near-equal segments, a list = explicit sizes.  ``ack_every``
        = n makes the peer send a pure ACK after every n-th segment (and
        after the last one), ``ack_delay_us`` after it.
        """
        if isinstance(data, (list, tuple)):
            data = b"".join(data)
        pieces = _split(data, segments, self.mss)
        t = ts
        for i, piece in enumerate(pieces):
            if i:
                t += gap_us
            self._emit(t, from_client, PSH | ACK, piece, **kw)
            if ack_every and ((i + 1) % ack_every == 0 or i == len(pieces) - 1):
                self._emit(t + ack_delay_us, not from_client, ACK, **kw)
                t += ack_delay_us
        return t

    def ack(self, ts, from_client=True, **kw):
        """Pure ACK."""
        self._emit(ts, from_client, ACK, **kw)
        return ts

    def close(self, ts, from_client=True, gap_us=200, **kw):
        """FIN/ACK from one side, FIN/ACK from the other, final ACK."""
        self._emit(ts, from_client, FIN | ACK, **kw)
        self._emit(ts + gap_us, not from_client, FIN | ACK, **kw)
        self._emit(ts + 2 * gap_us, from_client, ACK, **kw)
        return ts + 2 * gap_us


# ---------------------------------------------------------------------------
# SCTP
# ---------------------------------------------------------------------------

#: SCTP payload protocol identifier of SIP (IANA).
SCTP_PPID_SIP = 39

_SCTP_DATA, _SCTP_INIT, _SCTP_INIT_ACK, _SCTP_SACK = 0, 1, 2, 3
_SCTP_SHUTDOWN, _SCTP_SHUTDOWN_ACK = 7, 8
_SCTP_COOKIE_ECHO, _SCTP_COOKIE_ACK, _SCTP_SHUTDOWN_COMPLETE = 10, 11, 14


def _chunk(ctype, flags, value=b""):
    """One SCTP chunk: type, flags, length (without padding), value, padding."""
    n = 4 + len(value)
    return struct.pack(">BBH", ctype, flags, n) + value + _PADS[n & 3]


class SctpAssoc:
    """An SCTP association between a client (the side that sends INIT) and
    a server, written to ``out`` (anything with ``write(ts_us, frame,
    caplen=None)``).

    Verification tags and initial TSNs default to values derived from the
    endpoints (deterministic, never 0).  ``ppid`` is the default payload
    protocol identifier of DATA chunks (0 = unspecified, the usual value
    for SIP; ``SCTP_PPID_SIP`` = 39).  Every method takes the timestamp of
    its first packet and returns the timestamp of its last one.

    Multi-homing: ``c_alt`` / ``s_alt`` list further addresses of the
    client / server, announced as IPv4/IPv6 Address parameters of the INIT
    / INIT ACK; ``send``, ``sack`` take ``src`` and ``dst`` to send a
    packet over another path of the association (default: the primary
    path ``c_ip`` <-> ``s_ip``).
    """

    def __init__(self, out, c_ip, c_port, s_ip, s_port, ppid=0, a_rwnd=106496,
                 streams=10, c_mac=None, s_mac=None, ttl=64, c_alt=(),
                 s_alt=()):
        self.out = out
        self.c_port, self.s_port = c_port, s_port
        self.c_ip, self.s_ip = c_ip, s_ip
        self.c2s = Path(c_ip, s_ip, c_mac, s_mac, ttl)
        self.s2c = Path(s_ip, c_ip, s_mac, c_mac, ttl)
        self.alt = {True: tuple(c_alt), False: tuple(s_alt)}
        self._paths = {}
        self.ttl = ttl
        self.seed = ("%s|%d|%s|%d" % (c_ip, c_port, s_ip, s_port)).encode()
        # the tag each side chose in its INIT / INIT ACK (the peer puts it
        # in the common header of every packet it sends to that side)
        self.tag = {True: (zlib.crc32(self.seed + b"tag c") or 1),
                    False: (zlib.crc32(self.seed + b"tag s") or 1)}
        self.tsn = {True: zlib.crc32(self.seed + b"tsn c"),
                    False: zlib.crc32(self.seed + b"tsn s")}
        self.isn = dict(self.tsn)
        self.ssn = {}
        self.ppid = ppid
        self.a_rwnd = a_rwnd
        self.streams = streams

    def _path(self, from_client, src, dst):
        """The Path a packet takes: primary unless ``src`` / ``dst`` name
        another address of the sender / receiver."""
        primary = self.c2s if from_client else self.s2c
        own = self.c_ip if from_client else self.s_ip
        peer = self.s_ip if from_client else self.c_ip
        src, dst = src or own, dst or peer
        if (src, dst) == (own, peer):
            return primary
        for ip, side in ((src, from_client), (dst, not from_client)):
            if ip != (self.c_ip if side else self.s_ip) and ip not in self.alt[side]:
                raise ValueError("%s is not an address of that endpoint" % ip)
        p = self._paths.get((src, dst))
        if p is None:
            p = self._paths[(src, dst)] = Path(src, dst, ttl=self.ttl)
        return p

    def _emit(self, ts, from_client, chunks, vtag=None, caplen=None, src=None,
              dst=None, **kw):
        if vtag is None:
            vtag = self.tag[not from_client]
        path = self._path(from_client, src, dst)
        if from_client:
            fr = path.sctp(self.c_port, self.s_port, vtag, chunks)
        else:
            fr = path.sctp(self.s_port, self.c_port, vtag, chunks)
        if kw:
            self.out.write(ts, fr, caplen, **kw)
        else:
            self.out.write(ts, fr, caplen)
        return fr

    def _init_value(self, from_client):
        v = struct.pack(">IIHHI", self.tag[from_client], self.a_rwnd,
                        self.streams, self.streams, self.isn[from_client])
        for ip in self.alt[from_client]:
            packed = ipaddress.ip_address(ip).packed
            v += struct.pack(">HH", 5 if len(packed) == 4 else 6,
                             4 + len(packed)) + packed
        return v

    def handshake(self, ts, rtt_us=400, **kw):
        """INIT (ts), INIT ACK (ts + rtt/2), COOKIE ECHO (ts + rtt), COOKIE
        ACK (ts + rtt + rtt/2).  The State Cookie is 32 bytes derived from
        the endpoints."""
        half = rtt_us // 2
        cookie = hashlib.sha256(self.seed + b"cookie").digest()
        self._emit(ts, True, _chunk(_SCTP_INIT, 0, self._init_value(True)),
                   vtag=0, **kw)
        param = struct.pack(">HH", 7, 4 + len(cookie)) + cookie
        self._emit(ts + half, False,
                   _chunk(_SCTP_INIT_ACK, 0, self._init_value(False) + param),
                   **kw)
        self._emit(ts + rtt_us, True, _chunk(_SCTP_COOKIE_ECHO, 0, cookie),
                   **kw)
        self._emit(ts + rtt_us + half, False, _chunk(_SCTP_COOKIE_ACK, 0),
                   **kw)
        return ts + rtt_us + half

    def data_chunk(self, payload, from_client=True, stream=0, ppid=None,
                   unordered=False):
        """One complete (B and E flags) DATA chunk; advances the TSN and,
        for ordered chunks, the stream sequence number."""
        key = (from_client, stream)
        ssn = self.ssn.get(key, 0)
        if not unordered:
            self.ssn[key] = (ssn + 1) & 0xFFFF
        tsn = self.tsn[from_client]
        self.tsn[from_client] = (tsn + 1) & 0xFFFFFFFF
        flags = 0x03 | (0x04 if unordered else 0)
        value = struct.pack(">IHHI", tsn, stream, ssn,
                            self.ppid if ppid is None else ppid) + payload
        return _chunk(_SCTP_DATA, flags, value)

    def _sack_chunk(self, from_client):
        cum = (self.tsn[not from_client] - 1) & 0xFFFFFFFF
        return _chunk(_SCTP_SACK, 0, struct.pack(">IIHH", cum, self.a_rwnd,
                                                 0, 0))

    def send(self, ts, data, from_client=True, stream=0, ppid=None,
             sack=False, **kw):       # kw: src, dst (another path), caplen
        """One packet: a DATA chunk per message (``data`` bytes, or a list
        of messages bundled into the same packet).  ``sack=True`` bundles
        a SACK for everything the peer has sent in front of the DATA."""
        if not isinstance(data, (list, tuple)):
            data = [data]
        chunks = [self._sack_chunk(from_client)] if sack else []
        chunks += [self.data_chunk(d, from_client, stream, ppid) for d in data]
        self._emit(ts, from_client, chunks, **kw)
        return ts

    def sack(self, ts, from_client=True, **kw):
        """SACK of everything the peer has sent (no gap blocks)."""
        self._emit(ts, from_client, self._sack_chunk(from_client), **kw)
        return ts

    def shutdown(self, ts, from_client=True, gap_us=200, **kw):
        """SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE."""
        cum = (self.tsn[not from_client] - 1) & 0xFFFFFFFF
        self._emit(ts, from_client,
                   _chunk(_SCTP_SHUTDOWN, 0, struct.pack(">I", cum)), **kw)
        self._emit(ts + gap_us, not from_client, _chunk(_SCTP_SHUTDOWN_ACK, 0),
                   **kw)
        self._emit(ts + 2 * gap_us, from_client,
                   _chunk(_SCTP_SHUTDOWN_COMPLETE, 0), **kw)
        return ts + 2 * gap_us
