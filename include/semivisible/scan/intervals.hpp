// semivisible/scan/intervals.hpp — excluded intervals of a 1D test function on a log axis.
//
// Given a callable `double test(double y)` that is < 0 where y is excluded (e.g. log(CLs/0.1) at
// fixed x) on y ∈ [lo, hi] with 0 < lo < hi, find every excluded interval (islands included):
//   1. seed pass: evaluate test at `seed_points` log-spaced y (both ends included);
//   2. stability check: at every seed that is a local extremum of test pointing towards zero (a
//      dip of an allowed stretch or a bump of an excluded one — where a narrow island or gap can
//      hide between seeds), evaluate midpoints (in log y) on both sides, `refine_levels` times;
//   3. every sign change between neighbouring points is refined by TOMS 748 (numerics::toms748,
//      Boost.Math; Alefeld, Potra & Shi, ACM TOMS 21 (1995) 327) in u = ln y until the bracket is
//      narrower than ln(1 + relative_tolerance), and the edge is the bracket's midpoint, so the
//      edge is within relative_tolerance of the true crossing in y.
// Resolution, honestly: an island (or a gap) whose width in ln y is at least the seed spacing
// Δ = ln(hi/lo)/(seed_points − 1) always contains a seed and is always found; a narrower one is
// found only when it contains a seed or the extremum refinement of step 2 lands in it.
// Excluded intervals reaching an end of the range report that end (lo or hi) with a flag.
// A point whose evaluation throws or returns NaN/inf is recorded in the result's status (the
// first failure) and skipped; the scan of the remaining points goes on.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include "semivisible/error.hpp"
#include "semivisible/numerics/root_bracket.hpp"

namespace semivisible::scan {

/// One excluded interval [lower, upper] of the scanned variable (same unit as y).
struct interval {
  double lower = 0;
  double upper = 0;
  bool lower_at_range = false;  ///< excluded down to the range's lower end: lower = lo
  bool upper_at_range = false;  ///< excluded up to the range's upper end: upper = hi
  friend bool operator==(const interval&, const interval&) = default;
};

/// Options of excluded_intervals(). Defaults: edges to 0.1 % (the issue asks for 1 %).
struct interval_options {
  double lo = 0;                     ///< lower end of the y range (> 0)
  double hi = 0;                     ///< upper end of the y range (> lo)
  std::size_t seed_points = 32;      ///< log-spaced seeds, ≥ 2; bound the smallest island found
  double relative_tolerance = 1e-3;  ///< edge accuracy, relative in y, in (0, 1)
  std::size_t max_iterations = 100;  ///< per edge, for TOMS 748
  std::size_t refine_levels = 2;     ///< extremum refinement levels between seeds (0 = off)
};

/// Throws invalid_parameter naming the option and its value unless the options are usable.
inline void validate(const interval_options& o) {
  constexpr auto f = "scan::excluded_intervals";
  semivisible::detail::require_positive(f, "lo", o.lo);
  if (!std::isfinite(o.hi) || !(o.hi > o.lo))
    semivisible::detail::throw_invalid(f, "hi", o.hi, fmt::format("finite and > lo = {}", o.lo));
  if (o.seed_points < 2)
    semivisible::detail::throw_invalid(f, "seed_points", static_cast<double>(o.seed_points),
                                       ">= 2");
  semivisible::detail::require_open_interval(f, "relative_tolerance", o.relative_tolerance, 0.0,
                                             1.0);
  if (o.max_iterations == 0) semivisible::detail::throw_invalid(f, "max_iterations", 0.0, ">= 1");
}

/// What excluded_intervals() found.
struct interval_result {
  std::vector<interval> intervals{};  ///< ascending, disjoint
  solver_status status{};             ///< ok, or the first failure (the scan went on)
  std::size_t evaluations = 0;        ///< calls of the test function
};

namespace detail {

struct sample {
  double u;  // ln y
  double t;  // test(y)
};

inline bool excluded(double t) {
  return t < 0;
}

}  // namespace detail

/// All excluded intervals (test(y) < 0) of y in [o.lo, o.hi]; see the header comment for the
/// method and its resolution. `test` is called from the calling thread only.
template <class Test>
[[nodiscard]] interval_result excluded_intervals(Test&& test, const interval_options& o) {
  validate(o);
  interval_result result;
  const auto fail = [&](status code, std::string message) {
    if (result.status.ok()) result.status = solver_status{code, std::move(message)};
  };
  // Evaluates test at u = ln y; returns false (and records why) when it throws or is not finite.
  const auto evaluate = [&](double u, double& t) -> bool {
    const double y = std::exp(u);
    ++result.evaluations;
    try {
      t = static_cast<double>(test(y));
    } catch (const invalid_parameter& e) {
      fail(status::invalid_input, fmt::format("test(y = {}) threw: {}", y, e.what()));
      return false;
    } catch (const std::exception& e) {
      fail(status::numerical_error, fmt::format("test(y = {}) threw: {}", y, e.what()));
      return false;
    }
    if (!std::isfinite(t)) {
      fail(status::numerical_error, fmt::format("test(y = {}) = {}", y, t));
      return false;
    }
    return true;
  };

  const double u_lo = std::log(o.lo), u_hi = std::log(o.hi);
  const double step = (u_hi - u_lo) / static_cast<double>(o.seed_points - 1);

  // 1. seeds (failed points are dropped; the neighbours then bracket across them)
  std::vector<detail::sample> pts;
  pts.reserve(o.seed_points * 3);
  for (std::size_t i = 0; i < o.seed_points; ++i) {
    const double u = i + 1 == o.seed_points ? u_hi : u_lo + static_cast<double>(i) * step;
    double t = 0;
    if (evaluate(u, t)) pts.push_back({u, t});
  }

  // 2. stability check: refine around extrema that point towards zero without crossing it
  for (std::size_t level = 0; level < o.refine_levels && pts.size() >= 3; ++level) {
    std::vector<detail::sample> added;
    for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
      const double a = pts[i - 1].t, b = pts[i].t, c = pts[i + 1].t;
      const bool same_sign =
          detail::excluded(a) == detail::excluded(b) && detail::excluded(b) == detail::excluded(c);
      // a (possibly flat-topped) extremum: not beyond either neighbour, strictly inside one
      const bool towards_zero = detail::excluded(b) ? (b >= a && b >= c && (b > a || b > c))
                                                    : (b <= a && b <= c && (b < a || b < c));
      if (!same_sign || !towards_zero) continue;
      for (const double u : {0.5 * (pts[i - 1].u + pts[i].u), 0.5 * (pts[i].u + pts[i + 1].u)}) {
        double t = 0;
        if (evaluate(u, t)) added.push_back({u, t});
      }
    }
    if (added.empty()) break;
    pts.insert(pts.end(), added.begin(), added.end());
    std::sort(pts.begin(), pts.end(), [](const auto& p, const auto& q) { return p.u < q.u; });
    pts.erase(std::unique(pts.begin(), pts.end(),
                          [](const auto& p, const auto& q) { return p.u == q.u; }),
              pts.end());
  }
  if (pts.empty()) {
    fail(status::numerical_error, "no point of the range could be evaluated");
    return result;
  }

  // 3. refine every sign change with TOMS 748 in u = ln y
  const double log_tolerance = std::log1p(o.relative_tolerance);
  const auto edge = [&](const detail::sample& a, const detail::sample& b) -> double {
    // A failed evaluation (recorded by `evaluate`) returns NaN, which stops the solve with
    // status numerical_error; the edge is then the middle of the bracket we had.
    const auto f = [&](double u) {
      double t = 0;
      return evaluate(u, t) ? t : std::numeric_limits<double>::quiet_NaN();
    };
    const auto tol = [log_tolerance](double l, double r) { return r - l <= log_tolerance; };
    const numerics::root_result r = numerics::toms748(f, a.u, b.u, a.t, b.t, tol, o.max_iterations);
    const auto [l, h] = r.bracket;
    switch (r.status.code) {
      case status::ok:
        return std::exp(0.5 * (l + h));
      case status::not_converged:
        fail(status::not_converged,
             fmt::format("edge in y = [{}, {}] not converged in {} iterations", std::exp(l),
                         std::exp(h), o.max_iterations));
        return std::exp(0.5 * (l + h));
      default:  // numerical_error: the failure is recorded already
        fail(status::numerical_error, fmt::format("edge in y = [{}, {}]: {}", std::exp(a.u),
                                                  std::exp(b.u), r.status.message));
        return std::exp(0.5 * (a.u + b.u));
    }
  };

  const bool first_is_lo = pts.front().u == u_lo;
  const bool last_is_hi = pts.back().u == u_hi;
  bool inside = detail::excluded(pts.front().t);
  interval current;
  if (inside) {
    // excluded at the first evaluable point: the range end when that is lo, else (a failed lo)
    // the first point, which is the conservative statement
    current.lower = first_is_lo ? o.lo : std::exp(pts.front().u);
    current.lower_at_range = first_is_lo;
  }
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const bool next = detail::excluded(pts[i + 1].t);
    if (next == inside) continue;
    const double y = edge(pts[i], pts[i + 1]);
    if (next) {
      current = interval{};
      current.lower = y;
    } else {
      current.upper = y;
      result.intervals.push_back(current);
    }
    inside = next;
  }
  if (inside) {
    current.upper = last_is_hi ? o.hi : std::exp(pts.back().u);
    current.upper_at_range = last_is_hi;
    result.intervals.push_back(current);
  }
  return result;
}

}  // namespace semivisible::scan
