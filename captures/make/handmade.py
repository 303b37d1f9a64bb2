#!/usr/bin/python3
"""Regenerate the hand-made SIP captures in captures/.

    python3 captures/make/handmade.py [outdir]        # write the captures
    python3 captures/make/handmade.py --doc [outdir]  # also rewrite
                                                      # captures/handmade.md

Standard library only.  The output is a pure function of this file and
pcapng.py: no clock, no randomness (identifiers are hashes of fixed labels),
so two runs give byte-identical files (check with sha256sum).

Each capture covers situations real SIP software will not readily produce
(odd status codes, 421/420 corner cases, malformed or missing headers,
several SIP messages in one TCP segment, truncation, exact timer values,
SIP over SCTP, WebSocket and TLS with the key log in the file, Reason and
Warning headers in odd shapes, 422 and Session-Expires edge cases, calls with
exact RFC 6076 delays).
The messages themselves are ordinary RFC 3261 messages unless the case is
about breaking one of them.  Addresses come from the documentation ranges
(192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), names from
example.com.  Timestamps start at pcapng.BASE_US (2026-01-01T00:00:00Z).

``--doc`` needs tshark: it reads every capture back with tshark and writes
the frame tables of captures/handmade.md (frame number, relative time in
microseconds, direction, first line, note), so the tables are exactly what
tshark shows.  The notes come from the ``note=`` arguments below.
"""

import base64
import hashlib
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pcapng import (BASE_US, SCTP_PPID_SIP, FrameList, PcapngWriter,  # noqa: E402
                    SctpAssoc, TcpFlow, UdpFlow)
from tls12 import Tls12Session  # noqa: E402

# ---------------------------------------------------------------------------
# addresses
# ---------------------------------------------------------------------------

UAC = "192.0.2.10"          # alice's phone
PROXY = "198.51.100.1"      # proxy / registrar side
REGISTRAR = "198.51.100.20"
UAS = "203.0.113.5"         # bob's phone
UAC6 = "2001:db8:a::10"
UAS6 = "2001:db8:b::5"

MS = 1000                   # microseconds per millisecond
S = 1000 * MS               # microseconds per second

# ---------------------------------------------------------------------------
# identifiers (deterministic)
# ---------------------------------------------------------------------------


def _h(label, n):
    return hashlib.sha256(label.encode()).hexdigest()[:n]


def branch(label):
    return "z9hG4bK" + _h("branch:" + label, 12)


def call_id(label, host=UAC):
    return _h("callid:" + label, 24) + "@" + host


def tag(label):
    return _h("tag:" + label, 10)


# ---------------------------------------------------------------------------
# SIP messages
# ---------------------------------------------------------------------------


def _hname(line):
    return line.split(":", 1)[0].strip().lower()


class Msg:
    """A SIP message: first line, raw header lines, body.

    Header lines are kept as text; a line may hold "\\r\\n " to fold.  Text
    is encoded as UTF-8 with surrogateescape, so "\\udcff" gives a raw 0xFF
    byte.  Content-Length is appended (correct for the body) unless a
    Content-Length line is already present or ``cl=False``.
    """

    def __init__(self, first, headers, body="", cl=True):
        self.first = first
        self.headers = list(headers)
        self.body = body
        self.cl = cl

    def get(self, name):
        name = name.lower()
        return [h.split(":", 1)[1].strip() for h in self.headers
                if _hname(h) == name]

    def lines(self, name):
        name = name.lower()
        return [h for h in self.headers if _hname(h) == name]

    def encode(self):
        body = self.body.encode("utf-8", "surrogateescape")
        hdrs = list(self.headers)
        if self.cl and not self.get("content-length"):
            hdrs.append("Content-Length: %d" % len(body))
        text = self.first + "\r\n" + "".join(h + "\r\n" for h in hdrs) + "\r\n"
        return text.encode("utf-8", "surrogateescape") + body


def sdp(user, ip, sess, port):
    fam = "IP6" if ":" in ip else "IP4"
    return ("v=0\r\n"
            "o=%s %d %d IN %s %s\r\n"
            "s=-\r\n"
            "c=IN %s %s\r\n"
            "t=0 0\r\n"
            "m=audio %d RTP/AVP 0 8 101\r\n"
            "a=rtpmap:0 PCMU/8000\r\n"
            "a=rtpmap:8 PCMA/8000\r\n"
            "a=rtpmap:101 telephone-event/8000\r\n"
            "a=fmtp:101 0-15\r\n"
            "a=sendrecv\r\n") % (user, sess, sess, fam, ip, fam, ip, port)


def hostport(ip, port):
    return ("[%s]:%d" % (ip, port)) if ":" in ip else ("%s:%d" % (ip, port))


ALLOW = "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY"


class Call:
    """One dialog (Call-ID, From tag) between a UAC and a UAS.

    Builds requests and responses the way a plain RFC 3261 UA would.
    """

    def __init__(self, label, uac=UAC, uas=UAS, uac_port=5060, uas_port=5060,
                 transport="UDP", caller="alice", callee="bob",
                 cid=None, from_tag=None):
        self.label = label
        self.uac, self.uas = uac, uas
        self.uac_port, self.uas_port = uac_port, uas_port
        self.transport = transport
        self.caller, self.callee = caller, callee
        self.call_id = cid or call_id(label, uac if ":" not in uac else "example.com")
        self.from_tag = from_tag or tag("from:" + label)
        self.to_tag = tag("to:" + label)
        tp = "" if transport == "UDP" else ";transport=" + transport.lower()
        self.from_uri = "sip:%s@example.com" % caller
        self.to_uri = "sip:%s@example.com" % callee
        host = ("[%s]" % uas) if ":" in uas else uas
        self.ruri = "sip:%s@%s" % (callee, host if uas_port == 5060 else
                                   hostport(uas, uas_port))
        self.uac_contact = "<sip:%s@%s%s>" % (caller, hostport(uac, uac_port), tp)
        self.uas_contact = "<sip:%s@%s%s>" % (callee, hostport(uas, uas_port), tp)
        self.sess = int(_h("sess:" + label, 8), 16) % 4000000000

    def via(self, br):
        v = "Via: SIP/2.0/%s %s" % (self.transport, hostport(self.uac, self.uac_port))
        if br is not None:
            v += ";branch=" + br
        return v

    def request(self, method, cseq, br_label=None, ruri=None, extra=(),
                body=None, to_tag=None, via=True, br=False, contact=True,
                max_forwards=True):
        """``br_label`` names the branch (default method+cseq); ``br`` a raw
        branch value (None = no branch parameter); ``via=False`` omits Via."""
        if br is False:
            br = branch("%s:%s:%d:%s" % (self.label, method, cseq, br_label or ""))
        h = []
        if via:
            h.append(self.via(br))
        if max_forwards:
            h.append("Max-Forwards: 70")
        to = "To: <%s>" % self.to_uri
        if to_tag:
            to += ";tag=" + to_tag
        h.append(to)
        h.append('From: "%s" <%s>;tag=%s' % (self.caller.capitalize(), self.from_uri, self.from_tag))
        h.append("Call-ID: " + self.call_id)
        h.append("CSeq: %d %s" % (cseq, method))
        if contact and method in ("INVITE", "REGISTER", "OPTIONS", "SUBSCRIBE", "REFER"):
            h.append("Contact: " + self.uac_contact)
        h.extend(extra)
        b = ""
        if body is None and method == "INVITE":
            body = sdp(self.caller, self.uac, self.sess, 49170)
        if body:
            h.append("Content-Type: application/sdp")
            b = body
        return Msg("%s %s SIP/2.0" % (method, ruri or self.ruri), h, b)

    def invite(self, cseq=1, extra=(), **kw):
        return self.request("INVITE", cseq, extra=(ALLOW,) + tuple(extra), **kw)

    def response(self, req, code, reason, extra=(), body=None, to_tag=None,
                 drop=(), contact=None, status=None):
        """Response to ``req``: copies Via, To (adds the tag except on 100),
        From, Call-ID, CSeq.  ``drop`` lists header names to leave out;
        ``status`` overrides the status-code text."""
        copy = ("via", "v", "to", "t", "from", "f", "call-id", "i", "cseq",
                "record-route")
        drop = {d.lower() for d in drop}
        h = []
        for line in req.headers:
            n = _hname(line)
            if n not in copy or n in drop:
                continue
            if n == "record-route" and not 101 <= code <= 299:
                continue              # only dialog-creating responses
            if n in ("to", "t") and code != 100 and ";tag=" not in line:
                line += ";tag=" + (to_tag or self.to_tag)
            h.append(line)
        method = req.get("cseq")[0].split()[1] if req.get("cseq") else ""
        if contact is None:
            contact = (method in ("INVITE", "SUBSCRIBE", "REFER")
                       and 101 <= code <= 299)
        if contact:
            h.append("Contact: " + self.uas_contact)
        h.extend(extra)
        b = ""
        if body is None and method == "INVITE" and 200 <= code <= 299:
            body = sdp(self.callee, self.uas, self.sess + 1, 30000)
        if body:
            h.append("Content-Type: application/sdp")
            b = body
        return Msg("SIP/2.0 %s %s" % (status or "%03d" % code, reason), h, b)

    def ack(self, invite, resp):
        """ACK for a non-2xx final response: same branch, same R-URI, To
        from the response, CSeq number of the INVITE."""
        h = []
        vias = invite.lines("via")
        if vias:
            h.append(vias[0])
        h.append("Max-Forwards: 70")
        h.extend(resp.lines("to"))
        h.extend(invite.lines("from"))
        h.extend(invite.lines("call-id"))
        n = invite.get("cseq")[0].split()[0]
        h.append("CSeq: %s ACK" % n)
        return Msg(invite.first.replace("INVITE", "ACK", 1), h)

    def ack2xx(self, cseq, br_label="", br=False):
        """ACK for a 2xx: a new transaction (new branch) to the UAS Contact."""
        ruri = self.uas_contact.strip("<>")
        return self.request("ACK", cseq, br_label=br_label, ruri=ruri,
                            to_tag=self.to_tag, contact=False, br=br)

    def bye(self, cseq, br_label=""):
        ruri = self.uas_contact.strip("<>")
        return self.request("BYE", cseq, br_label=br_label, ruri=ruri,
                            to_tag=self.to_tag, contact=False)


# ---------------------------------------------------------------------------
# capture helpers
# ---------------------------------------------------------------------------


class Cap(FrameList):
    """FrameList with a SIP-over-UDP shortcut."""

    def __init__(self, snaplen=262144, tls_keylog=None):
        FrameList.__init__(self)
        self.snaplen = snaplen
        self.tls_keylog = tls_keylog      # written as a pcapng Decryption Secrets Block

    def udp(self, t, flow, msg, rev=False, note=None, key=None):
        data = msg.encode() if isinstance(msg, Msg) else msg
        fr = flow.frame(data, rev)
        self.write(BASE_US + t, fr, key=None if key is None else BASE_US + key,
                   note=note)
        return fr

    def raw(self, t, frame, note=None):
        self.write(BASE_US + t, frame, note=note)


class TcpCap:
    """Adapter so TcpFlow writes into a Cap with relative times and notes."""

    def __init__(self, cap):
        self.cap = cap
        self.note = None

    def write(self, ts, frame, caplen=None):
        note = self.note
        if note and not note.startswith("TCP") and _tcp_info(frame) == (0, 0x10):
            note = "TCP ACK"          # pure ACK emitted inside a send()
        self.cap.write(ts, frame, caplen, note=note)


def _tcp_info(frame):
    """(payload length, flags) of an Ethernet/IPv4-or-IPv6/TCP frame."""
    if frame[12:14] == b"\x86\xdd":
        ip_len, l4 = 40, 54
        tot = 40 + int.from_bytes(frame[18:20], "big")
    else:
        ip_len = (frame[14] & 15) * 4
        l4 = 14 + ip_len
        tot = int.from_bytes(frame[16:18], "big")
    return tot - ip_len - (frame[l4 + 12] >> 4) * 4, frame[l4 + 13]


def tcp_send(flow, adapter, t, data, note, **kw):
    adapter.note = note
    if isinstance(data, (list, tuple)):
        data = [m.encode() if isinstance(m, Msg) else m for m in data]
    elif isinstance(data, Msg):
        data = data.encode()
    r = flow.send(BASE_US + t, data, **kw) - BASE_US
    adapter.note = None
    return r


# ---------------------------------------------------------------------------
# the captures
# ---------------------------------------------------------------------------

CAPTURES = []


def capture(name, title, text):
    def deco(fn):
        CAPTURES.append((name, title, text, fn))
        return fn
    return deco


def _invite_txn(cap, flow, t, call, code, reason, delay, note, extra=(),
                resp_extra=(), ack_delay=2 * MS, inv_extra=()):
    inv = call.invite(extra=inv_extra)
    cap.udp(t, flow, inv, note="INVITE (Supported: replaces)")
    r = call.response(inv, code, reason, extra=resp_extra)
    cap.udp(t + delay, flow, r, rev=True, note=note)
    if code >= 300:
        cap.udp(t + delay + ack_delay, flow, call.ack(inv, r),
                note="ACK (same branch, non-2xx)")
    elif code >= 200:
        cap.udp(t + delay + ack_delay, flow, call.ack2xx(1),
                note="ACK (new branch, 2xx)")
    return inv, r


@capture("hm-classes-udp.pcapng", "One INVITE per response class (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060.  Every INVITE is its "
         "own call (own Call-ID, From tag and z9hG4bK branch) and gets exactly "
         "one response, 5 s apart.  Non-2xx finals are ACKed on the INVITE's "
         "branch, 2xx finals with a new branch.  The INVITEs answered only by "
         "100 or 180 never complete.  All INVITEs carry `Supported: replaces`.")
def hm_classes():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    cases = [
        (100, "Trying", 20 * MS, (), "100 after 20 ms; no final follows"),
        (180, "Ringing", 120 * MS, (), "180 after 120 ms; no final follows"),
        (200, "OK", 1500 * MS, (), "200 after 1.5 s (2xx, with SDP)"),
        (302, "Moved Temporarily", 35 * MS,
         ("Contact: <sip:bob@198.51.100.77:5060>",), "302 with Contact"),
        (404, "Not Found", 45 * MS, (), "404"),
        (421, "Extension Required", 25 * MS, ("Require: 100rel",),
         "421 Require: 100rel (request Supported: replaces)"),
        (486, "Busy Here", 800 * MS, (), "486"),
        (503, "Service Unavailable", 60 * MS, ("Retry-After: 120",),
         "503 with Retry-After"),
        (603, "Decline", 2000 * MS, (), "603 after 2 s"),
        (699, "Unknown Global Failure", 90 * MS, (),
         "699: unregistered code in the 6xx class"),
        (299, "Custom Success", 300 * MS, (),
         "299: unregistered code in the 2xx class (with SDP)"),
    ]
    for i, (code, reason, delay, rx, note) in enumerate(cases):
        call = Call("classes-%d" % code)
        _invite_txn(cap, flow, i * 5 * S, call, code, reason, delay, note,
                    resp_extra=rx, inv_extra=("Supported: replaces",))
    return cap


@capture("hm-invalid-status.pcapng", "Status codes outside 100-699 (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060.  Four OPTIONS "
         "requests, each its own Call-ID/branch, 1 s apart, each answered "
         "after 15 ms with an invalid status line: `099`, `700`, `999` and "
         "the non-numeric `abc`.  tshark 4.0.17 dissects 099, 700 and 999 as "
         "SIP responses (`sip.Status-Code` 99, 700, 999, Info `Status: 099 "
         "Early Bird`, request frame matched); the `abc` datagram is not "
         "taken for SIP at all (shown as UDP Data, no `sip` fields), so a "
         "SIP-based analysis never sees it.")
def hm_invalid():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    cases = [("099", "Early Bird", "status code 099 (below 100)"),
             ("700", "Beyond Global", "status code 700 (above 699)"),
             ("999", "Out Of Range", "status code 999"),
             ("abc", "Weird", "non-numeric status code 'abc': tshark 4.0.17 "
              "does not take this datagram for SIP at all (UDP Data)")]
    for i, (st, reason, note) in enumerate(cases):
        call = Call("invalid-%s" % st)
        req = call.request("OPTIONS", 1, extra=("Accept: application/sdp",))
        cap.udp(i * S, flow, req, note="OPTIONS")
        r = call.response(req, 200, reason, status=st)
        cap.udp(i * S + 15 * MS, flow, r, rev=True, note=note)
    return cap


@capture("hm-tcp-two-in-one.pcapng", "Two SIP messages in one TCP segment",
         "UAC 192.0.2.10:50612 -> UAS 203.0.113.5:5060 over one TCP "
         "connection, one Call-ID.  The 100 and the 421 of the first INVITE "
         "travel in one segment; the retry INVITE (CSeq 2) is split over two "
         "segments; 100 and 180 of the retry share one segment.")
def hm_tcp_two():
    cap = Cap()
    ad = TcpCap(cap)
    call = Call("tcp-two-in-one", uac_port=5060, transport="TCP")
    flow = TcpFlow(ad, UAC, 50612, UAS, 5060)
    ad.note = "TCP handshake"
    t = flow.handshake(BASE_US, rtt_us=400) - BASE_US
    ad.note = None
    inv1 = call.invite(1, extra=("Supported: timer",))
    tcp_send(flow, ad, t + 200, inv1, "INVITE CSeq 1, Supported: timer")
    r100 = call.response(inv1, 100, "Trying")
    r421 = call.response(inv1, 421, "Extension Required",
                         extra=("Require: 100rel, timer",))
    tcp_send(flow, ad, 25 * MS + 600, [r100, r421], "100 + 421 (Require: 100rel, timer) in ONE segment", from_client=False)
    tcp_send(flow, ad, 26 * MS, call.ack(inv1, r421), "ACK for the 421 (branch of INVITE 1)")
    ad.note = "TCP ACK"
    flow.ack(BASE_US + 66 * MS, from_client=False)
    inv2 = call.invite(2, extra=("Supported: 100rel, timer",
                                 "Session-Expires: 1800"))
    tcp_send(flow, ad, 100 * MS, inv2,
             "INVITE CSeq 2 (new branch, Supported: 100rel, timer) split over two segments",
             segments=[300])
    r100b = call.response(inv2, 100, "Trying")
    r180 = call.response(inv2, 180, "Ringing")
    tcp_send(flow, ad, 120 * MS, [r100b, r180], "100 + 180 in ONE segment", from_client=False)
    ad.note = "TCP ACK"
    flow.ack(BASE_US + 160 * MS, from_client=True)
    r200 = call.response(inv2, 200, "OK", extra=("Require: timer",
                                                 "Session-Expires: 1800;refresher=uac",
                                                 "Supported: 100rel, timer"))
    tcp_send(flow, ad, 1500 * MS, r200, "200 OK to INVITE CSeq 2", from_client=False)
    tcp_send(flow, ad, 1501 * MS, call.ack2xx(2), "ACK for the 200 (new branch)")
    ad.note = "TCP ACK"
    flow.ack(BASE_US + 1541 * MS, from_client=False)
    bye = call.bye(3)
    tcp_send(flow, ad, 5 * S, bye, "BYE CSeq 3")
    tcp_send(flow, ad, 5 * S + 15 * MS, call.response(bye, 200, "OK"), "200 OK to BYE", from_client=False)
    ad.note = "TCP ACK"
    flow.ack(BASE_US + 5 * S + 55 * MS, from_client=True)
    ad.note = "TCP close"
    flow.close(BASE_US + 5 * S + 100 * MS, from_client=True)
    return cap


@capture("hm-421-edge.pcapng", "420/421 corner cases (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060 (case b: registrar "
         "198.51.100.20:5060).  Cases a-j, each its own Call-ID, 1 s apart "
         "(f takes 3 s).  Finals come 20-30 ms after the request; non-2xx "
         "finals to INVITE are ACKed on the INVITE's branch 1 ms later.")
def hm_421_edge():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    reg = UdpFlow(UAC, 5060, REGISTRAR, 5060)

    def txn(t, label, inv_extra, code, reason, resp_extra, note_req, note_resp,
            delay=25 * MS):
        call = Call("421-" + label)
        inv = call.invite(extra=inv_extra)
        cap.udp(t, flow, inv, note=note_req)
        r = call.response(inv, code, reason, extra=resp_extra)
        cap.udp(t + delay, flow, r, rev=True, note=note_resp)
        cap.udp(t + delay + 1 * MS, flow, call.ack(inv, r),
                note="(%s) ACK, same branch" % label)
        return call, inv

    txn(0, "a", ("Supported: replaces",), 421, "Extension Required", (),
        "(a) INVITE Supported: replaces", "(a) 421 without Require", delay=22 * MS)

    # (b) REGISTER with sec-agree supported but no Security-Client
    call = Call("421-b", uas=REGISTRAR)
    call.ruri = "sip:example.com"
    call.to_uri = call.from_uri
    regm = call.request("REGISTER", 1, extra=("Supported: sec-agree",
                                              "Expires: 3600"))
    cap.udp(1 * S, reg, regm,
            note="(b) REGISTER Supported: sec-agree, no Security-Client")
    r = call.response(regm, 421, "Extension Required",
                      extra=("Require: sec-agree",))
    cap.udp(1 * S + 18 * MS, reg, r, rev=True,
            note="(b) 421 Require: sec-agree (already in Supported)")

    # (c) 421 whose request is not in the capture
    call = Call("421-c")
    inv = call.invite(extra=("Supported: replaces",))
    r = call.response(inv, 421, "Extension Required", extra=("Require: timer",))
    cap.udp(2 * S, flow, r, rev=True,
            note="(c) 421 Require: timer; its INVITE is not in the capture (no ACK either)")

    txn(3 * S, "d", ("Supported: timer", "Supported: replaces,\r\n norefersub"),
        421, "Extension Required", ("Require: 100rel, Timer",),
        "(d) INVITE, two Supported lines (timer / replaces, folded norefersub)",
        "(d) 421 Require: 100rel, Timer")
    txn(4 * S, "e", ("k: 100rel",), 421, "Extension Required",
        ("Require: 100REL, timer",),
        "(e) INVITE compact form k: 100rel", "(e) 421 Require: 100REL, timer")

    # (f) empty Supported, 421, retry with 100rel that succeeds
    call, inv = txn(5 * S, "f", ("Supported:",), 421, "Extension Required",
                    ("Require: 100rel",), "(f) INVITE CSeq 1 with empty Supported:",
                    "(f) 421 Require: 100rel")
    inv2 = call.invite(2, extra=("Supported: 100rel",))
    cap.udp(5 * S + 200 * MS, flow, inv2,
            note="(f) retry INVITE CSeq 2 (same Call-ID/From tag, new branch), Supported: 100rel")
    cap.udp(5 * S + 210 * MS, flow, call.response(inv2, 100, "Trying"), rev=True,
            note="(f) 100 to the retry")
    cap.udp(6 * S + 200 * MS, flow, call.response(inv2, 200, "OK"), rev=True,
            note="(f) 200 to the retry")
    cap.udp(6 * S + 203 * MS, flow, call.ack2xx(2), note="(f) ACK (new branch)")

    txn(8 * S, "g", ("Require: foo",), 420, "Bad Extension", ("Unsupported: foo",),
        "(g) INVITE Require: foo", "(g) 420 Unsupported: foo")
    txn(9 * S, "h", ("Require: foo",), 420, "Bad Extension", (),
        "(h) INVITE Require: foo", "(h) 420 without Unsupported")
    txn(10 * S, "i", ("Require: foo",), 420, "Bad Extension", ("Unsupported: bar",),
        "(i) INVITE Require: foo", "(i) 420 Unsupported: bar (not what was required)")
    txn(11 * S, "j", ("Proxy-Require: baz",), 420, "Bad Extension",
        ("Unsupported: baz",),
        "(j) INVITE Proxy-Require: baz", "(j) 420 Unsupported: baz")

    # (k) 421 Require: 100rel, then a retry that still does not offer 100rel (gets a 421 again)
    call, inv = txn(12 * S, "k", ("Supported: timer",), 421, "Extension Required",
                    ("Require: 100rel",), "(k) INVITE CSeq 1 Supported: timer", "(k) 421 Require: 100rel")
    inv2 = call.invite(2, extra=("Supported: timer, replaces",))
    cap.udp(12 * S + 200 * MS, flow, inv2,
            note="(k) retry INVITE CSeq 2, Supported: timer, replaces (still no 100rel)")
    r2 = call.response(inv2, 421, "Extension Required", extra=("Require: 100rel",))
    cap.udp(12 * S + 220 * MS, flow, r2, rev=True, note="(k) 421 again")
    cap.udp(12 * S + 221 * MS, flow, call.ack(inv2, r2), note="(k) ACK")
    return cap


@capture("hm-bad-input.pcapng", "Malformed and inconsistent input (UDP)",
         "UAC 192.0.2.10:5060 <-> UAS 203.0.113.5:5060.  Cases 1-9 (see "
         "notes), each its own Call-ID except case 7.  Case 4: the 100 is "
         "written after its INVITE but timestamped 5 ms earlier (time goes "
         "backwards).  Case 6: the INVITE is the same frame twice (identical "
         "bytes, IPv4 identification included), 1 ms apart.  Case 7: two "
         "unrelated calls with one Call-ID (other From tag, other branches, "
         "CSeq 1 again).  The 68 KB Require case is in "
         "hm-huge-require-tcp.pcapng (a UDP datagram cannot hold it).")
def hm_bad_input():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)

    # 1. response without CSeq
    call = Call("bad-1")
    req = call.request("OPTIONS", 1)
    cap.udp(0, flow, req, note="(1) OPTIONS")
    cap.udp(12 * MS, flow, call.response(req, 200, "OK", drop=("cseq",)),
            rev=True, note="(1) 200 without CSeq")

    # 2. request and response without Via
    call = Call("bad-2")
    req = call.request("OPTIONS", 1, via=False)
    cap.udp(1 * S, flow, req, note="(2) OPTIONS without Via")
    cap.udp(1 * S + 10 * MS, flow, call.response(req, 200, "OK"), rev=True,
            note="(2) 200 without Via")

    # 3. response without Call-ID
    call = Call("bad-3")
    req = call.request("OPTIONS", 1)
    cap.udp(2 * S, flow, req, note="(3) OPTIONS")
    cap.udp(2 * S + 11 * MS, flow, call.response(req, 200, "OK", drop=("call-id",)),
            rev=True, note="(3) 200 without Call-ID")

    # 4. 100 timestamped 5 ms before its INVITE (written after it)
    call = Call("bad-4")
    inv = call.invite()
    t = 3 * S
    cap.udp(t, flow, inv, note="(4) INVITE")
    cap.udp(t - 5 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            key=t + 1, note="(4) 100, timestamp 5 ms BEFORE its INVITE")
    r = call.response(inv, 486, "Busy Here")
    cap.udp(t + 300 * MS, flow, r, rev=True, note="(4) 486")
    cap.udp(t + 301 * MS, flow, call.ack(inv, r), note="(4) ACK")

    # 5. response whose request never appears
    call = Call("bad-5")
    req = call.request("OPTIONS", 7)
    cap.udp(4 * S, flow, call.response(req, 200, "OK"), rev=True,
            note="(5) 200 to an OPTIONS that is not in the capture")

    # 6. duplicated frame
    call = Call("bad-6")
    inv = call.invite()
    t = 5 * S
    fr = cap.udp(t, flow, inv, note="(6) INVITE")
    cap.raw(t + 1 * MS, fr, note="(6) the same frame again, byte for byte")
    cap.udp(t + 20 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(6) 100")
    r = call.response(inv, 603, "Decline")
    cap.udp(t + 1 * S, flow, r, rev=True, note="(6) 603")
    cap.udp(t + 1 * S + 1 * MS, flow, call.ack(inv, r), note="(6) ACK")

    # 7. Call-ID reused by an unrelated later call
    call = Call("bad-7")
    t = 7 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(7) call A: INVITE CSeq 1")
    cap.udp(t + 20 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(7) call A: 100")
    cap.udp(t + 1 * S, flow, call.response(inv, 200, "OK"), rev=True,
            note="(7) call A: 200")
    cap.udp(t + 1 * S + 2 * MS, flow, call.ack2xx(1), note="(7) call A: ACK")
    bye = call.bye(2)
    cap.udp(t + 2 * S, flow, bye, note="(7) call A: BYE CSeq 2")
    cap.udp(t + 2 * S + 10 * MS, flow, call.response(bye, 200, "OK"), rev=True,
            note="(7) call A: 200 to BYE")
    call_b = Call("bad-7b", cid=call.call_id)
    t = 10 * S
    inv = call_b.invite()
    cap.udp(t, flow, inv, note="(7) call B: SAME Call-ID, other From tag/branch, CSeq 1")
    cap.udp(t + 25 * MS, flow, call_b.response(inv, 100, "Trying"), rev=True,
            note="(7) call B: 100")
    r = call_b.response(inv, 486, "Busy Here")
    cap.udp(t + 500 * MS, flow, r, rev=True, note="(7) call B: 486")
    cap.udp(t + 501 * MS, flow, call_b.ack(inv, r), note="(7) call B: ACK")

    # 8. non-ASCII option tags (UTF-8 and a raw 0xFF byte)
    call = Call("bad-8")
    t = 12 * S
    inv = call.invite(extra=("Supported: replaces, t\u00efmer, x\udcffy",))
    cap.udp(t, flow, inv, note="(8) INVITE Supported: replaces, t\u00efmer (UTF-8), x<FF>y")
    r = call.response(inv, 421, "Extension Required",
                      extra=("Require: t\u00efmer, \u00fcber, z\udcff",))
    cap.udp(t + 30 * MS, flow, r, rev=True,
            note="(8) 421 Require: t\u00efmer, \u00fcber, z<FF>")
    cap.udp(t + 31 * MS, flow, call.ack(inv, r), note="(8) ACK")

    # 9. RFC 2543 style: branch without magic cookie, and no branch at all
    call = Call("bad-9a")
    t = 14 * S
    inv = call.invite(br="abc123")
    cap.udp(t, flow, inv, note="(9a) INVITE branch=abc123 (no z9hG4bK)")
    cap.udp(t + 25 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(9a) 100 after 25 ms")
    r = call.response(inv, 486, "Busy Here")
    cap.udp(t + 1 * S, flow, r, rev=True, note="(9a) 486")
    cap.udp(t + 1 * S + 1 * MS, flow, call.ack(inv, r), note="(9a) ACK branch=abc123")
    call = Call("bad-9b")
    t = 16 * S
    inv = call.invite(br=None)
    cap.udp(t, flow, inv, note="(9b) INVITE, Via without branch")
    cap.udp(t + 30 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(9b) 100 after 30 ms")
    cap.udp(t + 2 * S, flow, call.response(inv, 200, "OK"), rev=True,
            note="(9b) 200")
    cap.udp(t + 2 * S + 2 * MS, flow, call.ack2xx(1, br=None),
            note="(9b) ACK, Via without branch")

    # 10. 40 Supported header lines (more than the plugin keeps: 32), answered by a 421
    call = Call("bad-10")
    t = 20 * S
    inv = call.invite(extra=tuple("Supported: x-tag%d" % i for i in range(40)))
    cap.udp(t, flow, inv, note="(10) INVITE with 40 Supported lines")
    r = call.response(inv, 421, "Extension Required", extra=("Require: 100rel",))
    cap.udp(t + 20 * MS, flow, r, rev=True, note="(10) 421 Require: 100rel")
    cap.udp(t + 21 * MS, flow, call.ack(inv, r), note="(10) ACK")
    return cap


@capture("hm-huge-require-tcp.pcapng", "421 with a 68 KB Require line (TCP)",
         "UAC 192.0.2.10:50614 -> UAS 203.0.113.5:5060.  INVITE "
         "(Supported: timer), 100, then a 421 whose single Require line lists "
         "10 000 option tags `t0, t1, ..., t9999` (68 888 bytes of value; "
         "over the 65 507-byte UDP limit, hence TCP), sent in MSS-sized "
         "segments with the client ACKing every second segment; ACK; close.")
def hm_huge():
    cap = Cap()
    ad = TcpCap(cap)
    call = Call("huge-require", transport="TCP")
    flow = TcpFlow(ad, UAC, 50614, UAS, 5060)
    ad.note = "TCP handshake"
    flow.handshake(BASE_US, rtt_us=400)
    inv = call.invite(extra=("Supported: timer",))
    tcp_send(flow, ad, 600, inv, "INVITE Supported: timer")
    tcp_send(flow, ad, 10 * MS, call.response(inv, 100, "Trying"), "100 Trying",
             from_client=False)
    ad.note = "TCP ACK"
    flow.ack(BASE_US + 50 * MS, from_client=True)
    tags = ", ".join("t%d" % i for i in range(10000))
    r = call.response(inv, 421, "Extension Required", extra=("Require: " + tags,))
    t = tcp_send(flow, ad, 60 * MS, r, "421 with 10 000 Require tags (segment)",
                 from_client=False, ack_every=2, gap_us=20)
    tcp_send(flow, ad, t + 1 * MS, call.ack(inv, r), "ACK for the 421")
    ad.note = "TCP ACK"
    flow.ack(BASE_US + t + 41 * MS, from_client=False)
    ad.note = "TCP close"
    flow.close(BASE_US + 200 * MS, from_client=True)
    return cap


@capture("hm-truncated.pcapng", "Snaplen 96: every SIP packet cut",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060, INVITE/100/180/200/ACK "
         "written with an IDB snaplen of 96 bytes: 42 bytes of headers, "
         "54 bytes of SIP; original lengths are kept.  tshark parses only the "
         "first line (`sip.Status-Code` is present on the responses) and "
         "reports `[Packet size limited during capture: SIP truncated]`; no "
         "Via, Call-ID or CSeq survives.")
def hm_truncated():
    cap = Cap(snaplen=96)
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    call = Call("truncated")
    inv = call.invite()
    cap.udp(0, flow, inv, note="INVITE (truncated)")
    cap.udp(20 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="100 after 20 ms (truncated)")
    cap.udp(100 * MS, flow, call.response(inv, 180, "Ringing"), rev=True,
            note="180 (truncated)")
    cap.udp(2 * S, flow, call.response(inv, 200, "OK"), rev=True,
            note="200 (truncated)")
    cap.udp(2 * S + 2 * MS, flow, call.ack2xx(1), note="ACK (truncated)")
    return cap


@capture("hm-proxy-chain.pcapng", "One call captured on both hops of a proxy",
         "UAC 192.0.2.10:5060 -> proxy 198.51.100.1:5060 -> UAS "
         "203.0.113.5:5060, one Call-ID on both hops.  The proxy puts its own "
         "Via (its own branch) on top and a Record-Route; it answers the "
         "INVITE with its own 100 on hop 1 after 3 ms, the UAS answers 100 "
         "on hop 2 15 ms after the forwarded INVITE.  180 and 200 are "
         "forwarded back with the top Via removed; ACK and BYE follow the "
         "route set through the proxy.")
def hm_proxy():
    cap = Cap()
    h1 = UdpFlow(UAC, 5060, PROXY, 5060)
    h2 = UdpFlow(PROXY, 5060, UAS, 5060)
    call = Call("proxy-chain")
    rr = "Record-Route: <sip:198.51.100.1;lr>"
    pvia = "Via: SIP/2.0/UDP 198.51.100.1:5060;branch="

    def forward(msg, hop2_branch, ruri):
        h = [pvia + hop2_branch]
        rest = []
        for line in msg.headers:
            n = _hname(line)
            if n == "max-forwards":
                line = "Max-Forwards: 69"
            if n == "route":
                continue
            rest.append(line)
        h.extend(rest)
        if msg.first.startswith("INVITE"):
            # Record-Route right after the Vias
            nv = sum(1 for x in h if _hname(x) == "via")
            h.insert(nv, rr)
        first = "%s %s SIP/2.0" % (msg.first.split()[0], ruri)
        return Msg(first, h, msg.body)

    def backward(resp):
        h = list(resp.headers)
        del h[0]                          # the proxy's Via
        return Msg(resp.first, h, resp.body)

    inv1 = call.invite(ruri="sip:bob@example.com")
    cap.udp(0, h1, inv1, note="hop 1 INVITE")
    b2 = branch("proxy-chain:hop2:invite")
    inv2 = forward(inv1, b2, "sip:bob@203.0.113.5")
    cap.udp(1200, h2, inv2, note="hop 2 INVITE: proxy Via (own branch) on top, Record-Route, Max-Forwards 69")
    cap.udp(3 * MS, h1, call.response(inv1, 100, "Trying"), rev=True,
            note="hop 1: proxy's own 100, 3 ms after the hop-1 INVITE")
    cap.udp(1200 + 15 * MS, h2, call.response(inv2, 100, "Trying"), rev=True,
            note="hop 2: UAS 100, 15 ms after the hop-2 INVITE")
    r180 = call.response(inv2, 180, "Ringing")
    cap.udp(350 * MS, h2, r180, rev=True, note="hop 2: 180")
    cap.udp(350 * MS + 700, h1, backward(r180), rev=True, note="hop 1: 180 forwarded")
    r200 = call.response(inv2, 200, "OK")
    cap.udp(4200 * MS, h2, r200, rev=True, note="hop 2: 200")
    cap.udp(4200 * MS + 800, h1, backward(r200), rev=True, note="hop 1: 200 forwarded")
    ack1 = call.ack2xx(1, br_label="hop1")
    ack1.headers.append("Route: <sip:198.51.100.1;lr>")
    cap.udp(4205 * MS, h1, ack1, note="hop 1 ACK (new branch, Route via proxy)")
    cap.udp(4205 * MS + 600, h2,
            forward(ack1, branch("proxy-chain:hop2:ack"), call.uas_contact.strip("<>")),
            note="hop 2 ACK")
    bye1 = call.bye(2, br_label="hop1")
    bye1.headers.append("Route: <sip:198.51.100.1;lr>")
    cap.udp(20 * S, h1, bye1, note="hop 1 BYE CSeq 2")
    bye2 = forward(bye1, branch("proxy-chain:hop2:bye"), call.uas_contact.strip("<>"))
    cap.udp(20 * S + 700, h2, bye2, note="hop 2 BYE")
    ok = call.response(bye2, 200, "OK")
    cap.udp(20 * S + 12 * MS, h2, ok, rev=True, note="hop 2: 200 to BYE")
    cap.udp(20 * S + 12 * MS + 600, h1, backward(ok), rev=True,
            note="hop 1: 200 to BYE forwarded")
    return cap


@capture("hm-ipv6.pcapng", "Short IPv6 call",
         "UAC [2001:db8:a::10]:5060 -> UAS [2001:db8:b::5]:5060 over UDP, "
         "SDP with IN IP6.")
def hm_ipv6():
    cap = Cap()
    flow = UdpFlow(UAC6, 5060, UAS6, 5060)
    call = Call("ipv6", uac=UAC6, uas=UAS6)
    inv = call.invite()
    cap.udp(0, flow, inv, note="INVITE")
    cap.udp(20 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="100 after 20 ms")
    cap.udp(150 * MS, flow, call.response(inv, 180, "Ringing"), rev=True,
            note="180 after 150 ms")
    cap.udp(2500 * MS, flow, call.response(inv, 200, "OK"), rev=True,
            note="200 after 2.5 s")
    cap.udp(2503 * MS, flow, call.ack2xx(1), note="ACK (new branch)")
    return cap


@capture("hm-timers.pcapng", "INVITE timing cases (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060, all INVITE "
         "transactions, each its own Call-ID.  Start times: a 0 s, c 8 s, "
         "d 10 s, e 17 s, f 21 s, g 23 s, b 30 s (b is the last transaction "
         "started).  The capture ends with the ACK of case c at 40.002000 s, "
         "9.952 s after the 100 of case b, which never gets a final.")
def hm_timers():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)

    # (a) retransmitted INVITE, late 100
    call = Call("timers-a")
    inv = call.invite()
    cap.udp(0, flow, inv, note="(a) INVITE")
    cap.udp(500000, flow, inv, note="(a) INVITE retransmission +500 ms")
    cap.udp(1500000, flow, inv, note="(a) INVITE retransmission +1500 ms")
    cap.udp(1700250, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(a) 100 at +1700.250 ms")
    cap.udp(4000000, flow, call.response(inv, 180, "Ringing"), rev=True,
            note="(a) 180 at +4000 ms")
    cap.udp(6123456, flow, call.response(inv, 200, "OK"), rev=True,
            note="(a) 200 at +6123.456 ms")
    cap.udp(6125001, flow, call.ack2xx(1), note="(a) ACK")

    # (c) 100, then 408 32 s after the INVITE
    call = Call("timers-c")
    t = 8 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(c) INVITE")
    cap.udp(t + 10 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(c) 100 at +10 ms")
    r = call.response(inv, 408, "Request Timeout")
    cap.udp(t + 32 * S, flow, r, rev=True, note="(c) 408 at +32 s")
    cap.udp(t + 32 * S + 2 * MS, flow, call.ack(inv, r),
            note="(c) ACK (last frame of the capture)")

    # (d) CANCEL
    call = Call("timers-d")
    t = 10 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(d) INVITE")
    cap.udp(t + 15 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(d) 100 at +15 ms")
    cap.udp(t + 400 * MS, flow, call.response(inv, 180, "Ringing"), rev=True,
            note="(d) 180 at +400 ms")
    cancel = Msg("CANCEL %s SIP/2.0" % call.ruri,
                 [inv.lines("via")[0], "Max-Forwards: 70"] + inv.lines("to")
                 + inv.lines("from") + inv.lines("call-id") + ["CSeq: 1 CANCEL"])
    cap.udp(t + 5 * S, flow, cancel, note="(d) CANCEL at +5 s (INVITE's branch)")
    cap.udp(t + 5 * S + 20 * MS, flow, call.response(cancel, 200, "OK"), rev=True,
            note="(d) 200 to CANCEL")
    r = call.response(inv, 487, "Request Terminated")
    cap.udp(t + 5 * S + 25 * MS, flow, r, rev=True, note="(d) 487 to the INVITE")
    cap.udp(t + 5 * S + 27 * MS, flow, call.ack(inv, r), note="(d) ACK")

    # (e) no 100 at all
    call = Call("timers-e")
    t = 17 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(e) INVITE")
    cap.udp(t + 350 * MS, flow, call.response(inv, 180, "Ringing"), rev=True,
            note="(e) 180 at +350 ms, no 100")
    cap.udp(t + 2500 * MS, flow, call.response(inv, 200, "OK"), rev=True,
            note="(e) 200 at +2.5 s")
    cap.udp(t + 2502 * MS, flow, call.ack2xx(1), note="(e) ACK")

    # (f) fast 100 and 200
    call = Call("timers-f")
    t = 21 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(f) INVITE")
    cap.udp(t + 5 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(f) 100 at +5 ms")
    cap.udp(t + 40 * MS, flow, call.response(inv, 200, "OK"), rev=True,
            note="(f) 200 at +40 ms")
    cap.udp(t + 41 * MS, flow, call.ack2xx(1), note="(f) ACK")

    # (g) retransmitted 100 and 200
    call = Call("timers-g")
    t = 23 * S
    inv = call.invite()
    r100 = call.response(inv, 100, "Trying")
    r200 = call.response(inv, 200, "OK")
    cap.udp(t, flow, inv, note="(g) INVITE")
    cap.udp(t + 30 * MS, flow, r100, rev=True, note="(g) 100 at +30 ms")
    cap.udp(t + 500 * MS, flow, inv, note="(g) INVITE retransmission +500 ms")
    cap.udp(t + 500 * MS + 300, flow, r100, rev=True,
            note="(g) 100 retransmitted (answer to the retransmission)")
    cap.udp(t + 1200 * MS, flow, r200, rev=True, note="(g) 200 at +1.2 s")
    cap.udp(t + 1700 * MS, flow, r200, rev=True, note="(g) 200 retransmitted at +1.7 s")
    cap.udp(t + 1702 * MS, flow, call.ack2xx(1), note="(g) ACK")

    # (b) stuck: 100, then nothing (last transaction started)
    call = Call("timers-b")
    t = 30 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(b) INVITE (last transaction started)")
    cap.udp(t + 50 * MS, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(b) 100 at +50 ms; nothing follows")
    return cap


# ---------------------------------------------------------------------------
# other transports: SCTP (RFC 4168) and WebSocket (RFC 7118)
# ---------------------------------------------------------------------------


class NoteCap:
    """Adapter so SctpAssoc / TcpFlow write into a Cap with a current note
    (no TCP-specific relabelling, unlike TcpCap)."""

    def __init__(self, cap):
        self.cap = cap
        self.note = None

    def write(self, ts, frame, caplen=None):
        self.cap.write(ts, frame, caplen, note=self.note)


def sctp_send(assoc, adapter, t, data, note, **kw):
    """One SCTP packet, one DATA chunk per message of ``data`` (a Msg, or a
    list of them bundled into the same packet), at relative time ``t``."""
    adapter.note = note
    if isinstance(data, (list, tuple)):
        data = [m.encode() if isinstance(m, Msg) else m for m in data]
    elif isinstance(data, Msg):
        data = data.encode()
    assoc.send(BASE_US + t, data, **kw)
    adapter.note = None
    return t


def sctp_sack(assoc, adapter, t, from_client, **kw):
    adapter.note = "SCTP SACK"
    assoc.sack(BASE_US + t, from_client=from_client, **kw)
    adapter.note = None


@capture("hm-sctp.pcapng", "SIP over SCTP (RFC 4168), responses on a second association",
         "UAC 192.0.2.10 -> UAS 203.0.113.5:5060 over SCTP, every Via "
         "`SIP/2.0/SCTP 192.0.2.10:5060`.  The UAC sends its requests on "
         "association A, which it opened from port 57098 (DATA chunks with "
         "PPID 0); the UAS sends every response to the Via sent-by port on "
         "association B, which it opens from 5060 to 192.0.2.10:5060 (DATA "
         "chunks with PPID 39, SIP).  So every response reaches a client "
         "port the request did not leave from.  Both associations start with "
         "INIT / INIT ACK / COOKIE ECHO / COOKIE ACK; every packet has a "
         "correct CRC32c checksum; each DATA chunk holds one whole SIP "
         "message and is SACKed 200 µs later.  OPTIONS at 0 s, INVITE at "
         "1 s (100 after 20 ms, 180 after 315 ms, 200 after 2.5 s, the 200 "
         "retransmitted 500 ms later, then the ACK), a second OPTIONS during "
         "ringing whose 200 shares one SCTP packet (two DATA chunks) with "
         "the 180, BYE at 10 s.")
def hm_sctp():
    cap = Cap()
    ad = NoteCap(cap)
    a = SctpAssoc(ad, UAC, 57098, UAS, 5060, ppid=0)
    b = SctpAssoc(ad, UAS, 5060, UAC, 5060, ppid=SCTP_PPID_SIP)
    call = Call("sctp", transport="SCTP")

    ad.note = "SCTP association A (57098 -> 5060): INIT, INIT ACK, COOKIE ECHO, COOKIE ACK"
    a.handshake(BASE_US, rtt_us=400)
    opt1 = Call("sctp-options-1", transport="SCTP").request(
        "OPTIONS", 1, extra=("Accept: application/sdp",))
    sctp_send(a, ad, 1 * MS, opt1, "OPTIONS on A (from port 57098, Via port 5060)")
    sctp_sack(a, ad, 1 * MS + 200, from_client=False)
    ad.note = "SCTP association B (UAS 5060 -> UAC 5060): INIT, INIT ACK, COOKIE ECHO, COOKIE ACK"
    b.handshake(BASE_US + 3 * MS, rtt_us=400)
    sctp_send(b, ad, 13 * MS, call.response(opt1, 200, "OK", extra=(ALLOW,)),
              "200 to OPTIONS on B (to port 5060) after 12 ms")
    sctp_sack(b, ad, 13 * MS + 200, from_client=False)

    t = 1 * S
    inv = call.invite()
    sctp_send(a, ad, t, inv, "INVITE on A (from port 57098, Via port 5060)")
    sctp_sack(a, ad, t + 200, from_client=False)
    sctp_send(b, ad, t + 20 * MS, call.response(inv, 100, "Trying"),
              "100 on B (to port 5060) after 20 ms")
    sctp_sack(b, ad, t + 20 * MS + 200, from_client=False)
    opt2 = Call("sctp-options-2", transport="SCTP").request(
        "OPTIONS", 1, extra=("Accept: application/sdp",))
    sctp_send(a, ad, t + 300 * MS, opt2, "second OPTIONS on A, during ringing")
    sctp_sack(a, ad, t + 300 * MS + 200, from_client=False)
    sctp_send(b, ad, t + 315 * MS,
              [call.response(inv, 180, "Ringing"),
               call.response(opt2, 200, "OK", extra=(ALLOW,))],
              "ONE SCTP packet, two DATA chunks: 180 to the INVITE (315 ms) + "
              "200 to the second OPTIONS (15 ms)")
    sctp_sack(b, ad, t + 315 * MS + 200, from_client=False)
    r200 = call.response(inv, 200, "OK")
    sctp_send(b, ad, t + 2500 * MS, r200, "200 to the INVITE on B after 2.5 s")
    sctp_sack(b, ad, t + 2500 * MS + 200, from_client=False)
    sctp_send(b, ad, t + 3000 * MS, r200,
              "200 retransmitted 500 ms later (no ACK yet)")
    sctp_sack(b, ad, t + 3000 * MS + 200, from_client=False)
    ack = call.ack2xx(1)
    sctp_send(a, ad, t + 3001 * MS, ack, "ACK on A (new branch)")
    sctp_sack(a, ad, t + 3001 * MS + 200, from_client=False)

    t = 10 * S
    bye = call.bye(2)
    sctp_send(a, ad, t, bye, "BYE CSeq 2 on A")
    sctp_sack(a, ad, t + 200, from_client=False)
    sctp_send(b, ad, t + 10 * MS, call.response(bye, 200, "OK"),
              "200 to BYE on B after 10 ms")
    sctp_sack(b, ad, t + 10 * MS + 200, from_client=False)
    ad.note = "SCTP association A: SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE"
    a.shutdown(BASE_US + t + 500 * MS, from_client=True)
    return cap


# ---------------------------------------------------------------------------
# issue 18: ICMP errors, responses from another port, responses without
# their request, timestamps near the limits
# ---------------------------------------------------------------------------

from pcapng import Path, icmp_quote, ip_packet  # noqa: E402

ROUTER = "198.51.100.254"       # a router between alice and bob
ROUTER6 = "2001:db8:a::1"       # the router of alice's IPv6 network
ICMP_HOST_UNREACH = (3, 1)      # ICMP destination unreachable, host unreachable
ICMP_PORT_UNREACH = (3, 3)      # ICMP destination unreachable, port unreachable
ICMP6_ADDR_UNREACH = (1, 3)     # ICMPv6 destination unreachable, address unreachable
ICMP6_PORT_UNREACH = (1, 4)     # ICMPv6 destination unreachable, port unreachable


def _icmp_error(cap, t, src, dst, kind, frame, note, limit=None):
    """ICMP (or ICMPv6) error from ``src`` to ``dst`` quoting ``frame``'s IP
    packet, cut as a router cuts it (``icmp_quote``) unless ``limit`` is
    False (whole packet)."""
    quoted = ip_packet(frame) if limit is False else icmp_quote(frame, limit)
    cap.raw(t, Path(src, dst).icmp(kind[0], kind[1], quoted), note=note)


@capture("hm-icmp.pcapng", "SIP quoted inside ICMP and ICMPv6 errors",
         "(a) 0 s: INVITE 192.0.2.10:5060 -> 203.0.113.5:5060 (with extra "
         "headers: 864 bytes of SIP); router 198.51.100.254 answers each copy "
         "with ICMP destination unreachable, host unreachable (type 3 code "
         "1), quoting 548 bytes of it as RFC 1812 routers do (the ICMP "
         "datagram stays within 576 bytes): the 20-byte IP header, the 8-byte "
         "UDP header (both with their original length fields: IP total "
         "length 892, UDP length 872) and the first 520 bytes of SIP, cut in "
         "the middle of the `Allow-Events` header line, before the blank "
         "line and the SDP.  The INVITE is resent after 500 ms (Timer A) and "
         "gets its own ICMP error; the next copy (1.5 s) gets none (the "
         "router's ICMP rate limit) and no response ever comes.  (b) 10 s: "
         "IPv6 call [2001:db8:a::10]:5060 -> [2001:db8:b::5]:5060: INVITE, "
         "100, 180, then the 200 (with SDP) is answered by ICMPv6 destination "
         "unreachable, port unreachable (type 1 code 4) from 2001:db8:a::10 "
         "itself (the phone's SIP port has closed), quoting the whole 200; "
         "the 200 is resent after 500 ms and gets a second ICMPv6 port "
         "unreachable; the next copy (1.5 s) gets ICMPv6 address unreachable "
         "(type 1 code 3) from the router 2001:db8:a::1 (the phone has left "
         "the link).  No ACK.  (c) 20 s: ICMP port unreachable (type 3 code "
         "3) from 192.0.2.10 quoting a whole BYE from 203.0.113.5:5060 to "
         "192.0.2.10:5060 whose Call-ID appears nowhere else in the capture "
         "(the BYE itself was not captured): the quote matches no message.  "
         "tshark dissects the quoted SIP (`frame.protocols` "
         "`eth:ethertype:ip:icmp:ip:udp:sip`; its SIP item is a top-level "
         "tree item after ICMP, not a child of it), so in the table below an "
         "ICMP frame's first line is the quoted message's, its ports are the "
         "quoted UDP header's, and its addresses are tshark's two `ip.src` / "
         "`ip.dst` values (outer, then quoted) run together with an "
         "invisible 0x1F separator (`write_doc` takes every occurrence).")
def hm_icmp():
    cap = Cap()
    # (a) IPv4 INVITE, host unreachable from a router, quote cut at 548 bytes
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    call = Call("icmp-a")
    inv = call.invite(extra=("Supported: replaces, timer, 100rel",
                             "User-Agent: ExamplePhone/4.2 (build 1187)",
                             "Accept: application/sdp, application/dtmf-relay",
                             "Allow-Events: talk, hold, conference, refer, "
                             "presence, dialog, message-summary",
                             "Session-Expires: 1800"))
    f = cap.udp(0, flow, inv, note="(a) INVITE (864 bytes of SIP)")
    _icmp_error(cap, 3 * MS, ROUTER, UAC, ICMP_HOST_UNREACH, f,
                "(a) ICMP host unreachable (3/1) from router 198.51.100.254, "
                "quoting frame 1: IP + UDP headers + first 520 bytes of SIP")
    f = cap.udp(500 * MS, flow, inv, note="(a) INVITE resent after 500 ms")
    _icmp_error(cap, 503 * MS, ROUTER, UAC, ICMP_HOST_UNREACH, f,
                "(a) ICMP host unreachable (3/1), quoting frame 3 (548 bytes)")
    cap.udp(1500 * MS, flow, inv,
            note="(a) INVITE resent after 1.5 s: no ICMP error (rate limit), no response")

    # (b) IPv6: the 200 bounces, first port unreachable, then address unreachable
    t = 10 * S
    flow6 = UdpFlow(UAC6, 5060, UAS6, 5060)
    call = Call("icmp-b", uac=UAC6, uas=UAS6)
    inv = call.invite()
    cap.udp(t, flow6, inv, note="(b) INVITE over IPv6")
    cap.udp(t + 20 * MS, flow6, call.response(inv, 100, "Trying"), rev=True,
            note="(b) 100")
    cap.udp(t + 300 * MS, flow6, call.response(inv, 180, "Ringing"), rev=True,
            note="(b) 180")
    r200 = call.response(inv, 200, "OK")
    f = cap.udp(t + 3 * S, flow6, r200, rev=True, note="(b) 200 (with SDP)")
    _icmp_error(cap, t + 3 * S + 200, UAC6, UAS6, ICMP6_PORT_UNREACH, f,
                "(b) ICMPv6 port unreachable (1/4) from 2001:db8:a::10, "
                "quoting the whole 200 of frame 9")
    f = cap.udp(t + 3500 * MS, flow6, r200, rev=True,
                note="(b) 200 resent after 500 ms")
    _icmp_error(cap, t + 3500 * MS + 200, UAC6, UAS6, ICMP6_PORT_UNREACH, f,
                "(b) ICMPv6 port unreachable (1/4), quoting frame 11")
    f = cap.udp(t + 4500 * MS, flow6, r200, rev=True,
                note="(b) 200 resent after 1.5 s")
    _icmp_error(cap, t + 4500 * MS + 900, ROUTER6, UAS6, ICMP6_ADDR_UNREACH, f,
                "(b) ICMPv6 address unreachable (1/3) from router 2001:db8:a::1, "
                "quoting frame 13")

    # (c) an ICMP error whose quote matches nothing in the capture
    call = Call("icmp-c")
    bye = Msg("BYE %s SIP/2.0" % call.uac_contact.strip("<>"),
              ["Via: SIP/2.0/UDP 203.0.113.5:5060;branch=" + branch("icmp-c:bye"),
               "Max-Forwards: 70",
               'To: "Alice" <%s>;tag=%s' % (call.from_uri, call.from_tag),
               "From: <%s>;tag=%s" % (call.to_uri, call.to_tag),
               "Call-ID: " + call.call_id, "CSeq: 7 BYE"])
    f = flow.frame(bye.encode(), True)
    _icmp_error(cap, 20 * S, UAC, UAS, ICMP_PORT_UNREACH, f,
                "(c) ICMP port unreachable (3/3) from 192.0.2.10 quoting a "
                "BYE from 203.0.113.5 that is not in the capture (nor its Call-ID)",
                limit=False)
    return cap


@capture("hm-other-port.pcapng", "Responses from another source port; two services on one host",
         "(a) 0-8 s: UAC 192.0.2.10:5060 sends to a device at 203.0.113.5:5060 "
         "(Contact `sip:bob@203.0.113.5:5060`) that sends every response from "
         "UDP port 5062 to 192.0.2.10:5060 (the Via sent-by, RFC 3261 "
         "§18.2.2): INVITE, 100, 180, 200 (from 5062), ACK (new branch, to "
         "5060), BYE at 6 s (to 5060) and its 200 (from 5062), OPTIONS at 8 s "
         "(to 5060) and its 200 (from 5062).  Every response there belongs "
         "to the request just before it of the same method.  (b) 10 s: two "
         "services on host 198.51.100.1 (a B2BUA's two legs), 5060 and 5070, "
         "both reached from 192.0.2.10:5060, two calls with their own "
         "Call-IDs and branches, interleaved; each answers from the port it "
         "was reached on: call B1 (INVITE frame 10 to 5060) gets frames 11, "
         "14, 15 from 5060 and ACK 16; call B2 (INVITE frame 12 to 5070) gets "
         "frames 13, 17, 18 from 5070 and ACK 19 (its 180 comes after B1's "
         "200).  (c) 20 s: one OPTIONS, sent from 192.0.2.10:5060 to "
         "198.51.100.1:5060 and, 1 ms later, the same message (same branch, "
         "Call-ID, CSeq, byte for byte) to 198.51.100.1:5070; the only "
         "response is a 200 from 198.51.100.1:5099 to 192.0.2.10:5060 with "
         "that branch: it could answer either copy (or a copy sent to 5099 "
         "that was not captured), so it cannot be tied to one of them.")
def hm_other_port():
    cap = Cap()
    # (a) a device answering from 5062
    to_dev = UdpFlow(UAC, 5060, UAS, 5060)
    from_dev = UdpFlow(UAS, 5062, UAC, 5060)
    call = Call("other-port-a")
    inv = call.invite()
    cap.udp(0, to_dev, inv, note="(a) INVITE to 203.0.113.5:5060")
    cap.udp(15 * MS, from_dev, call.response(inv, 100, "Trying"),
            note="(a) 100 from port 5062")
    cap.udp(300 * MS, from_dev, call.response(inv, 180, "Ringing"),
            note="(a) 180 from port 5062")
    cap.udp(2 * S, from_dev, call.response(inv, 200, "OK"),
            note="(a) 200 from port 5062")
    cap.udp(2 * S + 2 * MS, to_dev, call.ack2xx(1),
            note="(a) ACK (new branch) to port 5060")
    bye = call.bye(2)
    cap.udp(6 * S, to_dev, bye, note="(a) BYE to port 5060")
    cap.udp(6 * S + 12 * MS, from_dev, call.response(bye, 200, "OK"),
            note="(a) 200 to the BYE from port 5062")
    opt = Call("other-port-a-options").request(
        "OPTIONS", 1, extra=("Accept: application/sdp",))
    cap.udp(8 * S, to_dev, opt, note="(a) OPTIONS to port 5060")
    cap.udp(8 * S + 9 * MS, from_dev,
            Call("other-port-a-options").response(opt, 200, "OK", extra=(ALLOW,)),
            note="(a) 200 to the OPTIONS from port 5062")

    # (b) two services (B2BUA legs) on one host, each answering from its own port
    t = 10 * S
    s60 = UdpFlow(UAC, 5060, PROXY, 5060)
    s70 = UdpFlow(UAC, 5060, PROXY, 5070)
    b1 = Call("other-port-b1", uas=PROXY, uas_port=5060)
    b2 = Call("other-port-b2", uas=PROXY, uas_port=5070)
    inv1, inv2 = b1.invite(), b2.invite()
    cap.udp(t, s60, inv1, note="(b) B1 INVITE to 198.51.100.1:5060")
    cap.udp(t + 5 * MS, s60, b1.response(inv1, 100, "Trying"), rev=True,
            note="(b) B1 100 from 5060 (answers frame 10)")
    cap.udp(t + 100 * MS, s70, inv2, note="(b) B2 INVITE to 198.51.100.1:5070")
    cap.udp(t + 104 * MS, s70, b2.response(inv2, 100, "Trying"), rev=True,
            note="(b) B2 100 from 5070 (answers frame 12)")
    cap.udp(t + 400 * MS, s60, b1.response(inv1, 180, "Ringing"), rev=True,
            note="(b) B1 180 from 5060 (answers frame 10)")
    cap.udp(t + 1200 * MS, s60, b1.response(inv1, 200, "OK"), rev=True,
            note="(b) B1 200 from 5060 (answers frame 10)")
    cap.udp(t + 1250 * MS, s70, b2.response(inv2, 180, "Ringing"), rev=True,
            note="(b) B2 180 from 5070 (answers frame 12)")
    cap.udp(t + 1202 * MS, s60, b1.ack2xx(1), note="(b) B1 ACK (new branch) to 5060")
    cap.udp(t + 1800 * MS, s70, b2.response(inv2, 200, "OK"), rev=True,
            note="(b) B2 200 from 5070 (answers frame 12)")
    cap.udp(t + 1802 * MS, s70, b2.ack2xx(1), note="(b) B2 ACK (new branch) to 5070")

    # (c) one OPTIONS sent to both services, answered from a third port
    t = 20 * S
    c = Call("other-port-c", uas=PROXY)
    opt = c.request("OPTIONS", 1, extra=("Accept: application/sdp",))
    cap.udp(t, s60, opt, note="(c) OPTIONS to 198.51.100.1:5060")
    cap.udp(t + 1 * MS, s70, opt,
            note="(c) the same OPTIONS (same branch, byte for byte) to 198.51.100.1:5070")
    cap.udp(t + 20 * MS, UdpFlow(PROXY, 5099, UAC, 5060),
            c.response(opt, 200, "OK", extra=(ALLOW,)),
            note="(c) 200 from 198.51.100.1:5099 with that branch: answers "
            "frame 20 or frame 21, cannot tell which")
    return cap


@capture("hm-orphan-responses.pcapng", "Responses resent while their request is not in the capture",
         "UAS 203.0.113.5:5060 -> UAC 192.0.2.10:5060 only: none of the "
         "requests (INVITEs, their retransmissions, the BYE and its "
         "retransmissions) and no ACK is in the capture; each case is its "
         "own call.  (a) 0 s: a 486 Busy Here and 4 identical copies resent "
         "by the server's Timer G (RFC 3261 §17.2.1: 500 ms, 1 s, 2 s, 4 s "
         "apart: at 0.5, 1.5, 3.5 and 7.5 s).  (b) 10 s: 100 Trying, 3 s "
         "later a 180, 200 ms after it a 200 (with SDP), resent twice "
         "(500 ms and 1 s apart, §13.3.1.4); no ACK.  (c) 20 s: the 200 to "
         "a BYE, sent again at 20.5 s and 21.5 s, each time in answer to a "
         "retransmission of the BYE that was not captured (§17.2.2).")
def hm_orphans():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    call = Call("orphan-a")
    r = call.response(call.invite(), 486, "Busy Here")
    cap.udp(0, flow, r, rev=True, note="(a) 486, its INVITE not captured")
    for i, at in enumerate((500, 1500, 3500, 7500)):
        cap.udp(at * MS, flow, r, rev=True,
                note="(a) 486 resent (%d of 4, Timer G), no ACK" % (i + 1))

    t = 10 * S
    call = Call("orphan-b")
    inv = call.invite()
    cap.udp(t, flow, call.response(inv, 100, "Trying"), rev=True,
            note="(b) 100, its INVITE not captured")
    cap.udp(t + 3 * S, flow, call.response(inv, 180, "Ringing"), rev=True,
            note="(b) 180, 3 s after the 100")
    r200 = call.response(inv, 200, "OK")
    cap.udp(t + 3200 * MS, flow, r200, rev=True, note="(b) 200 (with SDP)")
    cap.udp(t + 3700 * MS, flow, r200, rev=True, note="(b) 200 resent after 500 ms")
    cap.udp(t + 4700 * MS, flow, r200, rev=True, note="(b) 200 resent after 1 s more; no ACK")

    t = 20 * S
    call = Call("orphan-c")
    ok = call.response(call.bye(2), 200, "OK")
    cap.udp(t, flow, ok, rev=True, note="(c) 200 to a BYE that is not captured")
    cap.udp(t + 500 * MS, flow, ok, rev=True,
            note="(c) the same 200 again (answer to an uncaptured BYE retransmission)")
    cap.udp(t + 1500 * MS, flow, ok, rev=True,
            note="(c) the same 200 a third time (another uncaptured BYE copy)")
    return cap


class IfaceCap(Cap):
    """Frames on several pcapng interfaces, each with its own if_tsresol /
    if_tsoffset.  Interface 0 is the default one (microseconds, written by
    ``build``); ``iface`` declares more; ``put`` adds a frame with a raw
    timestamp in its interface's units.  Frames are written in the order
    they are put (file order, not time order)."""

    def __init__(self):
        Cap.__init__(self)
        self.ifaces = []

    def iface(self, **kw):
        self.ifaces.append(kw)
        return len(self.ifaces)

    def put(self, ifid, ts_raw, frame, note):
        self.items.append((ifid, ts_raw, frame, note))

    def save(self, writer):
        for kw in self.ifaces:
            writer.add_interface(**kw)
        notes = []
        for ifid, ts_raw, frame, note in self.items:
            writer.write_epb(ifid, ts_raw, frame)
            notes.append(note)
        return notes


#: 20 000 000 000 s after the epoch (2603-10-11T11:33:20Z): a time_t, but
#: seconds * 10^9 no longer fits in 64 bits.
TS_2603 = 20000000000
#: if_tsoffset of interface 2: 9 * 10^18 s (about 2.85 * 10^11 years).
TSOFFSET_HUGE = 9000000000000000000


@capture("hm-timestamps.pcapng", "Timestamps near the 64-bit limits",
         "Three pcapng interfaces (frames in file order, not time order).  "
         "Interface 0 (`if_tsresol` 6): the normal call at the end.  "
         "Interface 1 `tsresol0` (`if_tsresol` 0: timestamps in whole "
         "seconds): (a) INVITE at 20 000 000 000 s (2603-10-11; seconds * "
         "10^9 overflows int64), 486 one second later, ACK in the same "
         "second; (c) an OPTIONS at raw timestamp 2^63-1 s and its 200 at raw "
         "2^63 s, 1 s apart in the file's own units: tshark 4.0.17 shows the "
         "OPTIONS at `frame.time_epoch` 9223372036854775807 and the 200 at "
         "-9223372036854775808 (2^63 does not fit its signed time_t and "
         "wraps), yet the 200's `frame.time_delta` is 1.000000000 s (the "
         "difference wraps back) and its `frame.time_relative` "
         "9223372016854775808 s (wrapped: the true value, -2^63 - 2 * 10^10, "
         "does not fit).  Interface 2 `tsoffset` (`if_tsresol` 6, `if_tsoffset` "
         "9 * 10^18 s, which tshark 4.0.17 applies): (b) INVITE, 100 after "
         "20 ms, 200 after 1.5 s, ACK, at 2026-01-01 + 9 * 10^18 s (tshark: "
         "`frame.time_epoch` 9000000001767225600.x, `frame.time` \"Not "
         "representable\").  Interface 0: (d) INVITE, 100, 200, ACK at "
         "2026-01-01T00:00:00Z (normal; relative times are negative, the "
         "first frame being in 2603).  tshark reads the file without "
         "complaint; `frame.time_relative` and `frame.time_delta` are "
         "computed with 64-bit seconds and wrap around where the "
         "difference does not fit (see the table).")
def hm_timestamps():
    cap = IfaceCap()
    ts0 = cap.iface(tsresol=0, name="tsresol0")
    off = cap.iface(tsresol=6, tsoffset=TSOFFSET_HUGE, name="tsoffset")
    flow = UdpFlow(UAC, 5060, UAS, 5060)

    call = Call("ts-a")
    inv = call.invite()
    cap.put(ts0, TS_2603, flow.frame(inv.encode()),
            "(a) INVITE, if_tsresol 0, at 20 000 000 000 s (2603)")
    r = call.response(inv, 486, "Busy Here")
    cap.put(ts0, TS_2603 + 1, flow.frame(r.encode(), True),
            "(a) 486, 1 s later (the interface's resolution)")
    cap.put(ts0, TS_2603 + 1, flow.frame(call.ack(inv, r).encode()),
            "(a) ACK (same branch), same second")

    call = Call("ts-b")
    inv = call.invite()
    t = BASE_US
    cap.put(off, t, flow.frame(inv.encode()),
            "(b) INVITE, if_tsoffset 9e18 s")
    cap.put(off, t + 20 * MS, flow.frame(call.response(inv, 100, "Trying").encode(), True),
            "(b) 100 after 20 ms")
    cap.put(off, t + 1500 * MS, flow.frame(call.response(inv, 200, "OK").encode(), True),
            "(b) 200 after 1.5 s")
    cap.put(off, t + 1502 * MS, flow.frame(call.ack2xx(1).encode()),
            "(b) ACK (new branch)")

    call = Call("ts-c")
    opt = call.request("OPTIONS", 1, extra=("Accept: application/sdp",))
    cap.put(ts0, (1 << 63) - 1, flow.frame(opt.encode()),
            "(c) OPTIONS at raw 2^63-1 s (if_tsresol 0)")
    cap.put(ts0, 1 << 63, flow.frame(call.response(opt, 200, "OK", extra=(ALLOW,)).encode(), True),
            "(c) 200 at raw 2^63 s: tshark shows -2^63 s")

    call = Call("ts-d")
    inv = call.invite()
    cap.put(0, BASE_US, flow.frame(inv.encode()), "(d) INVITE, normal interface 0")
    cap.put(0, BASE_US + 10 * MS, flow.frame(call.response(inv, 100, "Trying").encode(), True),
            "(d) 100 after 10 ms")
    cap.put(0, BASE_US + 800 * MS, flow.frame(call.response(inv, 200, "OK").encode(), True),
            "(d) 200 after 800 ms")
    cap.put(0, BASE_US + 802 * MS, flow.frame(call.ack2xx(1).encode()), "(d) ACK")
    return cap


@capture("hm-long-key.pcapng", "A Via branch too long to match",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060.  An OPTIONS whose "
         "top Via branch is z9hG4bK followed by 1 200 characters (legal, "
         "but no real stack writes one; the analysis keeps every "
         "transaction's key whole and stops at 1 024 bytes), resent after "
         "500 ms, and its 200 OK; then an ordinary OPTIONS and its 200.")
def hm_long_key():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    long_branch = "z9hG4bK" + "x" * 1200
    call = Call("long-key")
    via = "Via: SIP/2.0/UDP %s;branch=%s" % (hostport(UAC, 5060), long_branch)
    opt = Msg("OPTIONS sip:bob@203.0.113.5 SIP/2.0",
              [via, "Max-Forwards: 70", "From: <%s>;tag=%s" % (call.from_uri, call.from_tag),
               "To: <sip:bob@203.0.113.5>", "Call-ID: " + call.call_id, "CSeq: 1 OPTIONS"])
    ok = Msg("SIP/2.0 200 OK",
             [via, "From: <%s>;tag=%s" % (call.from_uri, call.from_tag),
              "To: <sip:bob@203.0.113.5>;tag=" + tag("long-key-uas"), "Call-ID: " + call.call_id,
              "CSeq: 1 OPTIONS"])
    cap.udp(0, flow, opt, note="OPTIONS, branch of 1 207 characters")
    cap.udp(500 * MS, flow, opt, note="the same OPTIONS resent")
    cap.udp(520 * MS, flow, ok, rev=True, note="200 OK to it")
    plain = Call("long-key-plain")
    opt2 = plain.request("OPTIONS", 1)
    cap.udp(2 * S, flow, opt2, note="an ordinary OPTIONS")
    cap.udp(2 * S + 10 * MS, flow, plain.response(opt2, 200, "OK"), rev=True, note="its 200 OK")
    return cap


@capture("hm-auth.pcapng", "Authentication challenges: answered, looping, refused, never retried",
         "UAC 192.0.2.10:5060 -> registrar 198.51.100.20:5060 and proxy "
         "198.51.100.1:5060 (RFC 3261 \u00a722).  (a) 0 s: REGISTER, 401 "
         "with WWW-Authenticate, REGISTER again (CSeq 2, Authorization), "
         "200 OK: a challenge that worked.  (b) 5 s: INVITE to the proxy, "
         "407 with Proxy-Authenticate, ACK, INVITE again (CSeq 2, "
         "Proxy-Authorization), 407 again (wrong password), ACK, INVITE "
         "once more (CSeq 3), 403 Forbidden, ACK.  (c) 15 s: REGISTER of "
         "another line, 401, and no retry until the end of the capture.  "
         "(d) 20 s: INVITE to the proxy, CANCEL 2 s later, 200 to the "
         "CANCEL, 487 to the INVITE, ACK: a 487 the caller asked for.")
def hm_auth():
    cap = Cap()
    reg = UdpFlow(UAC, 5060, REGISTRAR, 5060)
    prx = UdpFlow(UAC, 5060, PROXY, 5060)
    www = 'WWW-Authenticate: Digest realm="example.com", nonce="%s", algorithm=MD5' % _h("nonce-a", 16)
    cred = ('Authorization: Digest username="alice", realm="example.com", nonce="%s", '
            'uri="sip:example.com", response="%s"' % (_h("nonce-a", 16), _h("resp-a", 32)))
    a = Call("auth-a", uas=REGISTRAR)
    r1 = a.request("REGISTER", 1, ruri="sip:example.com", extra=("Expires: 3600",))
    cap.udp(0, reg, r1, note="(a) REGISTER")
    cap.udp(20 * MS, reg, a.response(r1, 401, "Unauthorized", extra=(www,)), rev=True,
            note="(a) 401 with WWW-Authenticate")
    r2 = a.request("REGISTER", 2, ruri="sip:example.com", extra=("Expires: 3600", cred))
    cap.udp(60 * MS, reg, r2, note="(a) REGISTER again with Authorization (CSeq 2)")
    cap.udp(80 * MS, reg, a.response(r2, 200, "OK", extra=("Expires: 3600",)), rev=True,
            note="(a) 200 OK: registered")

    t = 5 * S
    pa = 'Proxy-Authenticate: Digest realm="example.com", nonce="%s", algorithm=MD5' % _h("nonce-b", 16)
    b = Call("auth-b", uas=PROXY)
    i1 = b.invite(1)
    cap.udp(t, prx, i1, note="(b) INVITE")
    c1 = b.response(i1, 407, "Proxy Authentication Required", extra=(pa,))
    cap.udp(t + 15 * MS, prx, c1, rev=True, note="(b) 407 with Proxy-Authenticate")
    cap.udp(t + 17 * MS, prx, b.ack(i1, c1), note="(b) ACK")
    pcred = ('Proxy-Authorization: Digest username="alice", realm="example.com", nonce="%s", '
             'uri="%s", response="%s"' % (_h("nonce-b", 16), b.ruri, _h("resp-b", 32)))
    i2 = b.invite(2, extra=(pcred,))
    cap.udp(t + 50 * MS, prx, i2, note="(b) INVITE again with Proxy-Authorization (CSeq 2)")
    c2 = b.response(i2, 407, "Proxy Authentication Required", extra=(pa,))
    cap.udp(t + 65 * MS, prx, c2, rev=True, note="(b) 407 again: the credentials were wrong")
    cap.udp(t + 67 * MS, prx, b.ack(i2, c2), note="(b) ACK")
    i3 = b.invite(3, extra=(pcred,))
    cap.udp(t + 100 * MS, prx, i3, note="(b) INVITE once more (CSeq 3)")
    f3 = b.response(i3, 403, "Forbidden")
    cap.udp(t + 115 * MS, prx, f3, rev=True, note="(b) 403 Forbidden")
    cap.udp(t + 117 * MS, prx, b.ack(i3, f3), note="(b) ACK")

    t = 15 * S
    c = Call("auth-c", caller="carol", uas=REGISTRAR)
    r3 = c.request("REGISTER", 1, ruri="sip:example.com", extra=("Expires: 3600",))
    cap.udp(t, reg, r3, note="(c) REGISTER of another line")
    cap.udp(t + 20 * MS, reg, c.response(r3, 401, "Unauthorized", extra=(www,)), rev=True,
            note="(c) 401, never retried")

    t = 20 * S
    d = Call("auth-d", uas=PROXY)
    i4 = d.invite(1)
    cap.udp(t, prx, i4, note="(d) INVITE")
    cap.udp(t + 10 * MS, prx, d.response(i4, 100, "Trying"), rev=True, note="(d) 100 Trying")
    cancel = d.request("CANCEL", 1, br_label="", extra=(), contact=False)
    cancel.headers[0] = i4.headers[0]  # the INVITE's Via: same branch (RFC 3261 \u00a79.1)
    cap.udp(t + 2 * S, prx, cancel, note="(d) CANCEL (the INVITE's branch)")
    cap.udp(t + 2 * S + 10 * MS, prx, d.response(cancel, 200, "OK"), rev=True, note="(d) 200 to the CANCEL")
    t487 = d.response(i4, 487, "Request Terminated")
    cap.udp(t + 2 * S + 12 * MS, prx, t487, rev=True, note="(d) 487 Request Terminated")
    cap.udp(t + 2 * S + 14 * MS, prx, d.ack(i4, t487), note="(d) ACK")
    return cap


UAC_ALT = "192.0.2.11"      # alice's second address (multi-homed SCTP)
UAS_ALT = "203.0.113.6"     # bob's second address


@capture("hm-sctp-multihomed.pcapng", "SIP over a multi-homed SCTP association",
         "One SCTP association between UAC 192.0.2.10:5060 (second address "
         "192.0.2.11, listed in its INIT) and UAS 203.0.113.5:5060 (second "
         "address 203.0.113.6, listed in its INIT ACK); PPID 0, every Via "
         "`SIP/2.0/SCTP 192.0.2.10:5060`.  OPTIONS and its 200 on the primary "
         "path.  INVITE at 1 s and its 100 (20 ms) on the primary path; then "
         "the UAS moves to the alternate paths of the same association "
         "(same ports and verification tags): 180 after 400 ms from "
         "203.0.113.5 to 192.0.2.11, 200 after 2 s from 203.0.113.6 to "
         "192.0.2.11, and the UAC's ACK and BYE leave from 192.0.2.11 to "
         "203.0.113.6, BYE's 200 after 10 ms on that path too.  One "
         "transaction per request, all on one association (RFC 4960 §6.4).")
def hm_sctp_multihomed():
    cap = Cap()
    ad = NoteCap(cap)
    a = SctpAssoc(ad, UAC, 5060, UAS, 5060, ppid=0, c_alt=(UAC_ALT,), s_alt=(UAS_ALT,))
    call = Call("sctp-multihomed", transport="SCTP")
    alt = {"src": UAS_ALT, "dst": UAC_ALT}          # server -> client, alternate path
    alt_c = {"src": UAC_ALT, "dst": UAS_ALT}        # client -> server, alternate path

    ad.note = ("SCTP association: INIT (+ address 192.0.2.11), INIT ACK (+ address "
               "203.0.113.6), COOKIE ECHO, COOKIE ACK")
    a.handshake(BASE_US, rtt_us=400)
    opt = Call("sctp-multihomed-options", transport="SCTP").request(
        "OPTIONS", 1, extra=("Accept: application/sdp",))
    sctp_send(a, ad, 1 * MS, opt, "OPTIONS, primary path")
    sctp_send(a, ad, 11 * MS, call.response(opt, 200, "OK", extra=(ALLOW,)),
              "200 to OPTIONS after 10 ms, primary path (SACK bundled)", from_client=False,
              sack=True)
    sctp_sack(a, ad, 11 * MS + 200, from_client=True)

    t = 1 * S
    inv = call.invite()
    sctp_send(a, ad, t, inv, "INVITE, primary path")
    sctp_send(a, ad, t + 20 * MS, call.response(inv, 100, "Trying"),
              "100 after 20 ms, primary path (SACK bundled)", from_client=False, sack=True)
    sctp_sack(a, ad, t + 20 * MS + 200, from_client=True)
    sctp_send(a, ad, t + 400 * MS, call.response(inv, 180, "Ringing"),
              "180 after 400 ms: 203.0.113.5 -> alternate address 192.0.2.11",
              from_client=False, dst=UAC_ALT)
    sctp_sack(a, ad, t + 400 * MS + 200, from_client=True, src=UAC_ALT)
    sctp_send(a, ad, t + 2000 * MS, call.response(inv, 200, "OK"),
              "200 after 2 s: alternate path 203.0.113.6 -> 192.0.2.11",
              from_client=False, **alt)
    sctp_send(a, ad, t + 2002 * MS, call.ack2xx(1),
              "ACK (new branch): alternate path 192.0.2.11 -> 203.0.113.6 (SACK bundled)",
              sack=True, **alt_c)

    t = 5 * S
    bye = call.bye(2)
    sctp_send(a, ad, t, bye, "BYE CSeq 2: alternate path 192.0.2.11 -> 203.0.113.6", **alt_c)
    sctp_send(a, ad, t + 10 * MS, call.response(bye, 200, "OK"),
              "200 to BYE after 10 ms: alternate path 203.0.113.6 -> 192.0.2.11 (SACK bundled)",
              from_client=False, sack=True, **alt)
    sctp_sack(a, ad, t + 10 * MS + 200, from_client=True, **alt_c)
    return cap


@capture("hm-hash-collision.pcapng", "Crafted collision of the old 64-bit transaction key (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060, three calls, each its "
         "own Call-ID and From tag, CSeq 1 INVITE.  Call 1 (t = 0): INVITE "
         "with branch b1, 100 after 20 ms, 180 after 400 ms, 200 after 2 s, "
         "ACK (new branch).  Call 2 (t = 5 s): INVITE whose 24-byte branch b2 "
         "was crafted (captures/make/oldhash.py: the old hash of commit "
         "cd9e666 walked backwards, its last 8 bytes solved for, 8 token "
         "bytes) so that its old 64-bit `sa_txn_key` (branch, INVITE, "
         "192.0.2.10, 203.0.113.5:5060) equals call 1's INVITE key; answered "
         "486 Busy Here after 30 ms, ACK on b2.  Nothing but that hash ties "
         "call 2 to call 1: Call-ID, From tag, To tag and branch all differ.  "
         "Call 3 (t = 10 s): INVITE reusing b1 exactly, with another Call-ID "
         "and From tag (a branch must be unique, RFC 3261 §8.1.1.7: another "
         "call, not a retransmission), 603 Decline after 500 ms, ACK on b1.  "
         "Old code (cd9e666): frames 6 and 9 show as retransmissions of frame 1, "
         "and the 486 and the 603 are linked to frame 1.")
def hm_hash_collision():
    import oldhash                      # captures/make/oldhash.py
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    b1 = branch("collision-1")
    key = oldhash.txn_key(b1, "INVITE", UAC, UAS, 5060)
    # The first try is picked from a label, so the branch looks like any other.
    b2, _tries = oldhash.forge_branch(key, "INVITE", UAC, UAS, 5060, head="z9hG4bK-",
                                      start=int(_h("forge:collision-2", 12), 16))
    assert b2 != b1 and oldhash.txn_key(b2, "INVITE", UAC, UAS, 5060) == key

    c1 = Call("collision-1")
    inv = c1.invite(br=b1)
    cap.udp(0, flow, inv, note="INVITE, call 1 (branch b1)")
    cap.udp(20 * MS, flow, c1.response(inv, 100, "Trying"), rev=True, note="100 after 20 ms")
    cap.udp(400 * MS, flow, c1.response(inv, 180, "Ringing"), rev=True, note="180 after 400 ms")
    cap.udp(2 * S, flow, c1.response(inv, 200, "OK"), rev=True, note="200 after 2 s")
    cap.udp(2 * S + 2 * MS, flow, c1.ack2xx(1), note="ACK (new branch, 2xx)")

    c2 = Call("collision-2")
    inv = c2.invite(br=b2)
    cap.udp(5 * S, flow, inv,
            note="INVITE, call 2: other Call-ID, From tag and branch b2, crafted so that its "
                 "old 64-bit key equals frame 1's")
    r = c2.response(inv, 486, "Busy Here")
    cap.udp(5 * S + 30 * MS, flow, r, rev=True, note="486 to frame 6 after 30 ms")
    cap.udp(5 * S + 32 * MS, flow, c2.ack(inv, r), note="ACK (branch b2, non-2xx)")

    c3 = Call("collision-3")
    inv = c3.invite(br=b1)
    cap.udp(10 * S, flow, inv,
            note="INVITE, call 3: another Call-ID and From tag, branch b1 of frame 1 reused")
    r = c3.response(inv, 603, "Decline")
    cap.udp(10 * S + 500 * MS, flow, r, rev=True, note="603 to frame 9 after 500 ms")
    cap.udp(10 * S + 502 * MS, flow, c3.ack(inv, r), note="ACK (branch b1, non-2xx)")
    return cap


WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def ws_frame(payload, mask_label=None, opcode=1):
    """One final WebSocket frame (RFC 6455 §5.2): text by default.  With
    ``mask_label`` the frame is masked (client to server) with a 4-byte key
    derived from the label."""
    if isinstance(payload, Msg):
        payload = payload.encode()
    n = len(payload)
    head = bytes([0x80 | opcode])
    m = 0x80 if mask_label is not None else 0
    if n < 126:
        head += bytes([m | n])
    elif n < 65536:
        head += bytes([m | 126]) + n.to_bytes(2, "big")
    else:
        head += bytes([m | 127]) + n.to_bytes(8, "big")
    if mask_label is None:
        return head + payload
    key = hashlib.sha256(("wsmask:" + mask_label).encode()).digest()[:4]
    return head + key + bytes(c ^ key[i & 3] for i, c in enumerate(payload))


class WsCall(Call):
    """A Call from a WebSocket client (RFC 7118 §5): Via sent-by and Contact
    host are an invented .invalid name, transport WS."""

    SENT_BY = "df7jal23ls0d.invalid"

    def __init__(self, label, **kw):
        Call.__init__(self, label, transport="WS", **kw)
        self.uac_contact = "<sip:%s@%s;transport=ws>" % (self.caller, self.SENT_BY)
        # the callee sits behind the proxy on plain UDP
        self.uas_contact = "<sip:%s@%s>" % (self.callee, hostport(self.uas, self.uas_port))

    def via(self, br):
        v = "Via: SIP/2.0/WS " + self.SENT_BY
        if br is not None:
            v += ";branch=" + br
        return v


@capture("hm-websocket.pcapng", "SIP over WebSocket (RFC 7118), late 100",
         "WebSocket client 192.0.2.10:50630 -> SIP proxy 198.51.100.1:80 "
         "over one TCP connection: HTTP `GET /` with `Upgrade: websocket` "
         "and `Sec-WebSocket-Protocol: sip`, `101 Switching Protocols` "
         "accepting `sip`, then one SIP message per WebSocket text frame "
         "(client frames masked, server frames not), each frame in its own "
         "TCP segment except the 200 to the INVITE.  Via "
         "`SIP/2.0/WS df7jal23ls0d.invalid`.  REGISTER at 10 ms (200 after "
         "30 ms); INVITE at 1 s: 100 after 262.5 ms (later than 200 ms), "
         "180 after 900 ms, 200 (one text frame over two TCP segments, the "
         "second 2.90006 s after the INVITE), ACK; BYE at 8 s (200 after "
         "30 ms); WebSocket Close both ways, TCP close.")
def hm_websocket():
    cap = Cap()
    ad = NoteCap(cap)
    proxy = PROXY
    flow = TcpFlow(ad, UAC, 50630, proxy, 80)
    ad.note = "TCP handshake"
    t = flow.handshake(BASE_US, rtt_us=400) - BASE_US
    key = base64.b64encode(hashlib.sha256(b"wskey:hm-websocket").digest()[:16]).decode()
    accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest()).decode()
    get = ("GET / HTTP/1.1\r\n"
           "Host: %s\r\n"
           "Upgrade: websocket\r\n"
           "Connection: Upgrade\r\n"
           "Sec-WebSocket-Key: %s\r\n"
           "Origin: http://www.example.com\r\n"
           "Sec-WebSocket-Protocol: sip\r\n"
           "Sec-WebSocket-Version: 13\r\n\r\n") % (proxy, key)
    tcp_send(flow, ad, t + 200, get.encode(), "HTTP GET, Upgrade: websocket, Sec-WebSocket-Protocol: sip")
    ok = ("HTTP/1.1 101 Switching Protocols\r\n"
          "Upgrade: websocket\r\n"
          "Connection: Upgrade\r\n"
          "Sec-WebSocket-Accept: %s\r\n"
          "Sec-WebSocket-Protocol: sip\r\n\r\n") % accept
    tcp_send(flow, ad, t + 1200, ok.encode(), "HTTP 101 Switching Protocols, Sec-WebSocket-Protocol: sip",
             from_client=False)
    ad.note = "TCP ACK"
    flow.ack(BASE_US + t + 1240, from_client=True)

    def c2s(t, msg, note, label):
        tcp_send(flow, ad, t, ws_frame(msg, mask_label=label), note)
        ad.note = "TCP ACK"
        flow.ack(BASE_US + t + 40, from_client=False)
        ad.note = None

    def s2c(t, msg, note):
        tcp_send(flow, ad, t, ws_frame(msg), note, from_client=False)
        ad.note = "TCP ACK"
        flow.ack(BASE_US + t + 40, from_client=True)
        ad.note = None

    rr = "Record-Route: <sip:%s:80;transport=ws;lr>" % proxy
    route = "Route: <sip:%s:80;transport=ws;lr>" % proxy
    reg_call = WsCall("ws-register", uas=proxy, callee="alice")
    reg = reg_call.request("REGISTER", 1, ruri="sip:example.com",
                           extra=("Expires: 600",))
    c2s(10 * MS, reg, "REGISTER (masked text frame)", "register")
    s2c(40 * MS, reg_call.response(reg, 200, "OK", contact=False, extra=(
        "Contact: %s;expires=600" % reg_call.uac_contact,)),
        "200 to REGISTER after 30 ms (unmasked text frame)")

    t = 1 * S
    call = WsCall("ws-invite", uas=UAS)
    inv = call.invite(ruri="sip:bob@example.com")
    c2s(t, inv, "INVITE (masked text frame)", "invite")
    s2c(t + 262500, call.response(inv, 100, "Trying"),
        "100 from the proxy after 262.5 ms (late: > 200 ms)")
    s2c(t + 900 * MS, call.response(inv, 180, "Ringing", extra=(rr,)),
        "180 after 900 ms")
    tcp_send(flow, ad, t + 2900 * MS, ws_frame(call.response(inv, 200, "OK", extra=(rr,))),
             "200 (with SDP): one text frame split over two TCP segments", from_client=False,
             segments=2)
    ad.note = "TCP ACK"
    flow.ack(BASE_US + t + 2900 * MS + 100, from_client=True)
    ack = call.ack2xx(1)
    ack.headers.append(route)
    c2s(t + 2902 * MS, ack, "ACK (new branch, Route via the proxy)", "ack")

    t = 8 * S
    bye = call.bye(2)
    bye.headers.append(route)
    c2s(t, bye, "BYE CSeq 2", "bye")
    s2c(t + 30 * MS, call.response(bye, 200, "OK"), "200 to BYE after 30 ms")

    t = 9 * S
    close = (1000).to_bytes(2, "big")
    tcp_send(flow, ad, t, ws_frame(close, mask_label="close", opcode=8),
             "WebSocket Close 1000 (masked)")
    tcp_send(flow, ad, t + 1 * MS, ws_frame(close, opcode=8),
             "WebSocket Close 1000 (server echo)", from_client=False)
    ad.note = "TCP close"
    flow.close(BASE_US + t + 2 * MS, from_client=False)
    return cap


@capture("hm-tls.pcapng", "SIP over TLS 1.2, decrypted with the key log in the file",
         "UAC 192.0.2.10:50640 -> UAS 203.0.113.5:5061 over one TCP connection "
         "carrying TLS 1.2 (TLS_RSA_WITH_AES_128_CBC_SHA), Via `SIP/2.0/TLS "
         "192.0.2.10:5061`.  The session's master secret is in the file "
         "itself (pcapng Decryption Secrets Block, NSS key log), so Wireshark "
         "decrypts it with no preference set; the handshake is hand-made "
         "(captures/make/tls12.py: empty Certificate list, stand-in "
         "ClientKeyExchange), the records, MACs and Finished messages are "
         "real.  INVITE at 10 ms: 100 after 15 ms, 180 after 500 ms, 200 "
         "after 2 s in two TLS records sent in two TCP segments, ACK; BYE at "
         "6 s with its 200 after 20 ms; close_notify alerts are left out.")
def hm_tls():
    tls = Tls12Session("hm-tls")
    cap = Cap(tls_keylog=tls.keylog())
    ad = NoteCap(cap)
    flow = TcpFlow(ad, UAC, 50640, UAS, 5061)
    ad.note = "TCP handshake"
    t = flow.handshake(BASE_US, rtt_us=400) - BASE_US
    tcp_send(flow, ad, t + 200, tls.client_hello(), "TLS ClientHello")
    tcp_send(flow, ad, t + 800, tls.server_hello(), "TLS ServerHello, Certificate (empty list), "
             "ServerHelloDone", from_client=False)
    tcp_send(flow, ad, t + 1600, tls.client_finish(), "TLS ClientKeyExchange, ChangeCipherSpec, "
             "Finished (encrypted)")
    tcp_send(flow, ad, t + 2200, tls.server_finish(), "TLS ChangeCipherSpec, Finished (encrypted)",
             from_client=False)
    ad.note = "TCP ACK"
    flow.ack(BASE_US + t + 2240, from_client=True)

    def send(t, msg, note, from_client=True):
        tcp_send(flow, ad, t, tls.application_data(msg.encode(), from_client), note,
                 from_client=from_client)
        ad.note = "TCP ACK"
        flow.ack(BASE_US + t + 40, from_client=not from_client)
        ad.note = None

    call = Call("tls", uac_port=5061, uas_port=5061, transport="TLS")
    t = 10 * MS
    inv = call.invite()
    send(t, inv, "INVITE (one TLS record)")
    send(t + 15 * MS, call.response(inv, 100, "Trying"), "100 after 15 ms", from_client=False)
    send(t + 500 * MS, call.response(inv, 180, "Ringing"), "180 after 500 ms", from_client=False)
    r200 = call.response(inv, 200, "OK").encode()
    cut = len(r200) // 2
    tcp_send(flow, ad, t + 2000 * MS, tls.application_data(r200[:cut], False),
             "200, first half (TLS record 1 of 2)", from_client=False)
    tcp_send(flow, ad, t + 2000 * MS + 100, tls.application_data(r200[cut:], False),
             "200, second half (TLS record 2 of 2), 2.0001 s after the INVITE", from_client=False)
    ad.note = "TCP ACK"
    flow.ack(BASE_US + t + 2000 * MS + 140, from_client=True)
    send(t + 2002 * MS, call.ack2xx(1), "ACK (new branch)")

    t = 6 * S
    bye = call.bye(2)
    send(t, bye, "BYE CSeq 2")
    send(t + 20 * MS, call.response(bye, 200, "OK"), "200 to BYE after 20 ms", from_client=False)
    ad.note = "TCP close"
    flow.close(BASE_US + t + 100 * MS, from_client=True)
    return cap


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------


@capture("hm-hostile-text.pcapng", "Capture bytes that must not reach the output raw",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060 (UDP), each case its "
         "own Call-ID.  (a) t = 0: an OPTIONS whose CSeq method is the bytes "
         "FF FE 'M' ESC '[2J' (not UTF-8, then a terminal's clear-screen "
         "sequence; the request line says OPTIONS, since tshark takes a "
         "datagram starting with FF for SigComp), answered by a 421 with the "
         "same CSeq (so its request is not found: the key has the method) whose "
         "Require lists 100rel and a tag with ESC '[31m' and a lone C3 byte.  "
         "(a2) t = 0.5 s: INVITE Supported: timer and a tag with BEL and FF, "
         "421 with that Require, ACK.  (b) t = 1 s: INVITE "
         "Require: foo, 420 with an empty `Unsupported:` header, ACK.  "
         "(c) t = 2 s: INVITE and its 200 whose every line ends in CR alone "
         "(no LF; no body), then an ACK with CRLF.  (d) t = 3 s: INVITE whose "
         "Supported lists 24 tags with u-umlaut, 421 Require: 100rel: the "
         "expert text is longer than Wireshark keeps (239 bytes), cut inside "
         "a two-byte character unless cut before it.  (e) t = 4 s: TCP "
         "192.0.2.10:50620 -> 203.0.113.5:5060 with an MSS of 65 000 "
         "(jumbo frames): 70 OPTIONS (CSeq 1-70, own branches, one Call-ID) "
         "in ONE segment, then their 70 200 OK in ONE segment 15 ms later.")
def hm_hostile_text():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)

    # (a) hostile CSeq method ("\udcXX" is the raw byte XX); Wireshark takes a datagram whose
    # first byte is F8-FF for SigComp, so the request line keeps OPTIONS
    method = "\udcff\udcfeM\x1b[2J"
    call = Call("hostile-a")
    req = call.request("OPTIONS", 1, contact=False)
    req.headers = [("CSeq: 1 " + method) if h.startswith("CSeq:") else h for h in req.headers]
    cap.udp(0, flow, req, note="(a) OPTIONS whose CSeq method is FF FE 'M' ESC '[2J'")
    r = call.response(req, 421, "Extension Required",
                      extra=("Require: 100rel, x-\x1b[31mred\udcc3",))
    cap.udp(20 * MS, flow, r, rev=True,
            note="(a) 421, same CSeq, Require: 100rel, x-<ESC>[31mred<C3>")

    # (a2) the same tags in a 421 that is matched: the request's Supported reaches the text too
    call = Call("hostile-a2")
    inv = call.invite(extra=("Supported: timer, x-\x07bell\udcff",))
    cap.udp(500 * MS, flow, inv, note="(a2) INVITE Supported: timer, x-<BEL>bell<FF>")
    r = call.response(inv, 421, "Extension Required",
                      extra=("Require: 100rel, x-\x1b[31mred\udcc3",))
    cap.udp(520 * MS, flow, r, rev=True, note="(a2) 421 Require: 100rel, x-<ESC>[31mred<C3>")
    cap.udp(521 * MS, flow, call.ack(inv, r), note="(a2) ACK")

    # (b) 420 with an empty Unsupported header
    call = Call("hostile-b")
    inv = call.invite(extra=("Require: foo",))
    cap.udp(1 * S, flow, inv, note="(b) INVITE Require: foo")
    r = call.response(inv, 420, "Bad Extension", extra=("Unsupported:",))
    cap.udp(1 * S + 25 * MS, flow, r, rev=True, note="(b) 420 with an empty Unsupported:")
    cap.udp(1 * S + 26 * MS, flow, call.ack(inv, r), note="(b) ACK")

    # (c) CR-only line ends
    call = Call("hostile-c")
    inv = call.invite(body="")
    cap.udp(2 * S, flow, inv.encode().replace(b"\r\n", b"\r"),
            note="(c) INVITE, every line ends in CR alone")
    r = call.response(inv, 200, "OK", body="")
    cap.udp(2 * S + 30 * MS, flow, r.encode().replace(b"\r\n", b"\r"), rev=True,
            note="(c) 200, every line ends in CR alone")
    cap.udp(2 * S + 32 * MS, flow, call.ack2xx(1), note="(c) ACK (CRLF)")

    # (d) an expert text longer than Wireshark keeps, full of two-byte characters
    call = Call("hostile-d")
    inv = call.invite(extra=("Supported: " + ", ".join("\u00fcber-%d" % i for i in range(24)),))
    cap.udp(3 * S, flow, inv, note="(d) INVITE Supported: \u00fcber-0, ..., \u00fcber-23")
    r = call.response(inv, 421, "Extension Required", extra=("Require: 100rel",))
    cap.udp(3 * S + 20 * MS, flow, r, rev=True, note="(d) 421 Require: 100rel")
    cap.udp(3 * S + 21 * MS, flow, call.ack(inv, r), note="(d) ACK")

    # (e) 70 SIP messages in one TCP segment, and their 70 responses in another
    ad = TcpCap(cap)
    call = Call("hostile-e", uac_port=50620, transport="TCP")
    tflow = TcpFlow(ad, UAC, 50620, UAS, 5060, mss=65000)
    ad.note = "(e) TCP handshake"
    t = tflow.handshake(BASE_US + 4 * S, rtt_us=400) - BASE_US
    ad.note = None
    reqs = [call.request("OPTIONS", i, contact=False) for i in range(1, 71)]
    tcp_send(tflow, ad, t + 200, reqs, "(e) 70 OPTIONS (CSeq 1-70) in ONE segment")
    resps = [call.response(q, 200, "OK") for q in reqs]
    tcp_send(tflow, ad, t + 15 * MS, resps, "(e) their 70 200 OK in ONE segment", from_client=False)
    ad.note = "(e) TCP ACK"
    tflow.ack(BASE_US + t + 55 * MS, from_client=True)
    ad.note = "(e) TCP close"
    tflow.close(BASE_US + t + 100 * MS, from_client=True)
    return cap


# ---------------------------------------------------------------------------
# issue 20: why a call failed (Reason, Warning), session timers (422), delays
# ---------------------------------------------------------------------------


def _cancel(call, inv, extra=()):
    """CANCEL for ``inv``: its Via (same branch), R-URI, To, From, Call-ID,
    CSeq number (RFC 3261 \u00a79.1)."""
    h = [inv.lines("via")[0], "Max-Forwards: 70"] + inv.lines("to") + \
        inv.lines("from") + inv.lines("call-id") + \
        ["CSeq: %s CANCEL" % inv.get("cseq")[0].split()[0]] + list(extra)
    return Msg(inv.first.replace("INVITE", "CANCEL", 1), h)


@capture("hm-reason-warning.pcapng", "Reason and Warning headers in many shapes (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060.  Cases a-s, each its "
         "own Call-ID, one a second (a at 0 s, b at 1 s, ..., s at 18 s).  A "
         "rejection comes 30 ms after its INVITE and is ACKed on the INVITE's "
         "branch 1 ms later, unless the notes say otherwise.  RFC 3326 defines "
         "Reason for requests (and for responses whose code allows it); RFC "
         "6432 allows a Q.850 Reason in any response.  Warning is RFC 3261 "
         "\u00a720.43 "
         "(`warn-code SP warn-agent SP warn-text`, warn-code 3 digits, "
         "warn-text quoted).  Cases e-j, k-m and o are malformed on purpose; "
         "(o)'s text holds the raw bytes FF FE and C3 (not UTF-8), ESC, BEL "
         "and DEL.  tshark 4.0.17 itself reads only the first value of a "
         "Reason line (b: `sip.reason_cause_sip` 480, no Q.850 field), gives a "
         "missing or non-numeric cause as Q.850 cause 0 (e, f), 999999999999 "
         "modulo 2^32 (3567587327, g), no `sip.reason_text` for the unclosed "
         "quote (i), and keeps a Warning as one string (`sip.Warning`).")
def hm_reason_warning():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)

    def reject(i, code, reason, hdrs, note_inv, note_resp):
        call = Call("reason-%s" % i)
        t = (ord(i) - ord("a")) * S
        inv = call.invite()
        cap.udp(t, flow, inv, note="(%s) %s" % (i, note_inv))
        r = call.response(inv, code, reason, extra=hdrs)
        cap.udp(t + 30 * MS, flow, r, rev=True, note="(%s) %s" % (i, note_resp))
        cap.udp(t + 31 * MS, flow, call.ack(inv, r), note="(%s) ACK" % i)

    reject("a", 480, "Temporarily Unavailable",
           ('Reason: SIP;cause=480;text="Callee unavailable"',
            'Reason: Q.850;cause=18;text="No user responding"'),
           "INVITE", '480 with two Reason lines: SIP;cause=480;text="Callee unavailable" '
           'and Q.850;cause=18;text="No user responding"')
    reject("b", 480, "Temporarily Unavailable",
           ('Reason: SIP;cause=480;text="x", Q.850;cause=18',),
           "INVITE", '480 with one Reason line holding two values: '
           'SIP;cause=480;text="x", Q.850;cause=18')
    reject("c", 503, "Service Unavailable", ("Reason: Q.850;cause=34",),
           "INVITE", "503 Reason: Q.850;cause=34 (no text)")

    # (d) 100, 180, then 603 with Q.850 cause 21
    call = Call("reason-d")
    t = 3 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(d) INVITE")
    cap.udp(t + 10 * MS, flow, call.response(inv, 100, "Trying"), rev=True, note="(d) 100")
    cap.udp(t + 100 * MS, flow, call.response(inv, 180, "Ringing"), rev=True, note="(d) 180")
    r = call.response(inv, 603, "Decline",
                      extra=('Reason: Q.850;cause=21;text="Call rejected"',))
    cap.udp(t + 400 * MS, flow, r, rev=True,
            note='(d) 603 at +400 ms, Reason: Q.850;cause=21;text="Call rejected"')
    cap.udp(t + 401 * MS, flow, call.ack(inv, r), note="(d) ACK")

    reject("e", 486, "Busy Here", ('Reason: Q.850;text="No cause"',),
           "INVITE", '486 Reason: Q.850;text="No cause" (no cause parameter)')
    reject("f", 486, "Busy Here", ("Reason: Q.850;cause=abc",),
           "INVITE", "486 Reason: Q.850;cause=abc (non-numeric cause)")
    reject("g", 486, "Busy Here", ("Reason: Q.850;cause=999999999999",),
           "INVITE", "486 Reason: Q.850;cause=999999999999 (out of range)")
    reject("h", 486, "Busy Here", ("Reason: FOO;cause=1",),
           "INVITE", "486 Reason: FOO;cause=1 (unknown protocol)")
    reject("i", 486, "Busy Here", ('Reason: Q.850;cause=17;text="User busy',),
           "INVITE", '486 Reason: Q.850;cause=17;text="User busy (quote never closed)')
    reject("j", 486, "Busy Here", ("Reason:",),
           "INVITE", "486 with an empty Reason: header")
    reject("k", 488, "Not Acceptable Here", ('Warning: 99 uas.example.net "Two-digit code"',),
           "INVITE", '488 Warning: 99 uas.example.net "Two-digit code" (2-digit warn-code)')
    reject("l", 488, "Not Acceptable Here", ('Warning: 399 "No agent"',),
           "INVITE", '488 Warning: 399 "No agent" (warn-agent missing)')
    reject("m", 488, "Not Acceptable Here", ("Warning: 399 uas.example.net Unquoted text",),
           "INVITE", "488 Warning: 399 uas.example.net Unquoted text (warn-text not quoted)")
    reject("n", 488, "Not Acceptable Here",
           ('Warning: 301 uas.example.net "Incompatible network address formats", '
            '305 uas.example.net "Incompatible media format", '
            '399 uas.example.net "Miscellaneous warning"',),
           "INVITE", "488 with one Warning line holding three values: 301, 305, 399")
    reject("o", 486, "Busy Here",
           ('Reason: Q.850;cause=17;text="Busy \udcff\udcfe \x1b[31mred\x1b[0m \x07bell \x7f \udcc3"',),
           "INVITE", '486 Reason: Q.850;cause=17;text="Busy <FF><FE> <ESC>[31mred<ESC>[0m '
           '<BEL>bell <DEL> <C3>"')

    # (p) CANCEL with a Q.850 Reason, 487
    call = Call("reason-p")
    t = 15 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(p) INVITE")
    cap.udp(t + 10 * MS, flow, call.response(inv, 100, "Trying"), rev=True, note="(p) 100")
    cap.udp(t + 100 * MS, flow, call.response(inv, 180, "Ringing"), rev=True, note="(p) 180")
    cancel = _cancel(call, inv, ('Reason: Q.850;cause=31;text="Normal, unspecified"',))
    cap.udp(t + 500 * MS, flow, cancel,
            note='(p) CANCEL (INVITE\'s branch), Reason: Q.850;cause=31;text="Normal, unspecified"')
    cap.udp(t + 510 * MS, flow, call.response(cancel, 200, "OK"), rev=True,
            note="(p) 200 to the CANCEL")
    r = call.response(inv, 487, "Request Terminated")
    cap.udp(t + 512 * MS, flow, r, rev=True, note="(p) 487 to the INVITE (no Reason of its own)")
    cap.udp(t + 513 * MS, flow, call.ack(inv, r), note="(p) ACK")

    # (q) the callee hangs up: BYE from the UAS with a Reason
    call = Call("reason-q")
    t = 16 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(q) INVITE")
    cap.udp(t + 10 * MS, flow, call.response(inv, 100, "Trying"), rev=True, note="(q) 100")
    cap.udp(t + 300 * MS, flow, call.response(inv, 200, "OK"), rev=True, note="(q) 200")
    cap.udp(t + 302 * MS, flow, call.ack2xx(1), note="(q) ACK (new branch)")
    bye = Msg("BYE %s SIP/2.0" % call.uac_contact.strip("<>"), [
        "Via: SIP/2.0/UDP %s;branch=%s" % (hostport(UAS, 5060), branch("reason-q:uas-bye")),
        "Max-Forwards: 70",
        'To: "Alice" <%s>;tag=%s' % (call.from_uri, call.from_tag),
        "From: <%s>;tag=%s" % (call.to_uri, call.to_tag),
        "Call-ID: " + call.call_id,
        "CSeq: 1 BYE",
        'Reason: Q.850;cause=16;text="Normal call clearing"'])
    cap.udp(t + 600 * MS, flow, bye, rev=True,
            note='(q) BYE from the callee (UAS -> UAC, CSeq 1), '
            'Reason: Q.850;cause=16;text="Normal call clearing"')
    cap.udp(t + 610 * MS, flow, call.response(bye, 200, "OK"),
            note="(q) 200 to the BYE (UAC -> UAS)")

    # (r) Reason on a 2xx
    call = Call("reason-r")
    t = 17 * S
    inv = call.invite()
    cap.udp(t, flow, inv, note="(r) INVITE")
    cap.udp(t + 300 * MS, flow, call.response(inv, 200, "OK", extra=(
        'Reason: Q.850;cause=16;text="Normal call clearing"',)), rev=True,
        note='(r) 200 OK at +300 ms with Reason: Q.850;cause=16;text="Normal call clearing" '
        '(a Reason on a 2xx)')
    cap.udp(t + 302 * MS, flow, call.ack2xx(1), note="(r) ACK (new branch)")

    reject("s", 486, "Busy Here", ('reason: Q.850;cause=17;text="User busy"',),
           "INVITE", '486 with the header name in lower case: reason: Q.850;cause=17;text="User busy"')
    return cap


@capture("hm-session-timer.pcapng", "422 Session Interval Too Small and Session-Expires edge cases (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060 (RFC 4028).  Cases a-k, "
         "each its own Call-ID, started 1 s apart (a at 0 s ... d at 3 s, e "
         "at 4 s, f at 6 s, then g at 7 s ... k at 11 s).  Every INVITE carries "
         "`Supported: timer`.  A 422 or 200 comes 20 ms after its INVITE, its "
         "ACK 1 ms later; a retry (same Call-ID and From tag, next CSeq, new "
         "branch) 200 ms after the previous INVITE.  A 200 to a request whose "
         "Session-Expires the UAS accepts carries `Require: timer` and "
         "`Session-Expires: ...;refresher=uac`; cases g-i and k are answered "
         "by a UAS without session timers (200 without Session-Expires).  "
         "tshark 4.0.17 reads the compact `x` as `sip.Session-Expires` too; "
         "both it and `sip.Min-SE` are strings (`soon`, the 20 digits and "
         "`1800;foo=bar` as written).")
def hm_session_timer():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)
    sup = "Supported: timer"

    def attempt(call, t, cseq, case, req_hdrs, code, resp_hdrs, note_req, note_resp):
        inv = call.invite(cseq, extra=(sup,) + tuple(req_hdrs))
        cap.udp(t, flow, inv, note="(%s) %s" % (case, note_req))
        reason = {200: "OK", 422: "Session Interval Too Small"}[code]
        r = call.response(inv, code, reason, extra=tuple(resp_hdrs))
        cap.udp(t + 20 * MS, flow, r, rev=True, note="(%s) %s" % (case, note_resp))
        if code == 200:
            cap.udp(t + 21 * MS, flow, call.ack2xx(cseq), note="(%s) ACK (new branch)" % case)
        else:
            cap.udp(t + 21 * MS, flow, call.ack(inv, r), note="(%s) ACK (same branch)" % case)

    ok1800 = ("Require: timer", "Session-Expires: 1800;refresher=uac")

    call = Call("timer-a")
    attempt(call, 0, 1, "a", ("Session-Expires: 300",), 422, (),
            "INVITE CSeq 1, Session-Expires: 300", "422 WITHOUT Min-SE")

    call = Call("timer-b")
    attempt(call, 1 * S, 1, "b", (), 422, ("Min-SE: 1800",),
            "INVITE CSeq 1 without Session-Expires", "422 Min-SE: 1800 to a request without Session-Expires")

    call = Call("timer-c")
    attempt(call, 2 * S, 1, "c", ("Session-Expires: 45",), 422, ("Min-SE: 60",),
            "INVITE CSeq 1, Session-Expires: 45 (below 90)", "422 Min-SE: 60 (below 90)")

    call = Call("timer-d")
    t = 3 * S
    attempt(call, t, 1, "d", ("Session-Expires: 300",), 422, ("Min-SE: 1800",),
            "INVITE CSeq 1, Session-Expires: 300", "422 Min-SE: 1800")
    attempt(call, t + 200 * MS, 2, "d", ("Session-Expires: 1800", "Min-SE: 1800"), 422, ("Min-SE: 1800",),
            "retry INVITE CSeq 2, Session-Expires: 1800, Min-SE: 1800 (raised as asked)",
            "422 again, Min-SE: 1800 (same value: a loop)")

    call = Call("timer-e")
    t = 4 * S
    attempt(call, t, 1, "e", ("Session-Expires: 300",), 422, ("Min-SE: 1800",),
            "INVITE CSeq 1, Session-Expires: 300", "422 Min-SE: 1800")
    attempt(call, t + 200 * MS, 2, "e", ("Session-Expires: 900", "Min-SE: 900"), 422, ("Min-SE: 1800",),
            "retry INVITE CSeq 2, Session-Expires: 900, Min-SE: 900 (still below 1800)",
            "422 Min-SE: 1800 again")
    attempt(call, t + 400 * MS, 3, "e", ("Session-Expires: 1800", "Min-SE: 1800"), 200, ok1800,
            "retry INVITE CSeq 3, Session-Expires: 1800, Min-SE: 1800 (= Min-SE)",
            "200 Require: timer, Session-Expires: 1800;refresher=uac")

    call = Call("timer-f")
    t = 6 * S
    attempt(call, t, 1, "f", ("x: 300",), 422, ("Min-SE: 1800",),
            "INVITE CSeq 1, compact x: 300", "422 Min-SE: 1800")
    attempt(call, t + 200 * MS, 2, "f", ("x: 1800;refresher=uac", "Min-SE: 1800"), 200, ok1800,
            "retry INVITE CSeq 2, compact x: 1800;refresher=uac, Min-SE: 1800",
            "200 Require: timer, Session-Expires: 1800;refresher=uac")

    call = Call("timer-g")
    attempt(call, 7 * S, 1, "g", ("Session-Expires: 60",), 200, (),
            "INVITE Session-Expires: 60 (below 90)", "200 without Session-Expires")

    call = Call("timer-h")
    attempt(call, 8 * S, 1, "h", ("Session-Expires: 100", "Min-SE: 200"), 200, (),
            "INVITE Session-Expires: 100, Min-SE: 200 (below its own Min-SE)",
            "200 without Session-Expires")

    call = Call("timer-i")
    attempt(call, 9 * S, 1, "i", ("Session-Expires: soon",), 200, (),
            "INVITE Session-Expires: soon (non-numeric)", "200 without Session-Expires")

    call = Call("timer-j")
    t = 10 * S
    attempt(call, t, 1, "j", ("Session-Expires: 300",), 422, ("Min-SE: 1800;foo=bar",),
            "INVITE CSeq 1, Session-Expires: 300", "422 Min-SE: 1800;foo=bar (a generic parameter)")
    attempt(call, t + 200 * MS, 2, "j", ("Session-Expires: 1800", "Min-SE: 1800;foo=bar"), 200, ok1800,
            "retry INVITE CSeq 2, Session-Expires: 1800, Min-SE: 1800;foo=bar",
            "200 Require: timer, Session-Expires: 1800;refresher=uac")

    call = Call("timer-k")
    attempt(call, 11 * S, 1, "k", ("Session-Expires: 99999999999999999999",), 200, (),
            "INVITE Session-Expires: 99999999999999999999 (20 digits, above 2^64)",
            "200 without Session-Expires")
    return cap


@capture("hm-call-delays.pcapng", "Calls with exact RFC 6076 delays (UDP)",
         "UAC 192.0.2.10:5060 -> UAS 203.0.113.5:5060; case g through a "
         "B2BUA 198.51.100.1:5060.  Each case its own Call-ID (g: two).  "
         "Session Request Delay (SRD, RFC 6076) runs from the first INVITE "
         "of a transaction to its first non-100 provisional or, without one, "
         "its final response; Session Disconnect Delay (SDD, RFC 6076) from "
         "the first BYE to its final response.  Expected: "
         "(a) SRD 1.500000 s (successful, ended by the 183); (b) SRD 0.800000 s "
         "(failed, 486); (c) SRD 2.000000 s (from the first INVITE, not its "
         "retransmission); (d) SDD 0.030000 s (BYE of call a); (e) SDD "
         "2.000000 s (BYE of call c, retransmitted twice, answered 408); "
         "(f) SRD 0.700000 s (first of three 180s); (g) leg A SRD 1.012000 s, "
         "SDD 0.025000 s, leg B SRD 1.000000 s, SDD 0.015000 s: two calls, "
         "nothing ties them together but the B2BUA's timing.")
def hm_call_delays():
    cap = Cap()
    flow = UdpFlow(UAC, 5060, UAS, 5060)

    # (a) 100, 183 at 1.5 s, 200 at 4 s; (d) its BYE at 15 s, 200 30 ms later
    a = Call("delays-a")
    inv = a.invite()
    cap.udp(0, flow, inv, note="(a) INVITE")
    cap.udp(20 * MS, flow, a.response(inv, 100, "Trying"), rev=True, note="(a) 100 at +20 ms")
    cap.udp(1500 * MS, flow, a.response(inv, 183, "Session Progress",
                                        body=sdp("bob", UAS, a.sess + 1, 30000)), rev=True,
            note="(a) 183 Session Progress (SDP) at +1.5 s: SRD 1.5 s")
    cap.udp(4 * S, flow, a.response(inv, 200, "OK"), rev=True, note="(a) 200 at +4 s")
    cap.udp(4 * S + 2 * MS, flow, a.ack2xx(1), note="(a) ACK (new branch)")

    # (b) 100, 486 at 800 ms, no other provisional
    b = Call("delays-b")
    t = 5 * S
    inv = b.invite()
    cap.udp(t, flow, inv, note="(b) INVITE")
    cap.udp(t + 20 * MS, flow, b.response(inv, 100, "Trying"), rev=True, note="(b) 100 at +20 ms")
    r = b.response(inv, 486, "Busy Here")
    cap.udp(t + 800 * MS, flow, r, rev=True, note="(b) 486 at +800 ms: failed SRD 0.8 s")
    cap.udp(t + 802 * MS, flow, b.ack(inv, r), note="(b) ACK (same branch)")

    # (c) INVITE retransmitted at +500 ms, 180 at +2 s from the first copy
    c = Call("delays-c")
    t = 10 * S
    inv = c.invite()
    cap.udp(t, flow, inv, note="(c) INVITE")
    cap.udp(t + 500 * MS, flow, inv, note="(c) INVITE retransmission at +500 ms")
    cap.udp(t + 510 * MS, flow, c.response(inv, 100, "Trying"), rev=True, note="(c) 100 at +510 ms")
    cap.udp(t + 2 * S, flow, c.response(inv, 180, "Ringing"), rev=True,
            note="(c) 180 at +2 s from the first INVITE: SRD 2 s")
    cap.udp(t + 3 * S, flow, c.response(inv, 200, "OK"), rev=True, note="(c) 200 at +3 s")
    cap.udp(t + 3 * S + 2 * MS, flow, c.ack2xx(1), note="(c) ACK (new branch)")

    # (d) BYE of call a, 200 after 30 ms
    t = 15 * S
    bye = a.bye(2)
    cap.udp(t, flow, bye, note="(d) BYE of call a (CSeq 2)")
    cap.udp(t + 30 * MS, flow, a.response(bye, 200, "OK"), rev=True,
            note="(d) 200 to the BYE at +30 ms: SDD 30 ms")

    # (e) BYE of call c, retransmitted, answered 408 2 s after the first copy
    t = 20 * S
    bye = c.bye(2)
    cap.udp(t, flow, bye, note="(e) BYE of call c (CSeq 2)")
    cap.udp(t + 500 * MS, flow, bye, note="(e) BYE retransmission at +500 ms")
    cap.udp(t + 1500 * MS, flow, bye, note="(e) BYE retransmission at +1.5 s")
    cap.udp(t + 2 * S, flow, c.response(bye, 408, "Request Timeout"), rev=True,
            note="(e) 408 to the BYE at +2 s from the first copy: SDD 2 s (failed)")

    # (f) three 180s (same To tag), only the first counts
    f = Call("delays-f")
    t = 25 * S
    inv = f.invite()
    r180 = f.response(inv, 180, "Ringing")
    cap.udp(t, flow, inv, note="(f) INVITE")
    cap.udp(t + 10 * MS, flow, f.response(inv, 100, "Trying"), rev=True, note="(f) 100 at +10 ms")
    cap.udp(t + 700 * MS, flow, r180, rev=True, note="(f) first 180 at +700 ms: SRD 0.7 s")
    cap.udp(t + 1200 * MS, flow, r180, rev=True, note="(f) second 180 at +1.2 s (same To tag)")
    cap.udp(t + 1900 * MS, flow, r180, rev=True, note="(f) third 180 at +1.9 s")
    cap.udp(t + 3 * S, flow, f.response(inv, 200, "OK"), rev=True, note="(f) 200 at +3 s")
    cap.udp(t + 3 * S + 2 * MS, flow, f.ack2xx(1), note="(f) ACK (new branch)")

    # (g) a B2BUA: leg A (UAC -> B2BUA) and leg B (B2BUA -> UAS), two Call-IDs
    la = UdpFlow(UAC, 5060, PROXY, 5060)
    lb = UdpFlow(PROXY, 5060, UAS, 5060)
    ga = Call("delays-g-a", uas=PROXY)
    gb = Call("delays-g-b", uac=PROXY, uas=UAS)
    t = 30 * S
    ia = ga.invite()
    cap.udp(t, la, ia, note="(g) leg A: INVITE to the B2BUA (Call-ID a)")
    cap.udp(t + 5 * MS, la, ga.response(ia, 100, "Trying"), rev=True,
            note="(g) leg A: 100 from the B2BUA at +5 ms")
    ib = gb.invite()
    cap.udp(t + 10 * MS, lb, ib, note="(g) leg B: INVITE from the B2BUA (Call-ID b) at +10 ms")
    cap.udp(t + 25 * MS, lb, gb.response(ib, 100, "Trying"), rev=True,
            note="(g) leg B: 100 at +15 ms on leg B")
    cap.udp(t + 1010 * MS, lb, gb.response(ib, 180, "Ringing"), rev=True,
            note="(g) leg B: 180, 1 s after leg B's INVITE: SRD B 1.000 s")
    cap.udp(t + 1012 * MS, la, ga.response(ia, 180, "Ringing"), rev=True,
            note="(g) leg A: 180, 1.012 s after leg A's INVITE: SRD A 1.012 s")
    cap.udp(t + 3010 * MS, lb, gb.response(ib, 200, "OK"), rev=True, note="(g) leg B: 200")
    cap.udp(t + 3012 * MS, la, ga.response(ia, 200, "OK"), rev=True, note="(g) leg A: 200")
    cap.udp(t + 3014 * MS, la, ga.ack2xx(1), note="(g) leg A: ACK")
    cap.udp(t + 3016 * MS, lb, gb.ack2xx(1), note="(g) leg B: ACK from the B2BUA")
    t = 38 * S
    bye_a = ga.bye(2)
    cap.udp(t, la, bye_a, note="(g) leg A: BYE (CSeq 2)")
    bye_b = gb.bye(2)
    cap.udp(t + 5 * MS, lb, bye_b, note="(g) leg B: BYE from the B2BUA (CSeq 2) at +5 ms")
    cap.udp(t + 20 * MS, lb, gb.response(bye_b, 200, "OK"), rev=True,
            note="(g) leg B: 200 to the BYE, 15 ms after it: SDD B 15 ms")
    cap.udp(t + 25 * MS, la, ga.response(bye_a, 200, "OK"), rev=True,
            note="(g) leg A: 200 to the BYE, 25 ms after it: SDD A 25 ms")
    return cap


def build(outdir):
    """Write every capture; return {name: notes in frame order}."""
    notes = {}
    for name, _title, _text, fn in CAPTURES:
        cap = fn()
        path = os.path.join(outdir, name)
        with PcapngWriter(path, snaplen=cap.snaplen, tls_keylog=cap.tls_keylog) as w:
            notes[name] = cap.save(w)
    return notes


def _us(rel):
    """'1.700250000' -> 1700250 (exact, no float)."""
    neg = rel.startswith("-")
    rel = rel.lstrip("-")
    sec, _, frac = rel.partition(".")
    v = int(sec) * 1000000 + int((frac + "000000")[:6])
    return -v if neg else v


def _md_escape(s):
    return s.replace("|", "\\|").replace("`", "'")


def write_doc(outdir, notes, mdpath):
    fields = ["frame.number", "frame.time_relative", "ip.src", "ipv6.src",
              "ip.dst", "ipv6.dst", "udp.srcport", "tcp.srcport",
              "udp.dstport", "tcp.dstport", "sip.Request-Line",
              "sip.Status-Line", "frame.len", "frame.cap_len", "_ws.col.Info",
              "sip.Call-ID", "sip.Via.branch", "sctp.srcport", "sctp.dstport"]
    out = [
        "# Hand-made captures",
        "",
        "Generated by `python3 captures/make/handmade.py` (standard library "
        "only, deterministic: two runs give identical bytes).  The tables "
        "below are written by `python3 captures/make/handmade.py --doc` from "
        "tshark's own reading of each file (tshark 4.0.17, fields "
        "`frame.number`, `frame.time_relative`, `ip[v6].src/dst`, "
        "`udp/tcp/sctp.srcport/dstport`, `sip.Request-Line`, `sip.Status-Line`, "
        "falling back to the Info column), so they are exact.  Time is "
        "`frame.time_relative` in microseconds; every capture starts at "
        "2026-01-01T00:00:00Z.  The first line column shows every SIP "
        "message tshark finds in the frame, separated by ` + `.",
        "",
    ]
    for name, title, text, _fn in CAPTURES:
        path = os.path.join(outdir, name)
        cmd = ["tshark", "-r", path, "-T", "fields", "-E", "separator=\t",
               "-E", "occurrence=a", "-E", "aggregator=\x1f"]
        for f in fields:
            cmd += ["-e", f]
        res = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, check=True)
        rows = res.stdout.decode("utf-8", "replace").splitlines()
        out += ["## %s" % name, "", "%s.  %s" % (title, text), "",
                "| No. | time (µs) | direction | first line | Call-ID, top branch | notes |",
                "| ---: | ---: | --- | --- | --- | --- |"]
        nn = notes[name]
        for row in rows:
            c = row.split("\t")
            c += [""] * (len(fields) - len(c))
            num = int(c[0])
            src = c[2] or c[3]
            dst = c[4] or c[5]
            sport = c[6] or c[7] or c[17]
            dport = c[8] or c[9] or c[18]
            d = "%s -> %s" % (hostport(src, int(sport)), hostport(dst, int(dport)))
            first = " + ".join(x for x in c[10].split("\x1f") + c[11].split("\x1f") if x)
            if not first:
                info = c[14]
                first = "(%s)" % info
            note = nn[num - 1] or ""
            if c[12] != c[13]:
                note = (note + "; " if note else "") + "captured %s of %s bytes" % (c[13], c[12])
            ids = []
            cids = c[15].split("\x1f") if c[15] else []
            brs = c[16].split("\x1f") if c[16] else []
            for cid in cids:
                short = cid.split("@")[0][:8]
                if short not in ids:
                    ids.append(short)
            if brs:
                ids.append(brs[0])    # top Via of the (first) message
            out.append("| %d | %d | %s | %s | %s | %s |" % (
                num, _us(c[1]), d, _md_escape(first), " ".join(ids),
                _md_escape(note)))
        out.append("")
    with open(mdpath, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    doc = "--doc" in argv
    args = [a for a in argv if a != "--doc"]
    outdir = args[0] if args else os.path.dirname(here)
    os.makedirs(outdir, exist_ok=True)
    notes = build(outdir)
    for name, _t, _x, _f in CAPTURES:
        print(os.path.join(outdir, name))
    if doc:
        write_doc(outdir, notes, os.path.join(os.path.dirname(here), "handmade.md"))


if __name__ == "__main__":
    main(sys.argv[1:])
