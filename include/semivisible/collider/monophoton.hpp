// semivisible/collider/monophoton.hpp — e⁺e⁻ → γ A′ at an asymmetric collider: the photon angular
// distribution in the centre-of-mass frame and the beam boost.
//
// Matrix element (massless electrons, narrow A′ of mass m, √s the CM energy): the QED process
// e⁺e⁻ → γγ* with one photon massive and its coupling scaled by ε,
//   (1/4) Σ|M|² = 2 e⁴ ε² (t/u + u/t + 2 m² s/(t u)),
//   t = −(s − m²)(1 − cosθ)/2,  u = −(s − m²)(1 + cosθ)/2,
// (the e⁺e⁻ → γγ amplitude, Berestetskii–Lifshitz–Pitaevskii, QED §88, with one photon given the
// mass m; the form used for B-factory A′ searches, e.g. Essig, Mardon, Papucci, Volansky, Zhong,
// JHEP 11 (2013) 167, arXiv:1309.5084; derivation in docs/physics-collider.md §1), hence
//   dσ/dcosθ* = (2π α² ε² / s) (1 − m²/s) [1 + cos²θ* + 4 m² s/(s − m²)²] / sin²θ*,        (1)
// θ* the photon polar angle in the CM frame w.r.t. the e⁻ beam. Its m → 0 limit is the e⁺e⁻ → γγ
// distribution (2πα²/s)(1 + cos²θ)/sin²θ. In the narrow-width limit the photon is monochromatic,
//   E*_γ = (s − m²)/(2√s),   E*_A′ = (s + m²)/(2√s),   p*_A′ = E*_γ,                        (2)
// so a cut on E*_γ is a cut on m alone and does not change the angular shape of accepted events.
// The shape integrates analytically: with k = 4 m² s/(s − m²)²,
//   ∫ [1 + c² + k]/(1 − c²) dc = −c + (2 + k) artanh(c),                                      (3)
// (tested against Boost.Math Gauss–Kronrod and tests/collider/monophoton_check.py).
// Not included: initial-state radiation (the A′ is produced at the nominal √s) and the beam
// energy spread (a few MeV, irrelevant for the angular shape).
//
// Beams: the e⁻ beam travels along +z (the BaBar convention: the boost is forward), energies
// E⁻ and E⁺ ≫ m_e, so s = 4 E⁻ E⁺ and the CM moves along +z with
//   γ_cm = (E⁻ + E⁺)/√s,   β_cm γ_cm = (E⁻ − E⁺)/√s          (PDG Kinematics §49.1).
// Energies in GeV, cross sections in GeV⁻² (units::pb converts).
#pragma once

#include <cmath>
#include <concepts>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace semivisible::collider {

/// Two colliding beams: e⁻ along +z, e⁺ along −z, energies in GeV (electron mass neglected).
struct beam_energies {
  double electron_GeV = 0;  ///< E⁻ [GeV], beam along +z
  double positron_GeV = 0;  ///< E⁺ [GeV], beam along −z

  /// Throws invalid_parameter unless both energies are finite and > 0.
  void validate(const char* function) const {
    semivisible::detail::require_positive(function, "electron_GeV", electron_GeV);
    semivisible::detail::require_positive(function, "positron_GeV", positron_GeV);
  }
  /// s = 4 E⁻ E⁺ [GeV²]
  [[nodiscard]] double s() const noexcept { return 4 * electron_GeV * positron_GeV; }
  /// √s [GeV]
  [[nodiscard]] double sqrt_s() const noexcept { return std::sqrt(s()); }
  /// γ of the CM frame in the lab
  [[nodiscard]] double gamma_cm() const noexcept {
    return (electron_GeV + positron_GeV) / sqrt_s();
  }
  /// βγ of the CM frame in the lab (> 0: boosted along the e⁻ beam)
  [[nodiscard]] double beta_gamma_cm() const noexcept {
    return (electron_GeV - positron_GeV) / sqrt_s();
  }
};

namespace detail {
template <class Real>
void check_production(const char* fn, Real s, Real mass_aprime) {
  semivisible::detail::require_positive(fn, "s", s);
  semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
  if (!(mass_aprime * mass_aprime < s))
    semivisible::detail::throw_invalid(
        fn, "mass_aprime", mass_aprime,
        fmt::format("< sqrt(s) = {} GeV", std::sqrt(static_cast<double>(s))));
}
template <class Real>
void check_cosine(const char* fn, const char* name, Real c) {
  semivisible::detail::require_finite(fn, name, c);
  if (!(c > -1 && c < 1)) semivisible::detail::throw_invalid(fn, name, c, "in (-1, 1)");
}
}  // namespace detail

/// Photon energy in the CM frame, Eq. (2) [GeV].
template <std::floating_point Real>
[[nodiscard]] Real photon_energy_cm(Real s, Real mass_aprime) {
  detail::check_production("semivisible::collider::photon_energy_cm", s, mass_aprime);
  using std::sqrt;
  return (s - mass_aprime * mass_aprime) / (2 * sqrt(s));
}

/// k = 4 m² s/(s − m²)², the mass term of Eq. (1).
template <std::floating_point Real>
[[nodiscard]] Real monophoton_mass_term(Real s, Real mass_aprime) {
  detail::check_production("semivisible::collider::monophoton_mass_term", s, mass_aprime);
  const Real m2 = mass_aprime * mass_aprime;
  return 4 * m2 * s / ((s - m2) * (s - m2));
}

/// Angular shape [1 + c² + k]/(1 − c²) of Eq. (1), c = cosθ*_γ ∈ (−1, 1).
template <std::floating_point Real>
[[nodiscard]] Real monophoton_angular_shape(Real s, Real mass_aprime, Real cos_theta) {
  detail::check_cosine("semivisible::collider::monophoton_angular_shape", "cos_theta", cos_theta);
  const Real k = monophoton_mass_term(s, mass_aprime);
  return (1 + cos_theta * cos_theta + k) / ((1 - cos_theta) * (1 + cos_theta));
}

/// ∫_{c1}^{c2} of the angular shape, Eq. (3); −1 < c1 ≤ c2 < 1.
template <std::floating_point Real>
[[nodiscard]] Real monophoton_angular_integral(Real s, Real mass_aprime, Real cos_min,
                                               Real cos_max) {
  constexpr const char* fn = "semivisible::collider::monophoton_angular_integral";
  detail::check_cosine(fn, "cos_min", cos_min);
  detail::check_cosine(fn, "cos_max", cos_max);
  if (!(cos_max >= cos_min))
    semivisible::detail::throw_invalid(
        fn, "cos_max", cos_max, fmt::format(">= cos_min = {}", static_cast<double>(cos_min)));
  using std::atanh;
  const Real k = monophoton_mass_term(s, mass_aprime);
  const auto primitive = [k](Real c) { return -c + (2 + k) * atanh(c); };
  return primitive(cos_max) - primitive(cos_min);
}

/// dσ/dcosθ*_γ of e⁺e⁻ → γA′, Eq. (1) [GeV⁻²].
template <std::floating_point Real>
[[nodiscard]] Real monophoton_differential_cross_section(Real s, Real mass_aprime, Real epsilon,
                                                         Real cos_theta) {
  semivisible::detail::require_positive(
      "semivisible::collider::monophoton_differential_cross_section", "epsilon", epsilon);
  const Real alpha = Real(constants::alpha_em);
  return 2 * Real(constants::pi) * alpha * alpha * epsilon * epsilon / s *
         (1 - mass_aprime * mass_aprime / s) * monophoton_angular_shape(s, mass_aprime, cos_theta);
}

/// σ(e⁺e⁻ → γA′) with cos_min < cosθ*_γ < cos_max, from Eqs. (1) and (3) [GeV⁻²].
template <std::floating_point Real>
[[nodiscard]] Real monophoton_cross_section(Real s, Real mass_aprime, Real epsilon, Real cos_min,
                                            Real cos_max) {
  semivisible::detail::require_positive("semivisible::collider::monophoton_cross_section",
                                        "epsilon", epsilon);
  const Real alpha = Real(constants::alpha_em);
  return 2 * Real(constants::pi) * alpha * alpha * epsilon * epsilon / s *
         (1 - mass_aprime * mass_aprime / s) *
         monophoton_angular_integral(s, mass_aprime, cos_min, cos_max);
}

}  // namespace semivisible::collider
