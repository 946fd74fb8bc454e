// semivisible/stats/cls.hpp — CLs = CL_{s+b}/CL_b, upper limits on μ and expected bands.
//
// What it computes, for a counting_model and a signal shape s (signal = μ s):
//  * method::asymptotic — test statistic q̃_μ = −2 ln[L(μ, θ̂_μ)/L(μ̂, θ̂)], 0 ≤ μ̂ ≤ μ
//    (Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554, Eq. 16), its asymptotic distributions
//    with σ from the Asimov data set built at μ' = 0 and θ̂_0 (ibid. Eqs. 65–66, 24–31), CLs as in
//    pyhf: x = √q̃ − √q_A (q̃ ≤ q_A) or (q̃ − q_A)/(2√q_A); CL_{s+b} = Φ̄(x + √q_A), CL_b = Φ̄(x).
//  * method::toys — the same q̃_μ; its distributions from pseudo-experiments generated at
//    (μ, θ̂_μ) and (0, θ̂_0) with the global observables fluctuated (frequentist toys, as in
//    RooStats' FrequentistCalculator and pyhf's ToyCalculator). Seeded, counter-based random
//    streams per toy: results do not depend on the number of threads.
//  * method::exact — the LEP/Tevatron construction (Junk, NIM A434 (1999) 435; Read, J. Phys. G
//    28 (2002) 2693): test statistic Q = L(s+b)/L(b) at nominal nuisances, i.e. t = Σ n_i
//    ln(1 + μ s_i/b_i), whose distribution is summed exactly over Poisson outcomes; nuisances
//    are integrated over their constraint priors (Cousins–Highland hybrid, Cousins & Highland,
//    NIM A320 (1992) 331) with Gauss–Hermite quadrature; the background-only marginal
//    distributions are computed once per call. With no nuisances this is exact Poisson CLs.
//    For n = 0 it gives CLs = E[exp(−μ S g(θ_s))]: 2.303 events at 90 % CL for any background.
//  Upper limits: root of CLs(μ) = 1 − CL with Boost.Math toms748 (in t = μ Σs, so limits scale
//  exactly as 1/|s|). Expected limits: asymptotic — band N from CLs_N = Φ(N − √q_A)/Φ(N); toys —
//  q̃ quantiles of the background-only toys; exact — quantiles of the limit over the exact
//  background-only distribution of outcomes (discrete: bands are steps).
// Default for scans: method::exact (see default_scan_method and docs/statistics.md §6).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numbers>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/tools/roots.hpp>

#include "semivisible/error.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/detail/quadrature.hpp"
#include "semivisible/stats/likelihood.hpp"

namespace semivisible::stats {

/// How CLs is computed (see the header comment).
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
/// prepared cls_calculator, ≈ 5 µs with cls() (docs/performance.md, docs/statistics.md §7).
inline constexpr method default_scan_method = method::exact;

/// Options for one CLs evaluation.
struct cls_options {
  method algorithm = default_scan_method;
  double mu = 1.0;          ///< the tested signal strength (signal = μ s)
  std::size_t toys = 2000;  ///< pseudo-experiments per hypothesis (method::toys)
  std::uint64_t seed = 1;   ///< toy seed: same seed, same result, whatever the threads
  unsigned threads = 0;     ///< 0: std::thread::hardware_concurrency()
  fit_options fit{};
};

/// CLs at one μ with its ingredients; status not ok when a fit failed (the value is still the
/// best estimate available).
struct cls_result {
  double value = 1;  ///< CLs
  double cl_sb = 1;  ///< CL_{s+b} = p_{s+b}
  double cl_b = 1;   ///< CL_b = 1 − p_b
  solver_status status{};
};

/// Options for an upper limit.
struct limit_options {
  double cl = 0.9;  ///< confidence level in (0, 1)
  method algorithm = default_scan_method;
  bool expected = true;     ///< compute the expected median and ±1σ/±2σ band
  std::size_t toys = 2000;  ///< method::toys
  std::uint64_t seed = 1;   ///< method::toys
  unsigned threads = 0;     ///< method::toys; 0: hardware_concurrency()
  int bits = 0;             ///< root tolerance 2^(1−bits) relative; 0: 40 (toys: 14)
  fit_options fit{};
};

/// Upper limit on μ and the expected band (NaN when not computed). All in units of μ.
struct limit_result {
  double mu_upper = std::numeric_limits<double>::quiet_NaN();
  double expected_median = std::numeric_limits<double>::quiet_NaN();
  double expected_minus1 = std::numeric_limits<double>::quiet_NaN();  ///< 15.9 % quantile
  double expected_plus1 = std::numeric_limits<double>::quiet_NaN();   ///< 84.1 % quantile
  double expected_minus2 = std::numeric_limits<double>::quiet_NaN();  ///< 2.3 % quantile
  double expected_plus2 = std::numeric_limits<double>::quiet_NaN();   ///< 97.7 % quantile
  method algorithm = default_scan_method;
  double cl = 0.9;
  solver_status status{};
};

namespace detail {

inline double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}
inline double normal_sf(double x) {
  return 0.5 * std::erfc(x / std::numbers::sqrt2);
}

/// The band offsets N = −2, −1, 0, +1, +2 (lower limits first) and their quantiles Φ(N).
inline constexpr std::array<double, 5> band_sigma{-2.0, -1.0, 0.0, 1.0, 2.0};

inline void keep_first_failure(solver_status& into, const solver_status& s) {
  if (into.ok() && !s.ok()) into = s;
}

/// Poisson pmf P(n | λ), λ ≥ 0, stable for large arguments.
inline double poisson_pmf(double n, double lambda) {
  if (lambda <= 0) return n == 0 ? 1.0 : 0.0;
  return std::exp(n * std::log(lambda) - lambda - std::lgamma(n + 1));
}

// --------------------------------------------------------------------------- exact (hybrid)
/// Exact CLs with Cousins–Highland marginalisation. Precomputes the background-only marginal
/// distributions q_i(m) = E_θ[Pois(m | B_i(θ))] (they depend only on the model), grown lazily.
/// Not thread-safe (lazy cache): one instance per thread.
class exact_cls {
 public:
  explicit exact_cls(const counting_model& model) : model_(model) {
    const bool lognormal = model.constraint() == constraint_type::log_normal;
    const auto& gh = gauss_hermite_normal<40>();
    const double ds = model.signal_uncertainty();
    if (ds > 0) {
      const bool truncated = !lognormal && -1.0 / ds > -9.0;
      const quadrature_rule rule = truncated ? truncated_normal(-1.0 / ds) : quadrature_rule{};
      const quadrature_rule& use = truncated ? rule : gh;
      const double kappa = std::log1p(ds);
      signal_factor_.reserve(use.node.size());
      signal_weight_.reserve(use.node.size());
      for (std::size_t k = 0; k < use.node.size(); ++k) {
        const double g =
            lognormal ? std::exp(kappa * use.node[k]) : std::max(0.0, 1.0 + ds * use.node[k]);
        signal_factor_.push_back(g);
        signal_weight_.push_back(use.weight[k]);
      }
    } else {
      signal_factor_ = {1.0};
      signal_weight_ = {1.0};
    }
    const std::size_t n = model.bins();
    rate_.resize(n);
    rate_weight_.resize(n);
    pmf_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double b = model.background()[i], sb = model.background_uncertainty()[i];
      if (sb > 0) {
        const bool truncated = !lognormal && -b / sb > -9.0;
        const quadrature_rule rule = truncated ? truncated_normal(-b / sb) : quadrature_rule{};
        const quadrature_rule& use = truncated ? rule : gh;
        const double kappa = lognormal ? std::log1p(sb / b) : 0.0;
        rate_[i].reserve(use.node.size());
        rate_weight_[i].reserve(use.node.size());
        for (std::size_t k = 0; k < use.node.size(); ++k) {
          rate_[i].push_back(lognormal ? b * std::exp(kappa * use.node[k])
                                       : std::max(0.0, b + sb * use.node[k]));
          rate_weight_[i].push_back(use.weight[k]);
        }
      } else {
        rate_[i] = {b};
        rate_weight_[i] = {1.0};
      }
    }
  }

  [[nodiscard]] const counting_model& model() const noexcept { return model_; }

  /// Background-only marginal pmf q_i(m) for m = 0..m_max.
  const std::vector<double>& background_pmf(std::size_t i, std::size_t m_max) {
    auto& q = pmf_[i];
    for (std::size_t m = q.size(); m <= m_max; ++m) {
      double p = 0;
      for (std::size_t k = 0; k < rate_[i].size(); ++k)
        p += rate_weight_[i][k] * poisson_pmf(static_cast<double>(m), rate_[i][k]);
      q.push_back(p);
    }
    return q;
  }

  /// Largest count in bin i worth enumerating at signal rate λ_max (tail < 1e-17).
  [[nodiscard]] std::size_t count_cap(std::size_t i, double lambda_max) const {
    const double m = lambda_max + rate_[i].back() + rate_[i].front();
    return static_cast<std::size_t>(std::ceil(m + 12.0 * std::sqrt(m) + 40.0));
  }

  /// CLs at μ for signal shape s (validated by the caller) and observed counts n.
  cls_result cls(std::span<const double> signal_, double mu, std::span<const double> observed) {
    const std::size_t nb = signal_.size();
    w_.assign(nb, 0.0);
    double t_obs = 0;
    for (std::size_t i = 0; i < nb; ++i) {
      // t = Σ n_i ln(1 + μ s_i / b_i); b_i = 0 is replaced by 1e-200 (an enormous but finite
      // weight: those bins then dominate the ordering, which is the b → 0 limit).
      const double b = std::max(model_.background()[i], 1e-200);
      w_[i] = std::log1p(mu * signal_[i] / b);
      t_obs += observed[i] * w_[i];
    }
    const double budget = t_obs * (1 + 1e-12) + 1e-12;  // exact ties count as "≤ t_obs"
    // Fast path (the scans' case, n = 0 in every signal bin): only the outcome n = 0 counts, so
    // CL_b = Π q_i(0) and CL_{s+b} = CL_b · E[exp(−μ g(θ_s) Σ s_i)] — the same sum, in closed form.
    bool zero_only = true;
    double signal_sum = 0;
    for (std::size_t i = 0; i < nb; ++i)
      if (w_[i] > 0) {
        zero_only = zero_only && max_count(i, budget) == 0;
        signal_sum += signal_[i];
      }
    if (zero_only) {
      cls_result r;
      r.cl_b = 1;
      for (std::size_t i = 0; i < nb; ++i)
        if (w_[i] > 0) r.cl_b *= background_pmf(i, 0)[0];
      double ratio = 0;
      for (std::size_t k = 0; k < signal_factor_.size(); ++k)
        ratio += signal_weight_[k] * std::exp(-mu * signal_sum * signal_factor_[k]);
      r.value = std::min(1.0, ratio);
      r.cl_sb = r.cl_b * r.value;
      return r;
    }
    // CL_b: background-only marginal, bins independent.
    probs_.resize(nb);
    for (std::size_t i = 0; i < nb; ++i) {
      if (w_[i] == 0) continue;
      const std::size_t cap = std::min(count_cap(i, 0.0), max_count(i, budget));
      probs_[i] = background_pmf(i, cap);
      probs_[i].resize(cap + 1);
    }
    const double cl_b = enumerate(0, budget);
    // CL_{s+b}: for each signal-nuisance node the bins are independent; p_i = Pois(λ_i) ⊗ q_i.
    double cl_sb = 0;
    for (std::size_t k = 0; k < signal_factor_.size(); ++k) {
      for (std::size_t i = 0; i < nb; ++i) {
        if (w_[i] == 0) continue;
        const double lambda = mu * signal_[i] * signal_factor_[k];
        const std::size_t cap = std::min(count_cap(i, lambda), max_count(i, budget));
        const auto& q = background_pmf(i, cap);
        auto& p = probs_[i];
        p.assign(cap + 1, 0.0);
        pois_.resize(cap + 1);
        pois_[0] = std::exp(-lambda);
        for (std::size_t j = 1; j <= cap; ++j)
          pois_[j] = lambda > 0 && lambda < 500 ? pois_[j - 1] * lambda / static_cast<double>(j)
                                                : poisson_pmf(static_cast<double>(j), lambda);
        for (std::size_t m = 0; m <= cap; ++m) {
          double acc = 0;  // local accumulator: no aliasing stores in the inner loop
          for (std::size_t j = 0; j <= m; ++j) acc += pois_[j] * q[m - j];
          p[m] = acc;
        }
      }
      cl_sb += signal_weight_[k] * enumerate(0, budget);
    }
    cls_result r;
    r.cl_sb = std::min(1.0, cl_sb);
    r.cl_b = std::min(1.0, cl_b);
    r.value = r.cl_b > 0 ? std::min(1.0, r.cl_sb / r.cl_b) : 0.0;
    if (!std::isfinite(r.value))
      r.status = {status::numerical_error, "exact CLs: non-finite probability"};
    return r;
  }

 private:
  [[nodiscard]] std::size_t max_count(std::size_t i, double budget) const {
    const double m = std::floor(budget / w_[i]);
    return m > 1e7 ? std::size_t{10000000} : static_cast<std::size_t>(m);
  }

  /// P(Σ_{j ≥ i} n_j w_j ≤ budget) with per-bin pmfs probs_ (bins with w = 0 summed out).
  double enumerate(std::size_t i, double budget) {
    if (i == 0) {  // prefix sums of the last bin with w > 0
      std::size_t last = w_.size();
      while (last > 0 && w_[last - 1] == 0) --last;
      if (last == 0) return 1.0;
      const auto& pl = probs_[last - 1];
      cumulative_.resize(pl.size());
      double c = 0;
      for (std::size_t m = 0; m < pl.size(); ++m) cumulative_[m] = c += pl[m];
    }
    while (i < w_.size() && w_[i] == 0) ++i;
    if (i == w_.size()) return 1.0;
    const auto& p = probs_[i];
    const std::size_t top = std::min(p.size() - 1, max_count(i, budget));
    std::size_t next = i + 1;
    while (next < w_.size() && w_[next] == 0) ++next;
    double sum = 0;
    if (next == w_.size()) return cumulative_[top];  // prefix sums of the last bin's pmf
    for (std::size_t m = 0; m <= top; ++m)
      sum += p[m] * enumerate(next, budget - static_cast<double>(m) * w_[i]);
    return sum;
  }

  counting_model model_;
  std::vector<double> signal_factor_, signal_weight_;
  std::vector<std::vector<double>> rate_, rate_weight_;
  std::vector<std::vector<double>> pmf_;
  std::vector<double> w_;
  std::vector<std::vector<double>> probs_;
  std::vector<double> cumulative_;
  std::vector<double> pois_;
};

// --------------------------------------------------------------------------- observed fits
/// The μ-independent fits on the observed data that q̃_μ needs: the free fit (μ̂, its NLL) and the
/// background-only fit θ̂_0. Shared by the asymptotic and the toy calculators.
struct observed_fits {
  dataset data;
  double mu_hat = 0, nll_free = 0;
  std::vector<double> background_only;  ///< (μ = 0, θ̂_0)
  solver_status status{};

  observed_fits(const likelihood& lik, const fit_options& options) : data(lik.observed_data()) {
    const fit_result free =
        lik.fit_unconditional(data, std::numeric_limits<double>::infinity(), options);
    keep_first_failure(status, free.status);
    mu_hat = free.mu();
    nll_free = free.nll;
    // θ̂_0: when the data are impossible without signal (n > 0 where b = 0) the fit reports
    // invalid_input and keeps θ at the global observables; that is no failure of the limit.
    const fit_result zero = lik.fit_conditional(0.0, data, options);
    if (zero.status.code != status::invalid_input) keep_first_failure(status, zero.status);
    background_only = zero.parameters;
  }

  /// q̃_μ from the conditional fit's NLL (0 when μ̂ ≥ μ: CCGV Eq. 16 one-sided).
  [[nodiscard]] double qtilde(double mu, double nll_conditional) const {
    return mu_hat >= mu ? 0.0 : std::max(0.0, 2.0 * (nll_conditional - nll_free));
  }
};

// --------------------------------------------------------------------------- asymptotic
/// q̃_μ on observed data and the Asimov q_{μ,A}, with the fits that do not depend on μ done once.
class asymptotic_cls {
 public:
  asymptotic_cls(const counting_model& model, std::span<const double> signal,
                 const fit_options& options)
      : lik_(model, signal), options_(options), obs_(lik_, options_) {
    // Asimov data at μ' = 0: counts ν(0, θ̂_0), global observables θ̂_0 (CCGV §3.2).
    const std::vector<double>& theta0 = obs_.background_only;
    asimov_.counts = lik_.expected(theta0);
    asimov_.global_observables.assign(theta0.begin() + 1, theta0.end());
    Eigen::VectorXd x(static_cast<Eigen::Index>(theta0.size()));
    for (std::size_t j = 0; j < theta0.size(); ++j) x[static_cast<Eigen::Index>(j)] = theta0[j];
    nll_asimov_free_ = lik_.evaluate(x, asimov_);
    start_obs_ = theta0;
    start_asimov_ = theta0;
  }

  [[nodiscard]] const likelihood& model_likelihood() const noexcept { return lik_; }
  [[nodiscard]] const solver_status& status() const noexcept { return obs_.status; }

  /// q̃_μ on the observed data.
  double qtilde(double mu, solver_status& st) {
    if (obs_.mu_hat >= mu) return 0.0;
    start_obs_[0] = mu;
    const fit_result c = lik_.fit_conditional(mu, obs_.data, options_, start_obs_);
    keep_first_failure(st, c.status);
    if (c.status.ok()) start_obs_ = c.parameters;
    return obs_.qtilde(mu, c.nll);
  }

  /// q_{μ,A} on the Asimov data set (μ' = 0).
  double qasimov(double mu, solver_status& st) {
    start_asimov_[0] = mu;
    const fit_result c = lik_.fit_conditional(mu, asimov_, options_, start_asimov_);
    keep_first_failure(st, c.status);
    if (c.status.ok()) start_asimov_ = c.parameters;
    return std::max(0.0, 2.0 * (c.nll - nll_asimov_free_));
  }

  /// Observed CLs at μ.
  cls_result cls(double mu) {
    cls_result r;
    r.status = obs_.status;
    const double q = qtilde(mu, r.status);
    const double qa = qasimov(mu, r.status);
    return from_statistics(q, qa, r);
  }

  /// Expected CLs at μ for band offset N (CLs_N = Φ(N − √q_A)/Φ(N)).
  double expected_cls(double mu, double n_sigma, solver_status& st) {
    const double qa = qasimov(mu, st);
    return normal_cdf(n_sigma - std::sqrt(qa)) / normal_cdf(n_sigma);
  }

  static cls_result from_statistics(double q, double qa, cls_result r) {
    if (!(qa > 0)) {  // no sensitivity at this μ
      r.value = r.cl_sb = r.cl_b = 1;
      return r;
    }
    const double sq = std::sqrt(q), sqa = std::sqrt(qa);
    const double x = q <= qa ? sq - sqa : (q - qa) / (2 * sqa);
    r.cl_sb = normal_sf(x + sqa);
    r.cl_b = normal_sf(x);
    r.value = r.cl_b > 0 ? r.cl_sb / r.cl_b : 0.0;
    if (!std::isfinite(q)) r.value = r.cl_sb = 0;
    return r;
  }

 private:
  likelihood lik_;
  fit_options options_;
  observed_fits obs_;
  dataset asimov_;
  double nll_asimov_free_ = 0;
  std::vector<double> start_obs_, start_asimov_;
};

// --------------------------------------------------------------------------- toys
/// Counter-based random stream (SplitMix64 finaliser; Steele, Lea, Flood, OOPSLA 2014):
/// one independent, reproducible stream per (seed, hypothesis, toy).
class toy_stream {
 public:
  toy_stream(std::uint64_t seed, std::uint64_t hypothesis, std::uint64_t toy)
      : state_(mix(mix(seed ^ 0x243f6a8885a308d3ULL) ^ (hypothesis + 1) * 0x9e3779b97f4a7c15ULL) ^
               mix(toy + 0x13198a2e03707344ULL)) {}
  /// Uniform in (0, 1).
  double uniform() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return (static_cast<double>(mix(state_) >> 11) + 0.5) * 0x1.0p-53;
  }
  /// Poisson(λ) by inversion (monotone in λ for a fixed uniform).
  double poisson(double lambda) {
    const double u = uniform();
    if (lambda <= 0) return 0;
    double n = 0, p = std::exp(-lambda), cdf = p;
    if (p == 0) return std::max(0.0, std::round(lambda + std::sqrt(lambda) * normal(u)));
    while (cdf < u && n < 1e7) {
      n += 1;
      p *= lambda / n;
      cdf += p;
      if (p == 0) break;
    }
    return n;
  }
  /// Standard normal by inversion of a fresh uniform.
  double normal() { return normal(uniform()); }

 private:
  static double normal(double u) { return -std::numbers::sqrt2 * boost::math::erfc_inv(2 * u); }
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_;
};

/// Frequentist toys for q̃_μ.
class toys_cls {
 public:
  toys_cls(const counting_model& model, std::span<const double> signal, std::size_t toys,
           std::uint64_t seed, unsigned threads, const fit_options& options)
      : lik_(model, signal), toys_(toys), seed_(seed), options_(options), obs_(lik_, options_) {
    if (toys == 0) semivisible::detail::throw_invalid("stats::cls", "toys", 0.0, ">= 1");
    threads_ = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
  }

  /// The sorted q̃_μ of both ensembles and q̃_obs at μ.
  struct ensembles {
    double q_obs = 0;
    std::vector<double> q_sb, q_b;
    solver_status status{};
  };

  ensembles run(double mu) {
    ensembles e;
    e.status = obs_.status;
    // The conditional fit is needed even when q̃_obs = 0: it generates the s+b toys.
    const fit_result c = lik_.fit_conditional(mu, obs_.data, options_);
    keep_first_failure(e.status, c.status);
    e.q_obs = obs_.qtilde(mu, c.nll);
    e.q_sb.assign(toys_, 0.0);
    e.q_b.assign(toys_, 0.0);
    std::vector<solver_status> failures(threads_);
    auto work = [&](unsigned worker) {
      for (std::size_t t = worker; t < toys_; t += threads_) {
        e.q_sb[t] = toy_statistic(mu, c.parameters, 0, t, failures[worker]);
        e.q_b[t] = toy_statistic(mu, obs_.background_only, 1, t, failures[worker]);
      }
    };
    if (threads_ == 1) {
      work(0);
    } else {
      std::vector<std::jthread> pool;
      for (unsigned w = 0; w < threads_; ++w) pool.emplace_back(work, w);
    }
    for (const auto& f : failures) keep_first_failure(e.status, f);
    std::sort(e.q_sb.begin(), e.q_sb.end());
    std::sort(e.q_b.begin(), e.q_b.end());
    return e;
  }

  /// Fraction of a sorted ensemble with q ≥ q0 (ties included).
  static double tail(const std::vector<double>& sorted, double q0) {
    const double cut = q0 - 1e-9 * (1 + q0);
    const auto it = std::lower_bound(sorted.begin(), sorted.end(), cut);
    return static_cast<double>(sorted.end() - it) / static_cast<double>(sorted.size());
  }

  static cls_result observed(const ensembles& e) {
    cls_result r;
    r.status = e.status;
    r.cl_sb = tail(e.q_sb, e.q_obs);
    r.cl_b = tail(e.q_b, e.q_obs);
    r.value = r.cl_b > 0 ? std::min(1.0, r.cl_sb / r.cl_b) : 0.0;
    return r;
  }

  /// Expected CLs for band N: q* = the background-only quantile with P_b(q ≥ q*) = Φ(N).
  static double expected(const ensembles& e, double n_sigma) {
    const double level = 1.0 - normal_cdf(n_sigma);
    const auto n = static_cast<double>(e.q_b.size());
    const auto k = static_cast<std::size_t>(std::clamp(std::floor(level * n), 0.0, n - 1.0));
    const double qstar = e.q_b[k];
    const double clb = tail(e.q_b, qstar);
    return clb > 0 ? std::min(1.0, tail(e.q_sb, qstar) / clb) : 0.0;
  }

 private:
  double toy_statistic(double mu, const std::vector<double>& generate, std::uint64_t hypothesis,
                       std::size_t toy, solver_status& st) const {
    toy_stream rng(seed_, hypothesis, toy);
    const std::vector<double> nu = lik_.expected(generate);
    dataset d;
    d.counts.resize(nu.size());
    for (std::size_t i = 0; i < nu.size(); ++i) d.counts[i] = rng.poisson(nu[i]);
    d.global_observables.resize(nu.size() + 1);
    for (std::size_t j = 0; j < nu.size() + 1; ++j)
      d.global_observables[j] = generate[j + 1] + rng.normal();
    std::vector<double> start = generate;
    start[0] = mu;
    const fit_result c = lik_.fit_conditional(mu, d, options_, start);
    const fit_result u = lik_.fit_unconditional(d, mu, options_);
    keep_first_failure(st, c.status);
    keep_first_failure(st, u.status);
    if (!std::isfinite(c.nll)) return std::numeric_limits<double>::infinity();
    return std::max(0.0, 2.0 * (c.nll - u.nll));
  }

  likelihood lik_;
  std::size_t toys_;
  std::uint64_t seed_;
  unsigned threads_ = 1;
  fit_options options_;
  observed_fits obs_;
};

/// Solves CLs(t) = α for t = μ Σs (events) by bracketing and toms748.
/// `cls_of_events` returns CLs and may update a status. Returns t (NaN on failure).
/// `guess` (events) starts the bracket search: halved while CLs(guess) < α, doubled while above.
inline double solve_events(const std::function<double(double)>& cls_of_events, double alpha,
                           int bits, solver_status& st, double guess = 2.0) {
  auto f = [&](double t) { return cls_of_events(t) - alpha; };
  double lo = 0, flo = 1 - alpha;
  double hi = guess > 0 && std::isfinite(guess) ? guess : 2.0, fhi = f(hi);
  for (int shrink = 0; fhi < 0 && shrink < 60; ++shrink) {  // CLs(0) = 1 > α bounds from below
    const double t = 0.5 * hi, ft = f(t);
    if (ft >= 0) {
      lo = t;
      flo = ft;
      break;
    }
    hi = t;
    fhi = ft;
  }
  int expansions = 0;
  while (fhi > 0) {
    lo = hi;
    flo = fhi;
    hi *= 2;
    fhi = f(hi);
    if (++expansions > 60 || !std::isfinite(fhi)) {
      keep_first_failure(st, {status::no_bracket, "CLs stays above 1 - CL up to 2^61 events"});
      return std::numeric_limits<double>::quiet_NaN();
    }
  }
  if (fhi == 0) return hi;
  std::uintmax_t iterations = 200;
  try {
    const auto [a, b] = boost::math::tools::toms748_solve(
        f, lo, hi, flo, fhi, boost::math::tools::eps_tolerance<double>(static_cast<unsigned>(bits)),
        iterations);
    if (iterations >= 200)
      keep_first_failure(st, {status::not_converged, "toms748: iteration limit"});
    return 0.5 * (a + b);
  } catch (const std::exception& e) {
    keep_first_failure(st, {status::numerical_error, e.what()});
    return std::numeric_limits<double>::quiet_NaN();
  }
}

inline void check_cl(std::string_view fn, double cl) {
  semivisible::detail::require_open_interval(fn, "cl", cl, 0.0, 1.0);
}

}  // namespace detail

namespace detail {

/// CLs at μ (validated inputs); `prepared` is the exact engine to reuse, or null.
inline cls_result cls_impl(const counting_model& model, std::span<const double> signal,
                           const cls_options& options, exact_cls* prepared) {
  switch (options.algorithm) {
    case method::exact: {
      if (prepared) return prepared->cls(signal, options.mu, model.observed());
      exact_cls e(model);
      return e.cls(signal, options.mu, model.observed());
    }
    case method::asymptotic: {
      asymptotic_cls a(model, signal, options.fit);
      return a.cls(options.mu);
    }
    case method::toys: {
      toys_cls t(model, signal, options.toys, options.seed, options.threads, options.fit);
      return toys_cls::observed(t.run(options.mu));
    }
  }
  return {};
}

/// Upper limit (validated inputs, total = Σ s); `prepared` as in cls_impl.
inline limit_result upper_limit_impl(const counting_model& model, std::span<const double> signal,
                                     double total, const limit_options& options,
                                     exact_cls* prepared) {
  const double alpha = 1 - options.cl;
  limit_result r;
  r.algorithm = options.algorithm;
  r.cl = options.cl;
  const int bits = options.bits > 0 ? options.bits : (options.algorithm == method::toys ? 14 : 40);
  std::array<double*, 5> band{&r.expected_minus2, &r.expected_minus1, &r.expected_median,
                              &r.expected_plus1, &r.expected_plus2};
  switch (options.algorithm) {
    case method::exact: {
      std::optional<exact_cls> local;
      if (!prepared) prepared = &local.emplace(model);
      exact_cls& e = *prepared;
      double guess = 2.0;  // events; the band's outcomes start from the previous limit
      int limit_bits = bits;
      auto limit_for = [&](std::span<const double> observed) {
        const double t = detail::solve_events(
            [&](double ev) {
              const cls_result c = e.cls(signal, ev / total, observed);
              detail::keep_first_failure(r.status, c.status);
              return c.value;
            },
            alpha, limit_bits, r.status, guess);
        if (std::isfinite(t)) guess = t;
        return t / total;
      };
      r.mu_upper = limit_for(model.observed());
      if (!options.expected) break;
      limit_bits = std::min(bits, 24);  // band quantiles: 1e-7 relative is plenty
      // Expected band: quantiles of μ_up(n) over the background-only marginal distribution.
      const std::size_t nb = model.bins();
      std::vector<std::size_t> cap(nb);
      std::vector<std::vector<double>> q(nb);
      for (std::size_t i = 0; i < nb; ++i) {
        std::size_t m = 0;
        double cdf = 0;
        const std::size_t hard = e.count_cap(i, 0.0);
        q[i] = e.background_pmf(i, hard);
        for (m = 0; m < hard; ++m) {
          cdf += q[i][m];
          if (cdf >= 1 - 1e-7) break;
        }
        cap[i] = m;
      }
      // Candidate outcomes (probability, counts), most probable first; keep them until the
      // omitted mass is < 1e-6 (it can move a quantile level by at most that).
      std::vector<std::pair<double, std::vector<std::size_t>>> candidates;
      std::vector<std::size_t> idx(nb, 0);
      while (true) {
        double p = 1;
        for (std::size_t i = 0; i < nb; ++i) p *= q[i][idx[i]];
        if (p > 1e-12) candidates.emplace_back(p, idx);
        std::size_t i = 0;
        while (i < nb && idx[i] == cap[i]) idx[i++] = 0;
        if (i == nb) break;
        ++idx[i];
        if (candidates.size() > 1000000) {
          detail::keep_first_failure(r.status, {status::not_converged, "too many outcomes"});
          break;
        }
      }
      std::sort(candidates.begin(), candidates.end(),
                [](const auto& a, const auto& b) { return a.first > b.first; });
      std::vector<std::pair<double, double>> outcomes;  // (μ_up, probability)
      std::vector<double> n(nb, 0.0);
      double kept = 0;
      for (const auto& [p, counts] : candidates) {
        for (std::size_t i = 0; i < nb; ++i) n[i] = static_cast<double>(counts[i]);
        outcomes.emplace_back(limit_for(n), p);
        kept += p;
        if (kept >= 1 - 1e-6) break;
      }
      std::sort(outcomes.begin(), outcomes.end());
      double mass = 0;
      for (const auto& o : outcomes) mass += o.second;
      for (std::size_t k = 0; k < 5; ++k) {
        const double level = detail::normal_cdf(detail::band_sigma[k]) * mass;
        double cum = 0;
        for (const auto& o : outcomes) {
          cum += o.second;
          if (cum >= level * (1 - 1e-12)) {
            *band[k] = o.first;
            break;
          }
        }
      }
      break;
    }
    case method::asymptotic: {
      detail::asymptotic_cls a(model, signal, options.fit);
      r.mu_upper = detail::solve_events(
                       [&](double t) {
                         const cls_result c = a.cls(t / total);
                         detail::keep_first_failure(r.status, c.status);
                         return c.value;
                       },
                       alpha, bits, r.status) /
                   total;
      if (!options.expected) break;
      for (std::size_t k = 0; k < 5; ++k) {
        const double n_sigma = detail::band_sigma[k];
        *band[k] = detail::solve_events(
                       [&](double t) { return a.expected_cls(t / total, n_sigma, r.status); },
                       alpha, bits, r.status) /
                   total;
      }
      break;
    }
    case method::toys: {
      detail::toys_cls t(model, signal, options.toys, options.seed, options.threads, options.fit);
      r.mu_upper = detail::solve_events(
                       [&](double ev) {
                         const cls_result c = detail::toys_cls::observed(t.run(ev / total));
                         detail::keep_first_failure(r.status, c.status);
                         return c.value;
                       },
                       alpha, bits, r.status) /
                   total;
      if (!options.expected) break;
      for (std::size_t k = 0; k < 5; ++k) {
        const double n_sigma = detail::band_sigma[k];
        *band[k] = detail::solve_events(
                       [&](double ev) {
                         const auto e = t.run(ev / total);
                         detail::keep_first_failure(r.status, e.status);
                         return detail::toys_cls::expected(e, n_sigma);
                       },
                       alpha, bits, r.status) /
                   total;
      }
      break;
    }
  }
  return r;
}

}  // namespace detail

/// CLs at μ = options.mu for signal shape `signal` (events per bin at μ = 1).
/// Throws invalid_parameter on a bad signal or μ; fit failures are reported in status.
inline cls_result cls(const counting_model& model, std::span<const double> signal,
                      const cls_options& options = {}) {
  constexpr std::string_view fn = "stats::cls";
  validate_signal(fn, model, signal);
  semivisible::detail::require_positive(fn, "mu", options.mu);
  return detail::cls_impl(model, signal, options, nullptr);
}

/// Upper limit on μ at options.cl (observed and, if options.expected, the expected band).
/// Throws invalid_parameter on bad input; solver trouble is reported in status.
inline limit_result upper_limit(const counting_model& model, std::span<const double> signal,
                                const limit_options& options = {}) {
  constexpr std::string_view fn = "stats::upper_limit";
  const double total = validate_signal(fn, model, signal);
  detail::check_cl(fn, options.cl);
  return detail::upper_limit_impl(model, signal, total, options, nullptr);
}

/// A model prepared for many signal shapes (the scans' hot loop): what depends only on the
/// background model — the nuisance quadrature nodes and the background-only marginal count
/// distributions of method::exact — is computed once and reused. Same results as the free
/// functions cls() and upper_limit(). Not thread-safe (it caches): one calculator per thread.
class cls_calculator {
 public:
  explicit cls_calculator(counting_model model, limit_options options = {})
      : model_(std::move(model)), options_(options), exact_(model_) {
    detail::check_cl("stats::cls_calculator", options_.cl);
  }

  [[nodiscard]] const counting_model& model() const noexcept { return model_; }
  [[nodiscard]] const limit_options& options() const noexcept { return options_; }

  /// CLs at μ (default 1) with the calculator's method; throws on a bad signal or μ.
  cls_result cls(std::span<const double> signal, double mu = 1.0) {
    constexpr std::string_view fn = "stats::cls_calculator::cls";
    validate_signal(fn, model_, signal);
    semivisible::detail::require_positive(fn, "mu", mu);
    cls_options o;
    o.algorithm = options_.algorithm;
    o.mu = mu;
    o.toys = options_.toys;
    o.seed = options_.seed;
    o.threads = options_.threads;
    o.fit = options_.fit;
    return detail::cls_impl(model_, signal, o, &exact_);
  }

  /// Upper limit on μ with the calculator's options; throws on a bad signal.
  limit_result upper_limit(std::span<const double> signal) {
    const double total = validate_signal("stats::cls_calculator::upper_limit", model_, signal);
    return detail::upper_limit_impl(model_, signal, total, options_, &exact_);
  }

 private:
  counting_model model_;
  limit_options options_;
  detail::exact_cls exact_;
};

}  // namespace semivisible::stats
