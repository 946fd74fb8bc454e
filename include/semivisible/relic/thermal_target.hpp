// semivisible/relic/thermal_target.hpp — the thermal relic target: the y = ε² α_D (m_χ1/m_A′)⁴
// (and ε) for which coannihilating χ1χ2 freeze-out gives Ω h² = 0.12, for any Δ/m_χ1 ≥ 0.
//
// Physics (docs/physics.md §8; docs/formula-notes.md §7.2): χ1, χ2 Majorana (g = 2 each) in
// chemical equilibrium with each other (Griest & Seckel, PRD 43 (1991) 3191), σ11 = σ22 = 0, so
//   ⟨σ_eff v⟩ = 2 r1 r2 ⟨σ12 v⟩,   r_i = n_i^eq/(n_1^eq + n_2^eq) = m_i² K2(m_i/T)/Σ_j m_j²
//   K2(m_j/T),
// ⟨σ12 v⟩ from relic/thermal_average.hpp (Gondolo–Gelmini for m1 ≠ m2), σ12 from
// relic/cross_section.hpp (e⁺e⁻, μ⁺μ⁻, τ⁺τ⁻, hadrons via physics/r_ratio.hpp, Breit–Wigner A′ with
// its total width), and the Boltzmann equation of relic/boltzmann.hpp. Method: σ12 ∝ ε² except
// through the A′ width, so ⟨σ12 v⟩/ε² is tabulated once on a grid uniform in ln x (cubic B-spline
// of its logarithm) for the width at the current ε; ε² is then found with Boost.Math toms748
// (numerics::bracket_and_solve) on ln(Ω h²/0.12); the width is updated with the new ε and the table
// rebuilt until the width changes by < 1e-3 relative (a bound on its effect on y).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <boost/math/interpolators/cardinal_cubic_b_spline.hpp>

#include "semivisible/error.hpp"
#include "semivisible/numerics/root_bracket.hpp"
#include "semivisible/relic/boltzmann.hpp"
#include "semivisible/relic/cross_section.hpp"
#include "semivisible/relic/thermal_average.hpp"

namespace semivisible::relic {

/// Range of m_χ1 [GeV] accepted by thermal_target: the g_eff/h_eff table and the hadronic model
/// (√s up to ~3 m_χ1 must be described by physics/r_ratio.hpp; above ~1 GeV it is a crude
/// continuum).
inline constexpr double mass_chi1_min = 1e-3;
inline constexpr double mass_chi1_max = 5.0;

/// Options of the relic target computation.
struct relic_options {
  double omega_h2 = 0.12;           ///< target relic density (Planck 2018: 0.120 ± 0.001)
  freeze_out_options freeze_out{};  ///< Boltzmann solver settings (x range, tolerances, δ of x_f)
  std::size_t grid_points = 48;  ///< ⟨σ12 v⟩ table points, uniform in ln x over [x_start, x_end]
  double root_tolerance = 1e-6;   ///< relative width of the final bracket on ε²
  int max_width_iterations = 12;  ///< A′-width/ε fixed-point iterations (damped from the third)
  /// Largest ε searched: a point that would need more has no target (status no_bracket). ε ≤ 1
  /// is the end of the kinetic-mixing treatment (Γ(A′→SM) ∝ ε² and the ε e J_em coupling are
  /// perturbative only below it), and the solves beyond it were the slow ones: Γ(A′→SM) then
  /// dominates the width and its iteration with ε wandered (up to 12 table rebuilds and ~200
  /// Boltzmann solves per point, measured, before failing anyway).
  double epsilon_max = 1.0;
};

/// One point of the target line. On failure y = epsilon = omega_h2 = x_freeze_out = 0 and status
/// says why (never NaN).
struct target_point {
  double mass_chi1 = 0;     ///< m_χ1 [GeV]
  double y = 0;             ///< ε² α_D (m_χ1/m_A′)⁴ giving Ω h² = omega_h2
  double epsilon = 0;       ///< the corresponding ε
  double omega_h2 = 0;      ///< Ω h² reached at that ε (equals the target to the root tolerance)
  double x_freeze_out = 0;  ///< m_χ1/T where Y = 2 Y_eq
  solver_status status{};
};

namespace detail {

/// ln(2 r1 r2) for Majorana χ1, χ2 (g = 2 each) at x = m1/T, computed without underflow.
inline double log_coannihilation_weight(double mass_1, double mass_2, double x) {
  const double z2 = x * mass_2 / mass_1;
  const double a = std::log(detail::bessel_k_scaled(2, x)) - x;  // ln(x² K2(x)) − 2 ln x
  const double b = 2 * std::log(mass_2 / mass_1) + std::log(detail::bessel_k_scaled(2, z2)) - z2;
  const double hi = std::max(a, b);
  const double log_sum = hi + std::log(std::exp(a - hi) + std::exp(b - hi));
  return std::log(2.0) + a + b - 2 * log_sum;
}

inline target_point failed(double mass_chi1, status code, std::string message) {
  target_point t;
  t.mass_chi1 = mass_chi1;
  t.status = {code, std::move(message)};
  return t;
}

}  // namespace detail

/// The thermal target at one m_χ1 [GeV] for Δ/m_χ1 = splitting_ratio ≥ 0, α_D and m_A′/m_χ1.
/// Throws invalid_parameter for bad input (m_χ1 outside [1e-3, 5] GeV, negative splitting, ...);
/// a failed solve returns a status.
[[nodiscard]] inline target_point thermal_target(double mass_chi1, double splitting_ratio,
                                                 double alpha_dark, double mass_ratio,
                                                 const relic_options& opt = {}) {
  constexpr const char* fn = "semivisible::relic::thermal_target";
  namespace sd = semivisible::detail;
  sd::require_positive(fn, "mass_chi1", mass_chi1);
  if (mass_chi1 < mass_chi1_min || mass_chi1 > mass_chi1_max)
    sd::throw_invalid(fn, "mass_chi1", mass_chi1,
                      "in [0.001, 5] GeV (the range of the g_eff/h_eff table and hadronic model)");
  sd::require_non_negative(fn, "splitting_ratio", splitting_ratio);
  sd::require_positive(fn, "alpha_dark", alpha_dark);
  sd::require_positive(fn, "mass_ratio", mass_ratio);
  sd::require_positive(fn, "omega_h2", opt.omega_h2);
  sd::require_positive(fn, "root_tolerance", opt.root_tolerance);
  sd::require_positive(fn, "epsilon_max", opt.epsilon_max);
  if (opt.grid_points < 8)
    sd::throw_invalid(fn, "grid_points", static_cast<double>(opt.grid_points), ">= 8");
  const auto& fo = opt.freeze_out;
  sd::require_positive(fn, "freeze_out.x_start", fo.x_start);
  if (!(fo.x_end > fo.x_start) || !std::isfinite(fo.x_end))
    sd::throw_invalid(fn, "freeze_out.x_end", fo.x_end, "finite and > x_start");

  dark_sector<double> unit{mass_chi1, splitting_ratio, alpha_dark, mass_ratio, 1.0};
  const double m2 = unit.mass_chi2();
  const std::vector<species> chis{{mass_chi1, 2.0}, {m2, 2.0}};
  const double width_dark =
      physics::aprime_width_chi1chi2(unit.mass_aprime(), alpha_dark, mass_chi1, m2);
  const double width_sm_unit = aprime_total_width(unit) - width_dark;  // Γ(A′→SM)/ε²

  const double lx0 = std::log(fo.x_start), lx1 = std::log(fo.x_end);
  const std::size_t n = opt.grid_points;
  const double step = (lx1 - lx0) / static_cast<double>(n - 1);
  std::vector<double> log_sv(n);

  // ln Y_eq on the fine grid (independent of ε and of the A′ width)
  const std::size_t fine_n = 8 * n;
  const double fine_step = (lx1 - lx0) / static_cast<double>(fine_n - 1);
  std::vector<double> log_yeq(fine_n), log_rate(fine_n);
  for (std::size_t i = 0; i < fine_n; ++i)
    log_yeq[i] = log_equilibrium_yield(std::span<const species>(chis),
                                       std::exp(lx0 + fine_step * static_cast<double>(i)));
  const boost::math::interpolators::cardinal_cubic_b_spline<double> yeq_spline(
      log_yeq.data(), fine_n, lx0, fine_step);
  const double planck = std::sqrt(constants::pi / 45) * constants::mass_planck * mass_chi1;

  double eps2 = 1e-6;  // initial ε² for the width (its SM part is a ~1e-5 relative effect)
  target_point out;
  out.mass_chi1 = mass_chi1;
  for (int iteration = 0; iteration < opt.max_width_iterations; ++iteration) {
    const double width = width_dark + eps2 * width_sm_unit;
    for (std::size_t i = 0; i < n; ++i) {
      const double x = std::exp(lx0 + step * static_cast<double>(i));
      const double sv = thermal_average_chi1chi2(unit, width, mass_chi1 / x);
      if (!(sv > 0) || !std::isfinite(sv))
        return detail::failed(mass_chi1, status::numerical_error,
                              fmt::format("{}: <sigma v> = {} at x = {}", fn, sv, x));
      log_sv[i] = std::log(sv);
    }
    const boost::math::interpolators::cardinal_cubic_b_spline<double> spline(log_sv.data(), n, lx0,
                                                                             step);
    // The ODE coefficients on a fine ln x grid (cubic B-splines of their logarithms), so that each
    // of the several solves costs spline evaluations only: ln[λ(x)⟨σ_eff v⟩/ε²] here, ln Y_eq
    // above.
    for (std::size_t i = 0; i < fine_n; ++i) {
      const double lx = lx0 + fine_step * static_cast<double>(i);
      const double x = std::exp(lx);
      log_rate[i] = std::log(planck * effective_dof(mass_chi1 / x).g_star_sqrt / (x * x)) +
                    spline(lx) + detail::log_coannihilation_weight(mass_chi1, m2, x);
    }
    const boost::math::interpolators::cardinal_cubic_b_spline<double> rate_spline(
        log_rate.data(), fine_n, lx0, fine_step);
    // The ODE asks for both coefficients at each x, one after the other: one logarithm for both.
    double memo_x = -1, memo_lx = lx0;
    const auto clamped_log = [&](double x) {
      if (x != memo_x) {
        memo_x = x;
        memo_lx = std::clamp(std::log(x), lx0, lx1);
      }
      return memo_lx;
    };
    const auto omega_at = [&](double scale) {  // scale = ε²
      return relic::detail::integrate_abundance(
          mass_chi1, [&](double x) { return scale * std::exp(rate_spline(clamped_log(x))); },
          [&](double x) { return std::exp(yeq_spline(clamped_log(x))); }, fo);
    };
    // ln Ω is close to linear in ln ε² (Ω ∝ 1/ε² up to the logarithmic drift of x_f): secant
    // steps in (ln ε², ln Ω) from the current ε², starting with slope −1; if they have not met
    // root_tolerance after 8 solves, TOMS 748 after a multiplicative bracket walk
    // (numerics::bracket_and_solve, i.e. Boost's bracket_and_solve_root) takes over.
    solver_status inner{};
    double best_scale = eps2, best_residual = HUGE_VAL;
    freeze_out_result best{};
    const double scale_max = opt.epsilon_max * opt.epsilon_max;
    const auto beyond_cap = [&](double omega) -> solver_status {
      return {status::no_bracket,
              fmt::format("{}: no thermal target with epsilon <= epsilon_max = {} (Omega h^2 = "
                          "{:.3g} there): the annihilation is too suppressed (Boltzmann factor "
                          "of chi2 or propagator)",
                          fn, opt.epsilon_max, omega)};
    };
    const auto f = [&](double scale) {
      if (scale > scale_max * (1 + 1e-12)) {  // (exp(ln cap) may round up by an ulp) only the
        inner = beyond_cap(HUGE_VAL);         // bracket walk below asks: a root this close to
        return 0.0;                           // the cap is reported as beyond it
      }
      if (!std::isfinite(scale) || !(scale > 0)) {
        inner = {status::no_bracket,
                 fmt::format("{}: the root find in epsilon left the finite range (epsilon^2 = {})",
                             fn, scale)};
        return 0.0;
      }
      const auto r = omega_at(scale);
      if (!r.status.ok()) {
        inner = r.status;
        return 0.0;  // stops the root finder; reported below
      }
      const double residual = std::log(r.omega_h2 / opt.omega_h2);
      if (!std::isfinite(residual)) {
        inner = {status::numerical_error,
                 fmt::format("{}: Omega h^2 = {} at epsilon^2 = {}", fn, r.omega_h2, scale)};
        return 0.0;
      }
      if (std::abs(residual) < best_residual) {
        best_residual = std::abs(residual);
        best_scale = scale;
        best = r;
      }
      return residual;
    };
    const double tol = opt.root_tolerance;
    // Start from the Kolb–Turner estimate Ω h² ≈ 1.07e9 x_f/(g_*^{1/2} M_Pl ⟨σ_eff v⟩(x_f)/GeV⁻²)
    // with x_f = 20 (KT Eq. 5.45), good to tens of % — saves one or two solves.
    const double x_guess = std::clamp(20.0, fo.x_start, fo.x_end);
    const double sigma_unit = std::exp(spline(std::log(x_guess)) +
                                       detail::log_coannihilation_weight(mass_chi1, m2, x_guess));
    const double kt_scale = 1.07e9 * x_guess /
                            (effective_dof(mass_chi1 / x_guess).g_star_sqrt *
                             constants::mass_planck * opt.omega_h2 * sigma_unit);
    if (iteration == 0 && std::isfinite(kt_scale) && kt_scale > 1e4)
      return detail::failed(
          mass_chi1, status::no_bracket,
          fmt::format("{}: no thermal target with epsilon < 100 (estimate epsilon ~ {:.3g}): the "
                      "annihilation is too suppressed (Boltzmann factor of chi2 or propagator)",
                      fn, std::sqrt(kt_scale)));
    const double start = std::min(
        iteration == 0 && std::isfinite(kt_scale) && kt_scale > 0 ? kt_scale : eps2, scale_max);
    const double l_max = std::log(scale_max);
    double l0 = std::log(start), r0 = f(start), slope = -1;
    // Ω decreases with ε²: still above the target at the cap means no target below it
    const auto above_at_cap = [&](double l, double r) { return l >= l_max && r > 0; };
    if (inner.ok() && above_at_cap(l0, r0)) inner = beyond_cap(best.omega_h2);
    bool converged = false;
    for (int k = 0; k < 8 && inner.ok(); ++k) {
      // at most ×20 in ε² per step, and not beyond the cap
      const double l1 = std::min(l0 + std::clamp(-r0 / slope, -3.0, 3.0), l_max);
      const double r1 = f(std::exp(l1));
      if (!inner.ok()) break;
      if (above_at_cap(l1, r1)) {
        inner = beyond_cap(best.omega_h2);
        break;
      }
      if (std::abs(l1 - l0) <= tol && std::abs(r1) <= tol) {
        converged = true;
        break;
      }
      if (std::abs(l1 - l0) > 1e-12) slope = (r1 - r0) / (l1 - l0);
      if (!(slope < -0.05)) slope = -1;  // Ω decreases with ε²; a flat secant would overshoot
      l0 = l1;
      r0 = r1;
    }
    if (!converged && inner.ok()) {
      const numerics::root_result r = numerics::bracket_and_solve(
          f, best_scale, 1.1, false,
          [tol](double a, double b) { return std::abs(a - b) <= tol * std::min(a, b); }, 60);
      if (r.status.code == status::not_converged) {
        if (inner.ok())
          return detail::failed(mass_chi1, status::not_converged,
                                fmt::format("{}: root find in epsilon did not converge", fn));
      } else if (!r.ok()) {
        return detail::failed(
            mass_chi1, status::no_bracket,
            fmt::format("{}: root find in epsilon failed: {}", fn, r.status.message));
      }
    }
    if (!inner.ok()) return detail::failed(mass_chi1, inner.code, inner.message);
    // The best evaluated point: its |ln(Ω/Ω_target)| is within the bracket width (≤
    // root_tolerance).
    const double solution = best_scale;
    const auto& final_solve = best;
    const double new_width = width_dark + solution * width_sm_unit;
    out.epsilon = std::sqrt(solution);
    out.y = solution * alpha_dark / (mass_ratio * mass_ratio * mass_ratio * mass_ratio);
    if (!std::isfinite(out.y) || !(out.y > 0) || !std::isfinite(out.epsilon))
      return detail::failed(
          mass_chi1, status::numerical_error,
          fmt::format("{}: y = eps^2 alpha_D / mass_ratio^4 = {} is not a finite number > 0 "
                      "(mass_ratio = {}, epsilon = {})",
                      fn, out.y, mass_ratio, out.epsilon));
    out.omega_h2 = final_solve.omega_h2;
    out.x_freeze_out = final_solve.x_freeze_out;
    const bool width_converged = std::abs(new_width - width) <= 1e-3 * width;
    if (width_converged) return out;
    // Undamped the first two times; then the geometric mean, which also converges when the
    // fixed-point map ε² → ε²(Γ_A′(ε²)) overshoots (A′ pole at threshold, Γ_A′ ∝ ε²).
    eps2 = iteration < 2 ? solution : std::sqrt(eps2 * solution);
  }
  return detail::failed(mass_chi1, status::not_converged,
                        fmt::format("{}: the A' width / epsilon iteration did not converge in {} "
                                    "steps (m_chi1 = {} GeV)",
                                    fn, opt.max_width_iterations, mass_chi1));
}

/// thermal_target at every mass in `masses` [GeV] (same order). Throws on the first bad mass.
[[nodiscard]] inline std::vector<target_point> thermal_target_line(std::span<const double> masses,
                                                                   double splitting_ratio,
                                                                   double alpha_dark,
                                                                   double mass_ratio,
                                                                   const relic_options& opt = {}) {
  std::vector<target_point> line;
  line.reserve(masses.size());
  for (const double m : masses)
    line.push_back(thermal_target(m, splitting_ratio, alpha_dark, mass_ratio, opt));
  return line;
}

}  // namespace semivisible::relic
