// semivisible/relic/gsl/freeze_out_msbdf.hpp — the freeze-out Boltzmann equation of
// relic/boltzmann.hpp solved with GSL's variable-order BDF method (gsl_odeiv2_step_msbdf, with
// the analytic Jacobian): an independent stiff integrator for cross-checks.
//
// Needs the optional target semivisible::gsl (-DSEMIVISIBLE_WITH_GSL=ON; GSL is compiled and GPL,
// so the default library does not depend on it). The same equation, inputs, options and result as
// relic::solve_freeze_out, but integrated from x_start with Y = Y_eq through the whole stiff
// equilibrium phase (no quasi-static start) and sampled on 64 points per decade of x for x_f.
// GSL reports a failing solve (step size underflow, too many steps) by its return code, which
// becomes the status; internal GSL errors call GSL's error handler, which aborts by default —
// call gsl_set_error_handler_off() once at program start to get statuses for those too.
#pragma once

#include <cmath>
#include <exception>
#include <memory>
#include <span>
#include <vector>

#include <fmt/format.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

#include "semivisible/error.hpp"
#include "semivisible/relic/boltzmann.hpp"

namespace semivisible::relic {

/// relic::solve_freeze_out with GSL's msbdf stepper. Throws for bad input (the same checks);
/// returns a status when GSL fails.
template <class SigmaEffV>
[[nodiscard]] freeze_out_result solve_freeze_out_msbdf(std::span<const species> all,
                                                       SigmaEffV&& sigma_eff_v,
                                                       const freeze_out_options& opt = {}) {
  constexpr const char* fn = "semivisible::relic::solve_freeze_out_msbdf";
  detail::validate_freeze_out(fn, all, opt);
  const double m1 = all.front().mass;
  const auto rate = detail::annihilation_rate(m1, sigma_eff_v);
  const auto yeq_of = [&](double x) { return equilibrium_yield(all, x); };

  // dY/dx = −r (Y² − Y_eq²) and ∂f/∂Y = −2 r Y; ∂f/∂x by a central difference (GSL's BDF uses
  // it only in its Newton iteration's right-hand side, where its accuracy is second order).
  struct problem {
    const decltype(rate)& rate_of;
    const decltype(yeq_of)& equilibrium_of;
    std::exception_ptr error;
    double f(double x, double y) const {
      const double e = equilibrium_of(x);
      return -rate_of(x) * (y * y - e * e);
    }
  } prob{rate, yeq_of, nullptr};
  const auto function = [](double x, const double y[], double dydx[], void* p) -> int {
    auto& pr = *static_cast<problem*>(p);
    try {
      dydx[0] = pr.f(x, y[0]);
      return std::isfinite(dydx[0]) ? GSL_SUCCESS : GSL_EBADFUNC;
    } catch (...) {
      pr.error = std::current_exception();
      return GSL_EBADFUNC;
    }
  };
  const auto jacobian = [](double x, const double y[], double* dfdy, double dfdx[],
                           void* p) -> int {
    auto& pr = *static_cast<problem*>(p);
    try {
      dfdy[0] = -2 * pr.rate_of(x) * y[0];
      const double h = 1e-6 * x;
      dfdx[0] = (pr.f(x + h, y[0]) - pr.f(x - h, y[0])) / (2 * h);
      return std::isfinite(dfdy[0]) && std::isfinite(dfdx[0]) ? GSL_SUCCESS : GSL_EBADFUNC;
    } catch (...) {
      pr.error = std::current_exception();
      return GSL_EBADFUNC;
    }
  };
  gsl_odeiv2_system system{+function, +jacobian, 1, &prob};
  struct driver_deleter {
    void operator()(gsl_odeiv2_driver* d) const { gsl_odeiv2_driver_free(d); }
  };
  const std::unique_ptr<gsl_odeiv2_driver, driver_deleter> driver(
      gsl_odeiv2_driver_alloc_y_new(&system, gsl_odeiv2_step_msbdf, 1e-6 * opt.x_start,
                                    opt.absolute_tolerance, opt.relative_tolerance));
  freeze_out_result failed;
  if (!driver) {
    failed.status = {status::numerical_error, fmt::format("{}: GSL could not allocate", fn)};
    return failed;
  }
  gsl_odeiv2_driver_set_nmax(driver.get(), 1000000);

  double x = opt.x_start;
  double y[1] = {yeq_of(x)};
  std::vector<double> xs{x}, ys{y[0]};
  const auto samples = static_cast<int>(std::ceil(64 * std::log10(opt.x_end / opt.x_start)));
  for (int i = 1; i <= samples; ++i) {
    const double x_next =
        i == samples ? opt.x_end
                     : opt.x_start * std::pow(opt.x_end / opt.x_start, double(i) / samples);
    const int code = gsl_odeiv2_driver_apply(driver.get(), &x, x_next, y);
    if (prob.error) std::rethrow_exception(prob.error);
    if (code != GSL_SUCCESS) {
      failed.status = {code == GSL_EMAXITER ? status::not_converged : status::numerical_error,
                       fmt::format("{}: GSL msbdf stopped at x = {} (Y = {}): {}", fn, x, y[0],
                                   gsl_strerror(code))};
      return failed;
    }
    xs.push_back(x);
    ys.push_back(y[0]);
  }
  return detail::complete_freeze_out(fn, m1, xs, ys, rate, yeq_of, opt);
}

}  // namespace semivisible::relic
