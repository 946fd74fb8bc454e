// Tests of semivisible/numerics/log_factorial.hpp: exact ln m! for small m (a product summed in
// long double), Stirling's series for large m, std::lgamma's values, and no shared state between
// threads (the reason the header exists: run under the tsan preset).
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

#include "semivisible/numerics/log_factorial.hpp"

using semivisible::numerics::log_factorial;

TEST_CASE("log_factorial: exact sums, Stirling, std::lgamma", "[numerics]") {
  CHECK(log_factorial(0.0) == 0.0);
  CHECK(log_factorial(1.0) == Approx(0.0).margin(1e-15));
  long double sum = 0;
  for (int m = 2; m <= 170; ++m) {
    sum += std::log(static_cast<long double>(m));
    // Relative 1e-14: the long-double sum is good to ~1e-17 relative, Boost's lgamma to a few ulp.
    CHECK(log_factorial(m) == Approx(static_cast<double>(sum)).epsilon(1e-14));
  }
  // Stirling with three correction terms (error < 1/(1260 m⁵) < 1e-18 at m = 1e3).
  for (double m : {1e3, 1e6, 1e10}) {
    const double stirling = m * std::log(m) - m + 0.5 * std::log(2 * std::numbers::pi * m) +
                            1 / (12 * m) - 1 / (360 * m * m * m);
    CHECK(log_factorial(m) == Approx(stirling).epsilon(1e-14));
  }
  // Non-integer arguments: Γ(3.5) = 15√π/8.
  CHECK(log_factorial(2.5) ==
        Approx(std::log(15 * std::sqrt(std::numbers::pi) / 8)).epsilon(1e-15));
  for (double m : {0.5, 7.0, 123.4, 4.5e4})
    CHECK(log_factorial(m) == Approx(std::lgamma(m + 1)).epsilon(1e-14));
}

TEST_CASE("log_factorial: the same values from many threads", "[numerics][threads]") {
  std::vector<double> serial(2000);
  for (std::size_t m = 0; m < serial.size(); ++m) serial[m] = log_factorial(static_cast<double>(m));
  std::vector<std::vector<double>> out(4, std::vector<double>(serial.size()));
  {
    std::vector<std::jthread> pool;
    for (auto& o : out)
      pool.emplace_back([&o] {
        for (std::size_t m = 0; m < o.size(); ++m) o[m] = log_factorial(static_cast<double>(m));
      });
  }
  for (const auto& o : out) CHECK(o == serial);
}
