// semivisible/stats/constraint.hpp — the shape of a nuisance constraint (log-normal or Gaussian
// response of a rate to its unit-Gaussian nuisance parameter; stats/response.hpp has the formulas).
#pragma once

#include <string_view>

namespace semivisible::stats {

/// How a nuisance parameter θ (unit-Gaussian constrained) changes a rate.
enum class constraint_type {
  log_normal,  ///< rate × (1 + relative uncertainty)^θ   (default: always positive)
  gaussian,    ///< rate + uncertainty × θ, truncated at rate 0
};

constexpr std::string_view to_string(constraint_type c) noexcept {
  return c == constraint_type::log_normal ? "log_normal" : "gaussian";
}

}  // namespace semivisible::stats
