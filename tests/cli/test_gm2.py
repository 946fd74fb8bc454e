"""`semivisible gm2`: JSON keys of docs/cli.md, numbers vs docs/formula-notes.md §6, bad input."""
import math
from clitest import run, run_json, check, check_close, bad_input, finish

KEYS = ["a_mu", "epsilon_central", "epsilon_1sigma_low", "epsilon_1sigma_high",
        "epsilon_2sigma_low", "epsilon_2sigma_high"]
alpha = 1 / 137.035999084

# docs/formula-notes.md §6, m_A' = 0.2 GeV: F = 0.097408, eps = 4.7103e-3 (central), 3.4288e-3 (-2s),
# 5.7112e-3 (+2s), 4.1197e-3 (-1s), 5.2347e-3 (+1s); 5 digits: relative 1e-4.
j = run_json("gm2", "--m-aprime", 0.2, "--epsilon", 4.7103e-3)
for k in KEYS:
    check(k in j, f"gm2: key {k} missing")
check_close(j.get("epsilon_central"), 4.7103e-3, 1e-4, "central")
check_close(j.get("epsilon_2sigma_low"), 3.4288e-3, 1e-4, "-2 sigma")
check_close(j.get("epsilon_2sigma_high"), 5.7112e-3, 1e-4, "+2 sigma")
check_close(j.get("epsilon_1sigma_low"), 4.1197e-3, 1e-4, "-1 sigma")
check_close(j.get("epsilon_1sigma_high"), 5.2347e-3, 1e-4, "+1 sigma")
check_close(j.get("a_mu"), alpha * 4.7103e-3**2 / (2 * math.pi) * 0.097408, 2e-4,
            "a_mu = alpha eps^2 F / 2pi at the central eps equals 251e-11")
check_close(j.get("a_mu"), 251e-11, 2e-4, "a_mu(eps_central) = Delta a_mu")

# Explicit Delta a_mu and error: the BNL numbers equal --band bnl; eps scales as sqrt(Delta a).
a = run_json("gm2", "--m-aprime", 0.39, "--delta-amu", 279e-11, "--delta-amu-error", 76e-11)
b = run_json("gm2", "--m-aprime", 0.39, "--band", "bnl")
for k in KEYS:
    check_close(a.get(k), b.get(k, 0), 1e-12, f"--band bnl vs explicit: {k}")
c = run_json("gm2", "--m-aprime", 0.39)
check_close(b.get("epsilon_central"), c.get("epsilon_central", 0) * math.sqrt(279 / 251), 1e-12,
            "eps proportional to sqrt(Delta a_mu)")
check_close(c.get("epsilon_central"), 7.7681e-3, 1e-4, "notes §6 at 0.39 GeV")

# A -2 sigma edge below zero is 0, not NaN/null, and the text says so.
j = run_json("gm2", "--m-aprime", 0.2, "--delta-amu-error", 200e-11)
check(j.get("epsilon_2sigma_low") == 0.0, "Delta a - 2 sigma <= 0 gives a 0 edge")
code, out, err = run("gm2", "--m-aprime", 0.2, "--delta-amu-error", 200e-11)
check(code == 0 and "reported as 0" in out, "text note for the zero edge")

bad_input(["gm2", "--m-aprime", "0"], ["--m-aprime", "0"])
bad_input(["gm2", "--m-aprime", "0.1", "--epsilon", "-1e-3"], ["--epsilon", "-1e-3"])
bad_input(["gm2", "--m-aprime", "0.1", "--delta-amu", "-2e-9"], ["--delta-amu", "-2e-9"])
bad_input(["gm2", "--m-aprime", "0.1", "--delta-amu-error", "nan"], ["--delta-amu-error", "nan"])
bad_input(["gm2", "--m-aprime", "0.1", "--band", "2019"], ["--band", "2019"])
bad_input(["gm2"], ["--m-aprime"])
finish()
