#!/usr/bin/env python3
"""Draws the 100-connection cells of a compare.sh run: verified msgs/s and p99 round trip per server.

usage: python3 bench/plot.py COMPARE_OUT_DIR [PNG]   (default PNG: bench/comparison-100-connections.png)

Reads the load console's JSON summaries that compare.sh leaves in its --out directory
(SERVER-echo-c100-sPAYLOAD-oOUTSTANDING-rN[-runK].json). With several runs (--runs) or repeats
(--repeat), each bar is the median of them, as in compare.sh's table. Needs matplotlib
(Debian: apt-get install python3-matplotlib, then run it with /usr/bin/python3).
"""
import glob
import json
import os
import re
import statistics
import sys

import matplotlib

matplotlib.use("Agg")  # no display: write the file only
import matplotlib.pyplot as plt  # noqa: E402

SERVERS = [
    ("actorecho-echo", "ActorEcho echo-tcp"),
    ("actorecho-session", "ActorEcho session-tcp"),
    ("akka-io", "stock Akka.IO"),
    ("plain", "plain socket"),
    ("kestrel", "Kestrel"),
    ("asyncio", "asyncio"),
]
CELLS = [(32, 1), (32, 16), (4096, 1), (4096, 16)]


def medians(out_dir, server, payload, outstanding):
    rates, p99s = [], []
    pattern = os.path.join(out_dir, f"{server}-echo-c100-s{payload}-o{outstanding}-r*.json")
    for path in glob.glob(pattern):
        if not re.search(r"-r\d+(-run\d+)?\.json$", path):
            continue
        try:
            data = json.load(open(path))
        except (OSError, ValueError):
            continue
        if data.get("msgs_per_s"):
            rates.append(data["msgs_per_s"])
            p99s.append(data.get("p99_us") or 0)
    if not rates:
        return None
    return statistics.median(rates), statistics.median(p99s)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    png = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "comparison-100-connections.png")
    found = [(s, t, [medians(out_dir, s, p, o) for p, o in CELLS]) for s, t in SERVERS]
    found = [(s, t, m) for s, t, m in found if any(m)]
    if not found:
        sys.exit(f"no 100-connection results in {out_dir}")

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 7.5), sharex=True)
    width = 0.8 / len(found)
    for i, (_, title, values) in enumerate(found):
        xs = [c + (i - (len(found) - 1) / 2) * width for c in range(len(CELLS))]
        top.bar(xs, [v[0] / 1000 if v else 0 for v in values], width, label=title)
        bottom.bar(xs, [v[1] / 1000 if v else 0 for v in values], width, label=title)
    top.set_ylabel("verified echoes/s (thousands)")
    top.set_title("Echo at 100 connections: throughput (higher is better)")
    top.legend(fontsize=8, ncol=3)
    bottom.set_ylabel("p99 round trip (ms, log scale)")
    bottom.set_yscale("log")
    bottom.set_title("p99 latency (lower is better)")
    bottom.set_xticks(range(len(CELLS)))
    bottom.set_xticklabels([f"{p} B x {o} outstanding" for p, o in CELLS])
    for axis in (top, bottom):
        axis.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    print(png)


if __name__ == "__main__":
    main()
