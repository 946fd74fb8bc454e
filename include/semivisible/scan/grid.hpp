// semivisible/scan/grid.hpp — the x axis of a scan: log-spaced grids and the "LO:HI" range syntax.
//
// A scan evaluates a per-x function on a grid of x values (m_A′ or m_χ1 in GeV). The grid is
// computed once for the whole run, in full, and a shard (scan/shard.hpp) selects a subset of its
// indices, so every shard sees bit-identical x values and `merge` reproduces the single run.
// Point i of a log grid is lo·(hi/lo)^(i/(n−1)), computed as exp(ln lo + i·Δ) with Δ from the
// endpoints; the last point is set to hi exactly.
// A run records its grid as `grid_spec` (JSON {"spacing": "log", "lo", "hi", "points"} under the
// key "x_grid" of exclusion.json's parameters), so that merge can recompute it and check that
// every row's x is exactly the grid point its shard owns (scan/merge.hpp).
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

/// Largest number of grid points a scan accepts (the CLI's --points bound): beyond it the rows
/// alone would take gigabytes and the run years.
inline constexpr std::size_t max_grid_points = 1'000'000;

/// `points` log-spaced values from lo to hi inclusive (points ≥ 2, or 1 giving {lo}).
/// Throws invalid_parameter naming the parameter and value for lo ≤ 0, lo ≥ hi, points = 0 or
/// points > max_grid_points.
[[nodiscard]] inline std::vector<double> log_grid(double lo, double hi, std::size_t points) {
  if (points == 0) semivisible::detail::throw_invalid("scan::log_grid", "points", 0.0, ">= 1");
  if (points > max_grid_points)
    throw invalid_parameter(
        fmt::format("scan::log_grid: points = {}, but must be <= {}", points, max_grid_points));
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

/// A log-spaced grid of `points` values from lo to hi: what log_grid(lo, hi, points) returns.
struct grid_spec {
  double lo = 0;
  double hi = 0;
  std::size_t points = 0;
  friend bool operator==(const grid_spec&, const grid_spec&) = default;
};

/// The grid's values (log_grid); throws invalid_parameter as log_grid does.
[[nodiscard]] inline std::vector<double> grid_points(const grid_spec& g) {
  return log_grid(g.lo, g.hi, g.points);
}

/// {"spacing": "log", "lo": .., "hi": .., "points": ..}.
[[nodiscard]] inline nlohmann::ordered_json to_json(const grid_spec& g) {
  nlohmann::ordered_json j;
  j["spacing"] = "log";
  j["lo"] = g.lo;
  j["hi"] = g.hi;
  j["points"] = g.points;
  return j;
}

/// The grid recorded as `j` (to_json's layout); throws invalid_parameter naming `source` and the
/// key when it is not that layout or not a valid grid.
[[nodiscard]] inline grid_spec grid_from_json(const nlohmann::ordered_json& j,
                                              std::string_view source = "x_grid") {
  const auto bad = [&](std::string_view why) {
    throw invalid_parameter(
        fmt::format("scan::grid_from_json: {} = {}, but {}", source, j.dump(), why));
  };
  if (!j.is_object() || !j.contains("spacing") || j.at("spacing") != "log")
    bad("must be an object with \"spacing\": \"log\"");
  if (!j.contains("lo") || !j.at("lo").is_number() || !j.contains("hi") || !j.at("hi").is_number())
    bad("must have numbers lo and hi");
  if (!j.contains("points") || !j.at("points").is_number_integer() ||
      (!j.at("points").is_number_unsigned() && j.at("points").get<std::int64_t>() < 0))
    bad("must have a non-negative integer points");
  grid_spec g{j.at("lo").get<double>(), j.at("hi").get<double>(),
              j.at("points").get<std::size_t>()};
  if (g.points == 0 || g.points > max_grid_points)
    bad(fmt::format("points must be in [1, {}]", max_grid_points));
  if (!std::isfinite(g.lo) || !(g.lo > 0) || (g.points > 1 && !(g.hi > g.lo)) ||
      !std::isfinite(g.hi))
    bad("must have finite 0 < lo < hi");
  return g;
}

/// The grid recorded under "x_grid" in a run's parameters, if any (see grid_from_json).
[[nodiscard]] inline std::optional<grid_spec> recorded_grid(
    const nlohmann::ordered_json& parameters, std::string_view source = "parameters.x_grid") {
  if (!parameters.is_object() || !parameters.contains("x_grid")) return std::nullopt;
  return grid_from_json(parameters.at("x_grid"), source);
}

}  // namespace semivisible::scan
