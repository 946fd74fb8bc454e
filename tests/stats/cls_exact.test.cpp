// Tests of semivisible/stats/cls_exact.hpp: the exact engine at extreme backgrounds (log-space
// pmfs, the relative tie tolerance), its work budget, and the fallback rules of the dispatch
// (cls_calculator.hpp) that the free functions and the calculator share. References: closed
// forms of single-bin Poisson CLs written in the test.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "bisection.hpp"
#include "semivisible/stats/cls.hpp"

namespace st = semivisible::stats;
using Catch::Matchers::Contains;
using semivisible::status;

using semivisible_tests::bisect;

namespace {

/// ln Σ_{k ≤ n} x^k/k! (x > 0), summed relative to its largest term: no overflow or underflow.
double log_poisson_partial(int n, double x) {
  double top = -1e300;
  for (int k = 0; k <= n; ++k) top = std::max(top, k * std::log(x) - std::lgamma(k + 1.0));
  double sum = 0;
  for (int k = 0; k <= n; ++k) sum += std::exp(k * std::log(x) - std::lgamma(k + 1.0) - top);
  return top + std::log(sum);
}

/// Single-bin Poisson CLs: P(N ≤ n | s + b)/P(N ≤ n | b) = e^{−s} Σ(s+b)^k/k! / Σ b^k/k!, in
/// log space (valid for any b), and its 90 % CL limit by bisection.
double log_cls_single(int n, double b, double s) {
  return -s + log_poisson_partial(n, s + b) - log_poisson_partial(n, b);
}
double single_limit(int n, double b, double alpha = 0.1) {
  return bisect([&](double s) { return log_cls_single(n, b, s) - std::log(alpha); }, 0, 200);
}

st::limit_options exact(bool expected = false) {
  st::limit_options o;
  o.algorithm = st::method::exact;
  o.expected = expected;
  return o;
}

}  // namespace

TEST_CASE("exact: n = 0 gives ln 10 events for any background, up to 1e300",
          "[stats][cls][exact][regression]") {
  // The hostile probe: background 1e300 in S1 gave mu_upper = 8e-24 with status ok (an absolute
  // tie tolerance of 1e-12 let n = 1, 2, … tie with n = 0 when w = μ s/b < 1e-12, and CL_b
  // underflowed). CLs = e^{−μ Σs} at n = 0 for any background (cls_exact.hpp).
  const std::vector<double> s{0.3, 0.7};
  for (double b : {1e3, 1e8, 1e15, 1e100, 1e300}) {
    const st::counting_model m({0, 0}, {b, 0.53}, {0.0, 0.0});
    const auto r = st::upper_limit(m, s, exact());
    REQUIRE(r.status.ok());
    CHECK(r.algorithm == st::method::exact);
    CHECK(r.mu_upper == Approx(std::log(10.0)).epsilon(1e-9));  // root tolerance 2^-39
    CHECK(r.warning.empty());
  }
  // The calculator of the scans: the background scaled by 1e300 (scan --background-scale 1e300)
  // excluded everything; CLs at μ = 1 must be e^{−Σs} (δ_s = 0), also with a signal so small
  // that μ s/b underflows.
  for (double k : {1.0, 1e3, 1e300}) {
    st::cls_calculator calc(
        st::counting_model({0, 0}, {0.19 * k, 0.53 * k}, {0.07 * k, 0.17 * k}, 0.0));
    for (double total : {1e-12, 0.5, 2.3, 7.0}) {
      const std::vector<double> sig{0.3 * total, 0.7 * total};
      const auto c = calc.cls(sig);
      REQUIRE(c.status.ok());
      CHECK(c.value == Approx(std::exp(-total)).epsilon(1e-12));  // closed form, rounding
    }
  }
}

TEST_CASE("exact: n > 0 at large backgrounds (log-space pmfs) against closed forms",
          "[stats][cls][exact][regression]") {
  // P(N ≤ n | b) underflows for b ≳ 750 (e^{−b}); the engine scales the pmfs, so CLs is right.
  for (int n : {1, 3, 8}) {
    for (double b : {200.0, 1000.0, 5000.0}) {
      const st::counting_model m({double(n)}, {b}, {0.0});
      const auto r = st::upper_limit(m, std::vector<double>{1.0}, exact());
      REQUIRE(r.status.ok());
      CHECK(r.algorithm == st::method::exact);
      // Same sums in another order, bisection to 1e-13: agreement to the root tolerance.
      CHECK(r.mu_upper == Approx(single_limit(n, b)).epsilon(1e-8));
    }
  }
}

TEST_CASE("exact engine: statuses, work budget and bad input", "[stats][cls][exact][errors]") {
  const st::counting_model m({40, 55}, {30.0, 50.0}, {5.0, 8.0}, 0.1);
  const std::vector<double> s{2.0, 3.0};
  st::exact_engine e(m, s, 1000);  // far too small for counts of 40 and 55
  const auto c = e.cls(2.0);
  CHECK(e.exhausted());
  CHECK(c.status.code == status::not_converged);
  CHECK_THAT(e.exhaustion_reason(), Contains("work budget of 1000"));
  CHECK(std::isfinite(c.value));
  // The limit with one engine and no fallback: a status, NaN limit (not a number passed as one).
  st::exact_engine e2(m, s, 1000);
  const auto r = st::upper_limit(e2, exact());
  CHECK_FALSE(r.status.ok());
  CHECK(std::isnan(r.mu_upper));
  // With the budget unlimited the same engine works and agrees with the free function.
  st::exact_engine big(m, s, 0);
  const auto full = st::upper_limit(big, exact());
  st::limit_options free_options = exact();
  free_options.work_budget = 0;
  CHECK(full.mu_upper == Approx(st::upper_limit(m, s, free_options).mu_upper).epsilon(1e-14));
  CHECK_THROWS_WITH(st::exact_engine(m, std::vector<double>{1.0}), Contains("signal.size() = 1"));
  CHECK_THROWS_WITH(e.cls(-1.0), Contains("mu = -1"));
  CHECK_THROWS_WITH(big.cls(1.0, std::vector<double>{1.0, -2.0}), Contains("counts[1] = -2"));
}

TEST_CASE("fallback rule 1: large counts switch the whole limit to asymptotic",
          "[stats][cls][exact][fallback][regression]") {
  // The hostile probe: cls --observed 1000000,0 hung (> 20 s at 1e5). Now the exact sums stop at
  // their share of the budget and the asymptotic engine answers, within the time guarantee.
  const st::counting_model m({1e6, 0}, {0.19, 0.53}, {0.0, 0.0});
  const std::vector<double> s{0.3, 0.7};
  const auto r = st::upper_limit(m, s, exact(true));
  CHECK(r.algorithm == st::method::asymptotic);
  CHECK(r.band_algorithm == st::method::asymptotic);
  CHECK_THAT(r.warning, Contains("asymptotic"));
  CHECK(r.status.ok());
  // Equal to the asymptotic method asked for directly.
  st::limit_options a = exact(true);
  a.algorithm = st::method::asymptotic;
  const auto direct = st::upper_limit(m, s, a);
  CHECK(r.mu_upper == direct.mu_upper);
  CHECK(r.expected_median == direct.expected_median);
  // μ̂ balances the excess in S1 against the deficit in S2 (d/dμ: 0.3 n1/ν1 = 1), so ν1 = 0.3 n1,
  // μ̂ = n1 − 0.19/0.3, σ_μ = √n1 = 1000 (Fisher), and the 90 % CL limit is ≈ μ̂ + 1.28 σ_μ:
  // within ±0.1 σ_μ of it (the CLs/q̃ corrections at this size).
  CHECK(r.mu_upper == Approx(1e6 - 0.19 / 0.3 + 1.2816 * 1000).margin(100));
  // With uncertainties (σ_b, δ_s = 20 %) the data pull the S1 background to its 30σ bound; the
  // free fit is then repeated from θ̂_0 (observed_fits.hpp) and the limit follows the signal
  // uncertainty: θ_s² ≈ q̃ ≈ 2.7 at the limit, μ_up ≈ μ̂ · 1.2^1.64 ≈ 1.35 μ̂.
  const st::counting_model mu_model({1e6, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const auto ru = st::upper_limit(mu_model, s, exact(false));
  CHECK(ru.algorithm == st::method::asymptotic);
  CHECK(ru.status.ok());
  CHECK(ru.mu_upper > 1.1e6);
  CHECK(ru.mu_upper < 1.4e6);
  // The same in a single CLs evaluation and through the calculator.
  st::cls_options co;
  co.mu = 1e6;
  const auto c = st::cls(m, s, co);
  CHECK(c.algorithm == st::method::asymptotic);
  CHECK_FALSE(c.warning.empty());
  st::cls_calculator calc(m);
  CHECK(calc.cls(s, 1e6).value == c.value);
}

TEST_CASE("fallback rule 2: an exact observed limit with an asymptotic band",
          "[stats][cls][exact][fallback][regression]") {
  // The hostile probe: ten bins (the exact band grows exponentially with the bins: 8 bins took
  // 4.4 s, ten never ended). Now: 1e9 background-only outcomes are beyond the budget, the
  // observed limit stays exact, the band is asymptotic.
  for (std::size_t bins : {8U, 10U}) {
    std::vector<double> n(bins, 0.0), b, s(bins, 1.0);
    for (std::size_t i = 0; i < bins; ++i) b.push_back(0.19 + 0.08 * static_cast<double>(i));
    const st::counting_model m(n, b, std::vector<double>(bins, 0.0));
    const auto r = st::upper_limit(m, s, exact(true));
    CHECK(r.algorithm == st::method::exact);
    CHECK(r.band_algorithm == st::method::asymptotic);
    CHECK_THAT(r.warning, Contains("band is asymptotic"));
    CHECK(r.status.ok());
    CHECK(r.mu_upper * static_cast<double>(bins) == Approx(std::log(10.0)).epsilon(1e-9));
    CHECK(r.expected_minus2 < r.expected_median);
    CHECK(r.expected_median < r.expected_plus2);
    // The band is the asymptotic one of the same model (the Asimov fits are warm-started from
    // other points there: agreement to the fit tolerance).
    st::limit_options a = exact(true);
    a.algorithm = st::method::asymptotic;
    const auto direct = st::upper_limit(m, s, a);
    CHECK(r.expected_median == Approx(direct.expected_median).epsilon(1e-8));
    CHECK(r.expected_plus2 == Approx(direct.expected_plus2).epsilon(1e-8));
  }
}

TEST_CASE("exact band with a broad background prior, against an independent quadrature",
          "[stats][cls][exact][regression]") {
  // The hostile probe: n = 0, b = 0.19 ± 1 (log-normal, σ/b = 5.3) took > 90 s: the pmfs were
  // built up to the rate of the top Gauss–Hermite node (≈ 2e8 counts). Now they grow to the
  // 1 − 1e-7 quantile only, and the band is exact within the budget.
  const double b = 0.19, sigma = 1.0, kappa = std::log1p(sigma / b);
  const auto r =
      st::upper_limit(st::counting_model({0}, {b}, {sigma}), std::vector<double>{1.0}, exact(true));
  REQUIRE(r.status.ok());
  CHECK(r.band_algorithm == st::method::exact);
  CHECK(r.mu_upper == Approx(std::log(10.0)).epsilon(1e-9));
  // Independent: the marginal pmf q(m) = ∫ φ(θ) Pois(m | b e^{κθ}) dθ (Gauss–Kronrod), its
  // quantiles, and for one bin μ_up(n) increasing in n, so each band quantile is the limit at
  // the count quantile; the limit from CL(s) = ∫ φ(θ) Q(n + 1, s + b e^{κθ}) dθ, CLs = CL(s)/CL(0).
  using gk = boost::math::quadrature::gauss_kronrod<double, 61>;
  const auto pmf = [&](int m) {
    return gk::integrate(
        [&](double t) {
          const double lambda = b * std::exp(kappa * t);
          return std::exp(-0.5 * t * t + m * std::log(lambda) - lambda - std::lgamma(m + 1.0)) /
                 std::sqrt(2 * std::numbers::pi);
        },
        -12.0, 12.0, 15, 1e-13);
  };
  const auto limit_at = [&](int n) {
    const auto cl = [&](double s) {
      return gk::integrate(
          [&](double t) {
            return std::exp(-0.5 * t * t) / std::sqrt(2 * std::numbers::pi) *
                   boost::math::gamma_q(n + 1.0, s + b * std::exp(kappa * t));
          },
          -12.0, 12.0, 15, 1e-13);
    };
    const double clb = cl(0);
    return bisect([&](double s) { return cl(s) / clb - 0.1; }, 0, 100);
  };
  const double levels[5] = {0.02275, 0.15866, 0.5, 0.84134, 0.97725};  // Φ(−2..2)
  const double band[5] = {r.expected_minus2, r.expected_minus1, r.expected_median, r.expected_plus1,
                          r.expected_plus2};
  double cdf = 0;
  int m = 0;
  for (int k = 0; k < 5; ++k) {
    while (cdf + pmf(m) < levels[k] * (1 - 1e-6)) cdf += pmf(m++);
    // The engine's 40-point Gauss–Hermite rule is the limit here: with κ = ln(1 + σ/b) = 1.83
    // the integrand Pois(n | b e^{κθ}) φ(θ) peaks in θ with a width ≈ 1/(κ√n), a few node
    // spacings at n ≈ 10, so the rule is good to ≈ 1e-6 at the median and 1e-4 at +2σ (n = 11)
    // — against the adaptive Gauss–Kronrod reference (1e-13) and band roots of 2^-23.
    CHECK(band[k] == Approx(limit_at(m)).epsilon(1e-4));
  }
}

TEST_CASE("background beyond 1e10 events with n > 0: a failing status, never a wrong ok",
          "[stats][cls][exact][fallback][regression]") {
  // Exact sums are not attempted (max_exact_rate) and the asymptotic likelihood ratio has no
  // significant digits at 1e300 events: the result must say so.
  const st::counting_model m({1, 0}, {1e300, 0.53}, {0.0, 0.0});
  const auto r = st::upper_limit(m, std::vector<double>{0.3, 0.7}, exact(false));
  CHECK(r.algorithm == st::method::asymptotic);
  CHECK(r.status.code == status::numerical_error);
  CHECK_THAT(r.status.message, Contains("double precision"));
  // n = 0 everywhere: the exact closed form holds, the band (asymptotic) fails with a status.
  const auto z = st::upper_limit(st::counting_model({0, 0}, {1e300, 0.53}, {0.0, 0.0}),
                                 std::vector<double>{0.3, 0.7}, exact(true));
  CHECK(z.mu_upper == Approx(std::log(10.0)).epsilon(1e-9));
  CHECK(z.band_algorithm == st::method::asymptotic);
  CHECK(z.status.code == status::numerical_error);
}
