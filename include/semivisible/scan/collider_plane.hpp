// semivisible/scan/collider_plane.hpp — the planes of scan/planes.hpp for a collider experiment
// (experiment::collider_spec, e.g. data/experiments/babar-2017.json): the published invisible-A′
// limit ε_pub(m_A′) reinterpreted with P_invisible of the χ2 (collider/reinterpretation.hpp).
//
// A point is excluded when the semi-visible mono-photon yield exceeds the published bound,
//   ε² P_invisible(ε, m_A′, α_D, m_χ1, Δ) > ε_pub(m_A′)²                                     (R)
// (collider/reinterpretation.hpp, Eq. 1; after Izaguirre et al., PRD 96 (2017) 055007, and
// Mohlabeng, PRD 99 (2019) 115001). Per plane, with the test t(y) = 1 − ε²P/ε_pub² (< 0 where
// excluded) handed to scan::excluded_intervals:
//   maprime_epsilon    y = ε; one monophoton_table per m_A′, the ε range starts at ε_pub (P ≤ 1).
//                      χ2 stable (Δ ≤ 2 m_e) or the invisible model (P = 1): the row is
//                      [ε_pub, y_hi] with ε_pub exactly the published value, without a solve.
//   maprime_alphadark  y = α_D at ε = ε_(g−2) central; one table per m_A′: Γ_χ2 ∝ ε² α_D exactly
//                      (physics/chi2_width.hpp), so P(α_D) = P_table(cτ_table · α_table/α_D).
//   mchi1_splitting    y = Δ/m_χ1 at m_A′ = R m_χ1, ε = ε_(g−2)(m_A′); one table per (x, y)
//                      (57 µs each, docs/physics-collider.md).
// ε_pub between the published masses is interpolated linearly in m_A′
// (experiment::published_limit_spec::at); outside the published mass range nothing is excluded
// (one empty row, status ok). The visible model is refused (a mono-photon search does not
// constrain A′ → ℓℓ).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/error.hpp"
#include "semivisible/experiment/collider.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/plane.hpp"
#include "semivisible/scan/rows.hpp"
#include "semivisible/signal/model_kind.hpp"

namespace semivisible::scan {

/// The collider description of an experiment as the options of collider/monophoton_table.hpp.
[[nodiscard]] inline collider::monophoton_options monophoton_options_of(
    const experiment::collider_spec& c) {
  collider::monophoton_options o;
  for (const auto& r : c.runs)
    o.runs.push_back({collider::beam_energies{r.electron_GeV, r.positron_GeV}, r.luminosity_fb});
  o.cos_theta_cm_min = c.cos_theta_cm_min;
  o.cos_theta_cm_max = c.cos_theta_cm_max;
  o.veto = {c.veto.radius_m, c.veto.z_forward_m, c.veto.z_backward_m};
  o.visible_energy_min_GeV = c.visible_energy_min_GeV;
  o.validate("semivisible::scan::monophoton_options_of");
  return o;
}

/// What a collider plane needs besides the experiment (the fields of scan::plane_config).
struct collider_plane_settings {
  plane which = plane::maprime_epsilon;
  signal::model_kind kind = signal::model_kind::semivisible;
  double alpha_dark = 0.1;       ///< α_D (ε planes)
  double mass_ratio = 3.0;       ///< m_A′/m_χ1
  double splitting_ratio = 0.4;  ///< Δ/m_χ1 (fixed-splitting planes)
  physics::gm2_discrepancy gm2 = physics::gm2_discrepancy_2021;
  interval_options intervals{};  ///< y range and edge tolerance
};

/// The excluded ε intervals of Eq. (R) at one m_A′ on `range`: nothing when ε_pub is not finite or
/// not below range.hi; [max(range.lo, ε_pub), range.hi] exactly when P_invisible = 1 (no table:
/// the invisible model; or a stable χ2); else the roots of 1 − ε² P(cτ(ε)·ctau_scale)/ε_pub²,
/// with cτ(ε) the table's (ctau_scale = α_table/α_D reuses one table for every α_D: Γ_χ2 ∝ α_D).
/// `Table`: collider::monophoton_table (exact sums) or collider::invisible_probability_curve.
template <class Table = collider::monophoton_table>
[[nodiscard]] interval_result collider_epsilon_intervals(const Table* table, double eps_pub,
                                                         double ctau_scale,
                                                         const interval_options& range) {
  interval_result r;
  if (!std::isfinite(eps_pub) || !(eps_pub < range.hi)) return r;
  const double lo = std::max(range.lo, eps_pub);
  if (table == nullptr || table->chi2_stable()) {
    r.intervals.push_back({lo, range.hi, lo == range.lo, true});
    return r;
  }
  const double published2 = eps_pub * eps_pub;
  auto o = range;
  o.lo = lo;
  return excluded_intervals(
      [&](double eps) {
        const double ctau = table->proper_decay_length(eps) * ctau_scale;
        return 1 -
               eps * eps * table->invisible_probability_for_proper_decay_length(ctau) / published2;
      },
      o);
}

/// The per-x function (std::vector<exclusion_row>(double x), thread-safe) of a collider plane,
/// for scan::run. Throws invalid_parameter for the visible model.
[[nodiscard]] inline auto collider_per_x(const experiment::collider_spec& spec,
                                         const collider_plane_settings& s) {
  if (s.kind == signal::model_kind::visible)
    throw invalid_parameter(
        "semivisible::scan::collider_per_x: model = visible, but a collider reinterpretation of a "
        "mono-photon (invisible A') limit needs model semivisible or invisible");
  validate(s.intervals);
  auto options = monophoton_options_of(spec);
  return [spec, s, options](double x) -> std::vector<exclusion_row> {
    const bool invisible = s.kind == signal::model_kind::invisible;
    const double m_aprime = s.which == plane::mchi1_splitting ? s.mass_ratio * x : x;
    const double eps_pub = spec.limit.at(m_aprime);
    const interval_options& range = s.intervals;
    if (!std::isfinite(eps_pub)) return {exclusion_row{x, {}, {}, false, false, {}}};
    const double published2 = eps_pub * eps_pub;
    switch (s.which) {
      case plane::maprime_epsilon: {
        if (invisible || !(eps_pub < range.hi))
          return rows_from(x, collider_epsilon_intervals<collider::monophoton_table>(
                                  nullptr, eps_pub, 1.0, range));
        const collider::monophoton_table table(
            model::parameters<double>::from_ratios(x, eps_pub, s.alpha_dark, s.mass_ratio,
                                                   s.splitting_ratio),
            options);
        return rows_from(x, collider_epsilon_intervals(&table, eps_pub, 1.0, range));
      }
      case plane::maprime_alphadark: {
        const double eps = physics::gm2_band(m_aprime, s.gm2).central;
        if (invisible) {
          if (!(eps > eps_pub)) return {exclusion_row{x, {}, {}, false, false, {}}};
          return {exclusion_row{x, range.lo, range.hi, true, true, {}}};
        }
        const collider::monophoton_table table(
            model::parameters<double>::from_ratios(x, eps, s.alpha_dark, s.mass_ratio,
                                                   s.splitting_ratio),
            options);
        // Γ_χ2 ∝ α_D: cτ(α_D) = cτ(α_table) α_table/α_D.
        const double ctau = table.proper_decay_length(eps);
        return rows_from(x, excluded_intervals(
                                [&](double alpha_dark) {
                                  return 1 -
                                         eps * eps *
                                             table.invisible_probability_for_proper_decay_length(
                                                 ctau * s.alpha_dark / alpha_dark) /
                                             published2;
                                },
                                range));
      }
      case plane::mchi1_splitting: {
        const double eps = physics::gm2_band(m_aprime, s.gm2).central;
        if (invisible) {
          if (!(eps > eps_pub)) return {exclusion_row{x, {}, {}, false, false, {}}};
          return {exclusion_row{x, range.lo, range.hi, true, true, {}}};
        }
        return rows_from(
            x,
            excluded_intervals(
                [&](double f) {
                  const collider::monophoton_table table(
                      model::parameters<double>::from_mass_chi1(m_aprime, eps, s.alpha_dark, x, f),
                      options);
                  return 1 - eps * eps * table.invisible_probability(eps) / published2;
                },
                range));
      }
    }
    return {exclusion_row{x, {}, {}, false, false, {}}};
  };
}

}  // namespace semivisible::scan
