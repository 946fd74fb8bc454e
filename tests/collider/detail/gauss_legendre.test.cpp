// Tests of semivisible/collider/detail/gauss_legendre.hpp.
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/collider/detail/gauss_legendre.hpp"
#include "semivisible/error.hpp"

namespace cd = semivisible::collider::detail;

TEST_CASE("Gauss-Legendre rules integrate polynomials of degree 2n-1 exactly",
          "[collider][quadrature]") {
  for (std::size_t n : {1u, 2u, 3u, 8u, 12u, 31u, 64u}) {
    const auto rule = cd::gauss_legendre(n, -0.4, 0.6);
    for (std::size_t i = 1; i < n; ++i) CHECK(rule.nodes[i] > rule.nodes[i - 1]);
    // ∫_{a}^{b} x^k dx = (b^{k+1} − a^{k+1})/(k+1), k ≤ 2n − 1. Tolerance 1e-14: a sum of n
    // terms of size ≤ 1 in double.
    for (std::size_t k = 0; k <= 2 * n - 1; ++k) {
      double sum = 0;
      for (std::size_t i = 0; i < n; ++i) sum += rule.weights[i] * std::pow(rule.nodes[i], k);
      const double kd = static_cast<double>(k);
      const double exact = (std::pow(0.6, kd + 1) - std::pow(-0.4, kd + 1)) / (kd + 1);
      INFO("n = " << n << ", k = " << k);
      CHECK(sum == Approx(exact).margin(1e-14));
    }
  }
}

TEST_CASE("Gauss-Legendre rejects bad input", "[collider][quadrature]") {
  CHECK_THROWS_AS(cd::gauss_legendre(0, 0.0, 1.0), semivisible::invalid_parameter);
  CHECK_THROWS_AS(cd::gauss_legendre(4, 1.0, 1.0), semivisible::invalid_parameter);
  CHECK_THROWS_AS(cd::gauss_legendre(4, 0.0, NAN), semivisible::invalid_parameter);
}
