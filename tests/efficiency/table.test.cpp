// Tests of semivisible/efficiency/table.hpp: interpolation, extrapolation, CSV loading.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "semivisible/efficiency/table.hpp"

namespace se = semivisible::efficiency;

TEST_CASE("efficiency_table interpolates linearly and extrapolates as documented", "[efficiency]") {
  const se::efficiency_table t({0.01, 0.1, 1.0}, {0.6, 0.5, 0.3}, "test");
  CHECK(t(0.01) == Approx(0.6).epsilon(1e-15));
  CHECK(t(0.055) == Approx(0.55).epsilon(1e-14));  // midpoint of a linear segment
  CHECK(t(0.55) == Approx(0.4).epsilon(1e-14));
  CHECK(t(0.001) == 0.6);  // constant extrapolation (the documented default)
  CHECK(t(5.0) == 0.3);
  const se::efficiency_table strict({0.01, 1.0}, {0.6, 0.3}, "strict", se::extrapolation::error);
  CHECK_THROWS_WITH(strict(5.0), Catch::Contains("mass_aprime = 5"));
  CHECK(strict(1.0) == 0.3);
}

TEST_CASE("efficiency_table validation names the offending entry", "[efficiency][errors]") {
  CHECK_THROWS_WITH(se::efficiency_table({0.1, 0.05}, {0.5, 0.5}, "x"),
                    Catch::Contains("mass[1] = 0.05"));
  CHECK_THROWS_WITH(se::efficiency_table({0.1, 0.2}, {0.5, 1.5}, "x"),
                    Catch::Contains("efficiency[1] = 1.5"));
  CHECK_THROWS_AS(se::efficiency_table({0.1}, {0.5, 0.4}, "x"), semivisible::invalid_parameter);
  CHECK_THROWS_WITH(se::efficiency_table({0.1}, {0.5}, "x")(-1.0),
                    Catch::Contains("mass_aprime = -1"));
}

TEST_CASE("load_efficiency_csv reads comments, header and rows; rejects garbage", "[efficiency]") {
  const std::string path = "efficiency_table_test.csv";
  {
    std::ofstream out(path);
    out << "# a comment with the source\nm_aprime_GeV,efficiency\n0.01,0.7\n1.0,0.3\n";
  }
  const auto t = se::load_efficiency_csv(path);
  CHECK(t(0.01) == 0.7);
  CHECK(t.values().size() == 2);
  {
    std::ofstream out(path);
    out << "m,e\n0.01,0.7\nzero,0.3\n";
  }
  CHECK_THROWS_WITH(se::load_efficiency_csv(path), Catch::Contains("line 3"));
  std::remove(path.c_str());
  CHECK_THROWS_WITH(se::load_efficiency_csv("/no/such.csv"), Catch::Contains("cannot open"));
}
