// semivisible/detector/setup.hpp — a parametrised fixed-target missing-energy setup (NA64) as a
// value type: the z extent of each element along the beam, the beam energy, the missing-energy
// threshold and which elements form the S1 fiducial volume; named defaults and JSON loading.
//
// Signal regions (the NA64 2021 paper, text before Fig. 3 and "The signal yield was calculated"):
//   S1: χ2 decays between the start of the first and the end of the last S1 element
//       (HCAL2 … HCAL3); decays upstream of S1 (in the ECAL, VETO or HCAL1) are vetoed.
//   S2: χ2 decays beyond `end_of_setup_m` (the end of the last HCAL, "≳ 6 m"): all A′ energy
//       is missing, as in the invisible-mode search.
// z = 0 is the ECAL front face; the A′ is taken to be produced at `production_z_m` (default 0:
// the primary electron makes A′ with E_A′ > 50 GeV within its first ≈1 X0 ≈ 1.1 cm of the
// sandwich, < 0.5 % of the distances to HCAL2).
//
// Defaults `na64_2016_2018()` (physics-notes §4, §4.1; every number is a documented, overridable
// choice because the exact z positions of the 2016–2018 modules are not public):
//   ECAL  [0, 0.45] m   150 × (1.5 mm Pb + 1.5 mm Sc) ≈ 45 cm ≈ 40 X0      [M, notes §4]
//   VETO  [0.50, 0.60] m  3 scintillator counters                          [S, notes §4.1]
//   HCAL1 [0.70, 2.20] m  150 cm, the paper ("50 cm versus 150 cm")         [S, the paper]
//   HCAL2 [2.60, 4.10] m, HCAL3 [4.50, 6.00] m  modules as HCAL1, 40 cm gaps [M]
//   end of setup 6.00 m   "χ2 … traveling a distance ≳ 6 m" (the paper)
//   beam 100 GeV, missing-energy threshold 50 GeV (E_ECAL < 50 GeV)       [S/M, notes §4]
// `compact_hcal1()`: the paper's proposal, HCAL1 50 cm, everything downstream moved up by 1 m.
#pragma once

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"

namespace semivisible::detector {

/// One detector element: a z interval along the beam [m].
struct element {
  std::string name;
  double z_start_m = 0;
  double z_end_m = 0;
  friend bool operator==(const element&, const element&) = default;
};

/// The setup. Construct with the named defaults or from JSON; call validate() after editing.
struct setup {
  std::string name;
  double beam_energy_GeV = 100.0;
  double missing_energy_threshold_GeV = 50.0;
  double ecal_thickness_X0 = 40.0;
  double production_z_m = 0.0;
  std::vector<element> elements;         ///< in beam order, non-overlapping
  std::vector<std::string> s1_elements;  ///< names of the elements forming the S1 volume
  double end_of_setup_m = 0;             ///< S2: χ2 decays beyond this z

  friend bool operator==(const setup&, const setup&) = default;

  /// The element called `n`; throws invalid_parameter naming it when absent.
  [[nodiscard]] const element& find(std::string_view n) const {
    for (const auto& e : elements)
      if (e.name == n) return e;
    throw invalid_parameter(fmt::format("semivisible::detector::setup: element '{}' not found", n));
  }

  /// Start of the S1 fiducial volume [m].
  [[nodiscard]] double s1_start_m() const {
    double z = find(s1_elements.at(0)).z_start_m;
    for (const auto& n : s1_elements) z = std::min(z, find(n).z_start_m);
    return z;
  }
  /// End of the S1 fiducial volume [m].
  [[nodiscard]] double s1_end_m() const {
    double z = find(s1_elements.at(0)).z_end_m;
    for (const auto& n : s1_elements) z = std::max(z, find(n).z_end_m);
    return z;
  }

  /// Throws invalid_parameter naming the field on any inconsistency.
  void validate() const {
    const std::string fn = fmt::format("semivisible::detector::setup '{}'", name);
    auto bad = [&](std::string_view field, double v, std::string_view req) {
      semivisible::detail::throw_invalid(fn, field, v, req);
    };
    if (!std::isfinite(beam_energy_GeV) || !(beam_energy_GeV > 0))
      bad("beam_energy_GeV", beam_energy_GeV, "finite and > 0");
    if (!std::isfinite(missing_energy_threshold_GeV) || !(missing_energy_threshold_GeV > 0) ||
        !(missing_energy_threshold_GeV < beam_energy_GeV))
      bad("missing_energy_threshold_GeV", missing_energy_threshold_GeV,
          fmt::format("in (0, beam_energy_GeV = {})", beam_energy_GeV));
    if (!std::isfinite(ecal_thickness_X0) || !(ecal_thickness_X0 > 0))
      bad("ecal_thickness_X0", ecal_thickness_X0, "finite and > 0");
    if (!std::isfinite(production_z_m) || !(production_z_m >= 0))
      bad("production_z_m", production_z_m, "finite and >= 0");
    if (elements.empty()) throw invalid_parameter(fn + ": elements must not be empty");
    std::set<std::string> names;
    double previous_end = 0;
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const auto& e = elements[i];
      const std::string field = fmt::format("elements[{}] '{}'", i, e.name);
      if (e.name.empty())
        throw invalid_parameter(fmt::format("{}: elements[{}].name must not be empty", fn, i));
      if (!names.insert(e.name).second)
        throw invalid_parameter(fmt::format("{}: duplicate element name '{}'", fn, e.name));
      if (!std::isfinite(e.z_start_m) || !(e.z_start_m >= 0))
        bad(field + ".z_start_m", e.z_start_m, "finite and >= 0");
      if (!std::isfinite(e.z_end_m) || !(e.z_end_m > e.z_start_m))
        bad(field + ".z_end_m", e.z_end_m, fmt::format("finite and > z_start_m = {}", e.z_start_m));
      if (i > 0 && !(e.z_start_m >= previous_end))
        bad(field + ".z_start_m", e.z_start_m,
            fmt::format(">= z_end_m = {} of '{}' (elements must not overlap and be in beam order)",
                        previous_end, elements[i - 1].name));
      previous_end = e.z_end_m;
    }
    if (!(production_z_m <= elements.front().z_end_m))
      bad("production_z_m", production_z_m,
          fmt::format("<= z_end_m of the target '{}'", elements.front().name));
    if (s1_elements.empty()) throw invalid_parameter(fn + ": s1_elements must not be empty");
    for (const auto& n : s1_elements)
      if (!names.count(n))
        throw invalid_parameter(fmt::format("{}: s1_elements names unknown element '{}'", fn, n));
    if (!(s1_start_m() > production_z_m))
      bad("s1_elements start", s1_start_m(), "> production_z_m");
    if (!std::isfinite(end_of_setup_m) || !(end_of_setup_m >= previous_end))
      bad("end_of_setup_m", end_of_setup_m,
          fmt::format("finite and >= the last element end {}", previous_end));
  }
};

/// NA64 invisible-mode setup of 2016–2018 (see the header comment for every number's source).
[[nodiscard]] inline setup na64_2016_2018() {
  setup s;
  s.name = "na64_2016_2018";
  s.elements = {{"ECAL", 0.0, 0.45},
                {"VETO", 0.50, 0.60},
                {"HCAL1", 0.70, 2.20},
                {"HCAL2", 2.60, 4.10},
                {"HCAL3", 4.50, 6.00}};
  s.s1_elements = {"HCAL2", "HCAL3"};
  s.end_of_setup_m = 6.00;
  return s;
}

/// The paper's proposal: HCAL1 of 50 cm instead of 150 cm, downstream modules moved up by 1 m.
[[nodiscard]] inline setup compact_hcal1() {
  setup s = na64_2016_2018();
  s.name = "compact_hcal1";
  s.elements = {{"ECAL", 0.0, 0.45},
                {"VETO", 0.50, 0.60},
                {"HCAL1", 0.70, 1.20},
                {"HCAL2", 1.60, 3.10},
                {"HCAL3", 3.50, 5.00}};
  s.end_of_setup_m = 5.00;
  return s;
}

/// A setup from JSON (keys: name, beam_energy_GeV, missing_energy_threshold_GeV,
/// ecal_thickness_X0, production_z_m [optional], elements [{name, z_start_m, z_end_m}],
/// s1_elements [names], end_of_setup_m, description [optional]). Missing fields, unknown keys,
/// wrong types and inconsistent geometry throw invalid_parameter naming the field.
[[nodiscard]] inline setup setup_from_json(const nlohmann::json& j) {
  constexpr const char* fn = "semivisible::detector::setup_from_json";
  if (!j.is_object())
    throw invalid_parameter(fmt::format("{}: the setup must be a JSON object", fn));
  static const std::set<std::string> known{"name",
                                           "description",
                                           "beam_energy_GeV",
                                           "missing_energy_threshold_GeV",
                                           "ecal_thickness_X0",
                                           "production_z_m",
                                           "elements",
                                           "s1_elements",
                                           "end_of_setup_m"};
  for (const auto& [k, v] : j.items())
    if (!known.count(k)) throw invalid_parameter(fmt::format("{}: unknown key '{}'", fn, k));
  auto number = [&](const nlohmann::json& o, const std::string& key, const std::string& where) {
    if (!o.contains(key))
      throw invalid_parameter(fmt::format("{}: missing field '{}{}'", fn, where, key));
    if (!o.at(key).is_number())
      throw invalid_parameter(fmt::format("{}: field '{}{}' must be a number", fn, where, key));
    return o.at(key).get<double>();
  };
  auto text = [&](const nlohmann::json& o, const std::string& key, const std::string& where) {
    if (!o.contains(key))
      throw invalid_parameter(fmt::format("{}: missing field '{}{}'", fn, where, key));
    if (!o.at(key).is_string())
      throw invalid_parameter(fmt::format("{}: field '{}{}' must be a string", fn, where, key));
    return o.at(key).get<std::string>();
  };
  setup s;
  s.name = text(j, "name", "");
  s.beam_energy_GeV = number(j, "beam_energy_GeV", "");
  s.missing_energy_threshold_GeV = number(j, "missing_energy_threshold_GeV", "");
  s.ecal_thickness_X0 = number(j, "ecal_thickness_X0", "");
  if (j.contains("production_z_m")) s.production_z_m = number(j, "production_z_m", "");
  if (j.contains("description") && !j.at("description").is_string())
    throw invalid_parameter(fmt::format("{}: field 'description' must be a string", fn));
  if (!j.contains("elements"))
    throw invalid_parameter(fmt::format("{}: missing field 'elements'", fn));
  if (!j.at("elements").is_array())
    throw invalid_parameter(fmt::format("{}: field 'elements' must be an array", fn));
  std::size_t i = 0;
  for (const auto& e : j.at("elements")) {
    const std::string where = fmt::format("elements[{}].", i++);
    if (!e.is_object())
      throw invalid_parameter(fmt::format("{}: '{}' must be an object", fn, where));
    for (const auto& [k, v] : e.items())
      if (k != "name" && k != "z_start_m" && k != "z_end_m")
        throw invalid_parameter(fmt::format("{}: unknown key '{}{}'", fn, where, k));
    s.elements.push_back(
        {text(e, "name", where), number(e, "z_start_m", where), number(e, "z_end_m", where)});
  }
  if (!j.contains("s1_elements"))
    throw invalid_parameter(fmt::format("{}: missing field 's1_elements'", fn));
  if (!j.at("s1_elements").is_array())
    throw invalid_parameter(fmt::format("{}: field 's1_elements' must be an array", fn));
  for (const auto& n : j.at("s1_elements")) {
    if (!n.is_string())
      throw invalid_parameter(fmt::format("{}: field 's1_elements' must hold strings", fn));
    s.s1_elements.push_back(n.get<std::string>());
  }
  s.end_of_setup_m = number(j, "end_of_setup_m", "");
  s.validate();
  return s;
}

/// Loads a setup from a JSON file; throws invalid_parameter naming the file on I/O or parse errors.
[[nodiscard]] inline setup load_setup(const std::string& path) {
  std::error_code ec;
  std::ifstream in(path);
  if (!std::filesystem::is_regular_file(path, ec) || !in)  // a directory opens, but cannot be read
    throw invalid_parameter(fmt::format(
        "semivisible::detector::load_setup: cannot open '{}' (not a readable file)", path));
  nlohmann::json j;
  try {
    in >> j;
  } catch (const std::exception& e) {
    throw invalid_parameter(fmt::format(
        "semivisible::detector::load_setup: '{}' is not valid JSON: {}", path, e.what()));
  }
  return setup_from_json(j);
}

/// The setup as JSON (the format setup_from_json reads).
[[nodiscard]] inline nlohmann::json to_json(const setup& s) {
  nlohmann::json j;
  j["name"] = s.name;
  j["beam_energy_GeV"] = s.beam_energy_GeV;
  j["missing_energy_threshold_GeV"] = s.missing_energy_threshold_GeV;
  j["ecal_thickness_X0"] = s.ecal_thickness_X0;
  j["production_z_m"] = s.production_z_m;
  j["elements"] = nlohmann::json::array();
  for (const auto& e : s.elements)
    j["elements"].push_back({{"name", e.name}, {"z_start_m", e.z_start_m}, {"z_end_m", e.z_end_m}});
  j["s1_elements"] = s.s1_elements;
  j["end_of_setup_m"] = s.end_of_setup_m;
  return j;
}

/// A named default: "na64-2016-2018" / "na64_2016_2018" or "compact-hcal1" / "compact_hcal1".
[[nodiscard]] inline setup setup_by_name(std::string_view n) {
  if (n == "na64-2016-2018" || n == "na64_2016_2018") return na64_2016_2018();
  if (n == "compact-hcal1" || n == "compact_hcal1") return compact_hcal1();
  throw invalid_parameter(
      fmt::format("semivisible::detector::setup_by_name: setup = '{}', but must be "
                  "na64-2016-2018 or compact-hcal1",
                  n));
}

}  // namespace semivisible::detector
