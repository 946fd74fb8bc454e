// semivisible/physics/chi2_width.hpp — Γ(χ2 → χ1 e⁺e⁻) through an off-shell A′.
//
// The NA64 2021 paper, Eq. 2: Γ ≃ K · 4 ε² α α_D Δ⁵ / (15 π m_A′⁴), K = 0.640 ± 0.004
// (MadGraph/CalcHEP), an approximation valid for Δ ≪ m_χ1, m_e → 0 and Δ² ≪ m_A′².
// The channel is closed (Γ = 0 exactly) for Δ ≤ 2 m_e.
#pragma once

#include <concepts>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"

namespace semivisible::physics {

/// K of the NA64 2021 paper, Eq. 2.
inline constexpr double k_factor_na64_2021 = 0.640;

/// Eq. 2 of the NA64 2021 paper with the given K [GeV]; 0 when Δ ≤ 2 m_e (channel closed).
template <std::floating_point Real>
[[nodiscard]] Real chi2_width_kfactor(const model::parameters<Real>& p,
                                      Real k_factor = Real(k_factor_na64_2021)) {
  detail::require_positive("semivisible::physics::chi2_width_kfactor", "k_factor", k_factor);
  const Real delta = p.splitting();
  if (!(delta > 2 * Real(constants::mass_electron))) return Real(0);
  const Real m = p.mass_aprime();
  const Real delta2 = delta * delta;
  return k_factor * 4 * p.epsilon() * p.epsilon() * Real(constants::alpha_em) * p.alpha_dark() *
         delta2 * delta2 * delta / (15 * Real(constants::pi) * m * m * m * m);
}

}  // namespace semivisible::physics
