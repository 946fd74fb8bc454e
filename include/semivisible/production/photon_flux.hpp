// semivisible/production/photon_flux.hpp — the effective photon flux χ of the Weizsäcker–Williams
// (IWW) approximation to dark bremsstrahlung e Z → e Z A′.
//
//   χ(m_A′, E0) = ∫_{t_min}^{t_max} dt (t − t_min)/t² G2(t),  t_min = m_A′⁴/(4E0²), t_max = m_A′²
// (Bjorken, Essig, Schuster, Toro, PRD 80 (2009) 075018, Eq. (A17); t limits as in DMG4,
//  docs/formula-notes.md §3.1), with G2 = G2_el + G2_inel (form_factor.hpp). DMG4 keeps only the
//  elastic
// term; adding the inelastic one raises χ by 1.3–2 % for Pb (docs/formula-notes.md §3.1).
// Method: adaptive Gauss–Kronrod (Boost.Math) in ln t, where the integrand is smooth.
#pragma once

#include <cmath>
#include <concepts>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/error.hpp"
#include "semivisible/production/form_factor.hpp"

namespace semivisible::production {

/// Which atomic form factors enter χ.
enum class form_factors {
  elastic,               ///< screened nucleus only (DMG4's choice)
  elastic_and_inelastic  ///< plus the atomic-electron term (Tsai)
};

/// Effective photon flux χ (dimensionless) for an A′ of mass m [GeV] from an electron of energy
/// E0 [GeV] on `mat`. Requires 0 < m < E0.
template <std::floating_point Real>
[[nodiscard]] Real photon_flux(Real mass_aprime, Real energy, const target_material& mat,
                               form_factors which = form_factors::elastic_and_inelastic) {
  constexpr const char* fn = "semivisible::production::photon_flux";
  semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
  semivisible::detail::require_positive(fn, "energy", energy);
  if (!(mass_aprime < energy))
    semivisible::detail::throw_invalid(
        fn, "mass_aprime", mass_aprime,
        fmt::format("< energy = {} GeV", static_cast<double>(energy)));
  mat.validate();
  using std::exp;
  using std::log;
  const Real m2 = mass_aprime * mass_aprime;
  const Real t_min = m2 * m2 / (4 * energy * energy);
  const Real t_max = m2;
  // In ln t: dt (t − t_min)/t² G2 = d(ln t) (1 − t_min/t) G2(t).
  auto integrand = [&](Real lt) {
    const Real t = exp(lt);
    Real g2 = form_factor_elastic(t, mat);
    if (which == form_factors::elastic_and_inelastic) g2 += form_factor_inelastic(t, mat);
    return (1 - t_min / t) * g2;
  };
  Real error = 0;
  return boost::math::quadrature::gauss_kronrod<Real, 31>::integrate(
      integrand, log(t_min), log(t_max), 15, Real(1e-10), &error);
}

}  // namespace semivisible::production
