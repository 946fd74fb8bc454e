// semivisible/scan/grid.hpp — the x axis of a scan: log-spaced grids and the "LO:HI" range syntax.
//
// A scan evaluates a per-x function on a grid of x values (m_A′ or m_χ1 in GeV). The grid is
// computed once for the whole run, in full, and a shard (scan/shard.hpp) selects a subset of its
// indices, so every shard sees bit-identical x values and `merge` reproduces the single run.
// Point i of a log grid is lo·(hi/lo)^(i/(n−1)), computed as exp(ln lo + i·Δ) with Δ from the
// endpoints; the last point is set to hi exactly.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"

namespace semivisible::scan {

/// A closed range [lo, hi] of a scanned variable (units as the variable's).
struct range {
  double lo = 0;
  double hi = 0;
};

namespace detail {
/// Parses a whole string as a double; false when it is not one number.
inline bool parse_double(std::string_view s, double& value) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return false;
  if (s.front() == '+') s.remove_prefix(1);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc{} && end == s.data() + s.size();
}
}  // namespace detail

/// Validates a range for a log axis: finite, 0 < lo < hi. `parameter` names it in the message.
inline void validate_log_range(range r, std::string_view function = "scan::log_grid",
                               std::string_view parameter = "range") {
  if (!std::isfinite(r.lo) || !(r.lo > 0))
    semivisible::detail::throw_invalid(function, fmt::format("{} lower end", parameter), r.lo,
                                       "finite and > 0 (log axis)");
  if (!std::isfinite(r.hi) || !(r.hi > r.lo))
    throw invalid_parameter(fmt::format("{}: {} = {}:{}, but must have lo < hi (finite)", function,
                                        parameter, r.lo, r.hi));
}

/// `points` log-spaced values from lo to hi inclusive (points ≥ 2, or 1 giving {lo}).
/// Throws invalid_parameter naming the parameter and value for lo ≤ 0, lo ≥ hi, points = 0.
[[nodiscard]] inline std::vector<double> log_grid(double lo, double hi, std::size_t points) {
  if (points == 0) semivisible::detail::throw_invalid("scan::log_grid", "points", 0.0, ">= 1");
  if (points == 1) {
    semivisible::detail::require_positive("scan::log_grid", "lo", lo);
    return {lo};
  }
  validate_log_range({lo, hi});
  std::vector<double> grid(points);
  const double log_lo = std::log(lo);
  const double step = (std::log(hi) - log_lo) / static_cast<double>(points - 1);
  for (std::size_t i = 0; i < points; ++i)
    grid[i] = std::exp(log_lo + static_cast<double>(i) * step);
  grid.front() = lo;  // endpoints exactly as given, not exp(log(·)) rounded
  grid.back() = hi;
  return grid;
}

/// Parses "LO:HI" (e.g. "1e-3:1"); throws invalid_parameter naming `option` and the text when it
/// is not two numbers separated by ':', or (log = true) when not 0 < LO < HI.
[[nodiscard]] inline range parse_range(std::string_view text, std::string_view option = "--range",
                                       bool log = true) {
  const auto colon = text.find(':');
  range r;
  if (colon == std::string_view::npos || !detail::parse_double(text.substr(0, colon), r.lo) ||
      !detail::parse_double(text.substr(colon + 1), r.hi))
    throw invalid_parameter(
        fmt::format("{} = '{}', but must be LO:HI with two numbers (e.g. 1e-3:1)", option, text));
  if (log && (!std::isfinite(r.lo) || !(r.lo > 0)))
    throw invalid_parameter(
        fmt::format("{} = '{}', but LO must be finite and > 0 on a log axis", option, text));
  if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || !(r.lo < r.hi))
    throw invalid_parameter(fmt::format("{} = '{}', but must have LO < HI", option, text));
  return r;
}

}  // namespace semivisible::scan
