// semivisible/stats/response.hpp — how a rate responds to its nuisance parameter θ (unit-Gaussian
// constrained): the one place where the log-normal and Gaussian responses are written.
//
//   log_normal: R(θ) = r (1 + σ/r)^θ = r e^{κθ},  κ = ln(1 + σ/r)     (pyhf `normsys`, exponential)
//   gaussian:   R(θ) = r + σ θ, truncated at R = 0, i.e. θ ≥ −r/σ       (pyhf `staterror`)
// with r the nominal rate and σ its absolute uncertainty (docs/statistics.md §1). The signal uses
// r = 1 and σ = δ_s (the relative signal uncertainty), so R(θ_s) = g(θ_s) multiplies μ s_i.
// Used by the likelihood (value and derivatives at the fit parameters) and by the exact engine
// (values at the quadrature nodes of the hybrid prior average).
// References: Cranmer et al., HistFactory, CERN-OPEN-2012-016 (normsys / staterror modifiers).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

#include "semivisible/stats/constraint.hpp"

namespace semivisible::stats {

/// A rate and its first two derivatives with respect to θ.
struct rate_derivatives {
  double value = 0, first = 0, second = 0;
};

/// R(θ) for one nominal rate r ≥ 0 with absolute uncertainty σ ≥ 0 (validated by counting_model).
class rate_response {
 public:
  rate_response() = default;
  rate_response(constraint_type type, double nominal, double uncertainty)
      : type_(type), nominal_(nominal) {
    if (type == constraint_type::log_normal)
      slope_ = nominal > 0 ? std::log1p(uncertainty / nominal) : 0.0;  // κ = ln(1 + σ/r)
    else
      slope_ = uncertainty;  // R = r + σ θ
  }

  [[nodiscard]] constraint_type type() const noexcept { return type_; }
  [[nodiscard]] double nominal() const noexcept { return nominal_; }
  /// κ (log-normal) or σ (Gaussian): dR/dθ / R at θ = 0, resp. dR/dθ.
  [[nodiscard]] double slope() const noexcept { return slope_; }
  /// True when R does not depend on θ.
  [[nodiscard]] bool fixed() const noexcept { return slope_ == 0; }

  /// R(θ) ≥ 0 (the Gaussian is cut at 0).
  [[nodiscard]] double operator()(double theta) const {
    return type_ == constraint_type::log_normal ? nominal_ * std::exp(slope_ * theta)
                                                : std::max(0.0, nominal_ + slope_ * theta);
  }

  /// R, R′, R″ on the smooth branch (for the Gaussian: θ within its bound, where R = r + σθ).
  [[nodiscard]] rate_derivatives derivatives(double theta) const {
    rate_derivatives d;
    if (type_ == constraint_type::log_normal) {
      d.value = nominal_ * std::exp(slope_ * theta);
      d.first = slope_ * d.value;
      d.second = slope_ * d.first;
    } else {
      d.value = nominal_ + slope_ * theta;
      d.first = slope_;
    }
    return d;
  }

  /// Smallest θ with R(θ) ≥ 0: −r/σ for the Gaussian with σ > 0, −∞ otherwise.
  [[nodiscard]] double lower_theta() const {
    return type_ == constraint_type::gaussian && slope_ > 0
               ? -nominal_ / slope_
               : -std::numeric_limits<double>::infinity();
  }

 private:
  constraint_type type_ = constraint_type::log_normal;
  double nominal_ = 0;
  double slope_ = 0;
};

}  // namespace semivisible::stats
