# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 6: the "SIP Analysis" statistic, tshark -q -z sip.analysis,stat[,filter].

Two kinds of checks:
  - the printed table of each hand-made capture, one pass and two passes, line by line: every
    node's name (indented as printed), its Count and its Percent (the Average/Min/Max, Rate and
    Burst columns are stats_tree's own arithmetic and are not compared); the numbers were
    checked by hand against captures/handmade.md;
  - every count and value equal to what the per-packet fields give: the frames each display
    filter matches (counted by io,stat in the same run, as -Y would select them), percentiles
    recomputed from the sip.analysis.trying.* values, per hop from the addresses.
The statistic needs sa_stats_register() in proto_register_sip_analysis() and
struct sa_tap_info.visited (SA_TAP_INFO_VISITED), see plugin/stats.c.
"""
import decimal

import pytest

CAPTURES = ["hm-timers", "hm-classes-udp", "hm-421-edge", "hm-proxy-chain"]

CLASSES = "Responses by class (retransmissions not counted)"
TRYING = "100 Trying timers (INVITE transactions answered)"
EXT420 = "420 Bad Extension (retransmissions not counted)"
EXT421 = "421 Extension Required (retransmissions not counted)"
HOPS = "Per hop (request direction)"
CLASS_NAMES = {1: "1xx Provisional", 2: "2xx Success", 3: "3xx Redirection", 4: "4xx Client Failure",
               5: "5xx Server Failure", 6: "6xx Global Failure"}
DELAY = "Delay INVITE -> 100"
ON100 = "Time on 100 until the next response"
VALUES = "Values in us (Count column)"
PERCENTILES = {"Percentile   0 (min)": 0, "Percentile  50 (median)": 50, "Percentile  95": 95,
               "Percentile 100 (max)": 100}


def run_stat(tshark, capture, two_pass, arg="sip.analysis,stat", prefs=None):
    args = ["-q", "-r", tshark.capture(capture + ".pcapng"), "-z", arg]
    if two_pass:
        args.append("-2")
    for k, v in (prefs or {}).items():
        args += ["-o", "%s:%s" % (k, v)]
    return tshark.run(args).stdout


def table_rows(text):
    """The table as 'name | count | percent' lines (percent left out when empty), the name with
    its indentation as printed. Columns are cut where the header puts them."""
    lines = text.splitlines()
    head = next(i for i, l in enumerate(lines) if l.startswith("Topic / Item"))
    h = lines[head]
    c_count, c_avg, c_pct, c_burst = h.index("Count"), h.index("Average"), h.index("Percent"), h.index("Burst")
    assert lines[head - 1] == "SIP Analysis:"
    rows = []
    for l in lines[head + 2:]:
        if l and set(l) == {"-"}:
            break  # the end of the table
        if not l.strip():
            continue
        name, count, pct = l[:c_count].rstrip(), l[c_count:c_avg].strip(), l[c_pct:c_burst].strip()
        rows.append("%s | %s | %s" % (name, count, pct) if pct else "%s | %s" % (name, count))
    return "\n".join(rows)


def table_tree(text):
    """{path tuple: count} for every node of the printed table."""
    tree, stack = {}, []
    for row in table_rows(text).splitlines():
        name = row.split(" | ")[0]
        depth = len(name) - len(name.lstrip(" "))
        stack[depth:] = [name.strip()]
        tree[tuple(stack)] = int(row.split(" | ")[1])
    return tree


def one_pass_table(capture):
    lines = TWO_PASS[capture].strip("\n").split("\n")
    at = 0
    for old, new in ONE_PASS_CHANGES[capture]:
        at = lines.index(old, at)
        if new is None:
            del lines[at]
        else:
            lines[at] = new
            at += 1
    return "\n".join(lines)


# The -2 tables. Checked by hand against captures/handmade.md:
#   hm-timers: 16 responses (100 in frame 28 and 200 in frame 30 are retransmissions); first 100s
#     of a, c, d, f, g, b after 1700.250, 10, 15, 5, 30, 50 ms (nearest rank: median 15 ms, 95th
#     1700.250 ms; one over 200 ms); e answered by a 180 after 350 ms without 100; time on 100
#     until 180 (a, 2299.750 ms; d, 385 ms), 200 (f, 35 ms; g, 1170 ms), 408 (c, 31990 ms: over
#     3000 ms, ended by 408); d's 487 follows its 180, not its 100; b's 100 (frame 33) is stuck.
#   hm-classes-udp: one response per class and code; 11 INVITEs, one 100 (20 ms, frame 2, stuck),
#     ten first responses without 100 of which 200 (1.5 s), 486 (800 ms), 603 (2 s) and 299
#     (300 ms) are over 200 ms; the 421 lacks 100rel and is not retried.
#   hm-421-edge: 421s a (no Require), b (sec-agree already offered; registrar hop), c (INVITE not
#     captured), d (lacks 100rel), e (lacks timer), f (lacks 100rel, retried in frame 16 with it), k (lacks
#     100rel, retried in frame 35 still without it, which gets a second 421 that is not retried);
#     420s g (foo), h (no Unsupported), i (bar), j (baz), none retried; ten INVITEs answered
#     first by a 420/421, and f's retry by a 100 after 10 ms and a 200 990 ms later.
#   hm-proxy-chain: each hop sees 100, 180, 200 and the BYE's 200; hop 1's 100 after 3 ms, hop
#     2's after 15 ms; time on 100 347.7 ms (hop 1) and 333.8 ms (hop 2).
TWO_PASS = {
    "hm-timers": """
Responses by class (retransmissions not counted) | 16 | 100%
 1xx Provisional | 9 | 56.25%
  100 | 6 | 66.67%
  180 | 3 | 33.33%
 2xx Success | 5 | 31.25%
  200 | 5 | 100.00%
 3xx Redirection | 0 | 0.00%
 4xx Client Failure | 2 | 12.50%
  408 | 1 | 50.00%
  487 | 1 | 50.00%
 5xx Server Failure | 0 | 0.00%
 6xx Global Failure | 0 | 0.00%
 Invalid status code (not 100-699) | 0 | 0.00%
100 Trying timers (INVITE transactions answered) | 7 | 100%
 Delay INVITE -> 100 | 6 | 85.71%
  Over 200 ms (trying_delay_ms) | 1 | 16.67%
  Values in us (Count column) | 0 | 0.00%
   Percentile   0 (min) | 5000
   Percentile  50 (median) | 15000
   Percentile  95 | 1700250
   Percentile 100 (max) | 1700250
 Ended by 408/487 after the 100 | 1 | 14.29%
  408 Request Timeout | 1 | 100.00%
  487 Request Terminated | 0 | 0.00%
 No 100 before the first response | 1 | 14.29%
  Over 200 ms (trying_delay_ms) | 1 | 100.00%
 Stuck on 100 to the end (two passes only) | 1 | 14.29%
  100 in frame 33 | 1 | 100.00%
 Time on 100 until the next response | 5 | 71.43%
  Over 3000 ms (trying_duration_ms) | 1 | 20.00%
  Values in us (Count column) | 0 | 0.00%
   Percentile   0 (min) | 35000
   Percentile  50 (median) | 1170000
   Percentile  95 | 31990000
   Percentile 100 (max) | 31990000
420 Bad Extension (retransmissions not counted) | 0 | 100%
 No Unsupported header | 0
 Not retried (two passes only) | 0
 Retried (two passes only) | 0
 Retry does not fix it | 0
 Retry fixes it | 0
 Unsupported option tag | 0
421 Extension Required (retransmissions not counted) | 0 | 100%
 Missing option tag | 0
 No missing tag found | 0
 Not retried (two passes only) | 0
 Retried (two passes only) | 0
 Retry does not fix it | 0
 Retry fixes it | 0
Per hop (request direction) | 16 | 100%
 192.0.2.10:5060 -> 203.0.113.5:5060 | 16 | 100.00%
  Responses by class | 16 | 100.00%
   1xx Provisional | 9 | 56.25%
    100 | 6 | 66.67%
    180 | 3 | 33.33%
   2xx Success | 5 | 31.25%
    200 | 5 | 100.00%
   4xx Client Failure | 2 | 12.50%
    408 | 1 | 50.00%
    487 | 1 | 50.00%
  100 Trying timers | 7 | 43.75%
   Delay INVITE -> 100 | 6 | 85.71%
    Over 200 ms (trying_delay_ms) | 1 | 16.67%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 5000
     Percentile  50 (median) | 15000
     Percentile  95 | 1700250
     Percentile 100 (max) | 1700250
   Ended by 408/487 after the 100 | 1 | 14.29%
    408 Request Timeout | 1 | 100.00%
   No 100 before the first response | 1 | 14.29%
    Over 200 ms (trying_delay_ms) | 1 | 100.00%
   Stuck on 100 to the end (two passes only) | 1 | 14.29%
    100 in frame 33 | 1 | 100.00%
   Time on 100 until the next response | 5 | 71.43%
    Over 3000 ms (trying_duration_ms) | 1 | 20.00%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 35000
     Percentile  50 (median) | 1170000
     Percentile  95 | 31990000
     Percentile 100 (max) | 31990000
  Failures (4xx-6xx) | 2 | 12.50%
""",
    "hm-classes-udp": """
Responses by class (retransmissions not counted) | 11 | 100%
 1xx Provisional | 2 | 18.18%
  100 | 1 | 50.00%
  180 | 1 | 50.00%
 2xx Success | 2 | 18.18%
  200 | 1 | 50.00%
  299 | 1 | 50.00%
 3xx Redirection | 1 | 9.09%
  302 | 1 | 100.00%
 4xx Client Failure | 3 | 27.27%
  404 | 1 | 33.33%
  421 | 1 | 33.33%
  486 | 1 | 33.33%
 5xx Server Failure | 1 | 9.09%
  503 | 1 | 100.00%
 6xx Global Failure | 2 | 18.18%
  603 | 1 | 50.00%
  699 | 1 | 50.00%
 Invalid status code (not 100-699) | 0 | 0.00%
100 Trying timers (INVITE transactions answered) | 11 | 100%
 Delay INVITE -> 100 | 1 | 9.09%
  Over 200 ms (trying_delay_ms) | 0 | 0.00%
  Values in us (Count column) | 0 | 0.00%
   Percentile   0 (min) | 20000
   Percentile  50 (median) | 20000
   Percentile  95 | 20000
   Percentile 100 (max) | 20000
 Ended by 408/487 after the 100 | 0 | 0.00%
  408 Request Timeout | 0
  487 Request Terminated | 0
 No 100 before the first response | 10 | 90.91%
  Over 200 ms (trying_delay_ms) | 4 | 40.00%
 Stuck on 100 to the end (two passes only) | 1 | 9.09%
  100 in frame 2 | 1 | 100.00%
 Time on 100 until the next response | 0 | 0.00%
  Over 3000 ms (trying_duration_ms) | 0
  Values in us (Count column) | 0
   Percentile   0 (min) | 0
   Percentile  50 (median) | 0
   Percentile  95 | 0
   Percentile 100 (max) | 0
420 Bad Extension (retransmissions not counted) | 0 | 100%
 No Unsupported header | 0
 Not retried (two passes only) | 0
 Retried (two passes only) | 0
 Retry does not fix it | 0
 Retry fixes it | 0
 Unsupported option tag | 0
421 Extension Required (retransmissions not counted) | 1 | 100%
 Missing option tag | 1 | 100.00%
  100rel | 1 | 100.00%
 No missing tag found | 0 | 0.00%
 Not retried (two passes only) | 1 | 100.00%
 Retried (two passes only) | 0 | 0.00%
 Retry does not fix it | 0 | 0.00%
 Retry fixes it | 0 | 0.00%
Per hop (request direction) | 11 | 100%
 192.0.2.10:5060 -> 203.0.113.5:5060 | 11 | 100.00%
  Responses by class | 11 | 100.00%
   1xx Provisional | 2 | 18.18%
    100 | 1 | 50.00%
    180 | 1 | 50.00%
   2xx Success | 2 | 18.18%
    200 | 1 | 50.00%
    299 | 1 | 50.00%
   3xx Redirection | 1 | 9.09%
    302 | 1 | 100.00%
   4xx Client Failure | 3 | 27.27%
    404 | 1 | 33.33%
    421 | 1 | 33.33%
    486 | 1 | 33.33%
   5xx Server Failure | 1 | 9.09%
    503 | 1 | 100.00%
   6xx Global Failure | 2 | 18.18%
    603 | 1 | 50.00%
    699 | 1 | 50.00%
  100 Trying timers | 11 | 100.00%
   Delay INVITE -> 100 | 1 | 9.09%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 20000
     Percentile  50 (median) | 20000
     Percentile  95 | 20000
     Percentile 100 (max) | 20000
   No 100 before the first response | 10 | 90.91%
    Over 200 ms (trying_delay_ms) | 4 | 40.00%
   Stuck on 100 to the end (two passes only) | 1 | 9.09%
    100 in frame 2 | 1 | 100.00%
  421 Extension Required | 1 | 9.09%
   Missing option tag | 1 | 100.00%
    100rel | 1 | 100.00%
   Not retried (two passes only) | 1 | 100.00%
  Failures (4xx-6xx) | 6 | 54.55%
""",
    "hm-421-edge": """
Responses by class (retransmissions not counted) | 14 | 100%
 1xx Provisional | 1 | 7.14%
  100 | 1 | 100.00%
 2xx Success | 1 | 7.14%
  200 | 1 | 100.00%
 3xx Redirection | 0 | 0.00%
 4xx Client Failure | 12 | 85.71%
  420 | 4 | 33.33%
  421 | 8 | 66.67%
 5xx Server Failure | 0 | 0.00%
 6xx Global Failure | 0 | 0.00%
 Invalid status code (not 100-699) | 0 | 0.00%
100 Trying timers (INVITE transactions answered) | 11 | 100%
 Delay INVITE -> 100 | 1 | 9.09%
  Over 200 ms (trying_delay_ms) | 0 | 0.00%
  Values in us (Count column) | 0 | 0.00%
   Percentile   0 (min) | 10000
   Percentile  50 (median) | 10000
   Percentile  95 | 10000
   Percentile 100 (max) | 10000
 Ended by 408/487 after the 100 | 0 | 0.00%
  408 Request Timeout | 0
  487 Request Terminated | 0
 No 100 before the first response | 10 | 90.91%
  Over 200 ms (trying_delay_ms) | 0 | 0.00%
 Stuck on 100 to the end (two passes only) | 0 | 0.00%
 Time on 100 until the next response | 1 | 9.09%
  Over 3000 ms (trying_duration_ms) | 0 | 0.00%
  Values in us (Count column) | 0 | 0.00%
   Percentile   0 (min) | 990000
   Percentile  50 (median) | 990000
   Percentile  95 | 990000
   Percentile 100 (max) | 990000
420 Bad Extension (retransmissions not counted) | 4 | 100%
 No Unsupported header | 1 | 25.00%
 Not retried (two passes only) | 4 | 100.00%
 Retried (two passes only) | 0 | 0.00%
 Retry does not fix it | 0 | 0.00%
 Retry fixes it | 0 | 0.00%
 Unsupported option tag | 3 | 75.00%
  bar | 1 | 33.33%
  baz | 1 | 33.33%
  foo | 1 | 33.33%
421 Extension Required (retransmissions not counted) | 8 | 100%
 Missing option tag | 5 | 62.50%
  100rel | 4 | 80.00%
  timer | 1 | 20.00%
 No missing tag found | 3 | 37.50%
 Not retried (two passes only) | 6 | 75.00%
 Retried (two passes only) | 2 | 25.00%
 Retry does not fix it | 1 | 12.50%
 Retry fixes it | 1 | 12.50%
Per hop (request direction) | 14 | 100%
 192.0.2.10:5060 -> 198.51.100.20:5060 | 1 | 7.14%
  Responses by class | 1 | 100.00%
   4xx Client Failure | 1 | 100.00%
    421 | 1 | 100.00%
  421 Extension Required | 1 | 100.00%
   No missing tag found | 1 | 100.00%
   Not retried (two passes only) | 1 | 100.00%
  Failures (4xx-6xx) | 1 | 100.00%
 192.0.2.10:5060 -> 203.0.113.5:5060 | 13 | 92.86%
  Responses by class | 13 | 100.00%
   1xx Provisional | 1 | 7.69%
    100 | 1 | 100.00%
   2xx Success | 1 | 7.69%
    200 | 1 | 100.00%
   4xx Client Failure | 11 | 84.62%
    420 | 4 | 36.36%
    421 | 7 | 63.64%
  100 Trying timers | 11 | 84.62%
   Delay INVITE -> 100 | 1 | 9.09%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 10000
     Percentile  50 (median) | 10000
     Percentile  95 | 10000
     Percentile 100 (max) | 10000
   No 100 before the first response | 10 | 90.91%
   Time on 100 until the next response | 1 | 9.09%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 990000
     Percentile  50 (median) | 990000
     Percentile  95 | 990000
     Percentile 100 (max) | 990000
  420 Bad Extension | 4 | 30.77%
   No Unsupported header | 1 | 25.00%
   Not retried (two passes only) | 4 | 100.00%
   Unsupported option tag | 3 | 75.00%
    bar | 1 | 33.33%
    baz | 1 | 33.33%
    foo | 1 | 33.33%
  421 Extension Required | 7 | 53.85%
   Missing option tag | 5 | 71.43%
    100rel | 4 | 80.00%
    timer | 1 | 20.00%
   No missing tag found | 2 | 28.57%
   Not retried (two passes only) | 5 | 71.43%
   Retried (two passes only) | 2 | 28.57%
   Retry does not fix it | 1 | 14.29%
   Retry fixes it | 1 | 14.29%
  Failures (4xx-6xx) | 11 | 84.62%
""",
    "hm-proxy-chain": """
Responses by class (retransmissions not counted) | 8 | 100%
 1xx Provisional | 4 | 50.00%
  100 | 2 | 50.00%
  180 | 2 | 50.00%
 2xx Success | 4 | 50.00%
  200 | 4 | 100.00%
 3xx Redirection | 0 | 0.00%
 4xx Client Failure | 0 | 0.00%
 5xx Server Failure | 0 | 0.00%
 6xx Global Failure | 0 | 0.00%
 Invalid status code (not 100-699) | 0 | 0.00%
100 Trying timers (INVITE transactions answered) | 2 | 100%
 Delay INVITE -> 100 | 2 | 100.00%
  Over 200 ms (trying_delay_ms) | 0 | 0.00%
  Values in us (Count column) | 0 | 0.00%
   Percentile   0 (min) | 3000
   Percentile  50 (median) | 3000
   Percentile  95 | 15000
   Percentile 100 (max) | 15000
 Ended by 408/487 after the 100 | 0 | 0.00%
  408 Request Timeout | 0
  487 Request Terminated | 0
 No 100 before the first response | 0 | 0.00%
  Over 200 ms (trying_delay_ms) | 0
 Stuck on 100 to the end (two passes only) | 0 | 0.00%
 Time on 100 until the next response | 2 | 100.00%
  Over 3000 ms (trying_duration_ms) | 0 | 0.00%
  Values in us (Count column) | 0 | 0.00%
   Percentile   0 (min) | 333800
   Percentile  50 (median) | 333800
   Percentile  95 | 347700
   Percentile 100 (max) | 347700
420 Bad Extension (retransmissions not counted) | 0 | 100%
 No Unsupported header | 0
 Not retried (two passes only) | 0
 Retried (two passes only) | 0
 Retry does not fix it | 0
 Retry fixes it | 0
 Unsupported option tag | 0
421 Extension Required (retransmissions not counted) | 0 | 100%
 Missing option tag | 0
 No missing tag found | 0
 Not retried (two passes only) | 0
 Retried (two passes only) | 0
 Retry does not fix it | 0
 Retry fixes it | 0
Per hop (request direction) | 8 | 100%
 192.0.2.10:5060 -> 198.51.100.1:5060 | 4 | 50.00%
  Responses by class | 4 | 100.00%
   1xx Provisional | 2 | 50.00%
    100 | 1 | 50.00%
    180 | 1 | 50.00%
   2xx Success | 2 | 50.00%
    200 | 2 | 100.00%
  100 Trying timers | 1 | 25.00%
   Delay INVITE -> 100 | 1 | 100.00%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 3000
     Percentile  50 (median) | 3000
     Percentile  95 | 3000
     Percentile 100 (max) | 3000
   Time on 100 until the next response | 1 | 100.00%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 347700
     Percentile  50 (median) | 347700
     Percentile  95 | 347700
     Percentile 100 (max) | 347700
 198.51.100.1:5060 -> 203.0.113.5:5060 | 4 | 50.00%
  Responses by class | 4 | 100.00%
   1xx Provisional | 2 | 50.00%
    100 | 1 | 50.00%
    180 | 1 | 50.00%
   2xx Success | 2 | 50.00%
    200 | 2 | 100.00%
  100 Trying timers | 1 | 25.00%
   Delay INVITE -> 100 | 1 | 100.00%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 15000
     Percentile  50 (median) | 15000
     Percentile  95 | 15000
     Percentile 100 (max) | 15000
   Time on 100 until the next response | 1 | 100.00%
    Values in us (Count column) | 0 | 0.00%
     Percentile   0 (min) | 333800
     Percentile  50 (median) | 333800
     Percentile  95 | 333800
     Percentile 100 (max) | 333800
""",
}

# What differs in one pass (line of the -2 table -> its one-pass form, None = not printed): under
# the root the "two passes only" nodes stay, at 0; under a hop they are not made at all.
ONE_PASS_CHANGES = {
    "hm-timers": [
        (' Stuck on 100 to the end (two passes only) | 1 | 14.29%',
         ' Stuck on 100 to the end (two passes only) | 0 | 0.00%'),
        ('  100 in frame 33 | 1 | 100.00%', None),
        ('   Stuck on 100 to the end (two passes only) | 1 | 14.29%', None),
        ('    100 in frame 33 | 1 | 100.00%', None),
    ],
    "hm-classes-udp": [
        (' Stuck on 100 to the end (two passes only) | 1 | 9.09%',
         ' Stuck on 100 to the end (two passes only) | 0 | 0.00%'),
        ('  100 in frame 2 | 1 | 100.00%', None),
        (' Not retried (two passes only) | 1 | 100.00%', ' Not retried (two passes only) | 0 | 0.00%'),
        ('   Stuck on 100 to the end (two passes only) | 1 | 9.09%', None),
        ('    100 in frame 2 | 1 | 100.00%', None),
        ('   Not retried (two passes only) | 1 | 100.00%', None),
    ],
    "hm-421-edge": [
        (' Not retried (two passes only) | 4 | 100.00%', ' Not retried (two passes only) | 0 | 0.00%'),
        (' Not retried (two passes only) | 6 | 75.00%', ' Not retried (two passes only) | 0 | 0.00%'),
        (' Retried (two passes only) | 2 | 25.00%', ' Retried (two passes only) | 0 | 0.00%'),
        ('   Not retried (two passes only) | 1 | 100.00%', None),
        ('   Not retried (two passes only) | 4 | 100.00%', None),
        ('   Not retried (two passes only) | 5 | 71.43%', None),
        ('   Retried (two passes only) | 2 | 28.57%', None),
    ],
    "hm-proxy-chain": [
    ],
}


@pytest.mark.parametrize("capture", CAPTURES)
def test_table_two_pass(tshark, capture):
    assert table_rows(run_stat(tshark, capture, True)) == TWO_PASS[capture].strip("\n")


@pytest.mark.parametrize("capture", CAPTURES)
def test_table_one_pass(tshark, capture):
    """In one pass nothing is known about what follows a message: stuck, retried, not retried."""
    assert table_rows(run_stat(tshark, capture, False)) == one_pass_table(capture)


def test_printed_lines_as_is(tshark):
    """A few lines exactly as tshark prints them (trailing blanks aside), all columns."""
    out = run_stat(tshark, "hm-timers", True, prefs={"statistics.st_enable_burstinfo": "FALSE"})
    lines = [l.rstrip() for l in out.splitlines()]
    assert lines[1:5] == [
        "=" * 165,
        "SIP Analysis:",
        "Topic / Item" + " " * 42 + "Count         Average       Min Val       Max Val       Rate (ms)     "
        "Percent       Burst Rate    Burst Start",
        "-" * 165,
    ]
    assert " 4xx Client Failure" + " " * 35 + "2" + " " * 55 + "0.0000        12.50%" in lines
    assert "   Percentile  95" + " " * 37 + "1700250" + " " * 49 + "42.5041" in lines


def test_tree_name_and_filter(tshark):
    """stats_tree's own name for it, -z sip.analysis,tree, prints the same; both take a filter."""
    assert run_stat(tshark, "hm-timers", True, "sip.analysis,tree") == run_stat(tshark, "hm-timers", True)
    hop2 = table_tree(run_stat(tshark, "hm-proxy-chain", False, "sip.analysis,stat,ip.src == 203.0.113.5"))
    assert hop2[(CLASSES,)] == 4
    assert hop2[(HOPS,)] == 4
    assert (HOPS, "198.51.100.1:5060 -> 203.0.113.5:5060") in hop2
    assert (HOPS, "192.0.2.10:5060 -> 198.51.100.1:5060") not in hop2
    assert hop2[(TRYING, DELAY, VALUES, "Percentile 100 (max)")] == 15000


def test_listed_by_z_help(tshark):
    proc = tshark.run(["-z", "help"], check=False)
    names = (proc.stdout + proc.stderr).split()
    assert "sip.analysis,stat" in names and "sip.analysis,tree" in names


def test_bad_argument_is_reported(tshark):
    proc = tshark.run(["-q", "-r", tshark.capture("hm-timers.pcapng"), "-z", "sip.analysis,statistics"], check=False)
    assert 'invalid "-z sip.analysis,stat[,filter]" argument: sip.analysis,statistics' in proc.stderr


def test_thresholds_follow_preferences(tshark):
    prefs = {"sip.analysis.trying_delay_ms": 10, "sip.analysis.trying_duration_ms": 1000}
    tree = table_tree(run_stat(tshark, "hm-timers", False, prefs=prefs))
    # Delays 5, 10, 15, 30, 50, 1700.25 ms: strictly over 10 ms are four, as the expert infos say.
    assert tree[(TRYING, DELAY, "Over 10 ms (trying_delay_ms)")] == 4
    assert tree[(TRYING, ON100, "Over 1000 ms (trying_duration_ms)")] == 3
    assert len(tshark.frames("hm-timers.pcapng", "sip.analysis.trying.late", prefs=prefs)) == 4


# ---- The same numbers from display filters and the per-packet fields ----

FIELDS = ["ip.src", "ip.dst", "udp.srcport", "udp.dstport", "sip.Status-Code", "sip.CSeq.method",
          "sip.analysis.request_frame", "sip.analysis.retransmission_of", "sip.analysis.class",
          "sip.analysis.trying.delay", "sip.analysis.trying.duration", "sip.analysis.trying.frame",
          "sip.analysis.trying.open", "sip.analysis.ext.missing", "sip.analysis.ext.unsupported",
          "sip.analysis.ext.retry_of", "sip.analysis.ext.retry_fixed"]

# How -T fields writes a boolean field (sip.analysis.ext.retry_fixed): 1/0 in Wireshark 4.0,
# True/False in 4.4 and 4.6. tshark's formatting, not the plugin's; -T json and filters are unchanged.
FIELD_TRUE = (["1"], ["True"])
FIELD_FALSE = (["0"], ["False"])


def stat_and_filter_counts(tshark, capture, two_pass, filters):
    """The statistic and, from the same run, how many frames each display filter matches
    (io,stat over the whole capture counts the frames a filter matches, as -Y would)."""
    args = ["-q", "-r", tshark.capture(capture + ".pcapng"), "-z", "sip.analysis,stat",
            "-z", "io,stat,0," + ",".join(filters)]
    if two_pass:
        args.append("-2")
    out = tshark.run(args).stdout
    row = [l for l in out.splitlines() if "<>" in l]
    assert len(row) == 1, out
    cells = [c.strip() for c in row[0].strip().strip("|").split("|")]
    frames = [int(c) for c in cells[1::2][:len(filters)]]
    return table_tree(out), dict(zip(filters, frames))


def ns(seconds):
    return int(decimal.Decimal(seconds) * 1000000000)


def percentile_us(values_ns, p):
    """Nearest rank, as the statistic: the smallest value with at least p% of them at or below it."""
    v = sorted(values_ns)
    k = max(1, -(-len(v) * p // 100))
    return v[k - 1] // 1000


def hop_of(v, response):
    src = (v["ip.src"][0], v["udp.srcport"][0])
    dst = (v["ip.dst"][0], v["udp.dstport"][0])
    a, b = (dst, src) if response else (src, dst)
    return "%s:%s -> %s:%s" % (a + b)


def hop_filter(hop):
    (a, pa), (b, pb) = [x.rsplit(":", 1) for x in hop.split(" -> ")]
    return "ip.src == %s && udp.srcport == %s && ip.dst == %s && udp.dstport == %s" % (b, pb, a, pa)


@pytest.mark.parametrize("two_pass", [False, True], ids=["one-pass", "two-pass"])
@pytest.mark.parametrize("capture", CAPTURES)
def test_counts_equal_display_filters(tshark, capture, two_pass):
    """Every Count equals the frames a display filter on the per-packet fields matches (one SIP
    message per frame in these captures), and the values equal those of the fields."""
    fields = tshark.fields(capture + ".pcapng", FIELDS, two_pass=two_pass, dfilter="sip")
    responses = {f: v for f, v in fields.items() if v["sip.Status-Code"] and not v["sip.analysis.retransmission_of"]}
    codes = sorted({v["sip.Status-Code"][0] for v in responses.values() if v["sip.analysis.class"]})
    hops = sorted({hop_of(v, True) for v in responses.values()})
    counted = " && !sip.analysis.retransmission_of"

    # path in the table -> display filter whose frame count must equal its Count
    want = {(CLASSES, name): "sip.analysis.class == %d" % cls + counted for cls, name in CLASS_NAMES.items()}
    want[(CLASSES, "Invalid status code (not 100-699)")] = "sip.analysis.class.invalid"
    for code in codes:
        want[(CLASSES, CLASS_NAMES[int(code) // 100], code)] = \
            "sip.Status-Code == %s && sip.analysis.class" % code + counted
    want.update({
        (TRYING, DELAY): "sip.analysis.trying.delay",
        (TRYING, DELAY, "Over 200 ms (trying_delay_ms)"): "sip.analysis.trying.late",
        (TRYING, ON100): "sip.analysis.trying.frame",
        (TRYING, ON100, "Over 3000 ms (trying_duration_ms)"): "sip.analysis.trying.long && sip.analysis.trying.frame",
        (TRYING, "No 100 before the first response", "Over 200 ms (trying_delay_ms)"): "sip.analysis.trying.absent",
        (TRYING, "Stuck on 100 to the end (two passes only)"): "sip.analysis.trying.stuck",
        (TRYING, "Ended by 408/487 after the 100", "408 Request Timeout"):
            "sip.analysis.trying.frame && sip.Status-Code == 408",
        (TRYING, "Ended by 408/487 after the 100", "487 Request Terminated"):
            "sip.analysis.trying.frame && sip.Status-Code == 487",
        (EXT421,): "sip.Status-Code == 421 && sip.analysis.class" + counted,
        (EXT421, "Missing option tag"): "sip.analysis.ext.missing",
        (EXT421, "No missing tag found"): "sip.Status-Code == 421 && sip.analysis.class && !sip.analysis.ext.missing"
                                          + counted,
        (EXT421, "Retried (two passes only)"): "sip.analysis.ext.retry_frame && sip.Status-Code == 421",
        (EXT421, "Not retried (two passes only)"): "sip.analysis.ext.not_retried && sip.Status-Code == 421",
        (EXT420,): "sip.Status-Code == 420 && sip.analysis.class" + counted,
        (EXT420, "Unsupported option tag"): "sip.analysis.ext.unsupported",
        (EXT420, "No Unsupported header"):
            "sip.Status-Code == 420 && sip.analysis.class && !sip.analysis.ext.unsupported" + counted,
        (EXT420, "Retried (two passes only)"): "sip.analysis.ext.retry_frame && sip.Status-Code == 420",
        (EXT420, "Not retried (two passes only)"): "sip.analysis.ext.not_retried && sip.Status-Code == 420",
        (HOPS,): "sip.Status-Code && sip.analysis" + counted,
    })
    for tag in sorted({t for v in responses.values() for t in v["sip.analysis.ext.missing"]}):
        want[(EXT421, "Missing option tag", tag)] = 'sip.analysis.ext.missing == "%s"' % tag
    for tag in sorted({t for v in responses.values() for t in v["sip.analysis.ext.unsupported"]}):
        want[(EXT420, "Unsupported option tag", tag)] = 'sip.analysis.ext.unsupported == "%s"' % tag
    for hop in hops:
        on_hop = hop_filter(hop) + " && "
        want[(HOPS, hop)] = on_hop + "sip.Status-Code && sip.analysis" + counted
        want[(HOPS, hop, "Failures (4xx-6xx)")] = on_hop + "sip.analysis.class >= 4" + counted
        want[(HOPS, hop, "100 Trying timers", DELAY)] = on_hop + "sip.analysis.trying.delay"
        for cls, name in CLASS_NAMES.items():
            want[(HOPS, hop, "Responses by class", name)] = on_hop + "sip.analysis.class == %d" % cls + counted

    tree, frames = stat_and_filter_counts(tshark, capture, two_pass, sorted(set(want.values())))
    got = {path: tree.get(path, 0) for path in want}
    assert got == {path: frames[f] for path, f in want.items()}
    assert tree[(CLASSES,)] == sum(tree[(CLASSES, n)] for n in CLASS_NAMES.values()) + \
        tree[(CLASSES, "Invalid status code (not 100-699)")]

    # Values of the two time series, overall and per hop, from the fields.
    delay = {f: ns(v["sip.analysis.trying.delay"][0]) for f, v in fields.items() if v["sip.analysis.trying.delay"]}
    on100 = {f: ns(v["sip.analysis.trying.duration"][0]) for f, v in fields.items()
             if v["sip.analysis.trying.frame"]}
    for series, values in ((DELAY, delay), (ON100, on100)):
        for name, p in PERCENTILES.items():
            assert tree[(TRYING, series, VALUES, name)] == (percentile_us(values.values(), p) if values else 0)
    for hop in hops:
        values = [d for f, d in delay.items() if hop_of(fields[f], True) == hop]
        for name, p in PERCENTILES.items():
            assert tree.get((HOPS, hop, "100 Trying timers", DELAY, VALUES, name)) == \
                (percentile_us(values, p) if values else None)

    # The frames of the 100s stuck to the end; the first responses without 100; the retries.
    stuck = sorted(int(k[2].split()[-1]) for k in tree if len(k) == 3 and
                   k[:2] == (TRYING, "Stuck on 100 to the end (two passes only)"))
    assert stuck == sorted(f for f, v in fields.items() if v["sip.analysis.trying.open"])
    assert bool(stuck) == (two_pass and capture in ("hm-timers", "hm-classes-udp"))
    first = {}
    for f, v in sorted(responses.items()):
        if v["sip.CSeq.method"] == ["INVITE"] and v["sip.analysis.request_frame"]:
            first.setdefault(v["sip.analysis.request_frame"][0], v["sip.Status-Code"][0])
    no100 = sum(1 for code in first.values() if code != "100")
    assert tree[(TRYING, "No 100 before the first response")] == no100
    assert tree[(TRYING,)] == len(delay) + no100
    for code, top in (("421", EXT421), ("420", EXT420)):
        retries = [v for v in fields.values() if v["sip.analysis.ext.retry_of"]
                   and fields[int(v["sip.analysis.ext.retry_of"][0])]["sip.Status-Code"] == [code]]
        assert tree[(top, "Retry fixes it")] == sum(v["sip.analysis.ext.retry_fixed"] in FIELD_TRUE for v in retries)
        assert tree[(top, "Retry does not fix it")] == sum(v["sip.analysis.ext.retry_fixed"] in FIELD_FALSE for v in retries)
