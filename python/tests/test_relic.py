"""The thermal relic target from Python is the C++ one (`semivisible relic --format json`), and
the vectorised call equals the scalar calls."""
import numpy as np
import pytest

import semivisible as sv
from conftest import assert_close


@pytest.mark.parametrize("m_chi1,options,kwargs", [
    (0.1, [], {}),
    (0.01, ["--splitting", "0.0"], {"splitting": 0.0}),
    (0.05, ["--alpha-dark", "0.5", "--mass-ratio", "4"], {"alpha_dark": 0.5, "mass_ratio": 4.0}),
])
def test_relic_matches_the_cli(cli, m_chi1, options, kwargs):
    ref = cli("relic", "--m-chi1", m_chi1, *options)[0]
    t = sv.thermal_target(m_chi1, **kwargs)
    assert t.status == ref["status"] == "ok"
    for key in ("y", "epsilon", "omega_h2", "x_freeze_out"):
        assert_close(getattr(t, key), ref[key], key)
    assert_close(t.m_aprime, ref["mass_aprime_GeV"], "m_aprime")


def test_relic_vectorised():
    m = np.array([0.003, 0.03, 0.3])
    t = sv.thermal_target(m)
    assert t.y.shape == (3,) and t.status == ["ok"] * 3
    for i in range(3):
        one = sv.thermal_target(float(m[i]))
        assert one.y == t.y[i] and one.epsilon == t.epsilon[i]
    # y = eps^2 alpha_D (m_chi1/m_A')^4 (the definition; relic/thermal_target.hpp).
    assert np.allclose(t.y, t.epsilon**2 * 0.1 / 3.0**4, rtol=1e-12)
