// semivisible/numerics/random_stream.hpp — counter-based random streams: one independent,
// reproducible stream per key triple, so that results do not depend on how work is spread over
// threads (Monte Carlo acceptances, pseudo-experiments).
//
// The state is a SplitMix64 mix of the three keys (Steele, Lea, Flood, OOPSLA 2014), advanced by
// the golden-ratio increment and finalised by the SplitMix64 mixer. Uniforms are 53-bit, in the
// open interval (0, 1); normal variates by inversion (Boost.Math erfc_inv).
#pragma once

#include <cstdint>
#include <numbers>

#include <boost/math/special_functions/erf.hpp>

namespace semivisible::numerics {

class random_stream {
 public:
  random_stream(std::uint64_t seed, std::uint64_t a, std::uint64_t b) noexcept
      : state_(mix(mix(seed ^ 0x243f6a8885a308d3ULL) ^ (a + 1) * 0x9e3779b97f4a7c15ULL) ^
               mix(b + 0x13198a2e03707344ULL)) {}
  /// Uniform in (0, 1).
  double uniform() noexcept {
    state_ += 0x9e3779b97f4a7c15ULL;
    return (static_cast<double>(mix(state_) >> 11) + 0.5) * 0x1.0p-53;
  }
  /// Standard normal by inversion of a fresh uniform.
  double normal() { return normal_of(uniform()); }
  /// The standard normal quantile of u in (0, 1).
  static double normal_of(double u) { return -std::numbers::sqrt2 * boost::math::erfc_inv(2 * u); }
  /// The SplitMix64 finaliser.
  static constexpr std::uint64_t mix(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

}  // namespace semivisible::numerics
