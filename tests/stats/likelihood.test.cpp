// Tests of semivisible/stats/likelihood.hpp: derivatives, fits against closed forms, robustness
// at n = 0 and b → 0, fit status on failure.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "semivisible/stats/likelihood.hpp"

namespace st = semivisible::stats;

namespace {
Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double a : v) x[i++] = a;
  return x;
}
}  // namespace

TEST_CASE("analytic gradient and Hessian match central finite differences", "[stats][likelihood]") {
  for (auto c : {st::constraint_type::log_normal, st::constraint_type::gaussian}) {
    const st::counting_model m({2, 5}, {0.7, 3.1}, {0.3, 0.9}, 0.2, c);
    const std::vector<double> s{1.3, 0.4};
    const st::likelihood lik(m, s);
    st::dataset d{{2, 5}, {0.3, -0.4, 0.8}};
    const Eigen::VectorXd x = vec({0.8, 0.5, -0.3, 0.6});
    Eigen::VectorXd g(4);
    Eigen::MatrixXd h(4, 4);
    lik.evaluate(x, d, &g, &h);
    const double eps = 1e-5;
    for (Eigen::Index j = 0; j < 4; ++j) {
      Eigen::VectorXd xp = x, xm = x;
      xp[j] += eps;
      xm[j] -= eps;
      // Central differences: truncation O(eps² f''') ~ 1e-10, rounding O(1e-16/eps) ~ 1e-11.
      CHECK(g[j] == Approx((lik.evaluate(xp, d) - lik.evaluate(xm, d)) / (2 * eps)).margin(1e-8));
      Eigen::VectorXd gp(4), gm(4);
      Eigen::MatrixXd hp(4, 4), hm(4, 4);
      lik.evaluate(xp, d, &gp, &hp);
      lik.evaluate(xm, d, &gm, &hm);
      for (Eigen::Index k = 0; k < 4; ++k)
        CHECK(h(j, k) == Approx((gp[k] - gm[k]) / (2 * eps)).margin(1e-7));
    }
  }
}

TEST_CASE("fits without nuisances reproduce the closed forms", "[stats][likelihood]") {
  // One bin, no uncertainties: μ̂ = (n − b)/s, and −2 ln λ(μ) = 2[ν − n + n ln(n/ν)].
  const st::counting_model m({7}, {2.0}, {0.0});
  const std::vector<double> s{2.5};
  const st::likelihood lik(m, s);
  const auto u = lik.fit_unconditional(lik.observed_data());
  REQUIRE(u.status.ok());
  // Newton converges quadratically; the decrement tolerance 1e-12 gives |Δμ| ≲ 1e-6/sqrt(H).
  CHECK(u.mu() == Approx(2.0).epsilon(1e-7));
  CHECK(u.nll == Approx(0.0).margin(1e-12));
  const auto c = lik.fit_conditional(1.0, lik.observed_data());
  const double nu = 4.5;
  CHECK(c.nll == Approx(nu - 7 + 7 * std::log(7 / nu)).epsilon(1e-12));
  // μ̂ is bounded below by 0: n < b gives μ̂ = 0 exactly.
  const st::counting_model low({1}, {3.0}, {0.0});
  const st::likelihood lik_low(low, s);
  CHECK(lik_low.fit_unconditional(lik_low.observed_data()).mu() == 0.0);
}

TEST_CASE("profiled nuisances satisfy the stationarity conditions", "[stats][likelihood]") {
  for (auto c : {st::constraint_type::log_normal, st::constraint_type::gaussian}) {
    const st::counting_model m({3, 1}, {0.8, 0.5}, {0.3, 0.2}, 0.2, c);
    const std::vector<double> s{1.0, 2.0};
    const st::likelihood lik(m, s);
    const auto r = lik.fit_unconditional(lik.observed_data());
    REQUIRE(r.status.ok());
    Eigen::VectorXd x(4), g(4);
    Eigen::MatrixXd h(4, 4);
    for (Eigen::Index j = 0; j < 4; ++j) x[j] = r.parameters[static_cast<std::size_t>(j)];
    lik.evaluate(x, lik.observed_data(), &g, &h);
    // At an interior minimum the gradient vanishes (to ~sqrt(decrement tolerance)).
    CHECK(g.cwiseAbs().maxCoeff() < 1e-5);
    CHECK(r.mu() > 0);
  }
}

TEST_CASE("fits are robust at n = 0 and b -> 0", "[stats][likelihood]") {
  const std::vector<double> s{0.3, 0.7};
  for (double b : {0.5, 1e-3, 1e-9}) {
    const st::counting_model m({0, 0}, {b, 2 * b}, {0.3 * b, 0.3 * b}, 0.2);
    const st::likelihood lik(m, s);
    const auto u = lik.fit_unconditional(lik.observed_data());
    CHECK(u.status.ok());
    CHECK(u.mu() == 0.0);  // n = 0: the bound μ̂ = 0 is active
    const auto c = lik.fit_conditional(3.0, lik.observed_data());
    CHECK(c.status.ok());
    CHECK(std::isfinite(c.nll));
    CHECK(c.nll > u.nll);
  }
  // b = 0 exactly and n > 0: μ̂ = n/s (no background to absorb the events).
  const st::counting_model z({2}, {0.0}, {0.0});
  const std::vector<double> s1{4.0};
  const st::likelihood lz(z, s1);
  const auto u = lz.fit_unconditional(lz.observed_data());
  CHECK(u.status.ok());
  CHECK(u.mu() == Approx(0.5).epsilon(1e-7));
  // ... and at μ = 0 the data are impossible: −ln L = ∞ with status invalid_input.
  const auto c0 = lz.fit_conditional(0.0, lz.observed_data());
  CHECK(c0.status.code == semivisible::status::invalid_input);
  CHECK(std::isinf(c0.nll));
}

TEST_CASE("a fit that cannot converge returns a status", "[stats][likelihood]") {
  const st::counting_model m({9, 4}, {0.8, 0.5}, {0.3, 0.2}, 0.2);
  const std::vector<double> s{1.0, 2.0};
  const st::likelihood lik(m, s);
  st::fit_options o;
  o.max_iterations = 1;
  const auto r = lik.fit_unconditional(lik.observed_data(), 1e9, o);
  CHECK(r.status.code == semivisible::status::not_converged);
  CHECK_FALSE(r.status.message.empty());
  CHECK_THROWS_AS(lik.fit_conditional(-1.0, lik.observed_data()), semivisible::invalid_parameter);
}
