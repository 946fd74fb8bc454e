// An independent bisection for the statistics tests (not the library's toms748 root finder):
// the root of f with f(lo) > 0 > f(hi), to 1e-13 relative (1e-13 absolute below 1).
#pragma once

#include <functional>

namespace semivisible_tests {

inline double bisect(const std::function<double(double)>& f, double lo, double hi) {
  for (int i = 0; i < 200 && hi - lo > 1e-13 * (1 + hi); ++i) {
    const double mid = 0.5 * (lo + hi);
    (f(mid) > 0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace semivisible_tests
