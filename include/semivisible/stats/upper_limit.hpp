// semivisible/stats/upper_limit.hpp — upper limits on μ and expected bands, written once for
// every CLs engine (stats/cls_engine.hpp).
//
// Observed limit: the root of CLs(μ) = 1 − CL, found in the signal-event variable t = μ Σs
// (detail/limit_solver.hpp: bracketing from 2 events, then TOMS 748 to 2^(1−bits) relative;
// bits = 40, toys 14), so limits scale exactly as 1/|s|.
// Expected band (quantiles 2.3, 15.9, 50, 84.1, 97.7 % of the limit under background only):
//  * expected_cls_engine: for each N ∈ {−2, …, 2} the root of CLs_N(μ) = 1 − CL;
//  * outcome_band_engine: the limit μ_up(n) for each background-only outcome n, most probable
//    first until 1 − 1e-6 of the probability is covered (roots to 2⁻²³, each started from the
//    previous limit), then the weighted quantiles (discrete: bands are steps at small counts);
//    the cost of the remaining outcomes is projected at 16, 32, 64, … outcomes done and the band
//    stops (engine exhausted) when it would not fit the budget.
// When the engine's work budget runs out the functions stop and report status not_converged;
// engine.exhausted() tells the caller, who may fall back to another engine (stats/cls.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/stats/cls_engine.hpp"
#include "semivisible/stats/cls_types.hpp"
#include "semivisible/stats/detail/limit_solver.hpp"

namespace semivisible::stats {
namespace detail {

/// Thrown inside a root find when the engine's work budget is spent, to stop it at once.
struct work_exhausted {};

inline int limit_bits(const limit_options& o, method m) {
  return o.bits > 0 ? o.bits : (m == method::toys ? 14 : 40);
}

inline solver_status exhausted_status(method m) {
  return {
      status::not_converged,
      fmt::format("{} CLs: the work budget was spent before the limit was found", to_string(m))};
}

/// The limit in events t = μ Σs for CLs(t) = α, where cls_at(μ) gives CLs; NaN on failure.
template <cls_engine E, class CLsAt>
double limit_events(E& engine, CLsAt&& cls_at, double alpha, int bits, solver_status& status,
                    double guess) {
  const double total = engine.signal_total();
  try {
    return solve_events(
        [&](double events) {
          const double value = cls_at(events / total);
          if (engine.exhausted()) throw work_exhausted{};
          return value;
        },
        alpha, bits, status, guess);
  } catch (const work_exhausted&) {
    keep_first_failure(status, exhausted_status(engine.algorithm()));
    return std::numeric_limits<double>::quiet_NaN();
  }
}

/// The observed limit in events (see observed_limit).
template <cls_engine E>
double observed_events(E& engine, const limit_options& options, solver_status& status,
                       double guess = 2.0) {
  return limit_events(
      engine,
      [&](double mu) {
        const cls_result c = engine.cls(mu);
        keep_first_failure(status, c.status);
        return c.value;
      },
      1 - options.cl, limit_bits(options, engine.algorithm()), status, guess);
}

inline std::array<double*, 5> band_fields(limit_result& r) {
  return {&r.expected_minus2, &r.expected_minus1, &r.expected_median, &r.expected_plus1,
          &r.expected_plus2};
}

}  // namespace detail

/// The observed upper limit on μ at options.cl (NaN, with a failing status, when none was found
/// or the engine's work budget ran out).
template <cls_engine E>
[[nodiscard]] double observed_limit(E& engine, const limit_options& options,
                                    solver_status& status) {
  validate("stats::observed_limit", options);
  return detail::observed_events(engine, options, status) / engine.signal_total();
}

/// The expected band into r.expected_* (median, ±1σ, ±2σ; NaN where not found) and failures
/// into r.status. `guess_events`: where the root searches start (events; the observed limit).
template <cls_engine E>
requires expected_cls_engine<E> || outcome_band_engine<E>
void expected_band(E& engine, const limit_options& options, limit_result& r,
                   double guess_events = 2.0) {
  validate("stats::expected_band", options);
  const double alpha = 1 - options.cl, total = engine.signal_total();
  const int bits = detail::limit_bits(options, engine.algorithm());
  const auto band = detail::band_fields(r);
  if constexpr (outcome_band_engine<E>) {
    // Quantiles of μ_up(n) over the background-only outcomes (probability-weighted).
    const std::vector<weighted_outcome> outcomes = engine.background_outcomes();
    if (engine.exhausted()) {
      detail::keep_first_failure(r.status, detail::exhausted_status(engine.algorithm()));
      return;
    }
    const int band_bits = std::min(bits, 24);  // band quantiles: 1e-7 relative is plenty
    double guess = guess_events > 0 && std::isfinite(guess_events) ? guess_events : 2.0;
    std::vector<std::pair<double, double>> limits;  // (μ_up, probability)
    // Outcomes needed to cover 1 − 1e-6: the band's cost is projected from the first ones.
    std::size_t needed = 0;
    for (double c = 0; needed < outcomes.size() && c < 1 - 1e-6; ++needed)
      c += outcomes[needed].probability;
    const double start = engine.work_used();
    double kept = 0;
    std::size_t done = 0;
    for (const auto& o : outcomes) {
      if (done >= 16 && done < needed && (done & (done - 1)) == 0) {  // at 16, 32, 64, …
        const double per_outcome = (engine.work_used() - start) / static_cast<double>(done);
        if (!engine.afford(per_outcome * static_cast<double>(needed - done))) {
          detail::keep_first_failure(r.status, detail::exhausted_status(engine.algorithm()));
          return;
        }
      }
      ++done;
      const double t = detail::limit_events(
          engine,
          [&](double mu) {
            const cls_result c = engine.cls(mu, o.counts);
            detail::keep_first_failure(r.status, c.status);
            return c.value;
          },
          alpha, band_bits, r.status, guess);
      if (engine.exhausted()) return;
      if (std::isfinite(t)) {
        guess = t;
        limits.emplace_back(t / total, o.probability);
      }
      kept += o.probability;
      if (kept >= 1 - 1e-6) break;
    }
    std::sort(limits.begin(), limits.end());
    double mass = 0;
    for (const auto& l : limits) mass += l.second;
    for (std::size_t k = 0; k < 5; ++k) {
      const double level = detail::normal_cdf(detail::band_sigma[k]) * mass;
      double cumulative = 0;
      for (const auto& [mu_up, probability] : limits) {
        cumulative += probability;
        if (cumulative >= level * (1 - 1e-12)) {
          *band[k] = mu_up;
          break;
        }
      }
    }
  } else {
    for (std::size_t k = 0; k < 5; ++k) {
      const double n_sigma = detail::band_sigma[k];
      *band[k] = detail::limit_events(
                     engine, [&](double mu) { return engine.expected_cls(mu, n_sigma, r.status); },
                     alpha, bits, r.status, 2.0) /
                 total;
      if (engine.exhausted()) return;
    }
  }
}

/// Upper limit on μ at options.cl and (if options.expected) the expected band, with one engine
/// and no fallback. Throws invalid_parameter on bad options; solver trouble and a spent work
/// budget are reported in status.
template <cls_engine E>
requires expected_cls_engine<E> || outcome_band_engine<E>
[[nodiscard]] limit_result upper_limit(E& engine, const limit_options& options) {
  validate("stats::upper_limit", options);
  limit_result r;
  r.algorithm = r.band_algorithm = engine.algorithm();
  r.cl = options.cl;
  const double t = detail::observed_events(engine, options, r.status);
  r.mu_upper = t / engine.signal_total();
  if (options.expected && !engine.exhausted()) expected_band(engine, options, r, t);
  return r;
}

}  // namespace semivisible::stats
