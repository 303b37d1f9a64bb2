# SPDX-License-Identifier: GPL-2.0-or-later
"""Every SIP response in every capture of the project, recorded or hand-made, over UDP, TCP, TLS,
WebSocket and SCTP, in one pass and two: its class is the first digit of its code, and it has exactly
one verdict expert info (issue 19), which starts with its code. A response quoted inside an ICMP error is no traffic: it gets the quote's
expert info and nothing else."""
import glob
import os

import pytest

from conftest import SOURCE_DIR

CAPTURES = sorted(os.path.basename(p) for p in glob.glob(os.path.join(SOURCE_DIR, "captures", "*.pcapng")))
VERDICT_SEVERITY = {"sip.analysis.response.progress": "Chat", "sip.analysis.response.success": "Chat",
                    "sip.analysis.response.redirect": "Note", "sip.analysis.response.challenge": "Note",
                    "sip.analysis.response.cancelled": "Note", "sip.analysis.response.failure": "Warning",
                    "sip.analysis.response.challenge_failed": "Warning"}


@pytest.mark.parametrize("two_pass", [False, True])
@pytest.mark.parametrize("capture", CAPTURES)
def test_class_of_every_response(tshark, capture, two_pass):
    got = tshark.analysis(capture, two_pass=two_pass)
    codes = tshark.fields(capture, ["sip.Status-Code"], two_pass=two_pass,
                          dfilter="sip.Status-Code && !icmp && !icmpv6")
    quoted = tshark.frames(capture, "sip.Status-Code && (icmp || icmpv6)", two_pass=two_pass)
    assert codes, "no SIP response in %s" % capture
    for frame in quoted:
        assert [[e[0] for e in m["experts"]] for m in got[frame]] == [["sip.analysis.icmp.quote"]], frame
        assert all(k in ("experts", "sip.analysis.icmp.quoted_frame") for m in got[frame] for k in m), frame
    for frame, v in codes.items():
        responses = [m for m in got[frame] if "sip.analysis.class" in m or any(
            e[0] == "sip.analysis.class.invalid" for e in m["experts"])]
        assert len(responses) == len(v["sip.Status-Code"]), frame
        for code, m in zip((int(c) for c in v["sip.Status-Code"]), responses):
            if 100 <= code <= 699:
                assert m["sip.analysis.class"] == [str(code // 100)], frame
                texts = [e for e in m["experts"] if e[0].startswith("sip.analysis.response.")]
                assert len(texts) == 1 and texts[0][1].startswith("%d " % code), (frame, texts)
                assert texts[0][2] == VERDICT_SEVERITY[texts[0][0]], (frame, texts)
            else:
                assert "sip.analysis.class" not in m
