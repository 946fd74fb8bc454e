// Tests of semivisible/physics/gm2.hpp against docs/formula-notes.md §6 (table, T21), analytic
// limits and an independent quadrature.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/quadrature/tanh_sinh.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/physics/gm2.hpp"

namespace sp = semivisible::physics;
namespace sc = semivisible::constants;

TEST_CASE("loop function F: limits F -> 1 and F -> 2 m^2/(3 m_A'^2) (T21)", "[physics][gm2]") {
  const double mmu = sc::mass_muon;
  // m_A' ≪ m_μ: F = 1 − O(m_A'/m_μ) (the leading correction is ∝ r = m_A'/m_μ, here 1e-6).
  CHECK(sp::gm2_loop_function(1e-7, mmu) == Approx(1.0).margin(1e-5));
  CHECK(sp::gm2_loop_function(1e-7, mmu) < 1.0);
  // T21: F · 3 m_A'²/(2 m_μ²) = 0.99765 at m_A' = 10 GeV (quoted to 5 digits: margin 1e-5).
  CHECK(sp::gm2_loop_function(10.0, mmu) * 3 * 100 / (2 * mmu * mmu) ==
        Approx(0.99765).margin(1e-5));
  // Further out the ratio keeps approaching 1 (corrections O(m²/m_A'² log)): 1e-3 at 100 GeV.
  CHECK(sp::gm2_loop_function(100.0, mmu) * 3 * 1e4 / (2 * mmu * mmu) == Approx(1).margin(1e-3));
}

TEST_CASE("loop function F agrees with an independent tanh-sinh quadrature", "[physics][gm2]") {
  // Both target ≤1e-10; tolerance 1e-9.
  boost::math::quadrature::tanh_sinh<double> ts;
  for (double ma : {1e-4, 1e-3, 0.02, 0.1, 0.5, 2.0, 20.0}) {
    const double r = ma / sc::mass_muon;
    const double ref = ts.integrate(
        [r](double z) { return 2 * z * (1 - z) * (1 - z) / ((1 - z) * (1 - z) + r * r * z); }, 0.0,
        1.0, 1e-13);
    CHECK(sp::gm2_loop_function(ma, sc::mass_muon) == Approx(ref).epsilon(1e-9));
  }
}

TEST_CASE("F and the g-2 epsilon band vs docs/formula-notes.md table 6", "[physics][gm2]") {
  struct row {
    double ma, f, central, m2, p2, m1, p1;
  };
  const std::vector<row> rows = {
      {0.001, 0.971852, 1.4912e-3, 1.0855e-3, 1.8081e-3, 1.3042e-3, 1.6573e-3},
      {0.020, 0.641179, 1.8359e-3, 1.3364e-3, 2.2260e-3, 1.6057e-3, 2.0403e-3},
      {0.050, 0.398405, 2.3291e-3, 1.6954e-3, 2.8240e-3, 2.0370e-3, 2.5884e-3},
      {0.200, 0.097408, 4.7103e-3, 3.4288e-3, 5.7112e-3, 4.1197e-3, 5.2347e-3},
      {0.390, 0.035815, 7.7681e-3, 5.6546e-3, 9.4186e-3, 6.7940e-3, 8.6329e-3},
      {0.500, 0.023637, 9.5621e-3, 6.9605e-3, 1.1594e-2, 8.3631e-3, 1.0627e-2},
      {1.000, 0.006791, 1.7840e-2, 1.2986e-2, 2.1631e-2, 1.5603e-2, 1.9826e-2}};
  for (const auto& r : rows) {
    INFO("m_A' = " << r.ma);
    // F is quoted to 6 decimal places (absolute margin: half a unit of the last place, 5e-7);
    // ε to 5 significant digits (relative 1e-4).
    CHECK(sp::gm2_loop_function(r.ma, sc::mass_muon) == Approx(r.f).margin(5e-7).epsilon(0));
    const auto band = sp::gm2_band(r.ma);  // default: (251 ± 59)e-11
    CHECK(band.central == Approx(r.central).epsilon(1e-4));
    CHECK(band.two_sigma_low == Approx(r.m2).epsilon(1e-4));
    CHECK(band.two_sigma_high == Approx(r.p2).epsilon(1e-4));
    CHECK(band.one_sigma_low == Approx(r.m1).epsilon(1e-4));
    CHECK(band.one_sigma_high == Approx(r.p1).epsilon(1e-4));
    // Consistency: a(ε_central) = Δa_μ to rounding (1e-12).
    CHECK(sp::gm2_aprime_contribution(r.ma, band.central) == Approx(251e-11).epsilon(1e-12));
    CHECK(sp::epsilon_for_delta_amu(r.ma, 251e-11) == Approx(band.central).epsilon(1e-14));
  }
}

TEST_CASE("a_l = alpha eps^2/2pi in the light-A' limit and scales as eps^2", "[physics][gm2]") {
  const double a0 = sc::alpha_em * 1e-6 / (2 * sc::pi);
  // F(1e-7/m_e) = 1 − O(2e-4): tolerance 1e-3.
  CHECK(sp::gm2_aprime_contribution(1e-7, 1e-3, sc::mass_electron) == Approx(a0).epsilon(1e-3));
  CHECK(sp::gm2_aprime_contribution(0.1, 2e-3) / sp::gm2_aprime_contribution(0.1, 1e-3) ==
        Approx(4.0).epsilon(1e-14));
}

TEST_CASE("BNL band, ordering, and a -2 sigma edge below zero gives 0 (not NaN)",
          "[physics][gm2]") {
  const auto b = sp::gm2_band(0.2, sp::gm2_discrepancy_bnl);
  CHECK(b.two_sigma_low < b.one_sigma_low);
  CHECK(b.one_sigma_low < b.central);
  CHECK(b.central < b.one_sigma_high);
  CHECK(b.one_sigma_high < b.two_sigma_high);
  // ε ∝ √Δa: the BNL central value over the 2021 one is √(279/251) (rounding only).
  CHECK(b.central / sp::gm2_band(0.2).central == Approx(std::sqrt(279.0 / 251.0)).epsilon(1e-13));
  CHECK(b.contains(b.central));
  CHECK_FALSE(b.contains(b.two_sigma_high * 1.01));
  // Δa − 2σ < 0 and Δa − σ = 0: both lower edges are exactly 0.
  const auto wide = sp::gm2_band(0.2, 100e-11, 100e-11);
  CHECK(wide.one_sigma_low == 0.0);
  CHECK(wide.two_sigma_low == 0.0);
  CHECK(std::isfinite(wide.two_sigma_high));
  CHECK(wide.contains(1e-9));
  // Zero error: all edges equal the central value.
  const auto sharp = sp::gm2_band(0.2, 251e-11, 0.0);
  CHECK(sharp.two_sigma_low == sharp.central);
  CHECK(sharp.two_sigma_high == sharp.central);
}

TEMPLATE_TEST_CASE("g-2 in float and long double agrees with double", "[physics][gm2]", float,
                   long double) {
  using R = TestType;
  // float: quadrature target 1.2e-5 and rounding: 1e-4; long double: the double target 1e-10 →
  // 1e-9.
  const double tol = std::is_same_v<R, float> ? 1e-4 : 1e-9;
  for (double ma : {0.01, 0.3, 3.0}) {
    CHECK(static_cast<double>(sp::gm2_loop_function(R(ma), R(sc::mass_muon))) ==
          Approx(sp::gm2_loop_function(ma, sc::mass_muon)).epsilon(tol));
    CHECK(static_cast<double>(sp::epsilon_for_delta_amu(R(ma), R(251e-11))) ==
          Approx(sp::epsilon_for_delta_amu(ma, 251e-11)).epsilon(tol));
  }
}

TEST_CASE("g-2 functions reject bad input naming function, parameter and value",
          "[physics][gm2][errors]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(sp::gm2_loop_function(-0.1, sc::mass_muon),
                    Catch::Contains("gm2_loop_function") && Catch::Contains("mass_aprime = -0.1"));
  CHECK_THROWS_WITH(sp::gm2_loop_function(0.1, 0.0), Catch::Contains("mass_lepton = 0"));
  CHECK_THROWS_WITH(sp::gm2_loop_function(nan, sc::mass_muon),
                    Catch::Contains("mass_aprime = nan"));
  CHECK_THROWS_WITH(sp::gm2_aprime_contribution(0.1, inf),
                    Catch::Contains("gm2_aprime_contribution") && Catch::Contains("epsilon = inf"));
  CHECK_THROWS_WITH(
      sp::epsilon_for_delta_amu(0.1, -1e-9),
      Catch::Contains("epsilon_for_delta_amu") && Catch::Contains("delta_amu = -1e-09"));
  CHECK_THROWS_WITH(sp::epsilon_for_delta_amu(0.0, 251e-11), Catch::Contains("mass_aprime = 0"));
  CHECK_THROWS_WITH(sp::gm2_band(0.1, 251e-11, -1e-11),
                    Catch::Contains("gm2_band") && Catch::Contains("delta_amu_error = -1e-11"));
  CHECK_THROWS_AS(sp::gm2_band(0.1, nan, 59e-11), semivisible::invalid_parameter);
  CHECK_THROWS_AS(sp::gm2_band(-inf, 251e-11, 59e-11), std::invalid_argument);
}
