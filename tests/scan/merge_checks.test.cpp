// Regression tests of semivisible/scan/merge.hpp and the shard readers (io/json.hpp, io/csv.hpp):
// an x edited off the grid, an interval with lower > upper, a non-finite number, or an absurd
// shard/x count is refused with a message naming the shard, the row and the value.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <unistd.h>

#include "semivisible/io/csv.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/scan/merge.hpp"

namespace ss = semivisible::scan;
namespace io = semivisible::io;

namespace {
const ss::grid_spec grid{1e-3, 1.0, 6};

/// Shard k of n of a run on `grid`, with the grid recorded in the parameters.
ss::exclusion_table shard_of(std::size_t k, std::size_t n, bool record_grid = true) {
  const auto xs = ss::grid_points(grid);
  ss::exclusion_table t;
  t.parameters = {{"plane", "p"}};
  if (record_grid) t.parameters["x_grid"] = ss::to_json(grid);
  t.shard = {k, n};
  t.x_count = xs.size();
  for (const auto i : ss::shard_indices(xs.size(), t.shard))
    t.rows.push_back(ss::exclusion_row{xs[i], 1e-5, 1e-3, false, false, {}});
  return t;
}
std::string merge_check_error(const std::vector<ss::exclusion_table>& s) {
  try {
    (void)ss::merge(s, {"A", "B", "C"});
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return "no exception";
}
}  // namespace

TEST_CASE("merge of shards on a recorded grid gives the single run", "[scan][merge][reliability]") {
  const auto whole = ss::merge({shard_of(1, 1)});
  const auto m = ss::merge({shard_of(2, 3), shard_of(1, 3), shard_of(3, 3)});
  CHECK(m.rows == whole.rows);
  CHECK(m.parameters == whole.parameters);
}

TEST_CASE("merge refuses an x edited off the grid", "[scan][merge][reliability]") {
  auto b = shard_of(2, 2);
  b.rows[1].x = std::nextafter(b.rows[1].x, 2.0);  // one ulp: not the grid's value any more
  CHECK_THAT(merge_check_error({shard_of(1, 2), b}),
             Catch::Contains("B x = ") && Catch::Contains("off the run's grid"));
  // without a recorded grid an x moved into another shard's place is still caught
  auto c = shard_of(2, 2, false);
  c.rows[0].x = shard_of(1, 2, false).rows[1].x * 1.0001;  // between grid points 2 and 3
  CHECK_THAT(merge_check_error({shard_of(1, 2, false), c}),
             Catch::Contains("must then come from shard"));
  // the recorded grid must agree with x_count
  auto d = shard_of(1, 1);
  d.parameters["x_grid"]["points"] = 7;
  CHECK_THAT(merge_check_error({d}), Catch::Contains("x_grid.points of A = 7"));
}

TEST_CASE("merge refuses lower > upper and non-finite edges", "[scan][merge][reliability]") {
  auto b = shard_of(2, 2);
  b.rows[0].lower = 2e-3;  // > upper = 1e-3
  CHECK_THAT(merge_check_error({shard_of(1, 2), b}),
             Catch::Contains("B rows[0].lower = 0.002, but must be <= upper = 0.001"));
  b = shard_of(2, 2);
  b.rows[2].upper = std::numeric_limits<double>::infinity();
  CHECK_THAT(merge_check_error({shard_of(1, 2), b}), Catch::Contains("rows[2].upper = inf"));
  b = shard_of(2, 2);
  b.rows[1].x = std::numeric_limits<double>::quiet_NaN();
  CHECK_THAT(merge_check_error({shard_of(1, 2), b}), Catch::Contains("rows[1].x = nan"));
  b = shard_of(2, 2);
  b.rows[1].upper.reset();
  CHECK_THAT(merge_check_error({shard_of(1, 2), b}),
             Catch::Contains("only one of lower and upper"));
}

TEST_CASE("merge and the readers bound the shard and x counts", "[scan][merge][reliability]") {
  auto a = shard_of(1, 1);
  a.x_count = ss::max_grid_points + 1;
  CHECK_THAT(merge_check_error({a}), Catch::Contains("x_count of A"));
  CHECK_THROWS_AS(ss::parse_shard("1/18446744073709551615"), semivisible::invalid_parameter);
  CHECK_THROWS_AS(ss::parse_shard("1/1000001"), semivisible::invalid_parameter);
  CHECK(ss::parse_shard("7/1000000") == ss::shard_spec{7, 1000000});
  CHECK_THROWS_AS(ss::log_grid(1e-3, 1, ss::max_grid_points + 1), semivisible::invalid_parameter);
  // a huge shard count that is missing shards: the message lists 10 and counts the rest
  auto s = shard_of(1, 1);
  s.shard = {1, 1000};
  s.rows.resize(1);
  const auto msg = merge_check_error({s});
  CHECK_THAT(msg, Catch::Contains("missing 2/1000") && Catch::Contains("and 989 more"));
}

TEST_CASE("exclusion readers refuse non-finite numbers and lower > upper",
          "[io][csv][json][reliability]") {
  CHECK_THROWS_WITH(io::from_csv("x,lower,upper,status\n0.1,2e-3,1e-3,ok\n", "s.csv"),
                    Catch::Contains("s.csv line 2") && Catch::Contains("lower must be <= upper"));
  for (const char* bad : {"nan", "inf", "-inf", "1e999"})
    CHECK_THROWS_WITH(io::from_csv(fmt::format("x,lower,upper,status\n{},,,ok\n", bad), "s.csv"),
                      Catch::Contains("x must be a number (finite)"));
  CHECK_THROWS_WITH(io::from_csv("x,lower,upper,status\n0.1,1e-3,inf,ok\n", "s.csv"),
                    Catch::Contains("numbers (finite) or empty"));
  auto j = io::to_json(shard_of(1, 1));
  j["rows"][0]["lower"] = 1.0;  // > upper = 1e-3
  CHECK_THROWS_WITH(io::table_from_json(j, "s.json"), Catch::Contains("lower <= upper"));
  j = io::to_json(shard_of(1, 1));
  j["x_count"] = ss::max_grid_points + 1;
  CHECK_THROWS_WITH(io::table_from_json(j, "s.json"), Catch::Contains("x_count"));
  // JSON cannot carry inf or nan: nlohmann refuses 1e400 at parse time (io::read_json reports
  // it as invalid JSON); a non-finite double set in code is refused by the reader.
  CHECK_THROWS(nlohmann::ordered_json::parse("[1e400]"));
  {  // found by fuzz_shards: the overflow is nlohmann's out_of_range, not a parse_error
    const auto path = std::filesystem::temp_directory_path() /
                      fmt::format("semivisible-overflow-{}.json", ::getpid());
    std::ofstream(path) << R"({"format":"semivisible-exclusion","x":1e99999})";
    CHECK_THROWS_AS(io::read_json(path), semivisible::invalid_parameter);
    CHECK_THROWS_WITH(io::read_json(path), Catch::Contains("must be valid JSON"));
    std::filesystem::remove(path);
  }
  j = io::to_json(shard_of(1, 1));
  j["rows"][0]["x"] = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(io::table_from_json(j, "s.json"), Catch::Contains("a finite number"));
}

TEST_CASE("grid_spec round-trips through JSON and refuses malformed grids",
          "[scan][grid][reliability]") {
  CHECK(ss::grid_from_json(ss::to_json(grid)) == grid);
  CHECK(ss::grid_points(grid) == ss::log_grid(1e-3, 1.0, 6));
  for (const char* bad : {R"({"spacing":"linear","lo":1,"hi":2,"points":3})",
                          R"({"spacing":"log","lo":0,"hi":2,"points":3})",
                          R"({"spacing":"log","lo":2,"hi":1,"points":3})",
                          R"({"spacing":"log","lo":1,"hi":2,"points":0})",
                          R"({"spacing":"log","lo":1,"hi":2,"points":-3})",
                          R"({"spacing":"log","lo":1,"hi":2,"points":2000000})", R"([1,2,3])"})
    CHECK_THROWS_AS(ss::grid_from_json(nlohmann::ordered_json::parse(bad)),
                    semivisible::invalid_parameter);
  CHECK_FALSE(ss::recorded_grid({{"plane", "p"}}).has_value());
}
