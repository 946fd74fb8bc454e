// semivisible/stats/cls_calculator.hpp — the method dispatch with its fallback rules, and
// cls_calculator, a model prepared for many signal shapes (the scans' hot loop).
//
// Fallback rules (docs/statistics.md §7), so that every call ends within its work budget:
//  0. method::exact may spend half of options.work_budget; its fallback the other half.
//  1. method::exact whose observed CLs (or limit) needs more than that — large counts,
//     backgrounds beyond 1e10 events — is computed with method::asymptotic instead (where the
//     counts are large the asymptotic formulae are valid); result.algorithm says so and
//     result.warning says why.
//  2. method::exact whose observed limit fits the budget but whose expected band does not (many
//     bins, broad background priors) keeps the exact observed limit and takes the band from
//     method::asymptotic: result.band_algorithm = asymptotic, with a warning.
//  3. method::toys is refused (invalid_parameter naming `toys`) when the estimated work of the
//     requested toys per thread exceeds the budget; method::asymptotic has no fallback (a spent
//     budget is a not_converged status).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/stats/cls_asymptotic.hpp"
#include "semivisible/stats/cls_exact.hpp"
#include "semivisible/stats/cls_toys.hpp"
#include "semivisible/stats/cls_types.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/upper_limit.hpp"

namespace semivisible::stats {
namespace detail {

/// The share of the budget the exact engine gets, and its fallback after it: half each.
inline std::uint64_t share_budget(std::uint64_t budget) {
  return budget == 0 ? 0 : std::max<std::uint64_t>(1, budget / 2);
}

/// Threads a toys engine will use.
inline unsigned toy_threads(unsigned threads) {
  return threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
}

/// The toys engine's own (total, all threads) budget: a safety net at twice the estimate that
/// check_toys_budget admitted.
inline std::uint64_t toy_safety_budget(std::uint64_t budget, unsigned threads, std::size_t toys) {
  if (budget == 0) return 0;
  const auto t = static_cast<std::uint64_t>(std::min<std::size_t>(toy_threads(threads), toys));
  return 2 * budget * t;
}

/// Throws invalid_parameter naming `toys` when `evaluations` toy CLs evaluations exceed the budget.
/// The work is counted per thread (the toys are spread evenly over the threads).
inline void check_toys_budget(std::string_view fn, const counting_model& model, std::size_t toys,
                              unsigned threads, double evaluations, std::uint64_t budget,
                              std::string_view what) {
  if (budget == 0) return;
  const double per_thread =
      1.0 / static_cast<double>(std::min<std::size_t>(toy_threads(threads), toys));
  const double need = toys_work(model.bins(), toys, evaluations) * per_thread;
  if (need <= static_cast<double>(budget)) return;
  const double most = std::floor(static_cast<double>(budget) /
                                 (toys_work(model.bins(), 1, evaluations) * per_thread));
  semivisible::detail::throw_invalid(
      fn, "toys", static_cast<double>(toys),
      fmt::format("<= {:.0f} for {} on {} bin(s) and {} thread(s) within the work budget of {} "
                  "operations (the request needs {:.3g}, ≈ {:.2g} s): use fewer toys{}, another "
                  "method, or a larger work_budget (0: no limit)",
                  most, what, model.bins(), toy_threads(threads), budget, need, need * 1e-9,
                  what == "a limit with the expected band" ? ", no expected band" : ""));
}

/// CLs at options.mu (validated inputs) with the fallback rules; `prepared`: the exact cache.
inline cls_result cls_with_fallback(const counting_model& model, std::span<const double> signal,
                                    const cls_options& o, exact_background* prepared,
                                    std::string_view fn) {
  switch (o.algorithm) {
    case method::exact: {
      std::optional<exact_engine> e;
      if (prepared)
        e.emplace(*prepared, signal, share_budget(o.work_budget));
      else
        e.emplace(model, signal, share_budget(o.work_budget));
      cls_result r = e->cls(o.mu);
      if (!e->exhausted()) return r;
      asymptotic_engine a(model, signal, o.fit, share_budget(o.work_budget));
      cls_result f = a.cls(o.mu);
      f.warning = fmt::format("{}; the asymptotic method was used instead", e->exhaustion_reason());
      return f;
    }
    case method::asymptotic: {
      asymptotic_engine a(model, signal, o.fit, o.work_budget);
      return a.cls(o.mu);
    }
    case method::toys: {
      check_toys_budget(fn, model, o.toys, o.threads, 1.0, o.work_budget, "one CLs evaluation");
      toys_engine t(model, signal, o.toys, o.seed, o.threads, o.fit,
                    toy_safety_budget(o.work_budget, o.threads, o.toys));
      return t.cls(o.mu);
    }
  }
  return {};
}

/// Upper limit (validated inputs) with the fallback rules; `prepared`: the exact cache.
inline limit_result limit_with_fallback(const counting_model& model, std::span<const double> signal,
                                        const limit_options& o, exact_background* prepared,
                                        std::string_view fn) {
  switch (o.algorithm) {
    case method::exact: {
      std::optional<exact_engine> e;
      if (prepared)
        e.emplace(*prepared, signal, share_budget(o.work_budget));
      else
        e.emplace(model, signal, share_budget(o.work_budget));
      limit_result r;
      r.algorithm = r.band_algorithm = method::exact;
      r.cl = o.cl;
      const double t = observed_events(*e, o, r.status);
      if (e->exhausted()) {  // rule 1
        asymptotic_engine a(model, signal, o.fit, share_budget(o.work_budget));
        limit_result f = upper_limit(a, o);
        f.warning =
            fmt::format("{}; the asymptotic method was used instead (valid at large counts)",
                        e->exhaustion_reason());
        return f;
      }
      r.mu_upper = t / e->signal_total();
      if (!o.expected) return r;
      limit_result band = r;
      expected_band(*e, o, band, t);
      if (!e->exhausted()) return band;
      // rule 2: exact observed limit, asymptotic band
      asymptotic_engine a(model, signal, o.fit, share_budget(o.work_budget));
      expected_band(a, o, r);
      r.band_algorithm = method::asymptotic;
      r.warning = fmt::format("{}; the expected band is asymptotic (the observed limit is exact)",
                              e->exhaustion_reason());
      return r;
    }
    case method::asymptotic: {
      asymptotic_engine a(model, signal, o.fit, o.work_budget);
      return upper_limit(a, o);
    }
    case method::toys: {
      check_toys_budget(fn, model, o.toys, o.threads, toys_limit_evaluations(o.expected),
                        o.work_budget, o.expected ? "a limit with the expected band" : "a limit");
      toys_engine t(model, signal, o.toys, o.seed, o.threads, o.fit,
                    toy_safety_budget(o.work_budget, o.threads, o.toys));
      return upper_limit(t, o);
    }
  }
  return {};
}

}  // namespace detail

/// A model prepared for many signal shapes (the scans' hot loop): what depends only on the
/// background model — the nuisance quadrature nodes and the background-only marginal count
/// distributions of method::exact — is computed once and reused. Same results (and fallback
/// rules) as the free functions cls() and upper_limit(). Not thread-safe (it caches): one
/// calculator per thread.
class cls_calculator {
 public:
  /// Throws invalid_parameter on bad options (cl outside (0, 1), toys = 0, bits, fit).
  explicit cls_calculator(counting_model model, limit_options options = {})
      : model_(std::move(model)), options_(options), exact_(model_) {
    validate("stats::cls_calculator", options_);
  }

  [[nodiscard]] const counting_model& model() const noexcept { return model_; }
  [[nodiscard]] const limit_options& options() const noexcept { return options_; }

  /// CLs at μ (default 1) with the calculator's method; throws on a bad signal or μ.
  cls_result cls(std::span<const double> signal, double mu = 1.0) {
    constexpr std::string_view fn = "stats::cls_calculator::cls";
    validate_signal(fn, model_, signal);
    semivisible::detail::require_positive(fn, "mu", mu);
    cls_options o;
    o.algorithm = options_.algorithm;
    o.mu = mu;
    o.toys = options_.toys;
    o.seed = options_.seed;
    o.threads = options_.threads;
    o.fit = options_.fit;
    o.work_budget = options_.work_budget;
    return detail::cls_with_fallback(model_, signal, o, &exact_, fn);
  }

  /// Upper limit on μ with the calculator's options; throws on a bad signal.
  limit_result upper_limit(std::span<const double> signal) {
    constexpr std::string_view fn = "stats::cls_calculator::upper_limit";
    validate_signal(fn, model_, signal);
    return detail::limit_with_fallback(model_, signal, options_, &exact_, fn);
  }

 private:
  counting_model model_;
  limit_options options_;
  detail::exact_background exact_;
};

}  // namespace semivisible::stats
