// Tests of semivisible/scan/collider_plane.hpp: the planes of a collider experiment (babar-2017)
// through scan::scan_plane — the published limit exactly when P_invisible = 1, the edges of the
// reinterpretation on every plane checked against Eq. (R) evaluated with tables built directly at
// the edge, and the numbers of the former babar_2017.hpp options reproduced by the file.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/collider/reinterpretation.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/scan/planes.hpp"

namespace ss = semivisible::scan;
namespace sc = semivisible::collider;
using parameters = semivisible::model::parameters<double>;
using Catch::Contains;

namespace {
const semivisible::experiment::experiment& babar() {
  static const auto e = semivisible::experiment::builtin("babar-2017", SEMIVISIBLE_DATA_DIR);
  return e;
}
ss::plane_config config(ss::plane p) {
  return ss::make_plane_config(p, babar());
}
const semivisible::experiment::published_limit_spec& published() {
  return babar().collider->limit;
}
/// Eq. (R)'s test 1 − ε² P/ε_pub² with a table built at exactly this point.
double test_at(const parameters& p, double eps_pub) {
  const sc::monophoton_table t(p, ss::monophoton_options_of(*babar().collider));
  return 1 - p.epsilon() * p.epsilon() * t.invisible_probability(p.epsilon()) / (eps_pub * eps_pub);
}
}  // namespace

TEST_CASE("collider plane: stable chi2 gives the published limit exactly",
          "[collider][scan][collider_plane]") {
  auto c = config(ss::plane::maprime_epsilon);
  c.splitting_ratio = 1e-3;  // Δ = m_A′/3 · 1e-3 ≤ 0.33 MeV < 2 m_e at m_A′ ≤ 1 GeV: χ2 stable
  std::vector<double> xs;
  for (double m : published().mass_aprime)
    if (m <= 1.0) xs.push_back(m);
  REQUIRE(xs.size() > 10);
  const auto table = ss::scan_plane(c, xs, {.threads = 1, .progress = false});
  REQUIRE(table.rows.size() == xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const auto& r = table.rows[i];
    INFO("m = " << r.x);
    CHECK(r.status.ok());
    REQUIRE(r.lower);
    CHECK(*r.lower == published().epsilon[i]);  // exactly
    CHECK(*r.upper == c.intervals.hi);
    CHECK(!r.lower_at_range);
    CHECK(r.upper_at_range);
  }
  CHECK(table.parameters["experiment"] == "babar-2017");
  CHECK(table.parameters["luminosity_fb"] == 53.0);
  CHECK(table.parameters["reinterpreted_limit"] == "babar_2017_invisible_eps90.csv");
}

TEST_CASE("collider plane: the invisible model gives the published limit exactly",
          "[collider][scan][collider_plane]") {
  auto c = config(ss::plane::maprime_epsilon);
  c.yield.kind = semivisible::signal::model_kind::invisible;
  // Published masses and masses between them (linear interpolation of the curve).
  const std::vector<double> xs{1e-3, 0.05, 0.1, 0.3, 0.34, 0.5, 0.77, 1.0};
  const auto table = ss::scan_plane(c, xs, {.threads = 2, .progress = false});
  REQUIRE(table.rows.size() == xs.size());
  for (const auto& r : table.rows) {
    INFO("m = " << r.x);
    REQUIRE(r.lower);
    CHECK(*r.lower == published().at(r.x));
    CHECK(*r.upper == c.intervals.hi);
  }
  CHECK(table.rows[0].lower == published().epsilon[0]);
  CHECK(table.rows[2].lower == published().epsilon[2]);  // 0.1 GeV is a published mass
}

TEST_CASE("collider plane: the benchmark edges solve Eq. (R) and match the former header's",
          "[collider][scan][collider_plane]") {
  auto c = config(ss::plane::maprime_epsilon);
  c.intervals.relative_tolerance = 1e-8;
  // docs/physics-collider.md §4 (computed with the options of the former babar_2017.hpp, whose
  // numbers babar-2017.json now holds): at 0.1 and 0.3 GeV [9.559e-4, 1.873e-2] and
  // [1.062e-3, 4.126e-3]; nothing excluded at 0.45 GeV. Four printed digits: 1e-3 relative.
  const std::vector<double> xs{0.1, 0.3, 0.45};
  const auto table = ss::scan_plane(c, xs, {.threads = 1, .progress = false});
  REQUIRE(table.rows.size() == 3);
  REQUIRE(table.rows[0].lower);
  CHECK(*table.rows[0].lower == Approx(9.559e-4).epsilon(1e-3));
  CHECK(*table.rows[0].upper == Approx(1.873e-2).epsilon(1e-3));
  REQUIRE(table.rows[1].lower);
  CHECK(*table.rows[1].lower == Approx(1.062e-3).epsilon(1e-3));
  CHECK(*table.rows[1].upper == Approx(4.126e-3).epsilon(1e-3));
  CHECK(!table.rows[2].lower);
  CHECK(table.rows[2].status.ok());
  // Each edge is a root of Eq. (R) for a table built at the edge itself (|t| ≪ 1: relative
  // tolerance 1e-8 in ε moves t by ≲ 1e-7).
  for (std::size_t i = 0; i < 2; ++i) {
    const double m = xs[i];
    for (double eps : {*table.rows[i].lower, *table.rows[i].upper})
      CHECK(std::abs(test_at(parameters::from_ratios(m, eps, 0.1, 3.0, 0.4), published().at(m))) <
            1e-6);
  }
  // And the same as collider::reinterpreted_limit with the file's options.
  const auto direct = sc::reinterpreted_limit(0.3, published().at(0.3), sc::dark_sector{},
                                              ss::monophoton_options_of(*babar().collider));
  CHECK(*table.rows[1].lower == Approx(direct.epsilon_lower).epsilon(1e-7));
  CHECK(*table.rows[1].upper == Approx(direct.epsilon_upper).epsilon(1e-7));
}

TEST_CASE("collider planes in alpha_D and Delta/m_chi1 solve Eq. (R) at their edges",
          "[collider][scan][collider_plane]") {
  SECTION("maprime-alphadark: the alpha_D scaling of c tau agrees with a table built at alpha_D") {
    auto c = config(ss::plane::maprime_alphadark);
    c.intervals.relative_tolerance = 1e-8;
    const double m = 0.3, eps = semivisible::physics::gm2_band(m).central;
    const auto rows = ss::plane_per_x(c)(m);
    std::size_t edges = 0;
    for (const auto& r : rows) {
      REQUIRE(r.status.ok());
      if (!r.lower) continue;
      for (auto [y, at_range] :
           {std::pair{*r.lower, r.lower_at_range}, std::pair{*r.upper, r.upper_at_range}}) {
        if (at_range) continue;
        ++edges;
        CHECK(std::abs(test_at(parameters::from_ratios(m, eps, y, 3.0, 0.4), published().at(m))) <
              1e-6);
      }
    }
    // ε_(g−2)(0.3 GeV) = 6.3e-3 is above the α_D = 0.1 band's upper edge ε_u = 4.126e-3: α_D = 0.1
    // is allowed. At α_0 = 0.1 (ε_u/ε)² the χ2 has the cτ (∝ 1/(ε²α_D)) of that edge, hence its P,
    // and ε² P > ε_u² P = ε_pub²: excluded. So the one edge lies in (α_0, 0.1).
    REQUIRE(edges == 1);
    CHECK(*rows.front().upper > 0.1 * std::pow(4.126e-3 / eps, 2));
    CHECK(*rows.front().upper < 0.1);
  }
  SECTION("mchi1-splitting") {
    auto c = config(ss::plane::mchi1_splitting);
    c.intervals.relative_tolerance = 1e-8;
    const double m1 = 0.1, m = 3 * m1, eps = semivisible::physics::gm2_band(m).central;
    const auto rows = ss::plane_per_x(c)(m1);
    std::size_t edges = 0;
    for (const auto& r : rows) {
      REQUIRE(r.status.ok());
      if (!r.lower) continue;
      for (auto [y, at_range] :
           {std::pair{*r.lower, r.lower_at_range}, std::pair{*r.upper, r.upper_at_range}}) {
        if (at_range) continue;
        ++edges;
        CHECK(std::abs(test_at(parameters::from_mass_chi1(m, eps, 0.1, m1, y), published().at(m))) <
              1e-6);
      }
    }
    CHECK(edges >= 1);
  }
}

TEST_CASE("collider plane: outside the published masses nothing is excluded; refused options",
          "[collider][scan][collider_plane]") {
  auto c = config(ss::plane::maprime_epsilon);
  const auto rows = ss::plane_per_x(c)(9.0);  // the curve ends at 8 GeV
  REQUIRE(rows.size() == 1);
  CHECK(!rows[0].lower);
  CHECK(rows[0].status.ok());

  auto visible = c;
  visible.yield.kind = semivisible::signal::model_kind::visible;
  CHECK_THROWS_WITH(ss::plane_per_x(visible), Contains("model = visible"));
  auto exposure = c;
  exposure.yield.exposure = 1e12;
  CHECK_THROWS_WITH(ss::plane_per_x(exposure), Contains("babar-2017") && Contains("exposure"));
  auto sources = c;
  sources.production = std::vector<std::string>{"bremsstrahlung"};
  CHECK_THROWS_WITH(ss::plane_per_x(sources), Contains("production"));
  auto cl = c;
  cl.experiment.analysis.cl = 0.95;
  CHECK_THROWS_WITH(ss::plane_per_x(cl), Contains("confidence level"));
  auto background = c;
  background.background_scale = 2;
  CHECK_THROWS_WITH(ss::plane_per_x(background), Contains("background"));
  CHECK_THROWS_AS(ss::make_test_maker(c), semivisible::invalid_parameter);
}
