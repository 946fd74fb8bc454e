// semivisible/scan/planes.hpp — the physics planes of the NA64 2021 paper on the generic engine.
//
// Three planes (the NA64 2021 paper, Fig. 4 and Fig. 5):
//   maprime_epsilon    x = m_A′ [GeV], y = ε       at α_D, m_A′/m_χ1, Δ/m_χ1 fixed (Fig. 4)
//   maprime_alphadark  x = m_A′ [GeV], y = α_D     at ε = ε_(g−2) central, ratios (Fig. 5 top)
//   mchi1_splitting    x = m_χ1 [GeV], y = Δ/m_χ1  at ε = ε_(g−2)(m_A′ = R m_χ1) (Fig. 5 bottom)
// A point (x, y) is excluded at confidence level CL when CLs(μ = 1) < 1 − CL for the expected
// signal (S1, S2) of signal::yield_model on the two-bin counting model of the analysis. The
// test function handed to scan::excluded_intervals is t(y) = ln(CLs/(1 − CL)), negative where
// excluded. Per x, one stats::cls_calculator (it caches the background-only distributions), the A′
// spectrum (it depends only on m_A′) and, on the first two planes, the whole yield_model are built
// once; ε and α_D then enter analytically (signal/yield.hpp). CLs is floored at the smallest normal
// double before the logarithm: deep inside an island CLs = e^{−S} underflows, and the floor keeps t
// finite without moving the CLs = 1 − CL edge.
#pragma once

#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/detector/setup.hpp"
#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/scan/engine.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/spectrum_cache.hpp"
#include "semivisible/signal/yield.hpp"
#include "semivisible/stats/cls.hpp"
#include "semivisible/stats/counting_model.hpp"

namespace semivisible::scan {

/// The parameter planes of the NA64 2021 paper's figures.
enum class plane { maprime_epsilon, maprime_alphadark, mchi1_splitting };

/// The CLI spelling of a plane (../shared/design/cli.md: --plane).
constexpr std::string_view to_string(plane p) noexcept {
  switch (p) {
    case plane::maprime_epsilon:
      return "maprime-epsilon";
    case plane::maprime_alphadark:
      return "maprime-alphadark";
    case plane::mchi1_splitting:
      return "mchi1-splitting";
  }
  return "unknown";
}

/// Parses "maprime-epsilon", "maprime-alphadark" or "mchi1-splitting".
inline plane plane_from_string(std::string_view name) {
  for (plane p : {plane::maprime_epsilon, plane::maprime_alphadark, plane::mchi1_splitting})
    if (name == to_string(p)) return p;
  throw invalid_parameter(fmt::format(
      "semivisible::scan::plane_from_string: plane = '{}', but must be maprime-epsilon, "
      "maprime-alphadark or mchi1-splitting",
      name));
}

/// The statistical side of a search: observed counts and backgrounds per signal region
/// (S1, S2), the relative signal uncertainty, the CLs method and the confidence level.
struct analysis {
  stats::counting_model counts;
  stats::method algorithm = stats::default_scan_method;
  double cl = 0.9;
};

/// NA64 2016–2018 as re-cast by the NA64 2021 paper: 0 events observed in S1 and S2, expected
/// backgrounds 0.19 ± 0.07 (S1, PRL 125 081801) and 0.53 ± 0.17 (S2, PRL 123 121801), all signal
/// uncertainties together ≤ 20 % (taken as 20 %, log-normal), CLs at 90 % CL.
/// `background_scale` multiplies backgrounds and their uncertainties (projections).
[[nodiscard]] inline analysis na64_2016_2018_analysis(double background_scale = 1.0) {
  semivisible::detail::require_non_negative("semivisible::scan::na64_2016_2018_analysis",
                                            "background_scale", background_scale);
  const double k = background_scale;
  return {stats::counting_model({0.0, 0.0}, {0.19 * k, 0.53 * k}, {0.07 * k, 0.17 * k}, 0.2),
          stats::default_scan_method, 0.9};
}

/// Everything that defines one plane scan.
struct plane_config {
  plane which = plane::maprime_epsilon;
  detector::setup setup = detector::na64_2016_2018();
  signal::yield_options yield{};  ///< EOT, model kind, efficiencies, calibration
  analysis stats = na64_2016_2018_analysis();
  double alpha_dark = model::benchmark_values::alpha_dark;            ///< fixed α_D (ε planes)
  double mass_ratio = model::benchmark_values::mass_ratio;            ///< m_A′/m_χ1
  double splitting_ratio = model::benchmark_values::splitting_ratio;  ///< Δ/m_χ1 (fixed planes)
  physics::gm2_discrepancy gm2 = physics::gm2_discrepancy_2021;       ///< ε_(g−2) of Fig. 5
  interval_options intervals{};  ///< y range (lo, hi) and edge tolerance
  /// Optional cache of A′ spectra shared with other scans (nullptr: each x builds its own).
  std::shared_ptr<spectrum_cache> spectra{};
};

/// Default y range and x range of each plane [GeV or dimensionless].
struct plane_ranges {
  double x_lo, x_hi, y_lo, y_hi;
};

[[nodiscard]] constexpr plane_ranges default_ranges(plane p) noexcept {
  switch (p) {
    case plane::maprime_epsilon:
      return {1e-3, 1.0, 1e-6, 1e-1};
    case plane::maprime_alphadark:
      return {1e-3, 1.0, 1e-4, 1.0};
    case plane::mchi1_splitting:
      return {1e-3, 0.33, 1e-2, 0.99};
  }
  return {1e-3, 1.0, 1e-6, 1e-1};
}

/// A plane_config with the plane's default y range filled in.
[[nodiscard]] inline plane_config make_plane_config(plane p) {
  plane_config c;
  c.which = p;
  const plane_ranges r = default_ranges(p);
  c.intervals.lo = r.y_lo;
  c.intervals.hi = r.y_hi;
  return c;
}

namespace detail {

/// t = ln(CLs/(1 − CL)) for the expected events; −ln(1 − CL) > 0 when no signal is expected.
/// `calculator` caches the background-only part of the CLs computation (one per x and thread).
inline double exclusion_test(stats::cls_calculator& calculator, const signal::expected_events& e) {
  const double alpha = 1 - calculator.options().cl;
  const std::array<double, 2> s{e.events_s1, e.events_s2};
  if (!(s[0] + s[1] > 0)) return -std::log(alpha);  // nothing expected: CLs = 1
  const stats::cls_result r = calculator.cls(s);
  if (!r.status.ok())
    throw semivisible::domain_error(fmt::format("scan: CLs fit failed: {}", r.status.message));
  return std::log(std::max(r.value, std::numeric_limits<double>::min()) / alpha);
}

inline stats::cls_calculator make_calculator(const analysis& a) {
  stats::limit_options o;
  o.cl = a.cl;
  o.algorithm = a.algorithm;
  o.expected = false;
  o.threads = 1;  // the scan is already parallel over x
  return stats::cls_calculator(a.counts, o);
}

}  // namespace detail

/// ε on the Fig. 5 planes: the central value of the g−2 band at m_A′.
[[nodiscard]] inline double epsilon_gm2(const plane_config& c, double mass_aprime) {
  return physics::gm2_band(mass_aprime, c.gm2).central;
}

/// The model point of plane c at x (and, on the m_χ1 plane, Δ/m_χ1 = f).
[[nodiscard]] inline model::parameters<double> point_at(const plane_config& c, double x, double f) {
  if (c.which == plane::mchi1_splitting) {
    const double m_aprime = c.mass_ratio * x;
    return model::parameters<double>::from_mass_chi1(m_aprime, epsilon_gm2(c, m_aprime),
                                                     c.alpha_dark, x, f);
  }
  return model::parameters<double>::from_ratios(x, 1e-3, c.alpha_dark, c.mass_ratio, f);
}

/// The per-x test maker for scan::excluded_intervals_per_x: builds the per-mass precompute once
/// and returns t(y) (negative where excluded). Thread-safe: captures copies only.
/// The electron track-length tables depend only on the setup and are built here, once per scan.
[[nodiscard]] inline auto make_test_maker(const plane_config& c) {
  auto track =
      std::make_shared<const production::primary_track_length>(signal::make_track_length(c.setup));
  // The CLs calculator caches the background-only distributions: built once here, copied per x.
  const auto calculator = detail::make_calculator(c.stats);
  return [c, track, calculator](double x) {
    const double m_aprime = c.which == plane::mchi1_splitting ? c.mass_ratio * x : x;
    const auto shared = c.spectra ? c.spectra->get(m_aprime, c.setup, *track)
                                  : std::make_shared<const production::aprime_spectrum>(
                                        signal::make_spectrum(m_aprime, c.setup, *track));
    const production::aprime_spectrum& spectrum = *shared;
    std::function<double(double)> test;
    switch (c.which) {
      case plane::maprime_epsilon: {
        signal::yield_model y(spectrum, point_at(c, x, c.splitting_ratio), c.setup, c.yield);
        test = [calc = calculator, y = std::move(y)](double epsilon) mutable {
          return detail::exclusion_test(calc, y.events(epsilon));
        };
        break;
      }
      case plane::maprime_alphadark: {
        signal::yield_model y(spectrum, point_at(c, x, c.splitting_ratio), c.setup, c.yield);
        const double eps = epsilon_gm2(c, m_aprime);
        test = [calc = calculator, eps, y = std::move(y)](double alpha_dark) mutable {
          return detail::exclusion_test(calc, y.events(eps, alpha_dark));
        };
        break;
      }
      case plane::mchi1_splitting: {
        test = [c, x, calc = calculator, shared](double f) mutable {
          const auto point = point_at(c, x, f);  // ε = ε_(g−2)(m_A′)
          const signal::yield_model y(*shared, point, c.setup, c.yield);
          return detail::exclusion_test(calc, y.events(point.epsilon(), point.alpha_dark()));
        };
        break;
      }
    }
    return test;
  };
}

/// The run's parameters as JSON (written beside the CSV; merge checks shards agree on them).
[[nodiscard]] inline nlohmann::ordered_json describe(const plane_config& c) {
  nlohmann::ordered_json j;
  j["plane"] = std::string(to_string(c.which));
  j["model"] = c.yield.kind == signal::model_kind::invisible ? "invisible" : "semivisible";
  j["setup"] = c.setup.name;
  j["eot"] = c.yield.eot;
  j["alpha_dark"] = c.alpha_dark;
  j["mass_ratio"] = c.mass_ratio;
  j["splitting"] = c.splitting_ratio;
  j["gm2_delta_amu"] = c.gm2.value;
  j["cl"] = c.stats.cl;
  j["method"] = std::string(stats::to_string(c.stats.algorithm));
  j["observed"] = c.stats.counts.observed();
  j["background"] = c.stats.counts.background();
  j["background_uncertainty"] = c.stats.counts.background_uncertainty();
  j["signal_uncertainty"] = c.stats.counts.signal_uncertainty();
  j["y_lo"] = c.intervals.lo;
  j["y_hi"] = c.intervals.hi;
  j["relative_tolerance"] = c.intervals.relative_tolerance;
  return j;
}

/// The per-x function of plane c (rows of excluded intervals at one x), for scan::run and for
/// refinements between grid points (scan/summary.hpp).
[[nodiscard]] inline auto plane_per_x(const plane_config& c) {
  return excluded_intervals_per_x(make_test_maker(c), c.intervals);
}

/// Scans plane c over the ascending grid xs (see scan::run for sharding, threads, progress).
[[nodiscard]] inline exclusion_table scan_plane(const plane_config& c,
                                                const std::vector<double>& xs,
                                                const run_options& options = {}) {
  constexpr const char* fn = "semivisible::scan::scan_plane";
  semivisible::detail::require_positive(fn, "intervals.lo", c.intervals.lo);
  if (!(c.intervals.hi > c.intervals.lo))
    semivisible::detail::throw_invalid(fn, "intervals.hi", c.intervals.hi,
                                       fmt::format("> intervals.lo = {}", c.intervals.lo));
  if (c.which == plane::mchi1_splitting && !(c.intervals.hi < c.mass_ratio - 2))
    semivisible::detail::throw_invalid(
        fn, "intervals.hi", c.intervals.hi,
        fmt::format("< mass_ratio - 2 = {} (A' -> chi1 chi2 must stay open)", c.mass_ratio - 2));
  return run(xs, plane_per_x(c), options, describe(c));
}

}  // namespace semivisible::scan
