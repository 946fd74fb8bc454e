"""`semivisible yield`: the keys of cli.md, physical relations between them, bad input."""
import math

from clitest import run, run_json, check, check_close, bad_input, finish

KEYS = ["aprime_per_eot", "probability_s1", "probability_s2", "efficiency_s1", "efficiency_s2",
        "events_s1", "events_s2", "events_total"]

r = run_json("yield", "--m-aprime", "0.2", "--epsilon", "4.7e-3")
for k in KEYS:
    check(k in r and r[k] is not None and r[k] >= 0, f"yield: key {k} missing or negative: {r.get(k)}")
if r:
    # events_total = events_s1 + events_s2 (1e-12 relative: two doubles summed)
    check_close(r["events_total"], r["events_s1"] + r["events_s2"], 1e-12, "events_total")
    # N_S2 = EOT * N_A' * BR * P_S2 * eff_S2 (the yield equation; 1e-12 relative)
    check_close(r["events_s2"], 2.84e11 * r["aprime_per_eot"] * r["branching_chi1chi2"] *
                r["probability_s2"] * r["efficiency_s2"], 1e-12, "events_s2 factorisation")
    check(r["probability_s1"] + r["probability_s2"] <= 1.0, "probabilities sum to <= 1")
    check(r["events_s2"] > r["events_s1"], "at 0.2 GeV on the g-2 band S2 dominates")

# --eot scales linearly; the invisible model puts everything in S2 with probability 1.
r2 = run_json("yield", "--m-aprime", "0.2", "--epsilon", "4.7e-3", "--eot", "5.68e11")
if r and r2:
    check_close(r2["events_total"], 2 * r["events_total"], 1e-12, "--eot scaling")
inv = run_json("yield", "--m-aprime", "0.01", "--epsilon", "1e-4", "--model", "invisible")
if inv:
    check(inv["probability_s2"] == 1.0 and inv["events_s1"] == 0.0, "invisible: P_S2 = 1, no S1")
    # epsilon^2 scaling of the invisible yield (exact)
    inv2 = run_json("yield", "--m-aprime", "0.01", "--epsilon", "2e-4", "--model", "invisible")
    check_close(inv2.get("events_total"), 4 * inv["events_total"], 1e-12, "invisible eps^2 scaling")

# compact HCAL1 catches more of the short-lived chi2 at 0.39 GeV
a = run_json("yield", "--m-aprime", "0.39", "--epsilon", "7.77e-3")
b = run_json("yield", "--m-aprime", "0.39", "--epsilon", "7.77e-3", "--setup", "compact-hcal1")
if a and b:
    check(b["events_s1"] > a["events_s1"], "compact-hcal1 increases S1 at 0.39 GeV")
    check(b["experiment"] == "na64-compact-hcal1", "the old name compact-hcal1 keeps working")

# an experiment file works like the named built-in; --experiment and --setup are aliases
import os
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "..", "data", "experiments", "na64-compact-hcal1.json")
c = run_json("yield", "--m-aprime", "0.39", "--epsilon", "7.77e-3", "--experiment", data)
if b and c:
    check_close(c["events_total"], b["events_total"], 1e-12, "--experiment FILE.json = built-in")

# regions: one entry per region, the legacy s1/s2 keys equal the S1/S2 entries exactly
if r:
    regions = r.get("regions", [])
    check([g["name"] for g in regions] == ["S1", "S2"], f"regions of na64-2016-2018: {regions}")
    if len(regions) == 2:
        check(regions[0]["events"] == r["events_s1"] and regions[1]["events"] == r["events_s2"],
              "regions[].events equal events_s1/events_s2")
        check(regions[0]["probability"] == r["probability_s1"], "regions[0].probability")
        check(all(set(g) == {"name", "probability", "acceptance", "efficiency", "events"}
                  for g in regions), "region keys: name, probability, acceptance, efficiency, events")
    check(r.get("experiment") == "na64-2016-2018", "experiment key")

# --exposure is the new name of --eot
r3 = run_json("yield", "--m-aprime", "0.2", "--epsilon", "4.7e-3", "--exposure", "5.68e11")
if r and r3:
    check_close(r3["events_total"], 2 * r["events_total"], 1e-12, "--exposure scaling")

# the visible dark photon: the A' decays, ctau ~ 1/eps^2, no chi2 keys
vis = run_json("yield", "--m-aprime", "0.05", "--epsilon", "1e-4", "--model", "visible")
vis2 = run_json("yield", "--m-aprime", "0.05", "--epsilon", "2e-4", "--model", "visible")
if vis and vis2:
    check(vis["mass_chi1_GeV"] is None and vis["ctau_chi2_m"] is None, "visible: no chi keys")
    check_close(vis2["ctau_m"], vis["ctau_m"] / 4, 1e-12, "visible: ctau ~ 1/eps^2")

# a toy electron dump written only as JSON runs through yield
toy = os.path.join(here, "..", "experiment", "data", "toy-electron-dump.json")
t = run_json("yield", "--m-aprime", "0.02", "--epsilon", "1e-5", "--model", "visible",
             "--experiment", toy)
if t:
    check(t["experiment"] == "toy-electron-dump" and len(t["regions"]) == 1, "toy dump regions")
    check(t["events_s1"] is None and t["events_total"] > 0, "toy dump: no S1/S2 keys, events > 0")

code, out, err = run("yield", "--m-aprime", "0.1", "--format", "csv")
check(code == 0 and out.splitlines()[0].count(",") >= 7 and "events_total" in out.splitlines()[0],
      "csv output has a header with the keys")
code, out, err = run("yield", "--m-aprime", "0.1")
check(code == 0 and "events_total" in out, "text output")

bad_input(["yield", "--m-aprime", "-0.1"], ["--m-aprime", "-0.1"])
bad_input(["yield", "--m-aprime", "0.1", "--eot", "0"], ["--eot", "0"])
bad_input(["yield", "--m-aprime", "0.1", "--model", "dark"], ["--model", "dark"])
bad_input(["yield", "--m-aprime", "0.1", "--setup", "nowhere.json"], ["--setup", "nowhere.json"])
bad_input(["yield", "--m-aprime", "0.1", "--experiment", "nowhere.json"],
          ["--experiment", "nowhere.json"])
bad_input(["yield", "--m-aprime", "0.1", "--production", "pi0_decay"], ["--production", "pi0_decay"])
bad_input(["yield", "--m-aprime", "0.1", "--splitting", "2"], ["splitting"])
finish()
