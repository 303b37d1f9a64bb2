#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Summarise the runs of tools/bench/run-bench.sh.

    bench_report.py --main N [--runs R] [--strict-flag 0|1] RESULTS.tsv

RESULTS.tsv: one line per timed run, tab-separated:
    calls  packets  mode(one-pass|-2)  config(without|with)  run  wall_s  peak_rss_kib  user_s  sys_s

The targets are judged on the median wall time and median peak RSS.  CPU time (user + sys) and the
fastest wall time are printed beside them, and the ratio of the two runs of each round (taken one
right after the other): on a machine that runs other work they show whether a missed wall-time
target is noise.

Prints the raw runs, the table for the N-call capture (medians, ratios, targets) and, when a
second size was timed, per-call figures for both sizes.  Exit status 1 with --strict-flag 1 when
a target is missed.  Standard library only.
"""

import argparse
import statistics
import sys

TARGETS = {"one-pass": 1.06, "-2": 1.06}  # time: the project budget (issue 19)
MEMORY_TARGET = 1.05  # peak RSS, both modes
MODES = ("one-pass", "-2")


def load(path):
    runs = {}
    packets = {}
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            calls, pk, mode, cfg, rnd, wall, rss, user, sys_ = line.split("\t")
            calls = int(calls)
            packets[calls] = int(pk)
            runs.setdefault((calls, mode, cfg), []).append(
                (float(wall), int(rss), float(user) + float(sys_), int(rnd)))
    return runs, packets


def med(runs, key, i):
    return statistics.median(v[i] for v in runs[key])


def low(runs, key, i):
    return min(v[i] for v in runs[key])


def table(hdr, rows):
    widths = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(hdr))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))


def print_raw(runs):
    print("\nRuns (wall s / peak RSS MiB / CPU s), in the order taken:")
    for (calls, mode, cfg), vals in sorted(runs.items(), key=lambda kv: (-kv[0][0], kv[0][1] != "one-pass", kv[0][2])):
        cells = "  ".join("%.2f/%.1f/%.2f" % (w, r / 1024, c) for w, r, c, _round in vals)
        print("  %6d calls %-8s %-7s  %s" % (calls, mode, cfg, cells))


def spread(runs, key, i=0):
    """(max - min) / median of one configuration's runs."""
    vals = [v[i] for v in runs[key]]
    return (max(vals) - min(vals)) / statistics.median(vals)


def print_main(runs, packets, calls, nruns):
    print("\n%d calls, %d packets, median of %d runs each" % (calls, packets[calls], nruns))
    hdr = ("mode", "time without", "time with", "ratio", "RSS without", "RSS with", "ratio", "target", "met")
    rows = []
    ok_all = True
    for mode in MODES:
        if (calls, mode, "with") not in runs:
            continue
        t0, t1 = med(runs, (calls, mode, "without"), 0), med(runs, (calls, mode, "with"), 0)
        m0, m1 = med(runs, (calls, mode, "without"), 1), med(runs, (calls, mode, "with"), 1)
        rt, rm = t1 / t0, m1 / m0
        lim = TARGETS[mode]
        ok = rt <= lim and rm <= MEMORY_TARGET
        ok_all = ok_all and ok
        why = "yes" if ok else "NO (%s)" % ", ".join(
            x for x, bad in (("time", rt > lim), ("memory", rm > MEMORY_TARGET)) if bad)
        noise = max(spread(runs, (calls, mode, "without")), spread(runs, (calls, mode, "with")))
        if noise > lim - 1:
            # the runs of one configuration differ by more than the margin being judged
            why += "; time unreliable: runs spread %.0f %%" % (100 * noise)
        rows.append((mode, "%.2f s" % t0, "%.2f s" % t1, "%.3f" % rt,
                     "%.1f MiB" % (m0 / 1024), "%.1f MiB" % (m1 / 1024), "%.3f" % rm,
                     "<= %.2fx time, %.2fx memory" % (lim, MEMORY_TARGET), why))
    table(hdr, rows)
    print("\nBeside it: median CPU time (user + sys) and fastest wall time")
    rows = []
    for mode in MODES:
        if (calls, mode, "with") not in runs:
            continue
        c0, c1 = med(runs, (calls, mode, "without"), 2), med(runs, (calls, mode, "with"), 2)
        l0, l1 = low(runs, (calls, mode, "without"), 0), low(runs, (calls, mode, "with"), 0)
        rows.append((mode, "%.2f s" % c0, "%.2f s" % c1, "%.3f" % (c1 / c0),
                     "%.2f s" % l0, "%.2f s" % l1, "%.3f" % (l1 / l0)))
    table(("mode", "CPU without", "CPU with", "ratio", "min wall without", "min wall with", "ratio"), rows)
    return ok_all


def paired_ratios(runs, calls, mode, i):
    """with / without of each round: the two runs of a round are taken one right after the other,
    so a slow spell of the machine that lasts longer than a run slows both."""
    without = {v[3]: v[i] for v in runs[(calls, mode, "without")]}
    return sorted(v[i] / without[v[3]] for v in runs[(calls, mode, "with")] if v[3] in without)


def quartiles(vals):
    if len(vals) < 4:
        return min(vals), max(vals)
    q = statistics.quantiles(vals, n=4)
    return q[0], q[2]


def print_paired(runs, calls):
    print("\nRound by round: with / without of the two runs of each round (adjacent in time)")
    rows = []
    for mode in MODES:
        if (calls, mode, "with") not in runs:
            continue
        wall, cpu = paired_ratios(runs, calls, mode, 0), paired_ratios(runs, calls, mode, 2)
        cells = [mode]
        for r in (wall, cpu):
            lo, hi = quartiles(r)
            cells += ["%.3f" % statistics.median(r), "%.3f-%.3f" % (lo, hi)]
        cells.append(" ".join("%.3f" % x for x in wall))
        rows.append(tuple(cells))
    table(("mode", "wall: median", "wall: quartiles", "CPU: median", "CPU: quartiles",
           "wall ratios, sorted"), rows)


def print_linear(runs, packets, big, small):
    print("\nPer call: %d vs %d calls (medians; 'plugin' = with minus without)" % (small, big))
    hdr = ("mode", "calls", "packets", "time without", "time with", "plugin time",
           "plugin us/call", "RSS without", "RSS with", "plugin RSS", "plugin B/call",
           "plugin CPU us/call")
    rows = []
    extra = {}
    for mode in MODES:
        for calls in (small, big):
            t0, t1 = med(runs, (calls, mode, "without"), 0), med(runs, (calls, mode, "with"), 0)
            m0, m1 = med(runs, (calls, mode, "without"), 1), med(runs, (calls, mode, "with"), 1)
            c0, c1 = med(runs, (calls, mode, "without"), 2), med(runs, (calls, mode, "with"), 2)
            extra[(mode, calls)] = (t0, t1, m0, m1)
            rows.append((mode, calls, packets[calls], "%.2f s" % t0, "%.2f s" % t1,
                         "%+.2f s" % (t1 - t0), "%+.1f" % ((t1 - t0) * 1e6 / calls),
                         "%.1f MiB" % (m0 / 1024), "%.1f MiB" % (m1 / 1024),
                         "%+.1f MiB" % ((m1 - m0) / 1024), "%+.0f" % ((m1 - m0) * 1024 / calls),
                         "%+.1f" % ((c1 - c0) * 1e6 / calls)))
    table(hdr, rows)
    d = big - small
    print("\nMarginal cost of the extra %d calls (%d packets), from %d to %d calls:"
          % (d, packets[big] - packets[small], small, big))
    for mode in MODES:
        t0s, t1s, m0s, m1s = extra[(mode, small)]
        t0b, t1b, m0b, m1b = extra[(mode, big)]
        print("  %-8s time: without %.1f us/call, with %.1f us/call (plugin %+.1f us/call); "
              "RSS: without %.0f B/call, with %.0f B/call (plugin %+.0f B/call); "
              "size x%.1f -> time without x%.2f, with x%.2f"
              % (mode, (t0b - t0s) * 1e6 / d, (t1b - t1s) * 1e6 / d,
                 ((t1b - t1s) - (t0b - t0s)) * 1e6 / d,
                 (m0b - m0s) * 1024 / d, (m1b - m1s) * 1024 / d,
                 ((m1b - m1s) - (m0b - m0s)) * 1024 / d,
                 big / small, t0b / t0s, t1b / t1s))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--main", type=int, required=True)
    ap.add_argument("--runs", type=int, default=0)
    ap.add_argument("--strict-flag", type=int, default=0)
    ap.add_argument("results")
    a = ap.parse_args()
    runs, packets = load(a.results)
    print_raw(runs)
    ok = print_main(runs, packets, a.main, a.runs)
    print_paired(runs, a.main)
    others = sorted({c for c, _m, _k in runs} - {a.main})
    for small in others:
        big, sm = max(a.main, small), min(a.main, small)
        print_linear(runs, packets, big, sm)
    print("\ntargets: time <= 1.06x (one pass and -2), peak memory <= %.2fx: %s"
          % (MEMORY_TARGET, "met" if ok else "MISSED"))
    if a.strict_flag and not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
