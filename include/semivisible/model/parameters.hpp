// semivisible/model/parameters.hpp — the Lagrangian parameters of the semi-visible dark photon
// model.
//
// The NA64 2021 paper, Eq. 1: a dark photon A′ (mass m_A′) mixes kinetically with the photon
// (strength ε e to the electromagnetic current) and couples off-diagonally, g_D χ̄2 γ^μ χ1 A′_μ,
// to two dark fermions χ1 (stable) and χ2 (heavier by Δ). α_D = g_D²/4π.
// Benchmark of the paper: α_D = 0.1, m_A′ = 3 m_χ1, Δ/m_χ1 = 0.4.
//
// Validity enforced here: 0 < Δ < m_A′ − 2 m_χ1 so that the prompt decay A′ → χ1 χ2 is open
// (Δ ≤ 2 m_e is allowed: χ2 is then stable, physics), and every parameter inside `limits`:
//   masses in [1e-9, 1e4] GeV   (1 eV to 10 TeV: every rate of physics/ is then a normal double;
//                                e.g. m_A′ = 1e-300 GeV underflows m_A′² to 0 and the A′ width
//                                to 0/0, m_A′ = 1e300 overflows Δ⁵ in the χ2 width);
//   ε in [1e-20, 1]              (ε ≤ 1: the mixing is a fraction of the photon's coupling e;
//                                below 1e-20, ε² α α_D Δ⁵/m_A′⁴ can underflow to an exact 0 that
//                                would read as "χ2 cannot decay");
//   α_D in [1e-20, 4π]           (α_D ≤ 4π ⇔ g_D ≤ 4π, the perturbativity bound; floor as for ε).
// Outside, the constructors throw invalid_parameter naming the parameter, the value and the range.
#pragma once

#include <cmath>
#include <concepts>

#include <fmt/format.h>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace semivisible::model {

/// The domain of the model parameters (see the header comment for the reasons).
struct limits {
  static constexpr double mass_min_GeV = 1e-9;                 ///< smallest mass [GeV] (1 eV)
  static constexpr double mass_max_GeV = 1e4;                  ///< largest mass [GeV] (10 TeV)
  static constexpr double epsilon_min = 1e-20;                 ///< smallest ε
  static constexpr double epsilon_max = 1.0;                   ///< largest ε
  static constexpr double alpha_dark_min = 1e-20;              ///< smallest α_D
  static constexpr double alpha_dark_max = 4 * constants::pi;  ///< 4π
};

}  // namespace semivisible::model

namespace semivisible::detail {
/// Throws invalid_parameter unless lo <= value <= hi (finite).
template <class Real>
void require_in(const char* fn, const char* parameter, Real value, double lo, double hi,
                const char* unit_and_reason) {
  using std::isfinite;
  if (!isfinite(value) || !(static_cast<double>(value) >= lo) ||
      !(static_cast<double>(value) <= hi))
    throw_invalid(fn, parameter, value, fmt::format("in [{}, {}]{}", lo, hi, unit_and_reason));
}
template <class Real>
void require_model_mass(const char* fn, const char* parameter, Real value) {
  require_in(fn, parameter, value, model::limits::mass_min_GeV, model::limits::mass_max_GeV,
             " GeV");
}
template <class Real>
void require_model_epsilon(const char* fn, Real value) {
  require_in(fn, "epsilon", value, model::limits::epsilon_min, model::limits::epsilon_max,
             " (the mixing is at most the photon's coupling)");
}
template <class Real>
void require_model_alpha_dark(const char* fn, Real value) {
  require_in(fn, "alpha_dark", value, model::limits::alpha_dark_min, model::limits::alpha_dark_max,
             " (alpha_D <= 4 pi: perturbative g_D)");
}
}  // namespace semivisible::detail

namespace semivisible::model {

template <std::floating_point Real = double>
class parameters {
 public:
  /// All parameters given directly. Masses in GeV.
  parameters(Real mass_aprime, Real epsilon, Real alpha_dark, Real mass_chi1, Real mass_chi2)
      : mass_aprime_(mass_aprime),
        epsilon_(epsilon),
        alpha_dark_(alpha_dark),
        mass_chi1_(mass_chi1),
        mass_chi2_(mass_chi2) {
    validate("semivisible::model::parameters");
  }

  /// m_χ1 = m_A′ / mass_ratio and m_χ2 = (1 + splitting_ratio) m_χ1 (the paper's parametrisation).
  static parameters from_ratios(Real mass_aprime, Real epsilon, Real alpha_dark, Real mass_ratio,
                                Real splitting_ratio) {
    constexpr const char* fn = "semivisible::model::parameters::from_ratios";
    semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
    semivisible::detail::require_positive(fn, "mass_ratio", mass_ratio);
    semivisible::detail::require_positive(fn, "splitting_ratio", splitting_ratio);
    const Real m1 = mass_aprime / mass_ratio;
    return parameters(mass_aprime, epsilon, alpha_dark, m1, m1 * (1 + splitting_ratio), fn);
  }

  /// m_χ1 given directly, m_χ2 = (1 + splitting_ratio) m_χ1.
  static parameters from_mass_chi1(Real mass_aprime, Real epsilon, Real alpha_dark, Real mass_chi1,
                                   Real splitting_ratio) {
    constexpr const char* fn = "semivisible::model::parameters::from_mass_chi1";
    semivisible::detail::require_positive(fn, "mass_chi1", mass_chi1);
    semivisible::detail::require_positive(fn, "splitting_ratio", splitting_ratio);
    return parameters(mass_aprime, epsilon, alpha_dark, mass_chi1,
                      mass_chi1 * (1 + splitting_ratio), fn);
  }

  /// The same point with another ε (everything else unchanged, no re-validation of the masses).
  [[nodiscard]] parameters with_epsilon(Real epsilon) const {
    detail::require_model_epsilon("semivisible::model::parameters::with_epsilon", epsilon);
    parameters p = *this;
    p.epsilon_ = epsilon;
    return p;
  }

  /// The same point with another α_D.
  [[nodiscard]] parameters with_alpha_dark(Real alpha_dark) const {
    detail::require_model_alpha_dark("semivisible::model::parameters::with_alpha_dark", alpha_dark);
    parameters p = *this;
    p.alpha_dark_ = alpha_dark;
    return p;
  }

  [[nodiscard]] Real mass_aprime() const noexcept { return mass_aprime_; }  ///< m_A′ [GeV]
  [[nodiscard]] Real epsilon() const noexcept { return epsilon_; }          ///< kinetic mixing ε
  [[nodiscard]] Real alpha_dark() const noexcept { return alpha_dark_; }    ///< α_D = g_D²/4π
  [[nodiscard]] Real mass_chi1() const noexcept { return mass_chi1_; }      ///< m_χ1 [GeV]
  [[nodiscard]] Real mass_chi2() const noexcept { return mass_chi2_; }      ///< m_χ2 [GeV]
  /// Δ = m_χ2 − m_χ1 [GeV]
  [[nodiscard]] Real splitting() const noexcept { return mass_chi2_ - mass_chi1_; }
  /// f = Δ / m_χ1 (the paper's "mass splitting" axis of Fig. 5)
  [[nodiscard]] Real splitting_ratio() const noexcept { return splitting() / mass_chi1_; }
  /// m_A′ / m_χ1
  [[nodiscard]] Real mass_ratio() const noexcept { return mass_aprime_ / mass_chi1_; }

 private:
  parameters(Real mass_aprime, Real epsilon, Real alpha_dark, Real mass_chi1, Real mass_chi2,
             const char* function)
      : mass_aprime_(mass_aprime),
        epsilon_(epsilon),
        alpha_dark_(alpha_dark),
        mass_chi1_(mass_chi1),
        mass_chi2_(mass_chi2) {
    validate(function);
  }

  void validate(const char* fn) const {
    detail::require_positive(fn, "mass_aprime", mass_aprime_);
    detail::require_positive(fn, "epsilon", epsilon_);
    detail::require_positive(fn, "alpha_dark", alpha_dark_);
    detail::require_positive(fn, "mass_chi1", mass_chi1_);
    detail::require_positive(fn, "mass_chi2", mass_chi2_);
    detail::require_model_mass(fn, "mass_aprime", mass_aprime_);
    detail::require_model_epsilon(fn, epsilon_);
    detail::require_model_alpha_dark(fn, alpha_dark_);
    detail::require_model_mass(fn, "mass_chi1", mass_chi1_);
    detail::require_model_mass(fn, "mass_chi2", mass_chi2_);
    // Kinematic limits of the paper: 0 < Δ and m_χ1 + m_χ2 < m_A′ (A′ → χ1χ2 open).
    if (!(mass_chi2_ > mass_chi1_))
      semivisible::detail::throw_invalid(
          fn, "mass_chi2", mass_chi2_,
          fmt::format("> mass_chi1 = {} (splitting > 0)", static_cast<double>(mass_chi1_)));
    if (!(mass_chi1_ + mass_chi2_ < mass_aprime_))
      semivisible::detail::throw_invalid(
          fn, "splitting", mass_chi2_ - mass_chi1_,
          fmt::format("< mass_aprime - 2 mass_chi1 = {} GeV (A' -> chi1 chi2 must be open)",
                      static_cast<double>(mass_aprime_ - 2 * mass_chi1_)));
  }

  Real mass_aprime_;
  Real epsilon_;
  Real alpha_dark_;
  Real mass_chi1_;
  Real mass_chi2_;
};

/// The NA64 2021 benchmark: α_D = 0.1, m_A′ = 3 m_χ1, Δ/m_χ1 = 0.4 (the paper, text before Fig. 4).
template <std::floating_point Real = double>
[[nodiscard]] parameters<Real> benchmark(Real mass_aprime, Real epsilon) {
  return parameters<Real>::from_ratios(mass_aprime, epsilon, Real(0.1), Real(3), Real(0.4));
}

/// Benchmark constants, for code that needs them without a point.
struct benchmark_values {
  static constexpr double alpha_dark = 0.1;
  static constexpr double mass_ratio = 3.0;
  static constexpr double splitting_ratio = 0.4;
};

}  // namespace semivisible::model
