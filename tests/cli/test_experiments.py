"""`semivisible experiments`: the built-ins with name, description, beam, production, regions;
and a toy experiment written only as JSON runs through `scan`."""
import json
import os
import tempfile

from clitest import run, run_json, check, bad_input, finish

here = os.path.dirname(os.path.abspath(__file__))
r = run_json("experiments")
names = [e["name"] for e in r.get("experiments", [])]
for n in ["na64-2016-2018", "na64-compact-hcal1", "na64-2016-2022", "e137", "nucal", "charm",
          "babar-2017"]:
    check(n in names, f"built-in {n} listed: {names}")
for e in r.get("experiments", []):
    check(set(["name", "description", "beam", "production", "regions"]) <= set(e),
          f"{e.get('name')}: keys {sorted(e)}")
    beam_keys = (["particle", "sqrt_s_GeV", "luminosity_fb"]  # a collider (test_babar.py)
                 if e["beam"].get("particle") == "electron_positron"
                 else ["particle", "energy_GeV", "particles_on_target"])
    check(set(beam_keys) <= set(e["beam"]), f"{e.get('name')}: beam keys")
    check(all("name" in g and "signature" in g for g in e["regions"]), "region name, signature")
na64 = next((e for e in r.get("experiments", []) if e["name"] == "na64-2016-2018"), None)
if na64:
    check(na64["beam"]["particles_on_target"] == 2.84e11, "na64 exposure")
    check([g["name"] for g in na64["regions"]] == ["S1", "S2"], "na64 regions")

code, out, err = run("experiments")
check(code == 0 and "na64-2016-2018" in out, "text listing")

# A toy electron dump written only as JSON (no code) runs through scan.
toy = os.path.join(here, "..", "experiment", "data", "toy-electron-dump.json")
with tempfile.TemporaryDirectory() as tmp:
    out_dir = os.path.join(tmp, "toy")
    code, out, err = run("scan", "--plane", "maprime-epsilon", "--model", "visible",
                         "--experiment", toy, "--points", "6", "--range", "0.005:0.05",
                         "--y-range", "1e-8:1e-2", "--out", out_dir)
    check(code == 0, f"toy scan exit {code}: {err.strip()}")
    if code == 0:
        rows = json.load(open(os.path.join(out_dir, "exclusion.json")))["rows"]
        check(all(x["status"] == "ok" for x in rows), "toy scan rows ok")
        check(any(x["lower"] is not None for x in rows), "toy dump excludes something")
        params = json.load(open(os.path.join(out_dir, "exclusion.json")))["parameters"]
        check(params.get("experiment") == "toy-electron-dump", "scan records the experiment")

# A malformed experiment file: one message naming the file, the key and the value; nothing written.
with tempfile.TemporaryDirectory() as tmp:
    bad = json.load(open(toy))
    bad["regions"][0]["decay_z_m"] = [30.0, 25.0]
    bad_file = os.path.join(tmp, "bad.json")
    json.dump(bad, open(bad_file, "w"))
    out_dir = os.path.join(tmp, "never")
    bad_input(["scan", "--plane", "maprime-epsilon", "--experiment", bad_file, "--out", out_dir],
              ["bad.json", "decay_z_m[1] = 25"])
    check(not os.path.exists(out_dir), "a bad experiment file writes nothing")
    bad["regions"][0]["decay_z_m"] = [5.0, 25.0]
    bad["target"]["material"] = "unobtainium"
    json.dump(bad, open(bad_file, "w"))
    bad_input(["yield", "--m-aprime", "0.05", "--experiment", bad_file],
              ["bad.json", "target.material", "unobtainium"])
    bad["target"]["material"] = "lead"
    bad["production"] = [{"source": "bremsstrahlung", "electrons": "all"}]  # a bad setting
    json.dump(bad, open(bad_file, "w"))
    bad_input(["scan", "--plane", "maprime-epsilon", "--experiment", bad_file, "--out", out_dir],
              ["bremsstrahlung", "electrons", "all"])
    check(not os.path.exists(out_dir), "a source that cannot be built writes nothing")

bad_input(["experiments", "--format", "yaml"], ["--format", "yaml"])
finish()
