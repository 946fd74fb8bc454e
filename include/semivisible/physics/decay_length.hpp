// semivisible/physics/decay_length.hpp — proper and lab-frame decay lengths.
//
// cτ = ħc/Γ and λ_lab = βγ cτ = (p/m) cτ with p = √(E² − m²) (relativistic kinematics, PDG §49).
// A zero width means a stable particle: cτ = λ = +∞ (not an error).
#pragma once

#include <cmath>
#include <concepts>
#include <limits>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace semivisible::physics {

/// Proper decay length cτ [m] for a total width Γ [GeV]; +∞ when Γ = 0.
template <std::floating_point Real>
[[nodiscard]] Real proper_decay_length(Real width) {
  semivisible::detail::require_non_negative("semivisible::physics::proper_decay_length", "width",
                                            width);
  if (width == 0) return std::numeric_limits<Real>::infinity();
  return Real(constants::hbar_c) / width;
}

/// βγ = p/m for a particle of mass m and energy E ≥ m [GeV].
template <std::floating_point Real>
[[nodiscard]] Real beta_gamma(Real mass, Real energy) {
  constexpr const char* fn = "semivisible::physics::beta_gamma";
  semivisible::detail::require_positive(fn, "mass", mass);
  semivisible::detail::require_finite(fn, "energy", energy);
  if (!(energy >= mass))
    semivisible::detail::throw_invalid(fn, "energy", energy,
                                       fmt::format(">= mass = {} GeV", static_cast<double>(mass)));
  using std::sqrt;
  return sqrt((energy - mass) * (energy + mass)) / mass;
}

/// Lab-frame decay length λ = βγ cτ [m] of a particle of mass m, energy E [GeV], width Γ [GeV].
template <std::floating_point Real>
[[nodiscard]] Real lab_decay_length(Real mass, Real energy, Real width) {
  return beta_gamma(mass, energy) * proper_decay_length(width);
}

}  // namespace semivisible::physics
