// Tests of semivisible/efficiency/selection.hpp: the defaults equal the shipped CSV files, and the
// R-cut efficiency is in the range the NA64 2021 paper states.
#include <catch2/catch.hpp>

#include <string>

#include "semivisible/efficiency/selection.hpp"

namespace se = semivisible::efficiency;

TEST_CASE("default selection efficiencies equal data/efficiency/*.csv", "[efficiency]") {
  const std::string dir = SEMIVISIBLE_DATA_DIR "/efficiency/";
  const auto sel = se::na64_2016_2018_selection();
  const auto r = se::load_efficiency_csv(dir + "r_cut_s1.csv");
  const auto s1 = se::load_efficiency_csv(dir + "selection_s1.csv");
  const auto s2 = se::load_efficiency_csv(dir + "selection_s2.csv");
  for (double m : {0.001, 0.01, 0.1, 0.39, 1.0}) {
    CHECK(sel.r_cut_s1(m) == r(m));
    CHECK(sel.selection_s1(m) == s1(m));
    CHECK(sel.selection_s2(m) == s2(m));
  }
}

TEST_CASE("R-cut efficiency: ~52 % on average, never below ~45 % (the paper)", "[efficiency]") {
  const auto sel = se::na64_2016_2018_selection();
  CHECK(sel.r_cut_s1(0.2) == Approx(0.52));
  CHECK(sel.r_cut_s1.min_value() >= 0.45);
  CHECK(se::r_cut_s1_minimum()(0.2) == Approx(0.45));
}
