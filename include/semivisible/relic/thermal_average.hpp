// semivisible/relic/thermal_average.hpp — the relativistic thermal average ⟨σ v⟩ for two species of
// unequal masses in kinetic equilibrium (Maxwell–Boltzmann statistics).
//
// Gondolo & Gelmini, NPB 360 (1991) 145, Eq. 3.8, extended to m1 ≠ m2 (Edsjo & Gondolo,
// PRD 56 (1997) 1879, Eq. 3.7; docs/formula-notes.md §7.2):
//   ⟨σ v⟩_12 = ∫_{(m1+m2)²}^∞ ds σ(s) λ(s, m1², m2²) K1(√s/T)/√s  /  [8 m1² m2² T K2(m1/T)
//   K2(m2/T)].
// Method: substitute √s = m1 + m2 + T w², so that the Boltzmann factors combine into e^{−w²} and
// λ ∝ w² removes the threshold square root; with exponentially scaled Bessel functions
// (detail/bessel.hpp) nothing underflows at any m/T. Gauss–Kronrod (15/31 points, adaptive,
// relative tolerance 1e-8) on segments split at user-supplied √s breakpoints (resonances,
// thresholds); a segment starting at a pair threshold is mapped by w = w_a + (w_b − w_a) z² so
// that the √(s − s_th) start is smooth; the range ends at w² = 60 (e^{−60} ≈ 1e-26 of the
// threshold weight).
// Non-relativistic limit (T → 0): ⟨σ v⟩ → σ λ^{1/2}/(2 m1 m2) at threshold (tested).
#pragma once

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <span>
#include <vector>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/error.hpp"
#include "semivisible/relic/cross_section.hpp"
#include "semivisible/relic/detail/bessel.hpp"

namespace semivisible::relic {

/// ⟨σ v⟩ [GeV⁻²] at temperature T [GeV] of a cross section σ(s) [GeV⁻², s in GeV²] between
/// species of masses m1, m2 [GeV]. `sqrt_s_breakpoints` [GeV] are points where σ is not smooth
/// (resonance peaks and their shoulders, thresholds); they split the quadrature.
/// `sqrt_s_thresholds` [GeV] are those of them where σ rises like √(s − s_th) or faster (a pair
/// threshold): the segment starting there is integrated in z with w = w_th + (w_b − w_th) z², in
/// which that start is smooth (in w the Kronrod estimate bisects towards it to the depth limit).
template <class Sigma>
[[nodiscard]] double thermal_average(Sigma&& sigma, double mass_1, double mass_2,
                                     double temperature,
                                     std::span<const double> sqrt_s_breakpoints = {},
                                     std::span<const double> sqrt_s_thresholds = {}) {
  constexpr const char* fn = "semivisible::relic::thermal_average";
  semivisible::detail::require_positive(fn, "mass_1", mass_1);
  semivisible::detail::require_positive(fn, "mass_2", mass_2);
  semivisible::detail::require_positive(fn, "temperature", temperature);
  const double m_sum = mass_1 + mass_2, m_diff = mass_2 - mass_1;
  const double k2k2 = detail::bessel_k_scaled(2, mass_1 / temperature) *
                      detail::bessel_k_scaled(2, mass_2 / temperature);
  const double norm = 4 * mass_1 * mass_1 * mass_2 * mass_2 * k2k2;
  const auto integrand = [&](double w) {
    const double u = w * w;
    const double rs = m_sum + temperature * u;
    const double s = rs * rs;
    const double lambda = (s - m_sum * m_sum) * (s - m_diff * m_diff);
    // ds = 2 √s T du, du = 2w dw; e^{−√s/T}/e^{−(m1+m2)/T} = e^{−u}
    return 2 * w * sigma(s) * lambda * detail::bessel_k_scaled(1, rs / temperature) * std::exp(-u);
  };
  struct edge {
    double w;
    bool threshold;  ///< σ starts like a square root here
  };
  const double w_max = std::sqrt(60.0);
  std::vector<edge> edges{{0.0, false}, {w_max, false}};
  const auto add = [&](std::span<const double> points, bool threshold) {
    for (const double b : points) {
      const double u = (b - m_sum) / temperature;
      if (u > 0 && u < 60) edges.push_back({std::sqrt(u), threshold});
    }
  };
  add(sqrt_s_breakpoints, false);
  add(sqrt_s_thresholds, true);
  // equal w: the threshold entry last, so that the segment starting there is the mapped one
  std::sort(edges.begin(), edges.end(), [](const edge& l, const edge& r) {
    return l.w < r.w || (l.w == r.w && !l.threshold && r.threshold);
  });
  using boost::math::quadrature::gauss_kronrod;
  double total = 0;
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    const double a = edges[i].w, d = edges[i + 1].w - a;
    if (!(d > 0)) continue;
    if (edges[i].threshold) {
      const auto mapped = [&](double z) { return 2 * d * z * integrand(a + d * z * z); };
      total += gauss_kronrod<double, 31>::integrate(mapped, 0.0, 1.0, 6, 1e-6);
    } else {
      total += gauss_kronrod<double, 31>::integrate(integrand, a, a + d, 6, 1e-6);
    }
  }
  return total / norm;
}

/// √s of the pair thresholds of σ(χ1χ2 → SM) [GeV]: μ⁺μ⁻, π⁺π⁻ and τ⁺τ⁻ (R_ℓ ∝ β, R_ππ ∝ β³).
[[nodiscard]] inline std::vector<double> sigma_thresholds() {
  return {2 * constants::mass_muon, 2 * constants::mass_pion_charged, 2 * physics::mass_tau};
}

/// √s breakpoints for χ1χ2 → A′* → SM [GeV]: the A′ pole and its shoulders at ±2, 10, 50, 250 and
/// 1250 Γ (a narrow pole's 1/(s − m²)² tail in geometric steps), the μ, π,
/// τ thresholds, the ρ peak and the kinks and steps of the quark continuum.
template <std::floating_point Real>
[[nodiscard]] std::vector<double> sigma_breakpoints(const dark_sector<Real>& p, Real width_aprime) {
  const double ma = static_cast<double>(p.mass_aprime());
  const double w = static_cast<double>(width_aprime);
  // the pole, the μ and π thresholds, the ρ peak, the continuum's kinks (1, 2 GeV) and its
  // open-charm and beauty steps (3.73, 10.56 GeV; physics/r_ratio.hpp), the τ threshold
  std::vector<double> b{ma,
                        2 * constants::mass_muon,
                        2 * constants::mass_pion_charged,
                        physics::mass_rho,
                        1.0,
                        2.0,
                        3.73,
                        10.56,
                        2 * physics::mass_tau};
  for (const double k : {2.0, 10.0, 50.0, 250.0, 1250.0}) {
    b.push_back(ma - k * w);
    b.push_back(ma + k * w);
  }
  return b;
}

/// ⟨σ(χ1χ2 → SM) v⟩ [GeV⁻²] at temperature T [GeV] for the dark sector p and total A′ width [GeV].
template <std::floating_point Real>
[[nodiscard]] double thermal_average_chi1chi2(const dark_sector<Real>& p, Real width_aprime,
                                              double temperature) {
  constexpr const char* fn = "semivisible::relic::thermal_average_chi1chi2";
  p.validate(fn);
  semivisible::detail::require_non_negative(fn, "width_aprime", width_aprime);
  const auto bp = sigma_breakpoints(p, width_aprime);
  static const std::vector<double> thresholds = sigma_thresholds();
  return thermal_average(
      [&](double s) { return static_cast<double>(sigma_chi1chi2(Real(s), p, width_aprime)); },
      static_cast<double>(p.mass_chi1), static_cast<double>(p.mass_chi2()), temperature, bp,
      thresholds);
}

}  // namespace semivisible::relic
