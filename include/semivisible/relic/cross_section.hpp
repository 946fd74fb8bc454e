// semivisible/relic/cross_section.hpp — the coannihilation cross section χ1 χ2 → A′* → SM.
//
// Off-diagonal vector current g_D χ̄2 γ^μ χ1 A′_μ and ε e A′_μ J^μ_em (the NA64 2021 paper, Eq. 1).
// For unequal masses m1, m2 and every final state f (docs/formula-notes.md §7.2, re-derived in
// docs/physics.md §8.1):
//   σ12(s) = (1/4)(4πα ε²)(4πα_D) [R_tot(s)/(6π)] · 4[2(q·p1)(q·p2) + s p1·p2 + 3 s m1 m2]
//            / (2 λ^{1/2}(s, m1², m2²) [(s − m_A′²)² + m_A′² Γ_A′²]),
// the 1/4 averaging over the two Majorana spins, with R_tot = Σ_f R_f the e, μ, τ and hadronic
// ratios of physics/r_ratio.hpp (Q_f² N_c A_f(s) = R_f(s)/(6π) for a lepton).
// A′ total width in the propagator: Γ(A′→χ1χ2) (physics/aprime_width.hpp, 0 when closed) plus
// Γ(A′→SM) = ε² α m_A′ R_tot(m_A′²)/3 — the same R as in σ12, so hadrons enter consistently.
#pragma once

#include <cmath>
#include <concepts>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/r_ratio.hpp"

namespace semivisible::relic {

/// The four parameters of the relic stage plus ε. Masses in GeV; Δ/m_χ1 = splitting_ratio ≥ 0
/// (0 is the pseudo-Dirac/Dirac limit, allowed here although the model class needs Δ > 0).
template <std::floating_point Real = double>
struct dark_sector {
  Real mass_chi1;        ///< m_χ1 [GeV]
  Real splitting_ratio;  ///< Δ/m_χ1
  Real alpha_dark;       ///< α_D
  Real mass_ratio;       ///< m_A′/m_χ1
  Real epsilon;          ///< kinetic mixing ε

  [[nodiscard]] Real mass_chi2() const noexcept { return mass_chi1 * (1 + splitting_ratio); }
  [[nodiscard]] Real mass_aprime() const noexcept { return mass_chi1 * mass_ratio; }
  /// y = ε² α_D (m_χ1/m_A′)⁴ (docs/formula-notes.md §7)
  [[nodiscard]] Real y() const noexcept {
    const Real r = 1 / mass_ratio;
    return epsilon * epsilon * alpha_dark * r * r * r * r;
  }
  /// Throws invalid_parameter naming `function` for a non-physical point.
  void validate(const char* function) const {
    semivisible::detail::require_positive(function, "mass_chi1", mass_chi1);
    semivisible::detail::require_non_negative(function, "splitting_ratio", splitting_ratio);
    semivisible::detail::require_positive(function, "alpha_dark", alpha_dark);
    semivisible::detail::require_positive(function, "mass_ratio", mass_ratio);
    semivisible::detail::require_positive(function, "epsilon", epsilon);
  }
};

/// Total A′ width [GeV]: Γ(A′→χ1χ2) + ε² α m_A′ R_tot(m_A′²)/3 (e, μ, τ, hadrons).
template <std::floating_point Real>
[[nodiscard]] Real aprime_total_width(const dark_sector<Real>& p) {
  p.validate("semivisible::relic::aprime_total_width");
  const Real m = p.mass_aprime();
  const Real dark = physics::aprime_width_chi1chi2(m, p.alpha_dark, p.mass_chi1, p.mass_chi2());
  return dark +
         p.epsilon * p.epsilon * Real(constants::alpha_em) * m * physics::r_ratio_total(m * m) / 3;
}

/// σ(χ1χ2 → A′* → SM) [GeV⁻²] at s [GeV²], spin-averaged, for a given total A′ width [GeV].
/// Returns 0 below threshold s ≤ (m1 + m2)².
template <std::floating_point Real>
[[nodiscard]] Real sigma_chi1chi2(Real s, const dark_sector<Real>& p, Real width_aprime) noexcept {
  using std::sqrt;
  const Real m1 = p.mass_chi1, m2 = p.mass_chi2(), ma = p.mass_aprime();
  const Real sum = m1 + m2, diff = m2 - m1;
  const Real lambda = (s - sum * sum) * (s - diff * diff);  // Källén λ(s, m1², m2²)
  if (!(lambda > 0)) return Real(0);
  const Real pi = Real(constants::pi);
  const Real qp1 = (s + m1 * m1 - m2 * m2) / 2, qp2 = (s + m2 * m2 - m1 * m1) / 2;
  const Real p1p2 = (s - m1 * m1 - m2 * m2) / 2;
  const Real initial = 4 * (2 * qp1 * qp2 + s * p1p2 + 3 * s * m1 * m2);  // H^{μν}(q_μq_ν − s g_μν)
  const Real propagator = (s - ma * ma) * (s - ma * ma) + ma * ma * width_aprime * width_aprime;
  const Real couplings =
      4 * pi * Real(constants::alpha_em) * p.epsilon * p.epsilon * 4 * pi * p.alpha_dark;
  return couplings / 4 * physics::r_ratio_total(s) / (6 * pi) * initial /
         (2 * sqrt(lambda) * propagator);
}

}  // namespace semivisible::relic
