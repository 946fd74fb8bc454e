// semivisible/signal/yield.hpp — expected signal events in the S1 and S2 regions of a
// missing-energy setup, for the semi-visible and the invisible dark photon.
//
//   N_Si = EOT · N_A′(ε) · BR(A′→χ1χ2) · ⟨P_Si⟩ · ε_Si
// N_A′(ε) = ε² N_A′(1): A′ with E_A′ above the missing-energy threshold per EOT (aprime_spectrum).
// BR = Γ(A′→χ1χ2)/Γ_tot with Γ_tot including e⁺e⁻ and μ⁺μ⁻ (physics/aprime_width.hpp); ≈ 1.
// ⟨P_Si⟩: χ2 decay probability averaged over the χ2 boost distribution,
//   ⟨P⟩ = ∫dE h(E) P(λ(E)),  λ(E) = (p/m_χ2) cτ,  cτ = ħc/Γ(χ2), Γ(χ2) ∝ ε² α_D,
//   h(E) = ∫dE_A′ (dN/dE_A′)/N · flat(E; f₋E_A′, f₊E_A′),  f± = (E2* ± p*)/m_A′
// (kinematics/two_body.hpp; the A′ is ultra-relativistic, E_A′ ≥ 50 GeV ≫ m_A′, so its βγ/γ = 1
// to (m_A′/E_A′)²/2 ≤ 2e-4). With u = 1/(βγ) and the Laplace transform F(s) = ∫dE h e^{−s u},
//   P_S1 = F(s1) − F(s2) = G(s2) − G(s1),  P_S2 = F(s_end),  s = (z − z_prod)/cτ,  G = 1 − F
// (detector/decay_probability.hpp for one λ; G uses expm1 for small s). F and G are tabulated
// once per mass point on a grid in ln s with their exact slopes and evaluated by cubic Hermite
// interpolation in (ln s, ln F) and (ln s, ln G): events(ε, α_D) costs one log and a few exps.
// Invisible model: BR(A′→χχ̄) = 1, P_S1 = 0, P_S2 = 1 (all events in the missing-energy region).
// The χ2 width is computed in exactly one place, `chi2_width_at_unit_couplings` below.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include <boost/math/quadrature/gauss.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/detector/decay_probability.hpp"
#include "semivisible/detector/setup.hpp"
#include "semivisible/efficiency/selection.hpp"
#include "semivisible/error.hpp"
#include "semivisible/kinematics/two_body.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/chi2_width.hpp"
#include "semivisible/production/aprime_spectrum.hpp"

namespace semivisible::signal {

/// Which model: semi-visible (A′ → χ1χ2, χ2 → χ1 e⁺e⁻) or the standard invisible A′ (BR = 1).
enum class model_kind { semivisible, invisible };

/// Options of the yield: exposure, model, efficiencies and the optional calibration.
struct yield_options {
  double eot = 2.84e11;  ///< electrons on target (NA64 2016–2018)
  model_kind kind = model_kind::semivisible;
  efficiency::selection efficiencies = efficiency::na64_2016_2018_selection();
  /// Optional signal-efficiency calibration vs m_A′ multiplying both regions; empty (the default)
  /// = physics only. None is needed for the NA64 2019 invisible recast (efficiency/selection.hpp).
  std::optional<efficiency::efficiency_table> calibration{};
};

/// Expected events at one (ε, α_D). Probabilities are per A′ produced; efficiencies include the R
/// cut.
struct expected_events {
  double epsilon = 0;
  double alpha_dark = 0;
  double aprime_per_eot = 0;  ///< A′ with E_A′ > threshold per EOT (at ε)
  double branching_chi1chi2 = 1;
  double ctau_chi2_m = std::numeric_limits<double>::infinity();  ///< proper χ2 decay length [m]
  double probability_s1 = 0;  ///< ⟨P(χ2 decays in the S1 volume)⟩
  double probability_s2 = 0;  ///< ⟨P(χ2 decays beyond the setup)⟩
  double efficiency_s1 = 0;
  double efficiency_s2 = 0;
  double events_s1 = 0;
  double events_s2 = 0;
  [[nodiscard]] double total() const noexcept { return events_s1 + events_s2; }
};

namespace detail {
/// Γ(χ2 → χ1 ℓℓ) [GeV] at ε = 1, α_D = 1 — THE one place the χ2 width enters the yield.
/// Γ ∝ ε² α_D exactly, so events(ε, α_D) rescales it. It is the exact leading-order width of all
/// open channels (e⁺e⁻, μ⁺μ⁻; physics/chi2_width.hpp), not the paper's Eq. 2 with constant K: the
/// two agree within 1 % for m_A′ ≳ 0.15 GeV at the benchmark; below, K falls with m_e/Δ.
[[nodiscard]] inline double chi2_width_at_unit_couplings(const model::parameters<double>& p) {
  const auto unit = p.with_epsilon(1.0).with_alpha_dark(1.0);
  return physics::chi2_width_total(unit);
}
}  // namespace detail

/// The ECAL of a setup as a thick lead target (thickness, beam energy from the setup).
[[nodiscard]] inline production::thick_target thick_target_of(const detector::setup& setup) {
  return production::thick_target{production::lead, setup.ecal_thickness_X0, setup.beam_energy_GeV};
}

/// The mass-independent primary-electron track-length tables of a setup (≈ 25 ms): build once per
/// setup and pass to make_spectrum for every mass of a scan.
[[nodiscard]] inline production::primary_track_length make_track_length(
    const detector::setup& setup) {
  setup.validate();
  return production::primary_track_length(setup.beam_energy_GeV, setup.ecal_thickness_X0,
                                          setup.missing_energy_threshold_GeV);
}

/// The A′ spectrum (E_A′ > the setup's missing-energy threshold) for m_A′ [GeV] in `setup`'s ECAL
/// (≈ 2–3 ms): cache it per m_A′; yield_model(spectrum, point, setup) is then ≈ 0.1 ms.
[[nodiscard]] inline production::aprime_spectrum make_spectrum(
    double mass_aprime, const detector::setup& setup,
    const production::primary_track_length& track) {
  return production::aprime_spectrum(mass_aprime, setup.missing_energy_threshold_GeV,
                                     thick_target_of(setup), track);
}

/// Per-mass-point yield: precomputes everything that depends only on the masses, the setup and
/// the options; events(ε[, α_D]) is then allocation-free and O(100 ns).
class yield_model {
 public:
  static constexpr std::size_t table_points = 112;
  static constexpr std::size_t nodes_per_interval = 5;

  /// From an existing (cached) A′ spectrum; its m_A′, beam energy, threshold and thickness must
  /// match the point and the setup. The ε and α_D of `point` are irrelevant.
  yield_model(const production::aprime_spectrum& spectrum, const model::parameters<double>& point,
              const detector::setup& setup, const yield_options& options = {})
      : options_kind_(options.kind), eot_(options.eot) {
    init(spectrum, point, setup, options);
  }

  /// Builds the spectrum too (costs milliseconds; cache spectra in scans).
  yield_model(const model::parameters<double>& point, const detector::setup& setup,
              const yield_options& options = {})
      : options_kind_(options.kind), eot_(options.eot) {
    setup.validate();
    const production::aprime_spectrum spectrum(
        point.mass_aprime(), setup.missing_energy_threshold_GeV, thick_target_of(setup));
    init(spectrum, point, setup, options);
  }

  /// Expected events at ε with the α_D of the constructing point.
  [[nodiscard]] expected_events events(double epsilon) const {
    return events(epsilon, alpha_dark_);
  }

  /// Expected events at (ε, α_D): production ∝ ε², Γ(χ2) ∝ ε² α_D, BR from the widths.
  [[nodiscard]] expected_events events(double epsilon, double alpha_dark) const {
    constexpr const char* fn = "semivisible::signal::yield_model::events";
    if (!(epsilon > 0) || !std::isfinite(epsilon))
      semivisible::detail::throw_invalid(fn, "epsilon", epsilon, "finite and > 0");
    if (!(alpha_dark > 0) || !std::isfinite(alpha_dark))
      semivisible::detail::throw_invalid(fn, "alpha_dark", alpha_dark, "finite and > 0");
    expected_events r;
    r.epsilon = epsilon;
    r.alpha_dark = alpha_dark;
    const double e2 = epsilon * epsilon;
    r.aprime_per_eot = aprime_unit_ * e2;
    r.efficiency_s1 = efficiency_s1_;
    r.efficiency_s2 = efficiency_s2_;
    if (options_kind_ == model_kind::invisible) {
      r.branching_chi1chi2 = 1.0;
      r.probability_s2 = 1.0;
    } else {
      const double g12 = alpha_dark * width_aprime_chi_unit_;
      r.branching_chi1chi2 = g12 / (g12 + e2 * width_aprime_sm_unit_);
      if (stable_) {
        r.probability_s2 = 1.0;
      } else {
        const double lc = 2 * std::log(epsilon) + std::log(alpha_dark) + log_width_over_hbarc_;
        r.ctau_chi2_m = std::exp(-lc);
        const double g1 = table_g(log_z_[0] + lc);
        if (g1 < 0.5) {
          r.probability_s1 = std::max(0.0, table_g(log_z_[1] + lc) - g1);
        } else {
          r.probability_s1 = std::max(0.0, table_f(log_z_[0] + lc) - table_f(log_z_[1] + lc));
        }
        r.probability_s2 = table_f(log_z_[2] + lc);
      }
    }
    const double produced = eot_ * r.aprime_per_eot * r.branching_chi1chi2;
    r.events_s1 = produced * r.probability_s1 * efficiency_s1_;
    r.events_s2 = produced * r.probability_s2 * efficiency_s2_;
    return r;
  }

  [[nodiscard]] double mass_aprime() const noexcept { return mass_aprime_; }
  [[nodiscard]] double alpha_dark() const noexcept { return alpha_dark_; }
  [[nodiscard]] double eot() const noexcept { return eot_; }
  [[nodiscard]] model_kind kind() const noexcept { return options_kind_; }
  /// Mean 1/(βγ) of χ2 over the produced spectrum.
  [[nodiscard]] double mean_inverse_boost() const noexcept { return mean_u_; }
  /// ⟨E_χ2⟩ [GeV] over the produced spectrum (semi-visible).
  [[nodiscard]] double mean_energy_chi2() const noexcept { return mean_e_; }
  /// Distances from the production point to the S1 start, S1 end and the end of the setup [m].
  [[nodiscard]] std::array<double, 3> distances_m() const noexcept { return z_; }

  /// ⟨P⟩ for a given proper decay length cτ [m] by direct quadrature over the node set (no table):
  /// an independent check of the tabulated path (tests) and for callers needing a single cτ.
  [[nodiscard]] std::array<double, 2> probabilities_direct(double ctau_m) const {
    double p1 = 0, p2 = 0;
    for (std::size_t i = 0; i < node_u_.size(); ++i) {
      const double lambda = ctau_m / node_u_[i];
      p1 += node_w_[i] * detector::decay_probability_between(0.0, z_[0], z_[1], lambda);
      p2 += node_w_[i] * detector::decay_probability_beyond(0.0, z_[2], lambda);
    }
    return {p1, p2};
  }

 private:
  void init(const production::aprime_spectrum& spectrum, const model::parameters<double>& point,
            const detector::setup& setup, const yield_options& options) {
    constexpr const char* fn = "semivisible::signal::yield_model";
    setup.validate();
    semivisible::detail::require_positive(fn, "eot", options.eot);
    mass_aprime_ = point.mass_aprime();
    alpha_dark_ = point.alpha_dark();
    if (std::abs(spectrum.mass_aprime() - mass_aprime_) > 1e-12 * mass_aprime_)
      semivisible::detail::throw_invalid(fn, "spectrum.mass_aprime", spectrum.mass_aprime(),
                                         fmt::format("= point mass_aprime {}", mass_aprime_));
    if (spectrum.beam_energy() != setup.beam_energy_GeV)
      semivisible::detail::throw_invalid(
          fn, "spectrum.beam_energy", spectrum.beam_energy(),
          fmt::format("= setup beam_energy_GeV {}", setup.beam_energy_GeV));
    if (spectrum.energy_threshold() != setup.missing_energy_threshold_GeV)
      semivisible::detail::throw_invalid(fn, "spectrum.energy_threshold",
                                         spectrum.energy_threshold(),
                                         fmt::format("= setup missing_energy_threshold_GeV {}",
                                                     setup.missing_energy_threshold_GeV));
    if (spectrum.target().thickness_X0 != setup.ecal_thickness_X0)
      semivisible::detail::throw_invalid(
          fn, "spectrum thickness_X0", spectrum.target().thickness_X0,
          fmt::format("= setup ecal_thickness_X0 {}", setup.ecal_thickness_X0));
    aprime_unit_ = spectrum.per_eot(1.0);
    const auto& eff = options.efficiencies;
    const double cal = options.calibration ? (*options.calibration)(mass_aprime_) : 1.0;
    efficiency_s1_ = eff.selection_s1(mass_aprime_) * eff.r_cut_s1(mass_aprime_) * cal;
    efficiency_s2_ = eff.selection_s2(mass_aprime_) * cal;
    z_ = {setup.s1_start_m() - setup.production_z_m, setup.s1_end_m() - setup.production_z_m,
          setup.end_of_setup_m - setup.production_z_m};
    for (std::size_t k = 0; k < 3; ++k) log_z_[k] = std::log(z_[k]);
    if (options_kind_ == model_kind::invisible) return;

    // Widths at unit couplings: A′ → χ1χ2 ∝ α_D, A′ → ℓℓ ∝ ε², χ2 → χ1ℓℓ ∝ ε² α_D.
    width_aprime_chi_unit_ =
        physics::aprime_width_chi1chi2(mass_aprime_, 1.0, point.mass_chi1(), point.mass_chi2());
    width_aprime_sm_unit_ =
        physics::aprime_width_leptons(mass_aprime_, 1.0, constants::mass_electron) +
        physics::aprime_width_leptons(mass_aprime_, 1.0, constants::mass_muon);
    const double width_chi2 = detail::chi2_width_at_unit_couplings(point);
    stable_ = !(width_chi2 > 0);
    log_width_over_hbarc_ = stable_ ? 0.0 : std::log(width_chi2 / constants::hbar_c);

    // χ2 energy density h(E) on Gauss–Legendre nodes.
    const auto rf = kinematics::rest_frame(mass_aprime_, point.mass_chi1(), point.mass_chi2());
    const double f_lo = (rf.energy_chi2 - rf.momentum) / mass_aprime_;
    const double f_hi = (rf.energy_chi2 + rf.momentum) / mass_aprime_;
    const double e_cut = spectrum.energy_threshold();
    const double e_top = spectrum.energy_top();
    std::array<double, 4> b{f_lo * e_cut, f_hi * e_cut, f_lo * e_top, f_hi * e_top};
    std::sort(b.begin(), b.end());
    std::vector<double> edges{b[0], 0.5 * (b[0] + b[1]), b[1], 0.5 * (b[1] + b[2]), b[2]};
    double u = b[3] - b[2];
    const double u_min = 1e-5 * b[3];
    while (u > u_min) {
      u /= 3.0;
      edges.push_back(b[3] - std::max(u, 0.0));
    }
    edges.back() = b[3];
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    using rule = boost::math::quadrature::gauss<double, nodes_per_interval>;
    const auto& ab = rule::abscissa();
    const auto& wt = rule::weights();
    const double m2 = point.mass_chi2();
    const double norm = 1.0 / ((f_hi - f_lo) * aprime_unit_);
    double total = 0, mean_u = 0, mean_e = 0;
    auto add_node = [&](double e, double w) {
      const double h = (spectrum.cumulative_over_energy(std::min(e / f_lo, e_top)) -
                        spectrum.cumulative_over_energy(std::max(e / f_hi, e_cut))) *
                       norm;
      if (!(h > 0)) return;
      const double p = std::sqrt(std::max(e * e - m2 * m2, 1e-6 * m2 * m2));
      node_u_.push_back(m2 / p);
      node_w_.push_back(w * h);
      total += w * h;
      mean_u += w * h * m2 / p;
      mean_e += w * h * e;
    };
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
      const double mid = 0.5 * (edges[k] + edges[k + 1]), half = 0.5 * (edges[k + 1] - edges[k]);
      for (std::size_t j = 0; j < ab.size(); ++j) {
        add_node(mid - half * ab[j], half * wt[j]);
        if (ab[j] != 0) add_node(mid + half * ab[j], half * wt[j]);
      }
    }
    // Normalise to exactly 1 (the quadrature of h reproduces 1 to ~1e-4).
    for (auto& w : node_w_) w /= total;
    mean_u_ = mean_u / total;
    mean_e_ = mean_e / total;
    double mean_u2 = 0;
    for (std::size_t i = 0; i < node_u_.size(); ++i)
      mean_u2 += node_w_[i] * node_u_[i] * node_u_[i];
    mean_u2_ = mean_u2;
    const double u_lo = *std::min_element(node_u_.begin(), node_u_.end());
    const double u_hi = *std::max_element(node_u_.begin(), node_u_.end());
    x0_ = std::log(1e-7 / u_hi);
    const double x1 = std::log(500.0 / u_lo);
    dx_ = (x1 - x0_) / static_cast<double>(table_points - 1);
    for (std::size_t t = 0; t < table_points; ++t) {
      const double s = std::exp(x0_ + dx_ * static_cast<double>(t));
      double f = 0, g = 0, d = 0;
      for (std::size_t i = 0; i < node_u_.size(); ++i) {
        // One transcendental per node: expm1 where e^{-su} is near 1 (G needs it), exp in the
        // tail (1 + expm1 would round e^{-su} < 1e-16 to 0 there).
        const double su = s * node_u_[i];
        double e = 0, one_minus_e = 0;
        if (su < 1) {
          const double em1 = std::expm1(-su);
          e = 1 + em1;
          one_minus_e = -em1;
        } else {
          e = std::exp(-su);
          one_minus_e = 1 - e;
        }
        f += node_w_[i] * e;
        g += node_w_[i] * one_minus_e;
        d += node_w_[i] * node_u_[i] * e;
      }
      ln_f_[t] = std::log(f);
      ln_g_[t] = std::log(g);
      slope_f_[t] = -s * d / f;  // d ln F / d ln s
      slope_g_[t] = s * d / g;   // d ln G / d ln s
    }
  }

  // Cubic Hermite interpolation of a tabulated (ln y, slope) at x = ln s.
  [[nodiscard]] double hermite(const std::array<double, table_points>& y,
                               const std::array<double, table_points>& d, double x) const noexcept {
    const double v = (x - x0_) / dx_;
    auto i = static_cast<std::size_t>(v);
    if (i > table_points - 2) i = table_points - 2;
    const double t = v - static_cast<double>(i);
    const double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * y[i] + (t3 - 2 * t2 + t) * dx_ * d[i] +
           (-2 * t3 + 3 * t2) * y[i + 1] + (t3 - t2) * dx_ * d[i + 1];
  }
  [[nodiscard]] double table_g(double x) const noexcept {
    if (x < x0_) {  // G(s) = s⟨u⟩ − s²⟨u²⟩/2 + O(s³), s⟨u⟩ < 1e-7
      const double s = std::exp(x);
      return s * mean_u_ - 0.5 * s * s * mean_u2_;
    }
    if (x >= x0_ + dx_ * static_cast<double>(table_points - 1)) return 1.0;
    return std::exp(hermite(ln_g_, slope_g_, x));
  }
  [[nodiscard]] double table_f(double x) const noexcept {
    if (x < x0_) return 1.0 - table_g(x);
    if (x >= x0_ + dx_ * static_cast<double>(table_points - 1)) return 0.0;  // F < e^{-500}
    return std::exp(hermite(ln_f_, slope_f_, x));
  }

  model_kind options_kind_;
  double eot_;
  double mass_aprime_ = 0;
  double alpha_dark_ = 0;
  double aprime_unit_ = 0;
  double efficiency_s1_ = 0;
  double efficiency_s2_ = 0;
  std::array<double, 3> z_{};
  std::array<double, 3> log_z_{};
  double width_aprime_chi_unit_ = 0;
  double width_aprime_sm_unit_ = 0;
  bool stable_ = false;
  double log_width_over_hbarc_ = 0;
  double mean_u_ = 0, mean_u2_ = 0, mean_e_ = 0;
  std::vector<double> node_u_, node_w_;
  double x0_ = 0, dx_ = 1;
  std::array<double, table_points> ln_f_{}, ln_g_{}, slope_f_{}, slope_g_{};
};

}  // namespace semivisible::signal
