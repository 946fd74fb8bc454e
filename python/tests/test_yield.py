"""Expected signal events from Python are the C++ numbers: `semivisible yield --format json` for
several models, experiments and exposures; the C++ loop of python/benchmarks/yield_loop.cpp over
an epsilon grid; events() over an array equals events() one value at a time; the long loop
releases the GIL."""
import json
import os
import subprocess
import threading
import time

import numpy as np
import pytest

import semivisible as sv
from conftest import assert_close

CASES = [
    # (CLI options, Python keyword arguments of yield_model, point)
    (["--m-aprime", 0.1, "--epsilon", 1e-3], {}, (0.1, 1e-3, {})),
    (["--m-aprime", 0.3, "--epsilon", 4e-3, "--alpha-dark", 0.3], {}, (0.3, 4e-3, {"alpha_dark": 0.3})),
    (["--m-aprime", 0.02, "--epsilon", 3e-4, "--eot", 1e12], {"exposure": 1e12}, (0.02, 3e-4, {})),
    (["--m-aprime", 0.2, "--epsilon", 1e-4, "--model", "invisible"], {"model": "invisible"}, (0.2, 1e-4, {})),
    (["--m-aprime", 0.05, "--epsilon", 1e-4, "--model", "visible"], {"model": "visible"}, (0.05, 1e-4, {})),
    (["--m-aprime", 0.4, "--epsilon", 2e-3, "--experiment", "na64-compact-hcal1"],
     {"experiment": "na64-compact-hcal1"}, (0.4, 2e-3, {})),
    (["--m-aprime", 0.15, "--epsilon", 1e-3, "--m-chi1", 0.03, "--splitting", 0.6], {},
     (0.15, 1e-3, {"m_chi1": 0.03, "splitting": 0.6})),
]


def point(m_aprime, epsilon, extra):
    alpha = extra.get("alpha_dark", 0.1)
    if "m_chi1" in extra:
        return sv.Parameters.from_mass_chi1(m_aprime, epsilon, alpha, extra["m_chi1"],
                                            extra.get("splitting", 0.4))
    return sv.Parameters.from_ratios(m_aprime, epsilon, alpha)


@pytest.mark.parametrize("options,kwargs,pt", CASES)
def test_yield_matches_the_cli(cli, options, kwargs, pt):
    ref = cli("yield", *options)
    kwargs = dict(kwargs)
    experiment = kwargs.pop("experiment", "na64-2016-2018")
    p = point(*pt)
    y = sv.yield_model(p, experiment, **kwargs)
    d = y.evaluate(p.epsilon)
    assert y.region_names == [r["name"] for r in ref["regions"]]
    assert_close(y.exposure, ref["exposure"], "exposure")
    assert_close(d["aprime_per_particle"], ref["aprime_per_eot"], "aprime_per_eot")
    assert_close(d["ctau_m"], ref["ctau_m"], "ctau_m")
    assert_close(d["total"], ref["events_total"], "events_total")
    if ref["branching_chi1chi2"] is not None:
        assert_close(d["branching"], ref["branching_chi1chi2"], "branching")
    for k, r in enumerate(ref["regions"]):
        for key in ("probability", "acceptance", "efficiency", "events"):
            assert_close(d[key][k], r[key], f"{r['name']} {key}")
    assert np.array_equal(y.events(p.epsilon), d["events"])


def test_yield_matches_the_cpp_loop():
    exe = os.environ.get("SEMIVISIBLE_YIELD_LOOP")
    if not exe or not os.path.exists(exe):
        pytest.skip("SEMIVISIBLE_YIELD_LOOP is not set")
    done = subprocess.run([exe, "2000", "0.3", "2000", "1"], capture_output=True, text=True,
                          check=True)
    ref = json.loads(done.stdout)
    y = sv.yield_model(sv.benchmark(0.3, 1e-3), "na64-2016-2018")
    n = y.events(np.array(ref["epsilon"]))
    expected = np.array(ref["events"])
    assert n.shape == expected.shape == (2000, 2)
    scale = np.maximum(np.abs(n), np.abs(expected))
    assert np.all(np.abs(n - expected) <= 1e-12 * scale)
    assert n.sum() == pytest.approx(ref["checksum"], rel=1e-12)


def test_events_shapes_and_broadcasting():
    y = sv.yield_model(sv.benchmark(0.2, 1e-3), sv.experiment("na64-2016-2018"))
    eps = np.geomspace(1e-5, 1e-2, 11)
    n = y.events(eps)
    assert n.shape == (11, 2) and n.dtype == np.float64
    for i in (0, 4, 10):
        assert np.array_equal(n[i], y.events(float(eps[i])))
    assert y.events(1e-3).shape == (2,)
    assert isinstance(y.total(1e-3), float)
    assert np.array_equal(y.total(eps), n.sum(axis=1))
    # alpha_dark broadcasts against epsilon: (3, 1) x (4,) -> (3, 4, regions).
    grid = y.events(eps[:3, None], np.array([0.05, 0.1, 0.2, 0.5]))
    assert grid.shape == (3, 4, 2)
    assert np.array_equal(grid[:, 1], y.events(eps[:3]))  # alpha_dark = 0.1 is the point's
    # Lists and ints are accepted.
    assert y.events([1e-3, 2e-3]).shape == (2, 2)


def test_sources_built_once_give_the_same_yield():
    e = sv.experiment("na64-2016-2018")
    sources = sv.source_set(e)
    assert sources.names == ["bremsstrahlung", "annihilation"]
    for m in (0.05, 0.3):
        p = sv.benchmark(m, 1e-3)
        a = sv.yield_model(p, e, sources=sources).events(1e-3)
        b = sv.yield_model(p, e).events(1e-3)
        assert np.array_equal(a, b)
    # The spectrum the yield uses: A' per EOT above the first region's threshold.
    lo = max(e.regions[0].aprime_energy_min_GeV, sv.lowest_energy_of_interest(e))
    s = sources.spectrum(0.3, lo)
    d = sv.yield_model(sv.benchmark(0.3, 1e-3), e, sources=sources).evaluate(2e-3)
    assert d["aprime_per_particle"] == pytest.approx(4e-6 * s.per_particle, rel=1e-15)
    assert s.node_energies.shape == s.node_weights.shape
    # The nodes integrate dN/dE: sum(w) = A' per particle above the threshold (to the rule's
    # accuracy; the cumulative table and the nodes are separate quadratures).
    assert s.node_weights.sum() == pytest.approx(s.per_particle, rel=1e-3)


def test_events_release_the_gil():
    # While one thread is inside events() over 4e6 values (~0.5 s), the main thread keeps
    # running Python: with the GIL held it would not get a single iteration until the call ends.
    y = sv.yield_model(sv.benchmark(0.3, 1e-3), "na64-2016-2018")
    eps = np.geomspace(1e-5, 1e-2, 4_000_000)
    started, finished = threading.Event(), threading.Event()

    def work():
        started.set()
        y.events(eps)
        finished.set()

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    time.sleep(0.02)  # let the worker enter C++
    count = 0
    while not finished.is_set():
        count += 1
    t.join()
    # ≥ 1e4 iterations: a Python loop does ~1e7/s, so even a 10 ms slice is plenty; a held GIL
    # gives only the few iterations of one 5 ms switch interval after the call returns.
    assert count > 10_000
