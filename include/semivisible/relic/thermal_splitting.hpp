// semivisible/relic/thermal_splitting.hpp — the mass splitting Δ/m_χ1 at which the thermal relic
// target passes through a given y = ε² α_D (m_χ1/m_A′)⁴.
//
// Physics: y_relic(m_χ1, f) of relic/thermal_target.hpp grows with f = Δ/m_χ1, because the χ2
// density at freeze-out is Boltzmann-suppressed by ≈ e^{−f x_f} (x_f ≈ 20), so a larger coupling
// is needed for Ω h² = 0.12 (docs/physics.md §8). At fixed m_χ1, α_D and m_A′/m_χ1 the equation
// y_relic(m_χ1, f) = y therefore has one root in f; it gives the relic line in the (m_χ1, Δ/m_χ1)
// plane at fixed ε (e.g. ε = ε_(g−2) in the NA64 2021 paper, Fig. 5 bottom).
// Method: g(f) = ln(y_relic(m_χ1, f)/y), bracketed on [0.02, 0.95] (ends evaluated) and solved
// with TOMS 748 (numerics::root_bracket, Boost.Math) to eps_tolerance(12) — the bracket on f is
// ≤ 2^-11 relative — in at most 30 further thermal_target evaluations (≈ 3 ms each).
// No sign change on the range → status no_bracket; a thermal_target failure → status
// numerical_error (with its message); never an exception for those, never NaN.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <boost/math/tools/toms748_solve.hpp>

#include "semivisible/error.hpp"
#include "semivisible/numerics/root_bracket.hpp"
#include "semivisible/relic/thermal_target.hpp"

namespace semivisible::relic {

/// Options of thermal_splitting.
struct splitting_options {
  double splitting_lo = 0.02;          ///< lower end of the Δ/m_χ1 search range (≥ 0)
  double splitting_hi = 0.95;          ///< upper end (> splitting_lo)
  unsigned bits = 12;                  ///< TOMS 748 tolerance: bracket ≤ 2^(1−bits) relative
  std::uintmax_t max_iterations = 30;  ///< thermal_target evaluations after the two ends
  relic_options relic{};               ///< options of each thermal_target
};

/// Δ/m_χ1 with y_relic = y. On failure splitting_ratio = 0 (not_converged: the middle of the
/// bracket reached) and status says why.
struct splitting_result {
  double mass_chi1 = 0;                     ///< m_χ1 [GeV]
  double splitting_ratio = 0;               ///< Δ/m_χ1: the middle of the final bracket
  std::pair<double, double> bracket{0, 0};  ///< final bracket on Δ/m_χ1 (the range on failure)
  solver_status status{};
  std::uintmax_t iterations = 0;  ///< thermal_target evaluations (ends included)
};

/// The Δ/m_χ1 in [options.splitting_lo, options.splitting_hi] at which the thermal target
/// y_relic(m_χ1 [GeV], Δ/m_χ1; α_D, m_A′/m_χ1) equals y_target (dimensionless, > 0).
/// Throws invalid_parameter on bad input (the ranges of thermal_target; a bad search range or
/// tolerance); a failed solve returns a status.
[[nodiscard]] inline splitting_result thermal_splitting(double mass_chi1, double y_target,
                                                        double alpha_dark, double mass_ratio,
                                                        const splitting_options& options = {}) {
  constexpr const char* fn = "semivisible::relic::thermal_splitting";
  namespace sd = semivisible::detail;
  sd::require_positive(fn, "mass_chi1", mass_chi1);
  if (mass_chi1 < mass_chi1_min || mass_chi1 > mass_chi1_max)
    sd::throw_invalid(fn, "mass_chi1", mass_chi1,
                      "in [0.001, 5] GeV (the range of thermal_target)");
  sd::require_positive(fn, "y_target", y_target);
  sd::require_positive(fn, "alpha_dark", alpha_dark);
  sd::require_positive(fn, "mass_ratio", mass_ratio);
  sd::require_non_negative(fn, "splitting_lo", options.splitting_lo);
  if (!std::isfinite(options.splitting_hi) || !(options.splitting_hi > options.splitting_lo))
    sd::throw_invalid(fn, "splitting_hi", options.splitting_hi,
                      fmt::format("finite and > splitting_lo = {}", options.splitting_lo));
  if (options.bits < 1 || options.bits > 53)
    sd::throw_invalid(fn, "bits", options.bits, "in [1, 53]");
  if (options.max_iterations < 1) sd::throw_invalid(fn, "max_iterations", 0.0, ">= 1");

  solver_status failure{};  // the first thermal_target failure, if any
  const auto g = [&](double splitting) {
    const target_point p =
        thermal_target(mass_chi1, splitting, alpha_dark, mass_ratio, options.relic);
    if (!p.status.ok()) {
      if (failure.ok())
        failure = {p.status.code, fmt::format("thermal_target(Delta/m_chi1 = {}) failed: {}",
                                              splitting, p.status.message)};
      return std::nan("");  // stops the solve: status numerical_error
    }
    return std::log(p.y / y_target);  // rises with the splitting
  };
  numerics::bracket_options bo;
  bo.max_iterations = options.max_iterations;
  const numerics::root_result r =
      numerics::root_bracket(g, options.splitting_lo, options.splitting_hi,
                             boost::math::tools::eps_tolerance<double>(options.bits), bo);
  splitting_result out;
  out.mass_chi1 = mass_chi1;
  out.bracket = r.bracket;
  out.iterations = r.iterations;
  out.status = r.status;
  if (!failure.ok())
    out.status = {status::numerical_error, fmt::format("{}: {}", fn, failure.message)};
  if (out.status.ok() || out.status.code == status::not_converged) {
    out.splitting_ratio = r.value;  // not_converged: the middle of the bracket reached
  } else if (r.status.code == status::no_bracket) {
    out.status.message = fmt::format(
        "{}: y_target = {:g} is not crossed by the relic target for Delta/m_chi1 in [{}, {}] "
        "(m_chi1 = {} GeV): {}",
        fn, y_target, options.splitting_lo, options.splitting_hi, mass_chi1, r.status.message);
  }
  return out;
}

}  // namespace semivisible::relic
