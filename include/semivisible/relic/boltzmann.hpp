// semivisible/relic/boltzmann.hpp — freeze-out of a set of coannihilating species: the Boltzmann
// equation for the total comoving abundance Y = (Σ_i n_i)/s, solved with a stiff adaptive ODE
// method.
//
// Equation (Gondolo & Gelmini, NPB 360 (1991) 145, Eq. 2.1–2.3; Griest & Seckel, PRD 43 (1991)
// 3191 for coannihilation; Edsjo & Gondolo, PRD 56 (1997) 1879, Eq. 2.9):
//   dY/dx = −√(π/45) M_Pl g_*^{1/2}(T) m1/x² ⟨σ_eff v⟩(x) (Y² − Y_eq²),   x = m1/T,
//   Y_eq = 45/(4π⁴ h_eff(T)) Σ_i g_i (m_i/T)² K2(m_i/T)   (Maxwell–Boltzmann, Kolb & Turner
//   Eq. 5.62),
// with g_eff, h_eff, g_*^{1/2} from relic/dof.hpp; ⟨σ_eff v⟩ is supplied by the caller.
// Method: an adaptive, L-stable, third-order stiff integrator: implicit (backward) Euler with 1, 2
// and 4 substeps, extrapolated (Aitken–Neville) to (8 Y_4 − 6 Y_2 + Y_1)/3, the difference to the
// second-order 2 Y_4 − Y_2 being the local error estimate of the step control. For this scalar
// Riccati equation each implicit step is the positive root of a quadratic (no Newton iteration;
// Y stays positive). The start is moved from x_start to where the quasi-static deviation from
// equilibrium reaches 1e-3 (Y = Y_eq to 1e-6 before). Boost.Odeint's stiff steppers
// (rosenbrock4, implicit_euler) cannot be used: in Boost 1.74 they need uBLAS, whose
// unbounded_array calls std::allocator<T>::construct, removed in C++20.
// Beyond x_end, with Y_eq ≈ 0 and ⟨σ_eff v⟩ and g_* held
// at their x_end values, the equation integrates in closed form: 1/Y∞ = 1/Y(x_end) + λ(x_end) x_end
// (exact for s-wave, a ≲ 1/x_end error otherwise).
// Relic density: Ω h² = m1 Y∞ s0 h²/ρ_c = 2.7439e8 (m1/GeV) Y∞ with s0 = 2891.2 cm⁻³ and
// ρ_c/h² = 1.05368e-5 GeV cm⁻³ (PDG 2022, Astrophysical constants).
// Failure (a non-finite Y, step-size underflow, too many steps) is returned as a status.
#pragma once

#include <algorithm>
#include <cmath>
#include <exception>
#include <span>
#include <utility>
#include <vector>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/relic/detail/bessel.hpp"
#include "semivisible/relic/dof.hpp"

namespace semivisible::relic {

/// Ω h² per unit (m1/GeV) Y∞: s0/(ρ_c/h²) = 2891.2 cm⁻³ / 1.05368e-5 GeV cm⁻³ (PDG 2022) [1/GeV].
inline constexpr double omega_h2_per_mass_yield = 2891.2 / 1.05368e-5;

/// One species in kinetic and chemical equilibrium with the others: mass [GeV] and internal dof.
struct species {
  double mass;
  double dof;
};

/// Options of the Boltzmann solver.
struct freeze_out_options {
  double x_start = 1.0;               ///< start, where Y = Y_eq is imposed (x = m1/T)
  double x_end = 1e4;                 ///< end of the numerical integration (closed-form tail after)
  double relative_tolerance = 1e-5;   ///< ODE local error control, relative
  double absolute_tolerance = 1e-20;  ///< ODE local error control, absolute on Y
  double freeze_out_delta = 1.0;      ///< x_f defined by Y(x_f) = (1 + δ) Y_eq(x_f)
};

/// Result of one freeze-out solve.
struct freeze_out_result {
  double yield = 0;         ///< Y∞ (today's comoving abundance of all species together)
  double omega_h2 = 0;      ///< Ω h² = 2.7439e8 (m1/GeV) Y∞
  double x_freeze_out = 0;  ///< x where Y = (1 + δ) Y_eq
  solver_status status{};
};

/// Y_eq(x) of the species (the first one is the lightest and defines x = m1/T).
[[nodiscard]] inline double equilibrium_yield(std::span<const species> all, double x) {
  const double m1 = all.front().mass;
  const double temperature = m1 / x;
  const double h_eff = effective_dof(temperature).h_eff;
  double sum = 0;
  for (const auto& sp : all) {
    const double z = sp.mass / temperature;
    sum += sp.dof * z * z * detail::bessel_k_scaled(2, z) * std::exp(-z);
  }
  return 45 / (4 * constants::pi * constants::pi * constants::pi * constants::pi * h_eff) * sum;
}

namespace detail {

/// From the accepted trajectory (xs, ys), ending at x_end: Y∞ with the closed-form tail beyond
/// x_end (Y_eq negligible, rate ∝ 1/x²: 1/Y∞ = 1/Y(x_end) + λ(x_end) x_end), Ω h² and x_f.
/// Shared by every integrator of the Boltzmann equation; `fn` names the public function.
template <class Rate, class EquilibriumYield>
[[nodiscard]] freeze_out_result complete_freeze_out(const char* fn, double m1,
                                                    const std::vector<double>& xs,
                                                    const std::vector<double>& ys, Rate&& rate,
                                                    EquilibriumYield&& yeq_of,
                                                    const freeze_out_options& opt) {
  freeze_out_result result;
  const double y_end = ys.empty() ? 0.0 : ys.back();
  if (!std::isfinite(y_end) || !(y_end > 0)) {
    result.status = {
        status::numerical_error,
        fmt::format("{}: the ODE solution is not finite and positive (Y = {})", fn, y_end)};
    return result;
  }
  result.yield = y_end / (1 + y_end * rate(opt.x_end) * opt.x_end);
  result.omega_h2 = omega_h2_per_mass_yield * m1 * result.yield;
  // x_f: first grid point where Y/Y_eq − 1 ≥ δ, interpolated linearly in ln(Y/Y_eq − 1) vs x
  result.x_freeze_out = opt.x_start;
  for (std::size_t i = 1; i < xs.size(); ++i) {
    const double yeq = yeq_of(xs[i]);
    if (ys[i] >= (1 + opt.freeze_out_delta) * yeq) {
      const double yeq0 = yeq_of(xs[i - 1]);
      const double d0 = ys[i - 1] / yeq0 - 1, d1 = yeq > 0 ? ys[i] / yeq - 1 : 1e300;
      if (d0 > 0 && d1 < 1e300) {
        const double t =
            (std::log(opt.freeze_out_delta) - std::log(d0)) / (std::log(d1) - std::log(d0));
        result.x_freeze_out = xs[i - 1] + std::clamp(t, 0.0, 1.0) * (xs[i] - xs[i - 1]);
      } else {
        result.x_freeze_out = xs[i];
      }
      break;
    }
  }
  return result;
}

/// The solver proper: dY/dx = −rate(x) (Y² − yeq(x)²) from x_start to x_end (see the header
/// comment); `rate` is λ(x)⟨σ_eff v⟩(x), `yeq` is Y_eq(x), m1 [GeV] converts Y∞ to Ω h².
/// Inputs are assumed validated (solve_freeze_out, thermal_target do it).
template <class Rate, class EquilibriumYield>
[[nodiscard]] freeze_out_result integrate_abundance(double m1, Rate&& rate,
                                                    EquilibriumYield&& yeq_of,
                                                    const freeze_out_options& opt) {
  constexpr const char* fn = "semivisible::relic::solve_freeze_out";
  // One implicit (backward) Euler step from y to x_new = x + h, solved in closed form: the step
  // equation a Y'² + Y' − (y + a Y_eq'²) = 0, a = h λ(x_new), has one positive root. `r` and `e`
  // are λ(x_new) and Y_eq(x_new).
  const auto implicit_euler = [](double y0, double h, double r, double e) {
    const double a = h * r;
    const double c = e > 0 ? y0 + a * e * e : y0;  // Y_eq = 0: no inverse process (and no inf·0)
    return 2 * c / (1 + std::sqrt(1 + 4 * a * c));
  };

  freeze_out_result result;
  std::vector<double> xs, ys;  // accepted steps, for x_f
  xs.reserve(512);
  ys.reserve(512);
  // Start where the quasi-static deviation from equilibrium, δ = |d ln Y_eq/dx|/(2 λ Y_eq)
  // (Kolb & Turner §5.2), first exceeds 1e-3, with Y = (1 + δ) Y_eq: earlier, Y = Y_eq to O(δ²)
  // and the stiff equilibrium phase need not be followed step by step.
  double x = opt.x_start;
  double y = yeq_of(x);
  for (;;) {
    const double yeq = yeq_of(x);
    const double dlog =
        (std::log(yeq_of(x * (1 + 1e-4))) - std::log(yeq_of(x * (1 - 1e-4)))) / (2e-4 * x);
    const double delta = std::abs(dlog) / (2 * rate(x) * yeq);
    if (!(delta < 1e-3) || x * 1.1 >= opt.x_end) {
      y = x > opt.x_start ? (1 + delta) * yeq : yeq;
      break;
    }
    x *= 1.1;
  }
  if (!std::isfinite(y) || !(y > 0)) {
    result.status = {status::numerical_error,
                     fmt::format("{}: no finite equilibrium start at x = {} (Y = {}, rate = {})",
                                 fn, x, y, rate(x))};
    return result;
  }
  double h = 1e-3 * x;
  xs.push_back(x);
  ys.push_back(y);
  constexpr int max_steps = 200000;
  int steps = 0;
  while (x < opt.x_end) {
    if (++steps > max_steps) {
      result.status = {status::not_converged,
                       fmt::format("{}: more than {} steps before x_end = {} (stopped at x = {})",
                                   fn, max_steps, opt.x_end, x)};
      return result;
    }
    h = std::min({h, opt.x_end - x, 0.1 * x});
    // Implicit Euler with 1, 2 and 4 substeps at the nodes x + k h/4, extrapolated to third
    // order (Aitken–Neville for an error series in h, h², ...): (8 Y_4 − 6 Y_2 + Y_1)/3; the
    // difference to the second-order 2 Y_4 − Y_2 is the error estimate.
    double r[4], e[4];
    for (int k = 0; k < 4; ++k) {
      const double xk = x + h * (k + 1) / 4;
      r[k] = rate(xk);
      e[k] = yeq_of(xk);
    }
    const double y1 = implicit_euler(y, h, r[3], e[3]);
    const double y2 = implicit_euler(implicit_euler(y, h / 2, r[1], e[1]), h / 2, r[3], e[3]);
    double y4 = y;
    for (int k = 0; k < 4; ++k) y4 = implicit_euler(y4, h / 4, r[k], e[k]);
    const double y_new = (8 * y4 - 6 * y2 + y1) / 3;
    const double err = std::abs(y_new - (2 * y4 - y2)) /
                       (opt.absolute_tolerance + opt.relative_tolerance * std::abs(y_new));
    if (!std::isfinite(y_new) || !std::isfinite(err)) {
      result.status = {
          status::numerical_error,
          fmt::format("{}: non-finite abundance at x = {} (Y = {})", fn, x + h, y_new)};
      return result;
    }
    if (err <= 1 && y_new > 0) {
      x += h;
      y = y_new;
      xs.push_back(x);
      ys.push_back(y);
    }
    const double factor = err > 0 ? 0.9 / std::cbrt(err) : 4.0;
    h *= std::clamp(factor, 0.2, 4.0);
    if (!(h > 1e-14 * x)) {
      result.status = {status::not_converged,
                       fmt::format("{}: step size underflow at x = {}", fn, x)};
      return result;
    }
  }
  return complete_freeze_out(fn, m1, xs, ys, rate, yeq_of, opt);
}

}  // namespace detail

/// ln Y_eq(x), finite for any x (Y_eq itself underflows to 0 for x ≳ 700).
[[nodiscard]] inline double log_equilibrium_yield(std::span<const species> all, double x) {
  const double m1 = all.front().mass;
  const double temperature = m1 / x;
  const double h_eff = effective_dof(temperature).h_eff;
  double hi = -HUGE_VAL;
  std::vector<double> terms;
  terms.reserve(all.size());
  for (const auto& sp : all) {
    const double z = sp.mass / temperature;
    terms.push_back(std::log(sp.dof * z * z * detail::bessel_k_scaled(2, z)) - z);
    hi = std::max(hi, terms.back());
  }
  double sum = 0;
  for (const double t : terms) sum += std::exp(t - hi);
  return std::log(45 /
                  (4 * constants::pi * constants::pi * constants::pi * constants::pi * h_eff)) +
         hi + std::log(sum);
}

namespace detail {

/// Input checks shared by every freeze-out solver; `fn` names the public function.
inline void validate_freeze_out(const char* fn, std::span<const species> all,
                                const freeze_out_options& opt) {
  if (all.empty()) semivisible::detail::throw_invalid(fn, "species.size()", 0.0, ">= 1");
  for (const auto& sp : all) {
    semivisible::detail::require_positive(fn, "species.mass", sp.mass);
    semivisible::detail::require_positive(fn, "species.dof", sp.dof);
    if (sp.mass < all.front().mass)
      semivisible::detail::throw_invalid(fn, "species.mass", sp.mass,
                                         ">= the first (lightest) species' mass");
  }
  semivisible::detail::require_positive(fn, "x_start", opt.x_start);
  if (!(opt.x_end > opt.x_start) || !std::isfinite(opt.x_end))
    semivisible::detail::throw_invalid(fn, "x_end", opt.x_end, "finite and > x_start");
  semivisible::detail::require_positive(fn, "relative_tolerance", opt.relative_tolerance);
  semivisible::detail::require_positive(fn, "absolute_tolerance", opt.absolute_tolerance);
  semivisible::detail::require_positive(fn, "freeze_out_delta", opt.freeze_out_delta);
  if (all.front().mass / opt.x_start > dof_temperature_max)
    semivisible::detail::throw_invalid(fn, "mass/x_start", all.front().mass / opt.x_start,
                                       "<= 1e4 GeV (the g_eff/h_eff table)");
}

/// λ(x)⟨σ_eff v⟩(x), the coefficient of (Y² − Y_eq²) in the header's equation; m1 [GeV].
/// Holds `sigma_eff_v` by reference.
template <class SigmaEffV>
[[nodiscard]] auto annihilation_rate(double m1, SigmaEffV& sigma_eff_v) {
  const double planck = std::sqrt(constants::pi / 45) * constants::mass_planck * m1;
  return [planck, m1, &sigma_eff_v](double x) {
    return planck * effective_dof(m1 / x).g_star_sqrt / (x * x) * sigma_eff_v(x);
  };
}

}  // namespace detail

/// Solves the Boltzmann equation for the species `all` (lightest first) with ⟨σ_eff v⟩(x) [GeV⁻²]
/// given by `sigma_eff_v`. Throws for bad input; returns a status when the solve fails.
template <class SigmaEffV>
[[nodiscard]] freeze_out_result solve_freeze_out(std::span<const species> all,
                                                 SigmaEffV&& sigma_eff_v,
                                                 const freeze_out_options& opt = {}) {
  detail::validate_freeze_out("semivisible::relic::solve_freeze_out", all, opt);
  const double m1 = all.front().mass;
  return detail::integrate_abundance(
      m1, detail::annihilation_rate(m1, sigma_eff_v),
      [&](double x) { return equilibrium_yield(all, x); }, opt);
}

}  // namespace semivisible::relic
