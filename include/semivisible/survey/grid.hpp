// semivisible/survey/grid.hpp — the model grid of a survey: m_A′ × α_D × m_A′/m_χ1 × Δ/m_χ1.
//
// Four log-spaced axes (scan::log_grid: the same bit-exact values in every shard), defaults
// covering the region the NA64 2021 paper discusses (issue 16, "The survival map"):
//   m_A′ 0.01–1 GeV, α_D 1e-3–0.5 (perturbative: α_D ≤ 4π is the hard limit; the paper's
//   benchmark is 0.1), m_A′/m_χ1 2.1–5 (above the resonance m_A′ ≈ 2 m_χ1), Δ/m_χ1 0.05–1.
// A′ → χ1χ2 is open when m_A′ > m_χ1 + m_χ2 = m_χ1 (2 + Δ/m_χ1), i.e. R > 2 + f with
// R = m_A′/m_χ1, f = Δ/m_χ1. Grid points with R ≤ 2 + f are kept in the table with status
// `closed` (the rectangular grid stays simple to shard and merge); a grid without any open point
// is refused. Point order (the table's row order and `point_index`): α_D runs fastest, then
// Δ/m_χ1, then m_A′/m_χ1, then m_A′. A "mass triple" (m_A′, R, f) — everything the expensive
// per-mass precompute depends on — is one work unit; its α_D values are consecutive rows.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/scan/grid.hpp"

namespace semivisible::survey {

/// One log-spaced axis: `points` values from lo to hi (points = 1 requires lo = hi).
struct axis {
  double lo = 0;
  double hi = 0;
  std::size_t points = 0;
  friend bool operator==(const axis&, const axis&) = default;
};

/// Largest number of model points of one survey (10⁹: the rows alone would be ~100 GB).
inline constexpr std::size_t max_survey_points = 1'000'000'000;

/// The four axes. Defaults: the ranges, 40 × 50 × 10 × 10 = 2·10⁵ points (α_D is the
/// cheap axis: it enters only the lifetime and the branching, not the per-mass precompute).
struct grid {
  axis mass_aprime{0.01, 1.0, 40};  ///< m_A′ [GeV]
  axis alpha_dark{1e-3, 0.5, 50};   ///< α_D
  axis mass_ratio{2.1, 5.0, 10};    ///< m_A′/m_χ1
  axis splitting{0.05, 1.0, 10};    ///< Δ/m_χ1
  friend bool operator==(const grid&, const grid&) = default;

  [[nodiscard]] std::size_t triple_count() const noexcept {
    return mass_aprime.points * mass_ratio.points * splitting.points;
  }
  [[nodiscard]] std::size_t point_count() const noexcept {
    return triple_count() * alpha_dark.points;
  }
};

/// The values of an axis (scan::log_grid; points = 1: {lo}).
[[nodiscard]] inline std::vector<double> values(const axis& a) {
  return scan::log_grid(a.lo, a.hi, a.points);
}

/// The grid indices of one mass triple t (0-based; t = (i_m N_R + i_R) N_f + i_f).
struct triple_index {
  std::size_t mass_aprime, mass_ratio, splitting;
};
[[nodiscard]] inline triple_index triple_at(const grid& g, std::size_t t) noexcept {
  const std::size_t f = t % g.splitting.points;
  t /= g.splitting.points;
  return {t / g.mass_ratio.points, t % g.mass_ratio.points, f};
}

/// The point index of α_D index `a` in triple t.
[[nodiscard]] constexpr std::size_t point_index(const grid& g, std::size_t t,
                                                std::size_t a) noexcept {
  return t * g.alpha_dark.points + a;
}

/// A′ → χ1χ2 open: R > 2 + f (m_A′ > m_χ1 + m_χ2 = m_χ1 (2 + Δ/m_χ1)).
[[nodiscard]] constexpr bool decay_open(double mass_ratio, double splitting) noexcept {
  return mass_ratio > 2 + splitting;
}

namespace detail {
inline void check_axis(const axis& a, std::string_view name, double min, double max,
                       std::string_view what) {
  constexpr const char* fn = "semivisible::survey::validate";
  if (a.points == 0)
    throw invalid_parameter(fmt::format(
        "{}: {} points = 0, but must be >= 1 (a survey of zero points computes nothing)", fn,
        name));
  if (!std::isfinite(a.lo) || !std::isfinite(a.hi) || !(a.lo > 0))
    throw invalid_parameter(fmt::format("{}: {} range = {}:{}, but must be finite and > 0 ({})", fn,
                                        name, a.lo, a.hi, what));
  if (a.points == 1 ? !(a.lo == a.hi) : !(a.lo < a.hi))
    throw invalid_parameter(fmt::format(
        "{}: {} range = {}:{} with {} points, but must have LO < HI (or LO = HI for 1 point)", fn,
        name, a.lo, a.hi, a.points));
  if (!(a.lo >= min) || !(a.hi <= max))
    throw invalid_parameter(fmt::format("{}: {} range = {}:{}, but must lie in [{}, {}] ({})", fn,
                                        name, a.lo, a.hi, min, max, what));
}
}  // namespace detail

/// Throws invalid_parameter, naming the axis and its values, unless the grid is usable: every axis
/// with ≥ 1 point and a valid range; m_A′ in the model's domain; α_D ≤ 4π; m_A′/m_χ1 > 2;
/// Δ/m_χ1 > 0; at least one point with A′ → χ1χ2 open (R_max > 2 + f_min); ≤ max_survey_points.
inline void validate(const grid& g) {
  constexpr const char* fn = "semivisible::survey::validate";
  using L = model::limits;
  detail::check_axis(g.mass_aprime, "m_aprime", L::mass_min_GeV, L::mass_max_GeV, "GeV");
  detail::check_axis(g.alpha_dark, "alpha_dark", L::alpha_dark_min, L::alpha_dark_max,
                     "alpha_D <= 4 pi, the perturbativity bound");
  detail::check_axis(g.mass_ratio, "mass_ratio", 2.0, 1e6, "m_A'/m_chi1 > 2");
  if (!(g.mass_ratio.lo > 2))
    throw invalid_parameter(fmt::format(
        "{}: mass_ratio range = {}:{}, but LO must be > 2 (m_A'/m_chi1 <= 2 + Delta/m_chi1: "
        "A' -> chi1 chi2 closed for every splitting)",
        fn, g.mass_ratio.lo, g.mass_ratio.hi));
  detail::check_axis(g.splitting, "splitting", 1e-12, 1e6, "Delta/m_chi1 > 0");
  if (!decay_open(g.mass_ratio.hi, g.splitting.lo))
    throw invalid_parameter(fmt::format(
        "{}: mass_ratio range = {}:{} and splitting range = {}:{}, but no point has "
        "m_A'/m_chi1 > 2 + Delta/m_chi1 (A' -> chi1 chi2 closed everywhere: m_A' must exceed "
        "m_chi1 + m_chi2 = m_chi1 (2 + Delta/m_chi1))",
        fn, g.mass_ratio.lo, g.mass_ratio.hi, g.splitting.lo, g.splitting.hi));
  const double n =
      static_cast<double>(g.mass_aprime.points) * static_cast<double>(g.alpha_dark.points) *
      static_cast<double>(g.mass_ratio.points) * static_cast<double>(g.splitting.points);
  if (n > static_cast<double>(max_survey_points))
    throw invalid_parameter(
        fmt::format("{}: points = {}, but must be <= {}", fn, n, max_survey_points));
}

/// {"lo", "hi", "points", "spacing": "log"} per axis (recorded in survey.json for merge).
[[nodiscard]] inline nlohmann::ordered_json to_json(const grid& g) {
  const auto one = [](const axis& a) {
    nlohmann::ordered_json j;
    j["spacing"] = "log";
    j["lo"] = a.lo;
    j["hi"] = a.hi;
    j["points"] = a.points;
    return j;
  };
  nlohmann::ordered_json j;
  j["m_aprime_GeV"] = one(g.mass_aprime);
  j["alpha_dark"] = one(g.alpha_dark);
  j["mass_ratio"] = one(g.mass_ratio);
  j["splitting"] = one(g.splitting);
  return j;
}

}  // namespace semivisible::survey
