// Tests of semivisible/scan/engine.hpp: determinism, one call per x, failure rows, sharding.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "semivisible/io/csv.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/scan/engine.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/merge.hpp"

namespace ss = semivisible::scan;
using semivisible::status;

namespace {
// A synthetic plane: at x the excluded y are (x^2·1e-4, 0.1·x) — and a second island
// (0.3, 0.5) for x > 0.5 — so the rows are known in closed form.
std::vector<ss::exclusion_row> island_rows(double x) {
  ss::interval_options o;
  o.lo = 1e-8;
  o.hi = 1.0;
  const double a = x * x * 1e-4, b = 0.1 * x;
  const auto test = [&](double y) {
    const double u = std::log(y);
    double t = (u - std::log(a)) * (u - std::log(b));
    if (x > 0.5) t = std::min(t, (u - std::log(0.3)) * (u - std::log(0.5)));
    return t;
  };
  return ss::rows_from(x, ss::excluded_intervals(test, o));
}
}  // namespace

TEST_CASE("run: rows in grid order, identical for any thread count", "[scan][engine]") {
  const auto xs = ss::log_grid(0.01, 1.0, 41);
  ss::run_options one;
  one.threads = 1;
  ss::run_options many;
  many.threads = 4;
  const auto t1 = ss::run(xs, island_rows, one);
  const auto t4 = ss::run(xs, island_rows, many);
  CHECK(t1.rows == t4.rows);  // exact: deterministic order and values
  CHECK(t1.x_count == 41);
  std::size_t islands = 0;
  for (std::size_t i = 0; i < t1.rows.size(); ++i) {
    const auto& r = t1.rows[i];
    if (i > 0) CHECK(r.x >= t1.rows[i - 1].x);
    REQUIRE(r.lower.has_value());
    if (r.x > 0.5 && *r.lower > 0.2) {
      ++islands;  // the second island at (0.3, 0.5), edges to the default 1e-3
      CHECK(*r.lower == Approx(0.3).epsilon(1e-3));
      CHECK(*r.upper == Approx(0.5).epsilon(1e-3));
    } else {
      CHECK(*r.lower == Approx(r.x * r.x * 1e-4).epsilon(1e-3));
      CHECK(*r.upper == Approx(0.1 * r.x).epsilon(1e-3));
    }
  }
  CHECK(islands == 7);  // grid points above 0.5: 10^(-2 + 2k/40) > 0.5 for k >= 34 (k <= 40)
}

TEST_CASE("run: per-x function called exactly once per x of the shard", "[scan][engine]") {
  const auto xs = ss::log_grid(1, 100, 50);
  std::vector<std::atomic<int>> calls(xs.size());
  const auto per_x = [&](double x) {
    const auto i = static_cast<std::size_t>(std::lround(std::log(x) / std::log(100.0) * 49.0));
    ++calls[i];
    return std::vector<ss::exclusion_row>{};
  };
  ss::run_options o;
  o.threads = 3;
  o.shard = {2, 3};
  const auto t = ss::run(xs, per_x, o);
  for (std::size_t i = 0; i < xs.size(); ++i) CHECK(calls[i].load() == (i % 3 == 1 ? 1 : 0));
  // an empty result becomes one "nothing excluded" row
  REQUIRE(t.rows.size() == 17);
  CHECK_FALSE(t.rows[0].lower.has_value());
  CHECK(t.rows[0].x == xs[1]);
  CHECK(t.shard == ss::shard_spec{2, 3});
}

TEST_CASE("run: a throwing per-x function gives a failed row, the scan goes on", "[scan][engine]") {
  const std::vector<double> xs{1, 2, 3, 4};
  const auto per_x = [](double x) -> std::vector<ss::exclusion_row> {
    if (x == 2) throw std::runtime_error("fit failed");
    if (x == 3) throw semivisible::invalid_parameter("f: m = 3, but must be < 3");
    return {ss::exclusion_row{0.0, 1e-4, 1e-3, false, false, {}}};  // x is set by the engine
  };
  ss::run_options o;
  o.threads = 2;
  const auto t = ss::run(xs, per_x, o);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].x == 1);
  CHECK(t.rows[0].status.ok());
  CHECK(t.rows[1].status.code == status::numerical_error);
  CHECK(t.rows[1].status.message == "fit failed");
  CHECK_FALSE(t.rows[1].lower.has_value());
  CHECK(t.rows[2].status.code == status::invalid_input);
  CHECK(t.rows[3].x == 4);
  CHECK(*t.rows[3].upper == 1e-3);
}

TEST_CASE("run + merge: shards joined equal the single run exactly", "[scan][engine][merge]") {
  const auto xs = ss::log_grid(0.01, 1.0, 37);
  const nlohmann::ordered_json params = {{"plane", "synthetic"}, {"points", 37}};
  ss::run_options o;
  o.threads = 2;
  const auto single = ss::run(xs, island_rows, o, params);
  std::vector<ss::exclusion_table> shards;
  for (std::size_t k : {3u, 1u, 4u, 2u}) {  // any order
    o.shard = {k, 4};
    shards.push_back(ss::run(xs, island_rows, o, params));
  }
  const auto merged = ss::merge(shards);
  CHECK(merged.rows == single.rows);
  CHECK(merged.parameters == single.parameters);
  CHECK(merged.shard == single.shard);
  CHECK(merged.x_count == single.x_count);
  // the files `merge` writes are byte-identical to the single run's
  CHECK(semivisible::io::to_csv(merged.rows) == semivisible::io::to_csv(single.rows));
  CHECK(semivisible::io::to_json_text(merged) == semivisible::io::to_json_text(single));
}

TEST_CASE("excluded_intervals_per_x builds the per-x test once per x", "[scan][engine]") {
  const auto xs = ss::log_grid(0.1, 1.0, 8);
  std::atomic<int> builds{0};
  ss::interval_options o;
  o.lo = 1e-6;
  o.hi = 1.0;
  const auto per_x = ss::excluded_intervals_per_x(
      [&builds](double x) {
        ++builds;  // the "precompute" of this x
        const double a = 1e-4 * x, b = 1e-2 * x;
        return
            [a, b](double y) { return (std::log(y) - std::log(a)) * (std::log(y) - std::log(b)); };
      },
      o);
  ss::run_options ro;
  ro.threads = 2;
  const auto t = ss::run(xs, per_x, ro);
  CHECK(builds.load() == 8);
  REQUIRE(t.rows.size() == 8);
  for (const auto& r : t.rows) {
    CHECK(*r.lower == Approx(1e-4 * r.x).epsilon(1e-3));  // default edge tolerance
    CHECK(*r.upper == Approx(1e-2 * r.x).epsilon(1e-3));
  }
}

TEST_CASE("run rejects a grid that is not ascending, naming the element", "[scan][engine]") {
  const auto per_x = [](double) { return std::vector<ss::exclusion_row>{}; };
  CHECK_THROWS_WITH(ss::run(std::vector<double>{1, 3, 2}, per_x), Catch::Contains("xs[2] = 2"));
  CHECK_THROWS_WITH(ss::run(std::vector<double>{1, 1}, per_x), Catch::Contains("xs[1] = 1"));
  ss::run_options o;
  o.shard = {3, 2};
  CHECK_THROWS_WITH(ss::run(std::vector<double>{1, 2}, per_x, o), Catch::Contains("3/2"));
}
