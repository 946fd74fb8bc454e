// semivisible/collider/reinterpretation.hpp — a published invisible-A′ mono-photon limit
// reinterpreted for the semi-visible model.
//
// The published 90 % CL limit ε_pub(m) bounds the number of mono-photon signal events, ∝ ε²·P with
// P = 1 for A′ → invisible. For the semi-visible model the mono-photon yield at (m, ε) is
// ∝ ε² · P_invisible(ε, m, …) (collider/monophoton_table.hpp) with the same production and
// selection, so the excluded ε are those with
//   ε² P_invisible(ε) > ε_pub²                                                              (1)
// (the recasting idea of Izaguirre, Kahn, Krnjaic, Moschella, PRD 96 (2017) 055007,
// arXiv:1703.06881, and Mohlabeng, PRD 99 (2019) 115001, arXiv:1902.05075; their detailed
// treatment is not reproduced, see docs/physics-collider.md §5). P_invisible ≤ 1, so nothing below
// ε_pub is excluded; because P_invisible falls once χ2 decays inside the detector (cτ ∝ 1/ε²), the
// excluded set is an interval [ε_lower, ε_upper] (possibly empty, possibly with further islands,
// e.g. when soft pairs are not vetoed and ε² P → ε² P_soft grows again).
// Method: scan::excluded_intervals (log-spaced seeds in ε ∈ [ε_pub, ε_max], refinement around
// extrema, TOMS 748 edges) on the test t(ε) = 1 − ε² P_invisible(ε)/ε_pub² (< 0 where excluded).
// Each evaluation is one sum over the table's nodes. When χ2 is stable (Δ ≤ 2 m_e) P = 1 exactly
// and the published ε_pub is returned exactly, without a solve.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/scan/intervals.hpp"

namespace semivisible::collider {

/// The dark-sector parameters other than m_A′ and ε, in the NA64 2021 parametrisation:
/// m_χ1 = m_A′ / mass_ratio, Δ = splitting_ratio · m_χ1.
struct dark_sector {
  double alpha_dark = 0.1;       ///< α_D
  double mass_ratio = 3.0;       ///< m_A′ / m_χ1
  double splitting_ratio = 0.4;  ///< Δ / m_χ1

  /// The model point at m_A′ [GeV] and ε.
  [[nodiscard]] model::parameters<double> at(double mass_aprime, double epsilon) const {
    return model::parameters<double>::from_ratios(mass_aprime, epsilon, alpha_dark, mass_ratio,
                                                  splitting_ratio);
  }
};

/// Settings of the ε solve.
struct reinterpretation_options {
  double epsilon_max = 1.0;          ///< upper end of the ε range searched
  std::size_t seed_points = 32;      ///< log-spaced seeds in [ε_pub, ε_max] (scan/intervals.hpp)
  double relative_tolerance = 1e-8;  ///< edge accuracy, relative in ε
  std::size_t max_iterations = 100;  ///< per edge
};

/// The reinterpreted limit at one mass.
struct reinterpreted_limit_result {
  double mass_aprime = 0;        ///< m_A′ [GeV]
  double epsilon_published = 0;  ///< ε_pub at this mass
  bool excluded = false;         ///< some ε in [ε_pub, ε_max] is excluded
  /// Lower edge of the first excluded interval: the reinterpreted limit (+∞ when nothing is
  /// excluded).
  double epsilon_lower = std::numeric_limits<double>::infinity();
  /// Upper edge of the first excluded interval (ε_max when it reaches the end of the range, see
  /// upper_open; +∞ when nothing is excluded).
  double epsilon_upper = std::numeric_limits<double>::infinity();
  bool upper_open = false;  ///< the first interval reaches ε_max (no upper edge below it)
  /// P_invisible at epsilon_lower (0 when nothing is excluded).
  double invisible_probability_at_lower = 0;
  std::vector<scan::interval> intervals{};  ///< all excluded intervals, ascending
  solver_status status{};                   ///< ok, or why the scan failed somewhere
  std::size_t evaluations = 0;              ///< evaluations of P_invisible
};

/// Solves Eq. (1) for a tabulated model point and the published ε at its mass.
[[nodiscard]] inline reinterpreted_limit_result reinterpreted_limit(
    const monophoton_table& table, double epsilon_published,
    const reinterpretation_options& options = {}) {
  constexpr const char* fn = "semivisible::collider::reinterpreted_limit";
  semivisible::detail::require_positive(fn, "epsilon_published", epsilon_published);
  semivisible::detail::require_positive(fn, "epsilon_max", options.epsilon_max);
  if (!(options.epsilon_max > epsilon_published))
    semivisible::detail::throw_invalid(fn, "epsilon_max", options.epsilon_max,
                                       fmt::format("> epsilon_published = {}", epsilon_published));
  reinterpreted_limit_result result;
  result.mass_aprime = table.mass_aprime();
  result.epsilon_published = epsilon_published;
  if (table.chi2_stable()) {  // P = 1: the published limit, exactly
    result.excluded = true;
    result.epsilon_lower = epsilon_published;
    result.epsilon_upper = options.epsilon_max;
    result.upper_open = true;
    result.invisible_probability_at_lower = 1.0;
    result.intervals = {{epsilon_published, options.epsilon_max, true, true}};
    return result;
  }
  const double published2 = epsilon_published * epsilon_published;
  const auto test = [&](double epsilon) {
    return 1 - epsilon * epsilon * table.invisible_probability(epsilon) / published2;
  };
  scan::interval_options scan_options;
  scan_options.lo = epsilon_published;
  scan_options.hi = options.epsilon_max;
  scan_options.seed_points = options.seed_points;
  scan_options.relative_tolerance = options.relative_tolerance;
  scan_options.max_iterations = options.max_iterations;
  auto found = scan::excluded_intervals(test, scan_options);
  result.status = std::move(found.status);
  result.evaluations = found.evaluations;
  result.intervals = std::move(found.intervals);
  if (!result.intervals.empty()) {
    const auto& first = result.intervals.front();
    result.excluded = true;
    result.epsilon_lower = first.lower;
    result.epsilon_upper = first.upper;
    result.upper_open = first.upper_at_range;
    result.invisible_probability_at_lower = table.invisible_probability(first.lower);
  }
  return result;
}

/// Eq. (1) at the model point `point` (its ε is not used) and the published ε at its mass.
[[nodiscard]] inline reinterpreted_limit_result reinterpreted_limit(
    const model::parameters<double>& point, double epsilon_published,
    const monophoton_options& options, const reinterpretation_options& solve = {}) {
  return reinterpreted_limit(monophoton_table(point, options), epsilon_published, solve);
}

/// Eq. (1) at m_A′ [GeV] for the dark sector `sector` and the published ε at that mass.
[[nodiscard]] inline reinterpreted_limit_result reinterpreted_limit(
    double mass_aprime, double epsilon_published, const dark_sector& sector,
    const monophoton_options& options, const reinterpretation_options& solve = {}) {
  return reinterpreted_limit(sector.at(mass_aprime, epsilon_published), epsilon_published, options,
                             solve);
}

/// A whole published curve (masses [GeV] and ε_pub, same length) reinterpreted for `sector`.
[[nodiscard]] inline std::vector<reinterpreted_limit_result> reinterpreted_curve(
    std::span<const double> masses, std::span<const double> epsilon_published,
    const dark_sector& sector, const monophoton_options& options,
    const reinterpretation_options& solve = {}) {
  if (masses.size() != epsilon_published.size())
    semivisible::detail::throw_invalid("semivisible::collider::reinterpreted_curve",
                                       "epsilon_published.size()", epsilon_published.size(),
                                       fmt::format("== masses.size() = {}", masses.size()));
  std::vector<reinterpreted_limit_result> curve;
  curve.reserve(masses.size());
  for (std::size_t i = 0; i < masses.size(); ++i)
    curve.push_back(reinterpreted_limit(masses[i], epsilon_published[i], sector, options, solve));
  return curve;
}

}  // namespace semivisible::collider
