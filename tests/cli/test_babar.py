"""`semivisible scan --experiment babar-2017`: the BaBar 2017 mono-photon limit reinterpreted
through the generic scan path (scan/collider_plane.hpp). For the invisible model and for a stable
chi2 the rows are the published limit exactly (linear interpolation in m_A' between its masses);
at the NA64 benchmark the band lies above the published limit and closes below 0.5 GeV; options a
reinterpretation cannot honour are refused before anything is written."""
import csv
import json
import os
import tempfile

from clitest import run, run_json, check, check_close, bad_input, finish

here = os.path.dirname(os.path.abspath(__file__))
ref_file = os.path.join(here, "..", "..", "data", "reference", "babar_2017_invisible_eps90.csv")
published = [tuple(map(float, line.split(","))) for line in open(ref_file)
             if line.strip() and not line.startswith("#")]
masses = [m for m, _ in published]


def eps_pub(m):
    """The published epsilon at m: exact at a published mass, linear in m between them."""
    for (m0, e0), (m1, e1) in zip(published, published[1:]):
        if m == m0:
            return e0
        if m0 < m < m1:
            return e0 + (m - m0) / (m1 - m0) * (e1 - e0)
    return published[-1][1] if m == published[-1][0] else None


def scan(tmp, name, *args):
    out = os.path.join(tmp, name)
    code, _, err = run("scan", "--plane", "maprime-epsilon", "--experiment", "babar-2017",
                       "--out", out, *args)
    check(code == 0, f"scan {name}: exit {code}: {err.strip()}")
    if code != 0:
        return None
    return json.load(open(os.path.join(out, "exclusion.json")))


# Listed by `semivisible experiments` with its beam and exposure.
listing = run_json("experiments")
babar = next((e for e in listing.get("experiments", []) if e["name"] == "babar-2017"), None)
check(babar is not None, "babar-2017 is a built-in")
if babar:
    check(babar["beam"] == {"particle": "electron_positron", "sqrt_s_GeV": 10.58,
                            "luminosity_fb": 53.0}, f"babar beam: {babar['beam']}")
    check(babar["reinterpret"]["limit"].endswith("babar_2017_invisible_eps90.csv"), "limit file")
code, out, _ = run("experiments")
check(code == 0 and "e+e- sqrt(s) = 10.58 GeV" in out and "53 fb^-1" in out,
      f"text listing shows the collider beam: {out}")

with tempfile.TemporaryDirectory() as tmp:
    # The invisible model: the published limit exactly at published masses (0.1 and 0.34 GeV are
    # the grid's end points), interpolated between them.
    inv = scan(tmp, "invisible", "--model", "invisible", "--range", "0.1:0.34", "--points", "7")
    if inv:
        rows = inv["rows"]
        check(len(rows) == 7 and all(r["status"] == "ok" for r in rows), "7 ok rows")
        check(rows[0]["x"] == 0.1 and rows[0]["lower"] == eps_pub(0.1), "exact at 0.1 GeV")
        check(rows[-1]["x"] == 0.34 and rows[-1]["lower"] == eps_pub(0.34), "exact at 0.34 GeV")
        for r in rows:
            check_close(r["lower"], eps_pub(r["x"]), 1e-13, f"invisible lower at {r['x']}")
            check(r["upper"] == 0.1 and r["upper_at_range"], f"open to y_hi at {r['x']}")
        p = inv["parameters"]
        check(p["experiment"] == "babar-2017" and p["model"] == "invisible", "parameters")
        check(p["luminosity_fb"] == 53.0 and p["cl"] == 0.9, "luminosity and CL recorded")
        csv_rows = list(csv.DictReader(open(os.path.join(tmp, "invisible", "exclusion.csv"))))
        check(len(csv_rows) == 7 and float(csv_rows[0]["lower"]) == eps_pub(0.1), "exclusion.csv")

    # A stable chi2 (Delta = 1e-3 m_chi1 < 2 m_e below 1 GeV): the same rows as the invisible model.
    stable = scan(tmp, "stable", "--splitting", "0.001", "--range", "0.1:0.34", "--points", "7")
    if inv and stable:
        check([(r["x"], r["lower"], r["upper"]) for r in stable["rows"]] ==
              [(r["x"], r["lower"], r["upper"]) for r in inv["rows"]],
              "stable chi2 = the published limit exactly")

    # The NA64 benchmark (alpha_D 0.1, m_A'/m_chi1 3, Delta/m_chi1 0.4): a band above the published
    # limit that closes between 0.42 and 0.45 GeV (docs/physics-collider.md section 4); --darkcast
    # and --hepdata write the same contour formats as other scans.
    bench = scan(tmp, "bench", "--points", "16", "--range", "0.01:1", "--darkcast", "--hepdata")
    if bench:
        rows = bench["rows"]
        check(all(r["status"] == "ok" for r in rows), "benchmark rows ok")
        for r in rows:
            if r["lower"] is not None:
                check(r["lower"] >= eps_pub(r["x"]) and r["upper"] > r["lower"],
                      f"band above the published limit at {r['x']}")
        check(all(r["lower"] is not None for r in rows if r["x"] <= 0.4), "excluded below 0.4 GeV")
        check(all(r["lower"] is None for r in rows if r["x"] >= 0.45), "nothing above 0.45 GeV")
        for f in ["exclusion.csv", "exclusion.lmt", os.path.join("hepdata", "submission.yaml")]:
            check(os.path.exists(os.path.join(tmp, "bench", f)), f"bench writes {f}")

    # The Fig. 5 planes run through the same path.
    for plane, rng in [("maprime-alphadark", "0.01:0.5"), ("mchi1-splitting", "0.01:0.15")]:
        out = os.path.join(tmp, plane)
        code, _, err = run("scan", "--plane", plane, "--experiment", "babar-2017", "--points", "4",
                           "--range", rng, "--out", out)
        check(code == 0, f"{plane}: exit {code}: {err.strip()}")
        if code == 0:
            rows = json.load(open(os.path.join(out, "exclusion.json")))["rows"]
            check(all(r["status"] == "ok" for r in rows), f"{plane} rows ok")
            check(any(r["lower"] is not None for r in rows), f"{plane} excludes something")

    # Refused: what a reinterpretation of a published limit cannot change; nothing is written.
    never = os.path.join(tmp, "never")
    base = ["scan", "--plane", "maprime-epsilon", "--experiment", "babar-2017", "--out", never]
    bad_input(base + ["--model", "visible"], ["model = visible"])
    bad_input(base + ["--exposure", "1e12"], ["babar-2017", "exposure"])
    bad_input(base + ["--cl", "0.95"], ["confidence level"])
    bad_input(base + ["--production", "bremsstrahlung"], ["babar-2017"])
    check(not os.path.exists(never), "a refused collider scan writes nothing")
    bad_input(["yield", "--m-aprime", "0.1", "--experiment", "babar-2017"], ["babar-2017"])
finish()
