// Tests of semivisible/stats/response.hpp: the log-normal and Gaussian responses against their
// formulas, derivatives against central differences, and the Gaussian's cut at rate 0.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "semivisible/stats/response.hpp"

namespace st = semivisible::stats;

TEST_CASE("rate responses follow their formulas", "[stats][response]") {
  const st::rate_response ln(st::constraint_type::log_normal, 0.5, 0.2);
  // R(θ) = r (1 + σ/r)^θ: R(1) = r + σ, R(−1) = r²/(r + σ), R(0) = r (exact up to rounding).
  CHECK(ln(0.0) == 0.5);
  CHECK(ln(1.0) == Approx(0.7).epsilon(1e-15));
  CHECK(ln(-1.0) == Approx(0.25 / 0.7).epsilon(1e-15));
  CHECK(ln.slope() == Approx(std::log(1.4)).epsilon(1e-15));
  CHECK(std::isinf(ln.lower_theta()));
  const st::rate_response g(st::constraint_type::gaussian, 0.5, 0.2);
  CHECK(g(1.0) == Approx(0.7).epsilon(1e-15));
  CHECK(g(-2.0) == Approx(0.1).epsilon(1e-14));
  CHECK(g(-3.0) == 0.0);  // cut at rate 0
  CHECK(g.lower_theta() == Approx(-2.5).epsilon(1e-15));
  // The signal: nominal 1, relative uncertainty δ.
  const st::rate_response sig(st::constraint_type::log_normal, 1.0, 0.2);
  CHECK(sig(2.0) == Approx(1.44).epsilon(1e-15));
  // No uncertainty, or a zero nominal log-normal: fixed.
  CHECK(st::rate_response(st::constraint_type::log_normal, 0.0, 0.0).fixed());
  CHECK(st::rate_response(st::constraint_type::gaussian, 2.0, 0.0).fixed());
  CHECK_FALSE(g.fixed());
}

TEST_CASE("rate response derivatives match central differences", "[stats][response]") {
  for (auto type : {st::constraint_type::log_normal, st::constraint_type::gaussian}) {
    const st::rate_response r(type, 0.8, 0.3);
    for (double theta : {-1.5, -0.2, 0.0, 0.7, 2.0}) {
      const auto d = r.derivatives(theta);
      const double h = 1e-5;
      CHECK(d.value == Approx(r(theta)).epsilon(1e-15));
      // Central differences: truncation O(h² R‴) ~ 1e-10, rounding O(1e-16/h) ~ 1e-11.
      CHECK(d.first == Approx((r(theta + h) - r(theta - h)) / (2 * h)).margin(1e-9));
      const auto dp = r.derivatives(theta + h), dm = r.derivatives(theta - h);
      CHECK(d.second == Approx((dp.first - dm.first) / (2 * h)).margin(1e-9));
    }
  }
}
