// Tests of semivisible/detector/decay_probability.hpp: exponential decay probabilities.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "semivisible/detector/decay_probability.hpp"

namespace sd = semivisible::detector;

TEST_CASE("decay probabilities are finite, bounded, monotone for lambda/L in [1e-8, 1e12]",
          "[detector][decay]") {
  const double z0 = 0.0, z1 = 2.6, z2 = 6.0;
  double prev_beyond = -1, prev_before = 2;
  for (double lg = -8; lg <= 12.0001; lg += 0.05) {
    const double lambda = std::pow(10.0, lg) * z2;
    const double before = sd::decay_probability_before(z0, z1, lambda);
    const double between = sd::decay_probability_between(z0, z1, z2, lambda);
    const double beyond = sd::decay_probability_beyond(z0, z2, lambda);
    INFO("lambda/L = 1e" << lg);
    CHECK(std::isfinite(before));
    CHECK(std::isfinite(between));
    CHECK(std::isfinite(beyond));
    CHECK(between >= 0);
    CHECK(between <= 1);
    CHECK(beyond >= prev_beyond);  // longer-lived → more escape
    CHECK(before <= prev_before);  // longer-lived → fewer early decays
    // The three regions partition the line: sum = 1 to rounding (1e-15 absolute).
    CHECK(before + between + beyond == Approx(1.0).margin(1e-15));
    prev_beyond = beyond;
    prev_before = before;
  }
}

TEST_CASE("long-lived limit keeps full precision (expm1)", "[detector][decay]") {
  // λ ≫ L: P(z1 < z < z2) = (z2 − z1)/λ · (1 − (z1+z2)/(2λ) + ...): at λ/L = 1e12 the correction is
  // 1e-12, so the leading term matches to 1e-11 relative — a naive e^{-a} − e^{-b} would lose all
  // digits.
  const double lambda = 6e12;
  CHECK(sd::decay_probability_between(0.0, 2.6, 6.0, lambda) ==
        Approx(3.4 / lambda).epsilon(1e-11));
  CHECK(sd::decay_probability_before(0.0, 2.6, lambda) == Approx(2.6 / lambda).epsilon(1e-11));
  CHECK(sd::decay_probability_beyond(0.0, 6.0, lambda) ==
        Approx(1.0 - 6.0 / lambda).epsilon(1e-15));
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(sd::decay_probability_between(0.0, 2.6, 6.0, inf) == 0.0);
  CHECK(sd::decay_probability_beyond(0.0, 6.0, inf) == 1.0);
  // Short-lived: underflows to exactly 0, never NaN.
  CHECK(sd::decay_probability_beyond(0.0, 6.0, 1e-8) == 0.0);
  // Production point shifts distances: P(beyond z | z0) = e^{-(z−z0)/λ} (exact identity, 1e-15).
  CHECK(sd::decay_probability_beyond(1.0, 6.0, 2.0) == Approx(std::exp(-2.5)).epsilon(1e-15));
}

TEST_CASE("decay probabilities reject bad input", "[detector][decay][errors]") {
  CHECK_THROWS_WITH(sd::decay_probability_between(0.0, 6.0, 2.6, 1.0), Catch::Contains("z2 = 2.6"));
  CHECK_THROWS_WITH(sd::decay_probability_beyond(0.0, 6.0, -1.0),
                    Catch::Contains("decay_length = -1"));
  CHECK_THROWS_WITH(sd::decay_probability_before(3.0, 2.0, 1.0), Catch::Contains("z = 2"));
  CHECK_THROWS_AS(sd::decay_probability_beyond(0.0, 6.0, std::nan("")),
                  semivisible::invalid_parameter);
}
