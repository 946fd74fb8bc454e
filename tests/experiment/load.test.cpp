// Tests of semivisible/experiment/load.hpp and experiment.hpp: the built-in files load with the
// numbers they state, and every malformed file gets one message naming the file, the key and the
// value.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/experiment/load.hpp"

namespace se = semivisible::experiment;
using nlohmann::json;

namespace {
/// A valid minimal electron-dump experiment; tests edit one key at a time.
json minimal() {
  return json::parse(R"({
    "name": "mini",
    "beam": {"particle": "electron", "energy_GeV": 20.0, "particles_on_target": 1e18},
    "target": {"material": "lead", "thickness_X0": 10},
    "production": ["bremsstrahlung"],
    "regions": [
      {"name": "A", "signature": "visible", "decay_z_m": [10, 20], "observed": 0},
      {"name": "B", "signature": "missing_energy", "decay_z_m": [20, null], "observed": 1,
       "background": 0.5, "background_uncertainty": 0.1}
    ]
  })");
}
std::string error_of(const json& j) {
  try {
    (void)se::from_json(j, "bad.json");
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("the NA64 bundles load with the numbers of the 2016-2018 analysis", "[experiment]") {
  const auto e = se::builtin("na64-2016-2018");
  CHECK(e.name == "na64-2016-2018");
  CHECK(e.beam.particle == se::beam_particle::electron);
  CHECK(e.beam.energy_GeV == 100.0);
  CHECK(e.beam.particles_on_target == 2.84e11);
  CHECK(e.target.material.name == "lead");
  CHECK(e.target.thickness_X0 == 40.0);
  REQUIRE(e.regions.size() == 2);
  CHECK(e.regions[0].name == "S1");
  CHECK(e.regions[0].signature == se::signature::visible);
  CHECK(e.regions[0].decay_start_m == 2.60);
  CHECK(e.regions[0].decay_end_m == 6.00);
  CHECK(e.regions[0].background == 0.19);
  CHECK(e.regions[0].background_uncertainty == 0.07);
  // ε_S1 = selection (0.50) × R cut (0.52): the two tables of data/efficiency/.
  CHECK(e.regions[0].efficiency(0.1) == 0.5 * 0.52);
  CHECK(e.regions[1].name == "S2");
  CHECK(std::isinf(e.regions[1].decay_end_m));
  CHECK(e.regions[1].background == 0.53);
  CHECK(e.regions[1].efficiency(0.1) == 0.5);
  CHECK(e.regions[1].aprime_energy_min_GeV == 50.0);
  CHECK(e.analysis.signal_uncertainty == 0.2);
  CHECK(e.analysis.cl == 0.9);
  // The compact HCAL1: S1 moved up by 1 m; the old name keeps working.
  const auto c = se::builtin("compact-hcal1");
  CHECK(c.name == "na64-compact-hcal1");
  CHECK(c.regions[0].decay_start_m == Approx(1.60).epsilon(1e-15));
  CHECK(c.regions[1].decay_start_m == 5.00);
  CHECK(se::is_builtin("na64_2016_2018"));
}

TEST_CASE("thickness in metres converts with the material's radiation length", "[experiment]") {
  auto j = minimal();
  j["target"] = {{"material", "aluminium"}, {"thickness_m", 0.8897}};
  // PDG: X0(Al) = 24.01 g/cm² / 2.699 g/cm³ = 8.896 cm.
  CHECK(se::from_json(j, "t.json").target.thickness_X0 == Approx(10.0).epsilon(2e-4));
  j["target"] = {
      {"material", {{"Z", 13}, {"A", 26.98}, {"density_g_cm3", 2.699}, {"X0_m", 0.08896}}},
      {"thickness_X0", 5}};
  const auto e = se::from_json(j, "t.json");
  CHECK(e.target.material.atoms.radiation_length_g_cm2 == Approx(24.01).epsilon(1e-3));
}

TEST_CASE("malformed experiment files: one clear message with file, key and value",
          "[experiment][errors]") {
  using Catch::Contains;
  auto j = minimal();
  CHECK_THAT(error_of(j), Contains("no error"));
  j = minimal();
  j["regions"][0]["decay_zz"] = 1;
  CHECK_THAT(error_of(j), Contains("bad.json") && Contains("unknown key 'regions[0].decay_zz'"));
  j = minimal();
  j["beam"].erase("energy_GeV");
  CHECK_THAT(error_of(j), Contains("bad.json") && Contains("missing key 'beam.energy_GeV'"));
  j = minimal();
  j["regions"][1]["decay_z_m"] = {15, nullptr};
  CHECK_THAT(error_of(j),
             Contains("bad.json") && Contains("overlap") && Contains("'A'") && Contains("'B'"));
  j = minimal();
  j["regions"][0]["decay_z_m"] = {-1, 5};
  CHECK_THAT(error_of(j), Contains("regions[0] 'A'.decay_z_m[0] = -1"));
  j = minimal();
  j["regions"][0]["decay_z_m"] = {10, 5};
  CHECK_THAT(error_of(j), Contains("decay_z_m[1] = 5"));
  j = minimal();
  // JSON text cannot hold NaN or inf (a file with them is "not valid JSON", tested below), but JSON
  // built in code (the Python module, a caller's own objects) can.
  j["beam"]["energy_GeV"] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THAT(error_of(j), Contains("beam.energy_GeV") && Contains("finite"));
  j = minimal();
  j["regions"][0]["background"] = std::numeric_limits<double>::infinity();
  CHECK_THAT(error_of(j), Contains("regions[0].background") && Contains("finite"));
  j = minimal();
  j["target"]["material"] = "unobtainium";
  CHECK_THAT(error_of(j), Contains("target.material") && Contains("unobtainium") &&
                              Contains("no built-in data"));
  j = minimal();
  j["regions"][0]["signature"] = "seen";
  CHECK_THAT(error_of(j), Contains("regions[0].signature = 'seen'"));
  j = minimal();
  j["regions"][0]["aprime_energy_min_GeV"] = 25;  // above the 20 GeV beam
  CHECK_THAT(error_of(j), Contains("aprime_energy_min_GeV = 25") && Contains("beam.energy_GeV"));
  j = minimal();
  j["regions"][0]["visible_energy_min_GeV"] = 30;
  CHECK_THAT(error_of(j), Contains("visible_energy_min_GeV = 30"));
  j = minimal();
  j["regions"][0]["signature"] = "visible";
  j["regions"][0]["visible_energy_min_GeV"] = 5;
  j["regions"][0]["visible_energy_max_GeV"] = 5;  // an empty window
  CHECK_THAT(error_of(j), Contains("regions[0] 'A'.visible_energy_max_GeV = 5") &&
                              Contains("> visible_energy_min_GeV = 5"));
  j = minimal();
  j["regions"][0]["signature"] = "missing_energy";
  j["regions"][0]["visible_energy_max_GeV"] = 50;
  CHECK_THAT(error_of(j), Contains("visible_energy_max_GeV = 50") && Contains("visible region"));
  j = minimal();
  j["regions"][0]["signature"] = "visible";
  j["regions"][0]["visible_energy_max_GeV"] = "50";
  CHECK_THAT(error_of(j), Contains("visible_energy_max_GeV"));
  j = minimal();
  j["regions"][0]["detector"] = {{"z_m", 15}, {"shape", "disc"}, {"radius_m", 1}};
  CHECK_THAT(error_of(j), Contains("detector.z_m = 15") && Contains("upstream"));
  j = minimal();
  j["production"] = {"pi0_decay"};
  CHECK_THAT(error_of(j), Contains("production[0] = 'pi0_decay'") && Contains("electron"));
  j = minimal();
  j["beam"]["particle"] = "proton";
  CHECK_THAT(error_of(j), Contains("production[0] = 'bremsstrahlung'") && Contains("proton"));
  j = minimal();
  j["regions"][1]["name"] = "A";
  CHECK_THAT(error_of(j), Contains("duplicate region name 'A'"));
  j = minimal();
  j["regions"][0]["observed"] = 1.5;
  CHECK_THAT(error_of(j), Contains("observed = 1.5"));
  j = minimal();
  j["regions"][0]["efficiency"] = 1.2;
  CHECK_THAT(error_of(j), Contains("regions[0].efficiency = 1.2"));
  j = minimal();
  j["regions"][0]["efficiency"] = {{"table", "no-such-table.csv"}};
  CHECK_THAT(error_of(j), Contains("no-such-table.csv"));
  j = minimal();
  j["cl"] = "high";
  CHECK_THAT(error_of(j), Contains("cl = \"high\"") && Contains("a number"));
  j = minimal();
  j["method"] = "guess";
  CHECK_THAT(error_of(j), Contains("method = 'guess'"));
}

TEST_CASE("counting data given apart from the regions must match them by name",
          "[experiment][errors]") {
  auto j = minimal();
  for (auto& r : j["regions"]) {
    r.erase("observed");
    r.erase("background");
    r.erase("background_uncertainty");
  }
  j["counts"] = {{"A", {{"observed", 2}, {"background", 1.0}}}, {"B", {{"observed", 0}}}};
  const auto e = se::from_json(j, "t.json");
  CHECK(e.regions[0].observed == 2);
  CHECK(e.regions[0].background == 1.0);
  CHECK(e.regions[1].observed == 0);
  auto k = j;
  k["counts"]["C"] = {{"observed", 0}};
  CHECK_THAT(error_of(k), Catch::Contains("'counts.C' names no region"));
  k = j;
  k["counts"].erase("B");
  CHECK_THAT(error_of(k), Catch::Contains("missing key 'counts.B'"));
  k = j;
  k["regions"][0]["observed"] = 0;
  CHECK_THAT(error_of(k), Catch::Contains("given both here and in the top-level 'counts'"));
}

TEST_CASE("load names the file on I/O and parse errors", "[experiment][errors]") {
  CHECK_THROWS_WITH(se::load("/no/such/file.json"),
                    Catch::Contains("cannot open '/no/such/file.json'"));
  CHECK_THROWS_WITH(se::load(SEMIVISIBLE_SOURCE_DIR "/tests"), Catch::Contains("is a directory"));
  CHECK_THROWS_WITH(se::load(SEMIVISIBLE_SOURCE_DIR "/README.md"),
                    Catch::Contains("is not valid JSON"));
  const auto nan_file = std::filesystem::temp_directory_path() / "semivisible-test-nan.json";
  {
    auto text = minimal().dump();
    text.replace(text.find("20.0"), 4, "NaN");
    std::ofstream(nan_file) << text;
  }
  CHECK_THROWS_WITH(se::load(nan_file),
                    Catch::Contains(nan_file.string()) && Catch::Contains("is not valid JSON"));
  std::filesystem::remove(nan_file);
  CHECK_THROWS_WITH(se::builtin("e999"), Catch::Contains("experiment = 'e999' is not a built-in") &&
                                             Catch::Contains("na64-2016-2018"));
  CHECK_THROWS_WITH(se::resolve("nothing-here"), Catch::Contains("neither a built-in"));
}

TEST_CASE("a toy electron dump written only as JSON loads", "[experiment]") {
  const auto e =
      se::resolve(SEMIVISIBLE_SOURCE_DIR "/tests/experiment/data/toy-electron-dump.json");
  CHECK(e.name == "toy-electron-dump");
  CHECK(e.target.thickness_X0 == Approx(20.0).epsilon(2e-3));
  CHECK(e.regions.size() == 1);
  CHECK(e.regions[0].efficiency(0.05) == 0.5);
}
