// semivisible/scan/summary.hpp — numbers read off an exclusion scan: the excluded range of the
// second variable, and the largest x at which a band (e.g. the g−2 ±2σ band in ε) lies wholly
// inside one excluded interval, refined between grid points by bisection in ln x.
// These are the quantities the NA64 2021 paper quotes in words (m_A′ ≲ 0.39 GeV for the g−2
// band, ε from ≈3·10⁻⁵ to 2·10⁻², Δ/m_χ1 ≈ 0.5).
#pragma once

#include <cmath>
#include <optional>
#include <vector>

#include "semivisible/error.hpp"
#include "semivisible/scan/rows.hpp"

namespace semivisible::scan {

/// Smallest lower and largest upper edge over all ok rows, with the range-end flags.
struct excluded_extent {
  bool any = false;
  double min_lower = 0;
  double max_upper = 0;
  bool min_lower_at_range = false;
  bool max_upper_at_range = false;
};

[[nodiscard]] inline excluded_extent extent(const std::vector<exclusion_row>& rows) {
  excluded_extent e;
  for (const auto& r : rows) {
    if (!r.status.ok() || !r.lower || !r.upper) continue;
    if (!e.any || *r.lower < e.min_lower) {
      e.min_lower = *r.lower;
      e.min_lower_at_range = r.lower_at_range;
    }
    if (!e.any || *r.upper > e.max_upper) {
      e.max_upper = *r.upper;
      e.max_upper_at_range = r.upper_at_range;
    }
    e.any = true;
  }
  return e;
}

/// True when one excluded interval of `rows` (all at the same x) contains [lo, hi].
[[nodiscard]] inline bool covers(const std::vector<exclusion_row>& rows, double lo, double hi) {
  for (const auto& r : rows)
    if (r.status.ok() && r.lower && r.upper && *r.lower <= lo && *r.upper >= hi) return true;
  return false;
}

/// The largest x at which `band(x)` (returning {lo, hi}) is wholly excluded: the largest covered
/// grid x of `table`, then `iterations` bisection steps in ln x towards the next grid x, calling
/// `per_x` (the scan's per-x function) at the trial points. Empty when no grid x is covered.
template <class PerX, class Band>
[[nodiscard]] std::optional<double> largest_x_covering(const exclusion_table& table,
                                                       const PerX& per_x, const Band& band,
                                                       int iterations = 12) {
  std::vector<double> xs;
  for (const auto& r : table.rows)
    if (xs.empty() || xs.back() != r.x) xs.push_back(r.x);
  auto rows_at = [&](double x) {
    std::vector<exclusion_row> out;
    for (const auto& r : table.rows)
      if (r.x == x) out.push_back(r);
    return out;
  };
  auto covered_rows = [&](const std::vector<exclusion_row>& rows, double x) {
    const auto [lo, hi] = band(x);
    return covers(rows, lo, hi);
  };
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (covered_rows(rows_at(xs[i]), xs[i])) last = i;
  if (!last) return std::nullopt;
  if (*last + 1 == xs.size()) return xs[*last];
  double in = std::log(xs[*last]), out = std::log(xs[*last + 1]);
  for (int k = 0; k < iterations; ++k) {
    const double mid = 0.5 * (in + out);
    const double x = std::exp(mid);
    (covered_rows(per_x(x), x) ? in : out) = mid;
  }
  return std::exp(in);
}

}  // namespace semivisible::scan
