// semivisible/production/bremsstrahlung_source.hpp — dark bremsstrahlung e Z → e Z A′ of the beam
// electrons in a thick target, as a production source (source.hpp).
//
// The spectrum is production/aprime_spectrum.hpp: the IWW x-shape with Tsai elastic + inelastic
// form factors, normalised to σ_ETL = σ_IWW/K (cross_section.hpp), integrated over the Tsai
// track length of the primary electron (track_length.hpp). The K factor is tabulated for lead only
// (production/k_factor.hpp, DMG4): another target material throws domain_error, never lead's K
// silently. Settings (the experiment file's `{"source": "bremsstrahlung", ...}`):
//   "electrons": "primary"   only the beam electron radiates (default; the shower's secondaries
//                            are the next step, docs/physics.md §5)
//   "form_factors": "elastic_and_inelastic" (default) | "elastic"   (DMG4 keeps elastic only)
// The mass-independent track-length tables are built once per source for the lowest threshold
// of the experiment's regions (≈ 25 ms).
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/materials.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/track_length.hpp"

namespace semivisible::production {

class bremsstrahlung_source final : public source {
 public:
  /// Beam electrons of `beam_energy` [GeV] on `thickness_X0` radiation lengths of `mat`; spectra
  /// will be asked for thresholds ≥ `energy_lo` [GeV]. `where` prefixes messages (file, key).
  bremsstrahlung_source(const material& mat, double thickness_X0, double beam_energy,
                        double energy_lo, const nlohmann::json& settings = nlohmann::json::object(),
                        const std::string& where = "bremsstrahlung")
      : material_(mat), target_{mat.atoms, thickness_X0, beam_energy} {
    for (const auto& [k, v] : settings.items()) {
      if (k == "electrons") {
        if (v != "primary")
          throw invalid_parameter(fmt::format(
              "{}: electrons = {}, but must be \"primary\" (the shower's secondaries are not "
              "implemented yet)",
              where, v.dump()));
      } else if (k == "form_factors") {
        if (v == "elastic")
          form_factors_ = form_factors::elastic;
        else if (v != "elastic_and_inelastic")
          throw invalid_parameter(fmt::format(
              "{}: form_factors = {}, but must be \"elastic_and_inelastic\" or \"elastic\"", where,
              v.dump()));
      } else if (k != "note") {
        throw invalid_parameter(fmt::format(
            "{}: unknown setting '{}' (known: electrons, form_factors, note)", where, k));
      }
    }
    mat.validate();
    if (!is_lead(mat))
      throw semivisible::domain_error(fmt::format(
          "{}: target material '{}' (Z = {}) has no ETL K-factor data (tabulated for lead only, "
          "production/k_factor.hpp)",
          where, mat.name, mat.atoms.atomic_number));
    track_ = std::make_shared<const primary_track_length>(beam_energy, thickness_X0, energy_lo);
  }

  [[nodiscard]] std::string_view name() const noexcept override { return "bremsstrahlung"; }

  [[nodiscard]] std::string key() const override {
    return fmt::format(
        "bremsstrahlung|{}|{}|{}|{}|{}|{}|{}", material_.name, target_.material.atomic_number,
        target_.material.mass_number, target_.material.radiation_length_g_cm2, target_.thickness_X0,
        target_.beam_energy, form_factors_ == form_factors::elastic ? "el" : "el+in");
  }

  /// The spectrum above max(energy_min, the track table's lower end) — the A′ must also be
  /// lighter than that threshold (aprime_spectrum validates it).
  [[nodiscard]] std::shared_ptr<const energy_spectrum> spectrum(double mass_aprime,
                                                                double energy_min) const override {
    return std::make_shared<const aprime_spectrum>(mass_aprime, energy_min, target_, *track_,
                                                   form_factors_);
  }

  [[nodiscard]] const thick_target& target() const noexcept { return target_; }
  [[nodiscard]] const primary_track_length& track() const noexcept { return *track_; }

  /// True for lead (the material of the K-factor table): Z = 82.
  [[nodiscard]] static bool is_lead(const material& m) noexcept {
    return m.atoms.atomic_number == 82.0;
  }

 private:
  material material_;
  thick_target target_;
  form_factors form_factors_ = form_factors::elastic_and_inelastic;
  std::shared_ptr<const primary_track_length> track_;
};

}  // namespace semivisible::production
