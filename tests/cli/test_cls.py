"""`semivisible cls`: JSON keys of docs/cli.md, textbook values, method echo,
reproducible toys, the pyhf workspace, and bad input."""
import json
import math
import os
import tempfile

from clitest import run, run_json, check, check_close, bad_input, finish

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
finish()
