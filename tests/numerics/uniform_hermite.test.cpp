// Tests of semivisible/numerics/uniform_hermite.hpp: exact for cubics (the interpolant of a cubic
// with its exact derivatives is the cubic itself), the nodes reproduced, and the h⁴ error of
// cubic Hermite interpolation on a smooth function (max error (h⁴/384) max|f⁗|).
#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "semivisible/numerics/uniform_hermite.hpp"

using semivisible::numerics::uniform_hermite;

TEST_CASE("uniform_hermite: cubics exactly, nodes, and the h^4 error bound", "[numerics]") {
  const auto cubic = [](double x) { return 0.5 * x * x * x - 2 * x * x + x - 3; };
  const auto cubic_slope = [](double x) { return 1.5 * x * x - 4 * x + 1; };
  constexpr std::size_t n = 7;
  const double x0 = -1.3, dx = 0.45;
  std::array<double, n> y{}, d{};
  for (std::size_t i = 0; i < n; ++i) {
    const double x = x0 + dx * static_cast<double>(i);
    y[i] = cubic(x);
    d[i] = cubic_slope(x);
  }
  for (double x = x0; x <= x0 + dx * (n - 1); x += 0.0371)
    CHECK(uniform_hermite(y, d, x0, dx, x) == Approx(cubic(x)).margin(1e-12));
  for (std::size_t i = 0; i < n; ++i)
    CHECK(uniform_hermite(y, d, x0, dx, x0 + dx * static_cast<double>(i)) ==
          Approx(y[i]).margin(1e-13));
  // Beyond the last node: the last cell's cubic, which is the cubic itself.
  CHECK(uniform_hermite(y, d, x0, dx, x0 + dx * (n - 1) + 0.2) ==
        Approx(cubic(x0 + dx * (n - 1) + 0.2)).margin(1e-11));

  // exp on [0, 2]: error ≤ h⁴ e² / 384; halving h divides the observed maximum by ≈ 16.
  const auto max_error = [](auto table_size) {
    constexpr std::size_t m = decltype(table_size)::value;
    const double h = 2.0 / static_cast<double>(m - 1);
    std::array<double, m> v{}, s{};
    for (std::size_t i = 0; i < m; ++i) v[i] = s[i] = std::exp(h * static_cast<double>(i));
    double worst = 0;
    for (double x = 0; x <= 2; x += 1e-3)
      worst = std::max(worst, std::abs(uniform_hermite(v, s, 0.0, h, x) - std::exp(x)));
    return std::pair{worst, h};
  };
  const auto [e1, h1] = max_error(std::integral_constant<std::size_t, 9>{});
  const auto [e2, h2] = max_error(std::integral_constant<std::size_t, 17>{});
  CHECK(e1 <= std::pow(h1, 4) * std::exp(2.0) / 384 * 1.001);
  CHECK(e2 <= std::pow(h2, 4) * std::exp(2.0) / 384 * 1.001);
  CHECK(e1 / e2 == Approx(16).epsilon(0.1));
}
