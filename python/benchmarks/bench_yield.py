"""Benchmark: YieldModel.events over 1e6 epsilon values from Python against the same loop in C++
(python/benchmarks/yield_loop.cpp: yield_model::events per value, results stored into an
(n, regions) buffer, as the binding does). Best of `repeats` for both.

Usage: PYTHONPATH=build/release/python /usr/bin/python3 python/benchmarks/bench_yield.py \
           [build/release/python/semivisible_python_yield_loop] [n=1000000] [repeats=7]
"""
import json
import subprocess
import sys
import threading
import time

import numpy as np

import semivisible as sv

exe = sys.argv[1] if len(sys.argv) > 1 else "build/release/python/semivisible_python_yield_loop"
n = int(float(sys.argv[2])) if len(sys.argv) > 2 else 1_000_000
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 7

y = sv.yield_model(sv.benchmark(0.3, 1e-3), "na64-2016-2018")
eps = np.exp(np.log(1e-5) + np.arange(n) * ((np.log(1e-2) - np.log(1e-5)) / (n - 1)))
best = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    events = y.events(eps)
    best = min(best, time.perf_counter() - t0)
# Two calls one after the other against two threads (the GIL is released inside events()).
sequential = threaded = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    y.events(eps), y.events(eps)
    sequential = min(sequential, time.perf_counter() - t0)
    workers = [threading.Thread(target=y.events, args=(eps,)) for _ in range(2)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    threaded = min(threaded, time.perf_counter() - t0)
cpp = json.loads(subprocess.run([exe, str(n), "0.3", "0", str(repeats)], capture_output=True,
                                text=True, check=True).stdout)
print(json.dumps({
    "n": n, "python_seconds": best, "python_ns_per_epsilon": 1e9 * best / n,
    "cpp_seconds": cpp["seconds"], "cpp_ns_per_epsilon": cpp["ns_per_epsilon"],
    "ratio_python_over_cpp": best / cpp["seconds"],
    "two_calls_sequential_seconds": sequential, "two_calls_two_threads_seconds": threaded,
    "checksum_relative_difference": abs(events.sum() - cpp["checksum"]) / cpp["checksum"]},
    indent=2))
