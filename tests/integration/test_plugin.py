# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin loads, registers its protocol, fields, expert infos and preferences."""
import concurrent.futures
import glob
import os
import re
import subprocess

import pytest


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
        rows = re.findall(r"^\s+(\d+)\s+(\w+)\s+(.+?)\s{2,}(421 Extension Required: option tags not agreed)$", out,
                          re.M)
        assert rows == [("6", "Response", "SIP Analysis", "421 Extension Required: option tags not agreed")], two


def test_fields_belong_to_sip_analysis(tshark):
    """Every field and expert info (Wireshark lists expert infos among the fields) hangs from "SIP Analysis" itself (issue 19: where users look
    for them in `tshark -G fields` and the GUI), the only protocol the plugin registers; disabling
    it leaves nothing to filter on."""
    out = tshark.run(["-G", "fields"]).stdout
    rows = [l.split("\t") for l in out.splitlines()]
    protos = {r[2]: r[1] for r in rows if r[0] == "P" and r[2].startswith("sip.analysis")}
    assert protos == {"sip.analysis": "SIP Analysis"}
    parents = {r[4] for r in rows if r[0] == "F" and r[2].startswith("sip.analysis.")}
    assert parents == {"sip.analysis"}
    cap = tshark.capture("hm-classes-udp.pcapng")
    for two in ([], ["-2"]):
        on = tshark.run(two + ["-r", cap, "-Y", "sip.analysis.class >= 4", "-T", "fields", "-e", "frame.number"]).stdout
        assert on.split() == ["12", "15", "18", "21", "24", "27"], two
        off = tshark.run(two + ["--disable-protocol", "sip.analysis", "-r", cap, "-Y", "sip.analysis.class >= 4",
                                "-T", "fields", "-e", "frame.number"]).stdout
        assert off.split() == [], two


def codes_kept(tshark, two, dfilter):
    """Status codes of the frames `tshark -q -Y dfilter -w` keeps: no tree shown, no columns, no
    expert observer, so only what the filter names makes the plugin add more than its item."""
    out = os.path.join(tshark.home, "kept.pcapng")
    tshark.run(two + ["-q", "-r", tshark.capture("hm-classes-udp.pcapng"), "-Y", dfilter, "-w", out])
    got = tshark.run(["-r", out, "-T", "fields", "-e", "sip.Status-Code"]).stdout.split()
    os.unlink(out)
    return [int(c) for c in got]


@pytest.mark.parametrize("two", [[], ["-2"]], ids=["one-pass", "two-pass"])
def test_fields_asked_for_beside_the_protocol(tshark, two):
    """`-Y sip.analysis` references "SIP Analysis" itself, and with nothing else asked for only its
    item is added (plugin/render.c). A field or expert info named beside it must still be there."""
    assert codes_kept(tshark, two, "sip.analysis") == [100, 180, 200, 302, 404, 421, 486, 503, 603, 699, 299]
    assert codes_kept(tshark, two, "sip.analysis && sip.analysis.class >= 4") == [404, 421, 486, 503, 603, 699]
    assert codes_kept(tshark, two, "sip.analysis.response_time > 0.5 && sip.analysis") == [200, 486, 603]
    assert codes_kept(tshark, two, "sip.analysis && sip.analysis.response.redirect") == [302]


@pytest.mark.parametrize("two", [[], ["-2"]], ids=["one-pass", "two-pass"])
def test_each_field_alone_is_found(tshark, two):
    """A filter naming one of our fields or expert infos alone, with no tree shown (summary lines
    of the frame number only), finds exactly the frames where the shown tree has it: render.c
    asks each record about the fields and expert infos it can add before building anything below
    the item, from its flags (FIELDS_BY_FLAG and the table of findings); a field missing there
    would never be found this way. All captures at once, one pass and two passes."""
    merged = os.path.join(tshark.home, "all.pcapng")
    captures = sorted(glob.glob(os.path.join(tshark.captures, "*.pcapng")))
    subprocess.run(["mergecap", "-a", "-w", merged] + captures, check=True)
    os.chmod(merged, 0o644)
    shown = {}
    for frame, msgs in tshark.analysis(merged, two_pass=bool(two)).items():
        for m in msgs:
            for name in list(m) + [e[0] for e in m["experts"]]:
                shown.setdefault(name, set()).add(frame)
    shown.pop("experts", None)
    fields = tshark.run(["-G", "fields"]).stdout.splitlines()
    names = sorted({l.split("\t")[2] for l in fields if l.startswith("F\t")
                    and l.split("\t")[2].startswith("sip.analysis.")})
    assert len(shown) >= 40  # the captures exercise most of them

    def frames(name):
        out = tshark.run(two + ["-r", merged, "-Y", name, "-o", 'gui.column.format:"No.","%m"']).stdout
        return {int(f) for f in out.split()}

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        found = dict(zip(names, pool.map(frames, names)))
    for name in names:
        assert found[name] == shown.get(name, set()), name
