// Tests of semivisible/survey/grid.hpp: defaults, index layout, and the refused grids (the
// kinematic condition m_A′ > m_χ1 + m_χ2 = m_χ1 (2 + Δ/m_χ1), α_D ≤ 4π, zero points).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "semivisible/error.hpp"
#include "semivisible/survey/grid.hpp"

using semivisible::survey::grid;

namespace {
std::string survey_grid_error(const grid& g) {
  try {
    semivisible::survey::validate(g);
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return {};
}
}  // namespace

TEST_CASE("default grid: the issue's ranges, 2e5 points", "[survey]") {
  const grid g;
  CHECK_NOTHROW(semivisible::survey::validate(g));
  CHECK(g.point_count() == 200'000);
  CHECK(g.mass_aprime.lo == 0.01);
  CHECK(g.alpha_dark.hi == 0.5);
  CHECK(g.mass_ratio.lo == 2.1);
  CHECK(g.splitting.hi == 1.0);
}

TEST_CASE("triple and point indices cover the grid once", "[survey]") {
  grid g;
  g.mass_aprime.points = 3;
  g.mass_ratio.points = 4;
  g.splitting.points = 5;
  g.alpha_dark.points = 2;
  std::set<std::size_t> seen;
  for (std::size_t t = 0; t < g.triple_count(); ++t) {
    const auto i = semivisible::survey::triple_at(g, t);
    CHECK((i.mass_aprime * 4 + i.mass_ratio) * 5 + i.splitting == t);
    for (std::size_t a = 0; a < 2; ++a) seen.insert(semivisible::survey::point_index(g, t, a));
  }
  CHECK(seen.size() == g.point_count());
  CHECK(*seen.rbegin() == g.point_count() - 1);
}

TEST_CASE("A' -> chi1 chi2 open exactly when R > 2 + f", "[survey]") {
  using semivisible::survey::decay_open;
  CHECK(decay_open(3.0, 0.4));
  CHECK_FALSE(decay_open(2.4, 0.4));  // m_A' = m_chi1 + m_chi2: at threshold, closed
  CHECK_FALSE(decay_open(2.1, 0.5));
}

TEST_CASE("refused grids name the axis and the value", "[survey]") {
  grid g;
  g.mass_ratio = {1.5, 1.9, 3};
  CHECK(survey_grid_error(g).find("mass_ratio") != std::string::npos);
  g = grid{};
  g.mass_ratio = {2.1, 2.3, 3};
  g.splitting = {0.5, 1.0, 3};  // R_max = 2.3 <= 2 + f_min = 2.5: closed everywhere
  CHECK(survey_grid_error(g).find("closed everywhere") != std::string::npos);
  g = grid{};
  g.alpha_dark = {1e-3, 20.0, 3};  // > 4 pi
  CHECK(survey_grid_error(g).find("alpha_dark") != std::string::npos);
  g = grid{};
  g.splitting.points = 0;
  CHECK(survey_grid_error(g).find("zero points") != std::string::npos);
  g = grid{};
  g.mass_aprime = {0.1, 0.2, 1};  // one point needs lo = hi
  CHECK(survey_grid_error(g).find("m_aprime") != std::string::npos);
  g.mass_aprime = {0.1, 0.1, 1};
  CHECK(survey_grid_error(g).empty());
}
