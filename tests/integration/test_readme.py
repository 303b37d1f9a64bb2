# SPDX-License-Identifier: GPL-2.0-or-later
"""The filter cookbook (docs/cookbook.md) is true and complete: every line runs and finds frames,
and every field and expert info the plugin registers has a line. The README's first screen shows
real output."""
import os
import re
import shlex

import pytest

from conftest import SOURCE_DIR

COOKBOOK = os.path.join(SOURCE_DIR, "docs", "cookbook.md")
README = os.path.join(SOURCE_DIR, "README.md")


def cookbook_lines():
    text = open(COOKBOOK, encoding="utf-8").read()
    lines = [re.split(r"\s#\s", l)[0].strip() for l in text.splitlines() if l.startswith("$T -r ")]
    return [shlex.split(l)[1:] for l in lines]


LINES = cookbook_lines()


def test_cookbook_has_lines():
    # A change of format that the parser above no longer reads must not pass as "nothing to test".
    assert len(LINES) >= 60, "only %d '$T -r' lines found in docs/cookbook.md" % len(LINES)


@pytest.mark.parametrize("args", LINES, ids=[" ".join(a[3:]) for a in LINES])
def test_cookbook_line_finds_frames(tshark, args):
    assert args[0] == "-r"
    capture = os.path.basename(args[1])
    rest = args[2:]
    out = tshark.run(["-r", tshark.capture(capture)] + rest + ["-T", "fields", "-e", "frame.number"]).stdout
    assert out.split(), "no frame matches %s" % " ".join(args)


def registered_names(tshark):
    """Every field and expert info of the plugin: `tshark -G fields` (Wireshark 4.0 lists expert
    infos there too, as FT_NONE fields), and `tshark -G expert` where it exists (4.2 and later)."""
    out = tshark.run(["-G", "fields"]).stdout
    names = {l.split("\t")[2] for l in out.splitlines()
             if l.startswith("F\t") and l.split("\t")[2].startswith("sip.analysis.")}
    expert = tshark.run(["-G", "expert"], check=False)
    if expert.returncode == 0:
        for l in expert.stdout.splitlines():
            names.update(t for t in l.split("\t") if re.fullmatch(r"sip\.analysis\.[a-z0-9_.]+", t))
    return names


def test_every_field_and_expert_has_a_line(tshark):
    names = registered_names(tshark)
    assert len(names) >= 60, "the plugin registers only %d sip.analysis.* names?" % len(names)
    filters = " ".join(" ".join(a) for a in LINES)
    used = set(re.findall(r"sip\.analysis\.[a-z0-9_.]*[a-z0-9_]", filters))
    missing = sorted(names - used)
    assert missing == [], "no docs/cookbook.md line for: %s" % ", ".join(missing)


def test_readme_links_the_cookbook():
    text = open(README, encoding="utf-8").read()
    assert "(docs/cookbook.md)" in text
    assert not re.search(r"^\$T -r ", text, re.M), "filter lines belong in docs/cookbook.md, where they are run"


def readme_first_example():
    """The command and output of the README's first `text` block (the first screen)."""
    text = open(README, encoding="utf-8").read()
    m = re.search(r"```text\n\$ (.*?)\n(?!    )(.*?)```", text, re.S)
    assert m, "no ```text block starting with '$ ' in README.md"
    command = m.group(1).replace("\\\n", " ")
    return shlex.split(command), m.group(2).splitlines()


def test_readme_first_screen_output_is_real(tshark):
    args, shown = readme_first_example()
    assert args[0] == "tools/tshark-with-plugin.sh" and args[1] == "-r"
    out = tshark.run(["-r", tshark.capture(os.path.basename(args[2]))] + args[3:]).stdout
    norm = lambda lines: [re.sub(r"\s+", " ", l).strip() for l in lines if l.strip()]
    assert norm(shown) == norm(out.splitlines())
