# SPDX-License-Identifier: GPL-2.0-or-later
"""The expert infos are skipped only when nothing can see them (plugin/expert_gate.h). Each way of
seeing one must still get it: the expert tap (-z expert, the Expert Information dialog), the
generic _ws.expert fields as columns or in a filter, the Expert column of summary lines, and a
visible tree."""
import os
import re

import pytest

# hm-classes-udp: frame -> class expert text (test_classes.py has the classes themselves).
CLASS_TEXTS = {15: "421 Extension Required: option tags not agreed", 21: "503 Service Unavailable: server failure",
               27: "699 (unregistered code): global failure: no other destination will do better"}
WARNING = "6291456"


PASSES = pytest.mark.parametrize("two_pass", [False, True], ids=["one-pass", "two-pass"])


def passes(two_pass):
    return ["-2"] if two_pass else []


@PASSES
def test_expert_tap_lists_class_experts(tshark, two_pass):
    out = tshark.run(["-q", "-z", "expert", "-r", tshark.capture("hm-classes-udp.pcapng")] + passes(two_pass)).stdout
    for text in CLASS_TEXTS.values():
        assert re.search(r"^\s*1\s+Response\s+SIP Analysis\s+%s\s*$" % re.escape(text), out, re.M), text


def codes_of_frames_written(tshark, dfilter, two_pass):
    """Status codes of the frames `tshark -q -Y dfilter -w` keeps: no tree shown, no columns."""
    out = os.path.join(tshark.home, "kept.pcapng")
    tshark.run(["-q", "-r", tshark.capture("hm-classes-udp.pcapng"), "-Y", dfilter, "-w", out] + passes(two_pass))
    got = tshark.run(["-r", out, "-T", "fields", "-e", "sip.Status-Code"]).stdout.split()
    os.unlink(out)
    return [int(c) for c in got]


@PASSES
def test_filter_on_generic_message(tshark, two_pass):
    assert codes_of_frames_written(tshark, '_ws.expert.message == "421 Extension Required: option tags not agreed"',
                                   two_pass) == [421]


@PASSES
def test_filter_on_generic_severity(tshark, two_pass):
    # Warnings come from the 4xx-6xx failure verdicts, and with -2 from the 100 of
    # frame 2, stuck on 100 until the end of the capture (known only after the whole capture).
    stuck = [100] if two_pass else []
    assert codes_of_frames_written(tshark, "_ws.expert.severity == %s" % WARNING, two_pass) == \
        stuck + [404, 421, 486, 503, 603, 699]


@PASSES
def test_filter_on_generic_group(tshark, two_pass):
    # Group Response (0x03000000): every response's one verdict expert info.
    assert codes_of_frames_written(tshark, "_ws.expert.group == 50331648", two_pass) == \
        [100, 180, 200, 302, 404, 421, 486, 503, 603, 699, 299]


@PASSES
def test_filter_on_expert_protocol(tshark, two_pass):
    assert codes_of_frames_written(tshark, "_ws.expert && sip.Status-Code == 421", two_pass) == [421]


@PASSES
def test_filter_on_our_expert(tshark, two_pass):
    assert codes_of_frames_written(tshark, "sip.analysis.response.redirect", two_pass) == [302]


@PASSES
def test_expert_column_in_summary_lines(tshark, two_pass):
    out = tshark.run(["-r", tshark.capture("hm-classes-udp.pcapng"), "-Y", "frame.number == 15 || frame.number == 21",
                      "-o", 'gui.column.format:"No.","%m","Expert","%a"'] + passes(two_pass)).stdout
    rows = {int(line.split()[0]): line.split()[1] for line in out.splitlines() if line.strip()}
    assert rows[15] == "Warning" and rows[21] == "Warning"


@PASSES
def test_visible_tree_shows_class_expert(tshark, two_pass):
    out = tshark.run(["-r", tshark.capture("hm-classes-udp.pcapng"), "-V", "-Y", "frame.number == 15"]
                     + passes(two_pass)).stdout
    assert "[421 Extension Required: option tags not agreed]" in out
