// semivisible/production/form_factor.hpp — target materials and Tsai's atomic form factors.
//
// Models the squared charge form factor G2(t) of a target atom seen by a virtual photon of
// virtuality t [GeV²]: the elastic (screened nucleus) and inelastic (atomic electrons) terms of
//   Y.-S. Tsai, Rev. Mod. Phys. 46 (1974) 815, Eqs. (B38)-(B49), in the parametrisation of
//   Bjorken, Essig, Schuster, Toro, PRD 80 (2009) 075018, Eqs. (A18)-(A19), as coded in DMG4
//   (docs/formula-notes.md §3.1):
//     G2_el(t)   = Z² [a²t/(1+a²t)]² [1/(1+t/d)]²,           a = 111 Z^{-1/3}/m_e, d = 0.164
//     A^{-2/3} GeV² G2_inel(t) = Z  [a'²t/(1+a'²t)]² [(1 + t(μp²−1)/(4mp²))/(1 + t/0.71 GeV²)⁴]²,
//     a' = 773 Z^{-2/3}/m_e
// The target material also carries what the thick-target yield needs: atoms per radiation length.
#pragma once

#include <cmath>
#include <concepts>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace semivisible::production {

/// A target material for dark bremsstrahlung. Z, A [g/mol], X0 ρ [g/cm²].
struct target_material {
  double atomic_number;           ///< Z
  double mass_number;             ///< A [g/mol]
  double radiation_length_g_cm2;  ///< X0·ρ [g/cm²]

  /// Throws invalid_parameter naming the field when a value is not finite and > 0.
  void validate() const {
    constexpr const char* fn = "semivisible::production::target_material";
    semivisible::detail::require_positive(fn, "atomic_number", atomic_number);
    semivisible::detail::require_positive(fn, "mass_number", mass_number);
    semivisible::detail::require_positive(fn, "radiation_length_g_cm2", radiation_length_g_cm2);
  }

  friend constexpr bool operator==(const target_material&, const target_material&) = default;

  /// Atoms per unit area in one radiation length [1/m²]: X0ρ N_A / A (×1e4 cm²/m²).
  [[nodiscard]] double atoms_per_radiation_length_m2() const noexcept {
    return radiation_length_g_cm2 * constants::avogadro / mass_number * 1e4;
  }
};

/// Lead: Z = 82, A = 207.2 g/mol (PDG atomic and nuclear properties), X0ρ = 6.37 g/cm² (PDG).
/// Used for the NA64 Pb/Sc ECAL: the Pb atoms per X0 of the sandwich equal those of pure Pb
/// to a few per cent (docs/formula-notes.md §3.4), because Sc contributes little to X0.
inline constexpr target_material lead{82.0, 207.2, 6.37};

/// Elastic Tsai form factor G2_el(t) (t in GeV²) — docs/formula-notes.md §3.1, BEST PRD 80 Eq.
/// (A18).
template <std::floating_point Real>
[[nodiscard]] Real form_factor_elastic(Real t, const target_material& mat) {
  using std::cbrt;
  using std::pow;
  const Real z = Real(mat.atomic_number);
  const Real a = Real(111) / (cbrt(z) * Real(constants::mass_electron));
  const Real d = Real(0.164) / pow(Real(mat.mass_number), Real(2) / Real(3));
  const Real a2t = a * a * t;
  const Real screening = a2t / (1 + a2t);
  const Real nucleus = 1 / (1 + t / d);
  return z * z * screening * screening * nucleus * nucleus;
}

/// Inelastic Tsai form factor G2_inel(t) (t in GeV²) — docs/formula-notes.md §3.1, BEST PRD 80 Eq.
/// (A19).
template <std::floating_point Real>
[[nodiscard]] Real form_factor_inelastic(Real t, const target_material& mat) {
  using std::cbrt;
  const Real z = Real(mat.atomic_number);
  const Real ap = Real(773) / (cbrt(z) * cbrt(z) * Real(constants::mass_electron));
  const Real mp = Real(constants::mass_proton);
  const Real mu2 =
      Real(constants::proton_magnetic_moment) * Real(constants::proton_magnetic_moment);
  const Real a2t = ap * ap * t;
  const Real screening = a2t / (1 + a2t);
  const Real dipole = 1 + t / Real(0.71);
  const Real d2 = dipole * dipole;
  const Real proton = (1 + t * (mu2 - 1) / (4 * mp * mp)) / (d2 * d2);
  return z * screening * screening * proton * proton;
}

}  // namespace semivisible::production
