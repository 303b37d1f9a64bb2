# SPDX-License-Identifier: GPL-2.0-or-later
"""Output hygiene (issue 18): what the plugin writes is valid UTF-8 without control characters,
whatever bytes the capture holds.

tshark's JSON output is read as bytes: it must decode as strict UTF-8 (a text cut inside a
character, or a raw capture byte, would not) and parse; every string the plugin contributes (its
fields and expert texts) must hold no C0/C1 control character and no U+FFFD (what a raw
invalid byte becomes somewhere on the way). The text output (-V) is checked the same way for the
plugin's lines: labels are cut by Wireshark too.
"""
import json
import os
import re
import subprocess

import pytest

CAPTURES = ["hm-hostile-text", "hm-bad-input", "hm-421-edge", "hm-huge-require-tcp"]
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffd]")


def _raw_stdout(tshark, args):
    """tshark's stdout as bytes, run as Tshark.run does (which decodes with errors="replace" and
    so would hide a bad byte)."""
    env = {"HOME": tshark.home, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
           "WIRESHARK_PLUGIN_DIR": os.path.join(tshark.work, "plugins"), "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    for k in ("WIRESHARK_DEBUG_WMEM_OVERRIDE", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LD_PRELOAD"):
        if k in os.environ:
            env[k] = os.environ[k]
    cmd = ["tshark"] + list(args)
    if os.geteuid() == 0:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + cmd
    proc = subprocess.run(cmd, env=env, capture_output=True, cwd=tshark.work, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout


def _ours(obj, out):
    """Every string value under a sip.analysis key (fields, expert messages) of a JSON tree."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k.startswith("sip.analysis") or k == "_ws.expert":
                _strings(v, out)
            else:
                _ours(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _ours(v, out)


def _strings(obj, out):
    if isinstance(obj, str):
        out.append(obj)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            out.append(k)
            _strings(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _strings(v, out)


@pytest.mark.parametrize("two_pass", [False, True])
@pytest.mark.parametrize("capture", CAPTURES)
def test_json_is_utf8_and_escaped(tshark, capture, two_pass):
    args = ["-r", tshark.capture(capture + ".pcapng"), "-T", "json", "--no-duplicate-keys"]
    if two_pass:
        args.append("-2")
    raw = _raw_stdout(tshark, args)
    text = raw.decode("utf-8")  # strict: a byte that is not UTF-8 fails here
    packets = json.loads(text)
    strings = []
    _ours(packets, strings)
    assert strings, "no sip.analysis output at all"
    bad = [s for s in strings if CONTROL.search(s)]
    assert not bad, bad[:5]


def test_hostile_texts_escaped(tshark):
    """The CSeq method FF FE 'M' ESC '[2J' is written as \\xff\\xfeM\\x1b[2J."""
    raw = _raw_stdout(tshark, ["-r", tshark.capture("hm-hostile-text.pcapng"), "-T", "json", "-2"])
    text = raw.decode("utf-8")
    assert "The \\\\xff\\\\xfeM\\\\x1b[2J this 421 answers is not in the capture" in text


@pytest.mark.parametrize("capture", ["hm-hostile-text", "hm-bad-input"])
def test_text_output_lines_of_the_plugin(tshark, capture):
    raw = _raw_stdout(tshark, ["-r", tshark.capture(capture + ".pcapng"), "-V", "-2"])
    text = raw.decode("utf-8")  # labels cut by Wireshark at 239 bytes must not split a character
    ours = [l for l in text.splitlines() if "SIP Analysis" in l or "Expert Info" in l or "option tag" in l
            or "Request's Supported" in l]
    assert ours
    bad = [l for l in ours if CONTROL.search(l)]
    assert not bad, bad[:5]
