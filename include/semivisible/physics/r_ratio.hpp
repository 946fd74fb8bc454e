// semivisible/physics/r_ratio.hpp — final states of a virtual A′ (or photon) of mass √s:
// the ratios R_f(s) = σ(e⁺e⁻ → γ* → f) / σ_pt(e⁺e⁻ → μ⁺μ⁻), σ_pt = 4πα²/(3s).
//
// Leptons: R_ℓ = (1 + 2m_ℓ²/s) β_ℓ, β_ℓ = √(1 − 4m_ℓ²/s) (Peskin & Schroeder Eq. 5.12 with masses).
// Hadrons — a model, not the measured R (docs/physics.md §8.2):
//   * π⁺π⁻: R_ππ = β_π³ |F_π(s)|²/4 (Cabibbo & Gatto, Phys. Rev. 124 (1961) 1577) with the
//     Gounaris–Sakurai form factor (PRL 21 (1968) 244) of the ρ(770) and the ρ(1450),
//     F_π = [GS_ρ(s) + β GS_ρ′(s)]/(1 + β), β = −0.10 (the size found in e⁺e⁻ → ππ fits,
//     e.g. BaBar PRD 86 (2012) 032013; F_π(0) = 1 by construction). ω and φ are left out.
//   * continuum: R_qcd = 3 Σ_q Q_q² (1 + α_s/π) for u, d, s, plus c above √s = 2 m_D = 3.73 GeV
//     and b above 2 m_B = 10.56 GeV, with α_s = 0.25, switched on linearly between √s = 1 and
//     2 GeV (a smooth stand-in for the multi-pion region; measured R there is 1.5–2.2).
//   Accuracy: the ρ peak region (0.6–0.9 GeV) within ~20 %, 1–2 GeV within ~30 %, ≥ 2 GeV ~10 %.
// The same R is used in the A′ width (Γ_f = ε² α m_A′ R_f(m_A′²)/3) and in the annihilation
// cross section, so the propagator and the final states are consistent.
#pragma once

#include <cmath>
#include <complex>
#include <concepts>

#include "semivisible/constants.hpp"

namespace semivisible::physics {

/// ρ(770) and ρ(1450) parameters [GeV] (PDG 2022, charged-pion e⁺e⁻ values).
inline constexpr double mass_rho = 0.77526;
inline constexpr double width_rho = 0.1491;
inline constexpr double mass_rho_prime = 1.465;
inline constexpr double width_rho_prime = 0.400;
inline constexpr double rho_prime_amplitude = -0.10;

/// R for a lepton pair of mass m_ℓ [GeV] at s [GeV²]; 0 below threshold.
template <std::floating_point Real>
[[nodiscard]] Real r_ratio_lepton(Real s, Real mass_lepton) noexcept {
  using std::sqrt;
  const Real r = mass_lepton * mass_lepton / s;
  if (!(4 * r < 1)) return Real(0);
  return (1 + 2 * r) * sqrt(1 - 4 * r);
}

}  // namespace semivisible::physics

namespace semivisible::detail {

/// One Gounaris–Sakurai amplitude normalised to 1 at s = 0 (Gounaris & Sakurai 1968, Eqs. 2–6);
/// the s-independent constants k(m²), h(m²), h′(m²) and d are computed once per resonance.
template <std::floating_point Real>
class gounaris_sakurai {
 public:
  gounaris_sakurai(Real mass, Real width) : mass_(mass), width_(width) {
    using std::log;
    const Real m2 = mass * mass;
    k0_ = momentum(m2);
    h0_ = at(m2).h;
    dh0_ = h0_ * (1 / (8 * k0_ * k0_) - 1 / (2 * m2)) + 1 / (2 * pi() * m2);  // dh/ds at m²
    const Real d = 3 / pi() * mpi() * mpi() / (k0_ * k0_) * log((mass + 2 * k0_) / (2 * mpi())) +
                   mass / (2 * pi() * k0_) - mpi() * mpi() * mass / (pi() * k0_ * k0_ * k0_);
    numerator_ = m2 * (1 + d * width / mass);
  }
  /// The s-dependent pieces, the same for every resonance: k(s), √s and h(s).
  struct invariants {
    Real s, k, rs, h;
  };
  [[nodiscard]] static invariants at(Real s) noexcept {
    using std::log;
    using std::sqrt;
    const Real k = momentum(s), rs = sqrt(s);
    return {s, k, rs, 2 / pi() * k / rs * log((rs + 2 * k) / (2 * mpi()))};
  }
  /// The amplitude at s > 4 m_π² [GeV²].
  [[nodiscard]] std::complex<Real> operator()(Real s) const noexcept { return (*this)(at(s)); }
  /// The amplitude at the invariants of at(s) (shared by the ρ and ρ′ of pion_form_factor).
  [[nodiscard]] std::complex<Real> operator()(const invariants& q) const noexcept {
    const Real m2 = mass_ * mass_;
    const Real s = q.s, k = q.k;
    const Real f =
        width_ * m2 / (k0_ * k0_ * k0_) * (k * k * (q.h - h0_) + (m2 - s) * k0_ * k0_ * dh0_);
    const Real ratio = k / k0_;
    const Real gamma_s = width_ * (mass_ / q.rs) * ratio * ratio * ratio;
    // numerator / (a + ib) = numerator (a − ib)/(a² + b²), written out: std::complex's division
    // (__divdc3, with its C99 Annex G inf/NaN cases) was 8 % of a survey's relic column; here
    // a² + b² > 0 always (b ≠ 0 above threshold) and all terms are O(1 GeV⁴).
    const Real a = m2 - s + f, b = -mass_ * gamma_s;
    const Real scale = numerator_ / (a * a + b * b);
    return {scale * a, -scale * b};
  }

 private:
  static constexpr Real pi() { return Real(constants::pi); }
  static constexpr Real mpi() { return Real(constants::mass_pion_charged); }
  static Real momentum(Real q2) noexcept {  // k(s) = √(s/4 − m_π²)
    using std::sqrt;
    return sqrt(q2 / 4 - mpi() * mpi());
  }
  Real mass_, width_, k0_{}, h0_{}, dh0_{}, numerator_{};
};

}  // namespace semivisible::detail

namespace semivisible::physics {

/// |F_π(s)|², the pion form factor (ρ + ρ′ Gounaris–Sakurai), for s > 4 m_π² [GeV²].
template <std::floating_point Real>
[[nodiscard]] Real pion_form_factor_squared(Real s) {
  static const semivisible::detail::gounaris_sakurai<Real> rho{Real(mass_rho), Real(width_rho)};
  static const semivisible::detail::gounaris_sakurai<Real> rho_prime{Real(mass_rho_prime),
                                                                     Real(width_rho_prime)};
  const auto q = semivisible::detail::gounaris_sakurai<Real>::at(s);
  const auto f =
      (rho(q) + Real(rho_prime_amplitude) * rho_prime(q)) / (1 + Real(rho_prime_amplitude));
  return std::norm(f);
}

/// R_ππ(s) = β_π³ |F_π|²/4; 0 below 4 m_π².
template <std::floating_point Real>
[[nodiscard]] Real r_ratio_pions(Real s) noexcept {
  using std::sqrt;
  const Real mpi = Real(constants::mass_pion_charged);
  if (!(s > 4 * mpi * mpi)) return Real(0);
  const Real beta = sqrt(1 - 4 * mpi * mpi / s);
  return beta * beta * beta * pion_form_factor_squared(s) / 4;
}

/// The quark continuum 3 Σ Q_q² (1 + α_s/π), switched on linearly between √s = 1 and 2 GeV.
template <std::floating_point Real>
[[nodiscard]] Real r_ratio_continuum(Real s) noexcept {
  using std::sqrt;
  const Real rs = sqrt(s);
  if (!(rs > 1)) return Real(0);
  const Real qcd = 1 + Real(0.25) / Real(constants::pi);
  Real sum_q2 = Real(6) / 9;                    // u, d, s
  if (rs > Real(3.73)) sum_q2 += Real(4) / 9;   // c (open charm, 2 m_D)
  if (rs > Real(10.56)) sum_q2 += Real(1) / 9;  // b (open beauty, 2 m_B)
  const Real ramp = rs < 2 ? rs - 1 : Real(1);
  return ramp * 3 * sum_q2 * qcd;
}

/// Hadronic R(s) of the model above: π⁺π⁻ + continuum.
template <std::floating_point Real>
[[nodiscard]] Real r_ratio_hadrons(Real s) noexcept {
  return r_ratio_pions(s) + r_ratio_continuum(s);
}

/// Σ_f R_f(s) over e, μ, τ and hadrons: the total rate of a virtual A′ into Standard Model states.
template <std::floating_point Real>
[[nodiscard]] Real r_ratio_total(Real s) noexcept {
  return r_ratio_lepton(s, Real(constants::mass_electron)) +
         r_ratio_lepton(s, Real(constants::mass_muon)) + r_ratio_lepton(s, Real(1.77686)) +
         r_ratio_hadrons(s);
}

}  // namespace semivisible::physics
