// semivisible/stats/cls.hpp — CLs = CL_{s+b}/CL_b, upper limits on μ and expected bands
// (umbrella of the CLs pieces, and the free functions cls() and upper_limit()).
//
// The pieces:
//  * cls_types.hpp       method, cls_options/cls_result, limit_options/limit_result, work budget
//  * cls_engine.hpp      the concepts a CLs engine satisfies (cls_engine, expected_cls_engine,
//                        outcome_band_engine)
//  * cls_exact.hpp       exact_engine: hybrid-marginalised exact Poisson sums (Junk 1999; Read
//                        2002; Cousins & Highland 1992) — the default, right at small counts
//  * cls_asymptotic.hpp  asymptotic_engine: q̃_μ with the Asimov formulae (Cowan, Cranmer, Gross,
//                        Vitells, EPJC 71 (2011) 1554)
//  * cls_toys.hpp        toys_engine: q̃_μ distributions from pseudo-experiments
//  * upper_limit.hpp     observed limit and expected band, written once over the concepts
//  * cls_calculator.hpp  the method dispatch with its fallback rules; cls_calculator for scans
//  * detail/             the limit root find (limit_solver), counter-based random streams,
//                        the μ-independent fits, Gauss quadrature, the work counter
// Upper limits: root of CLs(μ) = 1 − CL with TOMS 748 (numerics/root_bracket.hpp) in t = μ Σs, so
// limits scale exactly as 1/|s|. Every call is bounded by a work budget (≈ 1 s by default); the
// exact method falls back to the asymptotic one beyond it (docs/statistics.md §7).
// Default for scans: method::exact (see default_scan_method and docs/statistics.md §6).
#pragma once

#include <span>
#include <string_view>

#include "semivisible/error.hpp"
#include "semivisible/stats/cls_asymptotic.hpp"
#include "semivisible/stats/cls_calculator.hpp"
#include "semivisible/stats/cls_engine.hpp"
#include "semivisible/stats/cls_exact.hpp"
#include "semivisible/stats/cls_toys.hpp"
#include "semivisible/stats/cls_types.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/likelihood.hpp"
#include "semivisible/stats/upper_limit.hpp"

namespace semivisible::stats {

/// CLs at μ = options.mu for signal shape `signal` (events per bin at μ = 1).
/// Throws invalid_parameter on a bad signal or option (μ, toys, fit; toys beyond the work
/// budget); fit failures are reported in status; see cls_calculator.hpp for the fallback rules.
inline cls_result cls(const counting_model& model, std::span<const double> signal,
                      const cls_options& options = {}) {
  constexpr std::string_view fn = "stats::cls";
  validate_signal(fn, model, signal);
  validate(fn, options);
  return detail::cls_with_fallback(model, signal, options, nullptr, fn);
}

/// Upper limit on μ at options.cl (observed and, if options.expected, the expected band).
/// Throws invalid_parameter on bad input; solver trouble is reported in status; see
/// cls_calculator.hpp for the fallback rules.
inline limit_result upper_limit(const counting_model& model, std::span<const double> signal,
                                const limit_options& options = {}) {
  constexpr std::string_view fn = "stats::upper_limit";
  validate_signal(fn, model, signal);
  validate(fn, options);
  return detail::limit_with_fallback(model, signal, options, nullptr, fn);
}

}  // namespace semivisible::stats
