// semivisible/experiment/collider.hpp — the collider part of an experiment value: e⁺e⁻ runs, the
// mono-photon selection, the veto volume and the published invisible-A′ limit that is
// reinterpreted (docs/experiments.md, "Collider experiments and reinterpretations"; the JSON keys
// `beam.sqrt_s_GeV`, `beam.luminosity_fb`, `beam.runs`, `collider`, `reinterpret`).
//
// Plain data, read by experiment/load.hpp and turned into collider::monophoton_options by
// scan/collider_plane.hpp (so this module does not depend on the collider physics). The physics
// that uses it: collider/monophoton_table.hpp (P_invisible of the χ2 given the veto geometry) and
// collider/reinterpretation.hpp (ε² P_invisible(ε) > ε_pub², after Izaguirre et al., PRD 96 (2017)
// 055007, and Mohlabeng, PRD 99 (2019) 115001).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"

namespace semivisible::experiment {

/// One data-taking period of a collider: beam energies [GeV] and integrated luminosity [fb⁻¹].
struct collider_run_spec {
  double electron_GeV = 0;  ///< e⁻ beam energy, along +z
  double positron_GeV = 0;  ///< e⁺ beam energy, along −z
  double luminosity_fb = 0;
  /// √s = 2 √(E⁻ E⁺) [GeV] (electron mass neglected).
  [[nodiscard]] double sqrt_s_GeV() const noexcept {
    return 2 * std::sqrt(electron_GeV * positron_GeV);
  }
};

/// The veto volume: a cylinder around the beam axis centred on the interaction point [m].
struct veto_cylinder_spec {
  double radius_m = 0;
  double z_forward_m = 0;   ///< end at z = +z_forward_m (e⁻ direction)
  double z_backward_m = 0;  ///< end at z = −z_backward_m (a positive distance)
};

/// A published limit ε_pub(m_A′) on the invisible A′ (`reinterpret`).
struct published_limit_spec {
  std::string file;                 ///< the CSV path as resolved beside the JSON file
  std::vector<double> mass_aprime;  ///< m_A′ [GeV], strictly increasing
  std::vector<double> epsilon;      ///< ε_pub at those masses
  double cl = 0.9;                  ///< the confidence level of the published limit

  /// ε_pub at m [GeV]: the tabulated value exactly at a tabulated mass, linear interpolation in
  /// m between them (the convention of DarkCast .lmt curves); nullopt-like +∞ outside the range
  /// (no published limit: nothing is excluded there).
  [[nodiscard]] double at(double m) const noexcept {
    if (mass_aprime.empty() || !(m >= mass_aprime.front()) || !(m <= mass_aprime.back()))
      return std::numeric_limits<double>::infinity();
    const auto it = std::lower_bound(mass_aprime.begin(), mass_aprime.end(), m);
    const auto i = static_cast<std::size_t>(it - mass_aprime.begin());
    if (*it == m) return epsilon[i];
    const double w = (m - mass_aprime[i - 1]) / (mass_aprime[i] - mass_aprime[i - 1]);
    return epsilon[i - 1] + w * (epsilon[i] - epsilon[i - 1]);
  }
};

/// Everything a collider reinterpretation needs besides the model point.
struct collider_spec {
  double sqrt_s_GeV = 0;                ///< nominal CM energy (`beam.sqrt_s_GeV`)
  double luminosity_fb = 0;             ///< total integrated luminosity (`beam.luminosity_fb`)
  std::vector<collider_run_spec> runs;  ///< `beam.runs`; their luminosities add up to the total
  double cos_theta_cm_min = 0;          ///< photon acceptance c_min < cosθ*_γ (CM frame)
  double cos_theta_cm_max = 0;          ///< cosθ*_γ < c_max
  veto_cylinder_spec veto{};
  double visible_energy_min_GeV = 0;  ///< e⁺e⁻ below it (lab) are not vetoed; 0: all seen
  published_limit_spec limit{};       ///< the reinterpreted published limit

  /// Throws invalid_parameter naming `experiment_name`, the key and the value.
  void validate(std::string_view experiment_name) const {
    const auto bad = [&](std::string_view key, double value, std::string_view requirement) {
      throw invalid_parameter(fmt::format("experiment '{}': {} = {}, but must be {}",
                                          experiment_name, key, value, requirement));
    };
    const auto positive = [&](std::string_view key, double v) {
      if (!std::isfinite(v) || !(v > 0)) bad(key, v, "finite and > 0");
    };
    positive("beam.sqrt_s_GeV", sqrt_s_GeV);
    positive("beam.luminosity_fb", luminosity_fb);
    if (runs.empty())
      throw invalid_parameter(
          fmt::format("experiment '{}': beam.runs must list at least one run", experiment_name));
    double total = 0, lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const auto& r = runs[i];
      positive(fmt::format("beam.runs[{}].electron_GeV", i), r.electron_GeV);
      positive(fmt::format("beam.runs[{}].positron_GeV", i), r.positron_GeV);
      positive(fmt::format("beam.runs[{}].luminosity_fb", i), r.luminosity_fb);
      total += r.luminosity_fb;
      lo = std::min(lo, r.sqrt_s_GeV());
      hi = std::max(hi, r.sqrt_s_GeV());
    }
    if (!(std::abs(total - luminosity_fb) <= 1e-6 * luminosity_fb))
      bad("beam.luminosity_fb", luminosity_fb,
          fmt::format("the sum of beam.runs[].luminosity_fb = {}", total));
    // The nominal √s must describe the runs: within their range, widened by 1 % (beam energies
    // are usually quoted to two or three digits).
    if (!(sqrt_s_GeV >= 0.99 * lo && sqrt_s_GeV <= 1.01 * hi))
      bad("beam.sqrt_s_GeV", sqrt_s_GeV,
          fmt::format("within 1 % of the runs' 2 sqrt(E- E+) range [{}, {}] GeV", lo, hi));
    if (!(cos_theta_cm_min > -1 && cos_theta_cm_min < 1))
      bad("collider.photon_cos_theta_cm[0]", cos_theta_cm_min, "in (-1, 1)");
    if (!(cos_theta_cm_max > cos_theta_cm_min && cos_theta_cm_max < 1))
      bad("collider.photon_cos_theta_cm[1]", cos_theta_cm_max,
          fmt::format("in (photon_cos_theta_cm[0] = {}, 1)", cos_theta_cm_min));
    positive("collider.veto.radius_m", veto.radius_m);
    positive("collider.veto.z_forward_m", veto.z_forward_m);
    positive("collider.veto.z_backward_m", veto.z_backward_m);
    if (!std::isfinite(visible_energy_min_GeV) || !(visible_energy_min_GeV >= 0) ||
        !(visible_energy_min_GeV < sqrt_s_GeV))
      bad("collider.visible_energy_min_GeV", visible_energy_min_GeV,
          fmt::format("in [0, beam.sqrt_s_GeV = {})", sqrt_s_GeV));
    if (!(limit.cl > 0 && limit.cl < 1)) bad("reinterpret.cl", limit.cl, "in (0, 1)");
    if (limit.mass_aprime.size() != limit.epsilon.size() || limit.mass_aprime.size() < 2)
      bad("reinterpret.limit rows", static_cast<double>(limit.mass_aprime.size()),
          ">= 2 (m_aprime_GeV,epsilon pairs)");
    if (!(limit.mass_aprime.back() < hi))
      bad("reinterpret.limit m_aprime_GeV (last)", limit.mass_aprime.back(),
          fmt::format("< the largest run's sqrt(s) = {} GeV", hi));
    for (std::size_t i = 0; i < limit.epsilon.size(); ++i)
      if (!(limit.epsilon[i] > 0 && limit.epsilon[i] < 1))
        bad(fmt::format("reinterpret.limit epsilon (row {})", i), limit.epsilon[i], "in (0, 1)");
  }
};

}  // namespace semivisible::experiment
