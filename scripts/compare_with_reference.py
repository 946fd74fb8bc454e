#!/usr/bin/python3
"""Compares a scan's excluded island with a published curve, edge by edge.

Usage: scripts/compare_with_reference.py SCAN_DIR/exclusion.csv data/reference/CURVE.csv
       [--min-mass M] [--max-mass M]

The reference file has columns m_aprime_GeV,epsilon_lower[,epsilon_upper] (comment lines start
with #); it is interpolated linearly in (ln m, ln eps) on each edge separately, only inside its own
mass range. Prints, per scan mass, ours/published for the lower and the upper edge, then the range
of each ratio. docs/validation.md quotes these numbers. Exit status 0 (it measures, it does not judge).
"""
import argparse
import csv
import math
import sys


def reference(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip() or line[0].isalpha():
                continue
            rows.append([float(v) for v in line.strip().split(",")])
    rows.sort(key=lambda r: r[0])
    return rows


def interpolate(rows, m, col):
    if len(rows[0]) <= col or m < rows[0][0] or m > rows[-1][0]:
        return None
    for a, b in zip(rows, rows[1:]):
        if a[0] <= m <= b[0]:
            if b[0] == a[0]:
                return a[col]
            t = math.log(m / a[0]) / math.log(b[0] / a[0])
            return math.exp((1 - t) * math.log(a[col]) + t * math.log(b[col]))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scan")
    ap.add_argument("reference")
    ap.add_argument("--min-mass", type=float, default=0.0)
    ap.add_argument("--max-mass", type=float, default=math.inf)
    a = ap.parse_args()
    ref = reference(a.reference)
    with open(a.scan, newline="") as f:
        scan = list(csv.DictReader(line for line in f if not line.startswith("#")))
    ratios = {1: [], 2: []}
    print(f"{'m_GeV':>10} {'lower':>10} {'published':>10} {'ratio':>6}   {'upper':>10} {'published':>10} {'ratio':>6}")
    for r in scan:
        m = float(r["x"])
        if not (a.min_mass <= m <= a.max_mass) or not r["lower"]:
            continue
        out = [f"{m:10.4g}"]
        for col, key in ((1, "lower"), (2, "upper")):
            p = interpolate(ref, m, col)
            ours = float(r[key]) if r[key] else None
            if p and ours:
                ratios[col].append((ours / p, m))
                out.append(f"{ours:10.3e} {p:10.3e} {ours / p:6.2f}")
            else:
                out.append(f"{'-':>10} {'-':>10} {'-':>6}")
        print("   ".join(out))
    for col, name in ((1, "lower"), (2, "upper")):
        if ratios[col]:
            lo, hi = min(ratios[col]), max(ratios[col])
            print(f"{name} edge: ratio {lo[0]:.2f} (m = {lo[1]:.3g} GeV) to {hi[0]:.2f} "
                  f"(m = {hi[1]:.3g} GeV) over {len(ratios[col])} masses")
        else:
            print(f"{name} edge: no overlap with the published curve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
