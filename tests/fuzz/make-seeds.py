#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes the seed corpora in tests/fuzz/corpus/<harness>/ (run again after editing).

fuzz_sip_message: one SIP message per file. fuzz_analyzer: messages joined by "@@@@", each
led by a control byte (fuzz_driver.h): 'D' = 10.0.0.1 -> 10.0.0.2, 'A' = 10.0.0.2 -> 10.0.0.1,
'T' = like 'D' in the same frame as the previous message. fuzz_tag_list: raw tag lists.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def msg(start, *headers, body=""):
    return "\r\n".join((start,) + headers) + "\r\n\r\n" + body


def req(method, branch, cseq, *extra, cseq_method=None, frm_tag="fa"):
    return msg(f"{method} sip:bob@b.example SIP/2.0",
               f"Via: SIP/2.0/UDP 10.0.0.1:5060;branch={branch}",
               f"From: \"Alice\" <sip:alice@a.example>;tag={frm_tag}",
               "To: <sip:bob@b.example>",
               "Call-ID: seed-call@a.example",
               f"CSeq: {cseq} {cseq_method or method}",
               *extra, "Content-Length: 0")


def resp(code, reason, branch, cseq, method, *extra, to_tag="tb"):
    to = "To: <sip:bob@b.example>" + (f";tag={to_tag}" if code != 100 else "")
    return msg(f"SIP/2.0 {code} {reason}",
               f"Via: SIP/2.0/UDP 10.0.0.1:5060;branch={branch}",
               "From: \"Alice\" <sip:alice@a.example>;tag=fa", to,
               "Call-ID: seed-call@a.example", f"CSeq: {cseq} {method}", *extra,
               "Content-Length: 0")


MESSAGES = {
    "invite": req("INVITE", "z9hG4bK-1", 1, "Supported: 100rel, timer", "Contact: <sip:alice@10.0.0.1>"),
    "trying": resp(100, "Trying", "z9hG4bK-1", 1, "INVITE"),
    "ok": resp(200, "OK", "z9hG4bK-1", 1, "INVITE"),
    "421": resp(421, "Extension Required", "z9hG4bK-1", 1, "INVITE", "Require: 100rel, timer"),
    "420": resp(420, "Bad Extension", "z9hG4bK-1", 1, "INVITE", "Unsupported: foo"),
    "compact": msg("INVITE sip:bob@b.example SIP/2.0", "v: SIP/2.0/TCP h;branch=z9hG4bKc, SIP/2.0/UDP p",
                   "f: <sip:a@a>;tag=1", "t: sip:b@b", "i: compact", "CSeq: 7 INVITE", "k: path,",
                   " gruu", "Require:", "Proxy-Require: sec-agree"),
    "lf-only": "SIP/2.0 180 Ringing\nVia: SIP/2.0/UDP h;branch=1\nCSeq: 2 INVITE\nCall-ID: lf\n\nbody",
    "legacy": req("REGISTER", "abc", 3, "Supported:", "Unsupported: x"),
    "bad-status": "SIP/2.0 abc Weird\r\nCSeq: x INVITE\r\n\r\n",
}

ANALYZER = {
    "basic-call": [("D", req("INVITE", "z9hG4bK-1", 1)), ("A", resp(100, "Trying", "z9hG4bK-1", 1, "INVITE")),
                   ("A", resp(180, "Ringing", "z9hG4bK-1", 1, "INVITE")),
                   ("A", resp(200, "OK", "z9hG4bK-1", 1, "INVITE")), ("D", req("ACK", "z9hG4bK-2", 1))],
    "retransmissions": [("D", req("INVITE", "z9hG4bK-1", 1)), ("D", req("INVITE", "z9hG4bK-1", 1)),
                        ("A", resp(100, "Trying", "z9hG4bK-1", 1, "INVITE")),
                        ("A", resp(100, "Trying", "z9hG4bK-1", 1, "INVITE")),
                        ("A", resp(200, "OK", "z9hG4bK-1", 1, "INVITE")),
                        ("A", resp(200, "OK", "z9hG4bK-1", 1, "INVITE"))],
    "421-retry": [("D", req("INVITE", "z9hG4bK-1", 1, "Supported: timer")),
                  ("A", resp(421, "Extension Required", "z9hG4bK-1", 1, "INVITE", "Require: 100rel, timer")),
                  ("D", req("ACK", "z9hG4bK-1", 1)),
                  ("D", req("INVITE", "z9hG4bK-3", 2, "Supported: 100rel, timer"))],
    "420-retry": [("D", req("INVITE", "z9hG4bK-1", 1, "Require: foo", "Proxy-Require: bar")),
                  ("A", resp(420, "Bad Extension", "z9hG4bK-1", 1, "INVITE", "Unsupported: foo, baz")),
                  ("D", req("INVITE", "z9hG4bK-3", 2, "Require: foo"))],
    "cancel": [("D", req("INVITE", "z9hG4bK-1", 1)), ("A", resp(100, "Trying", "z9hG4bK-1", 1, "INVITE")),
               ("D", req("CANCEL", "z9hG4bK-1", 1)), ("A", resp(200, "OK", "z9hG4bK-1", 1, "CANCEL")),
               ("A", resp(487, "Request Terminated", "z9hG4bK-1", 1, "INVITE")),
               ("D", req("ACK", "z9hG4bK-1", 1))],
    "two-in-frame-legacy": [("D", req("REGISTER", "old", 5)), ("T", req("OPTIONS", "old2", 6)),
                            ("A", resp(200, "OK", "old", 5, "REGISTER")), ("A", "not sip at all")],
    "unseen-421": [("A", resp(421, "Extension Required", "z9hG4bK-9", 4, "INVITE", "Require: sec-agree"))],
}

TAG_LISTS = {
    "registered": "\x01100rel,timer,TIMER,path,sec-agree",
    "spaces-empty": "\x00 a ,,b,\n c\n,",
    "long": "\x01" + "x" * 200 + "," + "y" * 129,
}


def write(harness, name, data):
    d = os.path.join(HERE, "corpus", harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data.encode("latin-1"))


for name, text in MESSAGES.items():
    write("fuzz_sip_message", name, text)
for name, seq in ANALYZER.items():
    write("fuzz_analyzer", name, "@@@@".join(c + m for c, m in seq))
for name, text in TAG_LISTS.items():
    write("fuzz_tag_list", name, text)
