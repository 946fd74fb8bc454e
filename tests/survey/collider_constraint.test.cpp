// Tests of the collider part of semivisible/survey/constraint.hpp (babar-2017 in a survey): its
// one table per mass triple, reused for every α_D through cτ ∝ 1/α_D, against Eq. (R) evaluated
// with a table built directly at the edge and at that α_D (scan/collider_plane.hpp), the
// published limit exactly for a stable χ2 and for the invisible model, nothing outside the
// published masses, and the visible model refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/scan/collider_plane.hpp"
#include "semivisible/survey/constraint.hpp"

namespace sv = semivisible::survey;
using parameters = semivisible::model::parameters<double>;

namespace {
sv::experiment_setup babar_setup() {
  sv::experiment_setup s;
  s.experiment = semivisible::experiment::builtin("babar-2017", SEMIVISIBLE_DATA_DIR);
  return s;
}
semivisible::scan::interval_options epsilon_range() {
  semivisible::scan::interval_options o;
  o.lo = 1e-6;
  o.hi = 0.1;
  o.relative_tolerance = 1e-9;
  return o;
}
}  // namespace

TEST_CASE("survey: a collider constraint solves Eq. (R) at every alpha_D", "[survey][collider]") {
  const auto setup = babar_setup();
  const sv::experiment_constraint babar(setup);
  const double m = 0.3, ratio = 3.0, f = 0.4;
  auto at = babar.at(m, ratio, f);
  const double eps_pub = setup.experiment.collider->limit.at(m);
  const auto options = semivisible::scan::monophoton_options_of(*setup.experiment.collider);
  for (double alpha : {0.1, 0.02, 0.005}) {
    const auto r = at.excluded(alpha, epsilon_range());
    REQUIRE(r.status.ok());
    REQUIRE(r.intervals.size() == 1);
    // Independent: a table built at the edge and at this α_D (no rescaling of cτ).
    for (double eps : {r.intervals[0].lower, r.intervals[0].upper}) {
      const semivisible::collider::monophoton_table t(
          parameters::from_ratios(m, eps, alpha, ratio, f), options);
      const double test = 1 - eps * eps * t.invisible_probability(eps) / (eps_pub * eps_pub);
      CHECK(std::abs(test) < 1e-6);
    }
    if (alpha == 0.1) {  // docs/physics-collider.md §4, as tests/scan/collider_plane.test.cpp
      CHECK(r.intervals[0].lower == Approx(1.062e-3).epsilon(1e-3));
      CHECK(r.intervals[0].upper == Approx(4.126e-3).epsilon(1e-3));
    }
  }
  // A larger α_D shortens the χ2 lifetime: fewer χ2 escape, the excluded ε range shrinks, and
  // at α_D = 0.5 nothing is left at this mass.
  const auto r_small = at.excluded(0.005, epsilon_range());
  const auto r_large = at.excluded(0.02, epsilon_range());
  CHECK(r_large.intervals[0].upper < r_small.intervals[0].upper);
  const auto r_none = at.excluded(0.5, epsilon_range());
  CHECK(r_none.intervals.empty());
  CHECK(r_none.status.ok());
}

TEST_CASE("survey: a collider constraint gives the published limit where P = 1",
          "[survey][collider]") {
  auto setup = babar_setup();
  const double m = 0.3;
  const double eps_pub = setup.experiment.collider->limit.at(m);
  // χ2 stable: Δ = 2 m_e exactly at m_χ1 = 0.1 GeV needs f = 1.022e-2; take f = 5e-3.
  auto stable = sv::experiment_constraint(setup).at(m, 3.0, 5e-3);
  for (double alpha : {0.01, 0.3}) {
    const auto r = stable.excluded(alpha, epsilon_range());
    REQUIRE(r.intervals.size() == 1);
    CHECK(r.intervals[0].lower == eps_pub);
    CHECK(r.intervals[0].upper == 0.1);
    CHECK(r.intervals[0].upper_at_range);
  }
  setup.yield.kind = semivisible::signal::model_kind::invisible;
  auto invisible = sv::experiment_constraint(setup).at(m, 3.0, 0.4);
  const auto r = invisible.excluded(0.1, epsilon_range());
  REQUIRE(r.intervals.size() == 1);
  CHECK(r.intervals[0].lower == eps_pub);
  // Outside the published masses: nothing excluded, status ok.
  auto beyond = sv::experiment_constraint(babar_setup()).at(20.0, 3.0, 0.4);
  const auto none = beyond.excluded(0.1, epsilon_range());
  CHECK(none.intervals.empty());
  CHECK(none.status.ok());
  // The visible model is refused, naming the experiment.
  setup.yield.kind = semivisible::signal::model_kind::visible;
  CHECK_THROWS_WITH(sv::experiment_constraint(setup),
                    Catch::Contains("babar-2017") && Catch::Contains("model = visible"));
}
