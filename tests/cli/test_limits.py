"""Hostile numbers: every numeric option refuses nan/inf/garbage naming itself, results never print
nan/inf, counts are bounded, and the model's domain (eps <= 1, alpha_D <= 4 pi, masses in
[1e-9, 1e4] GeV) is enforced with a message naming the option (docs/reliability.md)."""
import json
import re
import tempfile
import time

from clitest import run, check, bad_input, finish

NONFINITE = re.compile(r"(?<![A-Za-z_])-?(nan|inf)(?![A-Za-z_])", re.IGNORECASE)


def clean_or_refused(args, option):
    """Exit 0 with no nan/inf anywhere in stdout, or non-zero naming the option; never a crash."""
    for fmt in ("text", "json", "csv"):
        code, out, err = run(*args, "--format", fmt)
        check(0 <= code < 128, f"{args}: exit {code} (a signal or a crash)")
        if code == 0:
            check(not NONFINITE.search(out), f"{args} --format {fmt}: prints nan/inf: {out!r}")
            if fmt == "json":
                json.loads(out)
        else:
            text = (out + err).strip()
            check(option in text or "model point" in text,
                  f"{args}: message should name {option}: {text!r}")
            check("std::" not in text and "max_size" not in text and "bad_alloc" not in text,
                  f"{args}: internal error leaked: {text!r}")


# ---- the probe's cases
clean_or_refused(["width", "--m-aprime", "1e-300"], "--m-aprime")
clean_or_refused(["width", "--m-aprime", "1e300"], "--m-aprime")
clean_or_refused(["gm2", "--m-aprime", "1e300"], "--m-aprime")
clean_or_refused(["gm2", "--m-aprime", "1e-300"], "--m-aprime")
bad_input(["width", "--m-aprime", "0.1", "--epsilon", "2"], ["--epsilon", "2"])
bad_input(["width", "--m-aprime", "0.1", "--alpha-dark", "20"], ["--alpha-dark", "20"])
bad_input(["width", "--m-aprime", "0.1", "--epsilon", "1e-300"], ["--epsilon", "1e-300"])
bad_input(["width", "--m-aprime", "0.1", "--mass-ratio", "1e300"], ["--mass-ratio 1e+300"])
bad_input(["relic", "--mass-ratio", "1e-300", "--m-chi1", "0.01"], ["--mass-ratio", "1e-300"])
bad_input(["relic", "--points", "100000000000"], ["--points", "100000000000"])
bad_input(["yield", "--m-aprime", "5e-4"], ["mass_aprime = 0.0005", "m_e"])
bad_input(["gm2", "--m-aprime", "0.1", "--delta-amu", "1e300"], ["--delta-amu", "1e300"])
with tempfile.TemporaryDirectory() as d:
    for cmd in (["scan"], ["na64-2021", "--no-plots"]):
        for pts in ("-1", "1e11", "100000000000", "18446744073709551616", "0x10", ""):
            bad_input([*cmd, "--points", pts, "--out", d + "/p"], ["--points"])
        t0 = time.time()
        bad_input([*cmd, "--threads", "100000", "--out", d + "/t"], ["--threads", "100000"])
        check(time.time() - t0 < 5, f"{cmd[0]} --threads 100000 refused at once")
        bad_input([*cmd, "--threads", "-1", "--out", d + "/t"], ["--threads", "-1"])
    bad_input(["scan", "--y-range", "1e-3:10", "--out", d + "/y"], ["--y-range", "epsilon"])
    bad_input(["scan", "--plane", "maprime-alphadark", "--y-range", "1e-3:100", "--out", d + "/y"],
              ["--y-range", "alpha_D"])
    bad_input(["scan", "--range", "1e-3:1e5", "--out", d + "/y"], ["--range", "m_A'"])
    bad_input(["scan", "--alpha-dark", "20", "--out", d + "/y"], ["--alpha-dark", "20"])

# found by fuzz_cli_args: a value on the negated flag escaped CLI11 as std::out_of_range ("stoll")
bad_input(["na64-2021", "--no-plots=-" + "2" * 60, "--out", "never"], ["no-plots", "override"])
bad_input(["na64-2021", "--no-plots=7", "--out", "never"], ["no-plots", "override"])

# ---- every numeric option of the cheap commands against hostile values
HOSTILE = ["nan", "-nan", "inf", "-inf", "1e999", "-1e999", "abc", "", "1e300", "-1e300", "1e-300",
           "0", "-0", "-1", "0x1p3", "1,2", " 1", "1e-320"]
OPTIONS = {
    "width": (["--m-aprime", "0.3"], ["--m-aprime", "--epsilon", "--alpha-dark", "--mass-ratio",
                                      "--splitting", "--m-chi1", "--energy-chi2"]),
    "gm2": (["--m-aprime", "0.1"], ["--m-aprime", "--epsilon", "--delta-amu", "--delta-amu-error"]),
}
for cmd, (base, options) in OPTIONS.items():
    for opt in options:
        for v in HOSTILE:
            args = [cmd, *[a for a in base if opt != "--m-aprime"], opt, v]
            if opt == "--m-aprime":
                args = [cmd, opt, v]
            clean_or_refused(args, opt)
finish()
