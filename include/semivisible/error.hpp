// semivisible/error.hpp — the library's three tiers of error reporting.
//
// 1. Bad user input throws `invalid_parameter` (a std::invalid_argument) or `domain_error`
//    (a std::domain_error) whose message names the function, the parameter and the value.
// 2. A numerical solver that fails returns a `solver_status`, so a scan records the point and goes
// on.
// 3. Internal invariants are assertions (SEMIVISIBLE_ASSERT), kept on in CI builds.
#pragma once

#include <cassert>
#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

#define SEMIVISIBLE_ASSERT(condition) assert(condition)

namespace semivisible {

/// A parameter outside its allowed range: message "function: parameter = value, but must be ...".
class invalid_parameter : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// A valid-looking input for which the quantity is not defined (e.g. a closed channel asked for a
/// rate).
class domain_error : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};

/// Outcome of a numerical solve: `ok` or why not.
enum class status {
  ok,
  no_bracket,       ///< the root was not bracketed by the search interval
  not_converged,    ///< iteration limit reached before the tolerance
  invalid_input,    ///< the solver was handed an input it cannot use
  numerical_error,  ///< a NaN/inf appeared during the solve
};

constexpr std::string_view to_string(status s) noexcept {
  switch (s) {
    case status::ok:
      return "ok";
    case status::no_bracket:
      return "no_bracket";
    case status::not_converged:
      return "not_converged";
    case status::invalid_input:
      return "invalid_input";
    case status::numerical_error:
      return "numerical_error";
  }
  return "unknown";
}

/// A status with a human-readable reason.
struct solver_status {
  status code = status::ok;
  std::string message{};
  [[nodiscard]] bool ok() const noexcept { return code == status::ok; }
};

namespace detail {

template <class Real>
[[noreturn]] void throw_invalid(std::string_view function, std::string_view parameter, Real value,
                                std::string_view requirement) {
  throw invalid_parameter(fmt::format("{}: {} = {}, but must be {}", function, parameter,
                                      static_cast<double>(value), requirement));
}

/// Throws unless `value` is finite.
template <class Real>
void require_finite(std::string_view function, std::string_view parameter, Real value) {
  using std::isfinite;
  if (!isfinite(value)) throw_invalid(function, parameter, value, "finite");
}

/// Throws unless `value` is finite and > 0.
template <class Real>
void require_positive(std::string_view function, std::string_view parameter, Real value) {
  using std::isfinite;
  if (!isfinite(value) || !(value > 0)) throw_invalid(function, parameter, value, "finite and > 0");
}

/// Throws unless `value` is finite and >= 0.
template <class Real>
void require_non_negative(std::string_view function, std::string_view parameter, Real value) {
  using std::isfinite;
  if (!isfinite(value) || !(value >= 0))
    throw_invalid(function, parameter, value, "finite and >= 0");
}

/// Throws unless lo < value < hi (all finite).
template <class Real>
void require_open_interval(std::string_view function, std::string_view parameter, Real value,
                           Real lo, Real hi) {
  using std::isfinite;
  if (!isfinite(value) || !(value > lo) || !(value < hi))
    throw_invalid(function, parameter, value,
                  fmt::format("in ({}, {})", static_cast<double>(lo), static_cast<double>(hi)));
}

}  // namespace detail
}  // namespace semivisible
