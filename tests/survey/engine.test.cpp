// Tests of semivisible/survey/engine.hpp (and constraint.hpp, relic.hpp, table.hpp): a survey
// point against the independent paths — the maprime-epsilon scan's test function and interval
// search (scan/planes.hpp), physics/gm2.hpp's a_μ at the band edges, the exact thermal target —
// and shard + merge against the single run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/relic/thermal_target.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/survey.hpp"

namespace sv = semivisible::survey;

namespace {
sv::survey_config one_point(double m, double alpha, double ratio, double f) {
  sv::survey_config c;
  c.axes.mass_aprime = {m, m, 1};
  c.axes.alpha_dark = {alpha, alpha, 1};
  c.axes.mass_ratio = {ratio, ratio, 1};
  c.axes.splitting = {f, f, 1};
  sv::experiment_setup s;
  s.experiment = semivisible::experiment::builtin("na64-2016-2018");
  c.experiments.push_back(s);
  c.relic.enabled = false;
  return c;
}
std::size_t column(const sv::table& t, const std::string& name) {
  return static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), name) -
                                  t.columns.begin());
}
}  // namespace

TEST_CASE("a survey point's exclusion equals the maprime-epsilon scan's", "[survey]") {
  const double m = 0.1;
  const auto c = one_point(m, 0.1, 3.0, 0.4);
  const auto t = sv::prepared_survey(c).run({.threads = 1, .progress = false});
  REQUIRE(t.rows.size() == 1);
  const auto& row = t.rows.front();
  const auto iv = row[column(t, "na64-2016-2018.intervals")];
  REQUIRE(iv.size() == 1);
  // Independent path: the scan's own test maker on the scan's default ε range [1e-6, 0.1].
  auto pc =
      semivisible::scan::make_plane_config(semivisible::scan::plane::maprime_epsilon,
                                           semivisible::experiment::builtin("na64-2016-2018"));
  const auto test = semivisible::scan::make_test_maker(pc)(m);
  const auto r = semivisible::scan::excluded_intervals(test, pc.intervals);
  REQUIRE(r.intervals.size() == 1);
  // Both edges are within relative_tolerance = 1e-3 of the same crossing (different seeds).
  CHECK(iv[0][0].get<double>() == Approx(r.intervals[0].lower).epsilon(2e-3));
  CHECK(iv[0][1].get<double>() == Approx(r.intervals[0].upper).epsilon(2e-3));
  // The g−2 band columns against physics/gm2.hpp: a_μ at the edges is Δa_μ ± 2σ.
  const double lo = row[column(t, "epsilon_gm2_2sigma_low")].get<double>();
  const double hi = row[column(t, "epsilon_gm2_2sigma_high")].get<double>();
  const double central = row[column(t, "epsilon_gm2_central")].get<double>();
  using semivisible::physics::gm2_aprime_contribution;
  CHECK(gm2_aprime_contribution(m, central) == Approx(251e-11).epsilon(1e-9));
  CHECK(gm2_aprime_contribution(m, lo) == Approx(251e-11 - 2 * 59e-11).epsilon(1e-9));
  CHECK(gm2_aprime_contribution(m, hi) == Approx(251e-11 + 2 * 59e-11).epsilon(1e-9));
  // The fraction from the interval by hand.
  const double l = std::max(iv[0][0].get<double>(), lo), u = std::min(iv[0][1].get<double>(), hi);
  const double expect = u > l ? 1 - std::log(u / l) / std::log(hi / lo) : 1.0;
  CHECK(row[column(t, "gm2_band_allowed_fraction")].get<double>() == Approx(expect).epsilon(1e-12));
  CHECK(row[column(t, "status")].get<std::string>() == "ok");
}

TEST_CASE("relic epsilon: nodes in ln alpha_D against the exact target", "[survey]") {
  // Off the resonance (R = 3, f = 0.4) and close to it (R = 2.5, f = 0.3).
  for (const auto& [ratio, f] : {std::pair{3.0, 0.4}, std::pair{2.5, 0.3}}) {
    const double m1 = 0.1 / ratio;
    const std::vector<double> alphas = sv::values(sv::axis{1e-3, 0.5, 7});
    sv::relic_settings s;
    const auto v = sv::relic_epsilons(m1, f, ratio, alphas, s);
    for (std::size_t i = 0; i < alphas.size(); ++i) {
      const auto exact = semivisible::relic::thermal_target(m1, f, alphas[i], ratio);
      REQUIRE(exact.status.ok());
      REQUIRE(v[i].epsilon);
      // 5 nodes over 2.7 decades of alpha_D: measured <= 1.9 % on 18 triples (relic.hpp); the
      // 2.5 % bound fails with 4 nodes (3.4-4.2 % at R = 2.5, f = 0.3).
      CHECK(*v[i].epsilon == Approx(exact.epsilon).epsilon(0.025));
    }
  }
}

TEST_CASE("relic epsilon: nodes above a failing low-alpha_D end", "[survey]") {
  // f = 1, R = 4, m_chi1 = 25 MeV: the target needs epsilon > 1 (epsilon_max) for alpha_D below
  // ~0.03, so the lowest nodes fail; the nodes are placed again above them.
  const std::vector<double> alphas = sv::values(sv::axis{1e-3, 0.5, 13});
  const auto v = sv::relic_epsilons(0.025, 1.0, 4.0, alphas, sv::relic_settings{});
  std::size_t solved = 0, refused = 0;
  for (std::size_t i = 0; i < alphas.size(); ++i) {
    const auto exact = semivisible::relic::thermal_target(0.025, 1.0, alphas[i], 4.0);
    if (exact.status.ok()) {
      REQUIRE(v[i].epsilon);
      CHECK(*v[i].epsilon == Approx(exact.epsilon).epsilon(0.025));
      ++solved;
    } else {
      CHECK_FALSE(v[i].epsilon);
      CHECK(v[i].status.code == semivisible::status::no_bracket);
      CHECK_THAT(v[i].status.message, Catch::Contains("alpha_D node"));
      ++refused;
    }
  }
  CHECK(solved >= 5);  // both kinds occur
  CHECK(refused >= 5);
}

TEST_CASE("closed points, and shards merging into the single run", "[survey]") {
  sv::survey_config c = one_point(0.05, 0.1, 3.0, 0.4);
  c.axes.mass_aprime = {0.02, 0.2, 3};
  c.axes.alpha_dark = {0.01, 0.5, 2};
  c.axes.mass_ratio = {2.2, 3.0, 2};
  c.axes.splitting = {0.1, 0.4, 2};  // R = 2.2, f = 0.4: closed
  const sv::prepared_survey s(c);
  const auto single = s.run({.threads = 2, .progress = false});
  REQUIRE(single.rows.size() == 24);
  std::size_t closed = 0;
  for (const auto& r : single.rows) closed += r[column(single, "status")] == "closed" ? 1u : 0u;
  CHECK(closed == 6);  // 3 masses x 2 alpha_D at (2.2, 0.4)
  std::vector<sv::table> shards;
  for (std::size_t k : {2u, 1u, 3u}) {  // any order
    auto t = s.run({.shard = {k, 3}, .threads = 1, .progress = false});
    shards.push_back(sv::table_from_json(nlohmann::ordered_json::parse(sv::to_json_text(t))));
  }
  const auto merged = sv::merge(shards);
  CHECK(sv::to_csv_text(merged) == sv::to_csv_text(single));
  CHECK(sv::to_json_text(merged) == sv::to_json_text(single));
  shards.pop_back();
  CHECK_THROWS_AS(sv::merge(shards), semivisible::invalid_parameter);
}
