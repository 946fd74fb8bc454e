// semivisible/production/meson_decay_source.hpp — A′ from the radiative decays π⁰ → γA′ and
// η → γA′ of the mesons made in a proton beam dump, as a production source (source.hpp):
// `pi0_decay` and `eta_decay` in an experiment file's `production` list.
//
// Per proton on target at ε = 1 (docs/physics-proton.md §1–2, 6):
//   dN/dE_A′ = Σ_i w_i · BR(P → γA′)|_{ε=1} · flat(E_A′; E−(p_i), E+(p_i)),
// w_i the meson quadrature nodes (momentum p_i, angle θ_i, mesons per POT) of meson_spectrum.hpp
// (BMPT, Bonesini et al. EPJC 20 (2001) 13, π⁰ = (π⁺ + π⁻)/2, the η m_T-scaled), BR(P → γA′) =
// 2ε²(1 − m²/m_P²)³ BR(P → γγ) (Batell, Pospelov, Ritz PRD 80 (2009) 095024), and the flat lab
// energy of an isotropic two-body decay between E± = γ(E* ± βp*) (meson_decay.hpp). The spectrum
// is binned (detail/proton_dump_sampling.hpp); samples() boosts exactly: each draw picks a meson
// (by weight, or aimed at a detector cone), gives it an azimuth, draws cosθ* uniform on the part of
// [−1, 1] above the energy threshold (E is linear in cosθ*) and φ* uniform — isotropic in the meson
// frame — and boosts to the lab (decay_to_lab). The A′ angle to the meson is ≲ 2/(βγ)_P; that is
// the parents' spread for the focusing; after the decay, the A′ is also rotated about the beam
// towards the detector cones (detail::rotate_towards_cones: the target is azimuthally symmetric),
// which is what helps an off-axis detector when the A′ spreads more than the cone about its meson.
// A meson lighter than the A′ (the channel is closed) gives an empty spectrum and no samples,
// not an error: a scan over m_A′ passes m_π⁰ and m_η (documented in docs/physics-proton.md).
// Settings (experiment file, all optional): "mesons_per_pot" (> 0; default: the BMPT
// primary-interaction multiplicity, × "eta_to_pi0_ratio" (> 0, default 0.078) for the η),
// "inelastic_cross_section_mb" (> 0; default 45 A^0.691 mb), "nuclear_pt_dependence"
// ("quadratic" default, or "linear"), "note". Beam energy and target A from the experiment.
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/production/detail/proton_dump_sampling.hpp"
#include "semivisible/production/meson_decay.hpp"
#include "semivisible/production/meson_spectrum.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/spectrum.hpp"

namespace semivisible::production {

/// The A′ spectrum of P → γA′ at one mass, with the per-meson weights the samples need.
class meson_decay_spectrum final : public detail::binned_spectrum {
 public:
  using detail::binned_spectrum::binned_spectrum;
  /// Per meson node: A′ per POT above the threshold at ε = 1, and the lowest cosθ* above it.
  std::vector<double> weight, cos_lo;
};

class meson_decay_source final : public source {
 public:
  /// Draws per call of samples(): sampling_options::per_node × this (the spectrum's 256 nodes).
  static constexpr std::size_t draws_per_node = 256;

  /// Mesons `which` (π⁰ or η) from protons of `beam_energy` [GeV] on a target of mass number A.
  meson_decay_source(meson which, double beam_energy, double target_mass_number,
                     const nlohmann::json& settings, const std::string& where = "meson decay")
      : which_(which) {
    if (which != meson::pi0 && which != meson::eta)
      throw invalid_parameter(fmt::format("{}: only pi0 and eta decays are sources", where));
    settings_.which = which;
    settings_.beam_energy = beam_energy;
    settings_.target_mass_number = target_mass_number;
    for (const auto& [k, v] : settings.items()) {
      if (k == "mesons_per_pot") {
        settings_.mesons_per_pot = detail::positive_setting(v, where, k);
      } else if (k == "eta_to_pi0_ratio" && which == meson::eta) {
        settings_.eta_to_pi0_ratio = detail::positive_setting(v, where, k);
      } else if (k == "inelastic_cross_section_mb") {
        settings_.inelastic_cross_section_mb = detail::positive_setting(v, where, k);
      } else if (k == "nuclear_pt_dependence") {
        if (v == "linear")
          settings_.pt_dependence = nuclear_pt_dependence::linear;
        else if (v != "quadratic")
          throw invalid_parameter(fmt::format(
              "{}: nuclear_pt_dependence = {}, but must be \"quadratic\" (p_T², default) or "
              "\"linear\"",
              where, v.dump()));
      } else if (k != "note") {
        throw invalid_parameter(fmt::format(
            "{}: unknown setting '{}' (known: mesons_per_pot, {}inelastic_cross_section_mb, "
            "nuclear_pt_dependence, note)",
            where, k, which == meson::eta ? "eta_to_pi0_ratio, " : ""));
      }
    }
    try {
      mesons_ = std::make_shared<const meson_spectrum>(settings_);
    } catch (const std::exception& e) {
      throw invalid_parameter(fmt::format("{}: {}", where, e.what()));
    }
  }

  [[nodiscard]] std::string_view name() const noexcept override {
    return which_ == meson::pi0 ? "pi0_decay" : "eta_decay";
  }

  [[nodiscard]] std::string key() const override {
    return fmt::format("{}|{}|{}|{}|{}|{}|{}", name(), settings_.beam_energy,
                       settings_.target_mass_number, mesons_->multiplicity(),
                       mesons_->inelastic_cross_section_mb(),
                       settings_.pt_dependence == nuclear_pt_dependence::linear ? "pt" : "pt2",
                       settings_.rapidity_nodes * 1000 + settings_.transverse_nodes);
  }

  /// The meson spectrum (mass-independent; built once).
  [[nodiscard]] const meson_spectrum& mesons() const noexcept { return *mesons_; }

  [[nodiscard]] std::shared_ptr<const energy_spectrum> spectrum(double mass_aprime,
                                                                double energy_min) const override {
    const double mp = mesons_->mass();
    const auto& nodes = mesons_->nodes();
    if (!(mass_aprime < mp))  // channel closed: no A′ (not an error, see the header comment)
      return finished(std::make_shared<meson_decay_spectrum>(mass_aprime, energy_min, energy_min));
    const double br = branching_ratio_gamma_aprime(which_, mass_aprime, 1.0);
    const double p_star = (mp - mass_aprime) * (mp + mass_aprime) / (2 * mp);
    const double e_star = (mp * mp + mass_aprime * mass_aprime) / (2 * mp);
    double top = energy_min;
    for (const auto& n : nodes) top = std::max(top, upper_energy(n.momentum, e_star, p_star, mp));
    auto s = std::make_shared<meson_decay_spectrum>(mass_aprime, energy_min, top);
    s->weight.assign(nodes.size(), 0.0);
    s->cos_lo.assign(nodes.size(), 1.0);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const double bg = nodes[i].momentum / mp, g = std::sqrt(1 + bg * bg);
      const double lo = g * e_star - bg * p_star, hi = g * e_star + bg * p_star;
      if (!(hi > energy_min)) continue;
      // E = γE* + βγ p* cosθ*: the part above the threshold is cosθ* ∈ [c_lo, 1].
      const double c_lo =
          bg * p_star > 0 ? std::clamp((energy_min - g * e_star) / (bg * p_star), -1.0, 1.0) : -1.0;
      const double w = nodes[i].weight * br * 0.5 * (1 - c_lo);
      s->weight[i] = w;
      s->cos_lo[i] = c_lo;
      s->add_box(std::max(lo, energy_min), hi, w);
    }
    return finished(std::move(s));
  }

  [[nodiscard]] std::vector<aprime_sample> samples(const energy_spectrum& spectrum,
                                                   const sampling_options& o) const override {
    const auto* s = dynamic_cast<const meson_decay_spectrum*>(&spectrum);
    if (!s)
      throw invalid_parameter(fmt::format(
          "semivisible::production::meson_decay_source::samples: the spectrum is not one of "
          "{}'s",
          name()));
    std::vector<aprime_sample> out;
    if (s->weight.empty() || !(s->per_particle() > 0)) return out;
    const double mp = mesons_->mass(), m = s->mass_aprime();
    const auto& nodes = mesons_->nodes();
    std::vector<detail::parent> parents(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i)
      parents[i] = {nodes[i].theta, s->weight[i],
                    std::min(std::numbers::pi, 2 * mp / std::max(nodes[i].momentum, 1e-300))};
    out.reserve(o.per_node * draws_per_node);
    detail::draw_parents(
        parents, o.per_node * draws_per_node, o, which_ == meson::pi0 ? 4 : 5,
        [&](numerics::random_stream& r, const detail::parent_draw& d) {
          const double c_lo = s->cos_lo[d.index];
          const double c = std::min(1.0, c_lo + (1 - c_lo) * r.uniform());
          const double phi_star = 2 * std::numbers::pi * r.uniform();
          const auto a =
              decay_to_lab(mp, nodes[d.index].momentum, nodes[d.index].theta, m, c, phi_star);
          double phi = a.phi + d.phi;
          const double w = o.cones.empty()
                               ? d.weight
                               : d.weight * detail::rotate_towards_cones(a.theta, phi, o.cones, r);
          out.push_back({a.energy, a.theta, phi, w});
        });
    // The rotation factors average to 1: rescale so that the weights sum to the spectrum exactly.
    double sum = 0;
    for (const auto& x : out) sum += x.weight;
    if (sum > 0)
      for (auto& x : out) x.weight *= s->per_particle() / sum;
    return out;
  }

 private:
  [[nodiscard]] static double upper_energy(double momentum, double e_star, double p_star,
                                           double mp) noexcept {
    const double bg = momentum / mp;
    return std::sqrt(1 + bg * bg) * e_star + bg * p_star;
  }
  [[nodiscard]] static std::shared_ptr<const energy_spectrum> finished(
      std::shared_ptr<meson_decay_spectrum> s) {
    s->finish();
    return s;
  }

  meson which_;
  meson_spectrum_settings settings_;
  std::shared_ptr<const meson_spectrum> mesons_;
};

}  // namespace semivisible::production
