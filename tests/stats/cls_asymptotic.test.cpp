// Tests of semivisible/stats/cls_asymptotic.hpp beyond the closed-form checks of cls.test.cpp:
// the count-size guard (no wrong "ok" where q̃ has no significant digits), the repeated free
// fit when −ln L has several minima, the work budget, and the concept.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "semivisible/stats/cls.hpp"

namespace st = semivisible::stats;
using Catch::Matchers::Contains;
using semivisible::status;

static_assert(st::cls_engine<st::asymptotic_engine>);
static_assert(st::expected_cls_engine<st::asymptotic_engine>);
static_assert(!st::outcome_band_engine<st::asymptotic_engine>);

TEST_CASE("asymptotic: counts beyond 1e10 events give numerical_error, not a number",
          "[stats][cls][asymptotic][errors]") {
  const std::vector<double> s{1.0};
  // 1e9 events: still resolved (q̃ rounding ≈ 16 ε · 2e9 ≈ 4e-6).
  const auto fine = st::upper_limit(st::counting_model({1e9}, {1e9}, {0.0}), s, [] {
    st::limit_options o;
    o.algorithm = st::method::asymptotic;
    o.expected = false;
    return o;
  }());
  CHECK(fine.status.ok());
  // Gaussian regime, n = b: CL_b = ½, so CLs = 0.1 needs CL_{s+b} = 0.05, μ_up = 1.645 √b
  // (q̃ = μ²/b to O(μ/b) = 5e-5).
  CHECK(fine.mu_upper == Approx(1.6449 * std::sqrt(1e9)).epsilon(1e-3));
  for (double b : {1e11, 1e300}) {
    st::asymptotic_engine a(st::counting_model({0}, {b}, {0.0}), s);
    CHECK(a.status().code == status::numerical_error);
    CHECK_THAT(a.status().message, Contains("double precision"));
    CHECK(a.cls(1.0).status.code == status::numerical_error);
  }
}

TEST_CASE("asymptotic: several minima of -ln L are caught", "[stats][cls][asymptotic]") {
  // 1e6 events where b = 0.19 ± 0.07 (log-normal) next to an empty bin: the fit can put the S1
  // background at its 30σ bound. The free fit from the nominal start misses that minimum; it is
  // repeated from θ̂_0, so q̃ ≥ 0 is consistent: no conditional fit may beat it.
  const st::counting_model m({1e6, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  st::asymptotic_engine a(m, s);
  REQUIRE(a.status().ok());
  for (double mu : {1.001e6, 1.1e6, 2e6, 1e7}) {
    semivisible::solver_status st0;
    const double q = a.qtilde(mu, st0);
    CHECK(st0.ok());
    // q̃ grows with μ (θ_s must absorb the excess: q̃ ≈ (ln(μ/μ̂)/ln 1.2)² for μ ≫ μ̂).
    CHECK(q > 0);
  }
  semivisible::solver_status st1;
  CHECK(a.qtilde(1e7, st1) ==
        Approx(std::pow(std::log(1e7 / 0.992e6) / std::log(1.2), 2)).epsilon(0.05));
}

TEST_CASE("asymptotic: the work budget and bad input", "[stats][cls][asymptotic][errors]") {
  const st::counting_model m({3, 1}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  st::asymptotic_engine tiny(m, s, {}, 100);  // the first fits alone exceed 100 units
  CHECK(tiny.exhausted());
  st::limit_options o;
  o.algorithm = st::method::asymptotic;
  const auto r = st::upper_limit(tiny, o);
  CHECK(r.status.code == status::not_converged);
  CHECK(std::isnan(r.mu_upper));
  // A budget of 0 is unlimited.
  st::asymptotic_engine free_engine(m, s, {}, 0);
  CHECK(st::upper_limit(free_engine, o).status.ok());
  st::fit_options bad;
  bad.max_iterations = 0;
  CHECK_THROWS_WITH(st::asymptotic_engine(m, s, bad), Contains("fit.max_iterations = 0"));
  CHECK_THROWS_WITH(free_engine.cls(0.0), Contains("mu = 0"));
}
