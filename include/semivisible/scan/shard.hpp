// semivisible/scan/shard.hpp — splitting one scan over several jobs: `--shard K/N`.
//
// Semantics (1-based, like HTCondor's $(Process)+1 or Slurm's array index from 1): shard K of N
// runs the x values with grid index i (0-based) such that i mod N = K − 1, i.e. every N-th x
// starting at index K − 1. K must be in 1..N; "3/2", "0/2", "1/0" are rejected. The union of
// shards 1..N is the whole grid and the shards are disjoint, so `merge` (scan/merge.hpp) can
// rebuild exactly the single-run output by ordering rows by x (grids are ascending).
#pragma once

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"

namespace semivisible::scan {

/// Largest shard count accepted (like scan::max_grid_points: a shard holds at least one x).
inline constexpr std::size_t max_shard_count = 1'000'000;

/// Shard `index` of `count` (1-based index); {1, 1} is the whole run.
struct shard_spec {
  std::size_t index = 1;
  std::size_t count = 1;
  friend bool operator==(const shard_spec&, const shard_spec&) = default;
};

/// Throws invalid_parameter naming `option` and the spec unless 1 ≤ index ≤ count ≤
/// max_shard_count.
inline void validate(shard_spec s, std::string_view option = "--shard") {
  if (s.count == 0 || s.index == 0 || s.index > s.count || s.count > max_shard_count)
    throw invalid_parameter(fmt::format("{} = {}/{}, but must be K/N with 1 <= K <= N <= {}",
                                        option, s.index, s.count, max_shard_count));
}

/// Parses "K/N"; throws invalid_parameter naming `option` and the text on anything else.
[[nodiscard]] inline shard_spec parse_shard(std::string_view text,
                                            std::string_view option = "--shard") {
  const auto fail = [&] {
    throw invalid_parameter(
        fmt::format("{} = '{}', but must be K/N with integers 1 <= K <= N <= {} (e.g. 2/8)", option,
                    text, max_shard_count));
  };
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) fail();
  const auto parse = [&](std::string_view s, std::size_t& v) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) fail();
  };
  shard_spec s;
  parse(text.substr(0, slash), s.index);
  parse(text.substr(slash + 1), s.count);
  if (s.count == 0 || s.index == 0 || s.index > s.count || s.count > max_shard_count) fail();
  return s;
}

/// "K/N".
[[nodiscard]] inline std::string to_string(shard_spec s) {
  return fmt::format("{}/{}", s.index, s.count);
}

/// The 0-based grid indices (ascending) that shard `s` runs out of a grid of `n` points.
[[nodiscard]] inline std::vector<std::size_t> shard_indices(std::size_t n, shard_spec s) {
  validate(s);
  std::vector<std::size_t> out;
  out.reserve(n / s.count + 1);
  for (std::size_t i = s.index - 1; i < n; i += s.count) out.push_back(i);
  return out;
}

}  // namespace semivisible::scan
