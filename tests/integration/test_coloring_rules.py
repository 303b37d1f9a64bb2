# SPDX-License-Identifier: GPL-2.0-or-later
"""docs/coloring-rules.txt, loaded into Wireshark itself: tshark --color reads the profile's
colorfilters file and paints each packet (PSML carries the colors), so this checks the rules parse,
match the frames they mean, and use the first color as the background (issue 19: the old rules had
the colors swapped, and failures came out near-black)."""
import os
import re
import shutil

import pytest

from conftest import SOURCE_DIR

TEXT = "#12272e"  # dark text on every rule
OPTION_TAG, SLOW_100, FAILURE, NOTABLE = "#dab4ff", "#ffdc82", "#ffbaba", "#d5f0d5"


@pytest.fixture(scope="module")
def colors(tshark):
    conf = os.path.join(tshark.home, ".config", "wireshark")
    os.makedirs(conf, exist_ok=True)
    shutil.copy(os.path.join(SOURCE_DIR, "docs", "coloring-rules.txt"), os.path.join(conf, "colorfilters"))
    for root, dirs, files in os.walk(os.path.join(tshark.home, ".config")):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
        for f in files:
            os.chmod(os.path.join(root, f), 0o644)

    def painted(capture, two_pass=True, extra=()):
        args = ["-r", tshark.capture(capture), "-T", "psml", "--color"] + (["-2"] if two_pass else []) + list(extra)
        out = tshark.run(args).stdout
        got = {}
        for n, m in enumerate(re.finditer(r"<packet(?: foreground='([^']*)' background='([^']*)')?>", out), 1):
            if m.group(1):
                got[n] = (m.group(2), m.group(1))
        return got
    yield painted
    shutil.rmtree(conf, ignore_errors=True)


def test_failures_challenges_and_redirects(colors):
    assert colors("hm-classes-udp.pcapng") == {
        9: (NOTABLE, TEXT),                                   # 302
        12: (FAILURE, TEXT), 15: (OPTION_TAG, TEXT), 18: (FAILURE, TEXT),  # 404, 421, 486
        21: (FAILURE, TEXT), 24: (FAILURE, TEXT), 27: (FAILURE, TEXT),     # 503, 603, 699
        2: (SLOW_100, TEXT),                                  # the 100 stuck to the end (-2)
        6: (SLOW_100, TEXT), 30: (SLOW_100, TEXT),            # 200, 299 late without a 100
    }                                                         # (486, 603 late too: still red)


def test_challenge_is_not_a_failure_unless_it_failed(colors):
    assert colors("hm-auth.pcapng") == {
        2: (NOTABLE, TEXT), 6: (NOTABLE, TEXT),               # challenges that the retry answered
        9: (NOTABLE, TEXT),                                   # challenged again: 2 in a row, the limit
        12: (FAILURE, TEXT),                                  # then 403
        15: (FAILURE, TEXT),                                  # never retried (-2)
        20: (NOTABLE, TEXT),                                  # 487 to the caller's own CANCEL
    }
    one_pass = colors("hm-auth.pcapng", two_pass=False)
    assert one_pass[15] == (NOTABLE, TEXT)                     # one pass: not known yet
    # Over the challenge_loop_limit preference the loop is a Warning (auth.loop_limit): red.
    assert colors("hm-auth.pcapng", extra=["-o", "sip.analysis.challenge_loop_limit:1"])[9] == (FAILURE, TEXT)


def test_slow_100(colors):
    got = colors("hm-timers.pcapng")
    assert got[4] == (SLOW_100, TEXT)
    assert got[18] == (SLOW_100, TEXT)                         # 180 late, without a 100
