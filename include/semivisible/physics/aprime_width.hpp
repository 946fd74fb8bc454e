// semivisible/physics/aprime_width.hpp — partial and total widths of the dark photon A′.
//
// Γ(A′ → χ1 χ2): vector (off-diagonal) coupling g_D between fermions of masses m1, m2,
//   Γ = (α_D m_A′/3) (1 − Δ²/m_A′²)^{3/2} (1 − (m1+m2)²/m_A′²)^{1/2} (1 + (m1+m2)²/(2 m_A′²)),
//   (Izaguirre, Kahn, Krnjaic, Moschella, PRD 96 (2017) 055007, arXiv:1703.06881 [the paper's ref.
//   14]; docs/formula-notes.md §2, checked there against a brute-force trace and against DMG4's
//   DMParticleAPrime.cc). Its Δ → 0 limit is the Dirac A′ → χχ̄ width (α_D m/3)(1 + 2m_χ²/m²)√(1 −
//   4m_χ²/m²).
// Γ(A′ → ℓ⁺ℓ⁻) = (ε² α m_A′/3)(1 + 2m_ℓ²/m_A′²)√(1 − 4m_ℓ²/m_A′²)
//   (Bjorken, Essig, Schuster, Toro, PRD 80 (2009) 075018, Eq. 9).
// Γ(A′ → hadrons) = (ε² α m_A′/3) R_had(m_A′²) with the hadronic R of physics/r_ratio.hpp (the
//   A′ couples like a heavy photon: Γ_f = ε² α m_A′ R_f/3, e.g. Batell, Pospelov, Ritz PRD 80
//   (2009) 095024; Ilten et al. PRD 94 (2016) 115017 use the measured R the same way).
// The semi-visible total (`aprime_width`) keeps e⁺e⁻ and μ⁺μ⁻ only: its hadronic part changes
// BR(A′→χ1χ2) by O(ε² α R/α_D) ≲ 1e-5 in the paper's range. The visible model (the minimal dark
// photon, no dark decays) uses `aprime_visible_widths`: e⁺e⁻, μ⁺μ⁻, τ⁺τ⁻ and hadrons.
#pragma once

#include <cmath>
#include <concepts>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/r_ratio.hpp"

namespace semivisible::physics {

/// Γ(A′ → χ1 χ2) [GeV] for a vector coupling α_D between fermions of masses m1, m2 [GeV].
/// Zero when the channel is closed (m1 + m2 ≥ m_A′).
template <std::floating_point Real>
[[nodiscard]] Real aprime_width_chi1chi2(Real mass_aprime, Real alpha_dark, Real mass_chi1,
                                         Real mass_chi2) {
  constexpr const char* fn = "semivisible::physics::aprime_width_chi1chi2";
  semivisible::detail::require_model_mass(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_model_alpha_dark(fn, alpha_dark);
  semivisible::detail::require_model_mass(fn, "mass_chi1", mass_chi1);
  semivisible::detail::require_model_mass(fn, "mass_chi2", mass_chi2);
  using std::sqrt;
  // Inside model::limits (masses in [1e-9, 1e4] GeV) no square below over- or underflows.
  const Real sum = mass_chi1 + mass_chi2;
  const Real diff = mass_chi2 - mass_chi1;
  const Real m2 = mass_aprime * mass_aprime;
  const Real open = 1 - sum * sum / m2;
  if (!(open > 0)) return Real(0);
  const Real d = 1 - diff * diff / m2;
  return alpha_dark * mass_aprime / 3 * d * sqrt(d) * sqrt(open) * (1 + sum * sum / (2 * m2));
}

/// Γ(A′ → ℓ⁺ℓ⁻) [GeV] for a lepton of mass m_ℓ; zero below threshold.
template <std::floating_point Real>
[[nodiscard]] Real aprime_width_leptons(Real mass_aprime, Real epsilon, Real mass_lepton) {
  constexpr const char* fn = "semivisible::physics::aprime_width_leptons";
  semivisible::detail::require_model_mass(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_model_epsilon(fn, epsilon);
  semivisible::detail::require_positive(fn, "mass_lepton", mass_lepton);
  using std::sqrt;
  const Real r = mass_lepton * mass_lepton / (mass_aprime * mass_aprime);
  if (!(4 * r < 1)) return Real(0);
  return epsilon * epsilon * Real(constants::alpha_em) * mass_aprime / 3 * (1 + 2 * r) *
         sqrt(1 - 4 * r);
}

/// Partial widths of the A′ at a model point [GeV]. The branching ratios throw domain_error when
/// the total is not > 0 (no open channel: the ratios are undefined, never NaN).
template <std::floating_point Real>
struct aprime_widths {
  Real chi1chi2;
  Real electrons;
  Real muons;
  [[nodiscard]] Real total() const noexcept { return chi1chi2 + electrons + muons; }
  [[nodiscard]] Real branching_chi1chi2() const { return chi1chi2 / checked_total(); }
  [[nodiscard]] Real branching_electrons() const { return electrons / checked_total(); }
  [[nodiscard]] Real branching_muons() const { return muons / checked_total(); }

 private:
  [[nodiscard]] Real checked_total() const {
    using std::isfinite;
    const Real t = total();
    if (!isfinite(t) || !(t > 0))
      throw domain_error(fmt::format(
          "semivisible::physics::aprime_widths: total width = {} GeV, but the branching ratios "
          "need a finite total > 0 (no open A' channel)",
          static_cast<double>(t)));
    return t;
  }
};

/// All A′ partial widths for the model point p.
template <std::floating_point Real>
[[nodiscard]] aprime_widths<Real> aprime_width(const model::parameters<Real>& p) {
  return {aprime_width_chi1chi2(p.mass_aprime(), p.alpha_dark(), p.mass_chi1(), p.mass_chi2()),
          aprime_width_leptons(p.mass_aprime(), p.epsilon(), Real(constants::mass_electron)),
          aprime_width_leptons(p.mass_aprime(), p.epsilon(), Real(constants::mass_muon))};
}

/// Γ(A′ → hadrons) [GeV] = (ε² α m_A′/3) R_had(m_A′²) (physics/r_ratio.hpp); 0 below 2 m_π.
template <std::floating_point Real>
[[nodiscard]] Real aprime_width_hadrons(Real mass_aprime, Real epsilon) {
  constexpr const char* fn = "semivisible::physics::aprime_width_hadrons";
  semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_positive(fn, "epsilon", epsilon);
  return epsilon * epsilon * Real(constants::alpha_em) * mass_aprime / 3 *
         r_ratio_hadrons(mass_aprime * mass_aprime);
}

/// Partial widths of the minimal (visible) dark photon, which has no dark decays [GeV].
template <std::floating_point Real>
struct aprime_visible_width_set {
  Real electrons;
  Real muons;
  Real taus;
  Real hadrons;
  [[nodiscard]] Real total() const noexcept { return electrons + muons + taus + hadrons; }
};

/// τ mass [GeV] (PDG 2022: 1776.86 MeV), as in physics/r_ratio.hpp's r_ratio_total.
inline constexpr double mass_tau = 1.77686;

/// Γ(A′ → e⁺e⁻, μ⁺μ⁻, τ⁺τ⁻, hadrons) of the visible dark photon of mass m_A′ [GeV] at mixing ε.
template <std::floating_point Real>
[[nodiscard]] aprime_visible_width_set<Real> aprime_visible_widths(Real mass_aprime, Real epsilon) {
  return {aprime_width_leptons(mass_aprime, epsilon, Real(constants::mass_electron)),
          aprime_width_leptons(mass_aprime, epsilon, Real(constants::mass_muon)),
          aprime_width_leptons(mass_aprime, epsilon, Real(mass_tau)),
          aprime_width_hadrons(mass_aprime, epsilon)};
}

}  // namespace semivisible::physics
