// semivisible/production/cross_section.hpp — dark-bremsstrahlung cross section e Z → e Z A′.
//
// IWW (improved Weizsäcker–Williams) single-differential cross section in x = E_A′/E0,
// angle-integrated, with the electron mass kept (docs/formula-notes.md §3.1, DMG4 CrossSectionDSDX;
// Liu, McKeen, Miller PRD 95 (2017) 036010 and Bjorken et al. PRD 80 (2009) 075018 Eq. (A14)):
//   dσ_IWW/dx = 4 α³ ε² χ (p_A′/E0) [m_e² x(−2+2x+x²) − 2Ũ(3−3x+x²)] / (6 x Ũ²),
//   Ũ = −m²(1−x)/x − m_e² x,  p_A′ = √(x²E0² − m²),  x ∈ [m/E0, 1 − m_e/E0];
// for m_e → 0 this is 4α³ε²χ x[1 + x²/(3(1−x))]/m² (BEST Eq. (A14)).
// IWW total as coded in DMG4 (docs/formula-notes.md §3.1, TotalCrossSectionCalc):
//   σ_IWW = (4/3) α³ ε² χ β ln(1/δ²)/m²,  β = √(1 − m²/E0²),  δ = max(m_e/m, m/E0).
// ETL (exact tree level): σ_ETL = σ_IWW/K(m, E0) with K from k_factor.hpp, and the differential
// ETL cross section in the DMG4 convention: the IWW x-shape normalised to σ_ETL,
//   dσ_ETL/dx = σ_ETL · (dσ_IWW/dx) / ∫dx (dσ_IWW/dx),
// so that ∫ dσ_ETL/dx = σ_ETL exactly (DMG4 samples x from the IWW shape and normalises with
// σ_ETL). α = constants::alpha_em (CODATA); DMG4 uses 1/137, which makes its σ 0.08 % smaller.
// Units: cross sections in GeV⁻² (units::pb converts), masses and energies in GeV.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/form_factor.hpp"
#include "semivisible/production/k_factor.hpp"
#include "semivisible/production/photon_flux.hpp"

namespace semivisible::production {

/// Kinematic x range [x_min, x_max] = [m/E0, 1 − m_e/E0] (DMG4, docs/formula-notes.md §3.1; the
/// nuclear-recoil term m⁴/(8E0³A) of x_max is < 1e-9 here and dropped).
template <std::floating_point Real>
struct x_range {
  Real min;
  Real max;
};

template <std::floating_point Real>
[[nodiscard]] x_range<Real> aprime_x_range(Real mass_aprime, Real energy) {
  return {mass_aprime / energy, 1 - Real(constants::mass_electron) / energy};
}

/// The IWW x-shape dσ_IWW/dx / (4α³ε²χ) [GeV⁻²]; 0 outside the kinematic range.
template <std::floating_point Real>
[[nodiscard]] Real iww_x_shape(Real x, Real mass_aprime, Real energy) {
  using std::sqrt;
  const auto r = aprime_x_range(mass_aprime, energy);
  if (!(x > r.min) || !(x < r.max)) return Real(0);
  const Real me = Real(constants::mass_electron);
  const Real me2 = me * me;
  const Real m2 = mass_aprime * mass_aprime;
  const Real u = -m2 * (1 - x) / x - me2 * x;
  const Real p_over_e = sqrt((x - r.min) * (x + r.min));  // √(x² − m²/E0²)
  return p_over_e * (me2 * x * (-2 + 2 * x + x * x) - 2 * u * (3 - 3 * x + x * x)) /
         (6 * x * u * u);
}

/// ∫_{max(x_lo, x_min)}^{x_max} dx iww_x_shape [GeV⁻²]. Integrated in v = −ln(1−x), where the
/// 1/(1−x) peak of the shape becomes flat (adaptive Gauss–Kronrod).
template <std::floating_point Real>
[[nodiscard]] Real iww_x_shape_integral(Real mass_aprime, Real energy, Real x_lo = Real(0)) {
  using std::exp;
  using std::log1p;
  const auto r = aprime_x_range(mass_aprime, energy);
  const Real lo = std::max(x_lo, r.min);
  if (!(lo < r.max)) return Real(0);
  auto f = [&](Real v) {
    const Real one_minus_x = exp(-v);
    return iww_x_shape(1 - one_minus_x, mass_aprime, energy) * one_minus_x;
  };
  Real error = 0;
  return boost::math::quadrature::gauss_kronrod<Real, 31>::integrate(f, -log1p(-lo), -log1p(-r.max),
                                                                     20, Real(1e-10), &error);
}

/// σ_IWW [GeV⁻²] in the DMG4 closed form (docs/formula-notes.md §3.1) for mixing ε.
template <std::floating_point Real>
[[nodiscard]] Real iww_total_cross_section(
    Real mass_aprime, Real energy, Real epsilon, const target_material& mat,
    form_factors which = form_factors::elastic_and_inelastic) {
  constexpr const char* fn = "semivisible::production::iww_total_cross_section";
  semivisible::detail::require_positive(fn, "epsilon", epsilon);
  // ln(1/δ²) with δ = max(m_e/m, m/E0) is > 0 only for m_e < m < E0: outside, σ ≤ 0 and its log
  // (etl_cross_section) is NaN.
  if (!(mass_aprime > Real(constants::mass_electron)) || !(mass_aprime < energy))
    semivisible::detail::throw_invalid(
        fn, "mass_aprime", mass_aprime,
        fmt::format("in (m_e = {} GeV, energy = {} GeV) (the IWW cross section needs m_e < m_A' < "
                    "E0)",
                    constants::mass_electron, static_cast<double>(energy)));
  using std::log;
  using std::max;
  using std::sqrt;
  const Real chi = photon_flux(mass_aprime, energy, mat, which);
  const Real a = Real(constants::alpha_em);
  const Real beta = sqrt(1 - mass_aprime * mass_aprime / (energy * energy));
  const Real delta = max(Real(constants::mass_electron) / mass_aprime, mass_aprime / energy);
  return Real(4) / 3 * a * a * a * epsilon * epsilon * chi * beta * log(1 / (delta * delta)) /
         (mass_aprime * mass_aprime);
}

/// σ_ETL = σ_IWW/K(m, E0) [GeV⁻²] on lead (K table without the ×1.1; see k_factor.hpp).
template <std::floating_point Real>
[[nodiscard]] Real etl_total_cross_section(
    Real mass_aprime, Real energy, Real epsilon, const target_material& mat,
    form_factors which = form_factors::elastic_and_inelastic) {
  return iww_total_cross_section(mass_aprime, energy, epsilon, mat, which) /
         Real(k_factor_etl(static_cast<double>(mass_aprime), static_cast<double>(energy)));
}

/// dσ_ETL/dx [GeV⁻²] at x for an electron of energy E0 (DMG4 convention, see header comment).
template <std::floating_point Real>
[[nodiscard]] Real etl_differential_cross_section(
    Real x, Real mass_aprime, Real energy, Real epsilon, const target_material& mat,
    form_factors which = form_factors::elastic_and_inelastic) {
  return etl_total_cross_section(mass_aprime, energy, epsilon, mat, which) *
         iww_x_shape(x, mass_aprime, energy) / iww_x_shape_integral(mass_aprime, energy);
}

/// σ_ETL(E_A′ > x_cut E0) [GeV⁻²]: the ETL cross section above an energy-fraction threshold.
template <std::floating_point Real>
[[nodiscard]] Real etl_cross_section_above(
    Real x_cut, Real mass_aprime, Real energy, Real epsilon, const target_material& mat,
    form_factors which = form_factors::elastic_and_inelastic) {
  return etl_total_cross_section(mass_aprime, energy, epsilon, mat, which) *
         iww_x_shape_integral(mass_aprime, energy, x_cut) /
         iww_x_shape_integral(mass_aprime, energy);
}

/// dσ_ETL/dx at ε = 1 for one A′ mass, tabulated over electron energies [E_lo, E_hi] so that the
/// thick-target integrals evaluate it in a few nanoseconds: χ(E), K(m, E) and the shape
/// normalisation vary slowly with E and are interpolated linearly in ln E on `n_energies` points
/// (relative error < 1e-4 for 11 points over 50–100 GeV, tested against the direct formula).
class etl_cross_section {
 public:
  static constexpr std::size_t n_energies = 21;

  etl_cross_section(double mass_aprime, double energy_lo, double energy_hi,
                    const target_material& mat,
                    form_factors which = form_factors::elastic_and_inelastic)
      : mass_(mass_aprime), log_lo_(std::log(energy_lo)) {
    constexpr const char* fn = "semivisible::production::etl_cross_section";
    semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
    semivisible::detail::require_positive(fn, "energy_lo", energy_lo);
    if (!(energy_hi > energy_lo) || !std::isfinite(energy_hi))
      semivisible::detail::throw_invalid(fn, "energy_hi", energy_hi,
                                         fmt::format("finite and > energy_lo = {}", energy_lo));
    if (!(mass_aprime < energy_lo))
      semivisible::detail::throw_invalid(fn, "mass_aprime", mass_aprime,
                                         fmt::format("< energy_lo = {} GeV", energy_lo));
    step_ = (std::log(energy_hi) - log_lo_) / static_cast<double>(n_energies - 1);
    for (std::size_t i = 0; i < n_energies; ++i) {
      const double e = std::exp(log_lo_ + step_ * static_cast<double>(i));
      log_norm_[i] = std::log(etl_total_cross_section(mass_aprime, e, 1.0, mat, which) /
                              iww_x_shape_integral(mass_aprime, e));
    }
  }

  [[nodiscard]] double mass_aprime() const noexcept { return mass_; }

  /// dσ_ETL/dx at ε = 1 [GeV⁻²] for an electron of energy E [GeV] inside the table range.
  [[nodiscard]] double differential(double x, double energy) const noexcept {
    return normalisation(energy) * iww_x_shape(x, mass_, energy);
  }

  /// σ_ETL/∫shape at energy E (interpolated) [dimensionless ratio of GeV⁻²].
  [[nodiscard]] double normalisation(double energy) const noexcept {
    double u = (std::log(energy) - log_lo_) / step_;
    u = std::clamp(u, 0.0, static_cast<double>(n_energies - 1));
    const auto i = std::min(static_cast<std::size_t>(u), n_energies - 2);
    const double f = u - static_cast<double>(i);
    return std::exp(log_norm_[i] + f * (log_norm_[i + 1] - log_norm_[i]));
  }

 private:
  double mass_;
  double log_lo_;
  double step_ = 0;
  std::array<double, n_energies> log_norm_{};
};

}  // namespace semivisible::production
