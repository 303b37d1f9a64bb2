#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Summarise two callgrind profiles of tshark: with the plugin and without it.

    callgrind_summary.py [--object sip_analysis.so] [--top N]
                         [--base BASE_WITH.callgrind BASE_WITHOUT.callgrind --packets N]
                         WITH.callgrind WITHOUT.callgrind

--base: profiles of the same two configurations on a tiny capture (their fixed cost: start-up,
registration); with --packets (how many more packets the main capture has) the totals are also
given per packet without that fixed cost, which is what the ratio tends to on a large capture.

Prints, in Markdown:
  * total instructions (Ir) of both runs, their difference and ratio;
  * the instructions executed inside the plugin's shared object (self cost) and the inclusive
    cost of the plugin's entry points (functions of the object called from outside it, e.g. the
    postdissector dissect_sip_analysis), each as a share of the run's total;
  * the plugin's top functions by self cost (with inclusive cost);
  * what the plugin calls outside its object (Wireshark, GLib, libc), by inclusive cost;
  * the functions whose self cost grew most from the run without the plugin to the run with it.

Reads the callgrind format directly (name compression, relative positions, call lines), so the
per-object figures do not depend on callgrind_annotate's text layout.  Standard library only.
"""

import argparse
import os
import re
import sys
from collections import defaultdict

_NAME = re.compile(r"^\((\d+)\)(?: (.*))?$")


class Profile:
    def __init__(self, path):
        self.path = path
        self.total = 0
        self.self_cost = defaultdict(int)          # (ob, fn) -> Ir
        self.calls = defaultdict(int)              # ((ob, fn), (cob, cfn)) -> inclusive Ir
        self.call_count = defaultdict(int)
        self.files = {}                            # (ob, fn) -> first file seen
        self._parse()

    def _parse(self):
        names = {"ob": {}, "fl": {}, "fn": {}}
        table_of = {"ob": "ob", "cob": "ob", "fl": "fl", "fi": "fl", "fe": "fl", "cfi": "fl",
                    "cfl": "fl", "fn": "fn", "cfn": "fn"}
        ob = fl = fn = ""
        call_ob = call_fn = None       # target of the next calls= line; cob= absent: caller's ob
        pending = None                 # (target, count) until the call's cost line
        ci = 0                         # index of Ir among the events

        def resolve(kind, val):
            m = _NAME.match(val)
            if not m:
                return val
            table = names[table_of[kind]]
            if m.group(2) is not None:
                table[m.group(1)] = m.group(2)
                return m.group(2)
            return table.get(m.group(1), "?")

        with open(self.path, errors="replace") as f:
            for line in f:
                c = line[:1]
                if not c or c == "\n" or c == "#":
                    continue
                if c.isdigit() or c in "+-*":
                    costs = line.split()[1:]
                    v = int(costs[ci]) if len(costs) > ci else 0
                    key = (ob, fn)
                    if pending:
                        self.calls[(key, pending[0])] += v
                        self.call_count[(key, pending[0])] += pending[1]
                        pending = None
                    else:
                        self.self_cost[key] += v
                    continue
                if line.startswith("events:"):
                    ev = line.split()[1:]
                    ci = ev.index("Ir") if "Ir" in ev else 0
                    continue
                if line.startswith(("summary:", "totals:")):
                    vals = line.split()[1:]
                    if len(vals) > ci:
                        self.total = max(self.total, int(vals[ci]))
                    continue
                k, eq, val = line.rstrip("\n").partition("=")
                if not eq or k not in table_of and k != "calls":
                    continue
                if k == "ob":
                    ob = resolve(k, val)
                elif k == "fl":
                    fl = resolve(k, val)
                elif k in ("fi", "fe", "cfi", "cfl"):
                    resolve(k, val)            # inlined code: the cost stays with fn
                elif k == "fn":
                    fn = resolve(k, val)
                    self.files.setdefault((ob, fn), fl)
                elif k == "cob":
                    call_ob = resolve(k, val)
                elif k == "cfn":
                    call_fn = resolve(k, val)
                elif k == "calls":
                    target = (call_ob if call_ob is not None else ob, call_fn if call_fn is not None else "?")
                    pending = (target, int(val.split()[0]))
                    call_ob = call_fn = None
        if not self.total:
            self.total = sum(self.self_cost.values())

    def inclusive(self, key):
        return self.self_cost.get(key, 0) + sum(
            v for (src, dst), v in self.calls.items() if src == key and dst != key)


def short(ob):
    return os.path.basename(ob) if ob else "?"


def pct(a, b):
    return "%.2f %%" % (100.0 * a / b) if b else "-"


def fmt(n):
    return "{:,}".format(n)


def table(hdr, rows):
    print("| " + " | ".join(hdr) + " |")
    print("|" + "|".join("---" for _ in hdr) + "|")
    for r in rows:
        print("| " + " | ".join(str(c) for c in r) + " |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--object", default="sip_analysis.so")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--base", nargs=2, metavar=("BASE_WITH", "BASE_WITHOUT"))
    ap.add_argument("--packets", type=int, default=0)
    ap.add_argument("with_profile")
    ap.add_argument("without_profile")
    a = ap.parse_args()
    w = Profile(a.with_profile)
    wo = Profile(a.without_profile)
    is_plugin = lambda ob: ob.endswith(a.object)

    print("### Totals\n")
    table(("run", "instructions (Ir)"), [
        ("without the plugin (-Y sip)", fmt(wo.total)),
        ("with the plugin (-Y sip.analysis)", fmt(w.total)),
        ("difference", "%s (%+.2f %% of the run without)" % (fmt(w.total - wo.total),
                                                            100.0 * (w.total - wo.total) / wo.total)),
    ])
    if a.base:
        bw, bwo = Profile(a.base[0]), Profile(a.base[1])
        print("\nFixed cost (same runs on a 1-call capture): without %s, with %s (%+.2f %%)."
              % (fmt(bwo.total), fmt(bw.total), 100.0 * (bw.total - bwo.total) / bwo.total))
        if a.packets:
            pw = (w.total - bw.total) / a.packets
            pwo = (wo.total - bwo.total) / a.packets
            print("Per packet, fixed cost left out (%s packets): without %s Ir, with %s Ir, "
                  "ratio %.3f (the plugin: %+.0f Ir per packet)."
                  % (fmt(a.packets), fmt(int(round(pwo))), fmt(int(round(pw))), pw / pwo if pwo else 0, pw - pwo))

    plugin_self = sum(v for (ob, _fn), v in w.self_cost.items() if is_plugin(ob))
    entries = defaultdict(int)
    for (src, dst), v in w.calls.items():
        if is_plugin(dst[0]) and not is_plugin(src[0]):
            entries[dst] += v
    out_calls = defaultdict(int)
    out_counts = defaultdict(int)
    for (src, dst), v in w.calls.items():
        if is_plugin(src[0]) and not is_plugin(dst[0]):
            out_calls[dst] += v
            out_counts[dst] += w.call_count[(src, dst)]
    print("\n### The plugin's share of the run with it\n")
    rows = [("self cost inside %s" % a.object, fmt(plugin_self), pct(plugin_self, w.total))]
    for key, v in sorted(entries.items(), key=lambda kv: -kv[1])[:6]:
        rows.append(("inclusive cost of calls into %s (entry point)" % key[1], fmt(v), pct(v, w.total)))
    rows.append(("calls from the plugin to other objects (inclusive)", fmt(sum(out_calls.values())),
                 pct(sum(out_calls.values()), w.total)))
    table(("what", "Ir", "share of all"), rows)

    print("\n### Top plugin functions by self cost (inlined callees included)\n")
    funcs = sorted(((k, v) for k, v in w.self_cost.items() if is_plugin(k[0])), key=lambda kv: -kv[1])
    rows = []
    for (ob, fn), v in funcs[:a.top]:
        rows.append((fn, os.path.relpath(w.files.get((ob, fn), "?"), os.getcwd())
                     if w.files.get((ob, fn), "?").startswith("/") else w.files.get((ob, fn), "?"),
                     fmt(v), pct(v, plugin_self), fmt(w.inclusive((ob, fn))), pct(w.inclusive((ob, fn)), w.total)))
    table(("function", "file", "self Ir", "of plugin self", "inclusive Ir", "inclusive of all"), rows)

    print("\n### What the plugin calls outside its object (inclusive)\n")
    rows = []
    for (ob, fn), v in sorted(out_calls.items(), key=lambda kv: -kv[1])[:a.top]:
        rows.append((fn, short(ob), fmt(out_counts[(ob, fn)]), fmt(v), pct(v, w.total)))
    table(("callee", "object", "calls", "inclusive Ir", "of all"), rows)

    print("\n### Functions whose self cost grew most with the plugin\n")
    by_name_w = defaultdict(int)
    by_name_wo = defaultdict(int)
    for (ob, fn), v in w.self_cost.items():
        by_name_w[(short(ob), fn)] += v
    for (ob, fn), v in wo.self_cost.items():
        by_name_wo[(short(ob), fn)] += v
    grew = sorted(((k, by_name_w[k] - by_name_wo.get(k, 0)) for k in by_name_w), key=lambda kv: -kv[1])
    rows = [(fn, ob, fmt(by_name_wo.get((ob, fn), 0)), fmt(by_name_w[(ob, fn)]), fmt(d))
            for (ob, fn), d in grew[:a.top] if d > 0]
    table(("function", "object", "self Ir without", "self Ir with", "growth"), rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
