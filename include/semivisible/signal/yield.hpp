// semivisible/signal/yield.hpp — expected signal events in every signal region of an experiment,
// for the semi-visible, invisible and visible dark photon.
//
//   N_r = N_POT · N_A′(ε) · BR · ⟨P_r⟩ · f_r · ε_r
// N_A′(ε) = ε² N_A′(1): A′ per particle on target above the region's A′ energy threshold, summed
// over the experiment's production sources (production/sources.hpp). BR: the decay into the
// state whose decay the regions see — semi-visible: BR(A′→χ1χ2) = Γ12/(Γ12 + Γ_ee + Γ_μμ)
// (physics/aprime_width.hpp); visible and invisible: 1. ⟨P_r⟩: the decaying particle's (χ2, or the
// A′ in the visible model) probability to decay inside the region's interval [a_r, b_r] along the
// beam, averaged over its boost distribution (signal/decay_table.hpp); a stable particle (invisible
// model, χ2 below the e⁺e⁻ threshold) reaches every region open to infinity (P = 1) and no other.
// f_r: the fraction of decays the region sees — visible model: BR(A′ → e⁺e⁻) in a `visible`
// region (an electromagnetic-shower signature), 1 in a `missing_energy` one; semi-visible: 1
// (all χ2 decays give a lepton pair). ε_r: the region's efficiency at m_A′.
// The decaying particle's energy distribution: semi-visible — the χ2 of A′ → χ1χ2 in flight, flat
// between f₋E_A′ and f₊E_A′, f± = (E2* ± p*)/m_A′ (kinematics/two_body.hpp), folded with the A′
// spectrum; visible — the A′ spectrum itself (nodes of production/spectrum.hpp). The A′ is taken
// along the beam (full acceptance: regions without a detector plane); the boost distributions are
// built by signal/detail/lab_decay_tables.hpp.
// ε (and α_D) enter only through the lifetime, cτ = ħc/Γ with Γ ∝ ε² α_D (χ2) or ε² (A′), and the
// production ∝ ε²: after the per-mass precompute, events(ε, α_D) costs one log and a few exps per
// region and allocates nothing. The χ2 width is computed in one place,
// `detail::chi2_width_at_unit_couplings`.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/kinematics/two_body.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/chi2_width.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/production/spectrum.hpp"
#include "semivisible/signal/decay_table.hpp"
#include "semivisible/signal/detail/lab_decay_tables.hpp"
#include "semivisible/signal/event_acceptance.hpp"
#include "semivisible/signal/model_kind.hpp"

namespace semivisible::signal {

inline constexpr std::size_t max_regions = experiment::experiment::max_regions;

/// One region's part of the expected events at one (ε, α_D).
struct region_events {
  double probability = 0;  ///< ⟨P(decay in the region's interval)⟩
  double acceptance = 1;   ///< fraction of those decays the region sees (geometry × channel)
  double efficiency = 0;   ///< the region's efficiency at m_A′
  double events = 0;       ///< expected signal events for the exposure
};

/// Expected events at one (ε, α_D), one entry per region in the experiment's order.
struct expected_events {
  double epsilon = 0;
  double alpha_dark = 0;
  double aprime_per_particle = 0;  ///< A′ per particle on target above the first region's threshold
  double branching = 1;            ///< BR of the A′ into the state the regions see (χ1χ2; 1)
  double ctau_m = std::numeric_limits<double>::infinity();  ///< decaying particle's cτ [m]
  std::size_t region_count = 0;
  std::array<region_events, max_regions> regions{};
  [[nodiscard]] double total() const noexcept {
    double t = 0;
    for (std::size_t i = 0; i < region_count; ++i) t += regions[i].events;
    return t;
  }
};

/// The exposure and the model of a yield computation, and the event sample of the regions that
/// need the event-level acceptance (a detector plane or a visible-energy threshold).
struct yield_options {
  model_kind kind = model_kind::semivisible;
  double exposure = 0;                      ///< particles on target; 0: the experiment's own
  production::sampling_options sampling{};  ///< angles per A′ energy node, seed, stream
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

/// The lowest A′ energy region r uses: its threshold, floored at the sources' lowest energy.
[[nodiscard]] inline double region_energy_min(const experiment::experiment& e,
                                              const experiment::region& r) {
  return std::max(r.aprime_energy_min_GeV, production::lowest_energy_of_interest(e));
}

}  // namespace detail

/// A function giving the summed spectrum of an experiment's sources for (m_A′, E_min) — a
/// source_set, or a cache in front of one (scan/spectrum_cache.hpp).
using spectrum_provider = std::function<std::shared_ptr<const production::energy_spectrum>(
    double mass_aprime, double energy_min)>;
/// A function giving the sources' weighted A′ with directions for (m_A′, E_min, sampling).
using sample_provider = std::function<std::vector<production::aprime_sample>(
    double mass_aprime, double energy_min, const production::sampling_options&)>;

/// Where the yield gets its production: spectra (every region) and samples (event-level regions).
struct production_providers {
  spectrum_provider spectrum;
  sample_provider samples{};
};

/// The providers of a source_set, optionally through a per-source cache (`get`).
[[nodiscard]] inline production_providers providers_of(
    std::shared_ptr<const production::source_set> sources, production::part_provider get = {}) {
  return {[sources, get](double m, double lo) { return sources->spectrum(m, lo, get); },
          [sources, get](double m, double lo, const production::sampling_options& o) {
            return sources->samples(m, lo, o, get);
          }};
}

/// Per-mass-point yield of one experiment: precomputes everything that depends only on the
/// masses, the experiment and the model; events(ε[, α_D]) is then allocation-free, O(50 ns) per
/// region.
class yield_model {
 public:
  /// With spectra (and samples, for event-level regions) from `p` (cache them in scans). The ε
  /// and α_D of `point` are irrelevant.
  yield_model(const experiment::experiment& e, const model::parameters<double>& point,
              const production_providers& p, const yield_options& options = {})
      : kind_(options.kind) {
    init(e, point, p, options);
  }

  /// With spectra from `spectra` only (an experiment without event-level regions).
  yield_model(const experiment::experiment& e, const model::parameters<double>& point,
              const spectrum_provider& spectra, const yield_options& options = {})
      : kind_(options.kind) {
    init(e, point, production_providers{spectra, {}}, options);
  }

  /// Builds the experiment's sources and spectra itself (milliseconds: cache them in scans).
  yield_model(const experiment::experiment& e, const model::parameters<double>& point,
              const yield_options& options = {})
      : kind_(options.kind) {
    init(e, point, providers_of(std::make_shared<const production::source_set>(e)), options);
  }

  /// Expected events at ε with the α_D of the constructing point.
  [[nodiscard]] expected_events events(double epsilon) const {
    return events(epsilon, alpha_dark_);
  }

  /// Expected events at (ε, α_D): production ∝ ε², Γ ∝ ε² α_D (χ2) or ε² (A′), BR from the widths.
  [[nodiscard]] expected_events events(double epsilon, double alpha_dark) const {
    constexpr const char* fn = "semivisible::signal::yield_model::events";
    if (!(epsilon > 0) || !std::isfinite(epsilon) || !(epsilon <= 1))
      semivisible::detail::throw_invalid(fn, "epsilon", epsilon, "in (0, 1]");
    if (!(alpha_dark > 0) || !std::isfinite(alpha_dark))
      semivisible::detail::throw_invalid(fn, "alpha_dark", alpha_dark, "finite and > 0");
    expected_events r;
    r.epsilon = epsilon;
    r.alpha_dark = alpha_dark;
    r.region_count = regions_.size();
    const double e2 = epsilon * epsilon;
    double lc = 0;  // ln(1/cτ)
    bool stable = stable_;
    if (kind_ == model_kind::semivisible) {
      const double g12 = alpha_dark * width_aprime_chi_unit_;
      r.branching = g12 / (g12 + e2 * width_aprime_sm_unit_);
      if (!stable) lc = 2 * std::log(epsilon) + std::log(alpha_dark) + log_width_over_hbarc_;
    } else if (kind_ == model_kind::visible) {
      lc = 2 * std::log(epsilon) + log_width_over_hbarc_;
    } else {
      stable = true;
    }
    if (!stable) r.ctau_m = std::exp(-lc);
    for (std::size_t k = 0; k < regions_.size(); ++k) {
      const auto& g = regions_[k];
      auto& out = r.regions[k];
      if (g.events) {  // P(decay in the interval and seen); intervals are finite: 0 when stable
        out.probability = stable ? 0.0 : acceptance_[*g.events].seen.probability_ln(lc);
      } else if (!g.has_table) {
        out.probability = stable && g.open_ended ? 1.0 : 0.0;
      } else if (stable) {
        out.probability = g.open_ended ? 1.0 : 0.0;
      } else {
        out.probability = tables_[g.table].between(g.log_start + lc, g.log_end + lc);
      }
      out.acceptance = g.acceptance;
      out.efficiency = g.efficiency;
      const double aprime = (g.events ? events_unit_ : aprime_unit_[g.table]) * e2;
      if (k == 0) r.aprime_per_particle = aprime;
      const double produced = exposure_ * g.exposure_fraction * aprime * r.branching;
      out.events = produced * out.probability * out.acceptance * g.efficiency;
    }
    return r;
  }

  [[nodiscard]] double mass_aprime() const noexcept { return mass_aprime_; }
  [[nodiscard]] double alpha_dark() const noexcept { return alpha_dark_; }
  [[nodiscard]] double exposure() const noexcept { return exposure_; }
  [[nodiscard]] model_kind kind() const noexcept { return kind_; }
  [[nodiscard]] std::size_t region_count() const noexcept { return regions_.size(); }
  [[nodiscard]] const std::string& region_name(std::size_t k) const { return regions_.at(k).name; }
  /// Mean 1/(βγ) of the decaying particle for region k's threshold (0 when nothing decays).
  [[nodiscard]] double mean_inverse_boost(std::size_t k = 0) const {
    const auto& g = regions_.at(k);
    return g.has_table ? tables_[g.table].mean_inverse_boost() : 0.0;
  }
  /// Region k's event-level tables (nullptr for a region with full acceptance): their Monte Carlo
  /// precision is `seen.relative_error(1/cτ)`. For such a region events() gives as `probability`
  /// the probability that the decay is in the interval AND seen; `decay_probability(1/cτ)` here
  /// is the plain decay-in-interval probability (their ratio: the geometric acceptance).
  [[nodiscard]] const region_acceptance* event_tables(std::size_t k) const {
    const auto& g = regions_.at(k);
    return g.events ? &acceptance_[*g.events] : nullptr;
  }
  /// ⟨E⟩ [GeV] of the decaying particle for region k's threshold.
  [[nodiscard]] double mean_energy(std::size_t k = 0) const {
    return mean_energy_.empty() ? 0.0 : mean_energy_[regions_.at(k).table];
  }
  /// Distances [m] from the production point to region k's start and end (+inf: no end).
  [[nodiscard]] std::array<double, 2> distances_m(std::size_t k) const {
    return {regions_.at(k).start, regions_.at(k).end};
  }
  /// ⟨P⟩ of region k for a proper decay length cτ [m] by the direct sum over nodes (no table):
  /// an independent check of the tabulated path (tests).
  [[nodiscard]] double probability_direct(std::size_t k, double ctau_m) const {
    const auto& g = regions_.at(k);
    if (g.events) return acceptance_[*g.events].decay_probability(1 / ctau_m);
    return g.has_table ? tables_.at(g.table).direct_between(g.start, g.end, ctau_m) : 0.0;
  }

 private:
  struct region_state {
    std::string name;
    std::size_t table = 0;  ///< index of the decay table / spectrum (one per A′ threshold)
    double start = 0, end = 0, log_start = 0, log_end = 0;
    bool open_ended = false;
    bool has_table = false;             ///< a collinear decay table exists for its threshold
    std::optional<std::size_t> events;  ///< index into acceptance_ for event-level regions
    double acceptance = 1, efficiency = 0;
    double exposure_fraction = 1;
  };

  void init(const experiment::experiment& e, const model::parameters<double>& point,
            const production_providers& providers, const yield_options& options) {
    constexpr const char* fn = "semivisible::signal::yield_model";
    if (e.is_collider())
      throw invalid_parameter(fmt::format(
          "{}: experiment '{}' is a collider reinterpretation of a published limit (no target or "
          "signal regions); scan it with scan::plane_per_x (scan/collider_plane.hpp)",
          fn, e.name));
    e.validate();
    exposure_ = options.exposure == 0 ? e.beam.particles_on_target : options.exposure;
    semivisible::detail::require_positive(fn, "exposure", exposure_);
    mass_aprime_ = point.mass_aprime();
    alpha_dark_ = point.alpha_dark();
    if (kind_ == model_kind::semivisible) {
      // Widths at unit couplings: A′ → χ1χ2 ∝ α_D, A′ → ℓℓ ∝ ε², χ2 → χ1ℓℓ ∝ ε² α_D.
      width_aprime_chi_unit_ =
          physics::aprime_width_chi1chi2(mass_aprime_, 1.0, point.mass_chi1(), point.mass_chi2());
      width_aprime_sm_unit_ =
          physics::aprime_width_leptons(mass_aprime_, 1.0, constants::mass_electron) +
          physics::aprime_width_leptons(mass_aprime_, 1.0, constants::mass_muon);
      const double width_chi2 = detail::chi2_width_at_unit_couplings(point);
      stable_ = !(width_chi2 > 0);
      log_width_over_hbarc_ = stable_ ? 0.0 : std::log(width_chi2 / constants::hbar_c);
    } else if (kind_ == model_kind::visible) {
      const auto w = physics::aprime_visible_widths(mass_aprime_, 1.0);
      log_width_over_hbarc_ = std::log(w.total() / constants::hbar_c);
      electron_fraction_ = w.electrons / w.total();
    }
    std::vector<double> thresholds;
    std::vector<std::size_t> event_regions;
    double events_lo = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < e.regions.size(); ++k) {
      const auto& r = e.regions[k];
      region_state g;
      g.name = r.name;
      g.start = r.decay_start_m - e.target.production_z_m;
      g.end = r.decay_end_m - e.target.production_z_m;
      g.log_start = std::log(g.start);
      g.log_end = std::log(g.end);  // +inf for an open-ended region
      g.open_ended = std::isinf(g.end);
      g.acceptance = (kind_ == model_kind::visible && r.signature == experiment::signature::visible)
                         ? electron_fraction_
                         : 1.0;
      g.efficiency = r.efficiency(mass_aprime_);
      g.exposure_fraction = r.exposure_fraction;
      const double lo = detail::region_energy_min(e, r);
      if (needs_events(r) && kind_ != model_kind::invisible) {
        g.events = event_regions.size();
        event_regions.push_back(k);
        events_lo = std::min(events_lo, lo);
      } else {
        auto it = std::find(thresholds.begin(), thresholds.end(), lo);
        g.table = static_cast<std::size_t>(it - thresholds.begin());
        if (it == thresholds.end()) thresholds.push_back(lo);
      }
      regions_.push_back(std::move(g));
    }
    std::vector<bool> table_built;
    for (const double lo : thresholds) {
      const auto spectrum = providers.spectrum(mass_aprime_, lo);
      if (!spectrum)
        throw invalid_parameter(fmt::format("{}: the spectrum provider returned null", fn));
      if (std::abs(spectrum->mass_aprime() - mass_aprime_) > 1e-12 * mass_aprime_)
        semivisible::detail::throw_invalid(fn, "spectrum mass_aprime", spectrum->mass_aprime(),
                                           fmt::format("= point mass_aprime {}", mass_aprime_));
      aprime_unit_.push_back(spectrum->per_particle());
      double mean_e = 0;
      const bool any = spectrum->per_particle() > 0;
      if (any && kind_ == model_kind::semivisible && !stable_)
        tables_.push_back(detail::chi2_decay_table(*spectrum, point, mean_e));
      else if (any && kind_ == model_kind::visible)
        tables_.push_back(detail::aprime_decay_table(*spectrum, mean_e));
      else
        tables_.emplace_back();
      table_built.push_back(
          any && (kind_ == model_kind::visible || (kind_ == model_kind::semivisible && !stable_)));
      mean_energy_.push_back(mean_e);
    }
    for (auto& g : regions_)
      if (!g.events) g.has_table = table_built[g.table];
    if (!event_regions.empty()) {
      if (!providers.samples)
        throw invalid_parameter(fmt::format(
            "{}: experiment '{}' has event-level regions (a detector plane or a visible-energy "
            "threshold) but no sample provider was given",
            fn, e.name));
      auto sampling = options.sampling;
      if (sampling.focus_angle == 0) sampling.focus_angle = focus_angle(e, event_regions);
      if (sampling.cones.empty()) sampling.cones = focus_cones(e, event_regions);
      const auto samples = providers.samples(mass_aprime_, events_lo, sampling);
      events_unit_ = 0;
      for (const auto& x : samples) events_unit_ += x.weight;
      acceptance_ = event_acceptance(e, event_regions, point, kind_, samples, options.sampling.seed,
                                     options.sampling.stream);
    }
  }

  model_kind kind_;
  double exposure_ = 0;
  double mass_aprime_ = 0;
  double alpha_dark_ = 0;
  double width_aprime_chi_unit_ = 0;
  double width_aprime_sm_unit_ = 0;
  double electron_fraction_ = 1;
  bool stable_ = false;
  double log_width_over_hbarc_ = 0;
  std::vector<region_state> regions_;
  std::vector<double> aprime_unit_;
  std::vector<double> mean_energy_;
  std::vector<decay_table> tables_;
  double events_unit_ = 0;  ///< A′ per particle on target of the event sample (ε = 1)
  std::vector<region_acceptance> acceptance_;
};

}  // namespace semivisible::signal
