// Tests of semivisible/stats/cls.hpp: exact (hybrid) CLs against textbook values, closed forms
// and brute-force enumeration; asymptotic CLs against the CCGV closed form; toys against exact
// counting; invariances (signal scaling, background monotonicity, zero uncertainties); statuses
// and bad input.
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

using semivisible_tests::bisect;

namespace {

/// Single-bin Poisson CLs limit (events) at 90 % CL from the regularised incomplete gamma
/// function: P(N ≤ n | λ) = Q(n + 1, λ). Equals Helene's Bayesian flat-prior limit.
double poisson_cls_limit(int n, double b, double alpha = 0.1) {
  const double a = n + 1.0;
  const double clb = boost::math::gamma_q(a, b);
  return bisect([&](double s) { return boost::math::gamma_q(a, s + b) / clb - alpha; }, 0, 100);
}

st::limit_result limit(const st::counting_model& m, const std::vector<double>& s, st::method how,
                       bool expected = false, double cl = 0.9) {
  st::limit_options o;
  o.algorithm = how;
  o.expected = expected;
  o.cl = cl;
  return st::upper_limit(m, s, o);
}

}  // namespace

TEST_CASE("exact: n = 0 gives 2.303 events for any background", "[stats][cls][exact]") {
  const std::vector<double> s{1.0};
  for (double b : {0.0, 0.1, 0.19, 0.53, 3.0, 10.0}) {
    const auto r = limit(st::counting_model({0}, {b}, {0.0}), s, st::method::exact);
    REQUIRE(r.status.ok());
    // CLs = e^{−s} = 0.1 → s = ln 10; the root tolerance is 2^−39 relative.
    CHECK(r.mu_upper == Approx(std::log(10.0)).epsilon(1e-9));
  }
  // With background uncertainties too: they cancel in CL_{s+b}/CL_b at n = 0 (hybrid).
  const auto r =
      limit(st::counting_model({0, 0}, {0.19, 0.53}, {0.07, 0.17}), {0.3, 0.7}, st::method::exact);
  CHECK(r.mu_upper == Approx(std::log(10.0)).epsilon(1e-9));
}

TEST_CASE("exact: n = 1, b = 0 gives 3.890 events", "[stats][cls][exact]") {
  const auto r = limit(st::counting_model({1}, {0.0}, {0.0}), {1.0}, st::method::exact);
  REQUIRE(r.status.ok());
  const double closed = bisect([](double s) { return (1 + s) * std::exp(-s) - 0.1; }, 0, 20);
  CHECK(closed == Approx(3.8897).margin(1e-4));  // the textbook number to its 4 decimals
  CHECK(r.mu_upper == Approx(closed).epsilon(1e-9));
}

TEST_CASE("exact: PDG Poisson upper limits (b = 0) and Helene's formula (b > 0)",
          "[stats][cls][exact]") {
  // PDG Review of Particle Physics, "Statistics", table of Poisson upper limits for n observed
  // events with b = 0 (90 % CL): 2.30, 3.89, 5.32, 6.68, 7.99, 9.27 (n = 0..5), 15.41 (n = 10);
  // quoted to 2 decimals → tolerance 0.006.
  const std::vector<std::pair<int, double>> pdg{{0, 2.30}, {1, 3.89}, {2, 5.32},  {3, 6.68},
                                                {4, 7.99}, {5, 9.27}, {10, 15.41}};
  for (const auto& [n, value] : pdg) {
    const auto r = limit(st::counting_model({double(n)}, {0.0}, {0.0}), {1.0}, st::method::exact);
    CHECK(r.mu_upper == Approx(value).margin(0.006));
  }
  // b > 0: the single-bin CLs limit equals Helene's Bayesian flat-prior limit (PDG "Statistics",
  // §Bayesian intervals, Poisson with background); computed independently with Boost's
  // incomplete gamma and bisection. Agreement to the root tolerances (1e-9 relative).
  for (int n : {1, 2, 3, 5, 8}) {
    for (double b : {0.2, 1.0, 2.5, 6.0}) {
      const auto r = limit(st::counting_model({double(n)}, {b}, {0.0}), {1.0}, st::method::exact);
      CHECK(r.mu_upper == Approx(poisson_cls_limit(n, b)).epsilon(1e-8));
    }
  }
  // 95 % CL, n = 3, b = 1.5 (PDG-style check at another CL).
  const auto r =
      limit(st::counting_model({3}, {1.5}, {0.0}), {1.0}, st::method::exact, false, 0.95);
  CHECK(r.mu_upper == Approx(poisson_cls_limit(3, 1.5, 0.05)).epsilon(1e-8));
}

TEST_CASE("exact multibin CLs equals a brute-force enumeration", "[stats][cls][exact]") {
  // Independent: enumerate (n1, n2) on a 60×60 grid, order by the LR t = Σ n_i ln(1 + s_i/b_i).
  const std::vector<double> b{0.5, 1.2}, s{1.0, 3.0}, n{1, 2};
  const double mu = 1.3;
  auto pois = [](int k, double l) { return std::exp(k * std::log(l) - l - std::lgamma(k + 1.0)); };
  const double w1 = std::log1p(mu * s[0] / b[0]), w2 = std::log1p(mu * s[1] / b[1]);
  const double tobs = n[0] * w1 + n[1] * w2;
  double sb = 0, bb = 0;
  for (int i = 0; i < 60; ++i)
    for (int j = 0; j < 60; ++j)
      if (i * w1 + j * w2 <= tobs + 1e-9) {
        sb += pois(i, b[0] + mu * s[0]) * pois(j, b[1] + mu * s[1]);
        bb += pois(i, b[0]) * pois(j, b[1]);
      }
  st::cls_options o;
  o.algorithm = st::method::exact;
  o.mu = mu;
  const auto r = st::cls(st::counting_model(n, b, {0, 0}), s, o);
  // Same sums in a different order: rounding only.
  CHECK(r.cl_sb == Approx(sb).epsilon(1e-12));
  CHECK(r.cl_b == Approx(bb).epsilon(1e-12));
  CHECK(r.value == Approx(sb / bb).epsilon(1e-12));
}

TEST_CASE("exact hybrid: signal uncertainty at n = 0 against an independent integral",
          "[stats][cls][exact]") {
  // CLs(t) = ∫ φ(θ) exp(−t (1+δ)^θ) dθ (Cousins–Highland, log-normal), by Gauss–Kronrod.
  const double delta = 0.2;
  auto cls_of = [&](double t) {
    auto f = [&](double th) {
      return std::exp(-0.5 * th * th - t * std::pow(1 + delta, th)) /
             std::sqrt(2 * std::numbers::pi);
    };
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, -12.0, 12.0, 15, 1e-14);
  };
  const double expected = bisect([&](double t) { return cls_of(t) - 0.1; }, 0, 20);
  const auto r = limit(st::counting_model({0, 0}, {0.19, 0.53}, {0.07, 0.17}, delta), {0.3, 0.7},
                       st::method::exact);
  // 40-point Gauss–Hermite on a smooth integrand: ~1e-12; root tolerance 1e-12.
  CHECK(r.mu_upper == Approx(expected).epsilon(1e-9));
  CHECK(expected > std::log(10.0));  // the signal uncertainty weakens the limit
  // Gaussian (truncated) constraint: ∫_{−1/δ} φ(θ) exp(−t(1+δθ)) / Φ̄(−1/δ) dθ.
  auto cls_gauss = [&](double t) {
    auto f = [&](double th) { return std::exp(-0.5 * th * th - t * (1 + delta * th)); };
    const double lo = -1 / delta;
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, lo, 12.0, 15, 1e-14) /
           boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
               [](double th) { return std::exp(-0.5 * th * th); }, lo, 12.0, 15, 1e-14);
  };
  const double expected_g = bisect([&](double t) { return cls_gauss(t) - 0.1; }, 0, 20);
  const auto rg = limit(
      st::counting_model({0, 0}, {0.19, 0.53}, {0.07, 0.17}, delta, st::constraint_type::gaussian),
      {0.3, 0.7}, st::method::exact);
  CHECK(rg.mu_upper == Approx(expected_g).epsilon(1e-9));
}

TEST_CASE("exact hybrid with a background uncertainty at n > 0", "[stats][cls][exact]") {
  // One bin, n = 2, b = 1 ± 0.5 (log-normal): CL = ∫ φ(θ) Q(3, s + b(1.5)^θ) dθ, independent.
  const double b = 1.0, k = std::log(1.5);
  auto cl = [&](double s) {
    auto f = [&](double th) {
      return std::exp(-0.5 * th * th) / std::sqrt(2 * std::numbers::pi) *
             boost::math::gamma_q(3.0, s + b * std::exp(k * th));
    };
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, -12.0, 12.0, 15, 1e-14);
  };
  const double clb = cl(0);
  const double expected = bisect([&](double s) { return cl(s) / clb - 0.1; }, 0, 30);
  const auto r = limit(st::counting_model({2}, {b}, {0.5}), {1.0}, st::method::exact);
  CHECK(r.mu_upper == Approx(expected).epsilon(1e-8));
}

TEST_CASE("asymptotic CLs equals the CCGV closed form without nuisances",
          "[stats][cls][asymptotic]") {
  // One bin: q̃ from the Poisson likelihood in closed form, q_A from the Asimov set n_A = b.
  for (int n : {0, 1, 4}) {
    const double b = 1.7, alpha = 0.1;
    auto qtilde = [&](double s) {
      const double nu = s + b;
      if (n >= nu) return 0.0;
      const double nhat = std::max(double(n), b);  // μ̂ ≥ 0
      auto nll = [&](double v) { return v - n + (n > 0 ? n * std::log(n / v) : 0.0); };
      return 2 * (nll(nu) - nll(nhat));
    };
    auto cls_of = [&](double s) {
      const double q = qtilde(s), qa = 2 * (s - b * std::log1p(s / b));
      const double sq = std::sqrt(q), sqa = std::sqrt(qa);
      const double x = q <= qa ? sq - sqa : (q - qa) / (2 * sqa);
      return 0.5 * std::erfc((x + sqa) / std::sqrt(2.0)) / (0.5 * std::erfc(x / std::sqrt(2.0)));
    };
    const double expected = bisect([&](double s) { return cls_of(s) - alpha; }, 1e-6, 50);
    const auto r =
        limit(st::counting_model({double(n)}, {b}, {0.0}), {1.0}, st::method::asymptotic, true);
    REQUIRE(r.status.ok());
    // Fits converge to ~1e-12 in −ln L: q to ~1e-11, the limit to ~1e-8.
    CHECK(r.mu_upper == Approx(expected).epsilon(1e-7));
    // Median expected: Φ(−√q_A)/½ = α.
    const double z = std::sqrt(2.0) * boost::math::erfc_inv(alpha);  // Φ⁻¹(1 − α/2)
    const double median =
        bisect([&](double s) { return z - std::sqrt(2 * (s - b * std::log1p(s / b))); }, 1e-6, 50);
    CHECK(r.expected_median == Approx(median).epsilon(1e-7));
    CHECK(r.expected_minus2 < r.expected_minus1);
    CHECK(r.expected_minus1 < r.expected_median);
    CHECK(r.expected_median < r.expected_plus1);
    CHECK(r.expected_plus1 < r.expected_plus2);
  }
}

TEST_CASE("limits scale inversely with the signal normalisation", "[stats][cls]") {
  const st::counting_model m({1, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  for (auto how : {st::method::exact, st::method::asymptotic}) {
    const auto r1 = limit(m, {0.3, 0.7}, how, true);
    const auto r7 = limit(m, {2.1, 4.9}, how, true);
    // The root is found in t = μ Σs: identical up to the root tolerance 2^−39 (~2e-12).
    CHECK(r7.mu_upper * 7 == Approx(r1.mu_upper).epsilon(1e-9));
    CHECK(r7.expected_median * 7 == Approx(r1.expected_median).epsilon(1e-9));
    CHECK(r7.expected_plus2 * 7 == Approx(r1.expected_plus2).epsilon(1e-9));
  }
}

TEST_CASE("limits are monotone (non-increasing) in the background", "[stats][cls]") {
  for (auto how : {st::method::exact, st::method::asymptotic}) {
    double previous = 1e300;
    for (double scale : {0.05, 0.2, 0.5, 1.0, 2.0, 5.0}) {
      const st::counting_model m({1, 2}, {0.19 * scale, 0.53 * scale}, {0.07 * scale, 0.17 * scale},
                                 0.2);
      const double mu = limit(m, {0.3, 0.7}, how).mu_upper;
      // Larger background with the same data → a stronger (smaller) limit; 1e-9 for rounding.
      CHECK(mu <= previous * (1 + 1e-9));
      previous = mu;
    }
  }
}

TEST_CASE("zero uncertainties equal the no-nuisance result", "[stats][cls]") {
  const std::vector<double> s{0.4, 1.1};
  const st::counting_model plain({2, 1}, {0.6, 1.4}, {0.0, 0.0}, 0.0);
  for (auto how : {st::method::exact, st::method::asymptotic}) {
    const double ref = limit(plain, s, how).mu_upper;
    // Uncertainties of 1e-7 (relative) move the limit by O(1e-7) at most.
    const st::counting_model tiny({2, 1}, {0.6, 1.4}, {0.6e-7, 1.4e-7}, 1e-7);
    CHECK(limit(tiny, s, how).mu_upper == Approx(ref).epsilon(1e-6));
    const st::counting_model tiny_g({2, 1}, {0.6, 1.4}, {0.6e-7, 1.4e-7}, 1e-7,
                                    st::constraint_type::gaussian);
    CHECK(limit(tiny_g, s, how).mu_upper == Approx(ref).epsilon(1e-6));
    // And the no-nuisance result is the pure-counting one: check one bin against Helene.
    const auto one = limit(st::counting_model({2}, {0.6}, {0.0}), {1.0}, st::method::exact);
    CHECK(one.mu_upper == Approx(poisson_cls_limit(2, 0.6)).epsilon(1e-8));
  }
}

TEST_CASE("exact expected band: quantiles of the background-only limit distribution",
          "[stats][cls][exact]") {
  // One bin, b = 0.05: P(n = 0) = e^−0.05 = 0.951, so the 2.3 %…84.1 % quantiles are the n = 0
  // limit (2.303) and the 97.7 % quantile is the n = 1 limit.
  const auto r = limit(st::counting_model({0}, {0.05}, {0.0}), {1.0}, st::method::exact, true);
  CHECK(r.expected_minus2 == Approx(std::log(10.0)).epsilon(1e-9));
  CHECK(r.expected_median == Approx(std::log(10.0)).epsilon(1e-9));
  CHECK(r.expected_plus1 == Approx(std::log(10.0)).epsilon(1e-9));
  CHECK(r.expected_plus2 == Approx(poisson_cls_limit(1, 0.05)).epsilon(1e-8));
  // b = 2: P(n ≤ 0) = 0.135, P(n ≤ 1) = 0.406, P(n ≤ 2) = 0.677, P(n ≤ 4) = 0.947, P(n ≤ 5) =
  // 0.983.
  const auto r2 = limit(st::counting_model({0}, {2.0}, {0.0}), {1.0}, st::method::exact, true);
  CHECK(r2.expected_minus2 == Approx(poisson_cls_limit(0, 2.0)).epsilon(1e-8));
  CHECK(r2.expected_minus1 == Approx(poisson_cls_limit(1, 2.0)).epsilon(1e-8));
  CHECK(r2.expected_median == Approx(poisson_cls_limit(2, 2.0)).epsilon(1e-8));
  CHECK(r2.expected_plus1 == Approx(poisson_cls_limit(3, 2.0)).epsilon(1e-8));
  CHECK(r2.expected_plus2 == Approx(poisson_cls_limit(5, 2.0)).epsilon(1e-8));
}

TEST_CASE("toys reproduce exact counting without nuisances", "[stats][cls][toys]") {
  // n = 0, b = 0.5, no uncertainties: every n = 0 toy ties with the data, so CL_{s+b} and CL_b
  // are binomial estimates of e^{−(s+b)} and e^{−b}. With 4000 toys CL_{s+b} ≈ 0.06 has a 6 %
  // relative error, i.e. ±0.06 events on s_up: tolerance 0.2 events (≈3σ).
  st::limit_options o;
  o.algorithm = st::method::toys;
  o.toys = 4000;
  o.expected = false;
  const auto r =
      st::upper_limit(st::counting_model({0}, {0.5}, {0.0}), std::vector<double>{1.0}, o);
  CHECK(r.status.ok());
  CHECK(r.mu_upper == Approx(std::log(10.0)).margin(0.2));
  // Single-bin n = 2, b = 1: q̃ ordering = n ordering below μs + b → Helene's limit 4.3 ± 0.3.
  const auto r2 =
      st::upper_limit(st::counting_model({2}, {1.0}, {0.0}), std::vector<double>{1.0}, o);
  CHECK(r2.mu_upper == Approx(poisson_cls_limit(2, 1.0)).margin(0.3));
}

TEST_CASE("toys are reproducible and independent of the thread count", "[stats][cls][toys]") {
  const st::counting_model m({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  st::cls_options o;
  o.algorithm = st::method::toys;
  o.toys = 300;
  o.mu = 2.0;
  o.seed = 42;
  o.threads = 1;
  const auto a = st::cls(m, s, o);
  o.threads = 2;
  const auto b = st::cls(m, s, o);
  CHECK(a.value == b.value);  // exact equality: same streams, same fits
  CHECK(a.cl_sb == b.cl_sb);
  o.seed = 43;
  const auto c = st::cls(m, s, o);
  CHECK(c.cl_sb != a.cl_sb);
  CHECK(a.status.ok());
}

TEST_CASE("NA64 model: asymptotic and toys versus exact", "[stats][cls][na64]") {
  // Observed (0, 0), b = 0.19 ± 0.07 and 0.53 ± 0.17, δ_s = 0.2; S1 fraction 0..1.
  // The asymptotic formulae are known to be too aggressive at n = 0 (CCGV §3.7): they must give
  // a smaller limit than the exact sum; exact is shape-independent (n = 0).
  const st::counting_model m({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  double exact_first = 0;
  for (double f : {0.0, 0.5, 1.0}) {
    const std::vector<double> s{f, 1 - f};
    const double ex = limit(m, s, st::method::exact).mu_upper;
    const double as = limit(m, s, st::method::asymptotic).mu_upper;
    if (f == 0.0) exact_first = ex;
    CHECK(ex == Approx(exact_first).epsilon(1e-9));
    CHECK(as < ex);
    CHECK(as > 0.5 * ex);  // but not absurdly: within a factor 2
    st::limit_options o;
    o.algorithm = st::method::toys;
    o.toys = 1000;
    o.expected = false;
    const double ty = st::upper_limit(m, s, o).mu_upper;
    CHECK(ty > 0.5 * ex);
    CHECK(ty < ex * 1.1);  // toys with profiled nuisances are not weaker than the hybrid
  }
}

TEST_CASE("cls: statuses and bad input", "[stats][cls]") {
  const st::counting_model m({3, 1}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  st::cls_options o;
  o.algorithm = st::method::asymptotic;
  o.fit.max_iterations = 1;
  const auto r = st::cls(m, s, o);  // a failing fit: a status, no exception
  CHECK(r.status.code == semivisible::status::not_converged);
  st::limit_options lo;
  lo.algorithm = st::method::asymptotic;
  lo.fit.max_iterations = 1;
  CHECK_FALSE(st::upper_limit(m, s, lo).status.ok());
  lo = {};
  lo.cl = 1.0;
  CHECK_THROWS_WITH(st::upper_limit(m, s, lo), Contains("cl = 1"));
  lo.cl = 0.0;
  CHECK_THROWS_WITH(st::upper_limit(m, s, lo), Contains("cl = 0"));
  CHECK_THROWS_WITH(st::upper_limit(m, std::vector<double>{0.0, 0.0}), Contains("sum(signal) = 0"));
  CHECK_THROWS_WITH(st::cls(m, std::vector<double>{1.0}), Contains("signal.size() = 1"));
  st::cls_options bad;
  bad.mu = -1;
  CHECK_THROWS_WITH(st::cls(m, s, bad), Contains("mu = -1"));
  CHECK_THROWS_WITH(st::method_from_string("bayes"), Contains("method = bayes"));
  CHECK(st::method_from_string("toys") == st::method::toys);
  CHECK(st::default_scan_method == st::method::exact);
}

TEST_CASE("cls at mu = 1: the scan's fast path", "[stats][cls]") {
  const st::counting_model m({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.0);
  const std::vector<double> s{1.2, 0.8};  // 2 events in total
  const auto r = st::cls(m, s);           // default: exact, μ = 1
  // n = 0, δ_s = 0: CLs = e^{−Σs} exactly (background uncertainties cancel).
  CHECK(r.value == Approx(std::exp(-2.0)).epsilon(1e-12));
  CHECK(r.status.ok());
}

TEST_CASE("cls_calculator reuses the background model and matches the free functions",
          "[stats][cls]") {
  const st::counting_model m({0, 1}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  for (auto how : {st::method::exact, st::method::asymptotic}) {
    st::limit_options o;
    o.algorithm = how;
    st::cls_calculator calc(m, o);
    for (double f : {0.0, 0.3, 1.0}) {
      const std::vector<double> s{f, 1 - f};
      // Same arithmetic, cached: bitwise-equal results are expected; allow rounding (1e-14).
      st::cls_options co;
      co.algorithm = how;
      co.mu = 1.7;
      CHECK(calc.cls(s, 1.7).value == Approx(st::cls(m, s, co).value).epsilon(1e-14));
      const auto a = calc.upper_limit(s);
      const auto b = st::upper_limit(m, s, o);
      CHECK(a.mu_upper == Approx(b.mu_upper).epsilon(1e-14));
      CHECK(a.expected_plus2 == Approx(b.expected_plus2).epsilon(1e-14));
    }
    CHECK_THROWS_AS(calc.cls(std::vector<double>{0.0, 0.0}), semivisible::invalid_parameter);
  }
  st::limit_options bad;
  bad.cl = 1.2;
  CHECK_THROWS_WITH(st::cls_calculator(m, bad), Contains("cl = 1.2"));
}
