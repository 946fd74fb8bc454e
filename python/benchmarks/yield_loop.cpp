// python/benchmarks/yield_loop.cpp — the C++ reference of the Python yield benchmark and of the
// tests' C++-API comparison: yield_model::events over n log-spaced ε for the NA64 2016–2018
// bundle at the benchmark point, the results stored into a (n, regions) buffer as the Python
// binding does. Prints JSON: the best of `repeats` timings and the first `print` ε with their
// events (17 significant digits).
// Usage: semivisible_python_yield_loop [n=1000000] [m_aprime=0.3] [print=0] [repeats=5]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/signal/yield.hpp"

int main(int argc, char** argv) {
  const auto arg = [&](int i, double fallback) {
    return argc > i ? std::strtod(argv[i], nullptr) : fallback;
  };
  const auto n = static_cast<std::size_t>(arg(1, 1e6));
  const double mass_aprime = arg(2, 0.3);
  const auto print = static_cast<std::size_t>(arg(3, 0));
  const auto repeats = static_cast<int>(arg(4, 5));
  const semivisible::signal::yield_model y(semivisible::experiment::builtin("na64-2016-2018"),
                                           semivisible::model::benchmark(mass_aprime, 1e-3));
  const std::size_t regions = y.region_count();
  std::vector<double> eps(n), out(n * regions);
  const double lo = std::log(1e-5), step = (std::log(1e-2) - lo) / static_cast<double>(n - 1);
  for (std::size_t i = 0; i < n; ++i) eps[i] = std::exp(lo + static_cast<double>(i) * step);
  double best = 1e300, checksum = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < n; ++i) {
      const auto e = y.events(eps[i]);
      for (std::size_t k = 0; k < regions; ++k) out[i * regions + k] = e.regions[k].events;
    }
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    checksum = 0;
    for (const double v : out) checksum += v;
  }
  fmt::print(
      "{{\"n\": {}, \"m_aprime\": {:.17g}, \"regions\": {}, \"seconds\": {:.6g}, "
      "\"ns_per_epsilon\": {:.4g}, \"checksum\": {:.17g}, \"epsilon\": [",
      n, mass_aprime, regions, best, 1e9 * best / static_cast<double>(n), checksum);
  for (std::size_t i = 0; i < std::min(print, n); ++i)
    fmt::print("{}{:.17g}", i ? ", " : "", eps[i]);
  fmt::print("], \"events\": [");
  for (std::size_t i = 0; i < std::min(print, n); ++i) {
    fmt::print("{}[", i ? ", " : "");
    for (std::size_t k = 0; k < regions; ++k)
      fmt::print("{}{:.17g}", k ? ", " : "", out[i * regions + k]);
    fmt::print("]");
  }
  fmt::print("]}}\n");
  return 0;
}
