"""`semivisible width`: the JSON keys of docs/cli.md, numbers vs docs/formula-notes.md §1–2, bad input."""
import math
from clitest import run, run_json, check, check_close, bad_input, finish

KEYS = ["mass_aprime_GeV", "mass_chi1_GeV", "mass_chi2_GeV", "gamma_chi2_exact_GeV",
        "gamma_chi2_kfactor_GeV", "k_factor", "gamma_chi2_total_GeV", "ctau_chi2_m",
        "gamma_aprime_chi1chi2_GeV", "gamma_aprime_ee_GeV", "gamma_aprime_total_GeV"]

# docs/formula-notes.md §1.3: m_A' = 0.39 GeV, eps = 7.8e-3: Gamma = 3.981e-14 GeV, ctau = 4.956e-3 m,
# L_lab(50 GeV) = 1.36 m; K (table 1.2) = 0.6429. Quoted to 3-4 digits: tolerances 2e-3 / 5e-3.
j = run_json("width", "--m-aprime", 0.39, "--epsilon", 7.8e-3, "--energy-chi2", 50)
for k in KEYS + ["decay_length_chi2_m"]:
    check(k in j, f"width: key {k} missing")
check_close(j.get("mass_chi1_GeV"), 0.13, 1e-12, "m_chi1 = m_A'/3")
check_close(j.get("mass_chi2_GeV"), 0.182, 1e-12, "m_chi2 = 1.4 m_chi1")
check_close(j.get("gamma_chi2_exact_GeV"), 3.981e-14, 2e-3, "Gamma_exact (notes 1.3)")
check_close(j.get("ctau_chi2_m"), 4.956e-3, 2e-3, "ctau (notes 1.3)")
check_close(j.get("decay_length_chi2_m"), 1.36, 5e-3, "lab decay length at 50 GeV (notes 1.3)")
check_close(j.get("k_factor"), 0.6429, 5e-4, "K (notes 1.2)")
# Eq. 2 with K = 0.640 by hand.
alpha = 1 / 137.035999084
d = 0.182 - 0.13
eq2 = 0.640 * 4 * 7.8e-3**2 * alpha * 0.1 * d**5 / (15 * math.pi * 0.39**4)
check_close(j.get("gamma_chi2_kfactor_GeV"), eq2, 1e-12, "Eq. 2 with K = 0.640")
check_close(j.get("gamma_chi2_exact_GeV", 0) / eq2 * 0.640, j.get("k_factor"), 1e-12,
            "k_factor = exact / Eq. 2 (K = 1)")
# A' widths: T10 (0.770974 alpha_D m/3) and BR(A' -> chi1 chi2) ~ 1.
check_close(j.get("gamma_aprime_chi1chi2_GeV"), 0.770974 * 0.1 * 0.39 / 3, 1e-6, "T10")
check(j.get("gamma_aprime_total_GeV", 0) >= j.get("gamma_aprime_chi1chi2_GeV", 1), "total >= chi1chi2")

# Without --energy-chi2 there is no decay_length_chi2_m.
j = run_json("width", "--m-aprime", 0.2)
check("decay_length_chi2_m" not in j, "decay_length_chi2_m only with --energy-chi2")

# Below threshold (Delta <= 2 m_e, m_A' < 7.665 MeV at the benchmark): widths 0, ctau null + note.
j = run_json("width", "--m-aprime", 0.007)
check(j.get("gamma_chi2_exact_GeV") == 0.0 and j.get("gamma_chi2_total_GeV") == 0.0, "closed: widths 0")
check("ctau_chi2_m" in j and j["ctau_chi2_m"] is None, "closed: ctau_chi2_m is null in JSON")
check(j.get("k_factor") == 0.0, "closed: k_factor 0")
code, out, err = run("width", "--m-aprime", 0.007)
check(code == 0 and "cannot decay" in out, "text output says chi2 cannot decay")
j = run_json("width", "--m-aprime", 0.007, "--energy-chi2", 10)
check("decay_length_chi2_m" in j and j["decay_length_chi2_m"] is None, "closed: lab length null")

# --m-chi1 overrides --mass-ratio; the muon channel opens at Delta = 2 m_mu.
j = run_json("width", "--m-aprime", 3.0, "--m-chi1", 0.5, "--splitting", 0.5)
check_close(j.get("mass_chi2_GeV"), 0.75, 1e-12, "--m-chi1 and --splitting")
check(j.get("gamma_chi2_total_GeV", 0) > j.get("gamma_chi2_exact_GeV", 0), "mu mu channel included")

# Bad input: non-zero exit, message names option and value.
bad_input(["width", "--m-aprime", "-0.3"], ["--m-aprime", "-0.3"])
bad_input(["width", "--m-aprime", "nan"], ["--m-aprime", "nan"])
bad_input(["width", "--m-aprime", "0.3", "--epsilon", "inf"], ["--epsilon", "inf"])
bad_input(["width", "--m-aprime", "0.3", "--alpha-dark", "0"], ["--alpha-dark", "0"])
bad_input(["width", "--m-aprime", "0.3", "--energy-chi2", "0.05"], ["--energy-chi2", "0.05"])
bad_input(["width", "--m-aprime", "0.3", "--energy-chi2", "-1"], ["--energy-chi2", "-1"])
bad_input(["width", "--m-aprime", "0.3", "--splitting", "1.5"], ["--splitting 1.5", "must be <"])
bad_input(["width", "--m-aprime", "0.3", "--m-chi1", "0.2"], ["--m-chi1 0.2", "must be <"])
bad_input(["width", "--m-aprime", "0.3", "--format", "xml"], ["--format", "xml"])
bad_input(["width"], ["--m-aprime"])
finish()
