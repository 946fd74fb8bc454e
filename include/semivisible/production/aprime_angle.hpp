// semivisible/production/aprime_angle.hpp — the A′ emission angle in dark bremsstrahlung, and the
// multiple-scattering angle of the shower e± (Highland).
//
// IWW double-differential cross section in x = E_A′/E0 and u = θ_A′²/2 (small angles), with the
// electron mass kept (DMG4 CrossSectionDSDXDU, docs/formula-notes.md §3.1; for m_e → 0 it is
// Bjorken, Essig, Schuster, Toro PRD 80 (2009) 075018 Eq. (A12), d cos θ = du):
//   dσ/(dx du) = 8 α³ ε² χ E0² (p_A′/E0) [ a/U² + b (c − d U)/U⁴ ],
//   U = 2E0² u x + m²(1−x)/x + m_e² x,   a = 1 − x + x²/2,   b = (1−x)²(m² + 2m_e²),
//   c = m² + m_e² x²/(1−x),   d = x/(1−x),
// with χ at the IWW t_min (photon_flux.hpp). Its u-integral is the angle-integrated IWW dσ/dx of
// cross_section.hpp (the two forms are algebraically equal; tested to 1e-10). Because the bracket
// is a polynomial in 1/U and dU = 2E0²x du, the angular CDF at fixed (x, E0) is closed-form:
//   F(u) ∝ a(1/M − 1/U) + (bc/3)(1/M³ − 1/U³) − (bd/2)(1/M² − 1/U²),   M = U(u = 0),
// (u from 0 to ∞: the θ ≤ π bound changes nothing, U(θ = π) ≫ M). The quantile solves
// F(u) = p by bisection in ln U (monotone F); the equal-probability quadrature puts n angles at
// the quantiles (k + ½)/n with weights 1/n.
// Highland: θ0 = (13.6 MeV/(βcp)) z √(x/X0) [1 + 0.038 ln(x z²/(X0 β²))] (PDG 2022 Eq. (34.16)),
// the plane-projected rms angle, accurate to 11 % for 1e-3 < x/X0 < 100.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <vector>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/cross_section.hpp"

namespace semivisible::production {

namespace detail {
/// Coefficients of the IWW double differential at fixed (x, m, E0); see the header comment.
template <std::floating_point Real>
struct iww_angle_coefficients {
  Real a, b, c, d, m_zero, slope;  // m_zero = U(u = 0), slope = dU/du = 2E0²x
  iww_angle_coefficients(Real x, Real mass_aprime, Real energy) {
    const Real me2 = Real(constants::mass_electron) * Real(constants::mass_electron);
    const Real m2 = mass_aprime * mass_aprime;
    a = 1 - x + x * x / 2;
    b = (1 - x) * (1 - x) * (m2 + 2 * me2);
    c = m2 + me2 * x * x / (1 - x);
    d = x / (1 - x);
    m_zero = m2 * (1 - x) / x + me2 * x;
    slope = 2 * energy * energy * x;
  }
  // ∫_0^u du [a/U² + b(c − dU)/U⁴] × slope, as a function of U(u)
  [[nodiscard]] Real primitive(Real u_big) const {
    const Real im = 1 / m_zero, iu = 1 / u_big;
    return a * (im - iu) + b * c * (im * im * im - iu * iu * iu) / 3 -
           b * d * (im * im - iu * iu) / 2;
  }
  [[nodiscard]] Real total() const {
    const Real im = 1 / m_zero;
    return a * im + b * c * im * im * im / 3 - b * d * im * im / 2;
  }
};

template <std::floating_point Real>
void check_angle_inputs(const char* fn, Real x, Real mass_aprime, Real energy) {
  semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_positive(fn, "energy", energy);
  const auto r = aprime_x_range(mass_aprime, energy);
  if (!(x > r.min) || !(x < r.max))
    semivisible::detail::throw_invalid(
        fn, "x", x,
        fmt::format("in the kinematic range ({}, {})", static_cast<double>(r.min),
                    static_cast<double>(r.max)));
}
}  // namespace detail

/// dσ_IWW/(dx du) / (8α³ε²χ) [GeV⁻²] at x = E_A′/E0, u = θ²/2 (0 outside the x range).
template <std::floating_point Real>
[[nodiscard]] Real iww_xu_shape(Real x, Real u, Real mass_aprime, Real energy) {
  using std::sqrt;
  const auto r = aprime_x_range(mass_aprime, energy);
  if (!(x > r.min) || !(x < r.max) || !(u >= 0)) return Real(0);
  const detail::iww_angle_coefficients<Real> k(x, mass_aprime, energy);
  const Real big_u = k.slope * u + k.m_zero;
  const Real p_over_e = sqrt((x - r.min) * (x + r.min));
  const Real u2 = big_u * big_u;
  return energy * energy * p_over_e * (k.a / u2 + k.b * (k.c - k.d * big_u) / (u2 * u2));
}

/// dσ_IWW/(dx du) [GeV⁻²] for mixing ε on `mat` (χ at the IWW t_min, as cross_section.hpp).
template <std::floating_point Real>
[[nodiscard]] Real iww_double_differential_cross_section(
    Real x, Real u, Real mass_aprime, Real energy, Real epsilon, const target_material& mat,
    form_factors which = form_factors::elastic_and_inelastic) {
  const Real a = Real(constants::alpha_em);
  return 8 * a * a * a * epsilon * epsilon * photon_flux(mass_aprime, energy, mat, which) *
         iww_xu_shape(x, u, mass_aprime, energy);
}

/// P(θ_A′ < θ) at fixed x and E0 [GeV] (θ in rad, small-angle: u = θ²/2).
template <std::floating_point Real>
[[nodiscard]] Real iww_angle_cdf(Real theta, Real x, Real mass_aprime, Real energy) {
  detail::check_angle_inputs("semivisible::production::iww_angle_cdf", x, mass_aprime, energy);
  if (!(theta > 0)) return Real(0);
  const detail::iww_angle_coefficients<Real> k(x, mass_aprime, energy);
  const Real big_u = k.slope * theta * theta / 2 + k.m_zero;
  return k.primitive(big_u) / k.total();
}

/// The angle θ [rad] with P(θ_A′ < θ) = p at fixed x and E0 (0 < p < 1): bisection in ln U to
/// a relative 1e-12 in U.
template <std::floating_point Real>
[[nodiscard]] Real iww_angle_quantile(Real p, Real x, Real mass_aprime, Real energy) {
  constexpr const char* fn = "semivisible::production::iww_angle_quantile";
  detail::check_angle_inputs(fn, x, mass_aprime, energy);
  semivisible::detail::require_open_interval(fn, "p", p, Real(0), Real(1));
  using std::exp;
  using std::log;
  using std::sqrt;
  const detail::iww_angle_coefficients<Real> k(x, mass_aprime, energy);
  const Real target = p * k.total();
  Real lo = log(k.m_zero), hi = lo + 1;
  while (k.primitive(exp(hi)) < target) hi += 2 * (hi - lo);  // F → 1 as U → ∞
  for (int i = 0; i < 200 && hi - lo > Real(1e-12); ++i) {
    const Real mid = (lo + hi) / 2;
    (k.primitive(exp(mid)) < target ? lo : hi) = mid;
  }
  const Real big_u = exp((lo + hi) / 2);
  return sqrt(2 * (big_u - k.m_zero) / k.slope);
}

/// An angle node and its probability weight.
struct angle_node {
  double theta;   ///< rad
  double weight;  ///< probability (the weights sum to 1)
};

/// n equal-probability angles (quantiles (k + ½)/n, weights 1/n) at fixed x and E0 [GeV].
[[nodiscard]] inline std::vector<angle_node> iww_angle_nodes(std::size_t n, double x,
                                                             double mass_aprime, double energy) {
  if (n == 0)
    semivisible::detail::throw_invalid("semivisible::production::iww_angle_nodes", "n", 0, ">= 1");
  std::vector<angle_node> nodes;
  nodes.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const double p = (static_cast<double>(k) + 0.5) / static_cast<double>(n);
    nodes.push_back({iww_angle_quantile(p, x, mass_aprime, energy), 1.0 / static_cast<double>(n)});
  }
  return nodes;
}

/// Highland multiple-scattering angle θ0 [rad] (plane rms) after `thickness_X0` radiation
/// lengths for momentum p [GeV], velocity β and charge z (PDG 2022 Eq. (34.16)).
[[nodiscard]] inline double highland_angle(double momentum, double thickness_X0, double beta = 1.0,
                                           double charge = 1.0) {
  constexpr const char* fn = "semivisible::production::highland_angle";
  semivisible::detail::require_positive(fn, "momentum", momentum);
  semivisible::detail::require_positive(fn, "thickness_X0", thickness_X0);
  semivisible::detail::require_open_interval(fn, "beta", beta, 0.0, 1.0 + 1e-15);
  semivisible::detail::require_positive(fn, "|charge|", std::fabs(charge));
  const double z = std::fabs(charge);
  return 13.6e-3 / (beta * momentum) * z * std::sqrt(thickness_X0) *
         (1 + 0.038 * std::log(thickness_X0 * z * z / (beta * beta)));
}

}  // namespace semivisible::production
