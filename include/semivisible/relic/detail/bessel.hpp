// semivisible/relic/detail/bessel.hpp — exponentially scaled modified Bessel functions e^z K_ν(z)
// for ν = 1, 2, needed because thermal averages take ratios like K1(√s/T)/(K2(m1/T) K2(m2/T)) whose
// factors underflow for m/T ≳ 700.
// Method: Boost.Math cyl_bessel_k (double precision internally) for z ≤ 30; above, the Hankel
// asymptotic series e^z K_ν(z) = √(π/(2z)) Σ_k a_k(ν)/z^k, a_k = Π_{j≤k}(4ν² − (2j−1)²)/(k! 8^k)
// (Abramowitz & Stegun 9.7.2), whose terms fall below 1e-17 of the sum before k = 14 at z ≥ 30.
#pragma once

#include <cmath>
#include <concepts>

#include <boost/math/special_functions/bessel.hpp>

#include "semivisible/constants.hpp"

namespace semivisible::relic::detail {

template <std::floating_point Real>
[[nodiscard]] Real bessel_k_scaled(int order, Real z) {
  using std::exp;
  using std::sqrt;
  // promote_double<false>: Boost otherwise evaluates in long double, 5–10× slower, for ~1 ulp.
  using no_promotion = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  if (z <= Real(30)) return boost::math::cyl_bessel_k(order, z, no_promotion()) * exp(z);
  const Real mu = Real(4 * order * order);
  Real term = 1, sum = 1;
  for (int k = 1; k < 20; ++k) {
    const Real odd = Real(2 * k - 1);
    term *= (mu - odd * odd) / (Real(8 * k) * z);
    sum += term;
    using std::abs;
    if (abs(term) < Real(1e-17) * abs(sum)) break;
  }
  return sqrt(Real(constants::pi) / (2 * z)) * sum;
}

}  // namespace semivisible::relic::detail
