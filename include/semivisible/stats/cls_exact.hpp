// semivisible/stats/cls_exact.hpp — the exact (hybrid) CLs engine: Poisson outcomes summed exactly.
//
// Method: the LEP/Tevatron construction (Junk, NIM A434 (1999) 435; Read, J. Phys. G 28 (2002)
// 2693). Test statistic Q = L(s+b)/L(b) at nominal nuisances, i.e. t = Σ n_i w_i with
// w_i = ln(1 + μ s_i/b_i); CL_{s+b} = P(t ≤ t_obs | μ), CL_b = P(t ≤ t_obs | 0), both summed
// exactly over the Poisson outcomes (recursive enumeration over bins; outcomes with
// t ≤ t_obs (1 + 1e-12) + 1e-12 min w count as ties, a tolerance relative to the weights so that
// it means the same for any background). Nuisances are integrated over their constraint priors
// (Cousins–Highland hybrid; Cousins & Highland, NIM A320 (1992) 331) with 40-point Gauss–Hermite
// quadrature (64-point Gauss–Legendre on the truncated range for a Gaussian cut at rate 0):
// given θ_s the bins are independent, the background-only marginal pmfs
// q_i(m) = E_θ[Pois(m | B_i(θ))] depend on the model only and are cached (in log space, so that
// they do not underflow at large b), and the s+b pmfs are Pois(μ s_i g_k) ⊗ q_i per signal node.
// In each evaluation the pmfs of bin i are scaled by their largest value on the summed range; the
// scale cancels in CLs = CL_{s+b}/CL_b, so CLs is right even where CL_b underflows.
// n = 0 in every signal bin (the scans' case) has a closed form: CLs = E[exp(−μ S g(θ_s))],
// S = Σ s_i — 2.303 events at 90 % CL for any background (ln 10).
// With no nuisances this is exact Poisson CLs (Helene's formula for one bin).
// Work: a convolution multiply-add is ½ unit of the work budget, a pmf term per prior node 10, an
// enumerated outcome 8 (a unit ≈ 1 ns on the reference machine); when the budget is spent
// (large counts, many bins) the engine says so (exhausted()) and the limit code falls back to the
// asymptotic engine (docs/statistics.md §7).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/numerics/log_factorial.hpp"
#include "semivisible/stats/cls_engine.hpp"
#include "semivisible/stats/cls_types.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/detail/exact_background.hpp"
#include "semivisible/stats/detail/work_budget.hpp"
#include "semivisible/stats/response.hpp"

namespace semivisible::stats {

/// The exact hybrid CLs engine for one model and signal shape (see the header comment).
/// Satisfies cls_engine and outcome_band_engine. Not thread-safe (caches): one per thread.
class exact_engine {
 public:
  /// An engine with its own background cache. Throws invalid_parameter on a bad signal.
  exact_engine(const counting_model& model, std::span<const double> signal,
               std::uint64_t work_budget = default_work_budget)
      : own_(std::in_place, model), background_(&*own_), work_(work_budget) {
    total_ = validate_signal("stats::exact_engine", model, signal);
    signal_.assign(signal.begin(), signal.end());
  }
  /// An engine on a prepared background cache (cls_calculator), which must outlive it.
  exact_engine(detail::exact_background& prepared, std::span<const double> signal,
               std::uint64_t work_budget = default_work_budget)
      : background_(&prepared), work_(work_budget) {
    total_ = validate_signal("stats::exact_engine", prepared.model(), signal);
    signal_.assign(signal.begin(), signal.end());
  }
  exact_engine(const exact_engine&) = delete;
  exact_engine& operator=(const exact_engine&) = delete;

  [[nodiscard]] static constexpr method algorithm() noexcept { return method::exact; }
  [[nodiscard]] double signal_total() const noexcept { return total_; }
  [[nodiscard]] const counting_model& model() const noexcept { return background_->model(); }
  [[nodiscard]] bool exhausted() const noexcept { return work_.exhausted(); }
  /// Why the budget ran out (empty while not exhausted).
  [[nodiscard]] const std::string& exhaustion_reason() const noexcept { return reason_; }
  [[nodiscard]] double work_used() const noexcept { return work_.used(); }
  /// False, and exhausted from now on, when `units` more would exceed the budget.
  bool afford(double units) {
    if (!work_.would_exceed(units)) return true;
    exhaust(
        fmt::format("the exact expected band (projected {:.3g} operations) exceeds the work "
                    "budget of {} operations",
                    work_.used() + units, work_.budget()));
    return false;
  }

  /// CLs of the observed counts at μ > 0.
  cls_result cls(double mu) { return cls(mu, model().observed()); }

  /// CLs of `counts` (one whole number ≥ 0 per bin) at μ > 0.
  cls_result cls(double mu, std::span<const double> counts) {
    constexpr std::string_view fn = "stats::exact_engine::cls";
    semivisible::detail::require_positive(fn, "mu", mu);
    if (counts.size() != signal_.size())
      semivisible::detail::throw_invalid(fn, "counts.size()", static_cast<double>(counts.size()),
                                         fmt::format("{} (= the model's bins)", signal_.size()));
    for (std::size_t i = 0; i < counts.size(); ++i)
      if (!(counts[i] >= 0) || !std::isfinite(counts[i]))
        semivisible::detail::throw_invalid(fn, fmt::format("counts[{}]", i), counts[i],
                                           "finite and >= 0");
    return evaluate(mu, counts);
  }

  /// The background-only outcomes (counts with probability > 1e-12 from the per-bin marginal
  /// pmfs, each bin up to its 1 − 1e-7 quantile), most probable first. Empty (and exhausted())
  /// when they cannot be listed within the budget.
  std::vector<weighted_outcome> background_outcomes() {
    std::vector<weighted_outcome> result;
    if (work_.exhausted()) return result;
    auto& bg = *background_;
    const std::size_t nb = signal_.size();
    std::vector<std::size_t> cap(nb);
    std::vector<std::vector<double>> q(nb);
    double product = 1;
    for (std::size_t i = 0; i < nb; ++i) {
      if (bg.rate_high(i) > detail::max_exact_rate)
        return give_up(fmt::format("the background of {:g} events in bin {} is beyond exact sums",
                                   model().background()[i], i),
                       false);
      const double hard = bg.count_cap(i, 0.0);
      std::size_t m = 0;
      double cdf = 0;
      for (m = 0; static_cast<double>(m) < hard; ++m) {
        if (!bg.grow(i, m, work_)) return give_up("the background-only outcomes");
        q[i].push_back(std::exp(bg.log_pmf(i, m)));
        cdf += q[i][m];
        if (cdf >= 1 - 1e-7) break;
      }
      if (!bg.grow(i, m, work_)) return give_up("the background-only outcomes");
      while (q[i].size() <= m) q[i].push_back(std::exp(bg.log_pmf(i, q[i].size())));
      cap[i] = m;
      product *= static_cast<double>(m + 1);
    }
    // Candidate outcomes (probability, counts); the loop visits every combination of the caps.
    if (!work_.charge(product * static_cast<double>(nb + 1)))
      return give_up(fmt::format("{:.3g} background-only outcomes", product));
    std::vector<std::pair<double, std::vector<std::size_t>>> candidates;
    std::vector<std::size_t> idx(nb, 0);
    while (true) {
      double p = 1;
      for (std::size_t i = 0; i < nb; ++i) p *= q[i][idx[i]];
      if (p > 1e-12) candidates.emplace_back(p, idx);
      if (candidates.size() > 1000000)
        return give_up(fmt::format("more than 1e6 background-only outcomes (of {:.3g})", product));
      std::size_t i = 0;
      while (i < nb && idx[i] == cap[i]) idx[i++] = 0;
      if (i == nb) break;
      ++idx[i];
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    result.reserve(candidates.size());
    for (const auto& [p, counts] : candidates) {
      weighted_outcome o;
      o.probability = p;
      o.counts.reserve(nb);
      for (std::size_t c : counts) o.counts.push_back(static_cast<double>(c));
      result.push_back(std::move(o));
    }
    return result;
  }

 private:
  std::vector<weighted_outcome> give_up(const std::string& what, bool budget = true) {
    exhaust(budget ? fmt::format("exact enumeration of {} exceeds the work budget of {} operations",
                                 what, work_.budget())
                   : what);
    return {};
  }
  /// Charges `units`; false (with a reason) once the budget is spent.
  bool spend(double units) {
    if (work_.charge(units)) return true;
    exhaust(fmt::format("the exact sums exceed the work budget of {} operations", work_.budget()));
    return false;
  }
  void exhaust(std::string why) {
    work_.exhaust();
    if (reason_.empty()) reason_ = std::move(why);
  }
  cls_result exhausted_result() const {
    cls_result r;
    r.value = r.cl_sb = r.cl_b = 1;
    r.algorithm = method::exact;
    r.status = {status::not_converged, reason_};
    return r;
  }

  /// Largest count of bin i with m w_i ≤ budget, as a real number.
  [[nodiscard]] double max_count(std::size_t i, double budget) const {
    return std::floor(budget / background_->w[i]);
  }

  cls_result evaluate(double mu, std::span<const double> observed) {
    auto& bg = *background_;
    const std::size_t nb = signal_.size();
    auto& w = bg.w;
    w.assign(nb, 0.0);
    double t_obs = 0, w_min = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < nb; ++i) {
      if (!(signal_[i] > 0)) continue;
      // t = Σ n_i ln(1 + μ s_i / b_i); b_i = 0 is replaced by 1e-200 (an enormous but finite
      // weight: those bins then dominate the ordering, which is the b → 0 limit). A weight that
      // underflows (s ≪ b) keeps the smallest normal value: the bin still orders outcomes.
      const double b = std::max(model().background()[i], 1e-200);
      w[i] = std::clamp(std::log1p(mu * signal_[i] / b), std::numeric_limits<double>::min(), 1e290);
      t_obs += observed[i] * w[i];
      w_min = std::min(w_min, w[i]);
    }
    // Exact ties count as "≤ t_obs"; the tolerance is relative to t_obs and to the weights.
    const double budget = t_obs * (1 + 1e-12) + 1e-12 * w_min;
    cls_result r;
    r.algorithm = method::exact;
    if (!spend(100.0 + 30.0 * static_cast<double>(nb))) return exhausted_result();
    // Fast path (n = 0 in every signal bin): only the outcome n = 0 counts, so
    // CL_b = Π q_i(0) and CL_{s+b} = CL_b · E[exp(−μ g(θ_s) Σ s_i)] — the same sum, closed form.
    bool zero_only = true;
    double signal_sum = 0;
    for (std::size_t i = 0; i < nb; ++i)
      if (w[i] > 0) {
        zero_only = zero_only && budget < w[i];
        signal_sum += signal_[i];
      }
    if (zero_only) {
      double log_clb = 0;
      for (std::size_t i = 0; i < nb; ++i)
        if (w[i] > 0) {
          if (!bg.grow(i, 0, work_)) return exhausted_result();
          log_clb += bg.log_pmf(i, 0);
        }
      double ratio = 0;
      for (std::size_t k = 0; k < bg.signal_factor.size(); ++k)
        ratio += bg.signal_weight[k] * std::exp(-mu * signal_sum * bg.signal_factor[k]);
      r.cl_b = std::exp(log_clb);
      r.value = std::min(1.0, ratio);
      r.cl_sb = r.cl_b * r.value;
      return r;
    }
    // Caps: per bin the largest count summed for CL_b and for any signal node.
    const double g_max = bg.signal_factor.back();
    bg.scaled.resize(nb);
    bg.probs.resize(nb);
    bg.scale.assign(nb, 0.0);
    double log_scale = 0;
    for (std::size_t i = 0; i < nb; ++i) {
      if (w[i] == 0) continue;
      if (bg.rate_high(i) > detail::max_exact_rate) {
        exhaust(fmt::format("the background of {:g} events in bin {} is beyond exact sums",
                            model().background()[i], i));
        return exhausted_result();
      }
      const double cap = std::min(bg.count_cap(i, mu * signal_[i] * g_max), max_count(i, budget));
      if (cap > 1e7 || !bg.grow(i, static_cast<std::size_t>(cap), work_)) {
        exhaust(
            fmt::format("exact sums over counts up to {:.3g} in bin {} exceed the work budget "
                        "of {} operations",
                        cap, i, work_.budget()));
        return exhausted_result();
      }
      // Scale q_i by its largest value on [0, cap]; the scale cancels in CLs.
      const auto top = static_cast<std::size_t>(cap);
      if (!spend(10.0 * (cap + 1))) return exhausted_result();
      double largest = -std::numeric_limits<double>::infinity();
      for (std::size_t m = 0; m <= top; ++m) largest = std::max(largest, bg.log_pmf(i, m));
      if (!std::isfinite(largest)) largest = 0;
      bg.scale[i] = largest;
      log_scale += largest;
      auto& s = bg.scaled[i];
      s.resize(top + 1);
      for (std::size_t m = 0; m <= top; ++m) s[m] = std::exp(bg.log_pmf(i, m) - largest);
    }
    // CL_b: background-only marginal, bins independent.
    for (std::size_t i = 0; i < nb; ++i) {
      if (w[i] == 0) continue;
      const double cap = std::min(bg.count_cap(i, 0.0), max_count(i, budget));
      const auto top = static_cast<std::size_t>(cap);
      bg.probs[i].assign(bg.scaled[i].begin(),
                         bg.scaled[i].begin() + static_cast<std::ptrdiff_t>(top + 1));
    }
    const double cl_b = enumerate(0, budget);
    if (work_.exhausted()) return exhausted_result();
    // CL_{s+b}: for each signal-nuisance node the bins are independent; p_i = Pois(λ_i) ⊗ q_i.
    double cl_sb = 0;
    for (std::size_t k = 0; k < bg.signal_factor.size(); ++k) {
      for (std::size_t i = 0; i < nb; ++i) {
        if (w[i] == 0) continue;
        const double lambda = mu * signal_[i] * bg.signal_factor[k];
        const auto cap =
            static_cast<std::size_t>(std::min(bg.count_cap(i, lambda), max_count(i, budget)));
        // ½ unit per multiply-add of the convolution (four add chains), 5 per Poisson term, 20
        // per bin and node
        const double cost = 0.25 * static_cast<double>(cap + 1) * static_cast<double>(cap + 2);
        if (!work_.charge(cost + 5.0 * static_cast<double>(cap) + 20.0)) {
          exhaust(
              fmt::format("exact sums over counts up to {} in bin {} exceed the work budget "
                          "of {} operations",
                          cap, i, work_.budget()));
          return exhausted_result();
        }
        const auto& q = bg.scaled[i];
        auto& p = bg.probs[i];
        auto& pois = bg.pois;
        p.assign(cap + 1, 0.0);
        pois.resize(cap + 1);
        pois[0] = std::exp(-lambda);
        for (std::size_t j = 1; j <= cap; ++j)
          pois[j] = lambda > 0 && lambda < 500
                        ? pois[j - 1] * lambda / static_cast<double>(j)
                        : std::exp(static_cast<double>(j) * std::log(lambda) - lambda -
                                   numerics::log_factorial(static_cast<double>(j)));
        for (std::size_t m = 0; m <= cap; ++m) {
          // Four local accumulators: no aliasing stores in the inner loop, and four independent
          // add chains instead of one (the loop is bound by the latency of the additions).
          double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
          std::size_t j = 0;
          for (; j + 3 <= m; j += 4) {
            a0 += pois[j] * q[m - j];
            a1 += pois[j + 1] * q[m - j - 1];
            a2 += pois[j + 2] * q[m - j - 2];
            a3 += pois[j + 3] * q[m - j - 3];
          }
          for (; j <= m; ++j) a0 += pois[j] * q[m - j];
          p[m] = (a0 + a1) + (a2 + a3);
        }
      }
      cl_sb += bg.signal_weight[k] * enumerate(0, budget);
      if (work_.exhausted()) return exhausted_result();
    }
    if (!(cl_b > 1e-280) || !std::isfinite(cl_sb)) {
      r.value = 0;
      r.cl_sb = r.cl_b = 0;
      r.status = {status::numerical_error,
                  fmt::format("exact CLs: CL_b = {:g} (scaled) cannot be resolved", cl_b)};
      return r;
    }
    const double unscale = std::exp(log_scale);
    r.cl_sb = std::min(1.0, cl_sb * unscale);
    r.cl_b = std::min(1.0, cl_b * unscale);
    r.value = std::min(1.0, cl_sb / cl_b);
    return r;
  }

  /// P(Σ_{j ≥ i} n_j w_j ≤ budget) with the per-bin pmfs probs (bins with w = 0 summed out);
  /// eight work units per outcome visited; 0 once the budget is spent.
  double enumerate(std::size_t i, double budget) {
    auto& bg = *background_;
    const auto& w = bg.w;
    if (i == 0) {  // prefix sums of the last bin with w > 0
      std::size_t last = w.size();
      while (last > 0 && w[last - 1] == 0) --last;
      if (last == 0) return 1.0;
      const auto& pl = bg.probs[last - 1];
      bg.cumulative.resize(pl.size());
      double c = 0;
      for (std::size_t m = 0; m < pl.size(); ++m) bg.cumulative[m] = c += pl[m];
    }
    while (i < w.size() && w[i] == 0) ++i;
    if (i == w.size()) return 1.0;
    const auto& p = bg.probs[i];
    // (a budget a rounding below 0 after exact ties still admits m = 0)
    const auto top = static_cast<std::size_t>(
        std::clamp(max_count(i, budget), 0.0, static_cast<double>(p.size() - 1)));
    std::size_t next = i + 1;
    while (next < w.size() && w[next] == 0) ++next;
    if (next == w.size()) return bg.cumulative[top];          // prefix sums of the last bin's pmf
    if (!work_.charge(8.0 * static_cast<double>(top + 1))) {  // 8 units per outcome visited
      exhaust(
          fmt::format("the exact enumeration of outcomes exceeds the work budget of {} "
                      "operations",
                      work_.budget()));
      return 0;
    }
    double sum = 0;
    for (std::size_t m = 0; m <= top && !work_.exhausted(); ++m)
      sum += p[m] * enumerate(next, budget - static_cast<double>(m) * w[i]);
    return sum;
  }

  std::optional<detail::exact_background> own_;
  detail::exact_background* background_;
  detail::work_counter work_;
  std::vector<double> signal_;
  double total_ = 0;
  std::string reason_;
};

static_assert(cls_engine<exact_engine> && outcome_band_engine<exact_engine>);

}  // namespace semivisible::stats
