// Property tests of semivisible/detector/decay_probability.hpp over random geometries and
// λ/L from 1e-8 to 1e12 (L = the distance from production to the end of the volume): every
// probability is finite and in [0, 1]; P(before z) falls and P(beyond z) rises with λ; P(before)
// rises and P(beyond) falls with z; P(z1 < z < z2) rises with z2 and falls with z1, is additive
// over adjacent intervals, and as a function of λ peaks at the analytic
// λ* = (z2 − z1)/ln((z2 − z0)/(z1 − z0)); the three regions sum to 1; and every value agrees with
// an independent long-double evaluation (1 − e^{−x} by its Taylor series for x < 1e-3, directly
// above) to 1e-12 relative; the float instantiation stays finite and in [0, 1].
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "semivisible/detector/decay_probability.hpp"

namespace sd = semivisible::detector;

namespace {

/// 1 − e^{−x} in long double without cancellation (independent of expm1).
long double one_minus_exp(long double x) {
  if (x < 1e-3L) {  // Taylor series: x − x²/2 + x³/6 − ...; 10 terms: error < x^11/11! < 1e-40
    long double term = x, sum = 0;
    for (int k = 1; k <= 10; ++k) {
      sum += term;
      term *= -x / static_cast<long double>(k + 1);
    }
    return sum;
  }
  return 1.0L - std::exp(-x);
}

struct geometry {
  double z0, z1, z2;
};

/// Random geometries: production point, S1-like interval, lengths from 1 mm to 100 m.
std::vector<geometry> random_geometries(std::size_t n) {
  std::mt19937_64 rng(20261129);  // fixed seed: reproducible
  std::uniform_real_distribution<double> log_length(-3, 2), unit(0, 1);
  std::vector<geometry> g;
  for (std::size_t i = 0; i < n; ++i) {
    const double z0 = unit(rng);
    const double a = std::pow(10.0, log_length(rng)), b = std::pow(10.0, log_length(rng));
    g.push_back({z0, z0 + a, z0 + a + b});
  }
  return g;
}

bool close(double value, long double reference, double rel) {
  const long double diff = std::fabs(static_cast<long double>(value) - reference);
  return diff <= static_cast<long double>(rel) * std::fabs(reference) + 1e-300L;
}

}  // namespace

TEST_CASE("decay probabilities: bounded, monotone, additive, summing to 1 (random geometries)",
          "[detector][decay][properties][reliability]") {
  for (const auto& g : random_geometries(200)) {
    const double length = g.z2 - g.z0;
    double prev_before = 2, prev_beyond = -1, best = -1, best_lambda = 0;
    std::vector<double> lambdas;
    for (double lg = -8; lg <= 12.0001; lg += 0.1) lambdas.push_back(std::pow(10.0, lg) * length);
    for (const double lambda : lambdas) {
      const double before = sd::decay_probability_before(g.z0, g.z1, lambda);
      const double between = sd::decay_probability_between(g.z0, g.z1, g.z2, lambda);
      const double beyond = sd::decay_probability_beyond(g.z0, g.z2, lambda);
      INFO("z0 " << g.z0 << " z1 " << g.z1 << " z2 " << g.z2 << " lambda " << lambda);
      for (const double p : {before, between, beyond}) {
        REQUIRE(std::isfinite(p));
        REQUIRE(p >= 0);
        REQUIRE(p <= 1);
      }
      REQUIRE(before <= prev_before);
      REQUIRE(beyond >= prev_beyond);
      REQUIRE(before + between + beyond == Approx(1.0).margin(1e-15));
      // additivity: [z1, zm] + [zm, z2] = [z1, z2]. Each side rounds (z − z0)/λ before e^{−x},
      // so the relative error is ≲ (8 + (z2 − z0)/λ) ulp: the exponent's rounding error times x
      // (e.g. 4e-14 at x = 400, where the values are 1e-175 but still normal doubles).
      const double zm = 0.5 * (g.z1 + g.z2);
      const double sum = sd::decay_probability_between(g.z0, g.z1, zm, lambda) +
                         sd::decay_probability_between(g.z0, zm, g.z2, lambda);
      const double tolerance = (8 + length / lambda) * 2.3e-16;
      REQUIRE(sum == Approx(between).epsilon(tolerance).margin(1e-300));
      // monotone in the geometry
      REQUIRE(sd::decay_probability_between(g.z0, g.z1, g.z2 * 1.1, lambda) >= between);
      REQUIRE(sd::decay_probability_between(g.z0, zm, g.z2, lambda) <= between);
      REQUIRE(sd::decay_probability_before(g.z0, g.z2, lambda) >= before);
      REQUIRE(sd::decay_probability_beyond(g.z0, g.z1, lambda) >= beyond);
      prev_before = before;
      prev_beyond = beyond;
      if (between > best) {
        best = between;
        best_lambda = lambda;
      }
    }
    // unimodal in λ with the maximum of e^{−a/λ} − e^{−b/λ} at λ* = (b − a)/ln(b/a)
    const double a = g.z1 - g.z0, b = g.z2 - g.z0;
    const double lambda_star = (b - a) / std::log(b / a);
    CHECK(best_lambda / lambda_star == Approx(1.0).margin(0.26));  // grid step 10^0.1 = 1.26
  }
}

TEST_CASE("decay probabilities agree with an independent long-double evaluation",
          "[detector][decay][properties][reliability]") {
  for (const auto& g : random_geometries(100)) {
    for (double lg = -8; lg <= 12.0001; lg += 0.25) {
      const double lambda = std::pow(10.0, lg) * (g.z2 - g.z0);
      const long double l = lambda;
      const long double a = (static_cast<long double>(g.z1) - g.z0) / l;
      const long double w = (static_cast<long double>(g.z2) - g.z1) / l;
      const long double b = (static_cast<long double>(g.z2) - g.z0) / l;
      INFO("z0 " << g.z0 << " z1 " << g.z1 << " z2 " << g.z2 << " lambda " << lambda);
      // Tolerance: the double formula rounds (z − z0)/λ and then exp/expm1: ≲ (2 + a) ulp,
      // with a ≤ 745 before the result underflows: < 2e-13; 1e-12 leaves margin.
      CHECK(close(sd::decay_probability_before(g.z0, g.z1, lambda), one_minus_exp(a), 1e-12));
      CHECK(close(sd::decay_probability_between(g.z0, g.z1, g.z2, lambda),
                  std::exp(-a) * one_minus_exp(w), 1e-12));
      CHECK(close(sd::decay_probability_beyond(g.z0, g.z2, lambda), std::exp(-b), 1e-12));
      // float: the same formulas in single precision stay finite and bounded
      const float f =
          sd::decay_probability_between(static_cast<float>(g.z0), static_cast<float>(g.z1),
                                        static_cast<float>(g.z2), static_cast<float>(lambda));
      CHECK(std::isfinite(f));
      CHECK(f >= 0.0f);
      CHECK(f <= 1.0f);
    }
  }
}
