// semivisible/production/shower_kernels.hpp — the complete-screening bremsstrahlung and pair
// spectra of the longitudinal cascade equations, and their integrals in λ = ln(E0/E).
//
// Per radiation length X0 (Tsai, Rev. Mod. Phys. 46 (1974) 815, Eqs. (3.83) and (3.85), complete
// screening; PDG 2022 Eqs. (34.29) and (34.31) without the small term):
//   bremsstrahlung, photon energy k = vE:    φ(v) dv = dv/v [c(1 − v) + v²]
//   pair production, positron energy xk:    ψ(x) dx = dx [1 − c x(1 − x)]
// with c = 4/3 + b and Tsai's small term b = (Z²+Z)/(9[Z²(L_rad − f(Z)) + Z L′_rad]) (0.024 for
// O, 0.025 Al, 0.027 Fe, 0.032 W, 0.032 Pb; PDG's spectra are b = 0). Per X0 the mean fractional
// energy loss is 1 + b/2 and the pair probability σ_p = 1 − c/6 (= 7/9 for b = 0). Bethe–Heitler's
// energy-loss model, the one behind Tsai's primary-electron distribution (track_length.hpp, Tsai
// Eq. (3.84)): φ_BH(v) dv = (4/3) dv/(−ln(1 − v)) (its λ-jumps form a gamma process, whence
// [ln(E0/E)]^{4t/3−1}/Γ(4t/3)). For the finite-volume cascade solver (shower_track_length.hpp) the
// kernels are needed as the double antiderivatives in λ of
//   ν(Δ)  — the rate of λ-jumps Δ = −ln(1 − v) of a charged particle,  N(Δ) = ∫_Δ^∞ ν,
//           K(Δ) = ∫_0^Δ N  (closed forms below; Li₂ for complete screening, E₁ for BH);
//   μ(Δ)  — photons emitted at λ_γ = λ_e + Δ, Δ = −ln v:  μ = c(1 − e^{−Δ}) + e^{−2Δ};
//   π(Δ)  — positrons (or electrons) at λ_+ = λ_γ + Δ, Δ = −ln x:  π = e^{−Δ} − c e^{−2Δ} + c
//   e^{−3Δ};
// Q1 = ∫_0^Δ μ, Q2 = ∫_0^Δ Q1 (and Π1, Π2 for π), written with r_n(x) = Σ_{k≥n} (−x)^k/k! so that
// small arguments lose no digits.
#pragma once

#include <cmath>

#include <boost/math/special_functions/expint.hpp>

#include "semivisible/constants.hpp"

namespace semivisible::production::detail {

/// r_n(x) = e^{−x} − Σ_{k<n} (−x)^k/k! = Σ_{k≥n} (−x)^k/k!  (x ≥ 0, n = 1, 2, 3).
[[nodiscard]] inline double exp_remainder(int n, double x) noexcept {
  if (x < 0.5) {
    double term = 1;
    for (int k = 1; k <= n; ++k) term *= -x / k;
    double sum = 0;
    for (int k = n; k < n + 30; ++k) {
      sum += term;
      term *= -x / (k + 1);
      if (std::fabs(term) < 1e-18 * std::fabs(sum)) break;
    }
    return sum + term;
  }
  double poly = 0;
  double term = 1;
  for (int k = 0; k < n; ++k) {
    poly += term;
    term *= -x / (k + 1);
  }
  return std::exp(-x) - poly;
}

/// Dilogarithm Li₂(z) for 0 ≤ z ≤ 1 (series, with Li₂(z) = π²/6 − ln z ln(1−z) − Li₂(1−z)).
[[nodiscard]] inline double dilog(double z) noexcept {
  constexpr double zeta2 = constants::pi * constants::pi / 6;
  if (z > 0.5) {
    if (z >= 1) return zeta2;
    return zeta2 - std::log(z) * std::log1p(-z) - dilog(1 - z);
  }
  double sum = 0;
  double power = z;
  for (int k = 1; k < 200 && power > 1e-18 * sum; ++k) {
    sum += power / (double(k) * k);
    power *= z;
  }
  return sum;
}

/// Tsai's small term b = (Z²+Z)/(9[Z²(L_rad − f) + Z L′_rad]) (Tsai Eqs. (3.66)-(3.68), Table B.2
/// for Z > 4: L_rad = ln(184.15 Z^{-1/3}), L′_rad = ln(1194 Z^{-2/3}); f(Z) of PDG Eq. (34.27)).
[[nodiscard]] inline double tsai_small_term(double z) noexcept {
  const double a2 = (constants::alpha_em * z) * (constants::alpha_em * z);
  const double f =
      a2 * (1 / (1 + a2) + 0.20206 - 0.0369 * a2 + 0.0083 * a2 * a2 - 0.002 * a2 * a2 * a2);
  const double l_rad = std::log(184.15 / std::cbrt(z));
  const double l_rad_prime = std::log(1194.0 / std::cbrt(z * z));
  return (z * z + z) / (9 * (z * z * (l_rad - f) + z * l_rad_prime));
}

/// The cascade kernels for one spectrum choice (c = 4/3 + b; `bethe_heitler` for Tsai's model).
struct cascade_kernels {
  double c = 4.0 / 3.0;
  bool bethe_heitler = false;

  /// Pair-production probability per X0, σ_p = ∫ψ = 1 − c/6.
  [[nodiscard]] double pair_probability() const noexcept { return 1 - c / 6; }

  /// N(Δ) = ∫_Δ^∞ ν: rate [1/X0] of λ-jumps larger than Δ > 0.
  [[nodiscard]] double jump_tail(double delta) const {
    if (bethe_heitler) return 4.0 / 3.0 * boost::math::expint(1, delta);
    const double u = -std::expm1(-delta);  // v0 = 1 − e^{−Δ}
    const double e1 = std::exp(-delta);
    return c * (-std::log(u)) - c * e1 + 0.5 * e1 * (2 - e1);
  }

  /// K(Δ) = ∫_0^Δ N (Δ ≥ 0).
  [[nodiscard]] double jump_tail_integral(double delta) const {
    if (!(delta > 0)) return 0.0;
    const double u = -std::expm1(-delta);
    if (bethe_heitler) return 4.0 / 3.0 * (delta * boost::math::expint(1, delta) + u);
    // ∫_0^Δ −ln(1 − e^{−x}) dx = π²/6 − Li₂(e^{−Δ}) = Δ ln(1/u) + Li₂(u)  (u = 1 − e^{−Δ})
    const double a = u <= 0.5 ? delta * (-std::log(u)) + dilog(u)
                              : constants::pi * constants::pi / 6 - dilog(std::exp(-delta));
    return c * a + (1 - c) * u + 0.25 * exp_remainder(1, 2 * delta);
  }

  /// Q1(Δ) = ∫_0^Δ μ (photon emission; complete screening only).
  [[nodiscard]] double photon_q1(double delta) const noexcept {
    if (!(delta > 0)) return 0.0;
    return c * exp_remainder(2, delta) - 0.5 * exp_remainder(1, 2 * delta);
  }
  /// Q2(Δ) = ∫_0^Δ Q1.
  [[nodiscard]] double photon_q2(double delta) const noexcept {
    if (!(delta > 0)) return 0.0;
    return -c * exp_remainder(3, delta) + 0.25 * exp_remainder(2, 2 * delta);
  }
  /// Π1(Δ) = ∫_0^Δ π (one lepton of the pair).
  [[nodiscard]] double pair_q1(double delta) const noexcept {
    if (!(delta > 0)) return 0.0;
    return -exp_remainder(1, delta) + c * exp_remainder(1, 2 * delta) / 2 -
           c * exp_remainder(1, 3 * delta) / 3;
  }
  /// Π2(Δ) = ∫_0^Δ Π1.
  [[nodiscard]] double pair_q2(double delta) const noexcept {
    if (!(delta > 0)) return 0.0;
    return exp_remainder(2, delta) - c * exp_remainder(2, 2 * delta) / 4 +
           c * exp_remainder(2, 3 * delta) / 9;
  }
};

}  // namespace semivisible::production::detail
