// Tests of semivisible/scan/grid.hpp: log grids and the LO:HI range syntax.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "semivisible/scan/grid.hpp"

namespace ss = semivisible::scan;

namespace {
template <class F>
std::string grid_error(F&& f) {
  try {
    f();
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return "no exception";
}
}  // namespace

TEST_CASE("log_grid: exact ends, constant ratio", "[scan][grid]") {
  const auto g = ss::log_grid(1e-3, 1.0, 301);
  REQUIRE(g.size() == 301);
  CHECK(g.front() == 1e-3);
  CHECK(g.back() == 1.0);
  // ratio 10^(3/300) = 10^0.01 between neighbours, up to a few ulp of exp/log (4e-15 relative)
  for (std::size_t i = 1; i < g.size(); ++i)
    CHECK(g[i] / g[i - 1] == Approx(std::pow(10, 0.01)).epsilon(4e-15));
  CHECK(ss::log_grid(0.5, 2, 1) == std::vector<double>{0.5});
}

TEST_CASE("log_grid and parse_range reject bad input naming parameter and value", "[scan][grid]") {
  CHECK_THAT(grid_error([] { (void)ss::log_grid(1e-3, 1, 0); }), Catch::Contains("points = 0"));
  CHECK_THAT(grid_error([] { (void)ss::log_grid(0, 1, 10); }), Catch::Contains("= 0"));
  CHECK_THAT(grid_error([] { (void)ss::log_grid(-1, 1, 10); }), Catch::Contains("= -1"));
  CHECK_THAT(grid_error([] { (void)ss::log_grid(1, 1, 10); }), Catch::Contains("1:1"));
  CHECK_THAT(grid_error([] { (void)ss::log_grid(2, 1, 10); }), Catch::Contains("2:1"));

  const auto r = ss::parse_range("1e-3:0.5");
  CHECK(r.lo == 1e-3);
  CHECK(r.hi == 0.5);
  CHECK_THAT(grid_error([] { (void)ss::parse_range("1:0.5"); }),
             Catch::Contains("--range = '1:0.5'"));
  CHECK_THAT(grid_error([] { (void)ss::parse_range("0:1"); }), Catch::Contains("--range = '0:1'"));
  CHECK_THAT(grid_error([] { (void)ss::parse_range("1e-3"); }), Catch::Contains("'1e-3'"));
  CHECK_THAT(grid_error([] { (void)ss::parse_range("a:b"); }), Catch::Contains("'a:b'"));
  CHECK_THAT(grid_error([] { (void)ss::parse_range("1:2", "--eps-range"); }),
             Catch::Contains("no exception"));
  CHECK(ss::parse_range("-1:1", "--x", false).lo == -1);  // linear axes may be negative
}
