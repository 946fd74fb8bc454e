// semivisible/experiment/experiment.hpp — an experiment as a value: beam × target × production
// sources × signal regions × analysis (docs/experiments.md is the file format and every key's
// meaning; experiment/load.hpp reads it from JSON).
//
// The library knows no experiment by name in its generic headers: NA64, E137, ... are values of
// this type read from data/experiments/*.json. A signal region is a decay interval along the beam
// (z from the target's front face), a signature (what the region sees of the decay), thresholds,
// an efficiency and its counting data (one Poisson bin). The regions of an experiment are exactly
// the bins of its counting model (scan/analysis.hpp builds it), in file order.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/efficiency/table.hpp"
#include "semivisible/error.hpp"
#include "semivisible/experiment/collider.hpp"
#include "semivisible/production/materials.hpp"

namespace semivisible::experiment {

/// The beam particle (`beam.particle`).
/// `electron_positron`: a collider (the experiment then has a collider_spec and no target).
enum class beam_particle { electron, positron, proton, electron_positron };

constexpr std::string_view to_string(beam_particle p) noexcept {
  switch (p) {
    case beam_particle::electron:
      return "electron";
    case beam_particle::positron:
      return "positron";
    case beam_particle::proton:
      return "proton";
    case beam_particle::electron_positron:
      return "electron_positron";
  }
  return "unknown";
}

struct beam_spec {
  beam_particle particle = beam_particle::electron;
  double energy_GeV = 0;           ///< fixed target only (0 for a collider)
  double particles_on_target = 0;  ///< exposure: EOT or POT (fixed target only; 0 for a collider)
};

struct target_spec {
  production::material material;
  double thickness_X0 = 0;    ///< thickness in radiation lengths
  double production_z_m = 0;  ///< where the A′ is taken to be produced, from the front face [m]
};

/// One production source (`production[]`): its name and its optional settings object.
struct source_spec {
  std::string name;
  nlohmann::json settings = nlohmann::json::object();  ///< the keys besides "source"
};

/// What a region sees of the decay (`regions[].signature`).
enum class signature {
  visible,        ///< the visible decay products (e⁺e⁻) are seen in the region
  missing_energy  ///< nothing is seen: the decay happens beyond the region start (invisible-like)
};

constexpr std::string_view to_string(signature s) noexcept {
  return s == signature::visible ? "visible" : "missing_energy";
}

/// A detector plane the decay products must reach (`regions[].detector`).
struct detector_plane {
  enum class shape { rectangle, disc };
  double z_m = 0;
  shape form = shape::rectangle;
  double half_width_m = 0, half_height_m = 0;  ///< rectangle
  double radius_m = 0;                         ///< disc
  double center_x_m = 0, center_y_m = 0;       ///< offset from the beam axis
};

/// A region's efficiency: the product of its factors, each a number or a table versus m_A′.
struct efficiency_spec {
  std::vector<efficiency::efficiency_table> factors;
  [[nodiscard]] double operator()(double mass_aprime) const {
    double e = 1;
    for (const auto& f : factors) e *= f(mass_aprime);
    return e;
  }
};

/// One signal region: a Poisson bin of the counting model.
struct region {
  std::string name;
  enum signature signature = signature::missing_energy;
  double decay_start_m = 0;
  double decay_end_m = std::numeric_limits<double>::infinity();  ///< +inf: no end
  std::optional<detector_plane> detector{};                      ///< nullopt: full acceptance
  double visible_energy_min_GeV = 0;
  /// Upper end of the visible-energy window (CHARM's 50 GeV); +inf: no cap.
  double visible_energy_max_GeV = std::numeric_limits<double>::infinity();
  double aprime_energy_min_GeV = 0;
  efficiency_spec efficiency{};
  double observed = 0;
  double background = 0;
  double background_uncertainty = 0;
  /// The part of the beam's exposure this region's data set saw (E137's two detector sizes).
  double exposure_fraction = 1;
  /// Regions of different data sets (different running periods) may overlap in decay_z_m.
  std::string dataset{};
};

/// The statistical analysis (`signal_uncertainty`, `cl`, `method`). The method is kept by name
/// (exact, asymptotic, toys): the stats stage, downstream of this one, interprets it.
struct analysis_spec {
  double signal_uncertainty = 0;
  double cl = 0.9;
  std::string method = "exact";
};

/// An experiment: everything that turns model parameters into expected events and a limit.
struct experiment {
  std::string name;
  std::string description;
  std::vector<std::string> references;
  beam_spec beam;
  target_spec target;
  std::vector<source_spec> production;
  std::vector<region> regions;
  analysis_spec analysis;
  nlohmann::json layout = nlohmann::json::array();  ///< informational detector elements
  /// A collider reinterpretation (beam.particle = electron_positron): runs, selection, veto
  /// volume and the published limit. Such an experiment has no target, production or regions.
  std::optional<collider_spec> collider{};

  /// True for a collider experiment (see `collider`).
  [[nodiscard]] bool is_collider() const noexcept { return collider.has_value(); }

  /// At most this many regions (the yield keeps per-region results on the stack).
  static constexpr std::size_t max_regions = 16;

  /// The region called `n`, or nullptr.
  [[nodiscard]] const region* find_region(std::string_view n) const noexcept {
    for (const auto& r : regions)
      if (r.name == n) return &r;
    return nullptr;
  }

  /// Throws invalid_parameter naming the experiment, the key and the value on any inconsistency
  /// (the loader adds the file name).
  void validate() const;
};

namespace detail {
[[noreturn]] inline void bad(const experiment& e, std::string_view key, double value,
                             std::string_view requirement) {
  throw invalid_parameter(
      fmt::format("experiment '{}': {} = {}, but must be {}", e.name, key, value, requirement));
}
inline void check_plane(const experiment& e, const region& r, const std::string& where) {
  const auto& d = *r.detector;
  if (!std::isfinite(d.z_m)) bad(e, where + ".detector.z_m", d.z_m, "finite");
  if (std::isinf(r.decay_end_m))
    bad(e, where + ".decay_z_m[1]", r.decay_end_m, "finite when the region has a detector plane");
  if (!(d.z_m >= r.decay_end_m))
    bad(e, where + ".detector.z_m", d.z_m,
        fmt::format(">= the decay interval end {} (the plane cannot be upstream of its decay "
                    "interval)",
                    r.decay_end_m));
  auto positive = [&](std::string_view k, double v) {
    if (!std::isfinite(v) || !(v > 0)) bad(e, where + ".detector." + std::string(k), v, "> 0");
  };
  if (d.form == detector_plane::shape::rectangle) {
    positive("half_width_m", d.half_width_m);
    positive("half_height_m", d.half_height_m);
  } else {
    positive("radius_m", d.radius_m);
  }
  if (!std::isfinite(d.center_x_m)) bad(e, where + ".detector.center_x_m", d.center_x_m, "finite");
  if (!std::isfinite(d.center_y_m)) bad(e, where + ".detector.center_y_m", d.center_y_m, "finite");
}
}  // namespace detail

inline void experiment::validate() const {
  using detail::bad;
  if (name.empty()) throw invalid_parameter("experiment: name must not be empty");
  if (collider.has_value() != (beam.particle == beam_particle::electron_positron))
    throw invalid_parameter(fmt::format(
        "experiment '{}': beam.particle = {} {} a collider description (collider, reinterpret)",
        name, to_string(beam.particle), collider ? "cannot have" : "needs"));
  if (collider) {
    collider->validate(name);
    if (!production.empty() || !regions.empty())
      throw invalid_parameter(fmt::format(
          "experiment '{}': a collider experiment has no production sources or regions (the "
          "published limit is reinterpreted)",
          name));
    if (!(analysis.cl > 0) || !(analysis.cl < 1)) bad(*this, "cl", analysis.cl, "in (0, 1)");
    return;
  }
  if (!std::isfinite(beam.energy_GeV) || !(beam.energy_GeV > 0))
    bad(*this, "beam.energy_GeV", beam.energy_GeV, "finite and > 0");
  if (!std::isfinite(beam.particles_on_target) || !(beam.particles_on_target > 0))
    bad(*this, "beam.particles_on_target", beam.particles_on_target, "finite and > 0");
  try {
    target.material.validate();
  } catch (const invalid_parameter& ex) {
    throw invalid_parameter(fmt::format("experiment '{}': target.material: {}", name, ex.what()));
  }
  if (!std::isfinite(target.thickness_X0) || !(target.thickness_X0 > 0))
    bad(*this, "target.thickness_X0", target.thickness_X0, "finite and > 0");
  if (!std::isfinite(target.production_z_m) || !(target.production_z_m >= 0))
    bad(*this, "target.production_z_m", target.production_z_m, "finite and >= 0");
  if (production.empty())
    throw invalid_parameter(fmt::format("experiment '{}': production must list a source", name));
  if (regions.empty())
    throw invalid_parameter(fmt::format("experiment '{}': regions must not be empty", name));
  if (regions.size() > max_regions)
    bad(*this, "regions.size()", static_cast<double>(regions.size()),
        fmt::format("<= {}", max_regions));
  std::set<std::string> names;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const auto& r = regions[i];
    const std::string where = fmt::format("regions[{}] '{}'", i, r.name);
    if (r.name.empty())
      throw invalid_parameter(
          fmt::format("experiment '{}': regions[{}].name must not be empty", name, i));
    if (!names.insert(r.name).second)
      throw invalid_parameter(
          fmt::format("experiment '{}': duplicate region name '{}'", name, r.name));
    if (!std::isfinite(r.decay_start_m) || !(r.decay_start_m > target.production_z_m))
      bad(*this, where + ".decay_z_m[0]", r.decay_start_m,
          fmt::format("finite and > target.production_z_m = {}", target.production_z_m));
    if (std::isnan(r.decay_end_m) || !(r.decay_end_m > r.decay_start_m))
      bad(*this, where + ".decay_z_m[1]", r.decay_end_m,
          fmt::format("> decay_z_m[0] = {} (or null: no end)", r.decay_start_m));
    if (r.detector) detail::check_plane(*this, r, where);
    if (!std::isfinite(r.visible_energy_min_GeV) || !(r.visible_energy_min_GeV >= 0) ||
        !(r.visible_energy_min_GeV < beam.energy_GeV))
      bad(*this, where + ".visible_energy_min_GeV", r.visible_energy_min_GeV,
          fmt::format("in [0, beam.energy_GeV = {})", beam.energy_GeV));
    if (std::isnan(r.visible_energy_max_GeV) ||
        !(r.visible_energy_max_GeV > r.visible_energy_min_GeV))
      bad(*this, where + ".visible_energy_max_GeV", r.visible_energy_max_GeV,
          fmt::format("> visible_energy_min_GeV = {} (omit it for no cap)",
                      r.visible_energy_min_GeV));
    if (std::isfinite(r.visible_energy_max_GeV) && r.signature != signature::visible)
      bad(*this, where + ".visible_energy_max_GeV", r.visible_energy_max_GeV,
          "absent: only a visible region sees an energy");
    if (!std::isfinite(r.aprime_energy_min_GeV) || !(r.aprime_energy_min_GeV >= 0) ||
        !(r.aprime_energy_min_GeV < beam.energy_GeV))
      bad(*this, where + ".aprime_energy_min_GeV", r.aprime_energy_min_GeV,
          fmt::format("in [0, beam.energy_GeV = {})", beam.energy_GeV));
    if (!std::isfinite(r.observed) || !(r.observed >= 0) || r.observed != std::floor(r.observed))
      bad(*this, where + ".observed", r.observed, "a whole number >= 0");
    if (!std::isfinite(r.background) || !(r.background >= 0))
      bad(*this, where + ".background", r.background, "finite and >= 0");
    if (!std::isfinite(r.background_uncertainty) || !(r.background_uncertainty >= 0))
      bad(*this, where + ".background_uncertainty", r.background_uncertainty, "finite and >= 0");
    if (!std::isfinite(r.exposure_fraction) || !(r.exposure_fraction > 0) ||
        !(r.exposure_fraction <= 1))
      bad(*this, where + ".exposure_fraction", r.exposure_fraction, "in (0, 1]");
    if (r.detector && r.signature != signature::visible)
      throw invalid_parameter(
          fmt::format("experiment '{}': {}.detector: only a visible region has a detector plane (a "
                      "missing_energy region sees nothing)",
                      name, where));
    if (r.background == 0 && r.background_uncertainty > 0)
      bad(*this, where + ".background_uncertainty", r.background_uncertainty,
          "0 when the background is 0 (log-normal constraint)");
  }
  // Regions of one data set are disjoint bins: their decay intervals must not overlap.
  for (std::size_t i = 0; i < regions.size(); ++i)
    for (std::size_t j = i + 1; j < regions.size(); ++j) {
      const auto &a = regions[i], &b = regions[j];
      if (a.dataset == b.dataset && a.decay_start_m < b.decay_end_m &&
          b.decay_start_m < a.decay_end_m)
        throw invalid_parameter(fmt::format(
            "experiment '{}': regions '{}' [{}, {}] and '{}' [{}, {}] overlap in decay_z_m "
            "(regions of one data set are disjoint bins of the counting model; regions of "
            "different running periods need different 'dataset' names)",
            name, a.name, a.decay_start_m, a.decay_end_m, b.name, b.decay_start_m, b.decay_end_m));
    }
  if (!std::isfinite(analysis.signal_uncertainty) || !(analysis.signal_uncertainty >= 0))
    bad(*this, "signal_uncertainty", analysis.signal_uncertainty, "finite and >= 0");
  if (!(analysis.cl > 0) || !(analysis.cl < 1)) bad(*this, "cl", analysis.cl, "in (0, 1)");
  if (analysis.method != "exact" && analysis.method != "asymptotic" && analysis.method != "toys")
    throw invalid_parameter(
        fmt::format("experiment '{}': method = '{}', but must be exact, asymptotic or toys", name,
                    analysis.method));
}

}  // namespace semivisible::experiment
