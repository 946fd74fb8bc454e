// semivisible/stats/cls_asymptotic.hpp — the asymptotic CLs engine (profile likelihood ratio).
//
// Method: test statistic q̃_μ = −2 ln[L(μ, θ̂_μ)/L(μ̂, θ̂)], 0 ≤ μ̂ ≤ μ (Cowan, Cranmer, Gross,
// Vitells, EPJC 71 (2011) 1554, Eq. 16), with its asymptotic distributions; σ from the Asimov
// data set built at μ' = 0 and θ̂_0 (ibid. §3.2, Eqs. 24–31, 65–66). CLs as in pyhf:
// x = √q̃ − √q_A (q̃ ≤ q_A) or (q̃ − q_A)/(2√q_A); CL_{s+b} = Φ̄(x + √q_A), CL_b = Φ̄(x).
// Expected CLs for band N: CLs_N = Φ(N − √q_A)/Φ(N). The fits that do not depend on μ (μ̂, θ̂_0,
// the Asimov set) are done once; conditional fits are warm-started from the previous μ.
// Accuracy: the formulae are asymptotic (valid when the counts driving the limit are ≳ 10–20);
// numerically q̃ to ≈ 1e-11 (Newton decrement 1e-12). Counts above 1e10 events are refused
// with status numerical_error (q̃ would have no significant digits; detail/observed_fits.hpp).
// Work: each fit costs detail::fit_units(bins, iterations) of the budget.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <Eigen/Dense>

#include "semivisible/error.hpp"
#include "semivisible/stats/cls_engine.hpp"
#include "semivisible/stats/cls_types.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/detail/limit_solver.hpp"
#include "semivisible/stats/detail/observed_fits.hpp"
#include "semivisible/stats/detail/work_budget.hpp"
#include "semivisible/stats/likelihood.hpp"

namespace semivisible::stats {

/// The asymptotic engine for one model and signal shape. Satisfies cls_engine and
/// expected_cls_engine. Not thread-safe (warm starts): one per thread.
class asymptotic_engine {
 public:
  /// Throws invalid_parameter on a bad signal or fit options.
  asymptotic_engine(const counting_model& model, std::span<const double> signal,
                    const fit_options& options = {},
                    std::uint64_t work_budget = default_work_budget)
      : lik_(model, signal),
        options_(checked(options)),
        obs_(lik_, options_),
        work_(work_budget),
        bins_(model.bins()) {
    // Asimov data at μ' = 0: counts ν(0, θ̂_0), global observables θ̂_0 (CCGV §3.2).
    const std::vector<double>& theta0 = obs_.background_only;
    asimov_.counts = lik_.expected(theta0);
    asimov_.global_observables.assign(theta0.begin() + 1, theta0.end());
    Eigen::VectorXd x(static_cast<Eigen::Index>(theta0.size()));
    for (std::size_t j = 0; j < theta0.size(); ++j) x[static_cast<Eigen::Index>(j)] = theta0[j];
    nll_asimov_free_ = lik_.evaluate(x, asimov_);
    start_obs_ = theta0;
    start_asimov_ = theta0;
    work_.charge(detail::fit_units(bins_, 0) + detail::fit_units(bins_, obs_.iterations));
  }

  [[nodiscard]] static constexpr method algorithm() noexcept { return method::asymptotic; }
  [[nodiscard]] double signal_total() const noexcept { return lik_.signal_total(); }
  [[nodiscard]] bool exhausted() const noexcept { return work_.exhausted(); }
  [[nodiscard]] double work_used() const noexcept { return work_.used(); }
  [[nodiscard]] const likelihood& model_likelihood() const noexcept { return lik_; }
  /// The status of the μ-independent fits (and of the count-size check).
  [[nodiscard]] const solver_status& status() const noexcept { return obs_.status; }

  /// q̃_μ on the observed data.
  double qtilde(double mu, solver_status& st) {
    if (obs_.mu_hat >= mu) return 0.0;
    start_obs_[0] = mu;
    const fit_result c = lik_.fit_conditional(mu, obs_.data, options_, start_obs_);
    charge(c.iterations);
    detail::keep_first_failure(st, c.status);
    detail::keep_first_failure(st, obs_.check_conditional(mu, c.nll));
    if (c.status.ok()) start_obs_ = c.parameters;
    return obs_.qtilde(mu, c.nll);
  }

  /// q_{μ,A} on the Asimov data set (μ' = 0).
  double qasimov(double mu, solver_status& st) {
    start_asimov_[0] = mu;
    const fit_result c = lik_.fit_conditional(mu, asimov_, options_, start_asimov_);
    charge(c.iterations);
    detail::keep_first_failure(st, c.status);
    if (c.status.ok()) start_asimov_ = c.parameters;
    return std::max(0.0, 2.0 * (c.nll - nll_asimov_free_));
  }

  /// Observed CLs at μ > 0.
  cls_result cls(double mu) {
    semivisible::detail::require_positive("stats::asymptotic_engine::cls", "mu", mu);
    cls_result r;
    r.algorithm = method::asymptotic;
    r.status = obs_.status;
    const double q = qtilde(mu, r.status);
    const double qa = qasimov(mu, r.status);
    if (work_.exhausted()) detail::keep_first_failure(r.status, budget_status());
    return from_statistics(q, qa, r);
  }

  /// Expected CLs at μ for band offset N (CLs_N = Φ(N − √q_A)/Φ(N)).
  double expected_cls(double mu, double n_sigma, solver_status& st) {
    detail::keep_first_failure(st, obs_.status);
    const double qa = qasimov(mu, st);
    if (work_.exhausted()) detail::keep_first_failure(st, budget_status());
    return detail::normal_cdf(n_sigma - std::sqrt(qa)) / detail::normal_cdf(n_sigma);
  }

  /// CLs from q̃ and q_A (CCGV Eqs. 65–66, pyhf's form).
  static cls_result from_statistics(double q, double qa, cls_result r) {
    if (!(qa > 0)) {  // no sensitivity at this μ
      r.value = r.cl_sb = r.cl_b = 1;
      return r;
    }
    const double sq = std::sqrt(q), sqa = std::sqrt(qa);
    const double x = q <= qa ? sq - sqa : (q - qa) / (2 * sqa);
    r.cl_sb = detail::normal_sf(x + sqa);
    r.cl_b = detail::normal_sf(x);
    r.value = r.cl_b > 0 ? r.cl_sb / r.cl_b : 0.0;
    if (!std::isfinite(q)) r.value = r.cl_sb = 0;
    return r;
  }

 private:
  static const fit_options& checked(const fit_options& o) {
    validate("stats::asymptotic_engine", o);
    return o;
  }
  void charge(int iterations) { work_.charge(detail::fit_units(bins_, iterations)); }
  [[nodiscard]] solver_status budget_status() const {
    return {status::not_converged,
            fmt::format("asymptotic CLs: the fits exceed the work budget of {} operations",
                        work_.budget())};
  }

  likelihood lik_;
  fit_options options_;
  detail::observed_fits obs_;
  detail::work_counter work_;
  std::size_t bins_ = 0;
  dataset asimov_;
  double nll_asimov_free_ = 0;
  std::vector<double> start_obs_, start_asimov_;
};

static_assert(cls_engine<asymptotic_engine> && expected_cls_engine<asymptotic_engine>);

}  // namespace semivisible::stats
