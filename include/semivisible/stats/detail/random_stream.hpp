// semivisible/stats/detail/random_stream.hpp — counter-based random streams for pseudo-experiments.
//
// One independent, reproducible stream per (seed, hypothesis, toy): the state is a SplitMix64
// mix of the three (Steele, Lea, Flood, OOPSLA 2014), advanced by the golden-ratio increment and
// finalised by the SplitMix64 mixer. Results therefore do not depend on how toys are spread over
// threads. Poisson variates by inversion of the cdf (monotone in λ for a fixed uniform; a rounded
// normal approximation when e^{−λ} underflows, λ ≳ 745), normal variates by inversion
// (Boost.Math erfc_inv). Uniforms are 53-bit, in the open interval (0, 1).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include <boost/math/special_functions/erf.hpp>

namespace semivisible::stats::detail {

class toy_stream {
 public:
  toy_stream(std::uint64_t seed, std::uint64_t hypothesis, std::uint64_t toy)
      : state_(mix(mix(seed ^ 0x243f6a8885a308d3ULL) ^ (hypothesis + 1) * 0x9e3779b97f4a7c15ULL) ^
               mix(toy + 0x13198a2e03707344ULL)) {}
  /// Uniform in (0, 1).
  double uniform() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return (static_cast<double>(mix(state_) >> 11) + 0.5) * 0x1.0p-53;
  }
  /// Poisson(λ) by inversion (monotone in λ for a fixed uniform).
  double poisson(double lambda) {
    const double u = uniform();
    if (lambda <= 0) return 0;
    double n = 0, p = std::exp(-lambda), cdf = p;
    if (p == 0) return std::max(0.0, std::round(lambda + std::sqrt(lambda) * normal(u)));
    while (cdf < u && n < 1e7) {
      n += 1;
      p *= lambda / n;
      cdf += p;
      if (p == 0) break;
    }
    return n;
  }
  /// Standard normal by inversion of a fresh uniform.
  double normal() { return normal(uniform()); }

 private:
  static double normal(double u) { return -std::numbers::sqrt2 * boost::math::erfc_inv(2 * u); }
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_;
};

}  // namespace semivisible::stats::detail
