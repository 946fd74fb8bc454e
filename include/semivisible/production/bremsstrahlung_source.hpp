// semivisible/production/bremsstrahlung_source.hpp — dark bremsstrahlung e Z → e Z A′ in a thick
// target, as a production source (source.hpp): the whole electromagnetic shower or the beam
// electron alone, with the A′ emission angle and the radiating e±'s multiple scattering.
//
// Spectrum: "electrons": "shower" (default) — primary (Tsai's track length, track_length.hpp)
// plus every secondary e± of the shower (shower_track_length.hpp, Rossi's Approximation B;
// shower_aprime_spectrum.hpp); "primary" — the beam electron only: for lead exactly
// aprime_spectrum.hpp (the library's first yield), for other materials shower_aprime_spectrum
// with primary radiators. Cross section: IWW x-shape with Tsai elastic + inelastic form factors
// ("form_factors": "elastic" keeps DMG4's elastic-only χ), normalised to σ_ETL = σ_IWW/K with K
// from DMG4's lead table, scaled for other materials by the Weizsäcker–Williams ratio
// (k_factor_material.hpp; lead's edge values outside DMG4's 1 MeV–1 GeV × 20–160 GeV grid).
// Angles (samples()): at each A′ energy node the radiating e± energy E and x = E_A′/E are drawn
// from the shower's mixture (shower_aprime_angle.hpp, the cascade's primary for the shape), the
// emission angle from the closed-form IWW angular distribution at (x, E) (aprime_angle.hpp), and
// the e± direction from a Gaussian of rms space angle E_s/E, E_s = m_e√(4π/α) = 21.2 MeV — the
// Rossi–Greisen angular spread of shower particles of energy E (B. Rossi, K. Greisen, Rev. Mod.
// Phys. 13 (1941) 240; the scale of PDG Eq. 34.16) — added as small-angle vectors
// ("multiple_scattering": false turns it off). Everything per EOT at ε = 1.
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/numerics/random_stream.hpp"
#include "semivisible/production/aprime_angle.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/materials.hpp"
#include "semivisible/production/shower_aprime_angle.hpp"
#include "semivisible/production/shower_aprime_spectrum.hpp"
#include "semivisible/production/shower_track_length.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/track_length.hpp"

namespace semivisible::production {

/// E_s = m_e √(4π/α) [GeV] (PDG Review, "Passage of particles through matter", §34.3).
inline const double multiple_scattering_energy =
    constants::mass_electron * std::sqrt(4 * constants::pi / constants::alpha_em);

namespace detail {
/// Small-angle sum of a direction (θ, φ) and a Gaussian spread of rms space angle σ, drawn from
/// the stream r. With a focus angle f < σ, half of the spreads are drawn with rms f instead, and
/// the returned factor p_σ/(½p_f + ½p_σ) ≤ 2 weights the sample (a defensive mixture).
inline double smear_direction(double& theta, double& phi, double sigma, double focus,
                              numerics::random_stream& r) {
  const bool focused = focus > 0 && focus < sigma;
  const double sigma_draw = focused && r.uniform() < 0.5 ? focus : sigma;
  const double g1 = r.normal(), g2 = r.normal();
  const double dx = sigma_draw / std::sqrt(2.0) * g1, dy = sigma_draw / std::sqrt(2.0) * g2;
  double weight = 1;
  if (focused) {
    const double t2 = dx * dx + dy * dy;
    auto density = [&](double s) { return std::exp(-t2 / (s * s)) / (s * s); };  // ∝ 2D Gaussian
    weight = density(sigma) / (0.5 * density(focus) + 0.5 * density(sigma));
  }
  const double tx = theta * std::cos(phi) + dx;
  const double ty = theta * std::sin(phi) + dy;
  theta = std::hypot(tx, ty);
  phi = std::atan2(ty, tx);
  return weight;
}
}  // namespace detail

class bremsstrahlung_source final : public source {
 public:
  /// Beam electrons of `beam_energy` [GeV] on `thickness_X0` radiation lengths of `mat`; spectra
  /// will be asked for thresholds ≥ `energy_lo` [GeV]. `shower` is the experiment's shower (shared
  /// with the annihilation source; built here when null). `where` prefixes messages.
  bremsstrahlung_source(const material& mat, double thickness_X0, double beam_energy,
                        double energy_lo, const nlohmann::json& settings,
                        std::shared_ptr<const shower_track_length> shower,
                        const std::string& where = "bremsstrahlung")
      : material_(mat), thickness_(thickness_X0), beam_energy_(beam_energy) {
    for (const auto& [k, v] : settings.items()) {
      if (k == "electrons") {
        if (v == "primary")
          whole_shower_ = false;
        else if (v != "shower")
          throw invalid_parameter(fmt::format(
              "{}: electrons = {}, but must be \"shower\" (primary and secondary e±) or "
              "\"primary\" (the beam electron only)",
              where, v.dump()));
      } else if (k == "form_factors") {
        if (v == "elastic")
          form_factors_ = form_factors::elastic;
        else if (v != "elastic_and_inelastic")
          throw invalid_parameter(fmt::format(
              "{}: form_factors = {}, but must be \"elastic_and_inelastic\" or \"elastic\"", where,
              v.dump()));
      } else if (k == "multiple_scattering") {
        if (!v.is_boolean())
          throw invalid_parameter(fmt::format(
              "{}: multiple_scattering = {}, but must be true or false", where, v.dump()));
        multiple_scattering_ = v.get<bool>();
      } else if (k != "note") {
        throw invalid_parameter(fmt::format(
            "{}: unknown setting '{}' (known: electrons, form_factors, multiple_scattering, note)",
            where, k));
      }
    }
    mat.validate();
    tsai_ = std::make_shared<const primary_track_length>(
        beam_energy, std::min(thickness_X0, shower_aprime_spectrum::tsai_thickness_cap_X0),
        energy_lo);
    shower_ = shower ? std::move(shower)
                     : std::make_shared<const shower_track_length>(beam_energy, thickness_X0,
                                                                   energy_lo, mat);
  }

  [[nodiscard]] std::string_view name() const noexcept override { return "bremsstrahlung"; }

  [[nodiscard]] std::string key() const override {
    return fmt::format("bremsstrahlung|{}|{}|{}|{}|{}|{}|{}|{}|{}", material_.name,
                       material_.atoms.atomic_number, material_.atoms.mass_number,
                       material_.atoms.radiation_length_g_cm2, thickness_, beam_energy_,
                       form_factors_ == form_factors::elastic ? "el" : "el+in",
                       whole_shower_ ? "shower" : "primary", multiple_scattering_ ? "ms" : "no-ms");
  }

  [[nodiscard]] std::shared_ptr<const energy_spectrum> spectrum(double mass_aprime,
                                                                double energy_min) const override {
    if (!whole_shower_ && material_.atoms.atomic_number == lead.atomic_number &&
        material_.atoms.radiation_length_g_cm2 == lead.radiation_length_g_cm2)
      return std::make_shared<const aprime_spectrum>(
          mass_aprime, energy_min, thick_target{material_.atoms, thickness_, beam_energy_}, *tsai_,
          form_factors_);
    shower_spectrum_options o;
    o.radiators = whole_shower_ ? shower_radiators::whole_shower : shower_radiators::primary_only;
    o.which = form_factors_;
    return std::make_shared<const shower_aprime_spectrum>(mass_aprime, energy_min, material_,
                                                          *shower_, o, tsai_.get());
  }

  [[nodiscard]] std::vector<aprime_sample> samples(const energy_spectrum& s,
                                                   const sampling_options& o) const override {
    const double m = s.mass_aprime();
    // The spectrum's own dσ/dx table when it has one (same mass, threshold and beam energy).
    std::optional<material_etl_cross_section> built;
    const auto* shower_spectrum = dynamic_cast<const shower_aprime_spectrum*>(&s);
    if (!shower_spectrum)
      built.emplace(m, s.energy_threshold(), beam_energy_, material_.atoms, form_factors_);
    const material_etl_cross_section& xs =
        shower_spectrum ? shower_spectrum->cross_section() : *built;
    const auto radiators =
        whole_shower_ ? shower_radiators::whole_shower : shower_radiators::primary_only;
    std::vector<aprime_sample> out;
    const auto& energies = s.node_energies();
    const auto& weights = s.node_weights();
    std::vector<double> cdf;
    for (std::size_t n = 0; n < energies.size(); ++n) {
      if (!(weights[n] > 0)) continue;
      const shower_aprime_angle angle(energies[n], *shower_, xs, nullptr, radiators);
      const auto& parts = angle.components();
      cdf.assign(parts.size(), 0.0);
      double sum = 0;
      for (std::size_t j = 0; j < parts.size(); ++j) cdf[j] = sum += parts[j].weight;
      for (std::size_t k = 0; k < o.per_node; ++k) {
        numerics::random_stream r(o.seed, o.stream * 7919 + 1, n * o.per_node + k);
        const double pick = r.uniform() * sum;
        const auto j = std::min<std::size_t>(
            static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), pick) - cdf.begin()),
            parts.size() - 1);
        const auto& c = parts[j];
        double theta = 0, weight = weights[n] / static_cast<double>(o.per_node);
        const auto range = aprime_x_range(m, c.energy);
        if (c.x > range.min && c.x < range.max) {
          // Emission angle: with a focus, half of the quantiles from the cone 3 f wide.
          double p = r.uniform();
          if (o.focus_angle > 0) {
            const double inside = iww_angle_cdf(3 * o.focus_angle, c.x, m, c.energy);
            if (inside > 0 && inside < 0.5) {
              if (r.uniform() < 0.5) p *= inside;
              weight /= (p < inside ? 0.5 / inside : 0.0) + 0.5;
            }
          }
          theta = iww_angle_quantile(std::clamp(p, 1e-300, 1 - 1e-16), c.x, m, c.energy);
        }
        double phi = 2 * constants::pi * r.uniform();
        if (multiple_scattering_)
          weight *= detail::smear_direction(theta, phi, multiple_scattering_energy / c.energy,
                                            o.focus_angle, r);
        out.push_back({energies[n], theta, phi, weight});
      }
    }
    return out;
  }

  [[nodiscard]] const material& target_material_of() const noexcept { return material_; }
  [[nodiscard]] bool whole_shower() const noexcept { return whole_shower_; }

 private:
  material material_;
  double thickness_, beam_energy_;
  form_factors form_factors_ = form_factors::elastic_and_inelastic;
  bool whole_shower_ = true;
  bool multiple_scattering_ = true;
  std::shared_ptr<const primary_track_length> tsai_;
  std::shared_ptr<const shower_track_length> shower_;
};

}  // namespace semivisible::production
