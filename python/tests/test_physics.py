"""Widths, decay lengths and the muon g-2 from Python are the C++ numbers: compared key by key with
`semivisible width|gm2 --format json` (conftest.RELATIVE), and the vectorised forms equal the
scalar ones element by element. Analytic limits (independent of the C++ code) check the physics
the binding hands through: the decay-length formula, F -> 1 for m_A' << m_mu."""
import math

import numpy as np
import pytest

import semivisible as sv
from conftest import assert_close

# (m_aprime, epsilon, extra CLI options, Python keyword arguments): the benchmark, a light A'
# (K < 0.64: m_e/Delta matters), a heavy one with chi2 -> chi1 mu mu open, m_chi1 given, and a
# point where chi2 cannot decay (Delta <= 2 m_e: ctau = inf, null in JSON).
POINTS = [
    (0.3, 6.3e-3, [], {}),
    (0.01, 1e-4, [], {}),
    (1.0, 1e-3, ["--splitting", "0.9", "--mass-ratio", "3.5"], {"splitting": 0.9, "mass_ratio": 3.5}),
    (0.5, 2e-3, ["--m-chi1", "0.1", "--alpha-dark", "0.5"], {"m_chi1": 0.1, "alpha_dark": 0.5}),
    (0.002, 1e-3, ["--splitting", "0.4"], {}),
]


@pytest.mark.parametrize("m_aprime,epsilon,options,kwargs", POINTS)
def test_widths_match_the_cli(cli, m_aprime, epsilon, options, kwargs):
    ref = cli("width", "--m-aprime", m_aprime, "--epsilon", epsilon, *options)
    w = sv.widths(m_aprime, epsilon, **kwargs)
    assert set(w) <= set(ref), set(w) - set(ref)
    for key, value in w.items():
        assert_close(value, ref[key], key)
    # The functions of one Parameters give the same numbers.
    if "m_chi1" in kwargs:
        p = sv.Parameters.from_mass_chi1(m_aprime, epsilon, kwargs.get("alpha_dark", 0.1),
                                         kwargs["m_chi1"], kwargs.get("splitting", 0.4))
    else:
        p = sv.Parameters.from_ratios(m_aprime, epsilon, kwargs.get("alpha_dark", 0.1),
                                      kwargs.get("mass_ratio", 3.0), kwargs.get("splitting", 0.4))
    assert_close(sv.chi2_width_exact(p), ref["gamma_chi2_exact_GeV"], "chi2_width_exact")
    assert_close(sv.chi2_width_kfactor(p), ref["gamma_chi2_kfactor_GeV"], "chi2_width_kfactor")
    assert_close(sv.k_factor(p), ref["k_factor"], "k_factor")
    assert_close(sv.chi2_width_muons(p), ref["gamma_chi2_mumu_GeV"], "chi2_width_muons")
    assert_close(sv.chi2_width_total(p), ref["gamma_chi2_total_GeV"], "chi2_width_total")
    assert_close(sv.chi2_proper_decay_length(p), ref["ctau_chi2_m"], "ctau")
    a = sv.aprime_width(p)
    assert_close(a.chi1chi2, ref["gamma_aprime_chi1chi2_GeV"], "A' chi1 chi2")
    assert_close(a.electrons, ref["gamma_aprime_ee_GeV"], "A' ee")
    assert_close(a.muons, ref["gamma_aprime_mumu_GeV"], "A' mumu")
    assert_close(a.total, ref["gamma_aprime_total_GeV"], "A' total")
    assert_close(a.branching_chi1chi2, ref["br_aprime_chi1chi2"], "BR")


def test_lab_decay_length_matches_the_cli(cli):
    ref = cli("width", "--m-aprime", 0.3, "--epsilon", 6.3e-3, "--energy-chi2", 50)
    w = sv.widths(0.3, 6.3e-3, energy_chi2=50.0)
    assert_close(w["decay_length_chi2_m"], ref["decay_length_chi2_m"], "decay_length_chi2_m")
    # lambda = (p/m) c tau, written out here independently of the library.
    m2 = w["mass_chi2_GeV"]
    assert w["decay_length_chi2_m"] == pytest.approx(
        math.sqrt(50.0**2 - m2**2) / m2 * w["ctau_chi2_m"], rel=1e-14)


def test_widths_vectorised_equal_scalar():
    masses = np.geomspace(0.003, 1.0, 37)
    eps = np.geomspace(1e-5, 1e-2, 37)
    w = sv.widths(masses, eps)
    assert w["gamma_chi2_exact_GeV"].shape == (37,)
    for i in (0, 5, 20, 36):
        p = sv.benchmark(masses[i], eps[i])
        assert w["gamma_chi2_exact_GeV"][i] == sv.chi2_width_exact(p)
        assert w["ctau_chi2_m"][i] == sv.chi2_proper_decay_length(p)
    # Broadcasting: a (3, 1) column of masses against a row of 4 epsilons.
    grid = sv.widths(masses[-3:, None], eps[None, :4])  # m_A' > 0.6 GeV: chi2 decays
    assert grid["gamma_chi2_exact_GeV"].shape == (3, 4)
    assert grid["gamma_chi2_exact_GeV"][2, 3] == sv.chi2_width_exact(sv.benchmark(masses[-1], eps[3]))
    # Gamma ∝ eps^2 exactly (the binding passes every element through).
    ratio = grid["gamma_chi2_exact_GeV"][:, 1] / grid["gamma_chi2_exact_GeV"][:, 0]
    assert np.allclose(ratio, (eps[1] / eps[0]) ** 2, rtol=1e-13)


def test_elementwise_functions():
    m = np.array([0.01, 0.1, 1.0])
    ee = sv.aprime_width_leptons(m, 1e-3)
    # (eps^2 alpha m / 3)(1 + 2r) sqrt(1 - 4r), r = m_e^2/m^2: Bjorken et al. 2009, Eq. 9.
    r = sv.mass_electron**2 / m**2
    assert np.allclose(ee, 1e-6 * sv.alpha_em * m / 3 * (1 + 2 * r) * np.sqrt(1 - 4 * r), rtol=1e-14)
    assert isinstance(sv.aprime_width_leptons(0.1, 1e-3), float)
    assert sv.proper_decay_length(0.0) == math.inf
    assert sv.proper_decay_length(sv.hbar_c) == 1.0
    assert_close(sv.beta_gamma(1.0, 2.0), math.sqrt(3.0))
    assert np.all(sv.aprime_width_hadrons(np.array([0.1, 0.2]), 1e-3) == 0)  # below 2 m_pi
    assert sv.aprime_width_hadrons(0.8, 1e-3) > 0
    assert sv.aprime_width_chi1chi2(0.3, 0.1, 0.1, 0.14) == sv.aprime_width(
        sv.Parameters(0.3, 1e-3, 0.1, 0.1, 0.14)).chi1chi2


@pytest.mark.parametrize("m_aprime", [0.001, 0.02, 0.1, 0.39, 1.0])
def test_gm2_matches_the_cli(cli, m_aprime):
    ref = cli("gm2", "--m-aprime", m_aprime, "--epsilon", 2e-3)
    b = sv.gm2_band(m_aprime)
    assert_close(b.central, ref["epsilon_central"], "central")
    assert_close(b.low_1sigma, ref["epsilon_1sigma_low"], "1 sigma low")
    assert_close(b.high_1sigma, ref["epsilon_1sigma_high"], "1 sigma high")
    assert_close(b.low_2sigma, ref["epsilon_2sigma_low"], "2 sigma low")
    assert_close(b.high_2sigma, ref["epsilon_2sigma_high"], "2 sigma high")
    assert b.contains(2e-3) == ref["in_2sigma_band"]
    assert_close(sv.gm2_aprime_contribution(m_aprime, 2e-3), ref["a_mu"], "a_mu")
    assert_close(sv.gm2_aprime_contribution(m_aprime, 2e-3, sv.mass_electron), ref["a_e"], "a_e")
    assert_close(sv.gm2_loop_function(m_aprime), ref["loop_function"], "F")


def test_gm2_named_and_custom_bands(cli):
    ref = cli("gm2", "--m-aprime", 0.05, "--band", "bnl")
    assert_close(sv.gm2_band(0.05, band="bnl").central, ref["epsilon_central"], "bnl")
    ref = cli("gm2", "--m-aprime", 0.05, "--delta-amu", 100e-11, "--delta-amu-error", 60e-11)
    b = sv.gm2_band(0.05, delta_amu=100e-11, delta_amu_error=60e-11)
    assert_close(b.low_2sigma, ref["epsilon_2sigma_low"], "custom")  # Delta - 2 sigma < 0: 0
    assert b.low_2sigma == 0.0


def test_gm2_vectorised():
    m = np.geomspace(1e-3, 1.0, 50)
    b = sv.gm2_band(m)
    assert b.central.shape == (50,)
    assert b.central[7] == sv.gm2_band(m[7]).central
    assert np.array_equal(b.one_sigma_low, b.low_1sigma)  # the C++ names are aliases
    assert np.array_equal(sv.epsilon_for_delta_amu(m), b.central)
    inside = b.contains(b.central)
    assert inside.dtype == bool and inside.all()
    assert not b.contains(10 * b.central).any()
    # F -> 1 for m_A' << m_mu (Pospelov 2009); 1 - F is O(m_A'/m_mu) (3e-5 at m_A' = 1e-6 GeV),
    # so at 1e-8 GeV F = 1 to 1e-6.
    assert sv.gm2_loop_function(1e-8) == pytest.approx(1.0, rel=1e-6)


def test_visible_widths_and_r_ratio():
    m = np.array([0.05, 0.5, 4.0])
    w = sv.aprime_visible_widths(m, 1e-3)
    assert np.array_equal(w["electrons"], sv.aprime_width_leptons(m, 1e-3))
    assert np.array_equal(w["muons"], sv.aprime_width_leptons(m, 1e-3, sv.mass_muon))
    assert np.array_equal(w["hadrons"], sv.aprime_width_hadrons(m, 1e-3))
    assert np.allclose(w["total"], w["electrons"] + w["muons"] + w["taus"] + w["hadrons"],
                       rtol=1e-15)
    assert w["taus"][1] == 0 and w["taus"][2] > 0  # 2 m_tau = 3.55 GeV
    # Gamma_had = eps^2 alpha m R_had(m^2) / 3 (physics/aprime_width.hpp).
    assert np.allclose(w["hadrons"], 1e-6 * sv.alpha_em * m / 3 * sv.r_ratio_hadrons(m**2),
                       rtol=1e-14)
