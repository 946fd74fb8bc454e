"""Benchmark: a 200-point (m_A', epsilon) scan of NA64 2016-2018 at the benchmark from Python
(sv.scan, all cores) against the CLI's `semivisible scan --points 200` (wall time of the whole
process: start-up, experiment loading, the scan, the output files). Best of `repeats`.

Usage: PYTHONPATH=build/release/python /usr/bin/python3 python/benchmarks/bench_scan.py \
           [build/release/examples/cli/semivisible] [points=200] [repeats=5]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import semivisible as sv

exe = sys.argv[1] if len(sys.argv) > 1 else "build/release/examples/cli/semivisible"
points = int(sys.argv[2]) if len(sys.argv) > 2 else 200
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5

python_best = cli_best = float("inf")
with tempfile.TemporaryDirectory() as tmp:
    for k in range(repeats):  # interleaved, so that a load change hits both
        t0 = time.perf_counter()
        s = sv.scan(plane="maprime-epsilon", experiment="na64-2016-2018", points=points)
        python_best = min(python_best, time.perf_counter() - t0)
        out = os.path.join(tmp, f"scan{k}")
        t0 = time.perf_counter()
        subprocess.run([exe, "scan", "--plane", "maprime-epsilon", "--points", str(points),
                        "--out", out], check=True, capture_output=True)
        cli_best = min(cli_best, time.perf_counter() - t0)
    with open(os.path.join(out, "exclusion.json"), encoding="utf-8") as f:
        rows = json.load(f)["rows"]
same = len(rows) == len(s) and all(
    r["x"] == x and (r["lower"] is None or r["lower"] == lo) for r, x, lo in zip(rows, s.x, s.lower))
print(json.dumps({"points": points, "rows": len(s), "python_seconds": python_best,
                  "cli_seconds": cli_best, "ratio_python_over_cli": python_best / cli_best,
                  "same_rows": same}, indent=2))
