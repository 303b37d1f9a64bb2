#!/usr/bin/env python3
"""Frame tables of captures, made by tshark, as Markdown.

    python3 captures/record/frame_tables.py FILE.pcapng...
        print one table per file
    python3 captures/record/frame_tables.py --update captures/README.md
        rewrite every block between
            <!-- frame-table: rec-NAME.pcapng -->
            <!-- /frame-table -->
        with the table of captures/rec-NAME.pcapng (path relative to the
        README), leaving everything else as it is.

Columns: frame number, frame.time_relative in microseconds (rounded),
source port -> destination port, transport (UDP/TCP), tshark's Info column.
"""

import os
import re
import subprocess
import sys

FIELDS = [
    "frame.number",
    "frame.time_relative",
    "udp.srcport",
    "udp.dstport",
    "tcp.srcport",
    "tcp.dstport",
    "_ws.col.Info",
]

BLOCK = re.compile(
    r"(<!-- frame-table: (?P<name>[^ ]+) -->\n)(?P<body>.*?)(<!-- /frame-table -->)",
    re.S,
)


def md_cell(text):
    text = text.strip()
    # tshark's SIP Info ends with " | " (its separator between messages)
    text = re.sub(r"\s*\|\s*$", "", text)
    text = text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return text


def rows(path):
    cmd = ["tshark", "-n", "-r", path, "-T", "fields",
           "-E", "separator=/t", "-E", "occurrence=f", "-E", "quote=n"]
    for f in FIELDS:
        cmd += ["-e", f]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        num, rel, usrc, udst, tsrc, tdst, info = (line.split("\t") + [""] * 7)[:7]
        if usrc:
            proto, src, dst = "UDP", usrc, udst
        elif tsrc:
            proto, src, dst = "TCP", tsrc, tdst
        else:
            proto, src, dst = "-", "", ""
        usec = round(float(rel) * 1e6)
        yield num, usec, src, dst, proto, info


def table(path):
    lines = [
        "| # | t (µs) | ports | transport | Info |",
        "|--:|--:|---|---|---|",
    ]
    n = 0
    for num, usec, src, dst, proto, info in rows(path):
        n += 1
        lines.append(f"| {num} | {usec} | {src} → {dst} | {proto} | {md_cell(info)} |")
    size = os.path.getsize(path)
    lines.append("")
    lines.append(f"{n} frames, {size} bytes.")
    return "\n".join(lines) + "\n"


def update(readme):
    base = os.path.dirname(os.path.abspath(readme))
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    names = sorted({m.group("name") for m in BLOCK.finditer(text)})
    present = [n for n in names if os.path.exists(os.path.join(base, n))]
    missing = [n for n in names if n not in present]
    # one tshark after the other (~1.5 s each, mostly start-up; running them
    # side by side was slower here)
    tables = {n: table(os.path.join(base, n)) for n in present}

    def repl(m):
        name = m.group("name")
        if name not in tables:
            return m.group(0)
        return m.group(1) + "\n" + tables[name] + "\n" + m.group(4)

    new = BLOCK.sub(repl, text)
    if new != text:
        with open(readme, "w", encoding="utf-8") as f:
            f.write(new)
    for name in missing:
        print(f"frame_tables: {name} not found, its table left as it was", file=sys.stderr)


def main(argv):
    if len(argv) == 2 and argv[0] == "--update":
        update(argv[1])
        return 0
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    for path in argv:
        print(f"### {os.path.basename(path)}\n")
        print(table(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
