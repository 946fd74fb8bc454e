// semivisible/kinematics/lorentz.hpp — four-momenta, boosts and two-body decays in flight, for the
// event-level acceptance (detector planes far downstream).
//
// A four-momentum is (E, p⃗) in GeV with p⃗ an Eigen 3-vector. `boost_to_lab(q*, P)` takes q* from
// the rest frame of a parent of four-momentum P (mass M) to the frame where the parent has P
// (Jackson, Classical Electrodynamics, Eq. 11.19; PDG Kinematics §49.1):
//   E = γ(E* + β⃗·p⃗*),  p⃗ = p⃗* + [(γ − 1)(β̂·p⃗*) + γβE*] β̂,  β⃗ = p⃗/E, γ = E/M.
// `two_body_decay` decays P → m_a m_b with the daughter a along the rest-frame direction
// (cos θ*, φ*) — isotropic for cos θ* uniform in [−1, 1] and φ* in [0, 2π) (the spin-averaged
// decay of an unpolarised particle, PDG §49.4) — and returns both daughters in the lab.
#pragma once

#include <cmath>
#include <utility>

#include <Eigen/Core>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace semivisible::kinematics {

/// A four-momentum [GeV].
struct four_momentum {
  double energy = 0;
  Eigen::Vector3d momentum = Eigen::Vector3d::Zero();

  [[nodiscard]] double mass_squared() const noexcept {
    return energy * energy - momentum.squaredNorm();
  }
  [[nodiscard]] double mass() const noexcept { return std::sqrt(std::max(mass_squared(), 0.0)); }
  /// Polar angle of the momentum with the +z axis (the beam) [rad].
  [[nodiscard]] double theta() const noexcept {
    return std::atan2(std::hypot(momentum.x(), momentum.y()), momentum.z());
  }
};

/// A unit vector at polar angle θ (cos θ given) and azimuth φ around the z axis.
[[nodiscard]] inline Eigen::Vector3d direction(double cos_theta, double phi) noexcept {
  const double s = std::sqrt(std::max(0.0, 1 - cos_theta * cos_theta));
  return {s * std::cos(phi), s * std::sin(phi), cos_theta};
}

/// A particle of mass m [GeV] and energy E ≥ m [GeV] moving along the unit vector n.
[[nodiscard]] inline four_momentum on_shell(double mass, double energy, const Eigen::Vector3d& n) {
  const double p = std::sqrt(std::max(0.0, (energy - mass) * (energy + mass)));
  return {energy, p * n};
}

/// q* from the rest frame of the parent P (mass M > 0) to the frame where the parent has P.
[[nodiscard]] inline four_momentum boost_to_lab(const four_momentum& q, const four_momentum& parent,
                                                double parent_mass) {
  const double gamma = parent.energy / parent_mass;
  const double p = parent.momentum.norm();
  if (!(p > 0)) return q;
  const Eigen::Vector3d n = parent.momentum / p;
  const double beta_gamma = p / parent_mass;
  const double q_parallel = n.dot(q.momentum);
  return {gamma * q.energy + beta_gamma * q_parallel,
          q.momentum + ((gamma - 1) * q_parallel + beta_gamma * q.energy) * n};
}

/// P (mass M) → a (mass m_a) + b (mass m_b), a along (cos θ*, φ*) in the parent's rest frame (the
/// frame axes are those of the lab). Returns {a, b} in the lab; throws when m_a + m_b ≥ M.
[[nodiscard]] inline std::pair<four_momentum, four_momentum> two_body_decay(
    const four_momentum& parent, double parent_mass, double mass_a, double mass_b,
    double cos_theta_star, double phi_star) {
  if (!(mass_a + mass_b < parent_mass))
    semivisible::detail::throw_invalid("semivisible::kinematics::two_body_decay", "parent_mass",
                                       parent_mass,
                                       fmt::format("> mass_a + mass_b = {} GeV", mass_a + mass_b));
  const double m2 = parent_mass * parent_mass;
  const double sum = mass_a + mass_b, dif = mass_a - mass_b;
  const double p = std::sqrt((m2 - sum * sum) * (m2 - dif * dif)) / (2 * parent_mass);
  const double e_a = (m2 + mass_a * mass_a - mass_b * mass_b) / (2 * parent_mass);
  const Eigen::Vector3d n = direction(cos_theta_star, phi_star);
  const four_momentum a{e_a, p * n}, b{parent_mass - e_a, -p * n};
  return {boost_to_lab(a, parent, parent_mass), boost_to_lab(b, parent, parent_mass)};
}

}  // namespace semivisible::kinematics
