// semivisible/stats/detail/limit_solver.hpp — the root find of an upper limit, CLs(t) = α, in the
// signal-event variable t = μ Σs, and the normal-distribution helpers of the bands.
//
// Method: CLs(0) = 1 > α bounds the root from below. Starting from `guess` events, the upper end
// is halved while CLs < α (the last point with CLs ≥ α becomes the lower end) or doubled while
// CLs > α (up to 2^61 events), then the bracket is solved with TOMS 748 through
// numerics::toms748 (Boost.Math; Alefeld, Potra & Shi, ACM TOMS 21 (1995) 327) to the relative
// tolerance 2^(1−bits). Working in events makes the limits scale exactly as 1/|s|.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

#include <boost/math/tools/toms748_solve.hpp>

#include "semivisible/error.hpp"
#include "semivisible/numerics/root_bracket.hpp"

namespace semivisible::stats::detail {

inline double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}
inline double normal_sf(double x) {
  return 0.5 * std::erfc(x / std::numbers::sqrt2);
}

/// The band offsets N = −2, −1, 0, +1, +2 (lower limits first) and their quantiles Φ(N).
inline constexpr std::array<double, 5> band_sigma{-2.0, -1.0, 0.0, 1.0, 2.0};

inline void keep_first_failure(solver_status& into, const solver_status& s) {
  if (into.ok() && !s.ok()) into = s;
}

/// Solves CLs(t) = α for t = μ Σs (events); see the header comment. `cls_of_events` returns CLs
/// (it may record failures itself). Returns t, or NaN (with a status) when no root was found.
template <class CLsOfEvents>
double solve_events(CLsOfEvents&& cls_of_events, double alpha, int bits, solver_status& st,
                    double guess = 2.0) {
  auto f = [&](double t) { return cls_of_events(t) - alpha; };
  double lo = 0, flo = 1 - alpha;
  double hi = guess > 0 && std::isfinite(guess) ? guess : 2.0, fhi = f(hi);
  for (int shrink = 0; fhi < 0 && shrink < 60; ++shrink) {  // CLs(0) = 1 > α bounds from below
    const double t = 0.5 * hi, ft = f(t);
    if (ft >= 0) {
      lo = t;
      flo = ft;
      break;
    }
    hi = t;
    fhi = ft;
  }
  int expansions = 0;
  while (fhi > 0) {
    lo = hi;
    flo = fhi;
    hi *= 2;
    fhi = f(hi);
    if (++expansions > 60 || !std::isfinite(fhi)) {
      keep_first_failure(st, {status::no_bracket, "CLs stays above 1 - CL up to 2^61 events"});
      return std::numeric_limits<double>::quiet_NaN();
    }
  }
  if (fhi == 0) return hi;
  const numerics::root_result r = numerics::toms748(
      f, lo, hi, flo, fhi, boost::math::tools::eps_tolerance<double>(static_cast<unsigned>(bits)),
      200);
  if (r.ok()) return r.value;
  keep_first_failure(st, {r.status.code, "CLs limit: " + r.status.message});
  return r.status.code == status::not_converged ? r.value
                                                : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace semivisible::stats::detail
