// semivisible/scan/planes.hpp — the physics planes of the NA64 2021 paper, for any experiment,
// on the generic engine.
//
// Three planes (the NA64 2021 paper, Fig. 4 and Fig. 5):
//   maprime_epsilon    x = m_A′ [GeV], y = ε       at α_D, m_A′/m_χ1, Δ/m_χ1 fixed (Fig. 4)
//   maprime_alphadark  x = m_A′ [GeV], y = α_D     at ε = ε_(g−2) central, ratios (Fig. 5 top)
//   mchi1_splitting    x = m_χ1 [GeV], y = Δ/m_χ1  at ε = ε_(g−2)(m_A′ = R m_χ1) (Fig. 5 bottom)
// A point (x, y) is excluded at confidence level CL when CLs(μ = 1) < 1 − CL for the expected
// signal of signal::yield_model in every region, on the experiment's counting model (one bin per
// region, scan/analysis.hpp). The
// test function handed to scan::excluded_intervals is t(y) = ln(CLs/(1 − CL)), negative where
// excluded. Per x, one stats::cls_calculator (it caches the background-only distributions), the A′
// spectra (they depend only on m_A′) and, on the first two planes, the whole yield_model are built
// once; ε and α_D then enter analytically (signal/yield.hpp). CLs is floored at the smallest normal
// double before the logarithm: deep inside an island CLs = e^{−S} underflows, and the floor keeps t
// finite without moving the CLs = 1 − CL edge.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/scan/analysis.hpp"
#include "semivisible/scan/collider_plane.hpp"
#include "semivisible/scan/engine.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/plane.hpp"
#include "semivisible/scan/spectrum_cache.hpp"
#include "semivisible/scan/yield_cache.hpp"
#include "semivisible/signal/yield.hpp"
#include "semivisible/stats/cls.hpp"
#include "semivisible/stats/counting_model.hpp"

namespace semivisible::scan {

/// Everything that defines one plane scan.
struct plane_config {
  plane which = plane::maprime_epsilon;
  experiment::experiment experiment;  ///< beam, target, sources, regions, analysis
  signal::yield_options yield{};      ///< model kind and exposure (0: the experiment's)
  /// Only these of the experiment's production sources (nullopt: all of them).
  std::optional<std::vector<std::string>> production{};
  double background_scale = 1.0;  ///< multiplies the backgrounds and their uncertainties
  double alpha_dark = model::benchmark_values::alpha_dark;            ///< fixed α_D (ε planes)
  double mass_ratio = model::benchmark_values::mass_ratio;            ///< m_A′/m_χ1
  double splitting_ratio = model::benchmark_values::splitting_ratio;  ///< Δ/m_χ1 (fixed planes)
  physics::gm2_discrepancy gm2 = physics::gm2_discrepancy_2021;       ///< ε_(g−2) of Fig. 5
  interval_options intervals{};  ///< y range (lo, hi) and edge tolerance
  /// Optional cache of A′ spectra shared with other scans (nullptr: each x builds its own).
  std::shared_ptr<spectrum_cache> spectra{};
  /// Optional cache of per-mass yield models shared between the ε and α_D planes of the same
  /// experiment (scan/yield_cache.hpp; nullptr: each x builds its own).
  std::shared_ptr<yield_cache> yields{};

  /// The exposure actually used (particles on target).
  [[nodiscard]] double exposure() const noexcept {
    return yield.exposure == 0 ? experiment.beam.particles_on_target : yield.exposure;
  }
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

/// A plane_config for experiment e with the plane's default y range filled in.
[[nodiscard]] inline plane_config make_plane_config(plane p, experiment::experiment e) {
  plane_config c;
  c.which = p;
  c.experiment = std::move(e);
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
  std::array<double, signal::max_regions> s{};
  double sum = 0;
  for (std::size_t k = 0; k < e.region_count; ++k) sum += s[k] = e.regions[k].events;
  if (!(sum > 0)) return -std::log(alpha);  // nothing expected: CLs = 1
  const stats::cls_result r = calculator.cls(std::span<const double>(s.data(), e.region_count));
  if (!r.status.ok())
    throw semivisible::domain_error(fmt::format("scan: CLs fit failed: {}", r.status.message));
  return std::log(std::max(r.value, std::numeric_limits<double>::min()) / alpha);
}

/// The yield_cache key of c's experiment: its name and the production sources used.
inline std::string yield_key(const plane_config& c) {
  std::string k = c.experiment.name + "|";
  if (c.production)
    for (const auto& s : *c.production) k += s + ",";
  else
    k += "*";
  return k;
}

inline stats::cls_calculator make_calculator(const plane_config& c) {
  return stats::cls_calculator(counting_model_of(c.experiment, c.background_scale),
                               limit_options_of(c.experiment));
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
/// The production sources (their mass-independent tables) are built here, once per scan.
[[nodiscard]] inline auto make_test_maker(const plane_config& c) {
  if (c.experiment.is_collider())
    throw invalid_parameter(fmt::format(
        "semivisible::scan::make_test_maker: experiment '{}' is a collider reinterpretation; use "
        "plane_per_x (scan/collider_plane.hpp)",
        c.experiment.name));
  auto sources = std::make_shared<const production::source_set>(c.experiment, c.production);
  // The CLs calculator caches the background-only distributions: built once here, copied per x.
  const auto calculator = detail::make_calculator(c);
  return [c, sources, calculator](double x) {
    const double m_aprime = c.which == plane::mchi1_splitting ? c.mass_ratio * x : x;
    // Spectra through the shared cache, or one of this x's own (the (m_χ1, Δ/m_χ1) plane builds
    // a yield_model per Δ at one m_A′: the spectra must not be rebuilt each time).
    const auto cache = c.spectra ? c.spectra : std::make_shared<spectrum_cache>();
    const auto providers = signal::providers_of(sources, cached(cache));
    auto options = c.yield;
    std::memcpy(&options.sampling.stream, &m_aprime, sizeof m_aprime);  // reproducible per mass
    // The ε and α_D planes build the same model at x: through c.yields when both are drawn.
    const auto model_at_x = [&] {
      const auto point = point_at(c, x, c.splitting_ratio);
      const auto build = [&] {
        return std::make_shared<const signal::yield_model>(c.experiment, point, providers, options);
      };
      return c.yields ? c.yields->get(detail::yield_key(c), point, options, build) : build();
    };
    std::function<double(double)> test;
    switch (c.which) {
      case plane::maprime_epsilon: {
        test = [calc = calculator, y = model_at_x()](double epsilon) mutable {
          return detail::exclusion_test(calc, y->events(epsilon));
        };
        break;
      }
      case plane::maprime_alphadark: {
        const double eps = epsilon_gm2(c, m_aprime);
        test = [calc = calculator, eps, y = model_at_x()](double alpha_dark) mutable {
          return detail::exclusion_test(calc, y->events(eps, alpha_dark));
        };
        break;
      }
      case plane::mchi1_splitting: {
        test = [c, x, calc = calculator, providers, options](double f) mutable {
          const auto point = point_at(c, x, f);  // ε = ε_(g−2)(m_A′)
          const signal::yield_model y(c.experiment, point, providers, options);
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
  j["model"] = std::string(signal::to_string(c.yield.kind));
  j["experiment"] = c.experiment.name;
  j["setup"] = c.experiment.name;
  std::string sources;
  for (const auto& spec : c.experiment.production)
    if (!c.production ||
        std::find(c.production->begin(), c.production->end(), spec.name) != c.production->end())
      sources += (sources.empty() ? "" : ",") + spec.name;
  j["production"] = sources;
  if (c.experiment.is_collider()) {  // a reinterpretation: no counting model (collider_plane.hpp)
    const auto& k = *c.experiment.collider;
    j["luminosity_fb"] = k.luminosity_fb;
    j["sqrt_s_GeV"] = k.sqrt_s_GeV;
    j["alpha_dark"] = c.alpha_dark;
    j["mass_ratio"] = c.mass_ratio;
    j["splitting"] = c.splitting_ratio;
    j["gm2_delta_amu"] = c.gm2.value;
    j["cl"] = k.limit.cl;
    j["reinterpreted_limit"] = std::filesystem::path(k.limit.file).filename().string();
    j["y_lo"] = c.intervals.lo;
    j["y_hi"] = c.intervals.hi;
    j["relative_tolerance"] = c.intervals.relative_tolerance;
    return j;
  }
  j["eot"] = c.exposure();
  j["alpha_dark"] = c.alpha_dark;
  j["mass_ratio"] = c.mass_ratio;
  j["splitting"] = c.splitting_ratio;
  j["gm2_delta_amu"] = c.gm2.value;
  const auto counts = counting_model_of(c.experiment, c.background_scale);
  j["cl"] = c.experiment.analysis.cl;
  j["method"] = c.experiment.analysis.method;
  j["observed"] = counts.observed();
  j["background"] = counts.background();
  j["background_uncertainty"] = counts.background_uncertainty();
  j["signal_uncertainty"] = counts.signal_uncertainty();
  j["y_lo"] = c.intervals.lo;
  j["y_hi"] = c.intervals.hi;
  j["relative_tolerance"] = c.intervals.relative_tolerance;
  return j;
}

namespace detail {
/// Refuses the options a collider reinterpretation cannot honour (it has no counting model and
/// no production sources: the published limit fixes the exposure, background and CL).
inline void check_collider_config(const plane_config& c) {
  constexpr const char* fn = "semivisible::scan::plane_per_x";
  const auto& e = c.experiment;
  const auto refuse = [&](std::string_view what) {
    throw invalid_parameter(
        fmt::format("{}: experiment '{}' reinterprets a published limit: {} cannot be changed", fn,
                    e.name, what));
  };
  if (c.production) refuse("the production sources");
  if (c.yield.exposure != 0) refuse("the exposure");
  if (c.background_scale != 1) refuse("the background (background_scale)");
  if (e.analysis.cl != e.collider->limit.cl)
    refuse(fmt::format("the confidence level (the limit is at CL {})", e.collider->limit.cl));
  if (e.analysis.signal_uncertainty != 0) refuse("the signal uncertainty");
  if (e.analysis.method != "exact") refuse("the statistical method");
}
}  // namespace detail

/// The per-x function of plane c (rows of excluded intervals at one x), for scan::run and for
/// refinements between grid points (scan/summary.hpp). A collider experiment goes through
/// scan/collider_plane.hpp.
[[nodiscard]] inline std::function<std::vector<exclusion_row>(double)> plane_per_x(
    const plane_config& c) {
  if (c.experiment.is_collider()) {
    detail::check_collider_config(c);
    return collider_per_x(*c.experiment.collider,
                          collider_plane_settings{c.which, c.yield.kind, c.alpha_dark, c.mass_ratio,
                                                  c.splitting_ratio, c.gm2, c.intervals});
  }
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
