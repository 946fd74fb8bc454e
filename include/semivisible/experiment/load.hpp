// semivisible/experiment/load.hpp — reads an experiment from JSON (the format of
// docs/experiments.md: a stable contract, keys may be added but never renamed).
//
// Every key is checked: unknown keys, missing keys, wrong types, non-finite numbers and
// inconsistent geometry throw invalid_parameter with the file, the key path and the value
// ("e137.json: regions[0].decay_z_m[1] = 100, but must be > decay_z_m[0] = 179 ..."). Efficiency
// tables named by relative paths are read from beside the JSON file.
#pragma once

#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/efficiency/table.hpp"
#include "semivisible/experiment/detail/collider_reader.hpp"
#include "semivisible/experiment/detail/json_reader.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/production/materials.hpp"

namespace semivisible::experiment {

/// The production sources the format knows, per beam (docs/experiments.md).
inline constexpr std::string_view electron_sources[] = {"bremsstrahlung", "annihilation"};
inline constexpr std::string_view proton_sources[] = {"pi0_decay", "eta_decay",
                                                      "proton_bremsstrahlung"};

namespace detail {

inline production::material read_material(const json_reader& t) {
  const auto& v = t.raw("material");
  if (v.is_string()) {
    try {
      return production::material_by_name(v.get<std::string>());
    } catch (const std::exception& e) {
      t.fail(fmt::format("{}: {}", t.key_path("material"), e.what()));
    }
  }
  const json_reader m = t.object("material");
  m.only_keys({"name", "Z", "A", "density_g_cm3", "X0_m", "note"});
  const double z = m.number("Z"), a = m.number("A"), density = m.number("density_g_cm3");
  const double x0 = m.number("X0_m");
  if (!(z >= 1)) m.fail_key("Z", fmt::format("{}", z), ">= 1");
  if (!(a >= 1)) m.fail_key("A", fmt::format("{}", a), ">= 1");
  if (!(density > 0)) m.fail_key("density_g_cm3", fmt::format("{}", density), "> 0");
  if (!(x0 > 0)) m.fail_key("X0_m", fmt::format("{}", x0), "> 0");
  return production::material::custom(m.text_or("name", "custom"), z, a, density, x0);
}

inline efficiency::efficiency_table read_efficiency_factor(const nlohmann::json& v,
                                                           const json_reader& r,
                                                           const std::string& key,
                                                           const std::filesystem::path& base) {
  if (v.is_number()) {
    const double e = r.as_number(v, key);
    if (!(e >= 0) || !(e <= 1)) r.fail_key(key, v.dump(), "in [0, 1]");
    return efficiency::efficiency_table::constant(e, key);
  }
  if (!v.is_object())
    r.fail_key(key, v.dump(), "a number in [0, 1], {\"table\": \"file.csv\"} or a list of those");
  const json_reader t(v, r.source(), r.key_path(key));
  t.only_keys({"table", "note"});
  std::filesystem::path file = t.text("table");
  if (file.is_relative()) file = base / file;
  try {
    return efficiency::load_efficiency_csv(file.string());
  } catch (const std::exception& e) {
    t.fail(fmt::format("{}.table: {}", t.path(), e.what()));
  }
}

inline efficiency_spec read_efficiency(const json_reader& r, const std::filesystem::path& base) {
  efficiency_spec spec;
  if (!r.has("efficiency")) {
    spec.factors.push_back(efficiency::efficiency_table::constant(1.0, "efficiency"));
    return spec;
  }
  const auto& v = r.raw("efficiency");
  if (v.is_array()) {
    if (v.empty()) r.fail_key("efficiency", "[]", "a non-empty list of factors");
    for (std::size_t i = 0; i < v.size(); ++i)
      spec.factors.push_back(
          read_efficiency_factor(v[i], r, fmt::format("efficiency[{}]", i), base));
  } else {
    spec.factors.push_back(read_efficiency_factor(v, r, "efficiency", base));
  }
  return spec;
}

inline detector_plane read_detector(const json_reader& d) {
  d.only_keys({"z_m", "shape", "half_width_m", "half_height_m", "radius_m", "center_x_m",
               "center_y_m", "note"});
  detector_plane p;
  p.z_m = d.number("z_m");
  const std::string shape = d.text("shape");
  if (shape == "rectangle") {
    p.form = detector_plane::shape::rectangle;
    p.half_width_m = d.number("half_width_m");
    p.half_height_m = d.number("half_height_m");
    if (d.has("radius_m"))
      d.fail(fmt::format("'{}' is only for shape disc", d.key_path("radius_m")));
  } else if (shape == "disc") {
    p.form = detector_plane::shape::disc;
    p.radius_m = d.number("radius_m");
    if (d.has("half_width_m") || d.has("half_height_m"))
      d.fail(fmt::format("'{}' half sizes are only for shape rectangle", d.path()));
  } else {
    d.fail_key("shape", fmt::format("'{}'", shape), "rectangle or disc");
  }
  p.center_x_m = d.number_or("center_x_m", 0.0);
  p.center_y_m = d.number_or("center_y_m", 0.0);
  return p;
}

inline void read_counts(const json_reader& c, region& r) {
  r.observed = c.number("observed");
  r.background = c.number_or("background", 0.0);
  r.background_uncertainty = c.number_or("background_uncertainty", 0.0);
}

inline region read_region(const json_reader& r, const std::filesystem::path& base,
                          bool counts_inline) {
  r.only_keys({"name", "signature", "decay_z_m", "detector", "visible_energy_min_GeV",
               "visible_energy_max_GeV", "aprime_energy_min_GeV", "efficiency", "observed",
               "background", "background_uncertainty", "exposure_fraction", "dataset",
               "description", "note"});
  region g;
  g.name = r.text("name");
  const std::string sig = r.text("signature");
  if (sig == "visible")
    g.signature = signature::visible;
  else if (sig == "missing_energy")
    g.signature = signature::missing_energy;
  else
    r.fail_key("signature", fmt::format("'{}'", sig), "visible or missing_energy");
  const auto& z = r.array("decay_z_m");
  if (z.size() != 2) r.fail_key("decay_z_m", z.dump(), "[start, end] (end may be null)");
  g.decay_start_m = r.as_number(z[0], "decay_z_m[0]");
  g.decay_end_m =
      z[1].is_null() ? std::numeric_limits<double>::infinity() : r.as_number(z[1], "decay_z_m[1]");
  if (r.has("detector")) g.detector = read_detector(r.object("detector"));
  g.visible_energy_min_GeV = r.number_or("visible_energy_min_GeV", 0.0);
  g.visible_energy_max_GeV =
      r.number_or("visible_energy_max_GeV", std::numeric_limits<double>::infinity());
  g.aprime_energy_min_GeV = r.number_or("aprime_energy_min_GeV", 0.0);
  g.efficiency = read_efficiency(r, base);
  g.exposure_fraction = r.number_or("exposure_fraction", 1.0);
  g.dataset = r.text_or("dataset", "");
  if (counts_inline) {
    read_counts(r, g);
  } else {
    for (auto k : {"observed", "background", "background_uncertainty"})
      if (r.has(k))
        r.fail(fmt::format("'{}' is given both here and in the top-level 'counts'", r.key_path(k)));
  }
  return g;
}

inline source_spec read_source(const nlohmann::json& v, const json_reader& top, std::size_t i) {
  const std::string key = fmt::format("production[{}]", i);
  if (v.is_string()) return {v.get<std::string>(), nlohmann::json::object()};
  if (!v.is_object())
    top.fail_key(key, v.dump(), "a source name or an object {\"source\": name, settings...}");
  const json_reader s(v, top.source(), key);
  source_spec spec{s.text("source"), nlohmann::json::object()};
  for (const auto& [k, val] : v.items())
    if (k != "source") spec.settings[k] = val;
  return spec;
}

}  // namespace detail

/// Reads an experiment from parsed JSON. `source` names the origin in messages (a file name);
/// relative efficiency-table paths are resolved against `base_dir`.
[[nodiscard]] inline experiment from_json(const nlohmann::json& j, const std::string& source,
                                          const std::filesystem::path& base_dir = ".") {
  const detail::json_reader top(j, source);
  top.only_keys({"name", "description", "references", "beam", "target", "production", "regions",
                 "counts", "signal_uncertainty", "cl", "method", "layout", "notes", "sources",
                 "collider", "reinterpret"});
  experiment e;
  e.name = top.text("name");
  e.description = top.text_or("description", "");
  if (top.has("references")) {
    const auto& refs = top.array("references");
    for (std::size_t i = 0; i < refs.size(); ++i) {
      if (!refs[i].is_string())
        top.fail_key(fmt::format("references[{}]", i), refs[i].dump(), "a string");
      e.references.push_back(refs[i].get<std::string>());
    }
  }
  if (top.has("layout")) e.layout = top.array("layout");
  if (top.object("beam").text("particle") == "electron_positron") {
    e.beam.particle = beam_particle::electron_positron;
    e.collider = detail::read_collider(top, base_dir);
    e.analysis.cl = e.collider->limit.cl;
    try {
      e.validate();
    } catch (const invalid_parameter& ex) {
      top.fail(ex.what());
    }
    return e;
  }
  for (auto k : {"collider", "reinterpret"})
    if (top.has(k))
      top.fail(
          fmt::format("'{}' is only for a collider experiment (beam.particle = "
                      "electron_positron)",
                      k));
  {
    const auto b = top.object("beam");
    b.only_keys({"particle", "energy_GeV", "particles_on_target", "note"});
    const std::string p = b.text("particle");
    if (p == "electron")
      e.beam.particle = beam_particle::electron;
    else if (p == "positron")
      e.beam.particle = beam_particle::positron;
    else if (p == "proton")
      e.beam.particle = beam_particle::proton;
    else
      b.fail_key("particle", fmt::format("'{}'", p),
                 "electron, positron, proton or electron_positron (a collider)");
    e.beam.energy_GeV = b.number("energy_GeV");
    e.beam.particles_on_target = b.number("particles_on_target");
  }
  {
    const auto t = top.object("target");
    t.only_keys({"material", "thickness_X0", "thickness_m", "production_z_m", "note"});
    e.target.material = detail::read_material(t);
    if (t.has("thickness_X0") == t.has("thickness_m"))
      t.fail(fmt::format("'{}' needs exactly one of thickness_X0 and thickness_m", t.path()));
    e.target.thickness_X0 = t.has("thickness_X0")
                                ? t.number("thickness_X0")
                                : t.number("thickness_m") / e.target.material.radiation_length_m();
    e.target.production_z_m = t.number_or("production_z_m", 0.0);
  }
  {
    const auto& p = top.array("production");
    const bool protons = e.beam.particle == beam_particle::proton;
    for (std::size_t i = 0; i < p.size(); ++i) {
      auto spec = detail::read_source(p[i], top, i);
      bool electron_kind = false, proton_kind = false;
      for (auto n : electron_sources) electron_kind = electron_kind || n == spec.name;
      for (auto n : proton_sources) proton_kind = proton_kind || n == spec.name;
      if (!electron_kind && !proton_kind)
        top.fail_key(fmt::format("production[{}]", i), fmt::format("'{}'", spec.name),
                     "bremsstrahlung, annihilation (electron/positron beams) or pi0_decay, "
                     "eta_decay, proton_bremsstrahlung (proton beams)");
      if (protons ? electron_kind : proton_kind)
        top.fail_key(fmt::format("production[{}]", i), fmt::format("'{}'", spec.name),
                     fmt::format("a source for beam.particle = {}", to_string(e.beam.particle)));
      for (const auto& q : e.production)
        if (q.name == spec.name)
          top.fail_key(fmt::format("production[{}]", i), fmt::format("'{}'", spec.name),
                       "listed once");
      e.production.push_back(std::move(spec));
    }
  }
  const bool counts_inline = !top.has("counts");
  {
    const auto& regions = top.array("regions");
    for (std::size_t i = 0; i < regions.size(); ++i)
      e.regions.push_back(detail::read_region(top.element("regions", i), base_dir, counts_inline));
  }
  if (!counts_inline) {
    const auto c = top.object("counts");
    for (const auto& [k, v] : c.json().items())
      if (!e.find_region(k))
        c.fail(fmt::format("'{}.{}' names no region (regions: {})", c.path(), k, [&] {
          std::string s;
          for (const auto& r : e.regions) s += fmt::format("{}{}", s.empty() ? "" : ", ", r.name);
          return s;
        }()));
    for (auto& r : e.regions) {
      if (!c.has(r.name))
        c.fail(fmt::format("missing key '{}.{}' (every region needs its counting data)", c.path(),
                           r.name));
      const auto rc = c.object(r.name);
      rc.only_keys({"observed", "background", "background_uncertainty", "note"});
      detail::read_counts(rc, r);
    }
  }
  e.analysis.signal_uncertainty = top.number_or("signal_uncertainty", 0.0);
  e.analysis.cl = top.number_or("cl", 0.9);
  e.analysis.method = top.text_or("method", "exact");
  try {
    e.validate();
  } catch (const invalid_parameter& ex) {
    top.fail(ex.what());
  }
  return e;
}

/// Reads an experiment file; throws invalid_parameter naming the file on I/O or parse errors.
[[nodiscard]] inline experiment load(const std::filesystem::path& file) {
  constexpr const char* fn = "semivisible::experiment::load";
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw invalid_parameter(
        fmt::format("{}: '{}' is a directory, not an experiment file", fn, file.string()));
  std::ifstream in(file);
  if (!in) throw invalid_parameter(fmt::format("{}: cannot open '{}'", fn, file.string()));
  nlohmann::json j;
  try {
    in >> j;
  } catch (const nlohmann::json::exception& e) {
    throw invalid_parameter(
        fmt::format("{}: '{}' is not valid JSON: {}", fn, file.string(), e.what()));
  }
  return from_json(j, file.string(), file.parent_path().empty() ? "." : file.parent_path());
}

}  // namespace semivisible::experiment
