// Tests of semivisible/scan/merge.hpp: incompatible or incomplete shards are rejected.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "semivisible/scan/merge.hpp"

namespace ss = semivisible::scan;

namespace {
ss::exclusion_table shard(std::size_t k, std::size_t n, std::vector<double> xs,
                          nlohmann::ordered_json params = {{"plane", "p"}}) {
  ss::exclusion_table t;
  t.parameters = std::move(params);
  t.shard = {k, n};
  t.x_count = 4;
  for (const double x : xs) t.rows.push_back(ss::exclusion_row{x, {}, {}, false, false, {}});
  return t;
}
std::string message_of(const std::vector<ss::exclusion_table>& s) {
  try {
    (void)ss::merge(s, {"A", "B", "C"});
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return "no exception";
}
}  // namespace

TEST_CASE("merge orders rows by x and keeps islands of one x together", "[scan][merge]") {
  auto b = shard(2, 2, {2, 4});
  b.rows.insert(b.rows.begin() + 1, ss::exclusion_row{2, 0.5, 0.6, false, false, {}});
  const auto m = ss::merge({b, shard(1, 2, {1, 3})});
  REQUIRE(m.rows.size() == 5);
  CHECK(m.rows[0].x == 1);
  CHECK(m.rows[1].x == 2);
  CHECK_FALSE(m.rows[1].lower.has_value());
  CHECK(m.rows[2].lower == 0.5);  // island row stays after its sibling
  CHECK(m.rows[4].x == 4);
  CHECK(m.shard == ss::shard_spec{1, 1});
}

TEST_CASE("merge: parameters compare regardless of key order", "[scan][merge]") {
  const nlohmann::ordered_json p1 = {{"a", 1}, {"b", 2}}, p2 = {{"b", 2}, {"a", 1}};
  CHECK_NOTHROW(ss::merge({shard(1, 2, {1, 3}, p1), shard(2, 2, {2, 4}, p2)}));
}

TEST_CASE("merge rejects mismatched, repeated, missing or overlapping shards", "[scan][merge]") {
  CHECK_THAT(message_of({shard(1, 2, {1, 3}), shard(2, 2, {2, 4}, {{"plane", "q"}})}),
             Catch::Contains("parameters of B"));
  CHECK_THAT(message_of({shard(1, 2, {1, 3}), shard(2, 3, {2, 4})}), Catch::Contains("2/3"));
  CHECK_THAT(message_of({shard(1, 2, {1, 3}), shard(1, 2, {1, 3})}),
             Catch::Contains("already given"));
  CHECK_THAT(message_of({shard(1, 3, {1, 4}), shard(3, 3, {3})}), Catch::Contains("missing 2/3"));
  CHECK_THAT(message_of({shard(1, 2, {1, 3}), shard(2, 2, {2, 3})}), Catch::Contains("two shards"));
  CHECK_THAT(message_of({shard(1, 2, {1}), shard(2, 2, {2, 4})}), Catch::Contains("x_count = 4"));
  auto c = shard(2, 2, {2, 4});
  c.x_count = 5;
  CHECK_THAT(message_of({shard(1, 2, {1, 3}), c}), Catch::Contains("x_count of B = 5"));
  CHECK_THAT(message_of({}), Catch::Contains("shards = (none)"));
}
