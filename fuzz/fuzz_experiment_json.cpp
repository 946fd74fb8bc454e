// fuzz/fuzz_experiment_json.cpp — libFuzzer target: the experiment JSON loader
// (experiment/load.hpp).
//
// The input is parsed as JSON (a parse error is the end of that input) and read with
// experiment::from_json, relative efficiency tables resolved in data/experiments/. Refusals must be
// semivisible::invalid_parameter; any other exception (a nlohmann type_error, std::out_of_range,
// a domain_error that escaped), a crash or a sanitizer report is a finding. Invariants of an
// accepted experiment: validate() passes; every region's interval is ordered and starts after the
// production point; every efficiency is in [0, 1] at a few masses.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "semivisible/experiment/load.hpp"

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace se = semivisible::experiment;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception&) {  // parse_error; out_of_range for 1e99999
    return 0;
  }
  try {
    const auto e = se::from_json(j, "fuzz.json", SEMIVISIBLE_DATA_DIR "/experiments");
    e.validate();
    for (const auto& r : e.regions) {
      require(r.decay_start_m > e.target.production_z_m && r.decay_end_m > r.decay_start_m);
      for (double m : {1e-3, 0.1, 1.0}) {
        const double eff = r.efficiency(m);
        require(eff >= 0 && eff <= 1);
      }
    }
    require(std::isfinite(e.beam.energy_GeV) && e.beam.particles_on_target > 0);
  } catch (const semivisible::invalid_parameter&) {
  }
  return 0;
}
