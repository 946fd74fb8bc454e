// Tests of semivisible/production/meson_spectrum.hpp: the multiplicity against an independent
// adaptive integration in lab variables (meson_spectrum_check.py), normalisation to a given
// multiplicity, positivity, the A-scaling, convergence in the quadrature orders, errors.
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/production/meson_spectrum.hpp"

namespace sp = semivisible::production;

namespace {
sp::meson_spectrum_settings nucal_pi0() {
  sp::meson_spectrum_settings s;
  s.beam_energy = 70.0;
  s.target_mass_number = 55.845;
  return s;
}
}  // namespace

TEST_CASE("BMPT primary multiplicity against the Python integration",
          "[production][meson_spectrum]") {
  // meson_spectrum_check.py (scipy dblquad in (p, θ), rel. tol. 1e-8):
  //   N_pi0(70.0, 55.845)  = 2.22527950e+00  N_etashape = 1.17339558e+00
  //   N_pi0(400.0, 63.546) = 4.37446673e+00  N_etashape = 2.69425267e+00
  // Tolerance 2e-6: the adaptive integration's own accuracy (1e-8 requested, ~1e-7 achieved
  // across the split points) plus the Gauss–Legendre error at the default orders (< 1e-6 below).
  const sp::meson_spectrum nucal(nucal_pi0());
  CHECK(nucal.multiplicity() == Approx(2.22527950).epsilon(2e-6));
  auto charm_settings = sp::meson_spectrum_settings{};
  const sp::meson_spectrum charm(charm_settings);
  CHECK(charm.multiplicity() == Approx(4.37446673).epsilon(2e-6));
  charm_settings.which = sp::meson::eta;
  const sp::meson_spectrum charm_eta(charm_settings);
  CHECK(charm_eta.bmpt_multiplicity() == Approx(2.69425267).epsilon(2e-6));
  // The η is normalised to η/π⁰ × N_π0 (default ratio 0.078).
  CHECK(charm_eta.multiplicity() == Approx(0.078 * 4.37446673).epsilon(2e-6));
  // A point of d²N/dp dθ (Python: d2n(400.0, 63.546, 20.0, 0.01) = 1.312703867476e+00).
  CHECK(charm.d2n_dp_dtheta(20.0, 0.01) == Approx(1.312703867476).epsilon(1e-10));
  CHECK(nucal.d2n_dp_dtheta(5.0, 0.05) == Approx(1.000225310132).epsilon(1e-10));
}

TEST_CASE("meson spectrum: nodes integrate to the multiplicity; positivity; override",
          "[production][meson_spectrum]") {
  auto s = nucal_pi0();
  const sp::meson_spectrum a(s);
  double sum = 0;
  for (const auto& n : a.nodes()) {
    CHECK(n.weight >= 0);
    CHECK(n.momentum >= 0);
    CHECK(n.theta >= 0);
    sum += n.weight;
  }
  CHECK(sum == Approx(a.multiplicity()).epsilon(1e-13));
  for (double p : {0.5, 2.0, 10.0, 40.0})
    for (double th : {1e-3, 0.05, 0.5, 2.5}) CHECK(a.d2n_dp_dtheta(p, th) >= 0);
  // Normalised to a given multiplicity: shape unchanged, integral = the setting.
  s.mesons_per_pot = 1.5;
  const sp::meson_spectrum b(s);
  CHECK(b.multiplicity() == 1.5);
  CHECK(b.fold([](double, double) { return 1.0; }) == Approx(1.5).epsilon(1e-13));
  CHECK(b.d2n_dp_dtheta(5.0, 0.05) / a.d2n_dp_dtheta(5.0, 0.05) ==
        Approx(1.5 / a.multiplicity()).epsilon(1e-13));
  // ⟨p_T⟩ of π⁰ at 70 GeV: ≈ 0.33 GeV (typical soft-hadron value 0.3–0.4 GeV).
  const double mean_pt =
      a.fold([](double p, double th) { return p * std::sin(th); }) / a.multiplicity();
  CHECK(mean_pt > 0.28);
  CHECK(mean_pt < 0.40);
  // dN/dp dΩ = dN/dp dθ / (2π sinθ).
  CHECK(a.d2n_dp_domega(5.0, 0.05) * 2 * std::numbers::pi * std::sin(0.05) ==
        Approx(a.d2n_dp_dtheta(5.0, 0.05)).epsilon(1e-14));
}

TEST_CASE("meson spectrum: A-scaling", "[production][meson_spectrum]") {
  // The spectrum per interaction scales as (A/9.012)^α(x_F,p_T) × σ_inel(Be)/σ_inel(A).
  auto s = nucal_pi0();
  s.target_mass_number = 9.012;
  const sp::meson_spectrum be(s);
  s.target_mass_number = 55.845;
  const sp::meson_spectrum fe(s);
  const double p = 5.0, th = 0.05;
  const auto v = sp::bmpt_kinematics(70.0, sp::properties(sp::meson::pi0).mass, p, th);
  const double expected =
      std::pow(55.845 / 9.012, sp::bmpt_nuclear_exponent(v.x_feynman, v.transverse_momentum)) *
      sp::default_inelastic_cross_section_mb(9.012) /
      sp::default_inelastic_cross_section_mb(55.845);
  CHECK(fe.d2n_dp_dtheta(p, th) / be.d2n_dp_dtheta(p, th) == Approx(expected).epsilon(1e-13));
  // Multiplicity per interaction grows with A (α > 0.691 in the central region).
  CHECK(fe.multiplicity() > be.multiplicity());
}

TEST_CASE("meson spectrum: quadrature converged at the default orders",
          "[production][meson_spectrum]") {
  auto s = nucal_pi0();
  const sp::meson_spectrum a(s);
  s.rapidity_nodes = 96;
  s.transverse_nodes = 24;
  const sp::meson_spectrum b(s);
  CHECK(a.multiplicity() == Approx(b.multiplicity()).epsilon(1e-6));
}

TEST_CASE("meson spectrum: errors", "[production][meson_spectrum][errors]") {
  auto s = nucal_pi0();
  s.beam_energy = 1.0;
  CHECK_THROWS_WITH(sp::meson_spectrum(s), Catch::Contains("beam_energy = 1"));
  s = nucal_pi0();
  s.mesons_per_pot = -1.0;
  CHECK_THROWS_WITH(sp::meson_spectrum(s), Catch::Contains("mesons_per_pot = -1"));
  s = nucal_pi0();
  s.target_mass_number = 0.0;
  CHECK_THROWS_AS(sp::meson_spectrum(s), semivisible::invalid_parameter);
}
