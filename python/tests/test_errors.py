"""Bad input raises ValueError with the C++ message, which names the parameter and the value;
solver trouble is a status string, not an exception."""
import os
import subprocess

import numpy as np
import pytest

import semivisible as sv

P = sv.benchmark(0.3, 1e-3)


@pytest.mark.parametrize("call,names", [
    (lambda: sv.Parameters(0.3, 1e-3, 0.1, 0.1, 0.09), ["mass_chi2", "0.09"]),
    (lambda: sv.Parameters(0.3, 1e-3, 0.1, 0.1, 0.25), ["splitting"]),
    (lambda: sv.benchmark(-1.0, 1e-3), ["mass_aprime", "-1"]),
    (lambda: sv.benchmark(0.3, 2.0), ["epsilon", "2"]),
    (lambda: sv.Parameters.from_ratios(0.3, 1e-3, 20.0), ["alpha_dark", "20"]),
    (lambda: P.with_epsilon(0.0), ["epsilon"]),
    (lambda: sv.chi2_width_kfactor(P, -1.0), ["k_factor"]),
    (lambda: sv.widths(np.array([0.1, -0.2])), ["mass_aprime", "-0.2"]),
    (lambda: sv.widths(0.3, energy_chi2=0.01), ["energy_chi2", "0.01"]),
    (lambda: sv.widths(np.ones(3), np.ones(2) * 1e-3), ["broadcast", "m_aprime", "epsilon"]),
    (lambda: sv.widths("heavy"), ["m_aprime", "heavy"]),
    (lambda: sv.gm2_band(0.1, band="2019"), ["band", "2019"]),
    (lambda: sv.gm2_band(0.1, delta_amu=-1.0), ["delta_amu", "-1"]),
    (lambda: sv.gm2_band(0.1).contains(1e-3, n_sigma=3), ["n_sigma", "3"]),
    (lambda: sv.beta_gamma(1.0, 0.5), ["energy", "0.5"]),
    (lambda: sv.decay_probability_between(0.0, 2.0, 1.0, 1.0), ["z2", "1"]),
    (lambda: sv.experiment("no-such-experiment"), ["experiment", "no-such-experiment"]),
    (lambda: sv.builtin("no-such-experiment"), ["no-such-experiment", "known"]),
    (lambda: sv.experiment_from_json({"name": "x"}), ["beam"]),
    (lambda: sv.yield_model(P, "na64-2016-2018", model="dark"), ["model", "dark"]),
    (lambda: sv.yield_model(P, "na64-2016-2018", exposure=-5.0), ["exposure", "-5"]),
    (lambda: sv.yield_model(P, "na64-2016-2018", production=["pi0_decay"]), ["production", "pi0_decay"]),
    (lambda: sv.yield_model(P, 3.0), ["experiment", "3.0"]),
    (lambda: sv.yield_model(P, "na64-2016-2018").events(np.array([1e-3, 2.0])), ["epsilon", "2"]),
    (lambda: sv.yield_model(P, "na64-2016-2018").events(1e-3, -0.1), ["alpha_dark", "-0.1"]),
    (lambda: sv.CountingModel([0, 0], [0.1]), ["background.size()", "1"]),
    (lambda: sv.CountingModel([0.5], [0.1]), ["observed[0]", "0.5"]),
    (lambda: sv.CountingModel([0], [0.1], constraint="flat"), ["constraint", "flat"]),
    (lambda: sv.cls_upper_limit([0, 0], [0.19, 0.53], signal=[0.3]), ["signal.size()"]),
    (lambda: sv.cls_upper_limit([0], [0.19], signal=[1.0], method="bayes"), ["method", "bayes"]),
    (lambda: sv.cls_upper_limit([0], [0.19], signal=[1.0], cl=1.5), ["cl", "1.5"]),
    (lambda: sv.cls_upper_limit([0], [0.19], signal=[1.0], seed=-1), ["seed", "-1"]),
    (lambda: sv.cls_upper_limit([0], [0.19], signal=[1.0], toys=0), ["toys", "0"]),
    (lambda: sv.cls_upper_limit([0], [0.19]), ["signal"]),
    (lambda: sv.cls(sv.CountingModel([0], [0.1]), [1.0], mu=-1.0), ["mu", "-1"]),
    (lambda: sv.scan(points=0), ["points", "0"]),
    (lambda: sv.scan(plane="epsilon-maprime"), ["plane", "epsilon-maprime"]),
    (lambda: sv.scan(range=(0.1, 0.01)), ["range"]),
    (lambda: sv.scan(y_range=(1e-6, 2.0)), ["y_range", "epsilon"]),
    (lambda: sv.scan(shard="3/2"), ["shard", "3/2"]),
    (lambda: sv.scan(mass_ratio=2.2), ["mass_ratio", "2.2"]),
    (lambda: sv.scan(gm2="2030"), ["gm2", "2030"]),
    (lambda: sv.log_grid(1.0, 0.1, 5), ["lo < hi"]),
    (lambda: sv.thermal_target(10.0), ["mass_chi1", "10"]),
    (lambda: sv.thermal_target(0.1, mass_ratio=2.0), ["mass_ratio", "2"]),
])
def test_bad_input_raises_value_error_naming_the_parameter(call, names):
    with pytest.raises(ValueError) as info:
        call()
    message = str(info.value)
    for name in names:
        assert name in message, f"{name!r} not in {message!r}"


def test_the_message_is_the_cpp_message():
    # The CLI prints the library's message after the options it came from; the module raises
    # exactly the library's message.
    with pytest.raises(ValueError) as info:
        sv.Parameters.from_mass_chi1(0.3, 1e-3, 0.1, 0.2, 0.4)
    message = str(info.value)
    assert message.startswith("semivisible::model::parameters::from_mass_chi1: splitting = ")
    exe = os.environ.get("SEMIVISIBLE_CLI")
    if exe and os.path.exists(exe):
        done = subprocess.run([exe, "width", "--m-aprime", "0.3", "--epsilon", "1e-3",
                               "--m-chi1", "0.2", "--splitting", "0.4"],
                              capture_output=True, text=True, check=False)
        assert done.returncode != 0 and message in done.stderr


def test_statuses_are_strings():
    # A solver failure is a status field (no exception): a spent work budget ...
    r = sv.upper_limit(sv.CountingModel([0], [0.2]), [1.0], method="asymptotic", work_budget=1)
    assert r.status == "not_converged" and "budget" in r.status_message
    # ... and a failed x of a scan (here: the relic-free plane with every point fine) stays a row.
    s = sv.scan(points=3)
    assert s.status == ["ok"] * 3 and s.messages == [""] * 3
    t = sv.thermal_target(np.array([0.01, 0.1]))
    assert t.status == ["ok", "ok"] and isinstance(sv.thermal_target(0.1).status, str)
