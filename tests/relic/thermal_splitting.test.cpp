// Tests of semivisible/relic/thermal_splitting.hpp: round trip through thermal_target, the bracket
// brackets the target (y_relic grows with the splitting), identity with the inline solve it
// replaces in the na64-2021 command, statuses for an uncrossed target and bad input.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>

#include <boost/math/tools/toms748_solve.hpp>

#include "semivisible/relic/thermal_splitting.hpp"

namespace sr = semivisible::relic;
using semivisible::status;

TEST_CASE("thermal_splitting inverts the thermal target in the splitting", "[relic][splitting]") {
  // Round trip: y at Δ/m1 = 0.4 (m1 = 30 MeV, α_D = 0.1, m_A′ = 3 m1) → the splitting back.
  const double m1 = 0.03, alpha = 0.1, ratio = 3.0;
  const auto at = sr::thermal_target(m1, 0.4, alpha, ratio);
  REQUIRE(at.status.ok());
  const auto r = sr::thermal_splitting(m1, at.y, alpha, ratio);
  REQUIRE(r.status.ok());
  CHECK(r.mass_chi1 == m1);
  // eps_tolerance(12): the final bracket is ≤ 2^-11 relative, the result its middle.
  CHECK(r.bracket.second - r.bracket.first <= std::ldexp(1.0, -11) * r.bracket.second * 1.0001);
  CHECK(r.splitting_ratio == Approx(0.4).epsilon(std::ldexp(1.0, -11)));
  CHECK(r.iterations >= 3);
  CHECK(r.iterations <= 32);  // two ends + at most 30
  // y_relic grows with the splitting, so the target lies between y at the bracket's ends, and y
  // at the result is within that spread of the target (the round-trip tolerance, ≈ 0.3 % here:
  // d ln y / d ln f ≈ f x_f ≈ 8 times the 2^-12 half-width).
  const double y_lo = sr::thermal_target(m1, r.bracket.first, alpha, ratio).y;
  const double y_hi = sr::thermal_target(m1, r.bracket.second, alpha, ratio).y;
  const double y_mid = sr::thermal_target(m1, r.splitting_ratio, alpha, ratio).y;
  CHECK(y_lo <= at.y * (1 + 1e-6));  // 1e-6: the relic root tolerance of each thermal_target
  CHECK(y_hi >= at.y * (1 - 1e-6));
  CHECK(std::abs(std::log(y_mid / at.y)) <= std::log(y_hi / y_lo) + 1e-6);
  CHECK(std::abs(std::log(y_mid / at.y)) < 5e-3);
}

TEST_CASE("thermal_splitting is the inline solve of the na64-2021 relic overlay",
          "[relic][splitting]") {
  // The code it replaces (examples/cli/cmd_na64_2021.cpp, relic_splitting.csv), written out:
  // g(f) = ln(y_relic(m1, f)/y_target) on [0.02, 0.95], TOMS 748 with eps_tolerance(12), 30
  // iterations. Same evaluations, same answer (bitwise).
  const double m1 = 0.01, alpha = 0.1, ratio = 3.0, y_target = 2e-10;
  auto g = [&](double f) {
    const auto p = sr::thermal_target(m1, f, alpha, ratio);
    return p.status.ok() ? std::log(p.y / y_target) : std::nan("");
  };
  const double lo = 0.02, hi = 0.95, g_lo = g(lo), g_hi = g(hi);
  REQUIRE(g_lo < 0);
  REQUIRE(g_hi > 0);
  std::uintmax_t iterations = 30;
  const auto inline_pair = boost::math::tools::toms748_solve(
      g, lo, hi, g_lo, g_hi, boost::math::tools::eps_tolerance<double>(12), iterations);
  const auto r = sr::thermal_splitting(m1, y_target, alpha, ratio);
  REQUIRE(r.status.ok());
  CHECK(r.splitting_ratio == 0.5 * (inline_pair.first + inline_pair.second));
  CHECK(r.iterations == iterations + 2);
}

TEST_CASE("thermal_splitting: statuses and bad input", "[relic][splitting][errors]") {
  // A y far above the target line for every splitting in range: no bracket, a status, no NaN.
  const auto high = sr::thermal_splitting(0.03, 1e-3, 0.1, 3.0);
  CHECK(high.status.code == status::no_bracket);
  CHECK_THAT(high.status.message, Catch::Matchers::Contains("y_target = 0.001"));
  CHECK(high.splitting_ratio == 0.0);
  CHECK(high.iterations == 2);
  // And far below (y smaller than the Δ → 0 target).
  const auto low = sr::thermal_splitting(0.03, 1e-16, 0.1, 3.0);
  CHECK(low.status.code == status::no_bracket);
  // The iteration limit: not_converged with the bracket's middle.
  sr::splitting_options few;
  few.bits = 40;
  few.max_iterations = 2;
  const auto slow = sr::thermal_splitting(0.03, 2e-9, 0.1, 3.0, few);
  CHECK(slow.status.code == status::not_converged);
  CHECK(slow.splitting_ratio == 0.5 * (slow.bracket.first + slow.bracket.second));
  using semivisible::invalid_parameter;
  CHECK_THROWS_AS(sr::thermal_splitting(1e-4, 1e-10, 0.1, 3.0), invalid_parameter);
  CHECK_THROWS_AS(sr::thermal_splitting(0.03, -1.0, 0.1, 3.0), invalid_parameter);
  CHECK_THROWS_AS(sr::thermal_splitting(0.03, 1e-10, 0.0, 3.0), invalid_parameter);
  sr::splitting_options bad;
  bad.splitting_hi = 0.01;
  CHECK_THROWS_WITH(sr::thermal_splitting(0.03, 1e-10, 0.1, 3.0, bad),
                    Catch::Matchers::Contains("splitting_hi = 0.01"));
}
