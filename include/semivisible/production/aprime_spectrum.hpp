// semivisible/production/aprime_spectrum.hpp — the A′ energy spectrum per electron on target in a
// thick active target (the NA64 ECAL), above the missing-energy threshold.
//
//   dN/dE_A′ = n_X0 ∫_{E_A′+m_e}^{E0} dE_e L(E_e) (1/E_e) dσ_ETL/dx(x = E_A′/E_e; E_e)
// (Bjorken et al. PRD 80 (2009) 075018 Eq. (A25)-(A27) thick-target yield; docs/formula-notes.md
// §3.4), with n_X0 = X0ρ N_A/A atoms per unit area per radiation length, L the primary-electron
// track length of track_length.hpp (Tsai) and dσ_ETL/dx of cross_section.hpp (IWW shape with
// elastic + inelastic Tsai form factors, normalised to σ_IWW/K). Everything is for ε = 1; the
// yield at ε is ε² times it (production ∝ ε², docs/formula-notes.md §3.1).
// Method: dN/dE_A′ on 8-point Gauss–Legendre nodes of 18 intervals of E_A′ ∈ [E_cut, E0 − 1e-10 E0]
// (4 uniform, then 14 shrinking geometrically by ≈4.4 towards E0, where the spectrum peaks for
// m_A′ ≫ m_e: dσ/dx ∝ 1/(1 − x) down to 1 − x ≈ m_e²/m²); each
// node is one tanh-sinh integral over the electron energy. The last 1e-10 E0 below E0 is dropped
// (tested: < 1e-3 of the total, against the other integration order in tests; cutting at 1e-5 E0
// instead loses 0.5 % at m_A′ = 1 GeV).
// This object depends only on (m_A′, E0, E_cut, target): cache it and build many
// signal::yield_model from it (χ masses, geometry and ε do not enter).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include <boost/math/quadrature/gauss.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/cross_section.hpp"
#include "semivisible/production/spectrum.hpp"
#include "semivisible/production/track_length.hpp"

namespace semivisible::production {

/// Thick active target: material, thickness [X0] and beam energy [GeV].
struct thick_target {
  target_material material = lead;
  double thickness_X0 = 40.0;  ///< NA64 ECAL: ≈ 40 X0 (the NA64 2021 paper)
  double beam_energy = 100.0;  ///< GeV
};

/// dN/dE_A′ per electron on target at ε = 1 for E_A′ above a threshold.
class aprime_spectrum final : public energy_spectrum {
 public:
  static constexpr std::size_t nodes_per_interval = 8;
  static constexpr std::size_t uniform_intervals = 4;
  static constexpr std::size_t geometric_intervals = 14;
  static constexpr double top_cut_fraction = 1e-10;  ///< E_A′ > E0(1 − 1e-10) is dropped

  /// Builds the spectrum for A′ mass m [GeV] and threshold E_cut [GeV] (0 < E_cut < E0).
  /// Reuses `track` (it must have beam_energy() = target.beam_energy and energy_lo() ≤ E_cut).
  aprime_spectrum(double mass_aprime, double energy_threshold, const thick_target& target,
                  const primary_track_length& track,
                  form_factors which = form_factors::elastic_and_inelastic)
      : mass_(mass_aprime), threshold_(energy_threshold), target_(target) {
    build(track, which);
  }

  /// Same, building the (mass-independent) track-length tables itself.
  aprime_spectrum(double mass_aprime, double energy_threshold, const thick_target& target = {},
                  form_factors which = form_factors::elastic_and_inelastic)
      : mass_(mass_aprime), threshold_(energy_threshold), target_(target) {
    validate_inputs();
    const primary_track_length track(target.beam_energy, target.thickness_X0, energy_threshold);
    build(track, which);
  }

  [[nodiscard]] double mass_aprime() const noexcept override { return mass_; }            ///< GeV
  [[nodiscard]] double energy_threshold() const noexcept override { return threshold_; }  ///< GeV
  [[nodiscard]] double beam_energy() const noexcept { return target_.beam_energy; }
  [[nodiscard]] const thick_target& target() const noexcept { return target_; }

  /// A′ produced with E_A′ > threshold per electron on target, at mixing ε.
  [[nodiscard]] double per_eot(double epsilon = 1.0) const noexcept {
    return epsilon * epsilon * total_;
  }
  [[nodiscard]] double per_particle() const noexcept override { return total_; }

  /// A′ per EOT at ε = 1 with E_A′ in [threshold, E] (piecewise-linear density between nodes).
  [[nodiscard]] double cumulative(double energy) const { return interpolate(cum_count_, energy); }

  /// ∫_{threshold}^{E} dE′ (dN/dE′)/E′ at ε = 1 [1/GeV]: what the flat χ2 spectrum needs.
  [[nodiscard]] double cumulative_over_energy(double energy) const override {
    return interpolate(cum_over_e_, energy);
  }

  /// Highest E_A′ represented [GeV] (E0(1 − 1e-10)).
  [[nodiscard]] double energy_top() const noexcept override { return points_.back(); }

  /// Quadrature nodes E_A′ [GeV] and weights × dN/dE_A′ (at ε = 1): Σ w_i f(E_i) ≈ ∫ dN f.
  [[nodiscard]] const std::vector<double>& node_energies() const noexcept override {
    return node_e_;
  }
  [[nodiscard]] const std::vector<double>& node_weights() const noexcept override {
    return node_w_;
  }

  /// dN/dE_A′ at ε = 1 [1/GeV] at one energy, by direct integration (not cached).
  [[nodiscard]] double density(double energy_aprime, const primary_track_length& track,
                               const etl_cross_section& xs) const {
    const double n_x0 =
        target_.material.atoms_per_radiation_length_m2() * constants::hbar_c_squared;
    auto g = [&](double e_e) { return xs.differential(energy_aprime / e_e, e_e) / e_e; };
    return n_x0 * track.integrate(g, energy_aprime + constants::mass_electron);
  }

 private:
  void validate_inputs() const {
    constexpr const char* fn = "semivisible::production::aprime_spectrum";
    semivisible::detail::require_positive(fn, "mass_aprime", mass_);
    semivisible::detail::require_positive(fn, "energy_threshold", threshold_);
    target_.material.validate();
    semivisible::detail::require_positive(fn, "thickness_X0", target_.thickness_X0);
    semivisible::detail::require_positive(fn, "beam_energy", target_.beam_energy);
    if (!(threshold_ < target_.beam_energy))
      semivisible::detail::throw_invalid(
          fn, "energy_threshold", threshold_,
          fmt::format("< beam_energy = {} GeV", target_.beam_energy));
    if (!(mass_ < threshold_))
      semivisible::detail::throw_invalid(fn, "mass_aprime", mass_,
                                         fmt::format("< energy_threshold = {} GeV", threshold_));
    // The dark-bremsstrahlung cross section (cross_section.hpp) is defined for m_A′ > m_e only.
    if (!(mass_ > constants::mass_electron))
      semivisible::detail::throw_invalid(
          fn, "mass_aprime", mass_,
          fmt::format("> m_e = {} GeV (the IWW/ETL dark-bremsstrahlung cross section needs "
                      "m_A' > m_e)",
                      constants::mass_electron));
  }

  void build(const primary_track_length& track, form_factors which) {
    validate_inputs();
    constexpr const char* fn = "semivisible::production::aprime_spectrum";
    if (track.beam_energy() != target_.beam_energy)
      semivisible::detail::throw_invalid(
          fn, "track.beam_energy", track.beam_energy(),
          fmt::format("= target beam_energy {}", target_.beam_energy));
    if (track.energy_lo() > threshold_)
      semivisible::detail::throw_invalid(fn, "track.energy_lo", track.energy_lo(),
                                         fmt::format("<= energy_threshold {}", threshold_));
    const double e0 = target_.beam_energy;
    const etl_cross_section xs(mass_, threshold_, e0, target_.material, which);
    // Interval edges in E_A′.
    std::vector<double> edges;
    const double span = e0 - threshold_;
    const double u1 = 0.2 * span;
    for (std::size_t i = 0; i <= uniform_intervals; ++i)
      edges.push_back(threshold_ + (span - u1) * static_cast<double>(i) /
                                       static_cast<double>(uniform_intervals));
    const double u_min = top_cut_fraction * e0;
    const double ratio = std::pow(u1 / u_min, 1.0 / static_cast<double>(geometric_intervals));
    double u = u1;
    for (std::size_t i = 0; i < geometric_intervals; ++i) {
      u /= ratio;
      edges.push_back(e0 - u);
    }
    using rule = boost::math::quadrature::gauss<double, nodes_per_interval>;
    const auto& abscissa = rule::abscissa();
    const auto& weight = rule::weights();
    std::vector<double> node_n;
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
      const double mid = 0.5 * (edges[k] + edges[k + 1]);
      const double half = 0.5 * (edges[k + 1] - edges[k]);
      for (std::size_t j = nodes_per_interval / 2; j-- > 0;) {
        const double e = mid - half * abscissa[j];
        node_e_.push_back(e);
        node_w_.push_back(half * weight[j]);
      }
      for (std::size_t j = 0; j < nodes_per_interval / 2; ++j) {
        const double e = mid + half * abscissa[j];
        node_e_.push_back(e);
        node_w_.push_back(half * weight[j]);
      }
    }
    node_n.reserve(node_e_.size());
    for (const double e : node_e_) node_n.push_back(density(e, track, xs));
    total_ = 0;
    double total_over_e = 0;
    for (std::size_t i = 0; i < node_e_.size(); ++i) {
      node_w_[i] *= node_n[i];
      total_ += node_w_[i];
      total_over_e += node_w_[i] / node_e_[i];
    }
    // Piecewise-linear density through the nodes (constant beyond the outer nodes) for the
    // cumulative tables, rescaled to the Gauss–Legendre totals.
    points_.push_back(threshold_);
    points_.insert(points_.end(), node_e_.begin(), node_e_.end());
    points_.push_back(edges.back());
    std::vector<double> dens;
    dens.push_back(node_n.front());
    dens.insert(dens.end(), node_n.begin(), node_n.end());
    dens.push_back(node_n.back());
    cum_count_.assign(points_.size(), 0.0);
    cum_over_e_.assign(points_.size(), 0.0);
    for (std::size_t i = 1; i < points_.size(); ++i) {
      const double de = points_[i] - points_[i - 1];
      cum_count_[i] = cum_count_[i - 1] + 0.5 * de * (dens[i] + dens[i - 1]);
      cum_over_e_[i] =
          cum_over_e_[i - 1] + 0.5 * de * (dens[i] / points_[i] + dens[i - 1] / points_[i - 1]);
    }
    const double sc = total_ / cum_count_.back();
    const double so = total_over_e / cum_over_e_.back();
    for (auto& c : cum_count_) c *= sc;
    for (auto& c : cum_over_e_) c *= so;
  }

  [[nodiscard]] double interpolate(const std::vector<double>& cum, double energy) const {
    if (!(energy > points_.front())) return 0.0;
    if (!(energy < points_.back())) return cum.back();
    const auto it = std::upper_bound(points_.begin(), points_.end(), energy);
    const auto i = static_cast<std::size_t>(it - points_.begin());
    const double f = (energy - points_[i - 1]) / (points_[i] - points_[i - 1]);
    return cum[i - 1] + f * (cum[i] - cum[i - 1]);
  }

  double mass_;
  double threshold_;
  thick_target target_;
  double total_ = 0;
  std::vector<double> node_e_, node_w_;
  std::vector<double> points_, cum_count_, cum_over_e_;
};

}  // namespace semivisible::production
