"""Every shipped experiment file (data/experiments/*.json) and the test experiments validate
against data/experiments/experiment.schema.json; malformed documents do not.
Run by ctest (experiment.schema) with Debian's python3-jsonschema."""
import copy
import glob
import json
import os
import sys

import jsonschema

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
schema = json.load(open(os.path.join(root, "data", "experiments", "experiment.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

files = sorted(f for f in glob.glob(os.path.join(root, "data", "experiments", "*.json"))
               if not f.endswith(".schema.json"))
files += sorted(glob.glob(os.path.join(here, "data", "*.json")))
failures = 0
if len(files) < 3:
    print(f"FAIL: expected the built-in and test experiments, found {files}")
    failures += 1
for f in files:
    errors = list(validator.iter_errors(json.load(open(f))))
    for e in errors:
        print(f"FAIL: {os.path.relpath(f, root)}: {'/'.join(map(str, e.path))}: {e.message}")
    failures += len(errors)
    if not errors:
        print(f"ok: {os.path.relpath(f, root)}")

# The schema is not vacuous: each of these edits of a valid file must be refused.
base = json.load(open(os.path.join(root, "data", "experiments", "na64-2016-2018.json")))
edits = {
    "unknown top-level key": lambda j: j.update(colour="blue"),
    "unknown region key": lambda j: j["regions"][0].update(decay_zz=[1, 2]),
    "missing beam energy": lambda j: j["beam"].pop("energy_GeV"),
    "negative background": lambda j: j["regions"][1].update(background=-1),
    "unknown signature": lambda j: j["regions"][0].update(signature="seen"),
    "unknown source": lambda j: j.update(production=["magic"]),
    "both thicknesses": lambda j: j["target"].update(thickness_m=0.2),
    "disc without radius": lambda j: j["regions"][0].update(detector={"z_m": 7, "shape": "disc"}),
    "non-integer observed": lambda j: j["regions"][0].update(observed=0.5),
}
for name, edit in edits.items():
    j = copy.deepcopy(base)
    edit(j)
    if validator.is_valid(j):
        print(f"FAIL: the schema accepts a document with {name}")
        failures += 1
# The collider keys (babar-2017.json) are checked as strictly.
babar = json.load(open(os.path.join(root, "data", "experiments", "babar-2017.json")))
collider_edits = {
    "a collider with a target": lambda j: j.update(target={"material": "lead", "thickness_X0": 1}),
    "a collider with regions": lambda j: j.update(regions=[]),
    "a collider without reinterpret": lambda j: j.pop("reinterpret"),
    "a collider with a fixed-target exposure": lambda j: j["beam"].update(particles_on_target=1),
    "an unknown veto key": lambda j: j["collider"]["veto"].update(radius_cm=140),
    "a photon cosine outside (-1, 1)": lambda j: j["collider"].update(photon_cos_theta_cm=[-1, 0.6]),
    "a run without luminosity": lambda j: j["beam"]["runs"][0].pop("luminosity_fb"),
    "a reinterpretation without cl": lambda j: j["reinterpret"].pop("cl"),
}
for name, edit in collider_edits.items():
    j = copy.deepcopy(babar)
    edit(j)
    if validator.is_valid(j):
        print(f"FAIL: the schema accepts a document with {name}")
        failures += 1
j = copy.deepcopy(base)
j["reinterpret"] = babar["reinterpret"]
if validator.is_valid(j):
    print("FAIL: the schema accepts a fixed-target file with reinterpret")
    failures += 1
print(f"{'OK' if failures == 0 else 'FAILED'}: {failures} failure(s)")
sys.exit(1 if failures else 0)
