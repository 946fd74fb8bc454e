// semivisible/stats/cls_toys.hpp — the toy (pseudo-experiment) CLs engine.
//
// Method: the same q̃_μ as the asymptotic engine (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011)
// 1554, Eq. 16); its distributions from pseudo-experiments generated at (μ, θ̂_μ) and (0, θ̂_0)
// with the global observables fluctuated and every toy fitted like the data (frequentist toys,
// as in RooStats' FrequentistCalculator and pyhf's ToyCalculator). Each toy has its own
// counter-based random stream (detail/random_stream.hpp), so results do not depend on the
// number of threads. Expected band N: q* = the background-only quantile with
// P_b(q̃ ≥ q*) = Φ(N), CLs_N = P_{s+b}(q̃ ≥ q*)/P_b(q̃ ≥ q*).
// Accuracy: binomial, δCL/CL ≈ √((1 − p)/(p T)) for T toys.
// Work: every toy fit costs detail::fit_units(bins, iterations); toys_work()
// estimates a whole limit in advance, and the free functions refuse a request that exceeds the
// work budget (docs/statistics.md §7).
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/stats/cls_engine.hpp"
#include "semivisible/stats/cls_types.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/detail/limit_solver.hpp"
#include "semivisible/stats/detail/observed_fits.hpp"
#include "semivisible/stats/detail/random_stream.hpp"
#include "semivisible/stats/detail/work_budget.hpp"
#include "semivisible/stats/likelihood.hpp"

namespace semivisible::stats {

/// Work units of generating one toy (its random stream, data set and starting point; measured
/// ≈ 2 µs with the allocations of its two fits).
inline constexpr double toy_units = 2000;

/// Estimated work units of `evaluations` toy CLs evaluations with `toys` toys per hypothesis on
/// `bins` bins: two hypotheses; per toy its generation and two fits of ≈ 4 Newton iterations.
[[nodiscard]] inline double toys_work(std::size_t bins, std::size_t toys, double evaluations) {
  return evaluations * static_cast<double>(toys) * 2 * (toy_units + 2 * detail::fit_units(bins, 4));
}

/// CLs evaluations of a toys upper limit: ≈ 20 for the observed limit, ≈ 15 more per band
/// quantile (measured on the NA64 model; the bracket search and TOMS 748 at 2⁻¹³).
[[nodiscard]] constexpr double toys_limit_evaluations(bool expected) noexcept {
  return expected ? 20.0 + 5 * 15.0 : 20.0;
}

/// The toy engine for one model and signal shape. Satisfies cls_engine and expected_cls_engine.
class toys_engine {
 public:
  /// Throws invalid_parameter on a bad signal, toys = 0 or bad fit options.
  toys_engine(const counting_model& model, std::span<const double> signal, std::size_t toys,
              std::uint64_t seed, unsigned threads, const fit_options& options = {},
              std::uint64_t work_budget = default_work_budget)
      : lik_(model, signal),
        toys_(checked_toys(toys)),
        seed_(seed),
        options_(checked(options)),
        obs_(lik_, options_),
        work_(work_budget),
        bins_(model.bins()) {
    threads_ = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
    work_.charge(detail::fit_units(bins_, 0) + detail::fit_units(bins_, obs_.iterations));
  }

  [[nodiscard]] static constexpr method algorithm() noexcept { return method::toys; }
  [[nodiscard]] double signal_total() const noexcept { return lik_.signal_total(); }
  [[nodiscard]] bool exhausted() const noexcept { return work_.exhausted(); }
  [[nodiscard]] double work_used() const noexcept { return work_.used(); }

  /// The sorted q̃_μ of both ensembles and q̃_obs at μ.
  struct ensembles {
    double q_obs = 0;
    std::vector<double> q_sb, q_b;
    solver_status status{};
  };

  /// Generates and fits both ensembles at μ (threads as configured).
  ensembles run(double mu) {
    ensembles e;
    e.status = obs_.status;
    if (work_.exhausted()) {
      detail::keep_first_failure(e.status, budget_status());
      e.q_sb.assign(1, 0.0);
      e.q_b.assign(1, 0.0);
      return e;
    }
    // The conditional fit is needed even when q̃_obs = 0: it generates the s+b toys.
    const fit_result c = lik_.fit_conditional(mu, obs_.data, options_);
    detail::keep_first_failure(e.status, c.status);
    e.q_obs = obs_.qtilde(mu, c.nll);
    e.q_sb.assign(toys_, 0.0);
    e.q_b.assign(toys_, 0.0);
    std::vector<solver_status> failures(threads_);
    std::atomic<long long> iterations{c.iterations};
    const double fits = 1.0 + 4.0 * static_cast<double>(toys_);
    auto work = [&](unsigned worker) {
      long long mine = 0;
      for (std::size_t t = worker; t < toys_; t += threads_) {
        e.q_sb[t] = toy_statistic(mu, c.parameters, 0, t, failures[worker], mine);
        e.q_b[t] = toy_statistic(mu, obs_.background_only, 1, t, failures[worker], mine);
      }
      iterations += mine;
    };
    if (threads_ == 1) {
      work(0);
    } else {
      std::vector<std::jthread> pool;
      for (unsigned w = 0; w < threads_; ++w) pool.emplace_back(work, w);
    }
    for (const auto& f : failures) detail::keep_first_failure(e.status, f);
    work_.charge(2 * static_cast<double>(toys_) * toy_units + fits * detail::fit_units(bins_, 0) +
                 detail::fit_units(bins_, static_cast<double>(iterations.load())) -
                 detail::fit_units(bins_, 0));
    std::sort(e.q_sb.begin(), e.q_sb.end());
    std::sort(e.q_b.begin(), e.q_b.end());
    return e;
  }

  /// Fraction of a sorted ensemble with q ≥ q0 (ties included).
  static double tail(const std::vector<double>& sorted, double q0) {
    const double cut = q0 - 1e-9 * (1 + q0);
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), cut);
    return static_cast<double>(sorted.end() - it) / static_cast<double>(sorted.size());
  }

  /// Observed CLs of the ensembles.
  static cls_result observed(const ensembles& e) {
    cls_result r;
    r.algorithm = method::toys;
    r.status = e.status;
    r.cl_sb = tail(e.q_sb, e.q_obs);
    r.cl_b = tail(e.q_b, e.q_obs);
    r.value = r.cl_b > 0 ? std::min(1.0, r.cl_sb / r.cl_b) : 0.0;
    return r;
  }

  /// Expected CLs of the ensembles for band N: q* = the background-only quantile with
  /// P_b(q ≥ q*) = Φ(N).
  static double expected(const ensembles& e, double n_sigma) {
    const double level = 1.0 - detail::normal_cdf(n_sigma);
    const auto n = static_cast<double>(e.q_b.size());
    const auto k = static_cast<std::size_t>(std::clamp(std::floor(level * n), 0.0, n - 1.0));
    const double qstar = e.q_b[k];
    const double clb = tail(e.q_b, qstar);
    return clb > 0 ? std::min(1.0, tail(e.q_sb, qstar) / clb) : 0.0;
  }

  /// Observed CLs at μ > 0.
  cls_result cls(double mu) {
    semivisible::detail::require_positive("stats::toys_engine::cls", "mu", mu);
    return observed(run(mu));
  }

  /// Expected CLs at μ for band offset N (a fresh pair of ensembles at μ).
  double expected_cls(double mu, double n_sigma, solver_status& st) {
    const ensembles e = run(mu);
    detail::keep_first_failure(st, e.status);
    return expected(e, n_sigma);
  }

 private:
  static std::size_t checked_toys(std::size_t toys) {
    if (toys == 0) semivisible::detail::throw_invalid("stats::toys_engine", "toys", 0.0, ">= 1");
    return toys;
  }
  static const fit_options& checked(const fit_options& o) {
    validate("stats::toys_engine", o);
    return o;
  }
  [[nodiscard]] solver_status budget_status() const {
    return {status::not_converged,
            fmt::format("toys CLs: the toy fits exceed the work budget of {} operations",
                        work_.budget())};
  }

  double toy_statistic(double mu, const std::vector<double>& generate, std::uint64_t hypothesis,
                       std::size_t toy, solver_status& st, long long& iterations) const {
    detail::toy_stream rng(seed_, hypothesis, toy);
    const std::vector<double> nu = lik_.expected(generate);
    dataset d;
    d.counts.resize(nu.size());
    for (std::size_t i = 0; i < nu.size(); ++i) d.counts[i] = rng.poisson(nu[i]);
    d.global_observables.resize(nu.size() + 1);
    for (std::size_t j = 0; j < nu.size() + 1; ++j)
      d.global_observables[j] = generate[j + 1] + rng.normal();
    std::vector<double> start = generate;
    start[0] = mu;
    const fit_result c = lik_.fit_conditional(mu, d, options_, start);
    const fit_result u = lik_.fit_unconditional(d, mu, options_);
    iterations += c.iterations + u.iterations;
    detail::keep_first_failure(st, c.status);
    detail::keep_first_failure(st, u.status);
    if (!std::isfinite(c.nll)) return std::numeric_limits<double>::infinity();
    return std::max(0.0, 2.0 * (c.nll - u.nll));
  }

  likelihood lik_;
  std::size_t toys_;
  std::uint64_t seed_;
  unsigned threads_ = 1;
  fit_options options_;
  detail::observed_fits obs_;
  detail::work_counter work_;
  std::size_t bins_ = 0;
};

static_assert(cls_engine<toys_engine> && expected_cls_engine<toys_engine>);

}  // namespace semivisible::stats
