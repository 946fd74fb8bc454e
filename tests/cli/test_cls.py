"""`semivisible cls`: JSON keys of docs/cli.md, textbook values, method echo,
reproducible toys, the pyhf workspace, and bad input."""
import json
import math
import os
import subprocess
import tempfile
import time

from clitest import EXE, run, run_json, check, check_close, bad_input, finish

KEYS = ["mu_upper", "signal_upper", "expected_median", "expected_minus1", "expected_plus1",
        "expected_minus2", "expected_plus2", "method", "cl"]
NA64 = ["--observed", "0,0", "--background", "0.19,0.53", "--background-uncertainty",
        "0.07,0.17", "--signal", "0.3,0.7"]

# Contract keys, exact method: n = 0 → 2.303 events whatever the background (root tol 1e-12).
for method in ["exact", "asymptotic"]:
    r = run_json("cls", *NA64, "--method", method)
    for k in KEYS:
        check(k in r, f"cls --method {method}: key {k} missing")
    check(r.get("method") == method, f"method echo: {r.get('method')}")
    check(r.get("cl") == 0.9, f"cl echo: {r.get('cl')}")
    if method == "exact":
        check_close(r.get("signal_upper"), math.log(10), 1e-9, "exact n=0 signal_upper")
    band = [r.get(k) for k in ["expected_minus2", "expected_minus1", "expected_median",
                               "expected_plus1", "expected_plus2"]]
    check(all(b is not None for b in band) and band == sorted(band), f"{method} band ordered: {band}")

# signal_upper = mu_upper × Σ signal; μ_up scales inversely with the signal (root tol 1e-12).
r = run_json("cls", "--observed", "1", "--background", "0", "--signal", "2", "--cl", "0.9")
check_close(r.get("mu_upper"), 3.88972 / 2, 1e-5, "n=1 b=0: mu_upper = 3.890/2")
check_close(r.get("signal_upper"), 3.88972, 1e-5, "n=1 b=0: signal_upper = 3.890")

# 95 % CL, n = 0: −ln 0.05 events.
r = run_json("cls", "--observed", "0", "--background", "1.2", "--signal", "1", "--cl", "0.95")
check_close(r.get("signal_upper"), -math.log(0.05), 1e-9, "95% CL n=0")
check(r.get("cl") == 0.95, "cl echo 0.95")

# Toys: the same seed gives the same answer.
toy = ["cls", *NA64, "--method", "toys", "--toys", "200", "--seed", "7", "--no-expected"]
a, b = run_json(*toy), run_json(*toy)
check(a.get("mu_upper") == b.get("mu_upper") and a.get("mu_upper") is not None,
      f"toys reproducible: {a.get('mu_upper')} vs {b.get('mu_upper')}")
check(a.get("method") == "toys", "toys method echo")

# Text and CSV output.
code, out, err = run("cls", *NA64)
check(code == 0 and "mu_upper" in out, f"text output: {code} {err}")
code, out, err = run("cls", *NA64, "--format", "csv")
check(code == 0 and out.splitlines()[0].startswith("mu_upper,signal_upper"), "csv header")

# pyhf workspace.
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "ws.json")
    run_json("cls", *NA64, "--signal-uncertainty", "0.2", "--pyhf", path)
    with open(path) as f:
        ws = json.load(f)
    check(set(ws) >= {"channels", "observations", "measurements", "version"}, "pyhf keys")
    check(len(ws["channels"]) == 2, "pyhf: one channel per bin")
    check(ws["measurements"][0]["config"]["poi"] == "mu", "pyhf poi")

# Bad input: non-zero exit, message naming the option and the value.
bad_input(["cls", "--observed", "0,-1", "--background", "0.1,0.2", "--signal", "1,1"],
          ["--observed", "-1"])
bad_input(["cls", "--observed", "0.5", "--background", "0.1", "--signal", "1"], ["--observed", "0.5"])
bad_input(["cls", "--observed", "0", "--background", "-0.1", "--signal", "1"], ["--background", "-0.1"])
bad_input(["cls", "--observed", "0,0", "--background", "0.1", "--signal", "1,1"], ["--background", "1"])
bad_input(["cls", "--observed", "0,0", "--background", "0.1,0.2", "--signal", "0,0"], ["--signal", "0,0"])
bad_input(["cls", "--observed", "0", "--background", "0.1", "--signal", "1", "--cl", "1.5"], ["--cl", "1.5"])
bad_input(["cls", "--observed", "0", "--background", "nan", "--signal", "1"], ["--background", "nan"])
bad_input(["cls", "--observed", "0", "--background", "0.1", "--signal", "1", "--method", "bayes"],
          ["--method", "bayes"])
bad_input(["cls", "--observed", "0", "--background", "0.1", "--signal", "1", "--toys", "0"], ["--toys", "0"])
bad_input(["cls", "--background", "0.1", "--signal", "1"], ["--observed"])

# ---- hostile-input probe: wrong answers, hangs, messages (regressions) ----------------------
HANG_GUARD = 120.0  # seconds: far above the ≈ 2 s work budget (docs/statistics.md §7); a hang


def timed(*args):
    """Runs the CLI under a hang guard; prints the wall time (measured, not asserted: the time
    guarantee is a deterministic work budget, benchmarked in BM_cls_hostile_input); returns
    (code, out, err)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([EXE, *map(str, args)], capture_output=True, text=True,
                           timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        check(False, f"{args}: no answer within {HANG_GUARD} s (hang)")
        return None, "", ""
    seconds = time.monotonic() - t0
    print(f"  {seconds:6.2f} s  {' '.join(map(str, args))[:110]}")
    return p.returncode, p.stdout, p.stderr


def timed_json(*args):
    code, out, err = timed(*args, "--format", "json")
    check(code == 0, f"{args}: exit {code}: {err.strip()}")
    return (json.loads(out) if code == 0 else {}), err


LN10 = math.log(10)

# 0 observed: 2.303 events for any background — it was 8e-24 with status ok at b = 1e300.
r, err = timed_json("cls", "--observed", "0,0", "--background", "1e300,0.53", "--signal", "0.3,0.7")
check_close(r.get("mu_upper"), LN10, 1e-9, "b = 1e300, n = 0: mu_upper")
check(r.get("method") == "exact", f"b = 1e300: method {r.get('method')}")
# The band cannot be had exactly (1e300 counts) nor resolved asymptotically: a failing status.
check(r.get("band_method") == "asymptotic", f"b = 1e300: band_method {r.get('band_method')}")
check(r.get("status") == "numerical_error", f"b = 1e300: status {r.get('status')}")
check("warning" in err, f"b = 1e300: a warning on stderr: {err!r}")

# Large counts: the exact sums are beyond the budget, the asymptotic method answers (and says so).
r, err = timed_json("cls", "--observed", "1000000,0", "--background", "0.19,0.53",
                    "--signal", "0.3,0.7")
check(r.get("method") == "asymptotic", f"n = 1e6: method {r.get('method')}")
check(r.get("status") == "ok", f"n = 1e6: status {r.get('status')}")
check("asymptotic" in err and "warning" in err, f"n = 1e6: warning on stderr: {err!r}")
# μ̂ = n1 − 0.19/0.3 with σ_μ = √n1 = 1000; the 90 % CL limit ≈ μ̂ + 1.28 σ_μ (±100).
mu = r.get("mu_upper") or 0
check(abs(mu - (1e6 - 0.19 / 0.3 + 1281.6)) < 100, f"n = 1e6: mu_upper {mu}")
r, err = timed_json("cls", "--observed", "100000,0", "--background", "0.19,0.53",
                    "--signal", "0.3,0.7", "--no-expected")
check(r.get("method") == "asymptotic", f"n = 1e5: method {r.get('method')}")

# A broad background prior (σ/b = 5.3): the exact band now fits the budget.
r, err = timed_json("cls", "--observed", "0", "--background", "0.19",
                    "--background-uncertainty", "1", "--signal", "1")
check_close(r.get("mu_upper"), LN10, 1e-9, "b = 0.19 +- 1: mu_upper")
check(r.get("band_method") == "exact", f"b = 0.19 +- 1: band_method {r.get('band_method')}")
band = [r.get(k) for k in ["expected_minus2", "expected_minus1", "expected_median",
                           "expected_plus1", "expected_plus2"]]
check(all(b is not None for b in band) and band == sorted(band), f"b = 0.19 +- 1: band {band}")

# Eight and ten bins: the exact band grows exponentially; the band is asymptotic beyond the
# budget, the observed limit stays exact.
for bins in (8, 10):
    zeros = ",".join(["0"] * bins)
    backgrounds = ",".join(f"{0.19 + 0.08 * i:g}" for i in range(bins))
    ones = ",".join(["1"] * bins)
    r, err = timed_json("cls", "--observed", zeros, "--background", backgrounds, "--signal", ones)
    check_close(r.get("signal_upper"), LN10, 1e-9, f"{bins} bins: signal_upper")
    check(r.get("method") == "exact", f"{bins} bins: method {r.get('method')}")
    check(r.get("band_method") == "asymptotic", f"{bins} bins: band {r.get('band_method')}")
    check("band is asymptotic" in err, f"{bins} bins: warning on stderr: {err!r}")

# Toys beyond the budget are refused at once, with one message naming --toys and its value.
code, out, err = timed("cls", *NA64, "--method", "toys", "--toys", "1e8")
check(code != 0, f"--toys 1e8: exit {code}")
check("--toys" in err and "1e8" in err and "not in range" not in err,
      f"--toys 1e8: message {err.strip()!r}")
check(len(err.strip().splitlines()) == 1, f"--toys 1e8: one line: {err!r}")

# The scans go through the same calculator: at n = 0 the exact CLs does not depend on the
# background, so the excluded region is the same for any --background-scale (it was "all" at
# 1e300, and a 40 s hang at 1000 with 4 points).
with tempfile.TemporaryDirectory() as d:
    tables = {}
    for scale in ("1", "1000", "1e300"):
        out_dir = os.path.join(d, f"scale_{scale}")
        code, out, err = timed("scan", "--plane", "maprime-epsilon", "--points", "4",
                               "--threads", "1", "--background-scale", scale, "--out", out_dir)
        check(code == 0, f"scan --background-scale {scale}: exit {code}: {err.strip()}")
        if code == 0:
            with open(os.path.join(out_dir, "exclusion.csv")) as f:
                tables[scale] = f.read()
    if len(tables) == 3:
        check(tables["1000"] == tables["1"], "scan: background-scale 1000 = 1 at n = 0")
        check(tables["1e300"] == tables["1"], "scan: background-scale 1e300 = 1 at n = 0")

# Messages: one line naming the option and the value, non-zero exit.
BASE = ["--background", "0.19,0.53", "--signal", "0.3,0.7"]
bad_input(["cls", "--observed", "0,,0", *BASE], ["--observed", "0,,0", "empty"])
bad_input(["cls", "--observed", "0,0,", *BASE], ["--observed", "0,0,"])
bad_input(["cls", "--observed", "", *BASE], ["--observed"])
bad_input(["cls", "--observed", "0,x", *BASE], ["--observed", "0,x", "not a number"])
for seed in ["-1", "18446744073709551616", "", "1.5", "0x10", " 3"]:
    bad_input(["cls", "--observed", "0,0", *BASE, "--seed", seed], ["--seed", f"'{seed}'"])
r = run_json("cls", *NA64, "--method", "toys", "--toys", "50", "--no-expected",
             "--seed", "18446744073709551615")
check(r.get("seed") == "18446744073709551615", f"largest seed accepted: {r.get('seed')}")
bad_input(["cls", "--observed", "0,0", *BASE, "--toys", "2.5"], ["--toys", "2.5"])
bad_input(["cls", "--observed", "0,0", *BASE, "--threads", "-1"], ["--threads", "-1"])
bad_input(["cls", "--observed", "0", "--background", "0", "--background-uncertainty", "1",
           "--signal", "1"], ["--background-uncertainty", "Gaussian"])
for args in (["cls", "--observed", "0,,0", *BASE], ["cls", "--observed", "0,0", *BASE, "--seed", "-1"],
             ["cls", "--observed", "0,-1", *BASE]):
    code, out, err = run(*args)
    check(len(err.strip().splitlines()) == 1, f"{args}: one-line message: {err!r}")
# --tolerance (scan) must be in (0, 1): the help says so and 1.5 is refused.
code, out, err = run("scan", "--help")
check(code == 0 and "(0,1)" in next((l for l in out.splitlines() if "--tolerance" in l), ""),
      "scan --help: --tolerance is (0,1)")
bad_input(["scan", "--plane", "maprime-epsilon", "--tolerance", "1.5", "--out", "/tmp/x"],
          ["--tolerance", "1.5"])
finish()
