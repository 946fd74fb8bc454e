// Tests of semivisible/stats/upper_limit.hpp: the limit and band code written once over the
// engine concepts, driven by two analytic engines defined here (so the generic code is tested
// apart from the real engines): CLs(μ) = e^{−μ S} with a Gaussian expected band, and an
// outcome engine whose limits are known in closed form.
#include <catch2/catch.hpp>

#include <cmath>
#include <span>
#include <vector>

#include <boost/math/special_functions/erf.hpp>

#include "semivisible/stats/upper_limit.hpp"

namespace st = semivisible::stats;
using semivisible::solver_status;
using semivisible::status;

namespace {

/// CLs(μ) = e^{−μ S}: limit −ln α / S. Expected CLs_N(μ) = Φ(N − μ S/σ)/Φ(N) with σ = 1, so the
/// band-N limit is the μ where Φ(N − μS) = α Φ(N).
struct exponential_engine {
  double total = 2.0;
  int calls = 0;
  [[nodiscard]] static constexpr st::method algorithm() { return st::method::asymptotic; }
  [[nodiscard]] double signal_total() const { return total; }
  [[nodiscard]] bool exhausted() const { return calls > 10000; }
  st::cls_result cls(double mu) {
    ++calls;
    st::cls_result r;
    r.value = std::exp(-mu * total);
    return r;
  }
  double expected_cls(double mu, double n_sigma, solver_status&) {
    ++calls;
    const auto phi = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
    return phi(n_sigma - mu * total) / phi(n_sigma);
  }
};
static_assert(st::expected_cls_engine<exponential_engine>);

/// Outcome engine: one "count" n ∈ {0, 1, 2} with probabilities 0.5, 0.3, 0.2 and
/// CLs(μ; n) = e^{−μ (1 + n)} — limits ln 10/(1 + n).
struct outcome_engine {
  double used = 0;
  double budget = 1e12;
  bool spent = false;
  [[nodiscard]] static constexpr st::method algorithm() { return st::method::exact; }
  [[nodiscard]] double signal_total() const { return 1.0; }
  [[nodiscard]] bool exhausted() const { return spent; }
  [[nodiscard]] double work_used() const { return used; }
  bool afford(double units) {
    if (used + units <= budget) return true;
    spent = true;
    return false;
  }
  st::cls_result cls(double mu) { return cls(mu, std::vector<double>{0.0}); }
  st::cls_result cls(double mu, std::span<const double> counts) {
    used += 1;
    if (used > budget) spent = true;
    st::cls_result r;
    r.value = std::exp(-mu * (1 + counts[0]));
    return r;
  }
  std::vector<st::weighted_outcome> background_outcomes() {
    return {{0.5, {0.0}}, {0.3, {1.0}}, {0.2, {2.0}}};
  }
};
static_assert(st::outcome_band_engine<outcome_engine>);

}  // namespace

TEST_CASE("upper_limit over the concept: expected-CLs engines", "[stats][upper_limit]") {
  exponential_engine e;
  st::limit_options o;
  const auto r = st::upper_limit(e, o);
  REQUIRE(r.status.ok());
  CHECK(r.algorithm == st::method::asymptotic);
  // Root tolerance 2^-39 relative (bits = 40).
  CHECK(r.mu_upper == Approx(std::log(10.0) / 2).epsilon(1e-11));
  // Band N: Φ(N − μS) = α Φ(N) → μ = (N − Φ⁻¹(α Φ(N)))/S.
  const auto phi = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
  const auto phi_inv = [](double p) { return -std::sqrt(2.0) * boost::math::erfc_inv(2 * p); };
  const double expected[5] = {r.expected_minus2, r.expected_minus1, r.expected_median,
                              r.expected_plus1, r.expected_plus2};
  for (int k = 0; k < 5; ++k) {
    const double n = k - 2.0;
    CHECK(expected[k] == Approx((n - phi_inv(0.1 * phi(n))) / 2).epsilon(1e-10));
  }
  // Scaling: limits in events are found, so S = 2 → 8 divides μ by 4 exactly up to rounding.
  exponential_engine e8;
  e8.total = 8.0;
  CHECK(st::upper_limit(e8, o).mu_upper * 4 == Approx(r.mu_upper).epsilon(1e-12));
  // An engine whose budget is spent stops the root find with a status, NaN limit.
  exponential_engine tired;
  tired.calls = 20000;
  const auto t = st::upper_limit(tired, o);
  CHECK(t.status.code == status::not_converged);
  CHECK(std::isnan(t.mu_upper));
}

TEST_CASE("upper_limit over the concept: outcome engines", "[stats][upper_limit]") {
  outcome_engine e;
  st::limit_options o;
  const auto r = st::upper_limit(e, o);
  REQUIRE(r.status.ok());
  const double l0 = std::log(10.0), l1 = l0 / 2, l2 = l0 / 3;
  CHECK(r.mu_upper == Approx(l0).epsilon(1e-11));
  // Limits sorted: l2 (p 0.2), l1 (0.3), l0 (0.5); cumulative 0.2, 0.5, 1.0. Quantiles 2.3 % and
  // 15.9 % → l2; 50 % → l1 (cumulative 0.5 ≥ 0.5·(1 − 1e-12)); 84.1 %, 97.7 % → l0.
  // Band roots to 2^-23 relative (bits 24).
  CHECK(r.expected_minus2 == Approx(l2).epsilon(2e-7));
  CHECK(r.expected_minus1 == Approx(l2).epsilon(2e-7));
  CHECK(r.expected_median == Approx(l1).epsilon(2e-7));
  CHECK(r.expected_plus1 == Approx(l0).epsilon(2e-7));
  CHECK(r.expected_plus2 == Approx(l0).epsilon(2e-7));
  // A budget that the observed limit fits but the band does not: the band stops, status set.
  outcome_engine probe;
  semivisible::solver_status probe_status;
  (void)st::observed_limit(probe, o, probe_status);
  outcome_engine small;
  small.budget = probe.used + 3;  // the observed limit and three CLs evaluations of the band
  const auto s = st::upper_limit(small, o);
  CHECK(std::isfinite(s.mu_upper));
  CHECK(small.exhausted());
  CHECK(s.status.code == status::not_converged);
}
