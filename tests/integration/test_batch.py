# SPDX-License-Identifier: GPL-2.0-or-later
"""tools/sip-analysis-batch (issue 21): a capture split into pieces, as a ring buffer writes them,
gives exactly the findings and summary of one run over the whole capture; a window shorter than a
transaction leaves its response without request ("request not in the capture"), never linked to
a wrong frame; an unreadable file is named and the rest analysed; a rerun resumes.
"""
import glob
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import SOURCE_DIR

BATCH = os.path.join(SOURCE_DIR, "tools", "sip-analysis-batch")
# (capture, packets per piece, lowest severity): pieces small enough that transactions cross the
# boundaries (hm-timers: a 100 Trying held 32 s over all three pieces, INVITE copies, a CANCEL;
# rec-proxy-chain: calls through a proxy chain, whose findings are all Chat; hm-421-edge: 421s and
# their retries).
SPLITS = [("hm-timers.pcapng", 12, "Note"), ("rec-proxy-chain.pcapng", 10, "Chat"),
          ("hm-421-edge.pcapng", 13, "Note")]
FRAME_TEXT = re.compile(r"(?<=\bframe )(\d+)(?: of (\S+?\.pcapng))?")
FRAME_FIELD = re.compile(r"(frame|_of)$")

pytestmark = pytest.mark.skipif(not shutil.which("parallel"), reason="GNU parallel missing (tools/install-deps.sh)")


def batch(tshark, out, files, *extra):
    """Runs the batch with the tests' plugin; returns (exit code, findings, summary, stderr)."""
    cmd = ["python3", BATCH, "--plugin", os.path.join(tshark.work, "plugins"), "-o", str(out), "-j", "2",
           "--format", "both"] + list(extra) + [str(f) for f in files]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=dict(os.environ, TZ="UTC"))
    findings = [json.loads(x) for x in open(os.path.join(out, "findings.jsonl"), encoding="utf-8")]
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    return p.returncode, findings, summary, p.stderr


_WHOLE = {}


def whole_run(tshark, tmp_path_factory, capture, severity):
    """One batch run over a whole capture, shared by the tests that compare with it."""
    if (capture, severity) not in _WHOLE:
        out = tmp_path_factory.mktemp("whole")
        _WHOLE[capture, severity] = batch(tshark, out, [tshark.capture(capture)], "--min-severity", severity)
    return _WHOLE[capture, severity]


def packets(path):
    out = subprocess.run(["capinfos", "-T", "-r", "-c", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split("\t")[1])


def split(src, tmp, n):
    d = tmp / ("pieces-" + os.path.basename(src))
    d.mkdir()
    subprocess.run(["editcap", "-c", str(n), src, str(d / "p.pcapng")], check=True)
    pieces = sorted(glob.glob(str(d / "*.pcapng")))
    offsets, o = {}, 0
    for p in pieces:
        offsets[os.path.basename(p)] = o
        o += packets(p)
    return pieces, offsets


def to_whole(offsets):
    """Maps a piece's finding to whole-capture frame numbers (frame, frame-valued fields, texts)."""
    def frame(own, v):
        v = str(v)
        if ":" in v:
            name, num = v.rsplit(":", 1)
            return str(offsets[name] + int(num))
        return str(offsets[own] + int(v))

    def norm(f):
        own = os.path.basename(f["file"])
        values = {k: ([frame(own, x) for x in v] if isinstance(v, list) else frame(own, v))
                  if FRAME_FIELD.search(k) else v for k, v in f["values"].items()}
        text = FRAME_TEXT.sub(lambda m: str(offsets[m.group(2) or own] + int(m.group(1))), f["text"])
        return dict(f, file=None, frame=offsets[own] + f["frame"], values=values, text=text)
    return norm


def whole_norm(f):
    return dict(f, file=None)


def key(f):
    return json.dumps(f, sort_keys=True)


@pytest.mark.parametrize("capture,n,severity", SPLITS)
def test_pieces_give_the_whole_capture_findings_and_summary(tshark, tmp_path, tmp_path_factory, capture, n,
                                                           severity):
    whole = tshark.capture(capture)
    rc, ref, ref_sum, err = whole_run(tshark, tmp_path_factory, capture, severity)
    assert rc == 0, err
    assert ref, "no findings on %s: the plugin did not run?" % capture
    pieces, offsets = split(whole, tmp_path, n)
    assert len(pieces) >= 3
    # An unreadable file among the pieces: named in the summary, the rest analysed.
    bad = tmp_path / "pieces-bad.pcapng"
    bad.write_bytes(b"this is not a capture file\n")
    rc, got, got_sum, err = batch(tshark, tmp_path / "pieces", list(reversed(pieces)) + [bad],
                                  "--min-severity", severity)
    assert rc == 1, err
    assert [e["file"] for e in got_sum["files_with_errors"]] == [str(bad)]
    assert "cannot read" in got_sum["files_with_errors"][0]["error"]
    norm = to_whole(offsets)
    assert sorted(map(key, map(norm, got))) == sorted(map(key, map(whole_norm, ref)))
    # Output order: files in time order (given reversed), frames in order.
    assert [norm(f)["frame"] for f in got] == sorted(norm(f)["frame"] for f in got)
    # The summary: same counts, codes and hops; first frames mapped to the whole capture.
    for k in ("findings", "packets", "failures_per_code", "per_hop"):
        assert got_sum[k] == ref_sum[k], k
    assert got_sum["per_finding"].keys() == ref_sum["per_finding"].keys()
    for name, e in got_sum["per_finding"].items():
        r = ref_sum["per_finding"][name]
        assert (e["count"], e["severity"], e["first"]["time"]) == (r["count"], r["severity"], r["first"]["time"])
        assert offsets[os.path.basename(e["first"]["file"])] + e["first"]["frame"] == r["first"]["frame"]
    # CSV: the same rows as the JSON Lines.
    with open(tmp_path / "pieces" / "findings.csv", encoding="utf-8") as f:
        assert len(f.read().splitlines()) == len(got) + 1
    if capture != "rec-proxy-chain.pcapng":
        return
    # Resuming (one capture is enough): as if the job of the second file had died, its result is
    # missing; the rerun does that file only and gives the same output.
    part = [p for p in glob.glob(str(tmp_path / "pieces" / "parts" / "*.json"))
            if os.path.basename(pieces[1]) in p][0]
    os.unlink(part)
    rc, again, again_sum, err = batch(tshark, tmp_path / "pieces", list(reversed(pieces)) + [bad],
                                      "--min-severity", severity)
    assert rc == 1, err
    assert "resuming: %d of %d files already done" % (len(pieces) - 1, len(pieces)) in err
    assert "[%d/%d files" % (len(pieces), len(pieces)) in err
    assert (again, again_sum) == (got, got_sum)


def test_single_capture_export_is_every_expert_info_of_the_plugin(tshark, tmp_path_factory):
    """One file, no window: one finding per expert info (Note and above) of tshark -2 -T json."""
    rc, got, _s, err = whole_run(tshark, tmp_path_factory, "hm-421-edge.pcapng", "Note")
    assert rc == 0, err
    want = []
    for frame, msgs in sorted(tshark.analysis("hm-421-edge.pcapng", two_pass=True).items()):
        for m in msgs:
            want += [(frame, name, text, sev) for name, text, sev in m["experts"] if sev not in ("Chat", "Comment")]
    assert [(f["frame"], f["finding"], f["text"], f["severity"]) for f in got] == want
    f8 = [f for f in got if f["frame"] == 8 and f["finding"] == "sip.analysis.ext.missing_supported"][0]
    assert (f8["code"], f8["phrase"], f8["cseq_method"]) == (421, "Extension Required", "INVITE")
    assert f8["values"]["ext.missing"] == "100rel" and f8["values"]["request_frame"] == "7"
    assert f8["hop"] == "203.0.113.5:5060 -> 192.0.2.10:5060" and f8["time"] == "1767225603.025000"


def test_short_window_leaves_the_response_unmatched_never_mislinked(tshark, tmp_path):
    whole = tshark.capture("hm-timers.pcapng")
    links = {fr: v["sip.analysis.request_frame"] for fr, v in
             tshark.fields("hm-timers.pcapng", ["sip.analysis.request_frame"], two_pass=True).items()}
    pieces, offsets = split(whole, tmp_path, 12)
    rc, got, _s, err = batch(tshark, tmp_path / "short", pieces, "--window", "5", "--lookahead", "5")
    assert rc == 0, err
    norm = to_whole(offsets)
    unseen = set()
    for f in map(norm, got):
        if "request_frame" in f["values"]:
            assert [f["values"]["request_frame"]] == links[f["frame"]], f
        if f["finding"] == "sip.analysis.request_unseen":
            unseen.add(f["frame"])
    # The 408 (frame 34) ends an INVITE sent 32 s earlier (frame 8): beyond a 5 s window its
    # request is "not in the capture", as the whole run's link says it was frame 8.
    assert links[34] == ["8"]
    assert 34 in unseen
