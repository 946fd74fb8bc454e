// semivisible/stats/counting_model.hpp — the binned counting experiment the limits are set on.
//
// What it models: N independent Poisson counts (signal regions, e.g. NA64's S1 and S2). Bin i has
// an observed count n_i, an expected background b_i with an absolute uncertainty σ_i, and (given
// separately, per call) a signal shape s_i; one relative signal uncertainty δ_s is shared by all
// bins (the NA64 2021 paper: all systematics add up to at most 20 %). Expected count in bin i:
//   ν_i(μ, θ) = μ s_i g(θ_s) + B_i(θ_i)                              (docs/statistics.md §1)
// with unit-Gaussian-constrained nuisances θ and one of two response shapes (coded once, in
// stats/response.hpp):
//   log_normal (default): g = (1+δ_s)^θ_s, B_i = b_i (1+σ_i/b_i)^θ_i — positive for every θ,
//                         smooth (Newton needs no bounds), median b_i; pyhf `normsys` exactly.
//   gaussian:             g = 1 + δ_s θ_s, B_i = b_i + σ_i θ_i, truncated at rate 0 (θ bounded);
//                         pyhf `staterror` / linear `histosys`.
// The default is log-normal because a Gaussian with σ/b ≈ 0.3 (NA64's S1, S2) puts 0.1 % of its
// mass at negative rates, which must be cut off by hand, and the cut is a kink for the fits.
// References: Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554 (likelihood, §2);
//             HistFactory/pyhf modifiers (Cranmer et al., CERN-OPEN-2012-016).
#pragma once

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/stats/constraint.hpp"
#include "semivisible/stats/response.hpp"

namespace semivisible::stats {

/// A validated binned counting experiment: observed counts, backgrounds and their absolute
/// uncertainties (events), a relative signal uncertainty (dimensionless) and the constraint type.
/// The signal shape (events per bin at μ = 1) is passed separately to the CLs functions.
class counting_model {
 public:
  /// Throws invalid_parameter naming the parameter and value on: mismatched sizes, zero bins,
  /// negative/non-finite/non-integer observed counts, negative or non-finite backgrounds or
  /// uncertainties, a log-normal uncertainty on a zero background, negative signal uncertainty.
  counting_model(std::vector<double> observed, std::vector<double> background,
                 std::vector<double> background_uncertainty, double signal_uncertainty = 0.0,
                 constraint_type constraint = constraint_type::log_normal)
      : observed_(std::move(observed)),
        background_(std::move(background)),
        background_uncertainty_(std::move(background_uncertainty)),
        signal_uncertainty_(signal_uncertainty),
        constraint_(constraint) {
    constexpr std::string_view fn = "stats::counting_model";
    if (observed_.empty())
      semivisible::detail::throw_invalid(fn, "observed.size()", 0.0, "> 0 (at least one bin)");
    if (background_.size() != observed_.size())
      semivisible::detail::throw_invalid(fn, "background.size()",
                                         static_cast<double>(background_.size()),
                                         fmt::format("{} (= observed.size())", observed_.size()));
    if (background_uncertainty_.size() != observed_.size())
      semivisible::detail::throw_invalid(fn, "background_uncertainty.size()",
                                         static_cast<double>(background_uncertainty_.size()),
                                         fmt::format("{} (= observed.size())", observed_.size()));
    for (std::size_t i = 0; i < observed_.size(); ++i) {
      const double n = observed_[i];
      if (!std::isfinite(n) || n < 0 || n != std::floor(n) || n > 1e9)
        semivisible::detail::throw_invalid(fn, fmt::format("observed[{}]", i), n,
                                           "a whole number in [0, 1e9]");
      semivisible::detail::require_non_negative(fn, fmt::format("background[{}]", i),
                                                background_[i]);
      semivisible::detail::require_non_negative(fn, fmt::format("background_uncertainty[{}]", i),
                                                background_uncertainty_[i]);
      if (constraint_ == constraint_type::log_normal && background_[i] == 0 &&
          background_uncertainty_[i] > 0)
        semivisible::detail::throw_invalid(
            fn, fmt::format("background_uncertainty[{}]", i), background_uncertainty_[i],
            "0 when background = 0 with the log-normal constraint (the Gaussian one allows it)");
    }
    semivisible::detail::require_non_negative(fn, "signal_uncertainty", signal_uncertainty_);
  }

  [[nodiscard]] std::size_t bins() const noexcept { return observed_.size(); }
  [[nodiscard]] const std::vector<double>& observed() const noexcept { return observed_; }
  [[nodiscard]] const std::vector<double>& background() const noexcept { return background_; }
  [[nodiscard]] const std::vector<double>& background_uncertainty() const noexcept {
    return background_uncertainty_;
  }
  [[nodiscard]] double signal_uncertainty() const noexcept { return signal_uncertainty_; }
  [[nodiscard]] constraint_type constraint() const noexcept { return constraint_; }

  /// g(θ_s): the response of the signal (nominal 1, uncertainty δ_s).
  [[nodiscard]] rate_response signal_response() const {
    return {constraint_, 1.0, signal_uncertainty_};
  }
  /// B_i(θ_i): the response of the background of bin i.
  [[nodiscard]] rate_response background_response(std::size_t i) const {
    return {constraint_, background_.at(i), background_uncertainty_.at(i)};
  }

  /// The same model with other observed counts (validated).
  [[nodiscard]] counting_model with_observed(std::vector<double> observed) const {
    return {std::move(observed), background_, background_uncertainty_, signal_uncertainty_,
            constraint_};
  }

  /// True when every uncertainty is zero (pure Poisson counting).
  [[nodiscard]] bool without_nuisances() const noexcept {
    if (signal_uncertainty_ > 0) return false;
    for (double s : background_uncertainty_)
      if (s > 0) return false;
    return true;
  }

 private:
  std::vector<double> observed_;
  std::vector<double> background_;
  std::vector<double> background_uncertainty_;
  double signal_uncertainty_ = 0;
  constraint_type constraint_ = constraint_type::log_normal;
};

/// Throws invalid_parameter unless `signal` (events per bin at μ = 1) has model.bins() finite,
/// non-negative entries, at least one of them > 0. Returns the total Σ s_i.
inline double validate_signal(std::string_view function, const counting_model& model,
                              std::span<const double> signal) {
  if (signal.size() != model.bins())
    semivisible::detail::throw_invalid(function, "signal.size()",
                                       static_cast<double>(signal.size()),
                                       fmt::format("{} (= the model's bins)", model.bins()));
  double total = 0;
  for (std::size_t i = 0; i < signal.size(); ++i) {
    if (!(signal[i] >= 0) || !std::isfinite(signal[i]))  // format the name only on failure
      semivisible::detail::require_non_negative(function, fmt::format("signal[{}]", i), signal[i]);
    total += signal[i];
  }
  if (!(total > 0))
    semivisible::detail::throw_invalid(function, "sum(signal)", total, "> 0 (some bin > 0)");
  if (!std::isfinite(total))
    semivisible::detail::throw_invalid(function, "sum(signal)", total, "finite");
  return total;
}

}  // namespace semivisible::stats
