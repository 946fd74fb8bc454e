// Tests of semivisible/scan/summary.hpp on synthetic exclusion tables with known answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "semivisible/scan/summary.hpp"

namespace ss = semivisible::scan;

namespace {
// Excluded ε interval at x: [1e-5, 0.1/x] — the band [1e-3, x] is covered while 0.1/x ≥ x,
// i.e. for x ≤ √0.1 = 0.316228.
std::vector<ss::exclusion_row> band_rows(double x) {
  ss::exclusion_row r{};
  r.x = x;
  r.lower = 1e-5;
  r.upper = 0.1 / x;
  return {r};
}
}  // namespace

TEST_CASE("extent and covers", "[scan][summary]") {
  std::vector<ss::exclusion_row> rows;
  for (double x : {0.1, 0.2, 0.5})
    for (auto& r : band_rows(x)) rows.push_back(r);
  ss::exclusion_row empty{};
  empty.x = 0.9;
  rows.push_back(empty);
  const auto e = ss::extent(rows);
  REQUIRE(e.any);
  CHECK(e.min_lower == 1e-5);
  CHECK(e.max_upper == Approx(1.0).epsilon(1e-15));
  CHECK(ss::covers(band_rows(0.2), 1e-3, 0.2));
  CHECK_FALSE(ss::covers(band_rows(0.5), 1e-3, 0.5));
  CHECK_FALSE(ss::extent({empty}).any);
}

TEST_CASE("largest_x_covering refines between grid points to the exact crossing",
          "[scan][summary]") {
  ss::exclusion_table t;
  for (double x : {0.1, 0.2, 0.4, 0.8})
    for (auto& r : band_rows(x)) t.rows.push_back(r);
  const auto band = [](double x) { return std::pair{1e-3, x}; };
  const auto x = ss::largest_x_covering(t, band_rows, band, 16);
  REQUIRE(x.has_value());
  // 16 bisections of ln(0.4/0.2) leave 1.1e-5 relative.
  CHECK(*x == Approx(std::sqrt(0.1)).epsilon(2e-5));
  CHECK(*x <= std::sqrt(0.1));
  // Nothing covered: no answer.
  const auto none = ss::largest_x_covering(t, band_rows, [](double) {
    return std::pair{1e-6, 1.0};
  });
  CHECK_FALSE(none.has_value());
}
