// semivisible/production/proton_bremsstrahlung_source.hpp — A′ from proton bremsstrahlung
// p N → p N A′ in a proton beam dump, as a production source (source.hpp):
// `proton_bremsstrahlung` in an experiment file's `production` list.
//
// Per proton on target at ε = 1: the quasi-real (Fermi–Weizsäcker–Williams) spectrum of
// Blümlein & Brunner, PLB 701 (2011) 155 and PLB 731 (2014) 320, with the timelike proton form
// factor |F1(m_A′²)|² (Faessler et al., PRC 82 (2010) 038201) and the validity cuts of the
// approximation (proton_bremsstrahlung.hpp, docs/physics-proton.md §3). Its quadrature nodes
// (E_A′, θ = atan(p_T/(zP)), weight) are exact A′: the spectrum is their histogram
// (detail/proton_dump_sampling.hpp) and samples() draws nodes (by weight, or aimed at a detector
// cone) with an azimuth uniform in [0, 2π) — the emission is azimuthally symmetric about the beam.
// Settings (experiment file, all optional; defaults of proton_bremsstrahlung_settings):
// "z_min" (0.1), "z_max" (0.9) — the momentum fraction range, 0 < z_min < z_max < 1;
// "pt_max_GeV" (1) — the A′ transverse momentum cut, > 0; "hierarchy_factor" (5; 0 = off) —
// E_A′, E_p − E_A′ ≥ k max(m_p, p_T,max); "form_factor" (true; false: |F1|² = 1, the point-like
// proton); "splitting" ("one_plus" default, or "z_plus": the two readings of the m_p²m² term);
// "note". Beam energy from the experiment. Above the mass where the cuts leave no z range the
// spectrum is empty (not an error: scans pass there); bad settings are caught at construction.
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/production/detail/proton_dump_sampling.hpp"
#include "semivisible/production/proton_bremsstrahlung.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/spectrum.hpp"

namespace semivisible::production {

/// The proton-brem A′ spectrum at one mass, with its exact nodes above the threshold.
class proton_bremsstrahlung_spectrum final : public detail::binned_spectrum {
 public:
  using detail::binned_spectrum::binned_spectrum;
  std::vector<aprime_node> nodes;
};

class proton_bremsstrahlung_source final : public source {
 public:
  /// Draws per call of samples(): sampling_options::per_node × this (the spectrum's 256 nodes).
  static constexpr std::size_t draws_per_node = 256;

  /// Protons of `beam_energy` [GeV]; `settings` from the experiment file; `where` prefixes
  /// messages.
  proton_bremsstrahlung_source(double beam_energy, const nlohmann::json& settings,
                               const std::string& where = "proton_bremsstrahlung") {
    settings_.beam_energy = beam_energy;
    for (const auto& [k, v] : settings.items()) {
      if (k == "z_min") {
        settings_.z_min = detail::positive_setting(v, where, k);
      } else if (k == "z_max") {
        settings_.z_max = detail::positive_setting(v, where, k);
      } else if (k == "pt_max_GeV") {
        settings_.pt_max = detail::positive_setting(v, where, k);
      } else if (k == "hierarchy_factor") {
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0)
          throw invalid_parameter(fmt::format(
              "{}: hierarchy_factor = {}, but must be a finite number >= 0", where, v.dump()));
        settings_.hierarchy_factor = v.get<double>();
      } else if (k == "form_factor") {
        if (!v.is_boolean())
          throw invalid_parameter(
              fmt::format("{}: form_factor = {}, but must be true or false", where, v.dump()));
        form_factor_ = v.get<bool>();
      } else if (k == "splitting") {
        if (v == "z_plus")
          settings_.variant = splitting_variant::z_plus;
        else if (v != "one_plus")
          throw invalid_parameter(
              fmt::format("{}: splitting = {}, but must be \"one_plus\" (default) or \"z_plus\"",
                          where, v.dump()));
      } else if (k != "note") {
        throw invalid_parameter(fmt::format(
            "{}: unknown setting '{}' (known: z_min, z_max, pt_max_GeV, hierarchy_factor, "
            "form_factor, splitting, note)",
            where, k));
      }
    }
    // Validate the settings once, at a light mass (beam energy, z range, hierarchy).
    try {
      (void)proton_bremsstrahlung(1e-3, settings_);
    } catch (const std::exception& e) {
      throw invalid_parameter(fmt::format("{}: {}", where, e.what()));
    }
  }

  [[nodiscard]] std::string_view name() const noexcept override { return "proton_bremsstrahlung"; }

  [[nodiscard]] std::string key() const override {
    return fmt::format("proton_bremsstrahlung|{}|{}|{}|{}|{}|{}|{}|{}|{}", settings_.beam_energy,
                       settings_.z_min, settings_.z_max, settings_.pt_max,
                       settings_.hierarchy_factor, form_factor_ ? "F1" : "no-F1",
                       settings_.variant == splitting_variant::z_plus ? "z+" : "1+",
                       settings_.z_nodes, settings_.pt_nodes);
  }

  [[nodiscard]] const proton_bremsstrahlung_settings& settings() const noexcept {
    return settings_;
  }
  [[nodiscard]] bool form_factor() const noexcept { return form_factor_; }

  [[nodiscard]] std::shared_ptr<const energy_spectrum> spectrum(double mass_aprime,
                                                                double energy_min) const override {
    std::vector<aprime_node> all;
    double scale = 1;
    if (!(mass_aprime > 0))
      semivisible::detail::throw_invalid(
          "semivisible::production::proton_bremsstrahlung_source::spectrum", "mass_aprime",
          mass_aprime, "> 0");
    try {
      const proton_bremsstrahlung b(mass_aprime, settings_);
      all = b.nodes();
      if (!form_factor_) scale = 1 / b.form_factor_squared();
    } catch (const invalid_parameter&) {
      // The settings were validated at construction: only the mass can leave no z range here.
      all.clear();
    }
    double top = energy_min;
    for (const auto& n : all) top = std::max(top, n.energy);
    auto s = std::make_shared<proton_bremsstrahlung_spectrum>(mass_aprime, energy_min, top);
    for (const auto& n : all) {
      if (n.energy < energy_min || !(n.weight > 0)) continue;
      s->nodes.push_back({n.energy, n.theta, n.weight * scale});
      s->add_point(n.energy, n.weight * scale);
    }
    s->finish();
    return s;
  }

  [[nodiscard]] std::vector<aprime_sample> samples(const energy_spectrum& spectrum,
                                                   const sampling_options& o) const override {
    const auto* s = dynamic_cast<const proton_bremsstrahlung_spectrum*>(&spectrum);
    if (!s)
      throw invalid_parameter(
          "semivisible::production::proton_bremsstrahlung_source::samples: the spectrum is not "
          "one of proton_bremsstrahlung's");
    std::vector<aprime_sample> out;
    if (s->nodes.empty()) return out;
    std::vector<detail::parent> parents;
    parents.reserve(s->nodes.size());
    for (const auto& n : s->nodes) parents.push_back({n.theta, n.weight, 0.0});
    out.reserve(o.per_node * draws_per_node);
    detail::draw_parents(parents, o.per_node * draws_per_node, o, 6,
                         [&](numerics::random_stream&, const detail::parent_draw& d) {
                           const auto& n = s->nodes[d.index];
                           out.push_back({n.energy, n.theta, d.phi, d.weight});
                         });
    return out;
  }

 private:
  proton_bremsstrahlung_settings settings_;
  bool form_factor_ = true;
};

}  // namespace semivisible::production
