// semivisible/scan/rows.hpp — the rows of a scan's output (exclusion.csv / exclusion.json).
//
// docs/cli.md fixes the columns x,lower,upper,status: x is the first variable of the
// plane (m_A′ or m_χ1 in GeV), lower/upper the edges of an excluded interval of the second
// variable at that x (empty when nothing is excluded), status "ok" or the failure. An x with
// several excluded intervals (islands) has one row per interval, in ascending order.
// An exclusion_table is a whole run (or one shard of it): the rows plus the run's parameters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/shard.hpp"

namespace semivisible::scan {

/// One row of exclusion.csv: an excluded interval of the second variable at x, or none.
struct exclusion_row {
  double x = 0;                   ///< first variable of the plane (GeV for m_A′, m_χ1)
  std::optional<double> lower{};  ///< lower edge of the excluded interval; empty: none excluded
  std::optional<double> upper{};  ///< upper edge; empty when lower is
  bool lower_at_range = false;    ///< lower is the scanned range's lower end (JSON only)
  bool upper_at_range = false;    ///< upper is the scanned range's upper end (JSON only)
  solver_status status{};         ///< ok, or the failure (the message is kept in JSON only)
  friend bool operator==(const exclusion_row& a, const exclusion_row& b) {
    return a.x == b.x && a.lower == b.lower && a.upper == b.upper &&
           a.lower_at_range == b.lower_at_range && a.upper_at_range == b.upper_at_range &&
           a.status.code == b.status.code && a.status.message == b.status.message;
  }
};

/// The status column's text → status; throws invalid_parameter for an unknown word.
[[nodiscard]] inline status status_from_string(std::string_view s) {
  for (const status c : {status::ok, status::no_bracket, status::not_converged,
                         status::invalid_input, status::numerical_error})
    if (to_string(c) == s) return c;
  throw invalid_parameter(fmt::format(
      "scan::status_from_string: status = '{}', but must be ok, no_bracket, not_converged, "
      "invalid_input or numerical_error",
      s));
}

/// The rows for one x from excluded_intervals(): one per interval, or one empty row; every row
/// carries the result's status.
[[nodiscard]] inline std::vector<exclusion_row> rows_from(double x, const interval_result& r) {
  std::vector<exclusion_row> rows;
  if (r.intervals.empty()) rows.push_back(exclusion_row{x, {}, {}, false, false, r.status});
  for (const auto& i : r.intervals)
    rows.push_back(
        exclusion_row{x, i.lower, i.upper, i.lower_at_range, i.upper_at_range, r.status});
  return rows;
}

/// A failed x: one row with no interval and the given status.
[[nodiscard]] inline exclusion_row failed_row(double x, status code, std::string message) {
  return exclusion_row{x, {}, {}, false, false, solver_status{code, std::move(message)}};
}

/// A scan run or one shard of it: what exclusion.json holds.
struct exclusion_table {
  nlohmann::ordered_json parameters = nlohmann::ordered_json::object();  ///< the run's options
  shard_spec shard{};                 ///< which part of the run these rows are ({1,1}: all)
  std::size_t x_count = 0;            ///< number of x values of the whole run (all shards)
  std::vector<exclusion_row> rows{};  ///< ordered by x (ascending grid)
};

}  // namespace semivisible::scan
