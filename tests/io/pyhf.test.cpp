// Tests of semivisible/io/pyhf.hpp: the workspace has pyhf 0.7's structure and encodes the
// model exactly (modifier values are closed-form functions of the inputs).
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "semivisible/io/pyhf.hpp"

namespace st = semivisible::stats;
namespace io = semivisible::io;

TEST_CASE("pyhf workspace: structure and modifiers (log-normal)", "[io][pyhf]") {
  const st::counting_model m({0, 2}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  const auto ws = io::pyhf_workspace(m, s);
  // Required top-level keys of pyhf's workspace schema (1.0.0).
  for (const char* key : {"channels", "observations", "measurements", "version"})
    CHECK(ws.contains(key));
  CHECK(ws["version"] == "1.0.0");
  REQUIRE(ws["channels"].size() == 2);
  REQUIRE(ws["observations"].size() == 2);
  std::set<std::string> channel_names, observation_names;
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& ch = ws["channels"][i];
    channel_names.insert(ch["name"].get<std::string>());
    observation_names.insert(ws["observations"][i]["name"].get<std::string>());
    REQUIRE(ch["samples"].size() == 2);
    const auto& sig = ch["samples"][0];
    const auto& bkg = ch["samples"][1];
    CHECK(sig["name"] == "signal");
    CHECK(sig["data"][0].get<double>() == s[i]);
    CHECK(sig["modifiers"][0]["type"] == "normfactor");
    CHECK(sig["modifiers"][0]["name"] == "mu");
    CHECK(sig["modifiers"][0]["data"].is_null());
    CHECK(sig["modifiers"][1]["type"] == "normsys");
    CHECK(sig["modifiers"][1]["name"] == "signal_uncertainty");  // shared across channels
    // hi·lo = 1 makes pyhf's exponential interpolation exactly (1+δ)^θ: rounding only.
    CHECK(sig["modifiers"][1]["data"]["hi"].get<double>() *
              sig["modifiers"][1]["data"]["lo"].get<double>() ==
          Approx(1.0).epsilon(1e-15));
    CHECK(bkg["data"][0].get<double>() == m.background()[i]);
    CHECK(bkg["modifiers"][0]["type"] == "normsys");
    CHECK(bkg["modifiers"][0]["name"] == "background_uncertainty_bin" + std::to_string(i));
    CHECK(bkg["modifiers"][0]["data"]["hi"].get<double>() ==
          Approx(1 + m.background_uncertainty()[i] / m.background()[i]).epsilon(1e-15));
    CHECK(ws["observations"][i]["data"][0].get<double>() == m.observed()[i]);
  }
  CHECK(channel_names == observation_names);  // pyhf matches observations to channels by name
  const auto& meas = ws["measurements"][0];
  CHECK(meas["config"]["poi"] == "mu");
  CHECK(meas["config"]["parameters"][0]["name"] == "mu");
  CHECK(meas["config"]["parameters"][0]["bounds"][0][1].get<double>() == Approx(100.0));
  // Round trip through text.
  CHECK(nlohmann::ordered_json::parse(ws.dump()) == ws);
}

TEST_CASE("pyhf workspace: Gaussian constraint and no uncertainties", "[io][pyhf]") {
  const st::counting_model g({1}, {2.0}, {0.5}, 0.1, st::constraint_type::gaussian);
  const auto ws = io::pyhf_workspace(g, std::vector<double>{4.0}, 25.0);
  const auto& samples = ws["channels"][0]["samples"];
  CHECK(samples[0]["modifiers"][1]["type"] == "histosys");
  CHECK(samples[0]["modifiers"][1]["data"]["hi_data"][0].get<double>() == Approx(4.4));
  CHECK(samples[0]["modifiers"][1]["data"]["lo_data"][0].get<double>() == Approx(3.6));
  CHECK(samples[1]["modifiers"][0]["type"] == "staterror");
  CHECK(samples[1]["modifiers"][0]["data"][0].get<double>() == 0.5);
  CHECK(ws["measurements"][0]["config"]["parameters"][0]["bounds"][0][1].get<double>() == 25.0);
  const st::counting_model plain({0}, {0.3}, {0.0});
  const auto wp = io::pyhf_workspace(plain, std::vector<double>{1.0});
  CHECK(wp["channels"][0]["samples"][0]["modifiers"].size() == 1);  // only mu
  CHECK(wp["channels"][0]["samples"][1]["modifiers"].empty());
}

TEST_CASE("pyhf workspace: bad input and file output", "[io][pyhf]") {
  const st::counting_model m({0}, {0.3}, {0.1});
  CHECK_THROWS_AS(io::pyhf_workspace(m, std::vector<double>{0.0}), semivisible::invalid_parameter);
  CHECK_THROWS_AS(io::pyhf_workspace(m, std::vector<double>{1.0}, -1.0),
                  semivisible::invalid_parameter);
  const st::counting_model z({0}, {0.0}, {0.1}, 0.0, st::constraint_type::gaussian);
  CHECK_THROWS_AS(io::pyhf_workspace(z, std::vector<double>{1.0}), semivisible::domain_error);
  const std::string path = "pyhf_test_workspace.json";
  io::write_pyhf_workspace(path, m, std::vector<double>{1.0});
  std::ifstream in(path);
  const auto back = nlohmann::ordered_json::parse(in);
  CHECK(back == io::pyhf_workspace(m, std::vector<double>{1.0}));
  std::remove(path.c_str());
  CHECK_THROWS_AS(io::write_pyhf_workspace("/nonexistent-dir/x.json", m, std::vector<double>{1.0}),
                  semivisible::domain_error);
}
