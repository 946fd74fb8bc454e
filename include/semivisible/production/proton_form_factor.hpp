// semivisible/production/proton_form_factor.hpp — the timelike Dirac form factor F1(q²) of the
// proton in vector-meson dominance, for the p → p A′ vertex of proton bremsstrahlung.
//
// F1(q²) = Σ_V f_V m_V² / (m_V² − q² − i m_V Γ_V),  V = ρ, ρ′, ρ″, ω, ω′, ω″,
// the unitary-and-analytic VMD form of A. Faessler, C. Fuchs, M.I. Krivoruchenko, PRC 82 (2010)
// 038201, arXiv:0910.5589, as used for A′ bremsstrahlung by J. Blümlein and J. Brunner, PLB 731
// (2014) 320, arXiv:1311.3870 (the |F1(m_A′²)|² factor of their d²N/(dz dp_T²)). Default
// parameters (`faessler_2010`): masses 0.77, 1.25, 1.45 GeV for both the ρ and the ω families
// (the model's degenerate ρ/ω towers), widths Γ_ρ = 0.15, Γ_ω = 0.0085, Γ_ρ′ = Γ_ω′ = 0.3,
// Γ_ρ″ = Γ_ω″ = 0.5 GeV, couplings f_ρ = 0.6165, f_ρ′ = 0.2232, f_ρ″ = −0.3397, f_ω = 1.0118,
// f_ω′ = −0.8817, f_ω″ = 0.3699; Σ f_V = 1.0000 so that F1(0) = 1 (charge normalisation; tested).
// These numbers are as read in the public BdNMC implementation of the Faessler et al. form
// factor (the paper itself was not readable here); they are a plain struct, so a user can
// substitute another set (e.g. PDG ρ/ω masses) without touching the code.
// Constant widths (no energy dependence), as in the papers above. Pure functions; thread-safe.
#pragma once

#include <array>
#include <complex>
#include <concepts>

#include "semivisible/error.hpp"

namespace semivisible::production {

/// One vector-meson pole: coupling f_V, mass m_V [GeV], width Γ_V [GeV].
struct vector_meson_pole {
  double coupling;
  double mass;
  double width;
};

/// A VMD parameter set of F1 (six poles).
struct proton_vmd_parameters {
  std::array<vector_meson_pole, 6> poles;
};

/// Faessler–Fuchs–Krivoruchenko 2010 parameters (see the header comment).
inline constexpr proton_vmd_parameters faessler_2010{{{
    {0.6165340033101271, 0.77, 0.15},    // ρ
    {0.22320420111672623, 1.25, 0.3},    // ρ′
    {-0.33973820442685326, 1.45, 0.5},   // ρ″
    {1.0117544786579074, 0.77, 0.0085},  // ω
    {-0.8816565944110686, 1.25, 0.3},    // ω′
    {0.3699021157531611, 1.45, 0.5},     // ω″
}}};

/// F1(q²) for q² [GeV²] (timelike q² > 0: q² = m_A′²).
template <std::floating_point Real>
[[nodiscard]] std::complex<Real> proton_form_factor_f1(
    Real q2, const proton_vmd_parameters& par = faessler_2010) {
  semivisible::detail::require_finite("semivisible::production::proton_form_factor_f1", "q2", q2);
  std::complex<Real> sum{0, 0};
  for (const auto& v : par.poles) {
    const Real m2 = Real(v.mass) * Real(v.mass);
    sum += Real(v.coupling) * m2 / std::complex<Real>(m2 - q2, -Real(v.mass) * Real(v.width));
  }
  return sum;
}

/// |F1(q²)|².
template <std::floating_point Real>
[[nodiscard]] Real proton_form_factor_f1_squared(Real q2,
                                                 const proton_vmd_parameters& par = faessler_2010) {
  return std::norm(proton_form_factor_f1(q2, par));
}

}  // namespace semivisible::production
