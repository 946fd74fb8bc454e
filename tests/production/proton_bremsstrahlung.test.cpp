// Tests of semivisible/production/proton_bremsstrahlung.hpp: w_ba against the independent Python
// evaluation (proton_bremsstrahlung_check.py, bracket over H², adaptive scipy integration),
// limits (m → 0, z → 0, z → 1), σ_pp, the yield per POT at NuCal and its convergence, the cuts.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "semivisible/constants.hpp"
#include "semivisible/production/proton_bremsstrahlung.hpp"

namespace sp = semivisible::production;
namespace sc = semivisible::constants;

TEST_CASE("w_ba against the Python evaluation", "[production][proton_bremsstrahlung]") {
  // proton_bremsstrahlung_check.py (w over the common denominator H³; rounding-level agreement):
  //   w(0.1, 0.0, 0.01) = 2.363682411828e+00  z_plus: 2.340135533889e+00
  //   w(0.5, 0.04, 0.3) = 8.003161896520e-03  z_plus: 7.193045328011e-03
  //   w(0.9, 0.5, 0.6)  = 9.297052453908e-04  z_plus: 9.263055513416e-04
  //   w(0.3, 1.0, 0.9)  = 3.222892498029e-03  z_plus: 3.168316415245e-03
  const auto zp = sp::splitting_variant::z_plus;
  CHECK(sp::proton_splitting_function(0.1, 0.0, 0.01) == Approx(2.363682411828).epsilon(1e-11));
  CHECK(sp::proton_splitting_function(0.1, 0.0, 0.01, 1.0, zp) ==
        Approx(2.340135533889).epsilon(1e-11));
  CHECK(sp::proton_splitting_function(0.5, 0.04, 0.3) == Approx(8.003161896520e-3).epsilon(1e-11));
  CHECK(sp::proton_splitting_function(0.5, 0.04, 0.3, 1.0, zp) ==
        Approx(7.193045328011e-3).epsilon(1e-11));
  CHECK(sp::proton_splitting_function(0.9, 0.5, 0.6) == Approx(9.297052453908e-4).epsilon(1e-11));
  CHECK(sp::proton_splitting_function(0.3, 1.0, 0.9) == Approx(3.222892498029e-3).epsilon(1e-11));
  // ε² scaling.
  CHECK(sp::proton_splitting_function(0.3, 0.2, 0.1, 1e-3) ==
        Approx(1e-6 * sp::proton_splitting_function(0.3, 0.2, 0.1)).epsilon(1e-14));
}

TEST_CASE("w_ba limits", "[production][proton_bremsstrahlung]") {
  const double mp2 = sc::mass_proton * sc::mass_proton;
  const double a = sc::alpha_em;
  // m → 0: the mass terms vanish, w → α/(2πH)[(1+(1−z)²)/z − 4z(1−z)m_p²/H + 4z³(1−z)m_p⁴/H²]
  // with H = p_T² + z²m_p²; the m² corrections are O(m²/H) ≤ 1.2e-10 at m = 1e-6 GeV (H ≥ 0.0088).
  for (double z : {0.1, 0.5, 0.9})
    for (double pt2 : {0.0, 0.1, 1.0}) {
      const double h = pt2 + z * z * mp2;
      const double omz = 1 - z;
      const double massless =
          a / (2 * std::numbers::pi * h) *
          ((1 + omz * omz) / z - 4 * z * omz * mp2 / h + 4 * z * z * z * omz * mp2 * mp2 / (h * h));
      CHECK(sp::proton_splitting_function(z, pt2, 1e-6) == Approx(massless).epsilon(1e-9));
      // Both variants coincide at m → 0 (the differing term ∝ m²).
      CHECK(sp::proton_splitting_function(z, pt2, 1e-6, 1.0, sp::splitting_variant::z_plus) ==
            Approx(sp::proton_splitting_function(z, pt2, 1e-6)).epsilon(1e-9));
    }
  // z → 0 at p_T > 0: the soft-photon pole, w → α/(2π p_T²)(2/z) (corrections O(z), O(m²/p_T²)).
  const double z = 1e-6, pt2 = 0.5, m = 1e-4;
  CHECK(sp::proton_splitting_function(z, pt2, m) * z ==
        Approx(a / (2 * std::numbers::pi * pt2) * 2).epsilon(1e-5));
  // z → 1: every term but (1+(1−z)²)/z → 1 carries a factor (1 − z): w → α/(2πH)·1,
  // H → p_T² + m_p²; at 1 − z = 1e-7 the correction is below 1e-5.
  const double z1 = 1 - 1e-7;
  for (double mm : {0.01, 0.5})
    CHECK(sp::proton_splitting_function(z1, 0.3, mm) ==
          Approx(a / (2 * std::numbers::pi * (0.3 + mp2))).epsilon(1e-5));
  CHECK_THROWS_WITH(sp::proton_splitting_function(1.0, 0.3, 0.1), Catch::Contains("z = 1"));
}

TEST_CASE("sigma_pp fit values", "[production][proton_bremsstrahlung]") {
  // Python: sigma_pp(10) = 41.10738514425, (131.3581) = 38.37351638319, (750.6) = 39.86090863369
  CHECK(sp::proton_proton_cross_section_mb(10.0) == Approx(41.10738514425).epsilon(1e-12));
  CHECK(sp::proton_proton_cross_section_mb(131.3581) == Approx(38.37351638319).epsilon(1e-12));
  CHECK(sp::proton_proton_cross_section_mb(750.6) == Approx(39.86090863369).epsilon(1e-12));
  CHECK_THROWS_AS(sp::proton_proton_cross_section_mb(0.5), semivisible::invalid_parameter);
}

TEST_CASE("proton-brem yield per POT at NuCal (70 GeV) against the Python integration",
          "[production][proton_bremsstrahlung]") {
  // proton_bremsstrahlung_check.py (scipy quad in z and p_T², rel. tol. 1e-10/1e-11), z ∈ [0.1,
  // 0.9], p_T < 1 GeV, ε = 1:
  //   yield(0.01) = 8.0444407181e-03  z_plus: 8.0399450860e-03
  //   yield(0.1)  = 8.2738955374e-03  z_plus: 8.0541889316e-03
  //   yield(0.3)  = 1.0103668670e-02  z_plus: 9.6666550542e-03
  //   yield(0.5)  = 2.0420945989e-02  z_plus: 1.9521821632e-02
  //   yield(0.7)  = 1.8237160497e-01  z_plus: 1.7452304080e-01
  //   yield(0.9)  = 8.2317543087e-02  z_plus: 7.8907292383e-02
  // Tolerance 1e-7: the Gauss–Legendre error at the default orders (< 1e-8, see convergence).
  const std::array<std::pair<double, double>, 6> ref{{{0.01, 8.0444407181e-03},
                                                      {0.1, 8.2738955374e-03},
                                                      {0.3, 1.0103668670e-02},
                                                      {0.5, 2.0420945989e-02},
                                                      {0.7, 1.8237160497e-01},
                                                      {0.9, 8.2317543087e-02}}};
  for (const auto& [m, y] : ref)
    CHECK(sp::proton_bremsstrahlung(m).yield() == Approx(y).epsilon(1e-7));
  sp::proton_bremsstrahlung_settings zp;
  zp.variant = sp::splitting_variant::z_plus;
  CHECK(sp::proton_bremsstrahlung(0.3, zp).yield() == Approx(9.6666550542e-03).epsilon(1e-7));
  // 400 GeV (CHARM): yield400(0.01) = 7.9483473112e-03, yield400(0.3) = 9.9715120241e-03.
  sp::proton_bremsstrahlung_settings charm;
  charm.beam_energy = 400.0;
  CHECK(sp::proton_bremsstrahlung(0.01, charm).yield() == Approx(7.9483473112e-03).epsilon(1e-7));
  CHECK(sp::proton_bremsstrahlung(0.3, charm).yield() == Approx(9.9715120241e-03).epsilon(1e-7));
}

TEST_CASE("proton-brem spectrum: nodes, convergence, density, cuts",
          "[production][proton_bremsstrahlung]") {
  const sp::proton_bremsstrahlung b(0.2);
  double sum = 0;
  for (const auto& n : b.nodes()) {
    CHECK(n.weight > 0);
    CHECK(n.energy > 0.1 * 70 - 1e-9);  // z ≥ 0.1 ⇒ E ≥ 0.1 P
    CHECK(n.theta >= 0);
    CHECK(n.theta < std::atan(1.0 / (0.1 * 69.99)));  // p_T ≤ 1, p_∥ ≥ 0.1 P
    sum += n.weight;
  }
  CHECK(sum == Approx(b.yield()).epsilon(1e-13));
  sp::proton_bremsstrahlung_settings fine;
  fine.z_nodes = 48;
  fine.pt_nodes = 64;
  CHECK(sp::proton_bremsstrahlung(0.2, fine).yield() == Approx(b.yield()).epsilon(1e-8));
  // d²N/dz dp_T² is the product of its factors, and 0 outside the cuts.
  const double z = 0.4, pt2 = 0.09, m = 0.2;
  const double mp = sc::mass_proton;
  const double p = std::sqrt(70.0 * 70.0 - mp * mp);
  const double ea = std::sqrt(z * z * p * p + pt2 + m * m);
  CHECK(b.d2n_dz_dpt2(z, pt2) ==
        Approx(sp::proton_proton_cross_section_mb(2 * mp * (70 - ea)) /
               sp::proton_proton_cross_section_mb(2 * mp * 70) *
               sp::proton_form_factor_f1_squared(m * m) * sp::proton_splitting_function(z, pt2, m))
            .epsilon(1e-14));
  CHECK(b.d2n_dz_dpt2(0.05, pt2) == 0.0);
  CHECK(b.d2n_dz_dpt2(z, 1.5) == 0.0);
  // The default hierarchy factor k = 5 does not bite at 70 GeV: same yield as k = 0.
  sp::proton_bremsstrahlung_settings off;
  off.hierarchy_factor = 0.0;
  CHECK(sp::proton_bremsstrahlung(0.2, off).yield() == Approx(b.yield()).epsilon(1e-14));
  CHECK(b.z_lower() == 0.1);
  CHECK(b.z_upper() == 0.9);
  // At 20 GeV it does: E_A′ ≥ 5 GeV ⇒ z ≥ √(25 − 1 − 0.04)/P ≈ 0.245.
  sp::proton_bremsstrahlung_settings low;
  low.beam_energy = 20.0;
  const sp::proton_bremsstrahlung c(0.2, low);
  const double p20 = std::sqrt(400 - mp * mp);
  CHECK(c.z_lower() == Approx(std::sqrt(25.0 - 1.0 - 0.04) / p20).epsilon(1e-14));
  CHECK(c.z_upper() == Approx(std::sqrt(15.0 * 15.0 - 1.04) / p20).epsilon(1e-14));
  // Yield ∝ |F1|²: the ρ/ω enhancement at m = 0.7 GeV.
  CHECK(sp::proton_bremsstrahlung(0.7).yield() /
            sp::proton_bremsstrahlung(0.7).form_factor_squared() <
        sp::proton_bremsstrahlung(0.3).yield() /
            sp::proton_bremsstrahlung(0.3).form_factor_squared());
}

TEST_CASE("proton-brem settings are validated", "[production][proton_bremsstrahlung][errors]") {
  sp::proton_bremsstrahlung_settings s;
  s.z_min = 0.95;
  CHECK_THROWS_WITH(sp::proton_bremsstrahlung(0.1, s), Catch::Contains("z_min = 0.95"));
  s = {};
  s.beam_energy = 8.0;  // k = 5: E_A′ ≥ 5 and E_p − E_A′ ≥ 5 GeV leave nothing at 8 GeV
  CHECK_THROWS_WITH(sp::proton_bremsstrahlung(0.1, s), Catch::Contains("hierarchy_factor = 5"));
  CHECK_THROWS_AS(sp::proton_bremsstrahlung(-0.1), semivisible::invalid_parameter);
}
