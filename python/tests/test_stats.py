"""CLs and upper limits from Python are the C++ numbers (`semivisible cls --format json`) for the
three methods, both constraints and several confidence levels; the textbook limit for n = 0 is
reproduced; the vectorised ClsCalculator equals cls() row by row; the fallbacks are statuses."""
import math

import numpy as np
import pytest

import semivisible as sv
from conftest import assert_close

NA64 = dict(observed=[0, 0], background=[0.19, 0.53], background_uncertainty=[0.07, 0.17])
KEYS = ("mu_upper", "signal_upper", "expected_median", "expected_minus1", "expected_plus1",
        "expected_minus2", "expected_plus2", "cl")

CASES = [
    ({"signal": [0.3, 0.7]}, []),
    ({"signal": [0.3, 0.7], "signal_uncertainty": 0.2}, ["--signal-uncertainty", 0.2]),
    ({"signal": [1.0, 3.0], "cl": 0.95}, ["--cl", 0.95]),
    ({"signal": [0.3, 0.7], "method": "asymptotic"}, []),
    ({"signal": [0.3, 0.7], "constraint": "gaussian", "signal_uncertainty": 0.1},
     ["--constraint", "gaussian", "--signal-uncertainty", 0.1]),
    ({"signal": [0.3, 0.7], "method": "toys", "toys": 300, "seed": 7},
     ["--toys", 300, "--seed", 7]),
]


def cli_list(v):
    return ",".join(str(x) for x in v)


@pytest.mark.parametrize("kwargs,options", CASES)
def test_cls_matches_the_cli(cli, kwargs, options):
    ref = cli("cls", "--observed", cli_list(NA64["observed"]), "--background",
              cli_list(NA64["background"]), "--background-uncertainty",
              cli_list(NA64["background_uncertainty"]), "--signal", cli_list(kwargs["signal"]),
              "--method", kwargs.get("method", "exact"), *options)
    r = sv.cls_upper_limit(**NA64, **kwargs)
    for key in KEYS:
        assert_close(getattr(r, key), ref[key], key)
    assert r.method == ref["method"] and r.band_method == ref["band_method"]
    assert r.status == ref["status"]
    assert (r.warning or None) == ref["warning"]


def test_textbook_limit():
    # n = 0, no uncertainty: CLs = e^{-s} whatever b, so s_up = -ln(1 - CL) = 2.302585... at 90 %.
    r = sv.cls_upper_limit(observed=[0], background=[0.5], signal=[1.0])
    assert r.mu_upper == pytest.approx(-math.log(0.1), rel=1e-10)
    # Limits scale as 1/|s| (the root is found in signal events).
    r2 = sv.cls_upper_limit(observed=[0], background=[0.5], signal=[2.0])
    assert r2.signal_upper == pytest.approx(r.signal_upper, rel=1e-12)


def test_cls_at_the_limit_is_one_minus_cl():
    model = sv.CountingModel(**NA64, signal_uncertainty=0.2)
    s = np.array([0.3, 0.7])
    limit = sv.upper_limit(model, s, cl=0.9, expected=False)
    c = sv.cls(model, s, mu=limit.mu_upper)
    assert c.status == "ok" and c.method == "exact"
    assert c.value == pytest.approx(0.1, rel=1e-9)
    assert c.value == pytest.approx(c.cl_sb / c.cl_b, rel=1e-12)


def test_calculator_equals_cls_row_by_row():
    model = sv.CountingModel(**NA64, signal_uncertainty=0.2)
    calc = sv.ClsCalculator(model, cl=0.9, method="exact")
    y = sv.yield_model(sv.benchmark(0.3, 1e-3), "na64-2016-2018")
    signals = y.events(np.geomspace(1e-4, 1e-2, 25))
    values = calc.cls_values(signals)
    assert values.shape == (25,)
    for i in (0, 7, 13, 24):
        assert values[i] == sv.cls(model, signals[i]).value
    d = calc.evaluate(signals)
    assert d["status"] == ["ok"] * 25 and np.array_equal(d["value"], values)
    assert calc.upper_limit(signals[13]).mu_upper == pytest.approx(
        sv.upper_limit(model, signals[13], expected=False).mu_upper, rel=1e-12)


def test_fallback_and_budget_are_statuses():
    # A tiny work budget: the exact method falls back to the asymptotic one (a warning, not an
    # exception), and the asymptotic one alone reports a status.
    model = sv.CountingModel(**NA64)
    r = sv.upper_limit(model, [0.3, 0.7], work_budget=1000)
    assert r.method in ("exact", "asymptotic")
    assert isinstance(r.status, str) and isinstance(r.warning, str)
    if r.method == "asymptotic":
        assert r.warning
    r = sv.upper_limit(model, [0.3, 0.7], method="asymptotic", work_budget=1)
    assert r.status != "ok" and r.status_message
    assert math.isnan(r.mu_upper)


def test_counting_model_properties():
    m = sv.CountingModel([1, 2], [0.5, 1.5], [0.1, 0.2], 0.1, "gaussian")
    assert m.bins == 2 and m.observed == [1.0, 2.0] and m.constraint == "gaussian"
    assert m.with_observed([0, 0]).observed == [0.0, 0.0]
    e = sv.experiment("na64-2016-2018")
    c = e.counting_model()
    assert c.observed == [r.observed for r in e.regions]
    assert c.background == [r.background for r in e.regions]
    assert c.signal_uncertainty == e.signal_uncertainty
    assert e.counting_model(background_scale=2.0).background == [2 * b for b in c.background]
