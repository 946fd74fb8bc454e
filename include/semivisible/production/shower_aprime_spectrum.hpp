// semivisible/production/shower_aprime_spectrum.hpp — the A′ energy spectrum per electron on
// target from dark bremsstrahlung of the whole electromagnetic shower (primary + secondary e±).
//
//   dN/dE_A′ = n_X0 Σ_{e⁻,e⁺} ∫_{E_A′}^{E0} dE (dL/dE) (1/E) dσ_ETL/dx(x = E_A′/E; E)
// (Bjorken et al. PRD 80 (2009) 075018 Eq. (A25) with the track length of all shower e±, as in
// Andreas et al. PRD 86 (2012) 095019 and Marsicano et al. PRD 98 (2018) 015031; e⁺ and e⁻
// radiate with the same cross section), n_X0 = X0ρN_A/A atoms per unit area per X0.
//   - primary: Tsai's track length (track_length.hpp) — for lead this is exactly
//     aprime_spectrum.hpp (same nodes, same integrals; tested to 1e-12) — or the cascade's own
//     primary (complete-screening energy loss, shower_track_length.hpp);
//   - secondaries: all e⁺ and e⁻ created in pairs (shower_track_length.hpp, Approximation B);
//   - dσ_ETL/dx: the IWW x-shape normalised to σ_IWW/K with the material-aware K of
//     k_factor_material.hpp (for lead DMG4's table, as cross_section.hpp; for another material
//     the WW-scaled K, with lead's edge values outside DMG4's grid, e.g. E < 20 GeV for E137).
// Nodes: the 144 Gauss–Legendre nodes of aprime_spectrum.hpp in E_A′ ∈ [E_cut, E0(1 − 1e-10)].
// The secondary density at a node is an adaptive Gauss–Kronrod integral in v = −ln(1 − x)
// (flat in the 1/(1 − x) peak of dσ/dx) over the interpolated shower track length.
// Everything is per EOT at ε = 1 (the yield scales as ε²). Tsai's primary uses
// min(T, 100) X0 (beyond 100 X0 the primary is below any threshold ≥ 1e-50 E0).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/cross_section.hpp"
#include "semivisible/production/k_factor_material.hpp"
#include "semivisible/production/materials.hpp"
#include "semivisible/production/shower_track_length.hpp"
#include "semivisible/production/spectrum.hpp"
#include "semivisible/production/track_length.hpp"

namespace semivisible::production {

/// dσ_ETL/dx at ε = 1 tabulated over electron energies [E_lo, E_hi] (as etl_cross_section of
/// cross_section.hpp, 21 points in ln E) with the material-aware K (k_factor_for, edge values
/// outside DMG4's grid). For lead it equals etl_cross_section to rounding.
class material_etl_cross_section {
 public:
  static constexpr std::size_t n_energies = etl_cross_section::n_energies;

  material_etl_cross_section(double mass_aprime, double energy_lo, double energy_hi,
                             const target_material& mat,
                             form_factors which = form_factors::elastic_and_inelastic)
      : mass_(mass_aprime), log_lo_(std::log(energy_lo)) {
    constexpr const char* fn = "semivisible::production::material_etl_cross_section";
    semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
    semivisible::detail::require_positive(fn, "energy_lo", energy_lo);
    if (!(energy_hi > energy_lo) || !std::isfinite(energy_hi))
      semivisible::detail::throw_invalid(fn, "energy_hi", energy_hi,
                                         fmt::format("finite and > energy_lo = {}", energy_lo));
    if (!(mass_aprime < energy_lo))
      semivisible::detail::throw_invalid(fn, "mass_aprime", mass_aprime,
                                         fmt::format("< energy_lo = {} GeV", energy_lo));
    step_ = (std::log(energy_hi) - log_lo_) / static_cast<double>(n_energies - 1);
    // K: lead → DMG4's table at each energy (as etl_cross_section); another material → lead's
    // table × the WW ratio K_WW,mat/K_WW,Pb, computed at 5 energies (every 5th table point) and
    // interpolated linearly in ln E (the ratio varies by < 3 % per decade of E: error < 1e-3).
    constexpr std::size_t ratio_stride = 5;
    std::array<double, n_energies> ww_ratio{};
    ww_ratio.fill(1.0);
    if (!is_lead(mat)) {
      for (std::size_t i = 0; i < n_energies; i += ratio_stride) {
        const double e = std::exp(log_lo_ + step_ * static_cast<double>(i));
        ww_ratio[i] =
            k_factor_ww(mass_aprime, e, mat, which) / k_factor_ww(mass_aprime, e, lead, which);
      }
      for (std::size_t i = 0; i < n_energies; ++i) {
        const std::size_t lo =
            std::min(i / ratio_stride * ratio_stride, n_energies - 1 - ratio_stride);
        const double f = static_cast<double>(i - lo) / static_cast<double>(ratio_stride);
        ww_ratio[i] = ww_ratio[lo] + f * (ww_ratio[lo + ratio_stride] - ww_ratio[lo]);
      }
    }
    for (std::size_t i = 0; i < n_energies; ++i) {
      const double e = std::exp(log_lo_ + step_ * static_cast<double>(i));
      const double k = k_factor_etl(mass_aprime, e) * ww_ratio[i];
      log_norm_[i] = std::log(iww_total_cross_section(mass_aprime, e, 1.0, mat, which) / k /
                              iww_x_shape_integral(mass_aprime, e));
    }
  }

  [[nodiscard]] double mass_aprime() const noexcept { return mass_; }
  /// dσ_ETL/dx at ε = 1 [GeV⁻²] for an electron of energy E [GeV].
  [[nodiscard]] double differential(double x, double energy) const noexcept {
    return normalisation(energy) * iww_x_shape(x, mass_, energy);
  }
  /// σ_ETL/∫shape at energy E (interpolated linearly in ln E; constant beyond the table).
  [[nodiscard]] double normalisation(double energy) const noexcept {
    double u = (std::log(energy) - log_lo_) / step_;
    u = std::clamp(u, 0.0, static_cast<double>(n_energies - 1));
    const auto i = std::min(static_cast<std::size_t>(u), n_energies - 2);
    const double f = u - static_cast<double>(i);
    return std::exp(log_norm_[i] + f * (log_norm_[i + 1] - log_norm_[i]));
  }

 private:
  double mass_;
  double log_lo_;
  double step_ = 0;
  std::array<double, n_energies> log_norm_{};
};

/// Which shower e± radiate, and the model of the primary's track length.
enum class shower_radiators { primary_only, whole_shower };
enum class primary_track_model {
  tsai,    ///< track_length.hpp (Tsai Eq. (3.84)): equals aprime_spectrum.hpp for lead
  cascade  ///< the cascade's primary (complete-screening energy loss, with ionisation)
};

struct shower_spectrum_options {
  shower_radiators radiators = shower_radiators::whole_shower;
  primary_track_model primary = primary_track_model::tsai;
  form_factors which = form_factors::elastic_and_inelastic;
};

/// dN/dE_A′ per EOT at ε = 1 above a threshold, from the whole shower (see the header comment).
class shower_aprime_spectrum final : public energy_spectrum {
 public:
  static constexpr double tsai_thickness_cap_X0 = 100.0;

  /// A′ mass m [GeV], threshold E_cut [GeV] (m < E_cut < E0), target material, thickness [X0]
  /// (+∞ allowed) and the shower of the beam (its beam energy and thickness define E0 and T;
  /// shower.energy_lo() ≤ E_cut). The shower is mass independent: build it once.
  /// `tsai`: the primary's Tsai track length for this beam and thickness (covering E_cut), reused
  /// between masses; nullptr builds it (≈ 25 ms) when the options ask for Tsai's primary.
  shower_aprime_spectrum(double mass_aprime, double energy_threshold, const material& mat,
                         const shower_track_length& shower, shower_spectrum_options options = {},
                         const primary_track_length* tsai = nullptr)
      : mass_(mass_aprime),
        threshold_(energy_threshold),
        e0_(shower.beam_energy()),
        material_(mat),
        options_(options) {
    constexpr const char* fn = "semivisible::production::shower_aprime_spectrum";
    semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
    semivisible::detail::require_positive(fn, "energy_threshold", energy_threshold);
    if (!(energy_threshold < e0_))
      semivisible::detail::throw_invalid(fn, "energy_threshold", energy_threshold,
                                         fmt::format("< beam_energy = {} GeV", e0_));
    if (!(mass_aprime < energy_threshold))
      semivisible::detail::throw_invalid(
          fn, "mass_aprime", mass_aprime,
          fmt::format("< energy_threshold = {} GeV", energy_threshold));
    if (shower.energy_lo() > energy_threshold)
      semivisible::detail::throw_invalid(fn, "shower.energy_lo", shower.energy_lo(),
                                         fmt::format("<= energy_threshold {}", energy_threshold));
    if (tsai && (tsai->beam_energy() != e0_ || tsai->energy_lo() > energy_threshold))
      semivisible::detail::throw_invalid(fn, "tsai.energy_lo", tsai->energy_lo(),
                                         "a table of the same beam covering energy_threshold");
    build(shower, tsai);
  }

  [[nodiscard]] double mass_aprime() const noexcept override { return mass_; }
  [[nodiscard]] double energy_threshold() const noexcept override { return threshold_; }
  [[nodiscard]] double beam_energy() const noexcept { return e0_; }
  [[nodiscard]] const shower_spectrum_options& options() const noexcept { return options_; }
  [[nodiscard]] double per_particle() const noexcept override { return total_; }

  /// A′ with E_A′ > threshold per EOT at mixing ε (all radiators in the options).
  [[nodiscard]] double per_eot(double epsilon = 1.0) const noexcept {
    return epsilon * epsilon * total_;
  }
  /// The part from the primary, and the part from secondary e± (ε = 1).
  [[nodiscard]] double per_eot_primary() const noexcept { return total_primary_; }
  [[nodiscard]] double per_eot_secondary() const noexcept { return total_ - total_primary_; }

  /// A′ per EOT at ε = 1 with E_A′ in [threshold, E] (piecewise-linear density between nodes).
  [[nodiscard]] double cumulative(double energy) const { return interpolate(cum_count_, energy); }
  /// ∫_{threshold}^{E} dE′ (dN/dE′)/E′ at ε = 1 [1/GeV].
  [[nodiscard]] double cumulative_over_energy(double energy) const override {
    return interpolate(cum_over_e_, energy);
  }
  [[nodiscard]] double energy_top() const noexcept override { return points_.back(); }
  /// Quadrature nodes E_A′ [GeV] and weights × dN/dE_A′ at ε = 1: Σ w_i f(E_i) ≈ ∫ dN f.
  [[nodiscard]] const std::vector<double>& node_energies() const noexcept override {
    return node_e_;
  }
  [[nodiscard]] const std::vector<double>& node_weights() const noexcept override {
    return node_w_;
  }
  /// dN/dE_A′ [1/GeV] at ε = 1 at the nodes: from the primary and from the secondaries.
  [[nodiscard]] const std::vector<double>& node_density_primary() const noexcept {
    return dens_primary_;
  }
  [[nodiscard]] const std::vector<double>& node_density_secondary() const noexcept {
    return dens_secondary_;
  }
  /// The dσ_ETL/dx table the spectrum was built with (over [threshold, beam energy]): the angular
  /// sampler reuses it instead of recomputing the K factors (most of a spectrum's cost).
  [[nodiscard]] const material_etl_cross_section& cross_section() const noexcept { return *xs_; }

 private:
  void build(const shower_track_length& shower, const primary_track_length* tsai_in) {
    const double n_x0 = material_.atoms.atoms_per_radiation_length_m2() * constants::hbar_c_squared;
    xs_.emplace(mass_, threshold_, e0_, material_.atoms, options_.which);
    const material_etl_cross_section& xs = *xs_;
    // Nodes: exactly aprime_spectrum's layout.
    std::vector<double> edges;
    const double span = e0_ - threshold_;
    const double u1 = 0.2 * span;
    for (std::size_t i = 0; i <= aprime_spectrum::uniform_intervals; ++i)
      edges.push_back(threshold_ + (span - u1) * static_cast<double>(i) /
                                       static_cast<double>(aprime_spectrum::uniform_intervals));
    const double u_min = aprime_spectrum::top_cut_fraction * e0_;
    const double ratio =
        std::pow(u1 / u_min, 1.0 / static_cast<double>(aprime_spectrum::geometric_intervals));
    double u = u1;
    for (std::size_t i = 0; i < aprime_spectrum::geometric_intervals; ++i) {
      u /= ratio;
      edges.push_back(e0_ - u);
    }
    using rule = boost::math::quadrature::gauss<double, aprime_spectrum::nodes_per_interval>;
    const auto& abscissa = rule::abscissa();
    const auto& weight = rule::weights();
    std::vector<double> raw_w;
    constexpr std::size_t half_n = aprime_spectrum::nodes_per_interval / 2;
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
      const double mid = 0.5 * (edges[k] + edges[k + 1]);
      const double half = 0.5 * (edges[k + 1] - edges[k]);
      for (std::size_t j = half_n; j-- > 0;) {
        node_e_.push_back(mid - half * abscissa[j]);
        raw_w.push_back(half * weight[j]);
      }
      for (std::size_t j = 0; j < half_n; ++j) {
        node_e_.push_back(mid + half * abscissa[j]);
        raw_w.push_back(half * weight[j]);
      }
    }
    // Primary.
    dens_primary_.assign(node_e_.size(), 0.0);
    dens_secondary_.assign(node_e_.size(), 0.0);
    if (options_.primary == primary_track_model::tsai) {
      std::optional<primary_track_length> own;
      if (!tsai_in)
        own.emplace(e0_, std::min(shower.thickness_X0(), tsai_thickness_cap_X0), threshold_);
      const primary_track_length& tsai = tsai_in ? *tsai_in : *own;
      for (std::size_t i = 0; i < node_e_.size(); ++i) {
        const double e = node_e_[i];
        auto g = [&](double e_e) { return xs.differential(e / e_e, e_e) / e_e; };
        dens_primary_[i] = n_x0 * tsai.integrate(g, e + constants::mass_electron);
      }
    } else {
      for (std::size_t i = 0; i < node_e_.size(); ++i)
        dens_primary_[i] = n_x0 * convolve(shower, shower_species::primary, xs, node_e_[i]);
    }
    if (options_.radiators == shower_radiators::whole_shower)
      for (std::size_t i = 0; i < node_e_.size(); ++i)
        dens_secondary_[i] = n_x0 * convolve(shower, shower_species::secondary, xs, node_e_[i]);
    // Totals and cumulative tables (as aprime_spectrum).
    node_w_.resize(node_e_.size());
    std::vector<double> node_n(node_e_.size());
    total_ = total_primary_ = 0;
    double total_over_e = 0;
    for (std::size_t i = 0; i < node_e_.size(); ++i) {
      node_n[i] = dens_primary_[i] + dens_secondary_[i];
      node_w_[i] = raw_w[i] * node_n[i];
      total_primary_ += raw_w[i] * dens_primary_[i];
      total_ += node_w_[i];
      total_over_e += node_w_[i] / node_e_[i];
    }
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
    const double sc = cum_count_.back() > 0 ? total_ / cum_count_.back() : 0.0;
    const double so = cum_over_e_.back() > 0 ? total_over_e / cum_over_e_.back() : 0.0;
    for (auto& c : cum_count_) c *= sc;
    for (auto& c : cum_over_e_) c *= so;
  }

  // ∫ dE (dL/dE)(1/E) dσ/dx(E_A′/E; E) over E ∈ (E_A′, E0) for one species, in v = −ln(1 − x):
  // E = E_A′/x, the integrand becomes (e^{−v}/x) (dL/dE)(E) dσ/dx(x; E), v ∈ (v(E0), ln(1 +
  // E_A′/m_e)) (x < 1 − m_e/E). Adaptive Gauss–Kronrod, relative 1e-4 (the secondaries are 5–8 %
  // of the total at NA64: 1e-5 on it; 1e-6 changes them by 2e-4 and costs 2–3×).
  [[nodiscard]] static double convolve(const shower_track_length& shower, shower_species which,
                                       const material_etl_cross_section& xs, double energy_aprime) {
    const double e0 = shower.beam_energy();
    const double v_lo = -std::log1p(-energy_aprime / e0);
    const double v_hi = std::log1p(energy_aprime / constants::mass_electron);
    if (!(v_hi > v_lo)) return 0.0;
    auto f = [&](double v) {
      const double one_minus_x = std::exp(-v);
      const double x = -std::expm1(-v);
      const double e = energy_aprime / x;
      if (!(e < e0)) return 0.0;
      return one_minus_x / x * shower.density(e, which) * xs.differential(x, e);
    };
    double error = 0;
    return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(f, v_lo, v_hi, 10, 1e-4,
                                                                         &error);
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
  double e0_;
  material material_;
  shower_spectrum_options options_;
  double total_ = 0, total_primary_ = 0;
  std::vector<double> node_e_, node_w_, dens_primary_, dens_secondary_;
  std::vector<double> points_, cum_count_, cum_over_e_;
  std::optional<material_etl_cross_section> xs_;
};

}  // namespace semivisible::production
