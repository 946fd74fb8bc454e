// semivisible/scan/merge.hpp — joining the shards of one scan into the single-run result.
//
// Shards are compatible when they have the same parameters, the same shard count N and x_count;
// together they must be exactly shards 1..N once each. Their rows are then ordered by x (the
// grid is ascending; rows of one x keep their order, islands ascending), which is the order the
// single run writes, so the merged exclusion.csv/json are byte-identical to the single run's.
#pragma once

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/scan/rows.hpp"

namespace semivisible::scan {

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
    for (std::size_t k = 1; k <= first.shard.count; ++k)
      if (!seen.count(k))
        missing += fmt::format("{}{}/{}", missing.empty() ? "" : ", ", k, first.shard.count);
    throw invalid_parameter(
        fmt::format("scan::merge: shards = {} of {}, but all {} are needed (missing {})",
                    seen.size(), first.shard.count, first.shard.count, missing));
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
  return out;
}

}  // namespace semivisible::scan
