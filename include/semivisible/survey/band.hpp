// semivisible/survey/band.hpp — how much of an ε band the excluded intervals leave allowed.
//
// The g−2 band at one m_A′ is ε ∈ [ε₋, ε₊] (physics/gm2.hpp, ±2σ of Δa_μ). Experiments exclude
// intervals [l_k, u_k] of ε (scan/intervals.hpp). The allowed fraction is measured in ln ε, the
// natural measure of a coupling spanning decades:
//   allowed = 1 − |⋃_k [l_k, u_k] ∩ [ε₋, ε₊]|_ln / ln(ε₊/ε₋),
// with |·|_ln the total length in ln ε of the union (overlapping intervals of several experiments
// counted once). Exact: a sort and one sweep over the intervals. A band of zero width
// (ε₋ = ε₊) is allowed (1) or not (0) as that single ε is.
#pragma once

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "semivisible/error.hpp"
#include "semivisible/scan/intervals.hpp"

namespace semivisible::survey {

/// True when ε lies in one of the intervals (edges included).
[[nodiscard]] inline bool excluded_at(std::span<const scan::interval> intervals,
                                      double epsilon) noexcept {
  for (const auto& i : intervals)
    if (epsilon >= i.lower && epsilon <= i.upper) return true;
  return false;
}

/// The allowed fraction (in ln ε) of the band [lo, hi] (0 < lo ≤ hi) left by the union of
/// `intervals` (any order, may overlap). Throws invalid_parameter for a bad band.
[[nodiscard]] inline double allowed_fraction(std::vector<scan::interval> intervals, double lo,
                                             double hi) {
  constexpr const char* fn = "semivisible::survey::allowed_fraction";
  semivisible::detail::require_positive(fn, "lo", lo);
  if (!std::isfinite(hi) || !(hi >= lo))
    semivisible::detail::throw_invalid(fn, "hi", hi, ">= lo (finite)");
  if (hi == lo) return excluded_at(intervals, lo) ? 0.0 : 1.0;
  std::sort(intervals.begin(), intervals.end(),
            [](const auto& a, const auto& b) { return a.lower < b.lower; });
  const double a = std::log(lo), b = std::log(hi);
  double covered = 0, reach = a;  // [a, reach] is already counted
  for (const auto& i : intervals) {
    if (!(i.upper > i.lower) || !(i.lower > 0)) continue;
    const double l = std::max(std::log(i.lower), reach), u = std::min(std::log(i.upper), b);
    if (u > l) {
      covered += u - l;
      reach = u;
    }
  }
  return std::clamp(1 - covered / (b - a), 0.0, 1.0);  // clamp: rounding of the sum only
}

}  // namespace semivisible::survey
