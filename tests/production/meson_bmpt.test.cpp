// Tests of semivisible/production/meson_bmpt.hpp: kinematic variables against invariants, the
// formula's limits, the π⁺/π⁻ ratio, the nuclear scaling, and values from the independent
// Python evaluation (meson_spectrum_check.py, which computes x_R from the recoil mass instead).
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/constants.hpp"
#include "semivisible/production/meson_bmpt.hpp"

namespace sp = semivisible::production;
namespace sc = semivisible::constants;

TEST_CASE("BMPT kinematic variables", "[production][meson_bmpt]") {
  const double e = 400.0;
  const double m = sc::mass_pion_neutral;
  const double s = 2 * sc::mass_proton * sc::mass_proton + 2 * sc::mass_proton * e;
  const double mx = sc::mass_proton + sc::mass_neutron;
  const double e_star_max = (s - mx * mx + m * m) / (2 * std::sqrt(s));
  // A pion at rest in the CM frame (lab momentum = m βγ_cm along the beam): x_R = m/E*_max,
  // x_F = 0 (rounding of the boost, 1e-12).
  const double p_beam = std::sqrt(e * e - sc::mass_proton * sc::mass_proton);
  const double bg = p_beam / std::sqrt(s);
  const auto v = sp::bmpt_kinematics(e, m, m * bg, 0.0);
  CHECK(v.x_radial == Approx(m / e_star_max).epsilon(1e-12));
  CHECK(v.x_feynman == Approx(0.0).margin(1e-10));
  CHECK(v.transverse_momentum == 0.0);
  // p_T = p sinθ.
  CHECK(sp::bmpt_kinematics(e, m, 10.0, 0.1).transverse_momentum == Approx(10 * std::sin(0.1)));
  CHECK_THROWS_WITH(sp::bmpt_kinematics(0.5, m, 1.0, 0.1), Catch::Contains("beam_energy = 0.5"));
}

TEST_CASE("BMPT invariant cross section: support, ratio, pT shape", "[production][meson_bmpt]") {
  CHECK(sp::bmpt_invariant_pi_plus(0.0, 0.1) == 0.0);
  CHECK(sp::bmpt_invariant_pi_plus(1.0, 0.1) == 0.0);
  CHECK(sp::bmpt_invariant_pi_plus(1.2, 0.1) == 0.0);
  // At p_T = 0 the p_T factor is 1: A (1 − x)^α (1 + Bx) x^−β exactly.
  const double x = 0.2;
  CHECK(
      sp::bmpt_invariant_pi_plus(x, 0.0) ==
      Approx(62.3 * std::pow(0.8, 3.45) * (1 + 1.57 * 0.2) * std::pow(0.2, -0.517)).epsilon(1e-14));
  // π⁺/π⁻ = 1.05 (1 + x)^2.65: 1.05 at x → 0, 1.05 · 2^2.65 at x → 1.
  CHECK(sp::bmpt_pi_plus_over_minus(0.0) == Approx(1.05));
  CHECK(sp::bmpt_pi_plus_over_minus(1.0) == Approx(1.05 * std::pow(2.0, 2.65)).epsilon(1e-14));
  // ⟨p_T⟩ at x_R = 0.1 from the p_T factor alone (∫ p_T² f / ∫ p_T f, closed form with the
  // moments ∫p^n e^{−a′p} = n!/a′^{n+1}): (2/a′³ + 6a′/a′⁴ + 24b′/a′⁵)/(1/a′² + 2a′/a′³ + 6b′/a′⁴).
  const double ap = 6.10 / std::pow(0.1, 0.153);
  const double bp = 6.10 * 6.10 / (2 * std::pow(0.1, 0.478));
  const double mean_pt = (2 / std::pow(ap, 3) + 6 / std::pow(ap, 3) + 24 * bp / std::pow(ap, 5)) /
                         (1 / (ap * ap) + 2 / (ap * ap) + 6 * bp / std::pow(ap, 4));
  CHECK(mean_pt == Approx(0.40).margin(0.005));  // a′ = a/x^γ: 0.40 GeV (a·x^γ would give 0.89)
}

TEST_CASE("BMPT nuclear scaling", "[production][meson_bmpt]") {
  // α at x_F = 0, p_T = 0: 0.74 × 0.98; at p_T = 1 GeV both readings agree (0.74 × 1.19).
  CHECK(sp::bmpt_nuclear_exponent(0.0, 0.0) == Approx(0.74 * 0.98).epsilon(1e-15));
  CHECK(sp::bmpt_nuclear_exponent(0.0, 1.0, sp::nuclear_pt_dependence::linear) ==
        Approx(sp::bmpt_nuclear_exponent(0.0, 1.0)).epsilon(1e-15));
  CHECK(sp::bmpt_nuclear_exponent(0.5, 0.3) ==
        Approx((0.74 - 0.275 + 0.065) * (0.98 + 0.21 * 0.09)).epsilon(1e-15));
  // The Be reference is unscaled; Cu/Be = (63.546/9.012)^α(x_F, p_T) at the same kinematics.
  const double e = 400, m = sc::mass_pion_neutral, p = 20, th = 0.01;
  const auto v = sp::bmpt_kinematics(e, m, p, th);
  const double be = sp::bmpt_invariant_cross_section(e, 9.012, m, p, th);
  const double cu = sp::bmpt_invariant_cross_section(e, 63.546, m, p, th);
  CHECK(cu / be == Approx(std::pow(63.546 / 9.012,
                                   sp::bmpt_nuclear_exponent(v.x_feynman, v.transverse_momentum)))
                       .epsilon(1e-13));
  // π⁰ = average of π⁺ and π⁻.
  const double plus = sp::bmpt_invariant_cross_section(e, 9.012, m, p, th, sp::pion_charge::plus);
  const double minus = sp::bmpt_invariant_cross_section(e, 9.012, m, p, th, sp::pion_charge::minus);
  CHECK(be == Approx(0.5 * (plus + minus)).epsilon(1e-15));
}

TEST_CASE("BMPT values against the independent Python evaluation", "[production][meson_bmpt]") {
  // meson_spectrum_check.py output (x_R from the recoil invariant mass; agrees to rounding):
  //   inv(400.0, 63.546, 20.0, 0.01) = 8.281719211954e+02  linear: 8.679012814165e+02
  //   inv(70.0, 55.845, 5.0, 0.05)   = 4.620572447940e+02  linear: 4.861079341262e+02
  //   inv(450.0, 9.012, 40.0, 0.005) = 1.375700373869e+02  linear: 1.375700373869e+02
  const double m = sc::mass_pion_neutral;
  const auto lin = sp::nuclear_pt_dependence::linear;
  const auto avg = sp::pion_charge::average;
  CHECK(sp::bmpt_invariant_cross_section(400.0, 63.546, m, 20.0, 0.01) ==
        Approx(8.281719211954e+02).epsilon(1e-10));
  CHECK(sp::bmpt_invariant_cross_section(400.0, 63.546, m, 20.0, 0.01, avg, sp::bmpt_pion_beryllium,
                                         lin) == Approx(8.679012814165e+02).epsilon(1e-10));
  CHECK(sp::bmpt_invariant_cross_section(70.0, 55.845, m, 5.0, 0.05) ==
        Approx(4.620572447940e+02).epsilon(1e-10));
  CHECK(sp::bmpt_invariant_cross_section(450.0, 9.012, m, 40.0, 0.005) ==
        Approx(1.375700373869e+02).epsilon(1e-10));
}
