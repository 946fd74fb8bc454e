// Tests of semivisible/relic/dof.hpp against the analytic limits of an ideal Standard Model gas.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "semivisible/relic/dof.hpp"

namespace sr = semivisible::relic;

TEST_CASE("g_eff and h_eff in their analytic plateaus", "[relic][dof]") {
  // T ≪ m_e: photons + decoupled neutrinos. With massless e± at ν decoupling, h = 2 + 21/4·4/11 =
  // 3.909 and g = 2 + 21/4·(4/11)^{4/3} = 3.363 (Kolb & Turner §3.4). Our decoupling at 2 MeV keeps
  // m_e/T = 0.26 in the e± entropy then, which raises T_ν by O((m_e/T)²) ≈ 0.3 %: tolerance 0.5 %.
  const auto cold = sr::effective_dof(1e-6);
  CHECK(cold.h_eff == Approx(2 + 21.0 / 4 * 4.0 / 11).epsilon(5e-3));
  CHECK(cold.g_eff == Approx(2 + 21.0 / 4 * std::pow(4.0 / 11, 4.0 / 3)).epsilon(5e-3));
  // 2 MeV < T ≪ m_μ: γ + e± + 3ν = 2 + 7/8·(4 + 6) = 10.75; the e mass (m_e/T = 0.1) and the μ tail
  // (e^{−21}) change it by < 0.3 %: tolerance 0.5 %.
  const auto mev = sr::effective_dof(5e-3);
  CHECK(mev.g_eff == Approx(10.75).epsilon(5e-3));
  CHECK(mev.h_eff == Approx(10.75).epsilon(5e-3));
  // dh/dT ≈ 0 there, so g_*^{1/2} = h/√g ≈ √10.75 (GG Eq. 2.3), same tolerance.
  CHECK(mev.g_star_sqrt == Approx(std::sqrt(10.75)).epsilon(5e-3));
  // T = 1 TeV: the whole Standard Model, 106.75; the top (m_t/T = 0.17) and the Higgs, W, Z masses
  // lower it by ~0.1 %: tolerance 0.5 %.
  CHECK(sr::effective_dof(1e3).g_eff == Approx(106.75).epsilon(5e-3));
}

TEST_CASE("g_eff and h_eff grow with temperature", "[relic][dof]") {
  // Every species adds degrees of freedom as T rises; neither function may decrease on the grid.
  double g_prev = 0, h_prev = 0;
  for (double lt = -5.0; lt <= 4.0; lt += 0.01) {
    const auto d = sr::effective_dof(std::pow(10.0, lt));
    CHECK(d.g_eff >= g_prev - 1e-9);
    CHECK(d.h_eff >= h_prev - 1e-9);
    g_prev = d.g_eff;
    h_prev = d.h_eff;
  }
}

TEST_CASE("effective_dof rejects unphysical temperatures", "[relic][dof][errors]") {
  CHECK_THROWS_WITH(sr::effective_dof(0.0),
                    Catch::Contains("effective_dof") && Catch::Contains("temperature = 0"));
  CHECK_THROWS_WITH(sr::effective_dof(-1.0), Catch::Contains("temperature = -1"));
  CHECK_THROWS_WITH(sr::effective_dof(2e4), Catch::Contains("temperature = 20000"));
  CHECK_THROWS_AS(sr::effective_dof(std::numeric_limits<double>::quiet_NaN()),
                  semivisible::invalid_parameter);
}
