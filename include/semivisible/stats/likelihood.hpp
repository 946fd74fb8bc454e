// semivisible/stats/likelihood.hpp — the binned profile likelihood and its fits.
//
// What it models: −ln L for the counting_model (counting_model.hpp) with signal shape s:
//   −ln L(μ, θ) = Σ_i [ν_i − n_i + n_i ln(n_i/ν_i)] + ½ (θ_s − a_s)² + ½ Σ_i (θ_i − a_i)²,
//   ν_i = μ s_i g(θ_s) + B_i(θ_i)   (responses g, B_i: stats/response.hpp; docs/statistics.md §1)
// (Poisson terms written relative to the saturated model, so −ln L ≥ 0 and no ln n! is needed;
// a = global observables, 0 for the real data, fluctuated in toys, θ̂ for the Asimov set).
// Method: Newton iteration with the analytic gradient and Hessian (Eigen LLT, Levenberg damping
// when the Hessian is not positive definite), projected active-set handling of the bounds
// (μ ∈ [0, μ_max], Gaussian nuisances keep rates ≥ 0), Armijo backtracking. Every fit returns a
// solver_status; an impossible data set (n > 0 where every rate is 0) gives −ln L = +∞.
// References: Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554, §2; Nocedal & Wright,
//             Numerical Optimization (2006), §3.4 (damped Newton), §16.7 (projected Newton).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <Eigen/Dense>

#include "semivisible/error.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/response.hpp"

namespace semivisible::stats {

/// A data set for the likelihood: counts per bin (whole numbers for real data, any value ≥ 0
/// for Asimov data) and global observables a = (a_s, a_1..a_N) of the nuisance constraints.
struct dataset {
  std::vector<double> counts{};
  std::vector<double> global_observables{};
};

/// Controls of the Newton fits.
struct fit_options {
  int max_iterations = 100;
  double tolerance = 1e-12;  ///< on the Newton decrement ½ gᵀH⁻¹g (units of −ln L)
};

/// Throws invalid_parameter unless max_iterations ≥ 1 and the tolerance is finite and ≥ 0.
inline void validate(std::string_view function, const fit_options& options) {
  if (options.max_iterations < 1)
    semivisible::detail::throw_invalid(function, "fit.max_iterations", options.max_iterations,
                                       ">= 1");
  semivisible::detail::require_non_negative(function, "fit.tolerance", options.tolerance);
}

/// Result of a fit. parameters = (μ, θ_s, θ_1..θ_N).
struct fit_result {
  double nll = std::numeric_limits<double>::infinity();  ///< −ln L at the minimum (≥ 0)
  std::vector<double> parameters{};
  int iterations = 0;
  solver_status status{};
  [[nodiscard]] double mu() const { return parameters.at(0); }
};

/// −ln L of a counting_model and a signal shape, with conditional (μ fixed) and unconditional
/// (μ ∈ [0, μ_max]) fits. Holds copies of the model and signal; cheap to construct (O(bins)).
/// Const member functions are safe to call from several threads at once.
class likelihood {
 public:
  likelihood(const counting_model& model, std::span<const double> signal)
      : model_(model), signal_(signal.begin(), signal.end()) {
    signal_total_ = validate_signal("stats::likelihood", model, signal);
    const std::size_t n = model.bins();
    lower_.assign(n + 2, -theta_limit);
    upper_.assign(n + 2, theta_limit);
    lower_[0] = 0;
    upper_[0] = std::numeric_limits<double>::infinity();
    signal_response_ = model.signal_response();
    if (std::isfinite(signal_response_.lower_theta())) lower_[1] = signal_response_.lower_theta();
    background_response_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      background_response_.push_back(model.background_response(i));
      const double bound = background_response_[i].lower_theta();
      if (std::isfinite(bound)) lower_[i + 2] = bound;
    }
  }

  static constexpr double theta_limit =
      30.0;  ///< |θ| bound (a 30σ pull: never reached in practice)

  [[nodiscard]] const counting_model& model() const noexcept { return model_; }
  [[nodiscard]] std::span<const double> signal() const noexcept { return signal_; }
  [[nodiscard]] double signal_total() const noexcept { return signal_total_; }
  [[nodiscard]] std::size_t parameters() const noexcept { return signal_.size() + 2; }

  /// The observed data with nominal global observables (all 0).
  [[nodiscard]] dataset observed_data() const {
    return {model_.observed(), std::vector<double>(model_.bins() + 1, 0.0)};
  }

  /// Signal response g(θ_s): multiplies μ s_i (stats/response.hpp).
  [[nodiscard]] double signal_factor(double theta_s) const { return signal_response_(theta_s); }
  /// Background rate B_i(θ_i) in events (stats/response.hpp).
  [[nodiscard]] double background_rate(std::size_t i, double theta) const {
    return background_response_[i](theta);
  }
  /// Expected counts ν_i at parameters (μ, θ_s, θ_1..θ_N).
  [[nodiscard]] std::vector<double> expected(std::span<const double> x) const {
    std::vector<double> nu(signal_.size());
    const double g = signal_factor(x[1]);
    for (std::size_t i = 0; i < nu.size(); ++i)
      nu[i] = x[0] * signal_[i] * g + background_rate(i, x[i + 2]);
    return nu;
  }
  /// Lower/upper bounds of parameter j (0: μ, 1: θ_s, 2+i: θ_i).
  [[nodiscard]] double lower_bound(std::size_t j) const { return lower_.at(j); }
  [[nodiscard]] double upper_bound(std::size_t j) const { return upper_.at(j); }

  /// −ln L at x for `data`; with g/H non-null also the gradient and Hessian. +∞ when a bin with
  /// n > 0 has ν ≤ 0.
  double evaluate(const Eigen::VectorXd& x, const dataset& data, Eigen::VectorXd* g = nullptr,
                  Eigen::MatrixXd* h = nullptr) const {
    const double mu = x[0], ts = x[1], as = data.global_observables[0];
    const rate_derivatives signal = signal_response_.derivatives(ts);
    const double gs = signal.value, gs1 = signal.first, gs2 = signal.second;  // g, g', g''
    double f = 0.5 * (ts - as) * (ts - as);
    if (g) {
      g->setZero();
      h->setZero();
      (*g)[1] = ts - as;
      (*h)(1, 1) = 1;
    }
    for (std::size_t i = 0; i < signal_.size(); ++i) {
      const auto j = static_cast<Eigen::Index>(i + 2);
      const double ti = x[j], ai = data.global_observables[i + 1];
      const rate_derivatives background = background_response_[i].derivatives(ti);
      const double bi = background.value, bi1 = background.first, bi2 = background.second;
      const double s = signal_[i];
      const double nu = mu * s * gs + bi;
      const double n = data.counts[i];
      f += 0.5 * (ti - ai) * (ti - ai);
      if (!(nu > 0)) {
        if (n > 0) return std::numeric_limits<double>::infinity();
        // ν = 0 and n = 0: the Poisson term is 0; its derivatives are those of ν (r = 1).
      } else {
        f += nu - n + (n > 0 ? n * std::log(n / nu) : 0.0);
      }
      if (g) {
        const double r = n > 0 ? 1.0 - n / nu : 1.0;
        const double c = n > 0 ? n / (nu * nu) : 0.0;
        const double dmu = s * gs, dts = mu * s * gs1;
        (*g)[0] += r * dmu;
        (*g)[1] += r * dts;
        (*g)[j] += r * bi1 + (ti - ai);
        (*h)(0, 0) += c * dmu * dmu;
        (*h)(0, 1) += c * dmu * dts + r * s * gs1;
        (*h)(1, 1) += c * dts * dts + r * mu * s * gs2;
        (*h)(0, j) += c * dmu * bi1;
        (*h)(1, j) += c * dts * bi1;
        (*h)(j, j) += c * bi1 * bi1 + r * bi2 + 1.0;
      }
    }
    if (h) *h = h->selfadjointView<Eigen::Upper>();
    return f;
  }

  /// Fit with μ fixed (conditional fit: θ̂_μ).
  [[nodiscard]] fit_result fit_conditional(double mu, const dataset& data,
                                           const fit_options& options = {},
                                           std::span<const double> start = {}) const {
    semivisible::detail::require_non_negative("stats::likelihood::fit_conditional", "mu", mu);
    validate("stats::likelihood::fit_conditional", options);
    return fit(data, true, mu, mu, options, start);
  }

  /// Fit with μ free in [0, mu_max] (unconditional fit for q̃_μ: μ̂ ≥ 0).
  [[nodiscard]] fit_result fit_unconditional(
      const dataset& data, double mu_max = std::numeric_limits<double>::infinity(),
      const fit_options& options = {}, std::span<const double> start = {}) const {
    if (!(mu_max >= 0))
      semivisible::detail::throw_invalid("stats::likelihood::fit_unconditional", "mu_max", mu_max,
                                         ">= 0");
    validate("stats::likelihood::fit_unconditional", options);
    return fit(data, false, 0.0, mu_max, options, start);
  }

 private:
  fit_result fit(const dataset& data, bool fixed_mu, double mu, double mu_max,
                 const fit_options& options, std::span<const double> start) const {
    const auto d = static_cast<Eigen::Index>(parameters());
    const std::size_t nb = signal_.size();
    if (data.counts.size() != nb || data.global_observables.size() != nb + 1)
      semivisible::detail::throw_invalid("stats::likelihood::fit", "data.counts.size()",
                                         static_cast<double>(data.counts.size()),
                                         fmt::format("{} with {} global observables", nb, nb + 1));
    std::vector<double> lo = lower_, hi = upper_;
    if (fixed_mu) {
      lo[0] = hi[0] = mu;
    } else {
      lo[0] = 0;
      hi[0] = mu_max;
    }
    Eigen::VectorXd x(d);
    if (start.size() == parameters()) {
      for (Eigen::Index j = 0; j < d; ++j) x[j] = start[static_cast<std::size_t>(j)];
    } else {
      x[1] = data.global_observables[0];
      for (std::size_t i = 0; i < nb; ++i)
        x[static_cast<Eigen::Index>(i + 2)] = data.global_observables[i + 1];
      x[0] = mu;
      if (!fixed_mu) {  // moment estimate of μ, positive where a bin needs signal
        double excess = 0;
        for (std::size_t i = 0; i < nb; ++i) excess += data.counts[i] - model_.background()[i];
        x[0] = std::max(0.0, excess / signal_total_);
        for (std::size_t i = 0; i < nb; ++i)
          if (data.counts[i] > 0 && model_.background()[i] == 0 && signal_[i] > 0)
            x[0] = std::max(x[0], data.counts[i] / signal_[i]);
      }
    }
    for (Eigen::Index j = 0; j < d; ++j) {
      const auto u = static_cast<std::size_t>(j);
      x[j] = std::clamp(x[j], lo[u], hi[u]);
    }
    fit_result result;
    Eigen::VectorXd g(d), gn(d);
    Eigen::MatrixXd h(d, d), hn(d, d);
    double f = evaluate(x, data, &g, &h);
    auto finish = [&](status code, std::string message) {
      result.nll = f;
      result.parameters.assign(x.data(), x.data() + d);
      result.status = {code, std::move(message)};
      return result;
    };
    if (!std::isfinite(f))
      return finish(status::invalid_input, "the data have n > 0 where the model predicts 0");
    std::vector<int> free_index;
    free_index.reserve(static_cast<std::size_t>(d));
    Eigen::VectorXd step(d), xn(d);
    for (int it = 0; it < options.max_iterations; ++it) {
      result.iterations = it + 1;
      free_index.clear();
      for (Eigen::Index j = 0; j < d; ++j) {
        const auto u = static_cast<std::size_t>(j);
        if (lo[u] == hi[u]) continue;
        if (x[j] <= lo[u] && g[j] > 0) continue;  // held at the lower bound
        if (x[j] >= hi[u] && g[j] < 0) continue;  // held at the upper bound
        free_index.push_back(static_cast<int>(j));
      }
      if (free_index.empty()) return finish(status::ok, {});
      const Eigen::VectorXd gf = g(free_index);
      Eigen::MatrixXd hf = h(free_index, free_index);
      if (!gf.allFinite() || !hf.allFinite())
        return finish(status::numerical_error, "non-finite gradient or Hessian");
      Eigen::LLT<Eigen::MatrixXd> llt(hf);
      double damping = 1e-10 * (1.0 + hf.diagonal().cwiseAbs().maxCoeff());
      while (llt.info() != Eigen::Success) {
        hf.diagonal().array() += damping;
        damping *= 10;
        llt.compute(hf);
        if (damping > 1e30) return finish(status::numerical_error, "Hessian cannot be damped");
      }
      const Eigen::VectorXd pf = -llt.solve(gf);
      const double decrement = -0.5 * gf.dot(pf);
      if (decrement < options.tolerance) return finish(status::ok, {});
      step.setZero();
      step(free_index) = pf;
      double t = 1.0;
      bool accepted = false;
      double fn = f;
      for (int ls = 0; ls < 60; ++ls) {
        xn = x + t * step;
        for (Eigen::Index j = 0; j < d; ++j) {
          const auto u = static_cast<std::size_t>(j);
          xn[j] = std::clamp(xn[j], lo[u], hi[u]);
        }
        fn = evaluate(xn, data);
        if (std::isfinite(fn) && fn <= f + 1e-4 * g.dot(xn - x)) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        // No decrease along a descent direction: we are at the minimum to rounding.
        if (decrement < 1e3 * options.tolerance + 1e-12 * (1 + f)) return finish(status::ok, {});
        return finish(status::numerical_error, "line search failed");
      }
      const double change = f - fn;
      x = xn;
      f = evaluate(x, data, &g, &h);
      if (change >= 0 && change < 1e-15 * (1 + f) && t < 1e-6) return finish(status::ok, {});
    }
    return finish(status::not_converged,
                  fmt::format("no convergence in {} Newton iterations", options.max_iterations));
  }

  counting_model model_;  // a copy: the likelihood may outlive the caller's model
  std::vector<double> signal_;
  double signal_total_ = 0;
  rate_response signal_response_{};                 // g(θ_s)
  std::vector<rate_response> background_response_;  // B_i(θ_i)
  std::vector<double> lower_;                       // parameter bounds (μ, θ_s, θ_i)
  std::vector<double> upper_;
};

}  // namespace semivisible::stats
