// semivisible/numerics/uniform_hermite.hpp — cubic Hermite interpolation on a uniform grid with
// tabulated values and derivatives (the ln P tables of signal/decay_table.hpp and
// signal/acceptance_table.hpp).
//
// The standard Hermite basis h00 = 2t³ − 3t² + 1, h10 = t³ − 2t² + t, h01 = −2t³ + 3t²,
// h11 = t³ − t² (e.g. Burden & Faires, Numerical Analysis §3.4). Boost.Math's
// cardinal_cubic_hermite is the same formula, but it range-checks against an end point it
// recomputes (x0 + (n − 1)/(1/dx), rounding differently from the callers' bounds) and throws,
// while these tables are read in noexcept hot paths that handle both ends themselves: here x
// beyond the last node extrapolates the last cell instead.
#pragma once

#include <array>
#include <cstddef>

namespace semivisible::numerics {

/// The cubic Hermite interpolant of (y_i, y′_i) at x, nodes x0 + i·dx (N ≥ 2); x < x0 and
/// x > x0 + (N − 1)dx extrapolate the first and last cell's cubic.
template <std::size_t N>
[[nodiscard]] double uniform_hermite(const std::array<double, N>& y,
                                     const std::array<double, N>& slope, double x0, double dx,
                                     double x) noexcept {
  static_assert(N >= 2, "uniform_hermite needs at least two nodes");
  const double v = (x - x0) / dx;
  std::size_t i = v > 0 ? static_cast<std::size_t>(v) : 0;
  if (i > N - 2) i = N - 2;
  const double t = v - static_cast<double>(i);
  const double t2 = t * t, t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * y[i] + (t3 - 2 * t2 + t) * dx * slope[i] +
         (-2 * t3 + 3 * t2) * y[i + 1] + (t3 - t2) * dx * slope[i + 1];
}

}  // namespace semivisible::numerics
