// Tests of semivisible/detector/setup.hpp: named defaults, the shipped JSON files, validation.
#include <catch2/catch.hpp>

#include <string>

#include "semivisible/detector/setup.hpp"

namespace sd = semivisible::detector;
using nlohmann::json;

TEST_CASE("named setups: geometry of the NA64 2021 paper", "[detector][setup]") {
  const auto a = sd::na64_2016_2018();
  CHECK_NOTHROW(a.validate());
  CHECK(a.find("HCAL1").z_end_m - a.find("HCAL1").z_start_m == Approx(1.5));  // 150 cm
  CHECK(a.s1_start_m() == a.find("HCAL2").z_start_m);
  CHECK(a.s1_end_m() == a.find("HCAL3").z_end_m);
  CHECK(a.end_of_setup_m == Approx(6.0));  // "≳ 6 m"
  const auto b = sd::compact_hcal1();
  CHECK_NOTHROW(b.validate());
  CHECK(b.find("HCAL1").z_end_m - b.find("HCAL1").z_start_m == Approx(0.5));  // 50 cm
  CHECK(b.s1_start_m() == Approx(a.s1_start_m() - 1.0));
  CHECK(sd::setup_by_name("compact-hcal1") == b);
  CHECK_THROWS_WITH(sd::setup_by_name("lhc"), Catch::Contains("setup = 'lhc'"));
}

TEST_CASE("the shipped data/setups JSON files equal the named defaults", "[detector][setup]") {
  const std::string dir = SEMIVISIBLE_DATA_DIR "/setups/";
  CHECK(sd::load_setup(dir + "na64_2016_2018.json") == sd::na64_2016_2018());
  CHECK(sd::load_setup(dir + "compact_hcal1.json") == sd::compact_hcal1());
  CHECK(sd::setup_from_json(sd::to_json(sd::compact_hcal1())) == sd::compact_hcal1());
}

TEST_CASE("setup JSON validation names the field", "[detector][setup][errors]") {
  const json good = sd::to_json(sd::na64_2016_2018());
  {
    json j = good;
    j.erase("end_of_setup_m");
    CHECK_THROWS_WITH(sd::setup_from_json(j), Catch::Contains("missing field 'end_of_setup_m'"));
  }
  {
    json j = good;
    j["hcal_colour"] = "blue";
    CHECK_THROWS_WITH(sd::setup_from_json(j), Catch::Contains("unknown key 'hcal_colour'"));
  }
  {
    json j = good;
    j["elements"][2]["z_start_m"] = 0.55;  // HCAL1 starts inside the VETO
    CHECK_THROWS_WITH(sd::setup_from_json(j),
                      Catch::Contains("elements[2] 'HCAL1'.z_start_m = 0.55"));
  }
  {
    json j = good;
    j["elements"][1]["z_end_m"] = 0.40;  // negative-length VETO
    CHECK_THROWS_WITH(sd::setup_from_json(j), Catch::Contains("elements[1] 'VETO'.z_end_m = 0.4"));
  }
  {
    json j = good;
    j["elements"][0]["z_start_m"] = -0.1;
    CHECK_THROWS_WITH(sd::setup_from_json(j), Catch::Contains("z_start_m = -0.1"));
  }
  {
    json j = good;
    j["elements"][3].erase("z_end_m");
    CHECK_THROWS_WITH(sd::setup_from_json(j),
                      Catch::Contains("missing field 'elements[3].z_end_m'"));
  }
  {
    json j = good;
    j["s1_elements"] = {"HCAL9"};
    CHECK_THROWS_WITH(sd::setup_from_json(j), Catch::Contains("unknown element 'HCAL9'"));
  }
  {
    json j = good;
    j["missing_energy_threshold_GeV"] = 150.0;
    CHECK_THROWS_WITH(sd::setup_from_json(j),
                      Catch::Contains("missing_energy_threshold_GeV = 150"));
  }
  {
    json j = good;
    j["beam_energy_GeV"] = "100";
    CHECK_THROWS_WITH(sd::setup_from_json(j),
                      Catch::Contains("'beam_energy_GeV' must be a number"));
  }
  {
    json j = good;
    j["end_of_setup_m"] = 5.0;
    CHECK_THROWS_WITH(sd::setup_from_json(j), Catch::Contains("end_of_setup_m = 5"));
  }
  CHECK_THROWS_WITH(sd::load_setup("/no/such/setup.json"),
                    Catch::Contains("cannot open '/no/such/setup.json'"));
}
