// semivisible/stats/cls_types.hpp — the vocabulary of the CLs functions: the method names, the
// options of one CLs evaluation and of an upper limit, their results, and the work budget that
// bounds the time of every call (docs/statistics.md §4 and §7).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/stats/likelihood.hpp"

namespace semivisible::stats {

/// How CLs is computed (stats/cls_exact.hpp, cls_asymptotic.hpp, cls_toys.hpp).
enum class method { asymptotic, toys, exact };

constexpr std::string_view to_string(method m) noexcept {
  switch (m) {
    case method::asymptotic:
      return "asymptotic";
    case method::toys:
      return "toys";
    case method::exact:
      return "exact";
  }
  return "unknown";
}

/// Parses "asymptotic", "toys" or "exact"; throws invalid_parameter otherwise.
inline method method_from_string(std::string_view name) {
  if (name == "asymptotic") return method::asymptotic;
  if (name == "toys") return method::toys;
  if (name == "exact") return method::exact;
  throw invalid_parameter(fmt::format(
      "stats::method_from_string: method = {}, but must be asymptotic, toys or exact", name));
}

/// The method the scans use: exact (hybrid-marginalised Poisson CLs). At NA64's counts
/// (n = 0, b ≈ 0.2–0.5) the asymptotic formulae are outside their range of validity (they
/// give 1.55–1.73 instead of 2.35 signal events at 90 % CL on the NA64 model), toys are noisy and
/// slow; the exact sum reproduces the textbook 2.303 and costs ≈ 0.6 µs per CLs evaluation with a
/// prepared cls_calculator, ≈ 5 µs with cls() (docs/performance.md, docs/statistics.md §8).
inline constexpr method default_scan_method = method::exact;

/// Work budget of one call in elementary operations (≈ 1 ns each on the reference machine, see
/// stats/detail/work_budget.hpp): ≈ 2 s. method::exact may spend half of it before it falls back
/// to method::asymptotic, which gets the other half (and needs far less); toys are refused when
/// their estimated work per thread exceeds it. 0 means unlimited.
inline constexpr std::uint64_t default_work_budget = 2'000'000'000;

/// Options for one CLs evaluation.
struct cls_options {
  method algorithm = default_scan_method;
  double mu = 1.0;          ///< the tested signal strength (signal = μ s)
  std::size_t toys = 2000;  ///< pseudo-experiments per hypothesis (method::toys)
  std::uint64_t seed = 1;   ///< toy seed: same seed, same result, whatever the threads
  unsigned threads = 0;     ///< 0: std::thread::hardware_concurrency()
  fit_options fit{};
  std::uint64_t work_budget = default_work_budget;  ///< bound on the work (0: unlimited)
};

/// CLs at one μ with its ingredients; status not ok when a fit failed (the value is still the
/// best estimate available).
struct cls_result {
  double value = 1;  ///< CLs
  double cl_sb = 1;  ///< CL_{s+b} = p_{s+b}
  double cl_b = 1;   ///< CL_b = 1 − p_b
  solver_status status{};
  method algorithm = default_scan_method;  ///< the method used (≠ requested after a fallback)
  std::string warning{};                   ///< why the method differs from the requested one
};

/// Options for an upper limit.
struct limit_options {
  double cl = 0.9;  ///< confidence level in (0, 1)
  method algorithm = default_scan_method;
  bool expected = true;     ///< compute the expected median and ±1σ/±2σ band
  std::size_t toys = 2000;  ///< method::toys
  std::uint64_t seed = 1;   ///< method::toys
  unsigned threads = 0;     ///< method::toys; 0: hardware_concurrency()
  int bits = 0;             ///< root tolerance 2^(1−bits) relative, 0..53; 0: 40 (toys: 14)
  fit_options fit{};
  std::uint64_t work_budget = default_work_budget;  ///< bound on the work (0: unlimited)
};

/// Upper limit on μ and the expected band (NaN when not computed). All in units of μ.
struct limit_result {
  double mu_upper = std::numeric_limits<double>::quiet_NaN();
  double expected_median = std::numeric_limits<double>::quiet_NaN();
  double expected_minus1 = std::numeric_limits<double>::quiet_NaN();  ///< 15.9 % quantile
  double expected_plus1 = std::numeric_limits<double>::quiet_NaN();   ///< 84.1 % quantile
  double expected_minus2 = std::numeric_limits<double>::quiet_NaN();  ///< 2.3 % quantile
  double expected_plus2 = std::numeric_limits<double>::quiet_NaN();   ///< 97.7 % quantile
  method algorithm = default_scan_method;  ///< method of mu_upper (≠ requested after a fallback)
  double cl = 0.9;
  solver_status status{};
  method band_algorithm = default_scan_method;  ///< method of the expected band
  std::string warning{};  ///< why a method differs from the requested one (empty if none)
};

/// Throws invalid_parameter (naming `function`, the option and its value) unless the options of
/// a CLs evaluation are usable: μ finite and > 0, toys ≥ 1, a usable fit.
inline void validate(std::string_view function, const cls_options& o) {
  semivisible::detail::require_positive(function, "mu", o.mu);
  if (o.toys < 1) semivisible::detail::throw_invalid(function, "toys", 0.0, ">= 1");
  validate(function, o.fit);
}

/// Throws invalid_parameter unless the options of an upper limit are usable: cl in (0, 1),
/// toys ≥ 1, bits in [0, 53], a usable fit.
inline void validate(std::string_view function, const limit_options& o) {
  semivisible::detail::require_open_interval(function, "cl", o.cl, 0.0, 1.0);
  if (o.toys < 1) semivisible::detail::throw_invalid(function, "toys", 0.0, ">= 1");
  if (o.bits < 0 || o.bits > 53)
    semivisible::detail::throw_invalid(function, "bits", o.bits, "in [0, 53] (0: default)");
  validate(function, o.fit);
}

}  // namespace semivisible::stats
