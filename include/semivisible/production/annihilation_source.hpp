// semivisible/production/annihilation_source.hpp — resonant annihilation e⁺e⁻ → A′ of the shower
// positrons on the target's atomic electrons, as a production source (source.hpp).
//
// All A′ have E_A′ = E_res + m_e, E_res = m_A′²/(2m_e) − m_e (annihilation.hpp: the narrow-width
// σ = (2π²αε²/m_e) f δ(E₊ − E_res) times the positron track length at E_res and the electron
// density; NA64 PRD 104 (2021) L091701, arXiv:2108.04195; Marsicano et al. PRL 121 (2018) 041802):
// the spectrum is one line (a δ-function, `breakpoints()` says where). The A′ flies along the
// positron, whose direction spreads as the shower's e± of that energy (rms E_s/E_res, as in
// bremsstrahlung_source.hpp; "multiple_scattering": false turns it off).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/numerics/random_stream.hpp"
#include "semivisible/production/annihilation.hpp"
#include "semivisible/production/bremsstrahlung_source.hpp"
#include "semivisible/production/materials.hpp"
#include "semivisible/production/shower_track_length.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/spectrum.hpp"

namespace semivisible::production {

/// A spectrum with all A′ at one energy (zero A′ when the line is below the threshold).
class line_spectrum final : public energy_spectrum {
 public:
  line_spectrum(double mass_aprime, double energy_threshold, double energy, double per_particle)
      : mass_(mass_aprime), threshold_(energy_threshold), energy_(energy), total_(per_particle) {
    if (total_ > 0) {
      nodes_e_.push_back(energy_);
      nodes_w_.push_back(total_);
    }
  }
  [[nodiscard]] double mass_aprime() const noexcept override { return mass_; }
  [[nodiscard]] double energy_threshold() const noexcept override { return threshold_; }
  /// The line's energy; an empty line (resonance outside the shower's energies or below the
  /// threshold) ends at the threshold, so that a sum with other spectra keeps their range.
  [[nodiscard]] double energy_top() const noexcept override {
    return total_ > 0 ? std::max(energy_, threshold_) : threshold_;
  }
  [[nodiscard]] double per_particle() const noexcept override { return total_; }
  [[nodiscard]] double cumulative_over_energy(double energy) const override {
    return energy >= energy_ ? total_ / energy_ : 0.0;
  }
  [[nodiscard]] const std::vector<double>& node_energies() const noexcept override {
    return nodes_e_;
  }
  [[nodiscard]] const std::vector<double>& node_weights() const noexcept override {
    return nodes_w_;
  }
  [[nodiscard]] std::vector<double> breakpoints() const override {
    return total_ > 0 ? std::vector<double>{energy_} : std::vector<double>{};
  }

 private:
  double mass_, threshold_, energy_, total_;
  std::vector<double> nodes_e_, nodes_w_;
};

class annihilation_source final : public source {
 public:
  /// All A′ of the line share one energy: it gets this many times the samples of one node of a
  /// continuous spectrum, so that its angular spread is sampled as well as a whole brem spectrum
  /// (≈ 144 nodes). At E137 the line is ~100× the brem yield: with 16 samples it alone set the
  /// Monte Carlo precision (8–98 % at the lower edge).
  static constexpr std::size_t line_oversampling = 128;

  /// Positrons of the shower `shower` (beam and target of the experiment) on `mat`.
  annihilation_source(const material& mat, std::shared_ptr<const shower_track_length> shower,
                      const nlohmann::json& settings, const std::string& where = "annihilation")
      : material_(mat), shower_(std::move(shower)) {
    for (const auto& [k, v] : settings.items()) {
      if (k == "multiple_scattering") {
        if (!v.is_boolean())
          throw invalid_parameter(fmt::format(
              "{}: multiple_scattering = {}, but must be true or false", where, v.dump()));
        multiple_scattering_ = v.get<bool>();
      } else if (k != "note") {
        throw invalid_parameter(
            fmt::format("{}: unknown setting '{}' (known: multiple_scattering, note)", where, k));
      }
    }
    if (!shower_) throw invalid_parameter(fmt::format("{}: no shower given", where));
  }

  [[nodiscard]] std::string_view name() const noexcept override { return "annihilation"; }
  [[nodiscard]] std::string key() const override {
    return fmt::format("annihilation|{}|{}|{}|{}|{}|{}|{}", material_.name,
                       material_.atoms.atomic_number, material_.z_over_a_mol_g,
                       shower_->thickness_X0(), shower_->beam_energy(), shower_->energy_lo(),
                       multiple_scattering_ ? "ms" : "no-ms");
  }

  [[nodiscard]] std::shared_ptr<const energy_spectrum> spectrum(double mass_aprime,
                                                                double energy_min) const override {
    double energy = resonant_positron_energy(mass_aprime) + constants::mass_electron;
    double total = 0;
    if (mass_aprime > 2 * constants::mass_electron && energy > energy_min &&
        energy - constants::mass_electron < shower_->beam_energy() &&
        energy - constants::mass_electron >= shower_->energy_lo())
      total = resonant_annihilation(mass_aprime, material_, *shower_, energy_min).per_eot;
    return std::make_shared<const line_spectrum>(mass_aprime, energy_min, energy, total);
  }

  [[nodiscard]] std::vector<aprime_sample> samples(const energy_spectrum& s,
                                                   const sampling_options& o) const override {
    std::vector<aprime_sample> out;
    if (!(s.per_particle() > 0)) return out;
    const double e = s.node_energies().front(), w = s.node_weights().front();
    const double e_positron = e - constants::mass_electron;
    const std::size_t n = o.per_node * line_oversampling;
    for (std::size_t k = 0; k < n; ++k) {
      numerics::random_stream r(o.seed, o.stream * 7919 + 2, k);
      double theta = 0, phi = 2 * constants::pi * r.uniform(), weight = 1;
      if (multiple_scattering_)
        weight = detail::smear_direction(theta, phi, multiple_scattering_energy / e_positron,
                                         o.focus_angle, r);
      out.push_back({e, theta, phi, weight * w / static_cast<double>(n)});
    }
    return out;
  }

 private:
  material material_;
  std::shared_ptr<const shower_track_length> shower_;
  bool multiple_scattering_ = true;
};

}  // namespace semivisible::production
