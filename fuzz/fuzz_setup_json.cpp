// fuzz/fuzz_setup_json.cpp — libFuzzer target: the setup JSON loader (detector/setup.hpp).
//
// The input is parsed as JSON (a parse error is the end of that input) and read with
// detector::setup_from_json. Refusals must be semivisible::invalid_parameter; any other exception
// (e.g. a nlohmann type_error, std::out_of_range), a crash or a sanitizer report is a finding.
// Invariants of an accepted setup: validate() passes, finite 0 < S1 start < S1 end <= end of
// setup, and to_json → setup_from_json gives the same setup.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "semivisible/detector/setup.hpp"

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sd = semivisible::detector;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception&) {  // parse_error; out_of_range for 1e99999
    return 0;
  }
  try {
    const auto s = sd::setup_from_json(j);
    s.validate();
    require(std::isfinite(s.s1_start_m()) && std::isfinite(s.s1_end_m()));
    require(s.s1_start_m() > s.production_z_m && s.s1_start_m() < s.s1_end_m());
    require(s.s1_end_m() <= s.end_of_setup_m);
    require(sd::setup_from_json(sd::to_json(s)) == s);
  } catch (const semivisible::invalid_parameter&) {
  }
  return 0;
}
