// Tests of semivisible/survey/band.hpp: the allowed fraction of a band in ln ε, against an
// independent midpoint-rule measure of the allowed set and hand-computed logarithms.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "semivisible/error.hpp"
#include "semivisible/survey/band.hpp"

namespace {
using semivisible::scan::interval;

// Independent: the fraction of 10⁶ midpoints, uniform in ln ε, that no interval contains.
double brute_force(const std::vector<interval>& iv, double lo, double hi) {
  const int n = 1'000'000;
  int allowed = 0;
  for (int k = 0; k < n; ++k) {
    const double e = std::exp(std::log(lo) + (k + 0.5) / n * std::log(hi / lo));
    bool hit = false;
    for (const auto& i : iv) hit = hit || (e >= i.lower && e <= i.upper);
    allowed += hit ? 0 : 1;
  }
  return static_cast<double>(allowed) / n;
}
}  // namespace

TEST_CASE("allowed fraction of known intervals", "[survey]") {
  // band [1e-3, 4e-3]; excluded [5e-4, 2e-3] and [3e-3, 1e-2]: allowed [2e-3, 3e-3],
  // fraction ln(1.5)/ln(4) = 0.29248125...
  const std::vector<interval> iv{{3e-3, 1e-2}, {5e-4, 2e-3}};
  const double exact = std::log(1.5) / std::log(4.0);
  CHECK(semivisible::survey::allowed_fraction(iv, 1e-3, 4e-3) == Approx(exact).epsilon(1e-14));
  // the midpoint rule resolves edges to 1/n of the band: 1e-6 absolute
  CHECK(semivisible::survey::allowed_fraction(iv, 1e-3, 4e-3) ==
        Approx(brute_force(iv, 1e-3, 4e-3)).margin(2e-6));
}

TEST_CASE("overlapping intervals of several experiments count once", "[survey]") {
  const std::vector<interval> iv{{1e-4, 2e-3}, {1.5e-3, 2.5e-3}, {1.8e-3, 2.2e-3}, {7e-3, 8e-3}};
  const double f = semivisible::survey::allowed_fraction(iv, 1e-3, 1e-2);
  // excluded in the band: [1e-3, 2.5e-3] and [7e-3, 8e-3]
  const double exact = 1 - (std::log(2.5) + std::log(8.0 / 7.0)) / std::log(10.0);
  CHECK(f == Approx(exact).epsilon(1e-14));
  CHECK(f == Approx(brute_force(iv, 1e-3, 1e-2)).margin(2e-6));
}

TEST_CASE("band fully excluded, untouched, degenerate; bad band refused", "[survey]") {
  using semivisible::survey::allowed_fraction;
  CHECK(allowed_fraction({{1e-5, 1.0}}, 1e-3, 4e-3) == 0.0);
  CHECK(allowed_fraction({}, 1e-3, 4e-3) == 1.0);
  CHECK(allowed_fraction({{1e-5, 1e-4}, {1e-2, 1e-1}}, 1e-3, 4e-3) == 1.0);
  CHECK(allowed_fraction({{1e-3, 2e-3}}, 2e-3, 2e-3) == 0.0);
  CHECK(allowed_fraction({{1e-3, 2e-3}}, 3e-3, 3e-3) == 1.0);
  CHECK_THROWS_AS(allowed_fraction({}, 0.0, 1e-3), semivisible::invalid_parameter);
  CHECK_THROWS_AS(allowed_fraction({}, 2e-3, 1e-3), semivisible::invalid_parameter);
  CHECK(semivisible::survey::excluded_at(std::vector<interval>{{1e-3, 2e-3}}, 1.5e-3));
  CHECK_FALSE(semivisible::survey::excluded_at(std::vector<interval>{{1e-3, 2e-3}}, 2.5e-3));
}
