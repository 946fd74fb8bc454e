// semivisible/kinematics/two_body.hpp — the prompt decay A′ → χ1 χ2 in flight.
//
// Two-body decay of a spin-1 A′ summed over polarisations: isotropic in the A′ rest frame
// (the spin-averaged decay of an unpolarised particle has no preferred axis; PDG Kinematics §49.4).
// Rest-frame momentum and energy (PDG Eq. 49.17):
//   p* = √[(M² − (m1+m2)²)(M² − (m1−m2)²)]/(2M),  E2* = (M² + m2² − m1²)/(2M).
// In the lab, for an A′ of energy E (γ = E/M, βγ = p/M), E2 = γE2* + βγ p* cosθ*, and cosθ*
// uniform in [−1, 1] makes E2 uniform between the edges E2± = γE2* ± βγ p* (flat distribution).
// Hence ⟨E2⟩/E = E2*/M (docs/formula-notes.md T13: 0.5533 at the benchmark) and the χ2 boost
// βγ2 = √(E2² − m2²)/m2. All energies and masses in GeV.
#pragma once

#include <cmath>
#include <concepts>

#include "semivisible/error.hpp"

namespace semivisible::kinematics {

/// Rest-frame quantities of M → m1 m2 [GeV].
template <std::floating_point Real>
struct two_body_rest_frame {
  Real momentum;     ///< p*
  Real energy_chi2;  ///< E2*
  Real energy_chi1;  ///< E1*
};

/// p*, E2*, E1* for a parent of mass M decaying to m1 + m2 < M (throws otherwise).
template <std::floating_point Real>
[[nodiscard]] two_body_rest_frame<Real> rest_frame(Real mass_parent, Real mass_chi1,
                                                   Real mass_chi2) {
  constexpr const char* fn = "semivisible::kinematics::rest_frame";
  semivisible::detail::require_positive(fn, "mass_parent", mass_parent);
  semivisible::detail::require_positive(fn, "mass_chi1", mass_chi1);
  semivisible::detail::require_positive(fn, "mass_chi2", mass_chi2);
  if (!(mass_chi1 + mass_chi2 < mass_parent))
    semivisible::detail::throw_invalid(fn, "mass_parent", mass_parent,
                                       fmt::format("> mass_chi1 + mass_chi2 = {} GeV",
                                                   static_cast<double>(mass_chi1 + mass_chi2)));
  using std::sqrt;
  const Real m2 = mass_parent * mass_parent;
  const Real sum = mass_chi1 + mass_chi2;
  const Real dif = mass_chi2 - mass_chi1;
  const Real p = sqrt((m2 - sum * sum) * (m2 - dif * dif)) / (2 * mass_parent);
  const Real e2 = (m2 + mass_chi2 * mass_chi2 - mass_chi1 * mass_chi1) / (2 * mass_parent);
  return {p, e2, mass_parent - e2};
}

/// Edges [E2−, E2+] of the flat lab-energy distribution of χ2 [GeV].
template <std::floating_point Real>
struct energy_edges {
  Real lower;
  Real upper;
};

/// E2± = γE2* ± βγp* for a parent of energy E ≥ M.
template <std::floating_point Real>
[[nodiscard]] energy_edges<Real> chi2_energy_edges(Real energy_parent, Real mass_parent,
                                                   Real mass_chi1, Real mass_chi2) {
  constexpr const char* fn = "semivisible::kinematics::chi2_energy_edges";
  semivisible::detail::require_finite(fn, "energy_parent", energy_parent);
  if (!(energy_parent >= mass_parent))
    semivisible::detail::throw_invalid(
        fn, "energy_parent", energy_parent,
        fmt::format(">= mass_parent = {} GeV", static_cast<double>(mass_parent)));
  using std::sqrt;
  const auto r = rest_frame(mass_parent, mass_chi1, mass_chi2);
  const Real gamma = energy_parent / mass_parent;
  const Real beta_gamma =
      sqrt((energy_parent - mass_parent) * (energy_parent + mass_parent)) / mass_parent;
  return {gamma * r.energy_chi2 - beta_gamma * r.momentum,
          gamma * r.energy_chi2 + beta_gamma * r.momentum};
}

/// dP/dE2 [1/GeV]: flat between the edges, 0 outside.
template <std::floating_point Real>
[[nodiscard]] Real chi2_energy_density(Real energy_chi2, Real energy_parent, Real mass_parent,
                                       Real mass_chi1, Real mass_chi2) {
  const auto e = chi2_energy_edges(energy_parent, mass_parent, mass_chi1, mass_chi2);
  if (energy_chi2 < e.lower || energy_chi2 > e.upper || !(e.upper > e.lower)) return Real(0);
  return 1 / (e.upper - e.lower);
}

/// Lab energy of χ2 for rest-frame emission angle cosθ* (relative to the A′ direction) [GeV].
template <std::floating_point Real>
[[nodiscard]] Real chi2_energy(Real cos_theta_star, Real energy_parent, Real mass_parent,
                               Real mass_chi1, Real mass_chi2) {
  semivisible::detail::require_finite("semivisible::kinematics::chi2_energy", "cos_theta_star",
                                      cos_theta_star);
  if (!(cos_theta_star >= -1 && cos_theta_star <= 1))
    semivisible::detail::throw_invalid("semivisible::kinematics::chi2_energy", "cos_theta_star",
                                       cos_theta_star, "in [-1, 1]");
  const auto e = chi2_energy_edges(energy_parent, mass_parent, mass_chi1, mass_chi2);
  return Real(0.5) * (e.lower + e.upper) + Real(0.5) * (e.upper - e.lower) * cos_theta_star;
}

/// Boost βγ = p/m of a particle of mass m and energy E ≥ m.
template <std::floating_point Real>
[[nodiscard]] Real boost_factor(Real mass, Real energy) {
  using std::sqrt;
  if (!(energy >= mass) || !(mass > 0))
    semivisible::detail::throw_invalid(
        "semivisible::kinematics::boost_factor", "energy", energy,
        fmt::format(">= mass = {} > 0 GeV", static_cast<double>(mass)));
  return sqrt((energy - mass) * (energy + mass)) / mass;
}

}  // namespace semivisible::kinematics
