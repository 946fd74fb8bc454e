"""Experiments from Python: the built-ins are the CLI's (`semivisible experiments`), a Python dict
read with experiment_from_json is the same experiment as its file, and the decay probabilities
are the exponential law written out here."""
import json
import math
import os

import numpy as np
import pytest

import semivisible as sv
from conftest import source_dir


def test_builtins_are_the_clis(cli):
    ref = cli("experiments")
    assert sv.experiments() == sorted(e["name"] for e in ref["experiments"])
    assert sv.builtin_names() == sv.experiments()
    assert os.path.samefile(sv.data_dir(), ref["data_dir"])
    for r in ref["experiments"]:
        e = sv.experiment(r["name"])
        assert e.name == r["name"] and e.description == r["description"]
        assert e.beam_particle == r["beam"]["particle"]
        if r["beam"]["particle"] != "electron_positron":  # a collider has sqrt_s_GeV instead
            assert e.beam_energy_GeV == r["beam"]["energy_GeV"]
            assert e.particles_on_target == r["beam"]["particles_on_target"]
        assert e.production == r["production"]
        assert e.region_names == [g["name"] for g in r["regions"]]
        assert [g.signature for g in e.regions] == [g["signature"] for g in r["regions"]]


def test_names_files_and_dicts_give_the_same_experiment(tmp_path):
    path = os.path.join(source_dir(), "data", "experiments", "na64-2016-2018.json")
    by_name = sv.experiment("na64-2016-2018")
    by_file = sv.experiment(path)
    from_path_object = sv.resolve(__import__("pathlib").Path(path))
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    # Relative efficiency tables are read from base_dir (the file's folder).
    by_dict = sv.experiment_from_json(d, source="na64 dict", base_dir=os.path.dirname(path))
    by_text = sv.experiment_from_json(json.dumps(d), base_dir=os.path.dirname(path))
    p = sv.benchmark(0.2, 1e-3)
    ref = sv.yield_model(p, by_name).events(np.geomspace(1e-4, 1e-2, 7))
    for e in (by_file, from_path_object, by_dict, by_text):
        assert e.name == "na64-2016-2018"
        assert np.array_equal(sv.yield_model(p, e).events(np.geomspace(1e-4, 1e-2, 7)), ref)
    assert sv.is_builtin("na64_2016_2018") and sv.canonical_name("na64_2016_2018") == "na64-2016-2018"


def test_dict_errors_name_the_key():
    path = os.path.join(source_dir(), "data", "experiments", "na64-2016-2018.json")
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    d["regions"][0]["decay_z_m"] = [2.6, 1.0]
    with pytest.raises(ValueError, match=r"my dict.*regions\[0\].*decay_z_m\[1\]"):
        sv.experiment_from_json(d, source="my dict", base_dir=os.path.dirname(path))
    d = {"name": "x", "beam": {}, "colour": "red"}
    with pytest.raises(ValueError, match="colour"):
        sv.experiment_from_json(d)
    with pytest.raises(ValueError, match="JSON"):
        sv.experiment_from_json({"name": float("nan")})


def test_properties_and_replace():
    e = sv.experiment("na64-2016-2018")
    assert e.target_material == "lead" and e.target_thickness_X0 == 40.0
    assert e.signal_uncertainty == 0.2 and e.cl == 0.9 and e.method == "exact"
    s1 = e.find_region("S1")
    assert s1.name == "S1" and s1.decay_start_m == 2.6 and s1.decay_end_m == 6.0
    assert e.find_region("S9") is None
    assert e.regions[1].decay_end_m == math.inf and not e.regions[1].has_detector
    eff = s1.efficiency(np.array([0.01, 0.1, 0.5]))
    assert eff.shape == (3,) and np.all((eff > 0) & (eff <= 1))
    r = e.replace(particles_on_target=1e12, cl=0.95, method="asymptotic")
    assert (r.particles_on_target, r.cl, r.method) == (1e12, 0.95, "asymptotic")
    assert e.particles_on_target == 2.84e11  # the original is unchanged
    with pytest.raises(ValueError, match="cl"):
        e.replace(cl=1.5)
    with pytest.raises(ValueError, match="method"):
        e.replace(method="bayes")


def test_decay_probabilities_are_the_exponential_law():
    lam = np.geomspace(1e-3, 1e6, 50)
    z0, z1, z2 = 0.0, 2.6, 6.0
    between = sv.decay_probability_between(z0, z1, z2, lam)
    # P = e^{-z1/λ} - e^{-z2/λ}, in the expm1 form that keeps λ ≫ L exact.
    expected = np.exp(-z1 / lam) * -np.expm1(-(z2 - z1) / lam)
    assert np.allclose(between, expected, rtol=1e-14, atol=0)
    assert np.allclose(sv.decay_probability_before(z0, z1, lam), -np.expm1(-z1 / lam), rtol=1e-14)
    assert np.allclose(sv.decay_probability_beyond(z0, z2, lam), np.exp(-z2 / lam), rtol=1e-14)
    total = (sv.decay_probability_before(z0, z1, lam) + between
             + sv.decay_probability_beyond(z0, z2, lam))
    assert np.allclose(total, 1.0, rtol=1e-14)
    assert sv.decay_probability_beyond(0.0, 6.0, math.inf) == 1.0
