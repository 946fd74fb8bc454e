// semivisible/detector/decay_probability.hpp — probability that a particle of lab decay length λ,
// produced at z0, decays inside [z1, z2] or beyond z_end (exponential decay law, PDG §49).
//
//   P(before z)        = 1 − e^{−(z−z0)/λ}                 = −expm1(−(z−z0)/λ)
//   P(z1 < z_decay < z2) = e^{−(z1−z0)/λ} − e^{−(z2−z0)/λ} = e^{−(z1−z0)/λ} · (−expm1(−(z2−z1)/λ))
//   P(beyond z_end)    = e^{−(z_end−z0)/λ}
// The expm1 forms keep full relative precision when λ ≫ L (P → L/λ, no cancellation) and the
// results underflow gracefully to 0 when λ ≪ L: finite, in [0, 1], monotone in λ for
// λ/L ∈ [1e-8, 1e12] (tested). λ = +∞ (stable particle) is allowed. Lengths in metres.
#pragma once

#include <cmath>
#include <concepts>
#include <limits>

#include "semivisible/error.hpp"

namespace semivisible::detector {

namespace detail {
template <class Real>
void check_length(const char* fn, Real decay_length) {
  using std::isnan;
  if (isnan(decay_length) || !(decay_length > 0))
    semivisible::detail::throw_invalid(fn, "decay_length", decay_length, "> 0 (may be +inf)");
}
}  // namespace detail

/// P(decay before z) for production at z0 ≤ z [m], lab decay length λ [m].
template <std::floating_point Real>
[[nodiscard]] Real decay_probability_before(Real z0, Real z, Real decay_length) {
  constexpr const char* fn = "semivisible::detector::decay_probability_before";
  detail::check_length(fn, decay_length);
  semivisible::detail::require_finite(fn, "z0", z0);
  semivisible::detail::require_finite(fn, "z", z);
  if (!(z >= z0))
    semivisible::detail::throw_invalid(fn, "z", z,
                                       fmt::format(">= z0 = {}", static_cast<double>(z0)));
  using std::expm1;
  return -expm1(-(z - z0) / decay_length);
}

/// P(z1 < decay point < z2) for production at z0 ≤ z1 ≤ z2 [m], lab decay length λ [m].
template <std::floating_point Real>
[[nodiscard]] Real decay_probability_between(Real z0, Real z1, Real z2, Real decay_length) {
  constexpr const char* fn = "semivisible::detector::decay_probability_between";
  detail::check_length(fn, decay_length);
  semivisible::detail::require_finite(fn, "z0", z0);
  semivisible::detail::require_finite(fn, "z1", z1);
  semivisible::detail::require_finite(fn, "z2", z2);
  if (!(z1 >= z0))
    semivisible::detail::throw_invalid(fn, "z1", z1,
                                       fmt::format(">= z0 = {}", static_cast<double>(z0)));
  if (!(z2 >= z1))
    semivisible::detail::throw_invalid(fn, "z2", z2,
                                       fmt::format(">= z1 = {}", static_cast<double>(z1)));
  using std::exp;
  using std::expm1;
  return exp(-(z1 - z0) / decay_length) * -expm1(-(z2 - z1) / decay_length);
}

/// P(decay beyond z_end) for production at z0 ≤ z_end [m], lab decay length λ [m].
template <std::floating_point Real>
[[nodiscard]] Real decay_probability_beyond(Real z0, Real z_end, Real decay_length) {
  constexpr const char* fn = "semivisible::detector::decay_probability_beyond";
  detail::check_length(fn, decay_length);
  semivisible::detail::require_finite(fn, "z0", z0);
  semivisible::detail::require_finite(fn, "z_end", z_end);
  if (!(z_end >= z0))
    semivisible::detail::throw_invalid(fn, "z_end", z_end,
                                       fmt::format(">= z0 = {}", static_cast<double>(z0)));
  using std::exp;
  return exp(-(z_end - z0) / decay_length);
}

}  // namespace semivisible::detector
