# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin loads, registers its protocol, fields, expert infos and preferences."""


def test_listed_with_version(tshark):
    out = tshark.run(["-G", "plugins"]).stdout
    line = [l for l in out.splitlines() if l.startswith("sip_analysis.so")]
    assert len(line) == 1
    assert line[0].split("\t")[1].strip() == "0.1.0"
    assert line[0].split("\t")[2].strip() == "dissector"


def test_protocol_and_fields_registered(tshark):
    out = tshark.run(["-G", "fields"]).stdout
    rows = [l.split("\t") for l in out.splitlines()]
    protos = {r[2] for r in rows if r[0] == "P"}
    assert "sip.analysis" in protos
    fields = {r[2]: r[3] for r in rows if r[0] == "F" and r[2].startswith("sip.analysis.")}
    assert fields["sip.analysis.class"] == "FT_UINT8"
    assert fields["sip.analysis.request_frame"] == "FT_FRAMENUM"
    assert fields["sip.analysis.response_time"] == "FT_RELATIVE_TIME"
    assert fields["sip.analysis.trying.delay"] == "FT_RELATIVE_TIME"
    assert fields["sip.analysis.ext.missing"] == "FT_STRING"


def test_preferences(tshark):
    out = tshark.run(["-G", "defaultprefs"]).stdout
    assert "#sip.analysis.trying_delay_ms: 200" in out
    assert "#sip.analysis.trying_duration_ms: 3000" in out
