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
// A node whose solve fails (the target's ε root or its width iteration not converging, ~2 % of
// the default grid, near R → 2 + f and at large m_χ1) leaves the whole triple without a relic ε,
// with that node's status: nothing is extrapolated, and the failing solves (slow: up to 12 width
// iterations) are not repeated for every α_D.
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

/// The relic ε at each of `alphas` (ascending) for m_χ1 [GeV], Δ/m_χ1 and R = m_A′/m_χ1.
/// Never throws for a failed or refused solve: the status says why (bad m_χ1 → invalid_input).
[[nodiscard]] inline std::vector<relic_value> relic_epsilons(double mass_chi1, double splitting,
                                                             double mass_ratio,
                                                             const std::vector<double>& alphas,
                                                             const relic_settings& s) {
  std::vector<relic_value> out(alphas.size());
  if (!s.enabled || alphas.empty()) return out;
  const auto solve = [&](double alpha) -> relic_value {
    try {
      const auto t = relic::thermal_target(mass_chi1, splitting, alpha, mass_ratio, s.options);
      if (!t.status.ok() || !(t.y > 0)) return {std::nullopt, t.status};
      return {std::sqrt(t.y * std::pow(mass_ratio, 4) / alpha), {}};
    } catch (const invalid_parameter& e) {
      return {std::nullopt, {status::invalid_input, e.what()}};
    } catch (const std::exception& e) {
      return {std::nullopt, {status::numerical_error, e.what()}};
    }
  };
  const std::size_t n = s.alpha_nodes;
  if (n == 0 || alphas.size() <= n) {
    for (std::size_t i = 0; i < alphas.size(); ++i) out[i] = solve(alphas[i]);
    return out;
  }
  // Nodes: log-spaced from the first to the last α_D.
  std::vector<double> lx, ly;
  const double a = std::log(alphas.front()), b = std::log(alphas.back());
  for (std::size_t k = 0; k < n; ++k) {
    const double x = n == 1 ? a : a + (b - a) * static_cast<double>(k) / static_cast<double>(n - 1);
    const double alpha = std::exp(x);
    const relic_value v = solve(alpha);
    if (!v.epsilon) {  // a node failed: no relic ε for this triple (never extrapolated)
      for (auto& o : out)
        o = {std::nullopt,
             {v.status.code, fmt::format("alpha_D node {}: {}", alpha, v.status.message)}};
      return out;
    }
    lx.push_back(x);
    ly.push_back(std::log(*v.epsilon * *v.epsilon * alpha));  // ln(ε² α_D) = ln y + 4 ln R
  }
  for (std::size_t i = 0; i < alphas.size(); ++i) {
    const double x = std::log(alphas[i]);
    double p = 0;  // Lagrange interpolation of ln(y R⁴) in ln α_D
    for (std::size_t k = 0; k < lx.size(); ++k) {
      double l = 1;
      for (std::size_t j = 0; j < lx.size(); ++j)
        if (j != k) l *= (x - lx[j]) / (lx[k] - lx[j]);
      p += l * ly[k];
    }
    out[i] = {std::sqrt(std::exp(p) / alphas[i]), {}};
  }
  return out;
}

}  // namespace semivisible::survey
