// semivisible/stats/detail/observed_fits.hpp — the μ-independent fits on the observed data that
// q̃_μ needs (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554, Eq. 16): the free fit (μ̂ and
// its −ln L) and the background-only fit θ̂_0. Shared by the asymptotic and the toy engines.
#pragma once

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/stats/detail/limit_solver.hpp"
#include "semivisible/stats/likelihood.hpp"

namespace semivisible::stats::detail {

/// Total expected and observed events above which −ln L differences (q̃) lose their significant
/// digits in double precision: the terms ν − n and n ln(n/ν) are each of the size of the counts,
/// so q̃ carries an absolute rounding error ≈ 16 ε Σ(n + b) ≈ 2e-5 at 1e10 events.
inline constexpr double max_resolved_events = 1e10;

struct observed_fits {
  dataset data;
  double mu_hat = 0, nll_free = 0;
  std::vector<double> background_only;  ///< (μ = 0, θ̂_0)
  solver_status status{};
  int iterations = 0;  ///< Newton iterations of the two fits (for the work budget)

  observed_fits(const likelihood& lik, const fit_options& options) : data(lik.observed_data()) {
    double events = 0;
    for (std::size_t i = 0; i < data.counts.size(); ++i)
      events += data.counts[i] + lik.model().background()[i];
    if (!(events <= max_resolved_events))
      status = {status::numerical_error,
                fmt::format("the counts (observed + background = {:g} events) are too large for "
                            "the likelihood ratio to be resolved in double precision (> {:g})",
                            events, max_resolved_events)};
    const fit_result free =
        lik.fit_unconditional(data, std::numeric_limits<double>::infinity(), options);
    keep_first_failure(status, free.status);
    mu_hat = free.mu();
    nll_free = free.nll;
    // θ̂_0: when the data are impossible without signal (n > 0 where b = 0) the fit reports
    // invalid_input and keeps θ at the global observables; that is no failure of the limit.
    const fit_result zero = lik.fit_conditional(0.0, data, options);
    if (zero.status.code != status::invalid_input) keep_first_failure(status, zero.status);
    background_only = zero.parameters;
    iterations = free.iterations + zero.iterations;
  }

  /// q̃_μ from the conditional fit's NLL (0 when μ̂ ≥ μ: CCGV Eq. 16 one-sided).
  [[nodiscard]] double qtilde(double mu, double nll_conditional) const {
    return mu_hat >= mu ? 0.0 : std::max(0.0, 2.0 * (nll_conditional - nll_free));
  }
};

/// Work units of one Newton iteration on `bins` bins (p = bins + 2 parameters): the gradient
/// and Hessian (≈ 30 per bin), the Cholesky factorisation (p³/3 multiply-adds, counted as p³ for
/// the memory traffic), the line search; ≈ 1 ns each on the reference machine.
inline double fit_iteration_units(std::size_t bins) {
  const auto p = static_cast<double>(bins + 2);
  return 150.0 + 40.0 * static_cast<double>(bins) + p * p * p;
}

}  // namespace semivisible::stats::detail
