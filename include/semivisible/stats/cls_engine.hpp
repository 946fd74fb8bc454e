// semivisible/stats/cls_engine.hpp — what a CLs engine is: the C++20 concepts that
// stats/upper_limit.hpp is written against once (observed limit and expected band).
//
// An engine is bound to one counting_model and one signal shape s (events per bin at μ = 1) and
// gives CLs of the observed data as a function of μ. It counts its work against a budget
// (stats/detail/work_budget.hpp) and says when the budget is spent; the limit code then stops
// and the caller may fall back to another engine (docs/statistics.md §7). The expected band
// comes in one of two forms, each a concept:
//  * expected_cls_engine — the band N is the root of an expected-CLs curve CLs_N(μ)
//    (asymptotic: Φ(N − √q_A)/Φ(N); toys: the background-only q̃ quantile);
//  * outcome_band_engine — the band is the distribution of the limit itself over weighted
//    background-only outcomes, for which the engine evaluates CLs of any counts (exact).
// Engines: exact_engine (cls_exact.hpp), asymptotic_engine (cls_asymptotic.hpp), toys_engine
// (cls_toys.hpp). A new engine is one header that satisfies cls_engine and one of the two.
#pragma once

#include <concepts>
#include <span>
#include <vector>

#include "semivisible/error.hpp"
#include "semivisible/stats/cls_types.hpp"

namespace semivisible::stats {

/// CLs of the observed data at μ for one model and signal shape, under a work budget.
template <class E>
concept cls_engine = requires(E& engine, const E& view, double mu) {
  { view.algorithm() } -> std::same_as<method>;            // which method this engine is
  { view.signal_total() } -> std::convertible_to<double>;  // Σ s_i (events at μ = 1)
  { engine.cls(mu) } -> std::same_as<cls_result>;          // observed CLs at μ > 0
  { view.exhausted() } -> std::convertible_to<bool>;       // the work budget is spent
};

/// An engine whose expected band N ∈ {−2, …, 2} is the root of CLs_N(μ) = 1 − CL.
template <class E>
concept expected_cls_engine = cls_engine<E> &&
    requires(E& engine, double mu, double n_sigma, solver_status& status) {
  { engine.expected_cls(mu, n_sigma, status) } -> std::convertible_to<double>;
};

/// One background-only outcome of the counts with its probability.
struct weighted_outcome {
  double probability = 0;
  std::vector<double> counts{};
};

/// An engine whose band is the distribution of the limit over background-only outcomes:
/// background_outcomes() lists them by decreasing probability (empty when they cannot be listed
/// within the budget; exhausted() is then true), cls(μ, counts) is CLs of other counts;
/// work_used() and afford(units) let the band stop early when its projected cost (from the
/// outcomes done so far) exceeds what is left of the budget (afford then exhausts the engine).
template <class E>
concept outcome_band_engine = cls_engine<E> &&
    requires(E& engine, const E& view, double mu, double units, std::span<const double> counts) {
  { engine.cls(mu, counts) } -> std::same_as<cls_result>;
  { engine.background_outcomes() } -> std::same_as<std::vector<weighted_outcome>>;
  { view.work_used() } -> std::convertible_to<double>;
  { engine.afford(units) } -> std::convertible_to<bool>;
};

}  // namespace semivisible::stats
