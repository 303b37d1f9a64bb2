# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin loads, registers its protocol, fields, expert infos and preferences."""
import re


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


def test_disabled_protocol_adds_nothing(tshark):
    """Disabling "SIP Analysis" (Enabled Protocols, --disable-protocol) turns the postdissector off:
    no item, no field, no expert info, one-pass and -2. Its dissector handle carries no protocol
    (sip_analysis.c), so this is the plugin's own check, not Wireshark's."""
    cap = tshark.capture("rec-421.pcapng")
    for two in ([], ["-2"]):
        on = tshark.run(two + ["-r", cap, "-Y", "sip.analysis", "-T", "fields", "-e", "frame.number"]).stdout
        assert len(on.split()) == 58
        tree = tshark.run(two + ["-r", cap, "-V"]).stdout
        assert "\n    [SIP Analysis]\n" in tree
        off = tshark.run(two + ["--disable-protocol", "sip.analysis", "-r", cap, "-V"]).stdout
        assert "[SIP Analysis]" not in off and "Response class" not in off
        assert off.count("Session Initiation Protocol") == tree.count("Session Initiation Protocol") > 0
        experts = tshark.run(two + ["--disable-protocol", "sip.analysis", "-r", cap, "-q", "-z", "expert"]).stdout
        assert "Warns" not in experts and "Chats" not in experts


def test_expert_infos_name_the_protocol(tshark):
    """Expert infos are listed under "SIP Analysis" (the handle has no protocol: the postdissector
    names itself for them)."""
    for two in ([], ["-2"]):
        out = tshark.run(two + ["-r", tshark.capture("rec-421.pcapng"), "-q", "-z", "expert"]).stdout
        rows = re.findall(r"^\s+(\d+)\s+(\w+)\s+(.+?)\s{2,}(421 Extension Required: Client Failure)$", out, re.M)
        assert rows == [("6", "Response", "SIP Analysis", "421 Extension Required: Client Failure")], two
