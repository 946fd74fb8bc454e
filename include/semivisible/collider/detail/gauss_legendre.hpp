// semivisible/collider/detail/gauss_legendre.hpp — Gauss–Legendre nodes and weights on [a, b].
//
// The n-point rule integrates polynomials of degree ≤ 2n − 1 exactly (Abramowitz & Stegun 25.4.29).
// Nodes are the roots of the Legendre polynomial P_n, found by Newton's method from the
// asymptotic guess x_i ≈ cos(π(i + 3/4)/(n + 1/2)) (A&S 22.16.6), with P_n and P_n′ from the
// three-term recurrence (A&S 22.7.10); weights w_i = 2 / ((1 − x_i²) P_n′(x_i)²) (A&S 25.4.29).
// Accuracy: nodes and weights to a few ulp for n ≤ 200 (tested: exact polynomial integrals and
// Σ w = b − a to 1e-14). Used to tabulate the kinematic integrals of collider/monophoton_table.hpp
// once per mass point, so the per-ε evaluation is a plain weighted sum.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace semivisible::collider::detail {

/// Nodes and weights of an n-point rule.
struct quadrature_rule {
  std::vector<double> nodes;
  std::vector<double> weights;
};

/// The n-point Gauss–Legendre rule on [a, b] (a < b, n ≥ 1), nodes ascending.
[[nodiscard]] inline quadrature_rule gauss_legendre(std::size_t n, double a, double b) {
  constexpr const char* fn = "semivisible::collider::detail::gauss_legendre";
  if (n < 1 || n > 1000) semivisible::detail::throw_invalid(fn, "n", n, "in [1, 1000]");
  semivisible::detail::require_finite(fn, "a", a);
  semivisible::detail::require_finite(fn, "b", b);
  if (!(b > a)) semivisible::detail::throw_invalid(fn, "b", b, fmt::format("> a = {}", a));
  quadrature_rule rule{std::vector<double>(n), std::vector<double>(n)};
  const double mid = 0.5 * (a + b);
  const double half = 0.5 * (b - a);
  const double nd = static_cast<double>(n);
  for (std::size_t i = 0; i < (n + 1) / 2; ++i) {
    double x = std::cos(constants::pi * (static_cast<double>(i) + 0.75) / (nd + 0.5));
    double derivative = 1;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double p0 = 1, p1 = x;  // P_0, P_1
      for (std::size_t k = 2; k <= n; ++k) {
        const double kd = static_cast<double>(k);
        const double p2 = ((2 * kd - 1) * x * p1 - (kd - 1) * p0) / kd;
        p0 = p1;
        p1 = p2;
      }
      derivative = nd * (x * p1 - p0) / (x * x - 1);
      const double step = p1 / derivative;
      x -= step;
      if (std::abs(step) < 1e-16) break;
    }
    const double w = 2 / ((1 - x * x) * derivative * derivative);
    // x is the i-th largest root: place it symmetrically.
    rule.nodes[n - 1 - i] = mid + half * x;
    rule.nodes[i] = mid - half * x;
    rule.weights[n - 1 - i] = half * w;
    rule.weights[i] = half * w;
  }
  return rule;
}

}  // namespace semivisible::collider::detail
