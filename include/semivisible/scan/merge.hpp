// semivisible/scan/merge.hpp — joining the shards of one scan into the single-run result.
//
// Shards are compatible when they have the same parameters, the same shard count N and x_count;
// together they must be exactly shards 1..N once each. Their rows are then ordered by x (the
// grid is ascending; rows of one x keep their order, islands ascending), which is the order the
// single run writes, so the merged exclusion.csv/json are byte-identical to the single run's.
// Every row is checked first: x, lower and upper finite, lower <= upper, and the x values of each
// shard strictly ascending, as many as the shard owns, and interleaved with the other shards as
// K/N prescribes (the i-th x of the whole grid belongs to shard i mod N + 1). When the run recorded
// its grid (parameters.x_grid, scan/grid.hpp), each x must moreover be bit-identical to the grid
// point it stands for, so an x edited off the grid is refused.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/rows.hpp"
#include "semivisible/scan/shard.hpp"

namespace semivisible::scan {

/// The distinct x values of a table's rows, in row order.
[[nodiscard]] inline std::vector<double> distinct_x(const exclusion_table& t) {
  std::vector<double> xs;
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    if (i == 0 || t.rows[i].x != t.rows[i - 1].x) xs.push_back(t.rows[i].x);
  return xs;
}

/// Checks the rows of one table (a run or a shard): finite x, lower and upper, lower <= upper,
/// x strictly ascending between groups of rows (rows of one x are contiguous). `name` names the
/// table in the message. Throws invalid_parameter naming the row and the value.
inline void validate_rows(const exclusion_table& t, std::string_view name = "table") {
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto& r = t.rows[i];
    const auto bad = [&](std::string_view what, double v, std::string_view why) {
      throw invalid_parameter(
          fmt::format("scan::merge: {} rows[{}].{} = {}, but must be {}", name, i, what, v, why));
    };
    if (!std::isfinite(r.x)) bad("x", r.x, "finite");
    if (r.lower.has_value() != r.upper.has_value())
      throw invalid_parameter(fmt::format(
          "scan::merge: {} rows[{}] has only one of lower and upper, but must have both or neither",
          name, i));
    if (r.lower) {
      if (!std::isfinite(*r.lower)) bad("lower", *r.lower, "finite");
      if (!std::isfinite(*r.upper)) bad("upper", *r.upper, "finite");
      if (!(*r.lower <= *r.upper))
        bad("lower", *r.lower, fmt::format("<= upper = {} (an interval)", *r.upper));
    }
    if (i > 0 && r.x != t.rows[i - 1].x && !(r.x > t.rows[i - 1].x))
      bad("x", r.x,
          fmt::format("> the previous x = {} (rows ascending in x, one group per x)",
                      t.rows[i - 1].x));
  }
}

/// Merges shard tables (any order); `names` (optional, one per shard, e.g. the directories) are
/// used in error messages. Throws invalid_parameter naming the shard and the value on mismatched
/// parameters, shard counts or x counts, a repeated or missing shard, or an x in two shards.
[[nodiscard]] inline exclusion_table merge(const std::vector<exclusion_table>& shards,
                                           const std::vector<std::string>& names = {}) {
  const auto name = [&](std::size_t i) {
    return i < names.size() ? names[i] : fmt::format("shard #{}", i + 1);
  };
  if (shards.empty())
    throw invalid_parameter("scan::merge: shards = (none), but must be at least one");
  const auto& first = shards.front();
  std::set<std::size_t> seen;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const auto& s = shards[i];
    validate(s.shard, fmt::format("scan::merge: shard of {}", name(i)));
    validate_rows(s, name(i));
    // compared as unordered JSON: the key order of a hand-edited file does not matter
    if (nlohmann::json::parse(s.parameters.dump()) !=
        nlohmann::json::parse(first.parameters.dump()))
      throw invalid_parameter(fmt::format(
          "scan::merge: parameters of {} = {}, but must equal those of {} = {} (not the same run)",
          name(i), s.parameters.dump(), name(0), first.parameters.dump()));
    if (s.shard.count != first.shard.count)
      throw invalid_parameter(
          fmt::format("scan::merge: shard of {} = {}, but {} is {} (shard "
                      "counts differ)",
                      name(i), to_string(s.shard), name(0), to_string(first.shard)));
    if (s.x_count > max_grid_points)
      throw invalid_parameter(fmt::format("scan::merge: x_count of {} = {}, but must be <= {}",
                                          name(i), s.x_count, max_grid_points));
    if (s.x_count != first.x_count)
      throw invalid_parameter(
          fmt::format("scan::merge: x_count of {} = {}, but must equal that of {} = {}", name(i),
                      s.x_count, name(0), first.x_count));
    if (!seen.insert(s.shard.index).second)
      throw invalid_parameter(
          fmt::format("scan::merge: shard of {} = {}, but that shard was "
                      "already given",
                      name(i), to_string(s.shard)));
  }
  if (seen.size() != first.shard.count) {
    std::string missing;
    std::size_t listed = 0;
    for (std::size_t k = 1; k <= first.shard.count; ++k)
      if (!seen.count(k) && listed++ < 10)
        missing += fmt::format("{}{}/{}", missing.empty() ? "" : ", ", k, first.shard.count);
    if (listed > 10) missing += fmt::format(" and {} more", listed - 10);
    throw invalid_parameter(
        fmt::format("scan::merge: shards = {} of {}, but all {} are needed (missing {})",
                    seen.size(), first.shard.count, first.shard.count, missing));
  }

  // Every shard holds exactly its grid points: as many as it owns, and (when the grid was
  // recorded) each bit-identical to the grid's value at that index.
  const auto grid =
      recorded_grid(first.parameters, fmt::format("parameters.x_grid of {}", name(0)));
  std::vector<double> grid_xs;
  std::vector<std::vector<double>> shard_xs;  // distinct x of each shard
  if (grid) {
    if (grid->points != first.x_count)
      throw invalid_parameter(fmt::format(
          "scan::merge: parameters.x_grid.points of {} = {}, but must equal x_count = {}", name(0),
          grid->points, first.x_count));
    grid_xs = grid_points(*grid);
  }
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const auto& s = shards[i];
    const auto& xs = shard_xs.emplace_back(distinct_x(s));
    const auto owned = shard_indices(s.x_count, s.shard);
    if (xs.size() != owned.size())
      throw invalid_parameter(fmt::format(
          "scan::merge: {} holds {} distinct x, but shard {} of x_count = {} owns {} (incomplete "
          "or edited shard output)",
          name(i), xs.size(), to_string(s.shard), s.x_count, owned.size()));
    if (grid)
      for (std::size_t k = 0; k < xs.size(); ++k)
        if (xs[k] != grid_xs[owned[k]])
          throw invalid_parameter(fmt::format(
              "scan::merge: {} x = {}, but must be the grid point {} of parameters.x_grid, {} "
              "(an x off the run's grid)",
              name(i), xs[k], owned[k], grid_xs[owned[k]]));
  }

  exclusion_table out;
  out.parameters = first.parameters;
  out.shard = shard_spec{1, 1};
  out.x_count = first.x_count;
  for (const auto& s : shards) out.rows.insert(out.rows.end(), s.rows.begin(), s.rows.end());
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const auto& a, const auto& b) { return a.x < b.x; });
  // every x must come from one shard only: rows of one x are contiguous and from one table
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < out.rows.size(); ++i)
    if (i == 0 || out.rows[i].x != out.rows[i - 1].x) ++distinct;
  std::size_t per_shard = 0;
  for (const auto& s : shards)
    for (std::size_t i = 0; i < s.rows.size(); ++i)
      if (i == 0 || s.rows[i].x != s.rows[i - 1].x) ++per_shard;
  if (distinct != per_shard)
    throw invalid_parameter(fmt::format(
        "scan::merge: distinct x = {}, but the shards hold {} (an x appears in two shards)",
        distinct, per_shard));
  if (distinct != out.x_count)
    throw invalid_parameter(fmt::format(
        "scan::merge: distinct x = {}, but must equal x_count = {} (incomplete shard output)",
        distinct, out.x_count));
  // Interleaving: the j-th distinct x of the merged grid must come from shard j mod N + 1.
  const std::size_t n = first.shard.count;
  std::vector<std::size_t> table_of_shard(n + 1, 0);  // shard index K → position in `shards`
  for (std::size_t i = 0; i < shards.size(); ++i) table_of_shard[shards[i].shard.index] = i;
  std::vector<std::size_t> position(shards.size(), 0);
  std::size_t j = 0;
  for (std::size_t r = 0; r < out.rows.size(); ++r) {
    if (r > 0 && out.rows[r].x == out.rows[r - 1].x) continue;
    const std::size_t owner = j % n + 1;
    const std::size_t i = table_of_shard[owner];
    const bool found =
        position[i] < shard_xs[i].size() && shard_xs[i][position[i]] == out.rows[r].x;
    if (found) ++position[i];
    if (!found)
      throw invalid_parameter(fmt::format(
          "scan::merge: x = {} is grid point {} of the merged run, but it must then come from "
          "shard {}/{} (every N-th x; an x edited or moved between shards)",
          out.rows[r].x, j, owner, n));
    ++j;
  }
  return out;
}

}  // namespace semivisible::scan
