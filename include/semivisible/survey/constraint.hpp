// semivisible/survey/constraint.hpp — one experiment as a survey constraint: the excluded ε
// intervals at any (m_A′, α_D, m_A′/m_χ1, Δ/m_χ1), with the per-mass precompute done once per
// mass triple (m_A′, R, f) and reused for every α_D and ε.
//
// Physics and statistics are exactly those of `semivisible scan` (scan/planes.hpp): the expected
// events of signal::yield_model in every region, CLs on the experiment's counting model
// (scan/analysis.hpp), the test t(ε) = ln(CLs/(1 − CL)) < 0 where excluded, and the excluded
// intervals along ε by scan::excluded_intervals (log seeds, extremum refinement, TOMS 748 edges).
// The event sample is keyed by the bits of m_A′ as in the scan, so a survey point reproduces the
// maprime-epsilon scan at the same parameters to the edge tolerance.
// Cost structure (why the loops are organised as they are): yield_model construction — the χ2
// boost distribution and, for event-level regions, the decay of ~2000–7000 A′ samples and their
// acceptance tables — is 0.05 ms (NA64) to 10–50 ms (E137) per (m_A′, R, f); A′ spectra depend on
// m_A′ only (scan::spectrum_cache) and A′ samples too (survey::sample_cache); α_D and ε then enter
// events(ε, α_D) analytically (lifetime ∝ 1/(ε² α_D), BR(A′ → χ1χ2)) at ~0.1 µs per region.
// A collider experiment (experiment::collider_spec, e.g. babar-2017) enters as in
// scan/collider_plane.hpp: excluded where ε² P_invisible > ε_pub(m_A′)²; its monophoton_table
// (18 µs) is built once per mass triple at α_D = 0.1 and reused for every α_D through
// cτ(ε, α_D) = cτ_table(ε) · 0.1/α_D (Γ_χ2 ∝ ε² α_D exactly, physics/chi2_width.hpp), as the
// interpolant collider/invisible_probability_curve.hpp (relative error < 1e-8; ≈ 1 ms to build,
// then ≈ 30 ns instead of 768 exp() per evaluation).
#pragma once

#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "semivisible/collider/invisible_probability_curve.hpp"
#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/error.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/scan/analysis.hpp"
#include "semivisible/scan/collider_plane.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/scan/spectrum_cache.hpp"
#include "semivisible/signal/yield.hpp"
#include "semivisible/stats/cls.hpp"
#include "semivisible/survey/sample_cache.hpp"

namespace semivisible::survey {

/// How one experiment enters a survey.
struct experiment_setup {
  experiment::experiment experiment;
  signal::yield_options yield{};  ///< model kind (semivisible) and exposure (0: the experiment's)
  std::optional<std::vector<std::string>> production{};  ///< only these sources (nullopt: all)
  double background_scale = 1.0;  ///< multiplies backgrounds and their uncertainties
};

/// The per-(m_A′, R, f) part of a collider experiment: ε_pub(m_A′) and the monophoton table.
struct collider_at_masses {
  double epsilon_published = 0;  ///< +inf outside the published mass range: nothing excluded
  bool invisible = false;        ///< the invisible model: P_invisible = 1
  double alpha_table = 0.1;      ///< α_D of the table
  /// P_invisible of the triple (interpolated in cτ: every α_D and ε share it); absent when not
  /// needed.
  std::optional<collider::invisible_probability_curve> table{};

  /// The excluded ε intervals at α_D on the range of `o` (scan/collider_plane.hpp, Eq. R).
  [[nodiscard]] scan::interval_result excluded(double alpha_dark,
                                               const scan::interval_options& o) const {
    return scan::collider_epsilon_intervals(invisible || !table ? nullptr : &*table,
                                            epsilon_published, alpha_table / alpha_dark, o);
  }
};

/// The per-(m_A′, R, f) part of one experiment: a fixed-target experiment's yield model and CLs
/// calculator, or a collider experiment's reinterpretation table.
/// Not thread-safe (the calculator caches); one per work unit.
class constraint_at_masses {
 public:
  constraint_at_masses(signal::yield_model y, stats::cls_calculator c)
      : part_(fixed_target{std::move(y), std::move(c)}) {}
  explicit constraint_at_masses(collider_at_masses c) : part_(std::move(c)) {}

  /// t(ε) at α_D: ln(CLs/(1 − CL)), negative where excluded (scan/planes.hpp); fixed target only.
  [[nodiscard]] double test(double epsilon, double alpha_dark) {
    auto& f = std::get<fixed_target>(part_);
    return scan::detail::exclusion_test(f.calculator, f.yield.events(epsilon, alpha_dark));
  }

  /// The excluded ε intervals at α_D on the range of `o`.
  [[nodiscard]] scan::interval_result excluded(double alpha_dark, const scan::interval_options& o) {
    if (const auto* c = std::get_if<collider_at_masses>(&part_)) return c->excluded(alpha_dark, o);
    return scan::excluded_intervals([&](double eps) { return test(eps, alpha_dark); }, o);
  }

  /// The yield model (fixed target); throws std::bad_variant_access for a collider.
  [[nodiscard]] const signal::yield_model& yield() const {
    return std::get<fixed_target>(part_).yield;
  }

 private:
  struct fixed_target {
    signal::yield_model yield;
    stats::cls_calculator calculator;
  };
  std::variant<fixed_target, collider_at_masses> part_;
};

/// One experiment prepared for a survey: sources, caches and the background-only CLs part (or a
/// collider's reinterpretation settings) are built once; at(...) is thread-safe and gives the
/// per-mass-triple part.
class experiment_constraint {
 public:
  explicit experiment_constraint(experiment_setup s, std::size_t sample_capacity = 16)
      : setup_(std::move(s)) {
    setup_.experiment.validate();
    if (setup_.experiment.is_collider()) {
      if (setup_.yield.kind == signal::model_kind::visible)
        throw invalid_parameter(fmt::format(
            "semivisible::survey::experiment_constraint: experiment '{}' is a collider "
            "mono-photon reinterpretation, but model = visible (it constrains invisible A' decays)",
            setup_.experiment.name));
      monophoton_ = scan::monophoton_options_of(*setup_.experiment.collider);
      return;
    }
    sources_ = std::make_shared<const production::source_set>(setup_.experiment, setup_.production);
    spectra_ = std::make_shared<scan::spectrum_cache>();
    samples_ = std::make_shared<sample_cache>(sample_capacity);
    calculator_.emplace(scan::counting_model_of(setup_.experiment, setup_.background_scale),
                        scan::limit_options_of(setup_.experiment));
  }

  [[nodiscard]] const std::string& name() const noexcept { return setup_.experiment.name; }
  [[nodiscard]] const experiment_setup& setup() const noexcept { return setup_; }

  /// The precompute at (m_A′ [GeV], m_A′/m_χ1, Δ/m_χ1): throws as yield_model does.
  [[nodiscard]] constraint_at_masses at(double mass_aprime, double mass_ratio,
                                        double splitting) const {
    const auto point =
        model::parameters<double>::from_ratios(mass_aprime, 1e-3, 0.1, mass_ratio, splitting);
    if (setup_.experiment.is_collider()) {
      collider_at_masses c;
      c.epsilon_published = setup_.experiment.collider->limit.at(mass_aprime);
      c.invisible = setup_.yield.kind == signal::model_kind::invisible;
      c.alpha_table = point.alpha_dark();
      if (std::isfinite(c.epsilon_published) && !c.invisible)
        c.table.emplace(collider::monophoton_table(point, monophoton_));
      return constraint_at_masses(std::move(c));
    }
    const auto get = scan::cached(spectra_);
    signal::production_providers p;
    p.spectrum = [s = sources_, get](double m, double lo) { return s->spectrum(m, lo, get); };
    p.samples = [s = sources_, get, cache = samples_](double m, double lo,
                                                      const production::sampling_options& o) {
      return *cache->get(m, lo, o, [&] { return s->samples(m, lo, o, get); });
    };
    auto options = setup_.yield;
    // The scan's stream: the bits of m_A′ (scan/planes.hpp), so the same events as `scan`.
    std::memcpy(&options.sampling.stream, &mass_aprime, sizeof mass_aprime);
    return constraint_at_masses(signal::yield_model(setup_.experiment, point, p, options),
                                *calculator_);
  }

 private:
  experiment_setup setup_;
  std::shared_ptr<const production::source_set> sources_;
  std::shared_ptr<scan::spectrum_cache> spectra_;
  std::shared_ptr<sample_cache> samples_;
  std::optional<stats::cls_calculator> calculator_;  ///< fixed target only
  collider::monophoton_options monophoton_{};        ///< collider only
};

}  // namespace semivisible::survey
