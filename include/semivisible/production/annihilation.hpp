// semivisible/production/annihilation.hpp — resonant A′ production by shower positrons on atomic
// electrons, e⁺e⁻ → A′.
//
// Narrow-width cross section (the Breit–Wigner e⁺e⁻ → V with J = 1, Γ → 0):
//   σ(E₊) = 12π² Γ(A′→e⁺e⁻)/m · δ(s − m²) = (2π²αε²/m_e) f(m) δ(E₊ − E_res),
//   s = 2m_e(E₊ + m_e),  E_res = m²/(2m_e) − m_e,  f = (1 + 2m_e²/m²)√(1 − 4m_e²/m²)
// (Γ_ee = (αε²m/3) f, docs/formula-notes.md §2; for m_e → 0 this is the narrow-width form
// 2π²αε²/m_e δ(E₊ − m²/2m_e) used by Marsicano et al. PRL 121 (2018) 041802 and NA64, PRD 104
// (2021) L091701 — equation numbers not re-checked). E₊ is the positron's total energy
// (s = m_e² + m_e² + 2m_eE₊).
// Yield per positron-producing particle on target (a shower per EOT, shower_track_length.hpp):
//   N/EOT = n_e,X0 (2π²αε²/m_e) f(m) (dL₊/dE)(E_res),   n_e,X0 = X0ρ N_A <Z/A> electrons per unit
// area per X0 (materials.hpp), (dL₊/dE) the positron track length per unit energy [X0/GeV].
// The A′ carries E_A′ = E_res + m_e and the positron's direction. A threshold on E_A′ keeps the
// yield only if E_A′ exceeds it (NA64: E_A′ > 50 GeV ⇔ m > 0.226 GeV at 100 GeV).
// Accuracy: that of the positron track length (shower_track_length.hpp: a few % for E_res ≫ E_c,
// ≈ 20 % near E_c); the atomic electrons' motion (Doppler broadening ~ keV–MeV in E_res ·
// v_e) is negligible because the positron density is smooth over it. Cost: one density lookup
// (≈ 0.1 µs) per mass once the shower is built.
#pragma once

#include <cmath>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/materials.hpp"
#include "semivisible/production/shower_track_length.hpp"

namespace semivisible::production {

/// Resonant positron energy E_res = m²/(2m_e) − m_e [GeV] (total energy) for A′ mass m [GeV].
[[nodiscard]] inline double resonant_positron_energy(double mass_aprime) {
  semivisible::detail::require_positive("semivisible::production::resonant_positron_energy",
                                        "mass_aprime", mass_aprime);
  const double me = constants::mass_electron;
  return mass_aprime * mass_aprime / (2 * me) - me;
}

/// ∫ dE₊ σ(E₊) [GeV⁻¹] at ε = 1: (2π²α/m_e)(1 + 2m_e²/m²)√(1 − 4m_e²/m²) (m > 2m_e).
[[nodiscard]] inline double resonant_annihilation_strength(double mass_aprime) {
  constexpr const char* fn = "semivisible::production::resonant_annihilation_strength";
  const double me = constants::mass_electron;
  if (!(mass_aprime > 2 * me))
    semivisible::detail::throw_invalid(fn, "mass_aprime", mass_aprime,
                                       fmt::format("> 2 m_e = {} GeV", 2 * me));
  const double r = me * me / (mass_aprime * mass_aprime);
  return 2 * constants::pi * constants::pi * constants::alpha_em / me * (1 + 2 * r) *
         std::sqrt(1 - 4 * r);
}

/// One resonant-annihilation yield.
struct annihilation_yield {
  double energy_aprime;    ///< E_A′ = E_res + m_e [GeV]
  double positron_energy;  ///< E_res [GeV]
  double per_eot;          ///< A′ per EOT at ε = 1 (0 if E_res ≥ E0 or E_A′ ≤ threshold)
  [[nodiscard]] double at(double epsilon) const noexcept { return epsilon * epsilon * per_eot; }
};

/// A′ per EOT at ε = 1 from resonant e⁺e⁻ → A′ in the shower `shower` on `mat` (the material the
/// shower was built for), keeping it only if E_A′ > energy_threshold [GeV]. Throws if E_res is
/// below the shower's energy_lo() (the track length is not tabulated there).
[[nodiscard]] inline annihilation_yield resonant_annihilation(double mass_aprime,
                                                              const material& mat,
                                                              const shower_track_length& shower,
                                                              double energy_threshold = 0.0) {
  constexpr const char* fn = "semivisible::production::resonant_annihilation";
  semivisible::detail::require_non_negative(fn, "energy_threshold", energy_threshold);
  const double strength = resonant_annihilation_strength(mass_aprime);
  const double e_res = resonant_positron_energy(mass_aprime);
  annihilation_yield y{e_res + constants::mass_electron, e_res, 0.0};
  if (!(e_res < shower.beam_energy()) || !(y.energy_aprime > energy_threshold)) return y;
  if (e_res < shower.energy_lo())
    semivisible::detail::throw_invalid(
        fn, "mass_aprime", mass_aprime,
        fmt::format("such that E_res = {} GeV >= shower.energy_lo() = {} GeV", e_res,
                    shower.energy_lo()));
  const double n_e = mat.electrons_per_radiation_length_m2() * constants::hbar_c_squared;
  y.per_eot = n_e * strength * shower.density(e_res, shower_species::positron);
  return y;
}

}  // namespace semivisible::production
