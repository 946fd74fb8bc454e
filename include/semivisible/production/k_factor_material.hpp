// semivisible/production/k_factor_material.hpp — the IWW → exact-tree-level factor K = σ_IWW/σ_ETL
// for any target material, from the Weizsäcker–Williams cross section with the x- and
// angle-dependent minimal momentum transfer.
//
// WW (Liu, McKeen, Miller PRD 95 (2017) 036010 Sec. II; Bjorken, Essig, Schuster, Toro PRD 80
// (2009) 075018 App. A, Eqs. (A12), (A17) before the IWW simplification):
//   σ_WW = ∫dx ∫du 8α³ε² χ(t_min(x,u), t_max) E0²(p_A′/E0)[a/U² + b(c − dU)/U⁴] (aprime_angle.hpp)
//   t_min(x,u) = [U/(2E0(1 − x))]²,  t_max = m²  (the t_max of photon_flux.hpp, DMG4),
//   χ(t_min, t_max) = ∫_{t_min}^{t_max} dt (t − t_min)/t² (G2_el + G2_inel)   (form_factor.hpp).
// IWW replaces t_min(x,u) by its smallest value m⁴/(4E0²) and integrates the angle analytically;
// σ_IWW here is DMG4's closed form (cross_section.hpp), the quantity DMG4's K divides.
// K_WW = σ_IWW/σ_WW. Against DMG4's exact-tree-level table for lead (k_factor.hpp), K_WW agrees
// to within the numbers in docs/physics-shower.md §4 (a few per cent at m ≥ 10 MeV, worse below).
// Material-aware K (k_factor_for): lead → the DMG4 table (as cross_section.hpp); another material
// → K_DMG4,Pb(m, E0) × K_WW,mat(m, E0)/K_WW,Pb(m, E0): the ETL normalisation from lead, the Z and
// A dependence (screening a ∝ Z^{-1/3}, nuclear size d ∝ A^{-2/3}) from WW, where the WW errors
// largely cancel. Inside the DMG4 grid only (1 MeV ≤ m ≤ 1 GeV, 20 ≤ E0 ≤ 160 GeV); outside it a
// non-lead material throws semivisible::domain_error unless the caller asks for the edge values
// (k_factor_edges::use_edge_values: lead's edge value × the WW ratio at the true point; lead
// itself always keeps the table's edge values, as k_factor.hpp).
// Method: χ(t_min) is tabulated on 64 points in ln t_min (cubic B-spline, 1e-6), the (x, U)
// integral is adaptive Gauss–Kronrod in v = −ln(1 − x) and ln U (relative 1e-7). ≈ 2–10 ms per
// (m, E0, material).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/math/interpolators/cardinal_cubic_b_spline.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/aprime_angle.hpp"
#include "semivisible/production/cross_section.hpp"
#include "semivisible/production/k_factor.hpp"
#include "semivisible/production/materials.hpp"

namespace semivisible::production {

/// χ(t_min, t_max) = ∫ dt (t − t_min)/t² G2(t) for arbitrary limits (t in GeV²; 0 if t_min ≥
/// t_max).
[[nodiscard]] inline double photon_flux_between(
    double t_min, double t_max, const target_material& mat,
    form_factors which = form_factors::elastic_and_inelastic) {
  if (!(t_min < t_max)) return 0.0;
  auto integrand = [&](double lt) {
    const double t = std::exp(lt);
    double g2 = form_factor_elastic(t, mat);
    if (which == form_factors::elastic_and_inelastic) g2 += form_factor_inelastic(t, mat);
    return (1 - t_min / t) * g2;
  };
  double error = 0;
  return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(
      integrand, std::log(t_min), std::log(t_max), 15, 1e-10, &error);
}

/// σ_WW [GeV⁻²] at ε = 1 for A′ mass m [GeV] from an electron of energy E0 [GeV] on `mat`.
[[nodiscard]] inline double ww_total_cross_section(
    double mass_aprime, double energy, const target_material& mat,
    form_factors which = form_factors::elastic_and_inelastic) {
  constexpr const char* fn = "semivisible::production::ww_total_cross_section";
  semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_positive(fn, "energy", energy);
  if (!(mass_aprime < energy))
    semivisible::detail::throw_invalid(fn, "mass_aprime", mass_aprime,
                                       fmt::format("< energy = {} GeV", energy));
  mat.validate();
  const double m2 = mass_aprime * mass_aprime;
  const double t_max = m2;
  // χ(t_min) table in ln t_min over [m⁴/(8E0²), m²].
  constexpr std::size_t n_table = 64;
  const double l_lo = std::log(m2 * m2 / (8 * energy * energy));
  const double l_hi = std::log(t_max);
  const double step = (l_hi - l_lo) / static_cast<double>(n_table - 1);
  std::vector<double> chi(n_table);
  for (std::size_t i = 0; i < n_table; ++i)
    chi[i] = photon_flux_between(std::exp(l_lo + step * static_cast<double>(i)), t_max, mat, which);
  chi.back() = 0;
  const boost::math::interpolators::cardinal_cubic_b_spline<double> spline(chi.begin(), chi.end(),
                                                                           l_lo, step);
  auto chi_at = [&](double t_min) {
    const double l = std::log(t_min);
    if (l >= l_hi) return 0.0;
    if (l <= l_lo) return photon_flux_between(t_min, t_max, mat, which);
    return std::max(0.0, spline(l));
  };
  const auto r = aprime_x_range(mass_aprime, energy);
  const double me2 = constants::mass_electron * constants::mass_electron;
  auto inner = [&](double x) {
    const double m_zero = m2 * (1 - x) / x + me2 * x;
    const double slope = 2 * energy * energy * x;
    const double u_max = 2 * energy * (1 - x) * mass_aprime;  // t_min(U) = t_max
    if (!(u_max > m_zero)) return 0.0;
    auto g = [&](double lu) {
      const double big_u = std::exp(lu);
      const double t_min = big_u * big_u / (4 * energy * energy * (1 - x) * (1 - x));
      return chi_at(t_min) * iww_xu_shape(x, (big_u - m_zero) / slope, mass_aprime, energy) *
             big_u / slope;
    };
    double error = 0;
    return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(
        g, std::log(m_zero), std::log(u_max), 10, 1e-6, &error);
  };
  auto outer = [&](double v) {
    const double one_minus_x = std::exp(-v);
    return inner(1 - one_minus_x) * one_minus_x;
  };
  double error = 0;
  const double integral = boost::math::quadrature::gauss_kronrod<double, 31>::integrate(
      outer, -std::log1p(-r.min), -std::log1p(-r.max), 12, 1e-6, &error);
  const double a = constants::alpha_em;
  return 8 * a * a * a * integral;
}

/// K_WW = σ_IWW (DMG4 closed form) / σ_WW for `mat`.
[[nodiscard]] inline double k_factor_ww(double mass_aprime, double energy,
                                        const target_material& mat,
                                        form_factors which = form_factors::elastic_and_inelastic) {
  return iww_total_cross_section(mass_aprime, energy, 1.0, mat, which) /
         ww_total_cross_section(mass_aprime, energy, mat, which);
}

/// Whether `mat` is DMG4's lead (the K table's own material).
[[nodiscard]] inline bool is_lead(const target_material& mat) noexcept {
  return mat.atomic_number == lead.atomic_number && mat.mass_number == lead.mass_number;
}

/// What k_factor_for does outside DMG4's (m, E0) grid for a material other than lead.
enum class k_factor_edges {
  throw_outside,   ///< semivisible::domain_error (default)
  use_edge_values  ///< lead's edge value (as k_factor_etl) × the WW ratio at the true (m, E0)
};

/// Material-aware K = σ_IWW/σ_ETL (see the header comment): lead → DMG4's table; other
/// materials → lead's table × K_WW,mat/K_WW,Pb inside the table's (m, E0) grid, outside it
/// domain_error unless `edges` = use_edge_values.
[[nodiscard]] inline double k_factor_for(double mass_aprime, double energy,
                                         const target_material& mat,
                                         k_factor_edges edges = k_factor_edges::throw_outside,
                                         form_factors which = form_factors::elastic_and_inelastic) {
  if (is_lead(mat)) return k_factor_etl(mass_aprime, energy);
  if (edges == k_factor_edges::throw_outside && !k_factor_in_table(mass_aprime, energy))
    throw domain_error(fmt::format(
        "semivisible::production::k_factor_for: (mass_aprime, energy) = ({}, {}) GeV, but the "
        "ETL K factor of a material other than lead (Z = {}) exists only inside DMG4's table, "
        "1e-3 <= m <= 1 GeV and 20 <= E0 <= 160 GeV",
        mass_aprime, energy, mat.atomic_number));
  return k_factor_etl(mass_aprime, energy) * k_factor_ww(mass_aprime, energy, mat, which) /
         k_factor_ww(mass_aprime, energy, lead, which);
}

}  // namespace semivisible::production
