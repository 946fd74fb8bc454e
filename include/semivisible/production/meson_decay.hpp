// semivisible/production/meson_decay.hpp — A′ from the radiative decays P → γ A′ of the light
// pseudoscalars P = π⁰, η, η′ produced in a proton beam dump.
//
// Branching ratio (Batell, Pospelov, Ritz, PRD 80 (2009) 095024, Eq. (15); the kinetic-mixing
// replacement of one photon of P → γγ, with the two-body phase space of a massive vector):
//   BR(P → γA′) = 2 ε² (1 − m_A′²/m_P²)³ BR(P → γγ),   0 for m_A′ ≥ m_P (channel closed).
// BR(P → γγ) and the masses are PDG 2022 (constants.hpp).
// Kinematics: the decay of a spin-0 meson is isotropic in its rest frame; there the A′ has
//   p* = (m_P² − m_A′²)/(2 m_P),  E* = (m_P² + m_A′²)/(2 m_P)   (PDG Kinematics Eq. 49.17, m_γ =
//   0),
// and it is boosted along the meson flight direction (θ_P, φ_P = 0) to the lab:
//   E = γ(E* + β p* cosθ*),  p_∥ = γ(p* cosθ* + β E*),  p_⊥ = p* sinθ*   (pure boost, PDG 49.3),
// then rotated by θ_P about the y axis. The lab energy is flat in [γ(E* − βp*), γ(E* + βp*)].
// Integration over the decay angles: Gauss–Legendre in cosθ* × the trapezoidal rule in φ*
// (periodic integrand: exponential convergence); weights sum to 1 (an average over 4π).
// Sampling: two uniform numbers u1, u2 ∈ [0, 1] → cosθ* = 2u1 − 1, φ* = 2π u2 (the caller owns the
// random engine, so every function here is pure and thread-safe).
// Accuracy: exact kinematics in double precision; the quadrature error depends on the smoothness of
// what is averaged (tested on polynomials: exact to 1e-14 for degree < 2 n_cos).
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <numbers>
#include <string_view>
#include <vector>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace semivisible::production {

/// The light pseudoscalar mesons with a γγ decay.
enum class meson { pi0, eta, eta_prime };

/// Mass [GeV] and BR(→ γγ) of a meson (PDG 2022).
struct meson_properties {
  double mass;
  double branching_ratio_gamma_gamma;
  std::string_view name;
};

/// PDG 2022 properties of `m` (constants.hpp).
[[nodiscard]] constexpr meson_properties properties(meson m) noexcept {
  switch (m) {
    case meson::pi0:
      return {constants::mass_pion_neutral, constants::branching_ratio_pion_neutral_gamma_gamma,
              "pi0"};
    case meson::eta:
      return {constants::mass_eta, constants::branching_ratio_eta_gamma_gamma, "eta"};
    case meson::eta_prime:
      return {constants::mass_eta_prime, constants::branching_ratio_eta_prime_gamma_gamma,
              "eta_prime"};
  }
  return {constants::mass_pion_neutral, constants::branching_ratio_pion_neutral_gamma_gamma, "pi0"};
}

/// BR(P → γA′) = 2ε²(1 − m²/m_P²)³ BR(P → γγ) (Batell–Pospelov–Ritz 2009 Eq. 15); 0 when closed.
template <std::floating_point Real>
[[nodiscard]] Real branching_ratio_gamma_aprime(Real mass_meson, Real branching_ratio_gamma_gamma,
                                                Real mass_aprime, Real epsilon = Real(1)) {
  constexpr const char* fn = "semivisible::production::branching_ratio_gamma_aprime";
  semivisible::detail::require_positive(fn, "mass_meson", mass_meson);
  semivisible::detail::require_non_negative(fn, "branching_ratio_gamma_gamma",
                                            branching_ratio_gamma_gamma);
  semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_finite(fn, "epsilon", epsilon);
  if (!(mass_aprime < mass_meson)) return Real(0);  // channel closed
  const Real r = mass_aprime / mass_meson;
  const Real phase = (1 - r) * (1 + r);  // 1 − m²/m_P², without cancellation near threshold
  return 2 * epsilon * epsilon * phase * phase * phase * branching_ratio_gamma_gamma;
}

/// BR(P → γA′) for one of the tabulated mesons (PDG 2022 mass and BR(γγ)).
[[nodiscard]] inline double branching_ratio_gamma_aprime(meson m, double mass_aprime,
                                                         double epsilon = 1.0) {
  const auto p = properties(m);
  return branching_ratio_gamma_aprime(p.mass, p.branching_ratio_gamma_gamma, mass_aprime, epsilon);
}

/// An A′ (or any particle) in the lab: energy and momentum [GeV], polar and azimuthal angle [rad]
/// with respect to the beam axis.
template <std::floating_point Real>
struct lab_momentum {
  Real energy;
  Real momentum;
  Real theta;
  Real phi;
};

/// The A′ of P → γA′ in the lab, for a meson of mass m_P and momentum p_P [GeV] flying at polar
/// angle θ_P [rad] (azimuth 0), and the A′ emitted at (θ*, φ*) in the meson rest frame, θ*
/// measured from the meson flight direction. Throws unless 0 < m_A′ < m_P, p_P ≥ 0,
/// θ_P ∈ [0, π], cosθ* ∈ [−1, 1].
template <std::floating_point Real>
[[nodiscard]] lab_momentum<Real> decay_to_lab(Real mass_meson, Real momentum_meson,
                                              Real theta_meson, Real mass_aprime,
                                              Real cos_theta_star, Real phi_star) {
  constexpr const char* fn = "semivisible::production::decay_to_lab";
  semivisible::detail::require_positive(fn, "mass_meson", mass_meson);
  semivisible::detail::require_non_negative(fn, "momentum_meson", momentum_meson);
  semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_finite(fn, "phi_star", phi_star);
  if (!(mass_aprime < mass_meson))
    semivisible::detail::throw_invalid(
        fn, "mass_aprime", mass_aprime,
        fmt::format("< mass_meson = {} GeV", static_cast<double>(mass_meson)));
  if (!(theta_meson >= 0 && theta_meson <= Real(std::numbers::pi)))
    semivisible::detail::throw_invalid(fn, "theta_meson", theta_meson, "in [0, pi]");
  if (!(cos_theta_star >= -1 && cos_theta_star <= 1))
    semivisible::detail::throw_invalid(fn, "cos_theta_star", cos_theta_star, "in [-1, 1]");
  using std::atan2;
  using std::cos;
  using std::sin;
  using std::sqrt;
  // Rest frame (PDG 49.17 with a massless photon).
  const Real p_star = (mass_meson - mass_aprime) * (mass_meson + mass_aprime) / (2 * mass_meson);
  const Real e_star = (mass_meson * mass_meson + mass_aprime * mass_aprime) / (2 * mass_meson);
  const Real gamma = sqrt(momentum_meson * momentum_meson + mass_meson * mass_meson) / mass_meson;
  const Real beta_gamma = momentum_meson / mass_meson;
  const Real sin_theta_star = sqrt((1 - cos_theta_star) * (1 + cos_theta_star));
  // Boost along the meson direction (z′).
  const Real energy = gamma * e_star + beta_gamma * p_star * cos_theta_star;
  const Real p_parallel = gamma * p_star * cos_theta_star + beta_gamma * e_star;
  const Real px = p_star * sin_theta_star * cos(phi_star);
  const Real py = p_star * sin_theta_star * sin(phi_star);
  // Rotation by θ_P about y: z′ → (sinθ_P, 0, cosθ_P).
  const Real ct = cos(theta_meson);
  const Real st = sin(theta_meson);
  const Real x = px * ct + p_parallel * st;
  const Real z = -px * st + p_parallel * ct;
  const Real transverse = sqrt(x * x + py * py);
  const Real momentum = sqrt(transverse * transverse + z * z);
  return {energy, momentum, atan2(transverse, z), atan2(py, x)};
}

/// Lab energy edges [E−, E+] of the A′ from a meson of momentum p_P [GeV] (the flat spectrum).
template <std::floating_point Real>
struct energy_range {
  Real lower;
  Real upper;
};

/// E± = γ(E* ± βp*) [GeV] for P → γA′ in flight; throws unless 0 < m_A′ < m_P, p_P ≥ 0.
template <std::floating_point Real>
[[nodiscard]] energy_range<Real> aprime_energy_range(Real mass_meson, Real momentum_meson,
                                                     Real mass_aprime) {
  const auto lo = decay_to_lab(mass_meson, momentum_meson, Real(0), mass_aprime, Real(-1), Real(0));
  const auto hi = decay_to_lab(mass_meson, momentum_meson, Real(0), mass_aprime, Real(1), Real(0));
  return {lo.energy, hi.energy};
}

namespace detail {

/// Gauss–Legendre nodes and weights on [−1, 1] for n ≥ 1 points (Newton iteration on P_n from
/// the Chebyshev-like initial guess cos(π(i − 1/4)/(n + 1/2)); converges to machine precision).
struct gauss_legendre_rule {
  std::vector<double> nodes;
  std::vector<double> weights;
};

/// Legendre P_n(x) and P_{n−1}(x) by the three-term recurrence (n ≥ 1).
inline void legendre_pair(std::size_t n, double x, double& pn, double& pn_minus_1) {
  double p0 = 1.0;
  double p1 = x;
  for (std::size_t k = 2; k <= n; ++k) {
    const double dk = static_cast<double>(k);
    const double p2 = ((2 * dk - 1) * x * p1 - (dk - 1) * p0) / dk;
    p0 = p1;
    p1 = p2;
  }
  pn = p1;
  pn_minus_1 = p0;
}

[[nodiscard]] inline gauss_legendre_rule gauss_legendre(std::size_t n) {
  if (n == 0)
    semivisible::detail::throw_invalid("semivisible::production::detail::gauss_legendre", "n", 0.0,
                                       ">= 1");
  gauss_legendre_rule r{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  if (n == 1) {
    r.weights[0] = 2.0;
    return r;
  }
  const double dn = static_cast<double>(n);
  for (std::size_t i = 0; i < n / 2; ++i) {
    double x = std::cos(std::numbers::pi * (static_cast<double>(i) + 0.75) / (dn + 0.5));
    double pn = 0.0;
    double pm = 0.0;
    for (int iteration = 0; iteration < 100; ++iteration) {
      legendre_pair(n, x, pn, pm);
      const double step = pn / (dn * (x * pn - pm) / (x * x - 1));  // P_n / P_n′
      x -= step;
      if (std::abs(step) < 1e-16) break;
    }
    legendre_pair(n, x, pn, pm);
    const double derivative = dn * (x * pn - pm) / (x * x - 1);
    const double w = 2.0 / ((1 - x * x) * derivative * derivative);  // Abramowitz–Stegun 25.4.29
    r.nodes[i] = -x;
    r.nodes[n - 1 - i] = x;
    r.weights[i] = w;
    r.weights[n - 1 - i] = w;
  }
  if (n % 2 == 1) {  // middle node x = 0
    double pn = 0.0;
    double pm = 0.0;
    legendre_pair(n, 0.0, pn, pm);
    const double derivative = dn * (0.0 * pn - pm) / (0.0 - 1.0);
    r.weights[n / 2] = 2.0 / (derivative * derivative);
  }
  return r;
}

}  // namespace detail

/// A rule for averaging over the rest-frame decay angles: nodes (cosθ*, φ*) with weights summing
/// to 1, i.e. Σ w f ≈ (1/4π) ∫ dΩ* f.
struct decay_angle_rule {
  struct node {
    double cos_theta_star;
    double phi_star;
    double weight;
  };
  std::vector<node> nodes;

  /// n_cos Gauss–Legendre points in cosθ* × n_phi trapezoidal points in φ* (n_cos, n_phi ≥ 1).
  decay_angle_rule(std::size_t n_cos = 16, std::size_t n_phi = 8) {
    if (n_phi == 0)
      semivisible::detail::throw_invalid("semivisible::production::decay_angle_rule", "n_phi", 0.0,
                                         ">= 1");
    const auto gl = detail::gauss_legendre(n_cos);
    nodes.reserve(n_cos * n_phi);
    const double dphi = 2 * std::numbers::pi / static_cast<double>(n_phi);
    for (std::size_t i = 0; i < n_cos; ++i)
      for (std::size_t j = 0; j < n_phi; ++j)
        nodes.push_back({gl.nodes[i], (static_cast<double>(j) + 0.5) * dphi,
                         0.5 * gl.weights[i] / static_cast<double>(n_phi)});
  }
};

/// (1/4π)∫dΩ* f(A′ in the lab) for one meson (m_P, p_P, θ_P): the decay-angle average of any
/// acceptance-like function f(const lab_momentum<double>&) → double, with the rule `rule`.
template <class Function>
[[nodiscard]] double average_over_decay(double mass_meson, double momentum_meson,
                                        double theta_meson, double mass_aprime,
                                        const decay_angle_rule& rule, Function&& f) {
  double sum = 0.0;
  for (const auto& n : rule.nodes)
    sum += n.weight * f(decay_to_lab(mass_meson, momentum_meson, theta_meson, mass_aprime,
                                     n.cos_theta_star, n.phi_star));
  return sum;
}

/// One A′ for two uniform numbers u1, u2 ∈ [0, 1] (isotropic decay): for Monte Carlo sampling
/// with the caller's random engine.
template <std::floating_point Real>
[[nodiscard]] lab_momentum<Real> sample_decay_to_lab(Real mass_meson, Real momentum_meson,
                                                     Real theta_meson, Real mass_aprime, Real u1,
                                                     Real u2) {
  constexpr const char* fn = "semivisible::production::sample_decay_to_lab";
  if (!(u1 >= 0 && u1 <= 1)) semivisible::detail::throw_invalid(fn, "u1", u1, "in [0, 1]");
  if (!(u2 >= 0 && u2 <= 1)) semivisible::detail::throw_invalid(fn, "u2", u2, "in [0, 1]");
  return decay_to_lab(mass_meson, momentum_meson, theta_meson, mass_aprime, 2 * u1 - 1,
                      2 * Real(std::numbers::pi) * u2);
}

}  // namespace semivisible::production
