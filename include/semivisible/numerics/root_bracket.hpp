// semivisible/numerics/root_bracket.hpp — one root finder for the whole library: bracket a sign
// change of a scalar function, then solve it with Boost.Math's TOMS 748.
//
// What it provides (namespace semivisible::numerics):
//  * toms748(f, a, b[, f(a), f(b)], tol, max_iterations) — Alefeld, Potra & Shi, ACM TOMS 21 (1995)
//    327, as implemented by boost::math::tools::toms748_solve, on a given bracket;
//  * root_bracket(f, lo, hi, tol, options) — for a function that need not be monotone: looks for
//    a sign change at the ends, then at `subdivisions` evenly spaced interior points, then (when
//    asked) by widening the interval geometrically, and solves the first bracket found;
//  * bracket_and_solve(f, guess, factor, rising, tol, max_iterations) — the multiplicative
//    bracket walk of boost::math::tools::bracket_and_solve_root (for variables > 0), same
//    evaluations, same result.
// Every function returns a root_result {value, bracket, status, iterations} and never throws for
// a numerical failure: no sign change → status::no_bracket; f returns NaN or ±∞ → the solve stops
// at once with status::numerical_error; the iteration limit is reached before the tolerance →
// status::not_converged. `value` is then the finite evaluated point with the smallest |f| (or the
// middle of the search interval), never NaN. Only invalid arguments (a non-finite or empty
// interval, zero iterations, a factor ≤ 1) throw invalid_parameter. Exceptions thrown by f itself
// propagate unchanged.
// Accuracy: that of the tolerance functor (e.g. boost::math::tools::eps_tolerance<double>(bits):
// bracket width ≤ 2^(1−bits) relative); `value` is the bracket's midpoint.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <boost/math/policies/error_handling.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include "semivisible/error.hpp"

namespace semivisible::numerics {

/// Outcome of a root solve. On success `bracket` is the final interval [a, b] (a ≤ b) holding the
/// sign change and `value` its midpoint; on failure `bracket` is the last interval known to hold
/// a sign change (or the interval searched, for no_bracket) and `value` the finite evaluated point
/// with the smallest |f|. `iterations` counts the evaluations of f.
struct root_result {
  double value = 0;
  std::pair<double, double> bracket{0.0, 0.0};
  solver_status status{};
  std::uintmax_t iterations = 0;
  [[nodiscard]] bool ok() const noexcept { return status.ok(); }
};

/// How root_bracket widens [lo, hi] when no sign change was found inside it.
enum class expansion {
  none,   ///< do not widen: no sign change → status::no_bracket
  upper,  ///< move hi up: (lo, hi) → (hi, hi + factor·(hi − lo)), width × factor each time
  lower,  ///< move lo down: (lo, hi) → (lo − factor·(hi − lo), lo)
  both,   ///< both ends out by (factor − 1)/2 of the width (width × factor each time)
};

/// Options of root_bracket.
struct bracket_options {
  std::size_t subdivisions = 0;  ///< interior points scanned for a sign change (non-monotone f)
  expansion expand = expansion::none;   ///< then widen the interval this way
  double factor = 2.0;                  ///< width growth per widening (> 1)
  std::size_t max_expansions = 60;      ///< widenings before no_bracket
  std::uintmax_t max_iterations = 100;  ///< evaluations allowed to toms748 after bracketing
};

namespace detail {

/// Thrown by counted_function to leave Boost's solver when f is not finite.
struct nonfinite_value {
  double x, fx;
};

/// Wraps f: counts evaluations, remembers the best finite point, keeps the tightest interval
/// known to hold a sign change, and stops (throws nonfinite_value) at a NaN or ±∞.
template <class F>
class counted_function {
 public:
  explicit counted_function(F& f) : f_(f) {}

  double operator()(double x) {
    ++evaluations;
    const double fx = static_cast<double>(f_(x));
    if (!std::isfinite(fx)) {
      failure_x = x;
      failure_fx = fx;
      throw nonfinite_value{x, fx};
    }
    note(x, fx);
    return fx;
  }

  /// Records a value computed elsewhere (a known f(lo)) for the best point and the bracket.
  void note(double x, double fx) {
    if (!has_best || std::abs(fx) < std::abs(best_fx)) {
      has_best = true;
      best_x = x;
      best_fx = fx;
    }
    if (has_bracket && x > lo && x < hi) {
      if ((fx < 0) == (f_lo < 0)) {
        lo = x;
        f_lo = fx;
      } else {
        hi = x;
      }
    }
  }

  void set_bracket(double a, double fa, double b) {
    has_bracket = true;
    lo = a;
    f_lo = fa;
    hi = b;
  }

  std::uintmax_t evaluations = 0;
  bool has_best = false, has_bracket = false;
  double best_x = 0, best_fx = 0;
  double lo = 0, f_lo = 0, hi = 0;
  double failure_x = 0, failure_fx = 0;

 private:
  F& f_;
};

inline void require_interval(const char* fn, double lo, double hi) {
  semivisible::detail::require_finite(fn, "lo", lo);
  if (!std::isfinite(hi) || !(hi > lo))
    semivisible::detail::throw_invalid(fn, "hi", hi, fmt::format("finite and > lo = {}", lo));
}

template <class F>
root_result nonfinite_result(const counted_function<F>& cf, double lo, double hi) {
  root_result r;
  r.iterations = cf.evaluations;
  r.bracket = cf.has_bracket ? std::pair{std::min(cf.lo, cf.hi), std::max(cf.lo, cf.hi)}
                             : std::pair{lo, hi};
  r.value = cf.has_best ? cf.best_x : 0.5 * (r.bracket.first + r.bracket.second);
  r.status = {status::numerical_error, fmt::format("f({}) = {}: the function is not finite there",
                                                   cf.failure_x, cf.failure_fx)};
  return r;
}

/// toms748 on a checked bracket (fa, fb finite, of opposite signs or one of them 0).
template <class F, class Tol>
root_result solve_bracket(counted_function<F>& cf, double a, double b, double fa, double fb,
                          Tol tol, std::uintmax_t max_iterations) {
  root_result r;
  if (fa == 0 || fb == 0) {  // an end is the root
    r.value = fa == 0 ? a : b;
    r.bracket = {r.value, r.value};
    r.iterations = cf.evaluations;
    return r;
  }
  cf.set_bracket(a, fa, b);
  std::uintmax_t iterations = max_iterations;
  try {
    // Boost takes the function by value: hand it a forwarding lambda so `cf` keeps the counts.
    const auto [x, y] = boost::math::tools::toms748_solve([&cf](double v) { return cf(v); }, a, b,
                                                          fa, fb, tol, iterations);
    r.bracket = {std::min(x, y), std::max(x, y)};
    r.value = 0.5 * (x + y);
    r.iterations = cf.evaluations;
    if (iterations >= max_iterations && !tol(x, y))
      r.status = {status::not_converged,
                  fmt::format("toms748: bracket [{}, {}] after {} iterations", r.bracket.first,
                              r.bracket.second, iterations)};
  } catch (const nonfinite_value&) {
    return nonfinite_result(cf, a, b);
  } catch (const boost::math::evaluation_error& e) {
    r.value = cf.best_x;
    r.bracket = {std::min(cf.lo, cf.hi), std::max(cf.lo, cf.hi)};
    r.iterations = cf.evaluations;
    r.status = {status::numerical_error, e.what()};
  }
  return r;
}

}  // namespace detail

/// TOMS 748 on [a, b] with the end values f(a), f(b) already known (not re-evaluated).
/// f(a), f(b) of the same sign → no_bracket; not finite → numerical_error.
template <class F, class Tol>
[[nodiscard]] root_result toms748(F&& f, double a, double b, double fa, double fb, Tol tol,
                                  std::uintmax_t max_iterations = 100) {
  constexpr const char* fn = "semivisible::numerics::toms748";
  detail::require_interval(fn, a, b);
  if (max_iterations == 0) semivisible::detail::throw_invalid(fn, "max_iterations", 0.0, ">= 1");
  detail::counted_function cf(f);
  if (!std::isfinite(fa) || !std::isfinite(fb)) {
    cf.failure_x = std::isfinite(fa) ? b : a;
    cf.failure_fx = std::isfinite(fa) ? fb : fa;
    if (std::isfinite(fa)) cf.note(a, fa);
    if (std::isfinite(fb)) cf.note(b, fb);
    return detail::nonfinite_result(cf, a, b);
  }
  cf.note(a, fa);
  cf.note(b, fb);
  if ((fa < 0) == (fb < 0) && fa != 0 && fb != 0) {
    root_result r;
    r.bracket = {a, b};
    r.value = cf.best_x;
    r.status = {status::no_bracket,
                fmt::format("f({}) = {} and f({}) = {} have the same sign", a, fa, b, fb)};
    return r;
  }
  return detail::solve_bracket(cf, a, b, fa, fb, tol, max_iterations);
}

/// TOMS 748 on [a, b], evaluating f at both ends first (counted in iterations).
template <class F, class Tol>
[[nodiscard]] root_result toms748(F&& f, double a, double b, Tol tol,
                                  std::uintmax_t max_iterations = 100) {
  constexpr const char* fn = "semivisible::numerics::toms748";
  detail::require_interval(fn, a, b);
  if (max_iterations == 0) semivisible::detail::throw_invalid(fn, "max_iterations", 0.0, ">= 1");
  detail::counted_function cf(f);
  double fa = 0, fb = 0;
  try {
    fa = cf(a);
    fb = cf(b);
  } catch (const detail::nonfinite_value&) {
    return detail::nonfinite_result(cf, a, b);
  }
  if ((fa < 0) == (fb < 0) && fa != 0 && fb != 0) {
    root_result r;
    r.bracket = {a, b};
    r.value = cf.best_x;
    r.iterations = cf.evaluations;
    r.status = {status::no_bracket,
                fmt::format("f({}) = {} and f({}) = {} have the same sign", a, fa, b, fb)};
    return r;
  }
  return detail::solve_bracket(cf, a, b, fa, fb, tol, max_iterations);
}

/// Brackets a root of f in [lo, hi] — ends, then `subdivisions` interior points (f need not be
/// monotone: the first sign change from the left is taken), then widening as `options.expand`
/// says — and solves it with toms748. See the header comment for the statuses.
template <class F, class Tol>
[[nodiscard]] root_result root_bracket(F&& f, double lo, double hi, Tol tol,
                                       const bracket_options& options = {}) {
  constexpr const char* fn = "semivisible::numerics::root_bracket";
  detail::require_interval(fn, lo, hi);
  if (!(options.factor > 1) || !std::isfinite(options.factor))
    semivisible::detail::throw_invalid(fn, "factor", options.factor, "finite and > 1");
  if (options.max_iterations == 0)
    semivisible::detail::throw_invalid(fn, "max_iterations", 0.0, ">= 1");
  detail::counted_function cf(f);
  const auto sign_change = [](double fa, double fb) {
    return fa == 0 || fb == 0 || (fa < 0) != (fb < 0);
  };
  try {
    double a = lo, b = hi, fa = cf(a), fb = cf(b);
    if (!sign_change(fa, fb) && options.subdivisions > 0) {
      // Scan the interior from the left: the first sub-interval with a sign change.
      double x0 = a, f0 = fa;
      const auto n = static_cast<double>(options.subdivisions + 1);
      for (std::size_t k = 1; k <= options.subdivisions + 1; ++k) {
        const double x1 =
            k == options.subdivisions + 1 ? hi : lo + (hi - lo) * static_cast<double>(k) / n;
        const double f1 = k == options.subdivisions + 1 ? fb : cf(x1);
        if (sign_change(f0, f1)) {
          a = x0;
          fa = f0;
          b = x1;
          fb = f1;
          break;
        }
        x0 = x1;
        f0 = f1;
      }
    }
    for (std::size_t k = 0; !sign_change(fa, fb) && options.expand != expansion::none; ++k) {
      if (k == options.max_expansions) break;
      const double width = b - a;
      double na = a, nb = b, fna = fa, fnb = fb;
      switch (options.expand) {
        case expansion::upper:
          na = b;
          fna = fb;
          nb = b + options.factor * width;
          fnb = cf(nb);
          break;
        case expansion::lower:
          nb = a;
          fnb = fa;
          na = a - options.factor * width;
          fna = cf(na);
          break;
        case expansion::both:
          na = a - 0.5 * (options.factor - 1) * width;
          nb = b + 0.5 * (options.factor - 1) * width;
          fna = cf(na);
          fnb = cf(nb);
          break;
        case expansion::none:
          break;
      }
      if (!std::isfinite(na) || !std::isfinite(nb)) break;
      a = na;
      b = nb;
      fa = fna;
      fb = fnb;
    }
    if (!sign_change(fa, fb)) {
      root_result r;
      r.bracket = {a, b};
      r.value = cf.best_x;
      r.iterations = cf.evaluations;
      r.status = {status::no_bracket,
                  fmt::format("no sign change of f found in [{}, {}] ({} evaluations)", a, b,
                              cf.evaluations)};
      return r;
    }
    return detail::solve_bracket(cf, a, b, fa, fb, tol, options.max_iterations);
  } catch (const detail::nonfinite_value&) {
    return detail::nonfinite_result(cf, lo, hi);
  }
}

/// Boost's bracket_and_solve_root (the root of f for a variable of one sign: walks from `guess`
/// multiplying or dividing by `factor`, in the direction given by `rising` = f increasing) with
/// the statuses of this header. `iterations` is Boost's count of evaluations; reaching
/// max_iterations is status::not_converged.
template <class F, class Tol>
[[nodiscard]] root_result bracket_and_solve(F&& f, double guess, double factor, bool rising,
                                            Tol tol, std::uintmax_t max_iterations = 100) {
  constexpr const char* fn = "semivisible::numerics::bracket_and_solve";
  semivisible::detail::require_finite(fn, "guess", guess);
  if (guess == 0) semivisible::detail::throw_invalid(fn, "guess", guess, "!= 0");
  if (!(factor > 1) || !std::isfinite(factor))
    semivisible::detail::throw_invalid(fn, "factor", factor, "finite and > 1");
  if (max_iterations == 0) semivisible::detail::throw_invalid(fn, "max_iterations", 0.0, ">= 1");
  detail::counted_function cf(f);
  root_result r;
  std::uintmax_t iterations = max_iterations;
  try {
    const auto [a, b] = boost::math::tools::bracket_and_solve_root(
        [&cf](double v) { return cf(v); }, guess, factor, rising, tol, iterations);
    r.bracket = {std::min(a, b), std::max(a, b)};
    r.value = 0.5 * (a + b);
    r.iterations = iterations;
    if (iterations >= max_iterations)
      r.status = {status::not_converged,
                  fmt::format("bracket_and_solve: {} evaluations without convergence, bracket "
                              "[{}, {}]",
                              iterations, r.bracket.first, r.bracket.second)};
  } catch (const detail::nonfinite_value&) {
    r = detail::nonfinite_result(cf, guess, guess);
  } catch (const boost::math::evaluation_error& e) {  // "Unable to bracket root"
    r.value = cf.has_best ? cf.best_x : guess;
    r.bracket = {r.value, r.value};
    r.iterations = cf.evaluations;
    r.status = {status::no_bracket, e.what()};
  }
  return r;
}

}  // namespace semivisible::numerics
