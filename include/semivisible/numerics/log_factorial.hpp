// semivisible/numerics/log_factorial.hpp — ln m! = ln Γ(m + 1), safe to call from many threads.
//
// Why not std::lgamma: glibc's lgamma stores the sign of Γ in the global `signgam`, a data race
// when the exact CLs engine runs in several survey or scan threads (found by ThreadSanitizer,
// 2026-12-02). Boost.Math's lgamma keeps the sign local; double precision is kept (no promotion
// to long double), so it agrees with std::lgamma to a few ulp
// (tests/numerics/log_factorial.test.cpp).
#pragma once

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace semivisible::numerics {

/// ln m! = ln Γ(m + 1) for real m ≥ 0 (Boost.Math lgamma; thread-safe).
[[nodiscard]] inline double log_factorial(double m) {
  using policy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
  return boost::math::lgamma(m + 1.0, policy{});
}

}  // namespace semivisible::numerics
