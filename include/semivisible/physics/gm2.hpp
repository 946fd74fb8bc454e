// semivisible/physics/gm2.hpp — lepton anomalous magnetic moment from one dark-photon loop, and the
// ε band that explains the muon g−2 discrepancy.
//
// One-loop A′ contribution (Pospelov, PRD 80 (2009) 095002, arXiv:0811.1030; docs/formula-notes.md
// §6):
//   a_ℓ^{A′} = (α ε² / 2π) F(m_A′/m_ℓ),
//   F = ∫₀¹ dz 2 m_ℓ² z (1 − z)² / [m_ℓ² (1 − z)² + m_A′² z],
// with the limits F → 1 (m_A′ ≪ m_ℓ) and F → 2 m_ℓ² / (3 m_A′²) (m_A′ ≫ m_ℓ).
// F is integrated with Boost.Math's adaptive Gauss–Kronrod rule (31 points, relative 1e-10 for
// double); for m_A′ ≫ m_ℓ the integrand peaks at z ~ m_ℓ²/m_A′² and the rule subdivides there.
// Because a ∝ ε², the ε giving a_μ^{A′} = Δa_μ is analytic: ε = √(2π Δa_μ / (α F)).
// The band uses Δa_μ ± nσ (n = 1, 2) of the NA64 2021 paper, (251 ± 59)·10⁻¹¹ (BNL + FNAL 2021),
// or the pre-Fermilab BNL value (279 ± 76)·10⁻¹¹ (constants.hpp). An edge with Δa_μ − nσ ≤ 0 is
// reported as ε = 0 (the band then reaches down to no coupling at all), never as NaN.
// Domain: m_A′ in model::limits ([1e-9, 1e4] GeV; e.g. m_A′ = 1e300 GeV made F underflow to 0 and
// ε = ∞), ε in model::limits, 0 < Δa_μ < 1 and 0 ≤ σ < 1; outside, invalid_parameter.
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <limits>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"

namespace semivisible::physics {

/// A measured discrepancy Δa_μ = a_μ(exp) − a_μ(SM) with its 1σ error.
struct gm2_discrepancy {
  double value;
  double error;
};

/// Δa_μ = (251 ± 59)·10⁻¹¹, the value used by the NA64 2021 paper (BNL + FNAL 2021).
inline constexpr gm2_discrepancy gm2_discrepancy_2021{constants::delta_amu_2021,
                                                      constants::delta_amu_2021_error};
/// Δa_μ = (279 ± 76)·10⁻¹¹, BNL E821 before the Fermilab result (the paper's blue band).
inline constexpr gm2_discrepancy gm2_discrepancy_bnl{constants::delta_amu_bnl,
                                                     constants::delta_amu_bnl_error};

/// The loop function F(m_A′/m_ℓ) of Pospelov 2009 (dimensionless, 0 < F ≤ 1); masses in GeV.
template <std::floating_point Real>
[[nodiscard]] Real gm2_loop_function(Real mass_aprime, Real mass_lepton) {
  constexpr const char* fn = "semivisible::physics::gm2_loop_function";
  semivisible::detail::require_model_mass(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_positive(fn, "mass_lepton", mass_lepton);
  const Real r = mass_aprime / mass_lepton;
  const Real r2 = r * r;
  // docs/formula-notes.md §6, divided through by m_ℓ².
  const auto integrand = [r2](Real z) -> Real {
    const Real y = 1 - z;
    return 2 * z * y * y / (y * y + r2 * z);
  };
  const Real tol = std::max(Real(1e-10), 100 * std::numeric_limits<Real>::epsilon());
  return boost::math::quadrature::gauss_kronrod<Real, 31>::integrate(integrand, Real(0), Real(1),
                                                                     20, tol);
}

/// a_ℓ^{A′} = α ε² F / 2π, the one-loop A′ contribution to (g−2)/2 of a lepton of mass m_ℓ [GeV]
/// (default: the muon).
template <std::floating_point Real>
[[nodiscard]] Real gm2_aprime_contribution(Real mass_aprime, Real epsilon,
                                           Real mass_lepton = Real(constants::mass_muon)) {
  semivisible::detail::require_model_epsilon("semivisible::physics::gm2_aprime_contribution",
                                             epsilon);
  return Real(constants::alpha_em) * epsilon * epsilon / (2 * Real(constants::pi)) *
         gm2_loop_function(mass_aprime, mass_lepton);
}

/// ε such that the A′ loop gives a_μ^{A′} = Δa_μ exactly: ε = √(2π Δa_μ / (α F)); Δa_μ > 0.
template <std::floating_point Real>
[[nodiscard]] Real epsilon_for_delta_amu(Real mass_aprime, Real delta_amu) {
  semivisible::detail::require_open_interval("semivisible::physics::epsilon_for_delta_amu",
                                             "delta_amu", delta_amu, Real(0), Real(1));
  using std::sqrt;
  const Real f = gm2_loop_function(mass_aprime, Real(constants::mass_muon));
  return sqrt(2 * Real(constants::pi) * delta_amu / (Real(constants::alpha_em) * f));
}

/// The ε band at one m_A′: ε for Δa_μ, Δa_μ ± 1σ and Δa_μ ± 2σ. A lower edge whose Δa_μ − nσ ≤ 0
/// is 0 (the band extends down to ε = 0), never NaN.
template <std::floating_point Real = double>
struct gm2_epsilon_band {
  Real central;         ///< ε(Δa_μ)
  Real one_sigma_low;   ///< ε(Δa_μ − σ), or 0 when Δa_μ − σ ≤ 0
  Real one_sigma_high;  ///< ε(Δa_μ + σ)
  Real two_sigma_low;   ///< ε(Δa_μ − 2σ), or 0 when Δa_μ − 2σ ≤ 0
  Real two_sigma_high;  ///< ε(Δa_μ + 2σ)

  /// True when ε lies within the ±nσ band (n = 1 or 2).
  [[nodiscard]] bool contains(Real epsilon, int n_sigma = 2) const noexcept {
    return n_sigma == 1 ? (epsilon >= one_sigma_low && epsilon <= one_sigma_high)
                        : (epsilon >= two_sigma_low && epsilon <= two_sigma_high);
  }
};

/// The ε band for Δa_μ ± σ at m_A′ [GeV]. delta_amu > 0, delta_amu_error ≥ 0.
template <std::floating_point Real>
[[nodiscard]] gm2_epsilon_band<Real> gm2_band(Real mass_aprime, Real delta_amu,
                                              Real delta_amu_error) {
  constexpr const char* fn = "semivisible::physics::gm2_band";
  semivisible::detail::require_model_mass(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_open_interval(fn, "delta_amu", delta_amu, Real(0), Real(1));
  semivisible::detail::require_non_negative(fn, "delta_amu_error", delta_amu_error);
  if (!(delta_amu_error < 1))
    semivisible::detail::throw_invalid(fn, "delta_amu_error", delta_amu_error, "< 1");
  using std::sqrt;
  // a ∝ ε²: one loop-function evaluation, then ε(x) = ε(Δa) √(x/Δa).
  const Real central = epsilon_for_delta_amu(mass_aprime, delta_amu);
  const auto edge = [&](Real x) { return x > 0 ? central * sqrt(x / delta_amu) : Real(0); };
  return {central, edge(delta_amu - delta_amu_error), edge(delta_amu + delta_amu_error),
          edge(delta_amu - 2 * delta_amu_error), edge(delta_amu + 2 * delta_amu_error)};
}

/// The ε band for a named discrepancy (default: the NA64 2021 paper's (251 ± 59)·10⁻¹¹).
template <std::floating_point Real>
[[nodiscard]] gm2_epsilon_band<Real> gm2_band(Real mass_aprime,
                                              gm2_discrepancy d = gm2_discrepancy_2021) {
  return gm2_band(mass_aprime, Real(d.value), Real(d.error));
}

}  // namespace semivisible::physics
