// semivisible/physics/chi2_width.hpp — Γ(χ2 → χ1 ℓ⁺ℓ⁻) through an off-shell A′, K factor, cτ(χ2).
//
// Two widths are provided:
//  (a) the NA64 2021 paper, Eq. 2: Γ ≃ K · 4 ε² α α_D Δ⁵ / (15 π m_A′⁴), K = 0.640 ± 0.004
//      (MadGraph/CalcHEP), valid for Δ ≪ m_χ1, m_e → 0 and Δ² ≪ m_A′²;
//  (b) the exact leading-order width from the full matrix element (docs/formula-notes.md §1.1),
//      M = ε e g_D/(s1 − m_A′²) [ū(p1) γ^μ u(p2)] [ū(k1) γ_μ v(k2)], averaged over the χ2 spin,
//      exact in m_ℓ, with the A′ propagator 1/(s1 − m_A′²)² (its width is negligible because
//      s1 ≤ Δ² < m_A′²).
//
// Method for (b). With s1 = (k1 + k2)², s2 = (p1 + k2)² the spin sum Σ|M|² is a polynomial of
// degree 2 in s2 at fixed s1, so the s2 integral over the Dalitz limits is done analytically.
// Writing Σ = m_χ1 + m_χ2, the result is (derivation in docs/physics.md §2.2)
//   dΓ/ds1 = α ε² α_D / (12 π m_χ2³) · (Δ² − s1)^{3/2} (Σ² − s1)^{1/2} (Σ² + 2 s1)
//            · (1 + 2m_ℓ²/s1) (1 − 4m_ℓ²/s1)^{1/2} / (s1 − m_A′²)²,          s1 ∈ [4m_ℓ², Δ²],
// which is the factorised form Γ(χ2 → χ1 V*(s1)) · √s1 Γ(V* → ℓℓ) / π / (s1 − m_A′²)² of
// docs/formula-notes.md §1.1. Its Δ ≪ m_χ1, m_ℓ → 0, Δ² ≪ m_A′² limit is Eq. 2 with K = 1.
// The remaining s1 integral is done in the lepton-pair mass v = √s1 with
// v = 2m_ℓ + (Δ − 2m_ℓ) t²(3 − 2t), t ∈ [0, 1], which turns both square-root endpoints into a
// smooth integrand; Boost.Math's adaptive Gauss–Kronrod (61 points) converges on the first panel
// in the physical range of the paper and subdivides only in extreme corners.
// Accuracy: relative 1e-9 requested (double), verified against a brute-force 2D quadrature of the
// raw matrix element in tests/physics/chi2_width.test.cpp.
//
// The channel is closed (Γ = 0 exactly) for Δ ≤ 2 m_ℓ; then χ2 is stable (cτ = +∞).
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <limits>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/decay_length.hpp"

namespace semivisible::physics {

/// K of the NA64 2021 paper, Eq. 2.
inline constexpr double k_factor_na64_2021 = 0.640;

/// Eq. 2 of the NA64 2021 paper with the given K [GeV]; 0 when Δ ≤ 2 m_e (channel closed).
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_kfactor(const model::parameters<Real>& p,
                                      Real k_factor = Real(k_factor_na64_2021)) {
  semivisible::detail::require_positive("semivisible::physics::chi2_width_kfactor", "k_factor",
                                        k_factor);
  const Real delta = p.splitting();
  if (!(delta > 2 * Real(constants::mass_electron))) return Real(0);
  const Real m = p.mass_aprime();
  const Real delta2 = delta * delta;
  return k_factor * 4 * p.epsilon() * p.epsilon() * Real(constants::alpha_em) * p.alpha_dark() *
         delta2 * delta2 * delta / (15 * Real(constants::pi) * m * m * m * m);
}

namespace detail {

/// Requested relative accuracy of the s1 quadrature for the floating type Real.
template <std::floating_point Real>
constexpr Real chi2_width_tolerance() {
  return std::max(Real(1e-9), 100 * std::numeric_limits<Real>::epsilon());
}

/// Dimensionless s1 integral J of the exact width (all masses in units of Δ):
///   J = ∫ dŝ (1 − ŝ)^{3/2} (σ² − ŝ)^{1/2} (σ² + 2ŝ) (1 + 2μ²/ŝ)(1 − 4μ²/ŝ)^{1/2} / (ŝ − a²)²,
/// ŝ ∈ [4μ², 1], σ = Σ/Δ, μ = m_ℓ/Δ, a = m_A′/Δ, so that Γ = α ε² α_D Δ⁴ J / (12 π m_χ2³).
/// Requires 0 ≤ μ < 1/2 and a > σ > 1 (checked by the callers).
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_integral(Real sigma, Real mu, Real a) {
  using std::sqrt;
  const Real w = 1 - 2 * mu;  // range of v̂ = √ŝ: [2μ, 1]
  const Real sigma2 = sigma * sigma;
  // Substitution v̂ = 2μ + w g(t), g(t) = t²(3 − 2t), t ∈ [0, 1]: 1 − g = (1 − t)²(1 + 2t), so the
  // endpoint factors (1 − v̂)^{3/2}, (v̂ − 2μ)^{1/2} and the Jacobian 2v̂ dv̂ = 12 w v̂ t(1 − t) dt
  // combine to the polynomial 12 w³ t²(1 − t)⁴ times smooth square roots (no cancellation).
  const auto integrand = [=](Real t) -> Real {
    const Real u = 1 - t;
    const Real v = 2 * mu + w * t * t * (3 - 2 * t);
    const Real s = v * v;
    const Real lepton = mu > 0 ? 1 + 2 * mu * mu / s : Real(1);  // (1 + 2μ²/ŝ)
    const Real propagator = (a - v) * (a + v);                   // m_A′² − ŝ > 0
    const Real b = (1 + 2 * t) * (1 + v);
    const Real root = sqrt(b * (3 - 2 * t) * (v + 2 * mu) * (sigma - v) * (sigma + v));
    const Real u2 = u * u;
    return 12 * w * w * w * t * t * u2 * u2 * b * root * (sigma2 + 2 * s) * lepton /
           (propagator * propagator);
  };
  // 61-point Kronrod rule (embedded 30-point Gauss rule as error estimate); it subdivides only
  // when that estimate exceeds the tolerance (extreme m_ℓ/Δ or m_χ1 ≪ Δ).
  return boost::math::quadrature::gauss_kronrod<Real, 61>::integrate(
      integrand, Real(0), Real(1), 15, chi2_width_tolerance<Real>());
}

/// Γ(χ2 → χ1 ℓ⁺ℓ⁻) [GeV] for masses in GeV; mass_lepton ≥ 0 (0 = the massless-lepton limit,
/// used by the tests for the m_e → 0 limit of docs/formula-notes.md §1.2). No validation of p here.
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_to_leptons_unchecked(const model::parameters<Real>& p,
                                                   Real mass_lepton) {
  const Real delta = p.splitting();
  if (!(delta > 2 * mass_lepton)) return Real(0);  // channel closed
  const Real sigma = (p.mass_chi1() + p.mass_chi2()) / delta;
  const Real j = chi2_width_integral(sigma, mass_lepton / delta, p.mass_aprime() / delta);
  const Real m2 = p.mass_chi2();
  const Real d2 = delta * delta;
  // docs/formula-notes.md §1.1: Γ = (1/2)·1/((2π)³ 32 m2³) ∫∫ Σ|M|² = α ε² α_D/(12π m2³) ∫ ds1
  // (...).
  return Real(constants::alpha_em) * p.epsilon() * p.epsilon() * p.alpha_dark() * d2 * d2 * j /
         (12 * Real(constants::pi) * m2 * m2 * m2);
}

}  // namespace detail

/// Exact leading-order Γ(χ2 → χ1 ℓ⁺ℓ⁻) [GeV] for a lepton of mass mass_lepton [GeV] > 0
/// (docs/formula-notes.md §1.1). Exactly 0 when Δ ≤ 2 m_ℓ.
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_to_leptons(const model::parameters<Real>& p, Real mass_lepton) {
  semivisible::detail::require_positive("semivisible::physics::chi2_width_to_leptons",
                                        "mass_lepton", mass_lepton);
  return detail::chi2_width_to_leptons_unchecked(p, mass_lepton);
}

/// Exact leading-order Γ(χ2 → χ1 e⁺e⁻) [GeV] with the physical electron mass.
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_exact(const model::parameters<Real>& p) {
  return detail::chi2_width_to_leptons_unchecked(p, Real(constants::mass_electron));
}

/// Γ(χ2 → χ1 μ⁺μ⁻) [GeV], open only for Δ > 2 m_μ.
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_muons(const model::parameters<Real>& p) {
  return detail::chi2_width_to_leptons_unchecked(p, Real(constants::mass_muon));
}

/// Total χ2 width [GeV]: e⁺e⁻ + μ⁺μ⁻ (hadronic channels would need Δ > 2 m_π and are not included).
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_total(const model::parameters<Real>& p) {
  return chi2_width_exact(p) + chi2_width_muons(p);
}

/// K = Γ_exact / (Eq. 2 with K = 1) at the point p; 0 when the e⁺e⁻ channel is closed.
template <std::floating_point Real>
[[nodiscard]] Real k_factor(const model::parameters<Real>& p) {
  const Real approx = chi2_width_kfactor(p, Real(1));
  if (!(approx > 0)) return Real(0);
  return chi2_width_exact(p) / approx;
}

/// Proper decay length of χ2, cτ = ħc / Γ_total [m]; +∞ when χ2 cannot decay (Δ ≤ 2 m_e).
template <std::floating_point Real>
[[nodiscard]] Real chi2_proper_decay_length(const model::parameters<Real>& p) {
  return proper_decay_length(chi2_width_total(p));
}

}  // namespace semivisible::physics
