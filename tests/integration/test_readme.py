# SPDX-License-Identifier: GPL-2.0-or-later
"""The README's filter cookbook is true and complete: every line runs and finds frames, and every
field and expert info the plugin registers has a line."""
import os
import re
import shlex

import pytest

from conftest import SOURCE_DIR


def cookbook_lines():
    text = open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8").read()
    lines = [re.split(r"\s#\s", l)[0].strip() for l in text.splitlines() if l.startswith("$T -r ")]
    return [shlex.split(l)[1:] for l in lines]


LINES = cookbook_lines()


@pytest.mark.parametrize("args", LINES, ids=[" ".join(a[3:]) for a in LINES])
def test_cookbook_line_finds_frames(tshark, args):
    capture = os.path.basename(args[1])
    rest = args[2:]
    out = tshark.run(["-r", tshark.capture(capture)] + rest + ["-T", "fields", "-e", "frame.number"]).stdout
    assert out.split(), "no frame matches %s" % " ".join(args)


def test_every_field_and_expert_has_a_line(tshark):
    out = tshark.run(["-G", "fields"]).stdout
    names = {l.split("\t")[2] for l in out.splitlines() if l.startswith("F\t") and "\tsip.analysis." in l}
    filters = " ".join(" ".join(a) for a in LINES)
    used = set(re.findall(r"sip\.analysis\.[a-z_.]+[a-z_]", filters))
    assert sorted(names - used) == []
