"""Contract of `semivisible relic` (docs/cli/relic.md): keys, formats, physics spot checks, bad input."""
import math

from clitest import run, run_json, check, check_close, bad_input, finish

# JSON: one object per m_chi1 with the contract keys; y and epsilon consistent with
# y = eps^2 alpha_D / mass_ratio^4 (exact algebra, 1e-12).
rows = run_json("relic", "--splitting", "0.4", "--alpha-dark", "0.1", "--mass-ratio", "3",
                "--m-chi1-min", "0.01", "--m-chi1-max", "0.1", "--points", "3")
check(len(rows) == 3, f"3 points expected, got {len(rows)}")
for r in rows:
    for key in ["mass_chi1_GeV", "y", "epsilon", "omega_h2", "x_freeze_out", "status"]:
        check(key in r, f"key {key} missing")
    check(r.get("status") == "ok", f"status {r.get('status')}")
    check_close(r["y"], r["epsilon"] ** 2 * 0.1 / 81, 1e-12, "y = eps^2 alpha_D/81")
    check_close(r["omega_h2"], 0.12, 1e-5, "Omega h^2 at the target")
masses = [r["mass_chi1_GeV"] for r in rows]
check_close(masses[0], 0.01, 1e-12, "first mass")
check_close(masses[-1], 0.1, 1e-12, "last mass (log-spaced, endpoints included)")
check(all(a["y"] < b["y"] for a, b in zip(rows, rows[1:])), "y rises with m_chi1 here")

# T25 (docs/formula-notes.md section 8): y(Delta = 0.4 m1, m1 = 30 MeV) = 1.85e-9 within 25 %.
one = run_json("relic", "--m-chi1", "0.03")
check(len(one) == 1, "--m-chi1 gives one point")
if one:
    check_close(one[0]["y"], 1.85e-9, 0.25, "T25 at 30 MeV")

# pseudo-Dirac limit (--splitting 0): docs/formula-notes.md 7.1 y(50.5 MeV) = 1.56e-11 within 20 %
pd = run_json("relic", "--splitting", "0", "--m-chi1", "0.0505")
if pd:
    check_close(pd[0]["y"], 1.56e-11, 0.20, "pseudo-Dirac target at 50.5 MeV")

# CSV header carries the contract columns, one row per point
code, out, err = run("relic", "--points", "2", "--m-chi1-min", "0.01", "--m-chi1-max", "0.02",
                     "--format", "csv")
lines = out.strip().splitlines()
check(code == 0 and len(lines) == 3, f"csv: exit {code}, {len(lines)} lines")
if lines:
    header = lines[0].split(",")
    for col in ["mass_chi1_GeV", "y", "epsilon"]:
        check(col in header, f"csv column {col}")
# text is the default
code, out, err = run("relic", "--m-chi1", "0.02")
check(code == 0 and "epsilon" in out, "text output")

# bad input: non-zero exit naming the option and the value
bad_input(["relic", "--splitting", "-0.4"], ["--splitting", "-0.4"])
bad_input(["relic", "--alpha-dark", "0"], ["--alpha-dark", "0"])
bad_input(["relic", "--m-chi1-min", "1e-5"], ["--m-chi1-min", "1e-05"])
bad_input(["relic", "--m-chi1", "20"], ["--m-chi1", "20"])
bad_input(["relic", "--m-chi1-min", "0.2", "--m-chi1-max", "0.1"], ["--m-chi1-max", "0.1"])
bad_input(["relic", "--points", "0"], ["--points", "0"])
bad_input(["relic", "--format", "xml"], ["--format", "xml"])
finish()
