// semivisible/survey/relic.hpp — the thermal-relic ε at every α_D of a mass triple, from a few
// exact thermal-target solutions.
//
// The target y = ε² α_D (m_χ1/m_A′)⁴ of relic/thermal_target.hpp (1–6 ms per solution) depends on
// α_D only through the A′ width in the annihilation's Breit–Wigner (σ12 ∝ y otherwise: docs
// physics.md §8). A survey needs it at every α_D of every (m_A′, R, f), so by default it solves
// the target exactly at `alpha_nodes` α_D (log-spaced, the axis ends included) and interpolates
// ln(ε² α_D) = ln(y R⁴) by the Lagrange polynomial in ln α_D through them. y varies by up to ~3×
// over α_D = 1e-3–0.5 (the width, and ε itself, change the freeze-out); measured against the
// exact solve at 13 α_D for 18 (m_A′, R, f) in 0.02–0.5 GeV, R 2.2–5, f 0.05–1: largest error
// in ε 9 % with 3 nodes, 4 % with 4, 1.9 % with 5 (the default), 0.5 % with 6
// (tests/survey/engine.test.cpp checks 5 nodes to 2.5 %).
// `alpha_nodes = 0` (or an axis with no more points than nodes) solves every α_D exactly.
// Where a target fails, it is at the low-α_D end (ε² = y R⁴/α_D falls with α_D): a point needing
// ε > epsilon_max (1, relic/thermal_target.hpp) or whose root or width iteration does not
// converge (near R → 2 + f, at large m_χ1 and f). So the ends are solved first; if the lowest
// fails, the lowest point that solves is found by bisection on the axis (the failing points
// formed a prefix of the α_D axis in every triple measured) and the nodes are placed over the
// points from there up; an interior node that fails shrinks the range again. With no more points
// left than nodes they are solved exactly. The points below carry the failure's status: nothing
// is extrapolated.
// ε = √(y R⁴/α_D) with R = m_A′/m_χ1.
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/relic/thermal_target.hpp"

namespace semivisible::survey {

/// Settings of the relic column.
struct relic_settings {
  bool enabled = true;
  std::size_t alpha_nodes = 5;  ///< exact solutions per mass triple (0: every α_D exactly)
  relic::relic_options options{};
};

/// The relic ε (or the failure) at one α_D.
struct relic_value {
  std::optional<double> epsilon{};  ///< empty on failure
  solver_status status{};
};

namespace detail {

/// One exact relic ε at α_D (never throws; the status says why it failed).
inline relic_value solve_relic(double mass_chi1, double splitting, double mass_ratio, double alpha,
                               const relic::relic_options& options) {
  try {
    const auto t = relic::thermal_target(mass_chi1, splitting, alpha, mass_ratio, options);
    if (!t.status.ok() || !(t.y > 0)) return {std::nullopt, t.status};
    return {std::sqrt(t.y * std::pow(mass_ratio, 4) / alpha), {}};
  } catch (const invalid_parameter& e) {
    return {std::nullopt, {status::invalid_input, e.what()}};
  } catch (const std::exception& e) {
    return {std::nullopt, {status::numerical_error, e.what()}};
  }
}

/// The Lagrange polynomial through (lx, ly) at x.
inline double lagrange(const std::vector<double>& lx, const std::vector<double>& ly, double x) {
  double p = 0;
  for (std::size_t k = 0; k < lx.size(); ++k) {
    double l = 1;
    for (std::size_t j = 0; j < lx.size(); ++j)
      if (j != k) l *= (x - lx[j]) / (lx[k] - lx[j]);
    p += l * ly[k];
  }
  return p;
}

}  // namespace detail

/// The relic ε at each of `alphas` (ascending) for m_χ1 [GeV], Δ/m_χ1 and R = m_A′/m_χ1.
/// Never throws for a failed or refused solve: the status says why (bad m_χ1 → invalid_input).
[[nodiscard]] inline std::vector<relic_value> relic_epsilons(double mass_chi1, double splitting,
                                                             double mass_ratio,
                                                             const std::vector<double>& alphas,
                                                             const relic_settings& s) {
  std::vector<relic_value> out(alphas.size());
  if (!s.enabled || alphas.empty()) return out;
  const auto solve = [&](double alpha) {
    return detail::solve_relic(mass_chi1, splitting, mass_ratio, alpha, s.options);
  };
  std::vector<std::optional<relic_value>> memo(alphas.size());
  const auto at = [&](std::size_t i) -> const relic_value& {  // the exact solve at axis point i
    if (!memo[i]) memo[i] = solve(alphas[i]);
    return *memo[i];
  };
  const auto labelled = [](const relic_value& v, double alpha) {
    return relic_value{
        std::nullopt, {v.status.code, fmt::format("alpha_D node {}: {}", alpha, v.status.message)}};
  };
  const std::size_t n = s.alpha_nodes, last = alphas.size() - 1;
  if (n == 0 || alphas.size() <= n) {
    for (std::size_t i = 0; i <= last; ++i) out[i] = at(i);
    return out;
  }
  // Points below `first` carry `failure`.
  std::size_t first = 0;
  relic_value failure{};
  const auto finish = [&](std::size_t from) {
    for (std::size_t i = 0; i < from; ++i) out[i] = failure;
    return out;
  };
  if (!at(last).epsilon) {  // the top fails: nothing is covered
    failure = labelled(at(last), alphas[last]);
    return finish(alphas.size());
  }
  if (!at(0).epsilon) {
    // A failing low end: the failing α_D form a prefix of the axis (ε falls with α_D; so in every
    // triple measured), so bisect for the lowest point that solves.
    std::size_t lo = 0, hi = last;  // at(lo) fails, at(hi) solves
    while (hi - lo > 1) {
      const std::size_t mid = lo + (hi - lo) / 2;
      (at(mid).epsilon ? hi : lo) = mid;
    }
    failure = labelled(at(lo), alphas[lo]);
    first = hi;
  }
  for (;;) {
    if (last - first + 1 <= n) {  // no more points than nodes: every one exactly
      for (std::size_t i = first; i <= last; ++i) out[i] = at(i);
      return finish(first);
    }
    // n nodes log-spaced over [alphas[first], alphas[last]], the ends on the axis points
    const double a = std::log(alphas[first]), b = std::log(alphas[last]);
    std::vector<double> lx(n), ly(n);
    std::optional<std::size_t> failed_node;
    for (std::size_t k = n; k-- > 0 && !failed_node;) {
      lx[k] = a + (b - a) * static_cast<double>(k) / static_cast<double>(n - 1);
      const double alpha = k == 0 ? alphas[first] : k == n - 1 ? alphas[last] : std::exp(lx[k]);
      const relic_value v = k == 0 ? at(first) : k == n - 1 ? at(last) : solve(alpha);
      if (v.epsilon) {
        ly[k] = std::log(*v.epsilon * *v.epsilon * alpha);  // ln(ε² α_D) = ln y + 4 ln R
        continue;
      }
      failed_node = k;
      failure = labelled(v, alpha);
    }
    if (!failed_node) {  // interpolate between the nodes (never beyond them)
      for (std::size_t i = first; i <= last; ++i)
        out[i] = {std::sqrt(std::exp(detail::lagrange(lx, ly, std::log(alphas[i]))) / alphas[i]),
                  {}};
      return finish(first);
    }
    // an interior node failed: the range shrinks to the axis points above it
    const double failed_alpha = std::exp(lx[*failed_node]);
    while (!(alphas[first] > failed_alpha * (1 + 1e-12))) ++first;
  }
}

}  // namespace semivisible::survey
