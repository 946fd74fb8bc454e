// Tests of semivisible/production/sources.hpp, source.hpp, spectrum.hpp and
// bremsstrahlung_source.hpp: the experiment's sources build the spectrum the yield has always
// used, sums add up, a material without K-factor data and unknown selections are refused.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/production/spectrum.hpp"

namespace sp = semivisible::production;
namespace se = semivisible::experiment;

TEST_CASE("the NA64 bremsstrahlung source gives the thick-target spectrum of the 40 X0 ECAL",
          "[production][sources]") {
  auto e = se::builtin("na64-2016-2018");
  CHECK(sp::source_set(e).names() == "bremsstrahlung,annihilation");
  // The primary electron alone (the library's NA64 choice before the whole shower).
  e.production[0].settings["electrons"] = "primary";
  const sp::source_set sources(e, std::vector<std::string>{"bremsstrahlung"});
  REQUIRE(sources.sources().size() == 1);
  CHECK(sources.names() == "bremsstrahlung");
  const auto s = sources.spectrum(0.1, 50.0);
  const sp::aprime_spectrum direct(0.1, 50.0, sp::thick_target{sp::lead, 40.0, 100.0});
  // Same construction, same nodes: equal to the last bit.
  CHECK(s->per_particle() == direct.per_particle());
  CHECK(s->cumulative_over_energy(80.0) == direct.cumulative_over_energy(80.0));
  // The key identifies beam, target and settings (two NA64 bundles share their spectra).
  CHECK(sp::source_set(se::builtin("na64-compact-hcal1")).key() ==
        sp::source_set(se::builtin("na64-2016-2018")).key());
  CHECK(sources.key() != sp::source_set(se::builtin("na64-2016-2018")).key());
}

TEST_CASE("spectrum_sum adds cumulative tables, totals and nodes", "[production][sources]") {
  const auto a = std::make_shared<const sp::aprime_spectrum>(0.05, 50.0);
  const auto b = std::make_shared<const sp::aprime_spectrum>(
      0.05, 50.0, sp::thick_target{sp::lead, 20.0, 100.0});
  const sp::spectrum_sum sum({a, b});
  CHECK(sum.per_particle() == Approx(a->per_particle() + b->per_particle()).epsilon(1e-15));
  CHECK(sum.cumulative_over_energy(70.0) ==
        Approx(a->cumulative_over_energy(70.0) + b->cumulative_over_energy(70.0)).epsilon(1e-15));
  CHECK(sum.node_energies().size() == a->node_energies().size() + b->node_energies().size());
  const auto c = std::make_shared<const sp::aprime_spectrum>(0.06, 50.0);
  CHECK_THROWS_WITH(sp::spectrum_sum({a, c}), Catch::Contains("part mass_aprime = 0.06"));
}

TEST_CASE("sources refuse what they cannot compute, naming the experiment and the key",
          "[production][sources][errors]") {
  auto e = se::builtin("na64-2016-2018");
  e.production.resize(1);  // bremsstrahlung only
  CHECK_THROWS_WITH(sp::source_set(e, std::vector<std::string>{"annihilation"}),
                    Catch::Contains("production = 'annihilation' is not one of its sources"));
  e.production[0].settings["electrons"] = "all";
  CHECK_THROWS_WITH(sp::source_set(e), Catch::Contains("experiment 'na64-2016-2018'") &&
                                           Catch::Contains("production[0] 'bremsstrahlung'") &&
                                           Catch::Contains("electrons = \"all\""));
  e.production[0].settings = {{"shower_depth", 3}};
  CHECK_THROWS_WITH(sp::source_set(e), Catch::Contains("unknown setting 'shower_depth'"));
  e.production[0].settings = {{"multiple_scattering", "yes"}};
  CHECK_THROWS_WITH(sp::source_set(e), Catch::Contains("multiple_scattering = \"yes\""));
}

TEST_CASE("every built-in material has bremsstrahlung data (K scaled from lead's by WW)",
          "[production][sources]") {
  auto e = se::builtin("na64-2016-2018");
  e.production[0].settings = nlohmann::json::object();  // whole shower
  for (const auto* name : {"tungsten", "aluminium", "iron", "copper"}) {
    e.target.material = sp::material_by_name(name);
    const sp::source_set s(e);
    INFO(name);
    CHECK(s.spectrum(0.1, 50.0)->per_particle() > 0);
  }
}

TEST_CASE("resonant annihilation is a line at E_res + m_e, zero outside the shower's range",
          "[production][sources]") {
  auto e = se::builtin("na64-2016-2018");
  e.production = {{"bremsstrahlung", nlohmann::json::object()},
                  {"annihilation", nlohmann::json::object()}};
  const sp::source_set both(e);
  const sp::source_set ann(e, std::vector<std::string>{"annihilation"});
  // m = 0.25 GeV: E_res = m²/(2 m_e) − m_e = 61.2 GeV > the 50 GeV threshold.
  const auto s = ann.spectrum(0.25, 50.0);
  REQUIRE(s->node_energies().size() == 1);
  CHECK(s->node_energies()[0] == Approx(0.25 * 0.25 / (2 * 0.51099895e-3)).epsilon(1e-12));
  REQUIRE(s->breakpoints().size() == 1);
  // The sum has the brem nodes plus the line, and its breakpoint.
  const auto sum = both.spectrum(0.25, 50.0);
  CHECK(sum->per_particle() ==
        Approx(s->per_particle() + both.sources()[0]->spectrum(0.25, 50.0)->per_particle())
            .epsilon(1e-12));
  CHECK(sum->breakpoints().size() == 1);
  // m = 0.2 GeV: E_A′ = 39 GeV < 50 GeV: nothing.
  CHECK(ann.spectrum(0.2, 50.0)->per_particle() == 0.0);
}
