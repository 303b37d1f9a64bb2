# SPDX-License-Identifier: GPL-2.0-or-later
"""Issues 6 and 19: the "SIP Analysis" statistic, tshark -q -z sip.analysis,stat[,filter].

Three kinds of checks:
  - the printed tables of hand-made captures, two passes and one pass, exactly as printed
    (trailing blanks aside); the numbers were checked by hand against captures/handmade.md;
  - every count, time and first frame equal to what the per-packet fields and expert infos give:
    the frames each display filter matches (counted by io,stat in the same run, as -Y would select
    them), the averages and percentiles recomputed from the sip.analysis.trying.* values, per hop
    from the addresses;
  - the layout: 100 columns, sections with nothing left out, one pass naming what needs two.
The statistic is Wireshark's generic statistics tables (stat_tap_table_ui) printed by the
plugin's own printer (plugin/stats.c); -z sip.analysis,table is the same tables printed by
Wireshark's generic printer.
"""
import decimal

import pytest

CAPTURES = ["hm-timers", "hm-classes-udp", "hm-421-edge", "hm-proxy-chain", "hm-auth", "hm-call-delays",
            "rec-401-loop", "rec-reason-486", "rec-422"]

FAILURES = "1 Failures by code"
CHALLENGES = "2 Challenges"
FINDINGS = "3 100 Trying findings"
EXT = "4 Failure causes"
CODES = "5 Responses by code"
TIMERS = "6 100 Trying timers"
DELAYS = "7 Call delays (RFC 6076)"
HOPS = "8 Responses per hop, client -> server"
CLASS_NAMES = {1: "1xx Provisional", 2: "2xx Success", 3: "3xx Redirection", 4: "4xx Client Failure",
               5: "5xx Server Failure", 6: "6xx Global Failure"}
DELAY = "Delay INVITE -> 100"
ON100 = "Time on 100 until the next response"
NO100 = "No 100: INVITE -> first response"
STUCK = "Stuck on 100 Trying to the end"
SRD_FAILED, SRD_OK = "Setup delay (SRD), failed", "Setup delay (SRD), successful"
SDD_FAILED, SDD_OK = "Teardown delay (SDD), failed", "Teardown delay (SDD), successful"
LOOP_LIMIT = "Challenge loop over the limit (2 in a row)"
TWO_PASSES = "needs two passes (-2)"
RULE = "=" * 100
TITLE = "SIP Analysis (times in ms; each message counted once, retransmissions left out)"
ONE_PASS_NOTE = 'One pass: what needs the rest of the capture says "needs two passes (-2)".'


def run_stat(tshark, capture, two_pass, arg="sip.analysis,stat", prefs=None, extra=()):
    args = ["-q", "-r", tshark.capture(capture + ".pcapng"), "-z", arg] + list(extra)
    if two_pass:
        args.append("-2")
    for k, v in (prefs or {}).items():
        args += ["-o", "%s:%s" % (k, v)]
    return tshark.run(args).stdout


def body(text):
    """The statistic's lines between its rules, trailing blanks removed."""
    lines = [l.rstrip() for l in text.splitlines()]
    start = lines.index(RULE)
    end = lines.index(RULE, start + 1)
    return lines[start + 1:end]


def tables(text):
    """{title: {item: {column: text}}} of the printed statistic; the rows of a hop are
    '<hop> / <item>' as in the GUI (tshark prints them indented under the hop)."""
    result = {}
    lines = body(text)
    i = 0
    while i < len(lines):
        if lines[i] and lines[i - 1] == "" and i > 0 and not lines[i].startswith(("One pass", "Filter")):
            head = lines[i]
            title = head.split("  ")[0]
            cols = {}  # name -> (start, end) in the header
            for name in ["Count", "Avg ms", "Min ms", "Max ms", "Median ms", "95th ms", "First frames"]:
                at = head.find("  " + name)
                if at >= 0:
                    cols[name] = (at + 2, at + 2 + len(name))
            rows = {}
            group = None
            i += 1
            while i < len(lines) and lines[i]:
                line = lines[i]
                if line.startswith("  "):
                    item = group + " / " + line[2:].split("  ")[0]
                else:
                    item = group = line.split("  ")[0]
                cells = {}
                for name, (s, e) in cols.items():
                    if name == "First frames":
                        cell = line[s:].strip()
                    else:
                        cell = line[:e].rsplit(" ", 1)[-1] if len(line) >= e and line[e - 1] != " " else ""
                    if cell:
                        cells[name] = cell
                rows[item] = cells
                i += 1
            result[title] = rows
        i += 1
    return result


# The -2 tables. Checked by hand against captures/handmade.md:
#   hm-timers: 16 responses (100 in frame 28 and 200 in frame 30 are retransmissions); first 100s
#     of a, c, d, f, g, b after 1700.250, 10, 15, 5, 30, 50 ms (nearest rank: median 15 ms, 95th
#     1700.250 ms; average 1810.25 / 6; one over 200 ms: a's, frame 4); e answered by a 180 after
#     350 ms without 100 (frame 18); time on 100 until 180 (a, 2299.750 ms; d, 385 ms), 200 (f,
#     35 ms; g, 1170 ms), 408 (c, 31990 ms: over 3000 ms, ended by 408, frame 34, the only
#     failure); d's 487 answers its CANCEL (not a failure) and follows its 180, not its 100;
#     b's 100 (frame 33) is stuck.
#   hm-classes-udp: one response per class and code; failures 404, 421, 486, 503, 603, 699; 11
#     INVITEs, one 100 (20 ms, frame 2, stuck), ten first responses without 100 of which 200
#     (1.5 s), 486 (800 ms), 603 (2 s) and 299 (300 ms) are over 200 ms; the 421 lacks 100rel
#     and is not retried.
#   hm-421-edge: 421s a (no Require), b (sec-agree already offered; registrar hop), c (INVITE not
#     captured), d (lacks 100rel), e (lacks timer), f (lacks 100rel, retried in frame 16 with it),
#     k (lacks 100rel, retried in frame 35 still without it, which gets a second 421 that is not
#     retried); 420s g (foo), h (no Unsupported), i (bar), j (baz), none retried; ten INVITEs
#     answered first by a 420/421, and f's retry by a 100 after 10 ms and a 200 990 ms later.
#   hm-proxy-chain: each hop sees 100, 180, 200 and the BYE's 200; hop 1's 100 after 3 ms, hop
#     2's after 15 ms; time on 100 347.7 ms (hop 1) and 333.8 ms (hop 2).
#   hm-auth: challenges 401 (frames 2 and 15: the second never retried) and 407 (frame 6); the
#     retry after the 407 is challenged again (frame 9: 2 in a row, within the limit), the next
#     retry refused with 403 (frame 12); the INVITE cancelled while on 100 ends with a 487 after
#     2002 ms. Call delays: case b's session request runs from its first INVITE (frame 5) through
#     both challenges to the 403 (115 ms, failed: RFC 6076 5.3 counts authentication in), case d's
#     from frame 16 to the 487 (2012 ms, failed; the setup cancelled by the caller).
#   Call delays of the others (RFC 6076, at each call's first hop): hm-timers, successful SRDs
#     4000 (a: the 180, from the first INVITE copy), 400 (d), 350 (e), 40 (f: the 200, no 180),
#     1200 ms (g), failed 32000 ms (c: 408 after only a 100); b has none (nothing but a 100).
#     hm-classes-udp: the 180 after 120 ms and the 2xx after 1500 and 300 ms are successful, the
#     404, 421, 486, 503, 603, 699 after 45, 25, 800, 60, 2000, 90 ms failed; the 302 ends nothing.
#     hm-421-edge: every 420/421 ends a failed SRD (22 ms for a, 20 ms for k's retry, 25 ms the
#     others), f's retry is a new session request answered 200 after 1000 ms. hm-proxy-chain:
#     hop 1 only, the 180 after 350.7 ms and the BYE's 200 after 12.6 ms.
#   hm-call-delays (captures/handmade.md): SRD a 1500 (the 183), b 800 (486, failed), c 2000 (from
#     the first INVITE, not its copy), f 700 (the first of three 180s), g leg A 1012 and leg B
#     1000 ms; SDD d 30, g leg A 25 and leg B 15 ms, e 2000 ms failed (408 to a BYE sent three
#     times); each leg of the B2BUA is its own call on its own hop.
#   rec-401-loop: REGISTER 401 (frame 2), retry with wrong credentials challenged again (frame 4),
#     the next retry refused with 403 (frame 6); the second REGISTER's 401 (frame 8) is retried
#     and answered 200.
TWO_PASS = {
    "hm-timers": """
1 Failures by code            Count  First frames
408 Request Timeout (INVITE)      1  34

3 100 Trying findings                Count  First frames
Late 100 Trying (over 200 ms)            1  4
Long on 100 Trying (over 3000 ms)        1  34
No 100 before a late first response      1  18
Stuck on 100 Trying to the end           1  33

5 Responses by code     Count
100 Trying                  6
180 Ringing                 3
1xx Provisional             9
200 OK                      5
2xx Success                 5
408 Request Timeout         1
487 Request Terminated      1
4xx Client Failure          2

6 100 Trying timers                  Count    Avg ms   Min ms     Max ms  Median ms    95th ms
Delay INVITE -> 100                      6   301.708    5.000   1700.250     15.000   1700.250
No 100: INVITE -> first response         1   350.000  350.000    350.000    350.000    350.000
Time on 100 until the next response      5  7175.950   35.000  31990.000   1170.000  31990.000
Time on 100, ended by 408                1

7 Call delays (RFC 6076)       Count     Avg ms     Min ms     Max ms  Median ms    95th ms
Setup delay (SRD), failed          1  32000.000  32000.000  32000.000  32000.000  32000.000
Setup delay (SRD), successful      5   1198.000     40.000   4000.000    400.000   4000.000
Setup outcome: answered            4
Setup outcome: cancelled           1
Setup outcome: failed              1

8 Responses per hop, client -> server  Count     Avg ms     Min ms     Max ms  Median ms    95th ms
192.0.2.10 -> 203.0.113.5                 16
  Delay INVITE -> 100                      6    301.708      5.000   1700.250     15.000   1700.250
  Failures (4xx-6xx)                       2
  Setup delay (SRD), failed                1  32000.000  32000.000  32000.000  32000.000  32000.000
  Setup delay (SRD), successful            5   1198.000     40.000   4000.000    400.000   4000.000
  Time on 100 until the next response      5   7175.950     35.000  31990.000   1170.000  31990.000
""",
    "hm-classes-udp": """
1 Failures by code                Count  First frames
404 Not Found (INVITE)                1  12
421 Extension Required (INVITE)       1  15
486 Busy Here (INVITE)                1  18
503 Service Unavailable (INVITE)      1  21
603 Decline (INVITE)                  1  24
699 (unregistered code) (INVITE)      1  27

3 100 Trying findings                Count  First frames
No 100 before a late first response      4  6, 18, 24, ...
Stuck on 100 Trying to the end           1  2

4 Failure causes                        Count  First frames
421 Extension Required: missing 100rel      1  15
421 Extension Required: not retried         1  15

5 Responses by code      Count
100 Trying                   1
180 Ringing                  1
1xx Provisional              2
200 OK                       1
299 (unregistered code)      1
2xx Success                  2
302 Moved Temporarily        1
3xx Redirection              1
404 Not Found                1
421 Extension Required       1
486 Busy Here                1
4xx Client Failure           3
503 Service Unavailable      1
5xx Server Failure           1
603 Decline                  1
699 (unregistered code)      1
6xx Global Failure           2

6 100 Trying timers               Count   Avg ms  Min ms    Max ms  Median ms   95th ms
Delay INVITE -> 100                   1   20.000  20.000    20.000     20.000    20.000
No 100: INVITE -> first response     10  497.500  25.000  2000.000     90.000  2000.000

7 Call delays (RFC 6076)       Count   Avg ms   Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed          6  503.333   25.000  2000.000     60.000  2000.000
Setup delay (SRD), successful      3  640.000  120.000  1500.000    300.000  1500.000
Setup outcome: answered            2
Setup outcome: failed              6

8 Responses per hop, client -> server  Count   Avg ms   Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 203.0.113.5                 11
  Delay INVITE -> 100                      1   20.000   20.000    20.000     20.000    20.000
  Failures (4xx-6xx)                       6
  Setup delay (SRD), failed                6  503.333   25.000  2000.000     60.000  2000.000
  Setup delay (SRD), successful            3  640.000  120.000  1500.000    300.000  1500.000
""",
    "hm-421-edge": """
1 Failures by code                         Count  First frames
420 Bad Extension (INVITE)                     4  21, 24, 27, ...
421 Extension Required (INVITE, REGISTER)      8  2, 5, 6, ...

4 Failure causes                                        Count  First frames
420 Bad Extension: no Unsupported header                    1  24
420 Bad Extension: not retried                              4  21, 24, 27, ...
420 Bad Extension: unsupported bar                          1  27
420 Bad Extension: unsupported baz                          1  30
420 Bad Extension: unsupported foo                          1  21
421 Extension Required: missing 100rel                      4  8, 14, 33, ...
421 Extension Required: missing timer                       1  11
421 Extension Required: no missing tag found                3  2, 5, 6
421 Extension Required: not retried                         6  2, 5, 6, ...
421 Extension Required: retried, the retry fails again      1  35
421 Extension Required: retried, the retry fixes it         1  16

5 Responses by code     Count
100 Trying                  1
1xx Provisional             1
200 OK                      1
2xx Success                 1
420 Bad Extension           4
421 Extension Required      8
4xx Client Failure         12

6 100 Trying timers                  Count   Avg ms   Min ms   Max ms  Median ms  95th ms
Delay INVITE -> 100                      1   10.000   10.000   10.000     10.000   10.000
No 100: INVITE -> first response        10   24.200   20.000   25.000     25.000   25.000
Time on 100 until the next response      1  990.000  990.000  990.000    990.000  990.000

7 Call delays (RFC 6076)       Count    Avg ms    Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed         10    24.200    20.000    25.000     25.000    25.000
Setup delay (SRD), successful      1  1000.000  1000.000  1000.000   1000.000  1000.000
Setup outcome: answered            1
Setup outcome: failed             10

8 Responses per hop, client -> server  Count    Avg ms    Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 198.51.100.20                1
  Failures (4xx-6xx)                       1
192.0.2.10 -> 203.0.113.5                 13
  Delay INVITE -> 100                      1    10.000    10.000    10.000     10.000    10.000
  Failures (4xx-6xx)                      11
  Setup delay (SRD), failed               10    24.200    20.000    25.000     25.000    25.000
  Setup delay (SRD), successful            1  1000.000  1000.000  1000.000   1000.000  1000.000
  Time on 100 until the next response      1   990.000   990.000   990.000    990.000   990.000
""",
    "hm-proxy-chain": """
5 Responses by code  Count
100 Trying               2
180 Ringing              2
1xx Provisional          4
200 OK                   4
2xx Success              4

6 100 Trying timers                  Count   Avg ms   Min ms   Max ms  Median ms  95th ms
Delay INVITE -> 100                      2    9.000    3.000   15.000      3.000   15.000
Time on 100 until the next response      2  340.750  333.800  347.700    333.800  347.700

7 Call delays (RFC 6076)          Count   Avg ms   Min ms   Max ms  Median ms  95th ms
Setup delay (SRD), successful         1  350.700  350.700  350.700    350.700  350.700
Setup outcome: answered               1
Teardown delay (SDD), successful      1   12.600   12.600   12.600     12.600   12.600

8 Responses per hop, client -> server  Count   Avg ms   Min ms   Max ms  Median ms  95th ms
192.0.2.10 -> 198.51.100.1                 4
  Delay INVITE -> 100                      1    3.000    3.000    3.000      3.000    3.000
  Setup delay (SRD), successful            1  350.700  350.700  350.700    350.700  350.700
  Teardown delay (SDD), successful         1   12.600   12.600   12.600     12.600   12.600
  Time on 100 until the next response      1  347.700  347.700  347.700    347.700  347.700
198.51.100.1 -> 203.0.113.5                4
  Delay INVITE -> 100                      1   15.000   15.000   15.000     15.000   15.000
  Time on 100 until the next response      1  333.800  333.800  333.800    333.800  333.800
""",
    "hm-auth": """
2 Challenges                                         Count  First frames
401 Unauthorized                                         2  2, 15
401 Unauthorized, never retried                          1  15
403 Forbidden, retry refused                             1  12
407 Proxy Authentication Required                        1  6
407 Proxy Authentication Required, challenged again      1  9

5 Responses by code                Count
100 Trying                             1
1xx Provisional                        1
200 OK                                 2
2xx Success                            2
401 Unauthorized                       2
403 Forbidden                          1
407 Proxy Authentication Required      2
487 Request Terminated                 1
4xx Client Failure                     6

6 100 Trying timers                     Count    Avg ms    Min ms    Max ms  Median ms   95th ms
Delay INVITE -> 100                         1    10.000    10.000    10.000     10.000    10.000
No 100: INVITE -> first response            3    15.000    15.000    15.000     15.000    15.000
Time on 100 until the next response         1  2002.000  2002.000  2002.000   2002.000  2002.000
Time on 100, ended by 487 after CANCEL      1

7 Call delays (RFC 6076)   Count    Avg ms   Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed      2  1063.500  115.000  2012.000    115.000  2012.000
Setup outcome: cancelled       1
Setup outcome: failed          1

8 Responses per hop, client -> server  Count    Avg ms    Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 198.51.100.1                 6
  Delay INVITE -> 100                      1    10.000    10.000    10.000     10.000    10.000
  Failures (4xx-6xx)                       4
  Setup delay (SRD), failed                2  1063.500   115.000  2012.000    115.000  2012.000
  Time on 100 until the next response      1  2002.000  2002.000  2002.000   2002.000  2002.000
192.0.2.10 -> 198.51.100.20                3
  Failures (4xx-6xx)                       2
""",
    "hm-call-delays": """
1 Failures by code         Count  First frames
408 Request Timeout (BYE)      1  21
486 Busy Here (INVITE)         1  8

3 100 Trying findings          Count  First frames
Late 100 Trying (over 200 ms)      1  12

5 Responses by code   Count
100 Trying                6
180 Ringing               4
183 Session Progress      1
1xx Provisional          11
200 OK                    8
2xx Success               8
408 Request Timeout       1
486 Busy Here             1
4xx Client Failure        2

6 100 Trying timers                  Count    Avg ms   Min ms    Max ms  Median ms   95th ms
Delay INVITE -> 100                      6    96.667    5.000   510.000     15.000   510.000
Time on 100 until the next response      6  1072.000  690.000  1490.000    985.000  1490.000

7 Call delays (RFC 6076)          Count    Avg ms    Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed             1   800.000   800.000   800.000    800.000   800.000
Setup delay (SRD), successful         5  1242.400   700.000  2000.000   1012.000  2000.000
Setup outcome: answered               5
Setup outcome: failed                 1
Teardown delay (SDD), failed          1  2000.000  2000.000  2000.000   2000.000  2000.000
Teardown delay (SDD), successful      3    23.333    15.000    30.000     25.000    30.000

8 Responses per hop, client -> server  Count    Avg ms    Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 198.51.100.1                 4
  Delay INVITE -> 100                      1     5.000     5.000     5.000      5.000     5.000
  Setup delay (SRD), successful            1  1012.000  1012.000  1012.000   1012.000  1012.000
  Teardown delay (SDD), successful         1    25.000    25.000    25.000     25.000    25.000
  Time on 100 until the next response      1  1007.000  1007.000  1007.000   1007.000  1007.000
192.0.2.10 -> 203.0.113.5                 13
  Delay INVITE -> 100                      4   140.000    10.000   510.000     20.000   510.000
  Failures (4xx-6xx)                       2
  Setup delay (SRD), failed                1   800.000   800.000   800.000    800.000   800.000
  Setup delay (SRD), successful            3  1400.000   700.000  2000.000   1500.000  2000.000
  Teardown delay (SDD), failed             1  2000.000  2000.000  2000.000   2000.000  2000.000
  Teardown delay (SDD), successful         1    30.000    30.000    30.000     30.000    30.000
  Time on 100 until the next response      4  1110.000   690.000  1490.000    780.000  1490.000
198.51.100.1 -> 203.0.113.5                4
  Delay INVITE -> 100                      1    15.000    15.000    15.000     15.000    15.000
  Setup delay (SRD), successful            1  1000.000  1000.000  1000.000   1000.000  1000.000
  Teardown delay (SDD), successful         1    15.000    15.000    15.000     15.000    15.000
  Time on 100 until the next response      1   985.000   985.000   985.000    985.000   985.000
""",
    "rec-401-loop": """
2 Challenges                        Count  First frames
401 Unauthorized                        2  2, 8
401 Unauthorized, challenged again      1  4
403 Forbidden, retry refused            1  6

5 Responses by code  Count
200 OK                   1
2xx Success              1
401 Unauthorized         3
403 Forbidden            1
4xx Client Failure       4

8 Responses per hop, client -> server  Count
127.0.0.1 -> 127.0.0.1                     5
  Failures (4xx-6xx)                       4
""",
    "rec-reason-486": """
1 Failures by code      Count  First frames
486 Busy Here (INVITE)      1  4

4 Failure causes           Count  First frames
Reason Q.850 17 User busy      1  4

5 Responses by code  Count
100 Trying               2
180 Ringing              2
1xx Provisional          4
200 OK                   2
2xx Success              2
486 Busy Here            1
4xx Client Failure       1

6 100 Trying timers                  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Delay INVITE -> 100                      2  23.885  23.547  24.222     23.547   24.222
Time on 100 until the next response      2  24.430  24.107  24.753     24.107   24.753

7 Call delays (RFC 6076)          Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Setup delay (SRD), successful         2  48.315  48.300  48.329     48.300   48.329
Setup outcome: answered               1
Setup outcome: failed                 1
Teardown delay (SDD), successful      1   0.075   0.075   0.075      0.075    0.075

8 Responses per hop, client -> server  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
127.0.0.1 -> 127.0.0.1                     7
  Delay INVITE -> 100                      2  23.885  23.547  24.222     23.547   24.222
  Failures (4xx-6xx)                       1
  Setup delay (SRD), successful            2  48.315  48.300  48.329     48.300   48.329
  Teardown delay (SDD), successful         1   0.075   0.075   0.075      0.075    0.075
  Time on 100 until the next response      2  24.430  24.107  24.753     24.107   24.753
""",
    "rec-422": """
1 Failures by code                       Count  First frames
422 Session Interval Too Small (INVITE)      1  2

4 Failure causes                               Count  First frames
422 Session Interval Too Small: Min-SE 1800 s      1  2

5 Responses by code             Count
100 Trying                          1
1xx Provisional                     1
200 OK                              2
2xx Success                         2
422 Session Interval Too Small      1
4xx Client Failure                  1

6 100 Trying timers                  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Delay INVITE -> 100                      1  23.011  23.011  23.011     23.011   23.011
No 100: INVITE -> first response         1   0.325   0.325   0.325      0.325    0.325
Time on 100 until the next response      1  24.171  24.171  24.171     24.171   24.171

7 Call delays (RFC 6076)          Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Setup delay (SRD), failed             1   0.325   0.325   0.325      0.325    0.325
Setup delay (SRD), successful         1  47.182  47.182  47.182     47.182   47.182
Setup outcome: answered               1
Setup outcome: failed                 1
Teardown delay (SDD), successful      1   0.078   0.078   0.078      0.078    0.078

8 Responses per hop, client -> server  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
127.0.0.1 -> 127.0.0.1                     4
  Delay INVITE -> 100                      1  23.011  23.011  23.011     23.011   23.011
  Failures (4xx-6xx)                       1
  Setup delay (SRD), failed                1   0.325   0.325   0.325      0.325    0.325
  Setup delay (SRD), successful            1  47.182  47.182  47.182     47.182   47.182
  Teardown delay (SDD), successful         1   0.078   0.078   0.078      0.078    0.078
  Time on 100 until the next response      1  24.171  24.171  24.171     24.171   24.171
""",
}

# The same in one pass: what needs the rest of the capture says so instead of a count (stuck on
# 100, not retried, never retried), and the rows that may turn out empty with two passes are there.
ONE_PASS = {
    "hm-timers": """
1 Failures by code            Count  First frames
408 Request Timeout (INVITE)      1  34

3 100 Trying findings                Count  First frames
Late 100 Trying (over 200 ms)            1  4
Long on 100 Trying (over 3000 ms)        1  34
No 100 before a late first response      1  18
Stuck on 100 Trying to the end              needs two passes (-2)

5 Responses by code     Count
100 Trying                  6
180 Ringing                 3
1xx Provisional             9
200 OK                      5
2xx Success                 5
408 Request Timeout         1
487 Request Terminated      1
4xx Client Failure          2

6 100 Trying timers                  Count    Avg ms   Min ms     Max ms  Median ms    95th ms
Delay INVITE -> 100                      6   301.708    5.000   1700.250     15.000   1700.250
No 100: INVITE -> first response         1   350.000  350.000    350.000    350.000    350.000
Time on 100 until the next response      5  7175.950   35.000  31990.000   1170.000  31990.000
Time on 100, ended by 408                1

7 Call delays (RFC 6076)       Count     Avg ms     Min ms     Max ms  Median ms    95th ms
Setup delay (SRD), failed          1  32000.000  32000.000  32000.000  32000.000  32000.000
Setup delay (SRD), successful      5   1198.000     40.000   4000.000    400.000   4000.000
Setup outcome: answered            4
Setup outcome: cancelled           1
Setup outcome: failed              1

8 Responses per hop, client -> server  Count     Avg ms     Min ms     Max ms  Median ms    95th ms
192.0.2.10 -> 203.0.113.5                 16
  Delay INVITE -> 100                      6    301.708      5.000   1700.250     15.000   1700.250
  Failures (4xx-6xx)                       2
  Setup delay (SRD), failed                1  32000.000  32000.000  32000.000  32000.000  32000.000
  Setup delay (SRD), successful            5   1198.000     40.000   4000.000    400.000   4000.000
  Time on 100 until the next response      5   7175.950     35.000  31990.000   1170.000  31990.000
""",
    "hm-classes-udp": """
1 Failures by code                Count  First frames
404 Not Found (INVITE)                1  12
421 Extension Required (INVITE)       1  15
486 Busy Here (INVITE)                1  18
503 Service Unavailable (INVITE)      1  21
603 Decline (INVITE)                  1  24
699 (unregistered code) (INVITE)      1  27

3 100 Trying findings                Count  First frames
No 100 before a late first response      4  6, 18, 24, ...
Stuck on 100 Trying to the end              needs two passes (-2)

4 Failure causes                        Count  First frames
421 Extension Required: missing 100rel      1  15
421 Extension Required: not retried            needs two passes (-2)

5 Responses by code      Count
100 Trying                   1
180 Ringing                  1
1xx Provisional              2
200 OK                       1
299 (unregistered code)      1
2xx Success                  2
302 Moved Temporarily        1
3xx Redirection              1
404 Not Found                1
421 Extension Required       1
486 Busy Here                1
4xx Client Failure           3
503 Service Unavailable      1
5xx Server Failure           1
603 Decline                  1
699 (unregistered code)      1
6xx Global Failure           2

6 100 Trying timers               Count   Avg ms  Min ms    Max ms  Median ms   95th ms
Delay INVITE -> 100                   1   20.000  20.000    20.000     20.000    20.000
No 100: INVITE -> first response     10  497.500  25.000  2000.000     90.000  2000.000

7 Call delays (RFC 6076)       Count   Avg ms   Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed          6  503.333   25.000  2000.000     60.000  2000.000
Setup delay (SRD), successful      3  640.000  120.000  1500.000    300.000  1500.000
Setup outcome: answered            2
Setup outcome: failed              6

8 Responses per hop, client -> server  Count   Avg ms   Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 203.0.113.5                 11
  Delay INVITE -> 100                      1   20.000   20.000    20.000     20.000    20.000
  Failures (4xx-6xx)                       6
  Setup delay (SRD), failed                6  503.333   25.000  2000.000     60.000  2000.000
  Setup delay (SRD), successful            3  640.000  120.000  1500.000    300.000  1500.000
""",
    "hm-421-edge": """
1 Failures by code                         Count  First frames
420 Bad Extension (INVITE)                     4  21, 24, 27, ...
421 Extension Required (INVITE, REGISTER)      8  2, 5, 6, ...

3 100 Trying findings           First frames
Stuck on 100 Trying to the end  needs two passes (-2)

4 Failure causes                                        Count  First frames
420 Bad Extension: no Unsupported header                    1  24
420 Bad Extension: not retried                                 needs two passes (-2)
420 Bad Extension: unsupported bar                          1  27
420 Bad Extension: unsupported baz                          1  30
420 Bad Extension: unsupported foo                          1  21
421 Extension Required: missing 100rel                      4  8, 14, 33, ...
421 Extension Required: missing timer                       1  11
421 Extension Required: no missing tag found                3  2, 5, 6
421 Extension Required: not retried                            needs two passes (-2)
421 Extension Required: retried, the retry fails again      1  35
421 Extension Required: retried, the retry fixes it         1  16

5 Responses by code     Count
100 Trying                  1
1xx Provisional             1
200 OK                      1
2xx Success                 1
420 Bad Extension           4
421 Extension Required      8
4xx Client Failure         12

6 100 Trying timers                  Count   Avg ms   Min ms   Max ms  Median ms  95th ms
Delay INVITE -> 100                      1   10.000   10.000   10.000     10.000   10.000
No 100: INVITE -> first response        10   24.200   20.000   25.000     25.000   25.000
Time on 100 until the next response      1  990.000  990.000  990.000    990.000  990.000

7 Call delays (RFC 6076)       Count    Avg ms    Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed         10    24.200    20.000    25.000     25.000    25.000
Setup delay (SRD), successful      1  1000.000  1000.000  1000.000   1000.000  1000.000
Setup outcome: answered            1
Setup outcome: failed             10

8 Responses per hop, client -> server  Count    Avg ms    Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 198.51.100.20                1
  Failures (4xx-6xx)                       1
192.0.2.10 -> 203.0.113.5                 13
  Delay INVITE -> 100                      1    10.000    10.000    10.000     10.000    10.000
  Failures (4xx-6xx)                      11
  Setup delay (SRD), failed               10    24.200    20.000    25.000     25.000    25.000
  Setup delay (SRD), successful            1  1000.000  1000.000  1000.000   1000.000  1000.000
  Time on 100 until the next response      1   990.000   990.000   990.000    990.000   990.000
""",
    "hm-proxy-chain": """
3 100 Trying findings           First frames
Stuck on 100 Trying to the end  needs two passes (-2)

5 Responses by code  Count
100 Trying               2
180 Ringing              2
1xx Provisional          4
200 OK                   4
2xx Success              4

6 100 Trying timers                  Count   Avg ms   Min ms   Max ms  Median ms  95th ms
Delay INVITE -> 100                      2    9.000    3.000   15.000      3.000   15.000
Time on 100 until the next response      2  340.750  333.800  347.700    333.800  347.700

7 Call delays (RFC 6076)          Count   Avg ms   Min ms   Max ms  Median ms  95th ms
Setup delay (SRD), successful         1  350.700  350.700  350.700    350.700  350.700
Setup outcome: answered               1
Teardown delay (SDD), successful      1   12.600   12.600   12.600     12.600   12.600

8 Responses per hop, client -> server  Count   Avg ms   Min ms   Max ms  Median ms  95th ms
192.0.2.10 -> 198.51.100.1                 4
  Delay INVITE -> 100                      1    3.000    3.000    3.000      3.000    3.000
  Setup delay (SRD), successful            1  350.700  350.700  350.700    350.700  350.700
  Teardown delay (SDD), successful         1   12.600   12.600   12.600     12.600   12.600
  Time on 100 until the next response      1  347.700  347.700  347.700    347.700  347.700
198.51.100.1 -> 203.0.113.5                4
  Delay INVITE -> 100                      1   15.000   15.000   15.000     15.000   15.000
  Time on 100 until the next response      1  333.800  333.800  333.800    333.800  333.800
""",
    "hm-auth": """
2 Challenges                                         Count  First frames
401 Unauthorized                                         2  2, 15
401 Unauthorized, never retried                             needs two passes (-2)
403 Forbidden, retry refused                             1  12
407 Proxy Authentication Required                        1  6
407 Proxy Authentication Required, challenged again      1  9
407 Proxy Authentication Required, never retried            needs two passes (-2)

3 100 Trying findings           First frames
Stuck on 100 Trying to the end  needs two passes (-2)

5 Responses by code                Count
100 Trying                             1
1xx Provisional                        1
200 OK                                 2
2xx Success                            2
401 Unauthorized                       2
403 Forbidden                          1
407 Proxy Authentication Required      2
487 Request Terminated                 1
4xx Client Failure                     6

6 100 Trying timers                     Count    Avg ms    Min ms    Max ms  Median ms   95th ms
Delay INVITE -> 100                         1    10.000    10.000    10.000     10.000    10.000
No 100: INVITE -> first response            3    15.000    15.000    15.000     15.000    15.000
Time on 100 until the next response         1  2002.000  2002.000  2002.000   2002.000  2002.000
Time on 100, ended by 487 after CANCEL      1

7 Call delays (RFC 6076)   Count    Avg ms   Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed      2  1063.500  115.000  2012.000    115.000  2012.000
Setup outcome: cancelled       1
Setup outcome: failed          1

8 Responses per hop, client -> server  Count    Avg ms    Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 198.51.100.1                 6
  Delay INVITE -> 100                      1    10.000    10.000    10.000     10.000    10.000
  Failures (4xx-6xx)                       4
  Setup delay (SRD), failed                2  1063.500   115.000  2012.000    115.000  2012.000
  Time on 100 until the next response      1  2002.000  2002.000  2002.000   2002.000  2002.000
192.0.2.10 -> 198.51.100.20                3
  Failures (4xx-6xx)                       2
""",
    "hm-call-delays": """
1 Failures by code         Count  First frames
408 Request Timeout (BYE)      1  21
486 Busy Here (INVITE)         1  8

3 100 Trying findings           Count  First frames
Late 100 Trying (over 200 ms)       1  12
Stuck on 100 Trying to the end         needs two passes (-2)

5 Responses by code   Count
100 Trying                6
180 Ringing               4
183 Session Progress      1
1xx Provisional          11
200 OK                    8
2xx Success               8
408 Request Timeout       1
486 Busy Here             1
4xx Client Failure        2

6 100 Trying timers                  Count    Avg ms   Min ms    Max ms  Median ms   95th ms
Delay INVITE -> 100                      6    96.667    5.000   510.000     15.000   510.000
Time on 100 until the next response      6  1072.000  690.000  1490.000    985.000  1490.000

7 Call delays (RFC 6076)          Count    Avg ms    Min ms    Max ms  Median ms   95th ms
Setup delay (SRD), failed             1   800.000   800.000   800.000    800.000   800.000
Setup delay (SRD), successful         5  1242.400   700.000  2000.000   1012.000  2000.000
Setup outcome: answered               5
Setup outcome: failed                 1
Teardown delay (SDD), failed          1  2000.000  2000.000  2000.000   2000.000  2000.000
Teardown delay (SDD), successful      3    23.333    15.000    30.000     25.000    30.000

8 Responses per hop, client -> server  Count    Avg ms    Min ms    Max ms  Median ms   95th ms
192.0.2.10 -> 198.51.100.1                 4
  Delay INVITE -> 100                      1     5.000     5.000     5.000      5.000     5.000
  Setup delay (SRD), successful            1  1012.000  1012.000  1012.000   1012.000  1012.000
  Teardown delay (SDD), successful         1    25.000    25.000    25.000     25.000    25.000
  Time on 100 until the next response      1  1007.000  1007.000  1007.000   1007.000  1007.000
192.0.2.10 -> 203.0.113.5                 13
  Delay INVITE -> 100                      4   140.000    10.000   510.000     20.000   510.000
  Failures (4xx-6xx)                       2
  Setup delay (SRD), failed                1   800.000   800.000   800.000    800.000   800.000
  Setup delay (SRD), successful            3  1400.000   700.000  2000.000   1500.000  2000.000
  Teardown delay (SDD), failed             1  2000.000  2000.000  2000.000   2000.000  2000.000
  Teardown delay (SDD), successful         1    30.000    30.000    30.000     30.000    30.000
  Time on 100 until the next response      4  1110.000   690.000  1490.000    780.000  1490.000
198.51.100.1 -> 203.0.113.5                4
  Delay INVITE -> 100                      1    15.000    15.000    15.000     15.000    15.000
  Setup delay (SRD), successful            1  1000.000  1000.000  1000.000   1000.000  1000.000
  Teardown delay (SDD), successful         1    15.000    15.000    15.000     15.000    15.000
  Time on 100 until the next response      1   985.000   985.000   985.000    985.000   985.000
""",
    "rec-401-loop": """
2 Challenges                        Count  First frames
401 Unauthorized                        2  2, 8
401 Unauthorized, challenged again      1  4
401 Unauthorized, never retried            needs two passes (-2)
403 Forbidden, retry refused            1  6

5 Responses by code  Count
200 OK                   1
2xx Success              1
401 Unauthorized         3
403 Forbidden            1
4xx Client Failure       4

8 Responses per hop, client -> server  Count
127.0.0.1 -> 127.0.0.1                     5
  Failures (4xx-6xx)                       4
""",
    "rec-reason-486": """
1 Failures by code      Count  First frames
486 Busy Here (INVITE)      1  4

3 100 Trying findings           First frames
Stuck on 100 Trying to the end  needs two passes (-2)

4 Failure causes           Count  First frames
Reason Q.850 17 User busy      1  4

5 Responses by code  Count
100 Trying               2
180 Ringing              2
1xx Provisional          4
200 OK                   2
2xx Success              2
486 Busy Here            1
4xx Client Failure       1

6 100 Trying timers                  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Delay INVITE -> 100                      2  23.885  23.547  24.222     23.547   24.222
Time on 100 until the next response      2  24.430  24.107  24.753     24.107   24.753

7 Call delays (RFC 6076)          Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Setup delay (SRD), successful         2  48.315  48.300  48.329     48.300   48.329
Setup outcome: answered               1
Setup outcome: failed                 1
Teardown delay (SDD), successful      1   0.075   0.075   0.075      0.075    0.075

8 Responses per hop, client -> server  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
127.0.0.1 -> 127.0.0.1                     7
  Delay INVITE -> 100                      2  23.885  23.547  24.222     23.547   24.222
  Failures (4xx-6xx)                       1
  Setup delay (SRD), successful            2  48.315  48.300  48.329     48.300   48.329
  Teardown delay (SDD), successful         1   0.075   0.075   0.075      0.075    0.075
  Time on 100 until the next response      2  24.430  24.107  24.753     24.107   24.753
""",
    "rec-422": """
1 Failures by code                       Count  First frames
422 Session Interval Too Small (INVITE)      1  2

3 100 Trying findings           First frames
Stuck on 100 Trying to the end  needs two passes (-2)

4 Failure causes                               Count  First frames
422 Session Interval Too Small: Min-SE 1800 s      1  2

5 Responses by code             Count
100 Trying                          1
1xx Provisional                     1
200 OK                              2
2xx Success                         2
422 Session Interval Too Small      1
4xx Client Failure                  1

6 100 Trying timers                  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Delay INVITE -> 100                      1  23.011  23.011  23.011     23.011   23.011
No 100: INVITE -> first response         1   0.325   0.325   0.325      0.325    0.325
Time on 100 until the next response      1  24.171  24.171  24.171     24.171   24.171

7 Call delays (RFC 6076)          Count  Avg ms  Min ms  Max ms  Median ms  95th ms
Setup delay (SRD), failed             1   0.325   0.325   0.325      0.325    0.325
Setup delay (SRD), successful         1  47.182  47.182  47.182     47.182   47.182
Setup outcome: answered               1
Setup outcome: failed                 1
Teardown delay (SDD), successful      1   0.078   0.078   0.078      0.078    0.078

8 Responses per hop, client -> server  Count  Avg ms  Min ms  Max ms  Median ms  95th ms
127.0.0.1 -> 127.0.0.1                     4
  Delay INVITE -> 100                      1  23.011  23.011  23.011     23.011   23.011
  Failures (4xx-6xx)                       1
  Setup delay (SRD), failed                1   0.325   0.325   0.325      0.325    0.325
  Setup delay (SRD), successful            1  47.182  47.182  47.182     47.182   47.182
  Teardown delay (SDD), successful         1   0.078   0.078   0.078      0.078    0.078
  Time on 100 until the next response      1  24.171  24.171  24.171     24.171   24.171
""",
}


@pytest.mark.parametrize("capture", CAPTURES)
def test_table_two_pass(tshark, capture):
    out = run_stat(tshark, capture, True)
    lines = [l.rstrip() for l in out.splitlines()]
    assert lines[:3] == ["", RULE, TITLE]
    assert lines[-1] == RULE
    assert "\n".join(body(out)[2:]) == TWO_PASS[capture].strip("\n")
    assert body(out)[:2] == [TITLE, ""]


@pytest.mark.parametrize("capture", CAPTURES)
def test_table_one_pass(tshark, capture):
    """In one pass nothing is known about what follows a message: the rows that need it say so."""
    out = run_stat(tshark, capture, False)
    assert body(out)[:3] == [TITLE, ONE_PASS_NOTE, ""]
    assert "\n".join(body(out)[3:]) == ONE_PASS[capture].strip("\n")


@pytest.mark.parametrize("two_pass", [False, True], ids=["one-pass", "two-pass"])
@pytest.mark.parametrize("capture", CAPTURES + ["hm-ipv6", "hm-other-port", "rec-proxy-408", "rec-classes"])
def test_fits_100_columns(tshark, capture, two_pass):
    out = run_stat(tshark, capture, two_pass)
    assert max(len(l.rstrip()) for l in out.splitlines()) <= 100
    got = tables(out)
    assert got, out
    for title, rows in got.items():
        assert rows, title  # no empty section
        # no column that is empty in every row of a table
        header = [l for l in body(out) if l.startswith(title)][0]
        for name in ["Count", "Avg ms", "Min ms", "Max ms", "Median ms", "95th ms", "First frames"]:
            if "  " + name in header:
                assert any(name in cells for cells in rows.values()), (title, name)
        assert list(rows) == sorted(rows), title  # the GUI's order: sorted by Item
    # tables in their numbered order, as the GUI sorts them
    titles = [t for t in got]
    assert titles == sorted(titles)


@pytest.mark.parametrize("two_pass", [False, True], ids=["one-pass", "two-pass"])
def test_failure_methods_from_hostile_bytes(tshark, two_pass):
    """A failure row names its requests' methods once each, sorted; a method's bytes that are not
    token characters (a crafted CSeq method FF FE "M" ESC "[2J", captures/handmade.md) read "?"."""
    lines = body(run_stat(tshark, "hm-hostile-text", two_pass))
    at = lines.index(FAILURES + "                        Count  First frames")
    assert lines[at + 1:at + 4] == [
        "420 Bad Extension (INVITE)                    1  7",
        "421 Extension Required (??M??2J, INVITE)      3  2, 4, 13",
        "",
    ]


def test_hops_named_by_addresses_ports_when_needed(tshark):
    """hm-other-port: one server answers from another port (its hop keeps the addresses only);
    three hops share 192.0.2.10 -> 198.51.100.1 on different ports: those carry their ports."""
    hops = [h for h in tables(run_stat(tshark, "hm-other-port", True))[HOPS] if " / " not in h]
    assert hops == ["192.0.2.10 -> 203.0.113.5", "192.0.2.10:5060 -> 198.51.100.1:5060",
                    "192.0.2.10:5060 -> 198.51.100.1:5070", "192.0.2.10:5060 -> 198.51.100.1:5099"]
    hops = [h for h in tables(run_stat(tshark, "hm-ipv6", True))[HOPS] if " / " not in h]
    assert hops == ["2001:db8:a::10 -> 2001:db8:b::5"]


def test_filter(tshark):
    out = run_stat(tshark, "hm-proxy-chain", False, "sip.analysis,stat,ip.src == 203.0.113.5")
    assert body(out)[1] == "Filter: ip.src == 203.0.113.5"
    hops = tables(out)[HOPS]
    assert hops["198.51.100.1 -> 203.0.113.5"] == {"Count": "4"}
    assert "192.0.2.10 -> 198.51.100.1" not in hops
    assert tables(out)[TIMERS][DELAY]["Max ms"] == "15.000"


def test_generic_table_name(tshark):
    """The same tables under the name Wireshark gives them, printed by Wireshark's generic printer."""
    out = run_stat(tshark, "hm-timers", True, "sip.analysis,table")
    lines = out.splitlines()
    assert "SIP Analysis:" in lines
    assert "Item |Count |Avg ms |Min ms |Max ms |Median ms |95th ms |First frames |" in lines
    assert "408 Request Timeout |1 |" in lines
    # times are text padded to one width, so that sorting a column in the GUI is numeric order
    assert ("Delay INVITE -> 100 |6 |       301.708 |         5.000 |      1700.250 |        15.000 |"
            "      1700.250 |") in lines


def test_listed_by_z_help(tshark):
    proc = tshark.run(["-z", "help"], check=False)
    names = (proc.stdout + proc.stderr).split()
    assert "sip.analysis,stat" in names and "sip.analysis,table" in names
    assert "sip.analysis,tree" not in names  # no stats_tree any more


def test_bad_argument_is_reported(tshark):
    proc = tshark.run(["-q", "-r", tshark.capture("hm-timers.pcapng"), "-z", "sip.analysis,statistics"], check=False)
    assert 'invalid "-z sip.analysis,stat[,filter]" argument: sip.analysis,statistics' in proc.stderr


def test_thresholds_follow_preferences(tshark):
    prefs = {"sip.analysis.trying_delay_ms": 10, "sip.analysis.trying_duration_ms": 1000}
    got = tables(run_stat(tshark, "hm-timers", False, prefs=prefs))
    # Delays 5, 10, 15, 30, 50, 1700.25 ms: strictly over 10 ms are four, as the expert infos say.
    assert got[FINDINGS]["Late 100 Trying (over 10 ms)"] == {"Count": "4", "First frames": "4, 11, 26, ..."}
    assert got[FINDINGS]["Long on 100 Trying (over 1000 ms)"]["Count"] == "3"
    assert tshark.frames("hm-timers.pcapng", "sip.analysis.trying.late", prefs=prefs)[:3] == [4, 11, 26]


# ---- The same numbers from display filters and the per-packet fields ----

FIELDS = ["ip.src", "ip.dst", "udp.srcport", "udp.dstport", "sip.Status-Code", "sip.CSeq.method",
          "sip.analysis.request_frame", "sip.analysis.retransmission_of", "sip.analysis.class",
          "sip.analysis.trying.delay", "sip.analysis.trying.duration", "sip.analysis.trying.frame",
          "sip.analysis.trying.open", "sip.analysis.ext.missing", "sip.analysis.ext.unsupported",
          "sip.analysis.ext.retry_of", "sip.analysis.ext.retry_fixed", "sip.analysis.response_time",
          "sip.analysis.delay.srd", "sip.analysis.delay.srd_failed", "sip.analysis.delay.sdd",
          "sip.analysis.delay.sdd_failed"]

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
    return tables(out), dict(zip(filters, frames))


def ns(seconds):
    return int(decimal.Decimal(seconds) * 1000000000)


def ms(value_ns):
    return "%.3f" % (value_ns / 1e6)


def times(values_ns):
    """The printed time columns of a series: average, min, max, nearest-rank median and 95th."""
    v = sorted(values_ns)

    def rank(p):
        return v[max(1, -(-len(v) * p // 100)) - 1]
    return {"Avg ms": ms(sum(v) / len(v)), "Min ms": ms(v[0]), "Max ms": ms(v[-1]),
            "Median ms": ms(rank(50)), "95th ms": ms(rank(95))}


def first_frames(frames):
    f = sorted(frames)
    return ", ".join(str(x) for x in f[:3]) + (", ..." if len(f) > 3 else "")


def hop_of(v, response):
    src = (v["ip.src"][0], v["udp.srcport"][0])
    dst = (v["ip.dst"][0], v["udp.dstport"][0])
    a, b = (dst, src) if response else (src, dst)
    return "%s -> %s" % (a[0], b[0]), "ip.src == %s && udp.srcport == %s && ip.dst == %s && udp.dstport == %s" % (
        b + a)


def expert_frames(analysis, abbrev):
    return [f for f, msgs in analysis.items() if any(e[0] == abbrev for m in msgs for e in m["experts"])]


@pytest.mark.parametrize("two_pass", [False, True], ids=["one-pass", "two-pass"])
@pytest.mark.parametrize("capture", CAPTURES)
def test_counts_equal_display_filters(tshark, capture, two_pass):
    """Every Count equals the frames a display filter on the per-packet fields matches (one SIP
    message per frame in these captures), the first frames are the first frames it matches, and
    the times equal those of the fields."""
    fields = tshark.fields(capture + ".pcapng", FIELDS, two_pass=two_pass, dfilter="sip")
    analysis = tshark.analysis(capture + ".pcapng", two_pass=two_pass, dfilter="sip")
    responses = {f: v for f, v in fields.items() if v["sip.Status-Code"] and not v["sip.analysis.retransmission_of"]}
    counted = " && !sip.analysis.retransmission_of"
    hops = sorted({hop_of(v, True) for v in responses.values()})

    # (table, item) -> display filter whose frame count must equal its Count
    want = {}
    printed = tables(run_stat(tshark, capture, two_pass))
    for item in printed.get(CODES, {}):
        code = item.split()[0]
        if code[1:] == "xx":
            want[(CODES, item)] = "sip.analysis.class == %s" % code[0] + counted
        elif item.startswith("Invalid"):
            want[(CODES, item)] = "sip.analysis.class.invalid"
        else:
            want[(CODES, item)] = "sip.Status-Code == %s && sip.analysis.class" % code + counted
    for cls, name in CLASS_NAMES.items():  # the classes that are not printed count nothing
        want[(CODES, name)] = "sip.analysis.class == %d" % cls + counted
    for item in printed.get(FAILURES, {}):
        want[(FAILURES, item)] = "sip.analysis.response.failure && sip.Status-Code == %s" % item.split()[0]
    for item in printed.get(EXT, {}):  # the causes failures give (one Reason per failure here)
        words = item.split()
        if item.startswith("Reason ") and words[2].isdigit():
            want[(EXT, item)] = 'sip.Status-Code >= 300 && sip.analysis.reason.protocol == "%s" && ' \
                'sip.analysis.reason.cause == %s' % (words[1], words[2]) + counted
        elif item.startswith("422 Session Interval Too Small: Min-SE "):
            want[(EXT, item)] = "sip.Status-Code == 422 && sip.analysis.session.min_se == %s" % words[-2] + counted
    never = '_ws.expert.message contains "that no retry with credentials followed"'
    for item in printed.get(CHALLENGES, {}):
        code = "sip.Status-Code == %s && " % item.split()[0]
        if item == LOOP_LIMIT:
            want[(CHALLENGES, item)] = "sip.analysis.auth.loop_limit"
        elif item.endswith(", never retried"):
            want[(CHALLENGES, item)] = code + "sip.analysis.response.challenge_failed && " + never
        elif item.endswith(", challenged again"):
            # a challenge answering a retry with credentials: a challenge, or a failed one once
            # nothing retried it in turn (two passes); it links the series' first challenge
            want[(CHALLENGES, item)] = code + '(sip.analysis.response.challenge || ' \
                'sip.analysis.response.challenge_failed) && sip.analysis.auth.first_challenge && ' \
                '_ws.expert.message contains "challenged again after the retry"'
        elif item.endswith(", retry refused"):
            want[(CHALLENGES, item)] = code + 'sip.analysis.response.challenge_failed && ' \
                '_ws.expert.message contains "was refused"'
        else:
            want[(CHALLENGES, item)] = code + "!sip.analysis.auth.first_challenge && " \
                "(sip.analysis.response.challenge || (sip.analysis.response.challenge_failed && %s))" % never
    want.update({
        (FINDINGS, "Late 100 Trying (over 200 ms)"): "sip.analysis.trying.late",
        (FINDINGS, "Long on 100 Trying (over 3000 ms)"): "sip.analysis.trying.long && sip.analysis.trying.frame",
        (FINDINGS, "No 100 before a late first response"): "sip.analysis.trying.absent",
        (FINDINGS, STUCK): "sip.analysis.trying.stuck",
        (TIMERS, DELAY): "sip.analysis.trying.delay",
        (TIMERS, ON100): "sip.analysis.trying.frame",
        (TIMERS, "Time on 100, ended by 408"): "sip.analysis.trying.frame && sip.Status-Code == 408",
        (TIMERS, "Time on 100, ended by 487 after CANCEL"): "sip.analysis.trying.frame && sip.Status-Code == 487",
        (EXT, "421 Extension Required: no missing tag found"):
            "sip.Status-Code == 421 && sip.analysis.class && !sip.analysis.ext.missing" + counted,
        (EXT, "420 Bad Extension: no Unsupported header"):
            "sip.Status-Code == 420 && sip.analysis.class && !sip.analysis.ext.unsupported" + counted,
        (EXT, "421 Extension Required: not retried"): "sip.analysis.ext.not_retried && sip.Status-Code == 421",
        (EXT, "420 Bad Extension: not retried"): "sip.analysis.ext.not_retried && sip.Status-Code == 420",
    })
    for tag in sorted({t for v in responses.values() for t in v["sip.analysis.ext.missing"]}):
        want[(EXT, "421 Extension Required: missing " + tag)] = 'sip.analysis.ext.missing == "%s"' % tag
    for tag in sorted({t for v in responses.values() for t in v["sip.analysis.ext.unsupported"]}):
        want[(EXT, "420 Bad Extension: unsupported " + tag)] = 'sip.analysis.ext.unsupported == "%s"' % tag
    # RFC 6076 delays and the setup outcome, from the fields of the responses that end them
    delays = {SRD_FAILED: "sip.analysis.delay.srd_failed == 1", SRD_OK: "sip.analysis.delay.srd_failed == 0",
              SDD_FAILED: "sip.analysis.delay.sdd_failed == 1", SDD_OK: "sip.analysis.delay.sdd_failed == 0"}
    for item, f in delays.items():
        want[(DELAYS, item)] = f
    for value, outcome in ((1, "answered"), (2, "failed"), (3, "cancelled")):
        want[(DELAYS, "Setup outcome: " + outcome)] = "sip.analysis.delay.setup == %d" % value
    for name, on_hop in hops:
        on_hop += " && "
        want[(HOPS, name)] = on_hop + "sip.Status-Code && sip.analysis" + counted
        want[(HOPS, name + " / Failures (4xx-6xx)")] = on_hop + "sip.analysis.class >= 4" + counted
        want[(HOPS, name + " / " + DELAY)] = on_hop + "sip.analysis.trying.delay"
        want[(HOPS, name + " / " + ON100)] = on_hop + "sip.analysis.trying.frame"
        for item, f in delays.items():
            want[(HOPS, name + " / " + item)] = on_hop + f

    got, frames = stat_and_filter_counts(tshark, capture, two_pass, sorted(set(want.values())))
    assert got == printed
    two_pass_only = {(FINDINGS, STUCK), (EXT, "421 Extension Required: not retried"),
                     (EXT, "420 Bad Extension: not retried")}
    counts = {}
    for (title, item), f in want.items():
        cells = got.get(title, {}).get(item)
        if cells is None:
            counts[(title, item)] = 0
        elif not two_pass and ((title, item) in two_pass_only or item.endswith("never retried")):
            assert cells == {"First frames": TWO_PASSES}, (title, item)
            counts[(title, item)] = 0  # and so does the filter (compared below)
        else:
            counts[(title, item)] = int(cells["Count"])
    assert counts == {k: frames[f] for k, f in want.items()}
    # every printed row is checked (hop and timer rows with their own checks below)
    unchecked = {(t, i) for t, rows in got.items() for i in rows} - set(want)
    assert unchecked <= {(TIMERS, NO100)} | {(EXT, i) for i in got.get(EXT, {}) if ": retried, " in i}

    # First frames of the summary rows, from the expert infos of the same messages.
    code = {f: v["sip.Status-Code"][0] for f, v in responses.items()}
    expect_frames = {}
    for item in got.get(FAILURES, {}):
        expect_frames[(FAILURES, item)] = [f for f in expert_frames(analysis, "sip.analysis.response.failure")
                                           if code.get(f) == item.split()[0]]
    for abbrev, item in (("sip.analysis.trying.late", "Late 100 Trying (over 200 ms)"),
                         ("sip.analysis.trying.long", "Long on 100 Trying (over 3000 ms)"),
                         ("sip.analysis.trying.absent", "No 100 before a late first response"),
                         ("sip.analysis.trying.stuck", STUCK)):
        if "Count" in got.get(FINDINGS, {}).get(item, {}):
            frames_of = expert_frames(analysis, abbrev)
            if abbrev == "sip.analysis.trying.long":
                frames_of = [f for f in frames_of if fields[f]["sip.analysis.trying.frame"]]
            expect_frames[(FINDINGS, item)] = frames_of
    for (title, item), fr in expect_frames.items():
        assert got[title][item]["First frames"] == first_frames(fr), (title, item)

    # Times of the series, overall and per hop, from the fields.
    delay = {f: ns(v["sip.analysis.trying.delay"][0]) for f, v in fields.items() if v["sip.analysis.trying.delay"]}
    on100 = {f: ns(v["sip.analysis.trying.duration"][0]) for f, v in fields.items()
             if v["sip.analysis.trying.frame"]}

    def rfc6076(name, failed):
        return {f: ns(v["sip.analysis.delay." + name][0]) for f, v in fields.items()
                if v["sip.analysis.delay." + name] and v["sip.analysis.delay.%s_failed" % name] in failed}
    for series, values, table in ((DELAY, delay, TIMERS), (ON100, on100, TIMERS),
                                  (SRD_OK, rfc6076("srd", FIELD_FALSE), DELAYS),
                                  (SRD_FAILED, rfc6076("srd", FIELD_TRUE), DELAYS),
                                  (SDD_OK, rfc6076("sdd", FIELD_FALSE), DELAYS),
                                  (SDD_FAILED, rfc6076("sdd", FIELD_TRUE), DELAYS)):
        if values:
            assert got[table][series] == dict(times(values.values()), Count=str(len(values))), series
        else:
            assert series not in got.get(table, {})
        for name, _ in hops:
            per_hop = [d for f, d in values.items() if hop_of(fields[f], True)[0] == name]
            if per_hop:
                assert got[HOPS][name + " / " + series] == dict(times(per_hop), Count=str(len(per_hop)))

    # First responses without 100, from the request each response answers.
    first = {}
    for f, v in sorted(responses.items()):
        if v["sip.CSeq.method"] == ["INVITE"] and v["sip.analysis.request_frame"]:
            first.setdefault(v["sip.analysis.request_frame"][0], (f, v["sip.Status-Code"][0]))
    no100 = [f for f, c in first.values() if c != "100"]
    if no100:
        assert got[TIMERS][NO100] == dict(times([ns(fields[f]["sip.analysis.response_time"][0]) for f in no100]),
                                          Count=str(len(no100)))
    else:
        assert NO100 not in got.get(TIMERS, {})

    # 420/421 retries, from the retry's own field.
    for origin, what in (("421", "421 Extension Required"), ("420", "420 Bad Extension")):
        retries = [v for v in fields.values() if v["sip.analysis.ext.retry_of"]
                   and fields[int(v["sip.analysis.ext.retry_of"][0])]["sip.Status-Code"] == [origin]]
        for item, values in ((": retried, the retry fixes it", FIELD_TRUE), (": retried, the retry fails again",
                                                                           FIELD_FALSE)):
            n = sum(v["sip.analysis.ext.retry_fixed"] in values for v in retries)
            assert got.get(EXT, {}).get(what + item, {}).get("Count", "0") == str(n)
