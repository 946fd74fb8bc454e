// Tests of semivisible/experiment/collider.hpp and the collider keys of experiment/load.hpp: the
// built-in babar-2017.json loads with the numbers it states (and the published curve it names),
// and malformed collider files get one message naming the file, the key and the value.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/experiment/load.hpp"
#include "semivisible/io/two_column_csv.hpp"

namespace se = semivisible::experiment;
using Catch::Contains;
using nlohmann::json;

namespace {
const std::string data_dir = SEMIVISIBLE_DATA_DIR;

json babar_json() {
  std::ifstream in(data_dir + "/experiments/babar-2017.json");
  REQUIRE(in.good());
  return json::parse(in);
}
std::string collider_file_error(const json& j) {
  try {
    (void)se::from_json(j, "bad-collider.json", data_dir + "/experiments");
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("babar-2017.json loads with the numbers it states", "[collider][experiment]") {
  const auto e = se::builtin("babar-2017", data_dir);
  REQUIRE(e.is_collider());
  CHECK(e.beam.particle == se::beam_particle::electron_positron);
  CHECK(se::to_string(e.beam.particle) == "electron_positron");
  CHECK(e.production.empty());
  CHECK(e.regions.empty());
  const auto& c = *e.collider;
  CHECK(c.sqrt_s_GeV == 10.58);
  CHECK(c.luminosity_fb == 53.0);
  REQUIRE(c.runs.size() == 1);
  CHECK(c.runs[0].electron_GeV == 9.0);
  CHECK(c.runs[0].positron_GeV == 3.1);
  CHECK(c.runs[0].sqrt_s_GeV() == Approx(10.5641).epsilon(1e-5));  // 2√(9.0 · 3.1)
  CHECK(c.cos_theta_cm_min == -0.4);
  CHECK(c.cos_theta_cm_max == 0.6);
  CHECK(c.veto.radius_m == 1.40);
  CHECK(c.veto.z_forward_m == 2.4);
  CHECK(c.veto.z_backward_m == 1.7);
  CHECK(c.visible_energy_min_GeV == 0.0);
  CHECK(c.limit.cl == 0.9);
  CHECK(e.analysis.cl == 0.9);
  // The limit is the shipped reference curve, resolved beside the JSON file, value for value.
  CHECK_THAT(c.limit.file, Contains("reference/babar_2017_invisible_eps90.csv"));
  const auto ref =
      semivisible::io::read_two_column_csv(data_dir + "/reference/babar_2017_invisible_eps90.csv");
  REQUIRE(c.limit.mass_aprime.size() == ref.size());
  REQUIRE(ref.size() == 167);
  for (std::size_t i = 0; i < ref.size(); ++i) {
    CHECK(c.limit.mass_aprime[i] == ref[i].x);
    CHECK(c.limit.at(ref[i].x) == ref[i].y);  // exactly at a published mass
  }
  // Linear in m between published masses; no limit outside the published range.
  const double mid = 0.5 * (ref[3].x + ref[4].x);
  CHECK(c.limit.at(mid) == Approx(0.5 * (ref[3].y + ref[4].y)).epsilon(1e-14));
  CHECK(std::isinf(c.limit.at(0.5e-3)));
  CHECK(std::isinf(c.limit.at(9.0)));
}

TEST_CASE("a collider file without runs has symmetric beams at sqrt(s)/2",
          "[collider][experiment]") {
  auto j = babar_json();
  j["beam"].erase("runs");
  const auto e = se::from_json(j, "symmetric.json", data_dir + "/experiments");
  REQUIRE(e.collider->runs.size() == 1);
  CHECK(e.collider->runs[0].electron_GeV == 5.29);
  CHECK(e.collider->runs[0].positron_GeV == 5.29);
  CHECK(e.collider->runs[0].luminosity_fb == 53.0);
}

TEST_CASE("malformed collider files name the file, the key and the value",
          "[collider][experiment]") {
  CHECK(collider_file_error(babar_json()) == "no error");
  {
    auto j = babar_json();
    j["collider"]["veto"]["radius_cm"] = 140;
    CHECK_THAT(collider_file_error(j),
               Contains("bad-collider.json") && Contains("unknown key 'collider.veto.radius_cm'"));
  }
  {
    auto j = babar_json();
    j["colider"] = json::object();
    CHECK_THAT(collider_file_error(j), Contains("unknown key 'colider'"));
  }
  {
    auto j = babar_json();
    j["target"] = {{"material", "lead"}, {"thickness_X0", 1}};
    CHECK_THAT(collider_file_error(j), Contains("bad-collider.json") &&
                                           Contains("'target' is not allowed") &&
                                           Contains("electron_positron"));
  }
  {
    auto j = babar_json();
    j["regions"] = json::array();
    CHECK_THAT(collider_file_error(j), Contains("'regions' is not allowed"));
  }
  {
    auto j = babar_json();
    j["cl"] = 0.95;
    CHECK_THAT(collider_file_error(j),
               Contains("'cl' is not allowed") && Contains("reinterpret.cl"));
  }
  {
    auto j = babar_json();
    j["beam"]["energy_GeV"] = 10;
    CHECK_THAT(collider_file_error(j), Contains("unknown key 'beam.energy_GeV'"));
  }
  {
    auto j = babar_json();
    j["collider"]["photon_cos_theta_cm"] = {0.7, 0.6};
    CHECK_THAT(collider_file_error(j),
               Contains("bad-collider.json") && Contains("collider.photon_cos_theta_cm[1] = 0.6"));
  }
  {
    auto j = babar_json();
    j["collider"]["photon_cos_theta_cm"] = {-1.0, 0.6};
    CHECK_THAT(collider_file_error(j), Contains("collider.photon_cos_theta_cm[0] = -1"));
  }
  {
    auto j = babar_json();
    j["collider"]["veto"]["radius_m"] = -1.4;
    CHECK_THAT(collider_file_error(j), Contains("collider.veto.radius_m = -1.4"));
  }
  {
    auto j = babar_json();
    j["collider"]["veto"]["shape"] = "box";
    CHECK_THAT(collider_file_error(j), Contains("collider.veto.shape = 'box'"));
  }
  {
    auto j = babar_json();
    j["beam"]["luminosity_fb"] = 60.0;
    CHECK_THAT(collider_file_error(j), Contains("beam.luminosity_fb = 60") && Contains("sum"));
  }
  {
    auto j = babar_json();
    j["beam"]["sqrt_s_GeV"] = 12.0;
    CHECK_THAT(collider_file_error(j), Contains("beam.sqrt_s_GeV = 12"));
  }
  {
    auto j = babar_json();
    j["beam"]["runs"][0]["positron_GeV"] = 0.0;
    CHECK_THAT(collider_file_error(j), Contains("beam.runs[0].positron_GeV = 0"));
  }
  {
    auto j = babar_json();
    j.erase("reinterpret");
    CHECK_THAT(collider_file_error(j), Contains("bad-collider.json") && Contains("reinterpret"));
  }
  {
    auto j = babar_json();
    j["reinterpret"]["limit"] = "no-such-limit.csv";
    CHECK_THAT(collider_file_error(j),
               Contains("reinterpret.limit") && Contains("no-such-limit.csv"));
  }
  {
    auto j = babar_json();
    j["reinterpret"]["quantity"] = "epsilon2";
    CHECK_THAT(collider_file_error(j), Contains("reinterpret.quantity = 'epsilon2'"));
  }
  {
    auto j = babar_json();
    j["reinterpret"]["cl"] = 1.5;
    CHECK_THAT(collider_file_error(j), Contains("reinterpret.cl = 1.5"));
  }
  {
    auto j = babar_json();
    j["collider"]["visible_energy_min_GeV"] = -0.1;
    CHECK_THAT(collider_file_error(j), Contains("collider.visible_energy_min_GeV = -0.1"));
  }
  {  // A fixed-target file cannot carry the collider keys.
    auto j = json::parse(R"({
      "name": "mini",
      "beam": {"particle": "electron", "energy_GeV": 20.0, "particles_on_target": 1e18},
      "target": {"material": "lead", "thickness_X0": 10},
      "production": ["bremsstrahlung"],
      "regions": [{"name": "A", "signature": "visible", "decay_z_m": [10, 20], "observed": 0}]
    })");
    CHECK(collider_file_error(j) == "no error");
    j["reinterpret"] = babar_json()["reinterpret"];
    CHECK_THAT(collider_file_error(j), Contains("'reinterpret' is only for a collider experiment"));
  }
}

TEST_CASE("collider_spec::validate checks a value built in code", "[collider][experiment]") {
  auto e = se::builtin("babar-2017", data_dir);
  e.collider->limit.epsilon[5] = 1.5;
  CHECK_THROWS_WITH(e.validate(), Contains("reinterpret.limit epsilon (row 5) = 1.5"));
  e = se::builtin("babar-2017", data_dir);
  e.collider.reset();  // electron_positron without a collider description
  CHECK_THROWS_WITH(e.validate(), Contains("needs a collider description"));
}
