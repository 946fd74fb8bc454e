// semivisible/stats/detail/exact_background.hpp — the model-level part of the exact CLs engine
// (stats/cls_exact.hpp): the prior nodes of the hybrid average and the background-only marginal
// count distributions q_i(m) = E_θ[Pois(m | B_i(θ))], kept in log space.
//
// Method: the prior average E_θ[f(R(θ))] of every nuisance response (stats/response.hpp) is a
// quadrature rule on the rate: 40-point Gauss–Hermite for an untruncated unit-normal θ,
// 64-point Gauss–Legendre on the truncated normal for a Gaussian response cut at R = 0 when the
// cut is within 9σ, one node for a fixed rate (detail/quadrature.hpp; Golub & Welsch, Math. Comp.
// 23 (1969) 221). ln q_i(m) = logsumexp_k(ln w_k + m ln R_k − R_k) − ln m!, exact to rounding and
// free of underflow for any m and rate (the −R_k term carries an absolute rounding error
// ≈ 1e-16 R_k, hence max_exact_rate). The pmfs grow lazily, charged to the caller's work counter.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "semivisible/numerics/log_factorial.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/detail/quadrature.hpp"
#include "semivisible/stats/detail/work_budget.hpp"
#include "semivisible/stats/response.hpp"

namespace semivisible::stats {
namespace detail {

/// Rates above which the exact sums are not attempted: ln Pois(m | λ) then carries an absolute
/// rounding error ≳ 1e-6 (the −λ term), and the counts to enumerate exceed any budget anyway.
inline constexpr double max_exact_rate = 1e10;

/// The prior average E_θ[f(R(θ))] of a response as a quadrature rule on the rate R: nodes R_k,
/// weights w_k. Log-normal: 40-point Gauss–Hermite; Gaussian cut at R = 0 (θ ≥ −r/σ > −9): 64-point
/// Gauss–Legendre on the truncated normal; fixed rate: one node.
inline void prior_nodes(const rate_response& response, std::vector<double>& rate,
                        std::vector<double>& weight) {
  rate.clear();
  weight.clear();
  if (response.fixed()) {
    rate.push_back(response.nominal());
    weight.push_back(1.0);
    return;
  }
  const bool truncated = response.lower_theta() > -9.0;
  const quadrature_rule cut =
      truncated ? truncated_normal(response.lower_theta()) : quadrature_rule{};
  const quadrature_rule& use = truncated ? cut : gauss_hermite_normal<40>();
  rate.reserve(use.node.size());
  weight.reserve(use.node.size());
  for (std::size_t k = 0; k < use.node.size(); ++k) {
    rate.push_back(response(use.node[k]));
    weight.push_back(use.weight[k]);
  }
}

/// The model-level part of the exact engine: prior nodes of the signal and of every background,
/// the background-only marginal pmfs ln q_i(m) (grown lazily) and scratch buffers. Shared by the
/// engines of one cls_calculator. Not thread-safe: one per thread.
class exact_background {
 public:
  explicit exact_background(const counting_model& model) : model_(model) {
    prior_nodes(model.signal_response(), signal_factor, signal_weight);
    const std::size_t n = model.bins();
    rate.resize(n);
    rate_weight.resize(n);
    log_rate.resize(n);
    log_weight.resize(n);
    log_pmf_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      prior_nodes(model.background_response(i), rate[i], rate_weight[i]);
      for (std::size_t k = 0; k < rate[i].size(); ++k) {
        log_rate[i].push_back(rate[i][k] > 0 ? std::log(rate[i][k])
                                             : -std::numeric_limits<double>::infinity());
        log_weight[i].push_back(std::log(rate_weight[i][k]));
      }
    }
  }

  [[nodiscard]] const counting_model& model() const noexcept { return model_; }

  /// ln q_i(m) for m = 0..m_max (grown lazily; 10 units per node and term). False (nothing grown)
  /// when the growth would exceed the budget.
  bool grow(std::size_t i, std::size_t m_max, work_counter& work) {
    auto& q = log_pmf_[i];
    if (q.size() > m_max) return true;
    const double terms = static_cast<double>(m_max + 1 - q.size());
    if (!work.charge(terms * 10.0 * static_cast<double>(rate[i].size() + 1))) return false;
    for (std::size_t m = q.size(); m <= m_max; ++m) q.push_back(log_pmf_term(i, m));
    return true;
  }
  /// ln q_i(m), m < grown size.
  [[nodiscard]] double log_pmf(std::size_t i, std::size_t m) const { return log_pmf_[i][m]; }

  /// Largest count of bin i worth summing at signal rate λ (Poisson tail beyond < 1e-17), as a
  /// real number (it can be huge).
  [[nodiscard]] double count_cap(std::size_t i, double lambda) const {
    const double m = lambda + rate[i].back() + rate[i].front();
    return std::ceil(m + 12.0 * std::sqrt(m) + 40.0);
  }
  /// Largest background rate among the prior nodes of bin i.
  [[nodiscard]] double rate_high(std::size_t i) const { return rate[i].back(); }

  // prior nodes: g_k and weights of the signal; R_ik, weights, their logarithms per bin
  std::vector<double> signal_factor, signal_weight;
  std::vector<std::vector<double>> rate, rate_weight, log_rate, log_weight;
  // scratch of one evaluation (reused: no allocation once warm)
  std::vector<double> w, cumulative, pois, scale;
  std::vector<std::vector<double>> scaled, probs;

 private:
  /// ln E_k[Pois(m | R_k)] = logsumexp_k(ln w_k + m ln R_k − R_k) − ln m!.
  [[nodiscard]] double log_pmf_term(std::size_t i, std::size_t m) const {
    const auto dm = static_cast<double>(m);
    double top = -std::numeric_limits<double>::infinity();
    const std::size_t nodes = rate[i].size();
    for (std::size_t k = 0; k < nodes; ++k) top = std::max(top, term(i, k, dm));
    if (!std::isfinite(top)) return top;
    double sum = 0;
    for (std::size_t k = 0; k < nodes; ++k) sum += std::exp(term(i, k, dm) - top);
    return top + std::log(sum) - numerics::log_factorial(dm);
  }
  [[nodiscard]] double term(std::size_t i, std::size_t k, double m) const {
    const double r = rate[i][k];
    if (r <= 0) return m == 0 ? log_weight[i][k] : -std::numeric_limits<double>::infinity();
    return log_weight[i][k] + m * log_rate[i][k] - r;
  }

  counting_model model_;
  std::vector<std::vector<double>> log_pmf_;
};

}  // namespace detail

}  // namespace semivisible::stats
