// Tests of semivisible/model/parameters.hpp: the benchmark factory and input validation.
#include <catch2/catch.hpp>

#include <limits>

#include "semivisible/model/parameters.hpp"

using semivisible::invalid_parameter;
using semivisible::model::parameters;

TEST_CASE("benchmark point follows the NA64 2021 parametrisation", "[model]") {
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  // Exact arithmetic up to one rounding each: relative 1e-15.
  CHECK(p.mass_chi1() == Approx(0.1).epsilon(1e-15));
  CHECK(p.mass_chi2() == Approx(0.14).epsilon(1e-15));
  CHECK(p.splitting_ratio() == Approx(0.4).epsilon(1e-14));
  CHECK(p.mass_ratio() == Approx(3.0).epsilon(1e-15));
  CHECK(p.alpha_dark() == 0.1);
  CHECK(p.with_epsilon(2e-3).epsilon() == 2e-3);
  CHECK(p.with_epsilon(2e-3).mass_chi2() == p.mass_chi2());
}

TEST_CASE("float, double and long double instantiate and agree", "[model]") {
  const auto f = semivisible::model::benchmark<float>(0.3f, 1e-3f);
  const auto l = semivisible::model::benchmark<long double>(0.3L, 1e-3L);
  CHECK(static_cast<double>(f.mass_chi2()) == Approx(0.14).epsilon(1e-6));
  CHECK(static_cast<double>(l.mass_chi2()) == Approx(0.14).epsilon(1e-15));
}

TEST_CASE("bad model input throws naming function, parameter and value", "[model][errors]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(parameters<double>(-0.3, 1e-3, 0.1, 0.1, 0.14),
                    Catch::Contains("parameters") && Catch::Contains("mass_aprime = -0.3"));
  CHECK_THROWS_AS(parameters<double>(nan, 1e-3, 0.1, 0.1, 0.14), invalid_parameter);
  CHECK_THROWS_AS(parameters<double>(inf, 1e-3, 0.1, 0.1, 0.14), invalid_parameter);
  CHECK_THROWS_WITH(parameters<double>(0.3, 0.0, 0.1, 0.1, 0.14), Catch::Contains("epsilon = 0"));
  CHECK_THROWS_WITH(parameters<double>(0.3, -1e-3, 0.1, 0.1, 0.14), Catch::Contains("epsilon"));
  CHECK_THROWS_WITH(parameters<double>(0.3, 1e-3, 0.0, 0.1, 0.14),
                    Catch::Contains("alpha_dark = 0"));
  CHECK_THROWS_WITH(parameters<double>(0.3, 1e-3, 0.1, -0.1, 0.14), Catch::Contains("mass_chi1"));
  CHECK_THROWS_WITH(parameters<double>(0.3, 1e-3, 0.1, 0.1, 0.0), Catch::Contains("mass_chi2 = 0"));
  // Δ ≤ 0
  CHECK_THROWS_WITH(parameters<double>(0.3, 1e-3, 0.1, 0.1, 0.1), Catch::Contains("splitting > 0"));
  // Δ ≥ m_A′ − 2 m_χ1: A′ → χ1χ2 closed
  CHECK_THROWS_WITH(parameters<double>(0.3, 1e-3, 0.1, 0.1, 0.2), Catch::Contains("splitting"));
  CHECK_THROWS_WITH(parameters<double>::from_ratios(0.3, 1e-3, 0.1, 2.0, 0.4),
                    Catch::Contains("from_ratios") && Catch::Contains("splitting"));
  CHECK_THROWS_WITH(parameters<double>::from_ratios(0.3, 1e-3, 0.1, 3.0, -0.4),
                    Catch::Contains("splitting_ratio = -0.4"));
  CHECK_THROWS_WITH(semivisible::model::benchmark(0.3, 1e-3).with_epsilon(nan),
                    Catch::Contains("with_epsilon") && Catch::Contains("epsilon = nan"));
}

TEST_CASE("a splitting below 2 m_e is a valid (stable chi2) model", "[model]") {
  // Δ = 0.4 m_A′/3 < 2 m_e for m_A′ < 7.665 MeV: allowed, the χ2 is then stable.
  CHECK_NOTHROW(semivisible::model::benchmark(5e-3, 1e-3));
}
