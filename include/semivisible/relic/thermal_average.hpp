// semivisible/relic/thermal_average.hpp — the relativistic thermal average ⟨σ v⟩ for two species of
// unequal masses in kinetic equilibrium (Maxwell–Boltzmann statistics).
//
// Gondolo & Gelmini, NPB 360 (1991) 145, Eq. 3.8, extended to m1 ≠ m2 (Edsjo & Gondolo,
// PRD 56 (1997) 1879, Eq. 3.7; docs/formula-notes.md §7.2):
//   ⟨σ v⟩_12 = ∫_{(m1+m2)²}^∞ ds σ(s) λ(s, m1², m2²) K1(√s/T)/√s  /  [8 m1² m2² T K2(m1/T)
//   K2(m2/T)].
// Method: substitute √s = m1 + m2 + T w², so that the Boltzmann factors combine into e^{−w²} and
// λ ∝ w² removes the threshold square root; with exponentially scaled Bessel functions
// (detail/bessel.hpp) nothing underflows at any m/T. Gauss–Kronrod (31/63 points, adaptive,
// relative tolerance 1e-8) on segments split at user-supplied √s breakpoints (resonances,
// thresholds); the range ends at w² = 60 (e^{−60} ≈ 1e-26 of the threshold weight).
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
template <class Sigma>
[[nodiscard]] double thermal_average(Sigma&& sigma, double mass_1, double mass_2,
                                     double temperature,
                                     std::span<const double> sqrt_s_breakpoints = {}) {
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
  const double w_max = std::sqrt(60.0);
  std::vector<double> edges{0.0, w_max};
  for (const double b : sqrt_s_breakpoints) {
    const double u = (b - m_sum) / temperature;
    if (u > 0 && u < 60) edges.push_back(std::sqrt(u));
  }
  std::sort(edges.begin(), edges.end());
  using boost::math::quadrature::gauss_kronrod;
  double total = 0;
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    if (!(edges[i + 1] > edges[i])) continue;
    total += gauss_kronrod<double, 31>::integrate(integrand, edges[i], edges[i + 1], 6, 1e-8);
  }
  return total / norm;
}

/// √s breakpoints for χ1χ2 → A′* → SM [GeV]: the A′ pole and its ±2Γ, ±10Γ shoulders, the μ, π,
/// τ thresholds and the ρ peak.
template <std::floating_point Real>
[[nodiscard]] std::vector<double> sigma_breakpoints(const dark_sector<Real>& p, Real width_aprime) {
  const double ma = static_cast<double>(p.mass_aprime());
  const double w = static_cast<double>(width_aprime);
  std::vector<double> b{ma,
                        2 * constants::mass_muon,
                        2 * constants::mass_pion_charged,
                        physics::mass_rho,
                        1.0,
                        2.0,
                        2 * 1.77686};
  for (const double k : {2.0, 10.0}) {
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
  return thermal_average(
      [&](double s) { return static_cast<double>(sigma_chi1chi2(Real(s), p, width_aprime)); },
      static_cast<double>(p.mass_chi1), static_cast<double>(p.mass_chi2()), temperature, bp);
}

}  // namespace semivisible::relic
