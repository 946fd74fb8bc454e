// Tests of semivisible/scan/shard.hpp: K/N parsing and the every-N-th-x selection.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "semivisible/scan/shard.hpp"

namespace ss = semivisible::scan;

namespace {
std::string shard_error(const char* spec) {
  try {
    (void)ss::parse_shard(spec);
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return "no exception";
}
}  // namespace

TEST_CASE("parse_shard accepts 1-based K/N and rejects the rest", "[scan][shard]") {
  CHECK(ss::parse_shard("1/1") == ss::shard_spec{1, 1});
  CHECK(ss::parse_shard("3/8") == ss::shard_spec{3, 8});
  for (const char* bad : {"3/2", "0/2", "1/0", "2", "a/b", "1/2/3", "-1/2", "1/", "/2", ""})
    CHECK_THAT(shard_error(bad), Catch::Contains("--shard = '" + std::string(bad) + "'"));
  CHECK(ss::to_string(ss::shard_spec{2, 5}) == "2/5");
}

TEST_CASE("shards are disjoint, cover the grid, and take every N-th index from K-1",
          "[scan][shard]") {
  const std::size_t n = 23;
  CHECK(ss::shard_indices(n, {2, 3}) == std::vector<std::size_t>{1, 4, 7, 10, 13, 16, 19, 22});
  for (std::size_t count : {1u, 2u, 5u, 23u, 40u}) {
    std::vector<int> hits(n, 0);
    for (std::size_t k = 1; k <= count; ++k)
      for (const auto i : ss::shard_indices(n, {k, count})) ++hits[i];
    for (const int h : hits) CHECK(h == 1);
  }
  CHECK_THROWS_AS(ss::shard_indices(n, {4, 3}), semivisible::invalid_parameter);
}
