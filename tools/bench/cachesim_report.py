#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Compare cachegrind runs of tshark with and without the plugin: instructions, cache misses and an
estimate of cycles, per packet, the fixed (start-up) cost left out.

    cachesim_report.py --packets P --base-packets B --target T \\
        BASE_WITHOUT BASE_WITH WITHOUT WITH

Each argument after the options is a cachegrind output file (its "events:" and "summary:"
lines are read). BASE_* ran on a small capture of B packets and give each configuration's fixed
cost; WITHOUT and WITH ran on the benchmark capture of P packets.

The estimate weighs each first-level miss (instruction or data) as 10 cycles and each last-level
miss as 100, on top of one cycle per instruction: the weighting kcachegrind calls "cycle
estimation" and the cachegrind manual's rule of thumb. It is a model (no out-of-order overlap,
no prefetchers), but unlike wall time on a shared VM it is exactly reproducible, and unlike
instruction counts it charges for code and data that do not stay in the caches.
Standard library only.
"""

import argparse

L1_WEIGHT = 10
LL_WEIGHT = 100


def load(path):
    events = summary = None
    with open(path) as f:
        for line in f:
            if line.startswith("events:"):
                events = line.split()[1:]
            elif line.startswith("summary:"):
                summary = [int(x) for x in line.split()[1:]]
    if not events or not summary or len(events) != len(summary):
        raise SystemExit(f"cachesim_report.py: no events/summary in {path}")
    return dict(zip(events, summary))


def derived(c):
    l1 = c["I1mr"] + c["D1mr"] + c["D1mw"]
    ll = c["ILmr"] + c["DLmr"] + c["DLmw"]
    return {
        "instructions": c["Ir"],
        "I1 misses (code)": c["I1mr"],
        "D1 misses (data)": c["D1mr"] + c["D1mw"],
        "LL misses": ll,
        "estimated cycles": c["Ir"] + L1_WEIGHT * l1 + LL_WEIGHT * ll,
    }


def per_packet(run, base, packets, base_packets):
    return {k: (run[k] - base[k]) / (packets - base_packets) for k in run}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--packets", type=int, required=True)
    ap.add_argument("--base-packets", type=int, required=True)
    ap.add_argument("--target", type=float, required=True)
    ap.add_argument("files", nargs=4)
    a = ap.parse_args()
    base_wo, base_wi, wo, wi = (derived(load(f)) for f in a.files)
    pw = per_packet(wo, base_wo, a.packets, a.base_packets)
    pi = per_packet(wi, base_wi, a.packets, a.base_packets)
    rows = []
    for k in pw:
        ratio = pi[k] / pw[k] if pw[k] else float("nan")
        rows.append((k, f"{pw[k]:,.1f}", f"{pi[k]:,.1f}", f"{pi[k] - pw[k]:+,.1f}", f"{ratio:.3f}"))
    hdr = ("per packet, fixed cost left out", "without", "with", "difference", "ratio")
    widths = [max(len(r[i]) for r in rows + [hdr]) for i in range(len(hdr))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(hdr))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    est = pi["estimated cycles"] / pw["estimated cycles"]
    share = {
        "instructions": pi["instructions"] - pw["instructions"],
        "first-level misses": L1_WEIGHT * (pi["I1 misses (code)"] + pi["D1 misses (data)"]
                                           - pw["I1 misses (code)"] - pw["D1 misses (data)"]),
        "last-level misses": LL_WEIGHT * (pi["LL misses"] - pw["LL misses"]),
    }
    total = sum(share.values())
    print()
    print("estimated cycles added per packet: " + ", ".join(
        f"{k} {v:+,.0f} ({100 * v / total:.0f} %)" for k, v in share.items()) if total else
        "estimated cycles added per packet: none")
    verdict = "met" if est <= a.target else "MISSED"
    print(f"estimated time ratio {est:.3f} (target <= {a.target:.2f}): {verdict}")


if __name__ == "__main__":
    main()
