// semivisible/stats/detail/random_stream.hpp — counter-based random streams for pseudo-experiments.
//
// One independent, reproducible stream per (seed, hypothesis, toy) (numerics/random_stream.hpp):
// results therefore do not depend on how toys are spread over threads. Poisson variates by
// inversion of the cdf (monotone in λ for a fixed uniform; a rounded normal approximation when
// e^{−λ} underflows, λ ≳ 745), normal variates by inversion (Boost.Math erfc_inv). Uniforms are
// 53-bit, in the open interval (0, 1).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "semivisible/numerics/random_stream.hpp"

namespace semivisible::stats::detail {

/// The pseudo-experiment stream of (seed, hypothesis, toy): numerics::random_stream plus Poisson
/// variates.
class toy_stream {
 public:
  toy_stream(std::uint64_t seed, std::uint64_t hypothesis, std::uint64_t toy)
      : stream_(seed, hypothesis, toy) {}
  /// Uniform in (0, 1).
  double uniform() { return stream_.uniform(); }
  /// Poisson(λ) by inversion (monotone in λ for a fixed uniform).
  double poisson(double lambda) {
    const double u = uniform();
    if (lambda <= 0) return 0;
    double n = 0, p = std::exp(-lambda), cdf = p;
    if (p == 0)
      return std::max(
          0.0, std::round(lambda + std::sqrt(lambda) * numerics::random_stream::normal_of(u)));
    while (cdf < u && n < 1e7) {
      n += 1;
      p *= lambda / n;
      cdf += p;
      if (p == 0) break;
    }
    return n;
  }
  /// Standard normal by inversion of a fresh uniform.
  double normal() { return stream_.normal(); }

 private:
  numerics::random_stream stream_;
};

}  // namespace semivisible::stats::detail
