// web/src/request.hpp — the explorer's requests (JSON objects sent by the page's worker) turned
// into the library's inputs, with the checks the `semivisible scan` command makes.
//
// A plane request is the JSON object
//   {"plane": "maprime-epsilon", "model": "semivisible", "experiment": "na64-2016-2018",
//    "experiment_json": "<text>" (optional: replaces "experiment"), "alpha_dark": 0.1,
//    "mass_ratio": 3, "splitting": 0.4, "x_range": [1e-3, 1], "points": 100,
//    "y_range": [1e-6, 0.1], "exposure": 0, "tolerance": 1e-3, "gm2": "2021",
//    "background_scale": 1}
// where every key but "experiment"/"experiment_json" may be left out (then: the CLI's default).
// The keys are the CLI's options (docs/cli.md) without the leading "--"; "x_range" is --range,
// "y_range" is --y-range. The result is the plane_config that examples/cli/scan_options.hpp
// builds from the same options, and the x grid of scan::log_grid, so that the page and the CLI
// compute the same numbers. Every error throws semivisible::invalid_parameter whose message
// names the request key and the value (the page shows it and keeps its previous plot).
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/experiment/load.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/signal/model_kind.hpp"

namespace semivisible::web {

using json = nlohmann::json;

namespace detail {

[[noreturn]] inline void bad(std::string_view key, const json& value, std::string_view why) {
  throw invalid_parameter(fmt::format("{} = {}, but {}", key, value.dump(), why));
}

/// The number under `key` (default when absent or null); throws unless it is a finite number.
inline double number(const json& j, std::string_view key, double fallback) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number()) bad(key, *it, "must be a number");
  const double v = it->get<double>();
  if (!std::isfinite(v)) bad(key, *it, "must be finite");
  return v;
}

inline double positive(const json& j, std::string_view key, double fallback) {
  const double v = number(j, key, fallback);
  if (!(v > 0)) bad(key, json(v), "must be > 0");
  return v;
}

inline std::string text(const json& j, std::string_view key, std::string fallback) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_string()) bad(key, *it, "must be a string");
  return it->get<std::string>();
}

/// [lo, hi] under `key`: two finite numbers with 0 < lo < hi (a log axis).
inline scan::range log_range(const json& j, std::string_view key, scan::range fallback) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number())
    bad(key, *it, "must be [lo, hi] with two numbers");
  const scan::range r{(*it)[0].get<double>(), (*it)[1].get<double>()};
  if (!std::isfinite(r.lo) || !(r.lo > 0)) bad(key, *it, "lo must be finite and > 0 (log axis)");
  if (!std::isfinite(r.hi) || !(r.hi > r.lo)) bad(key, *it, "must have lo < hi (finite)");
  return r;
}

inline void within(std::string_view key, scan::range r, double min, double max,
                   std::string_view what) {
  if (!(r.lo >= min) || !(r.hi <= max))
    bad(key, json::array({r.lo, r.hi}), fmt::format("{} must lie in [{}, {}]", what, min, max));
}

}  // namespace detail

/// The experiment of a request: "experiment_json" (text; relative efficiency-table paths are
/// resolved against data_dir/experiments, as for a built-in) or the built-in "experiment".
[[nodiscard]] inline experiment::experiment experiment_of(const json& request,
                                                          const std::filesystem::path& data_dir) {
  if (const auto it = request.find("experiment_json"); it != request.end() && !it->is_null()) {
    if (!it->is_string()) detail::bad("experiment_json", *it, "must be the JSON text");
    json parsed;
    try {
      parsed = json::parse(it->get<std::string>());
    } catch (const json::parse_error& e) {
      throw invalid_parameter(fmt::format("experiment JSON: not valid JSON: {}", e.what()));
    }
    return experiment::from_json(parsed, "experiment JSON", data_dir / "experiments");
  }
  return experiment::builtin(detail::text(request, "experiment", "na64-2016-2018"), data_dir);
}

/// What a plane request asks for: the configuration and the x grid.
struct plane_request {
  scan::plane_config config;
  scan::range x_range{};
  std::size_t points = 0;
  std::vector<double> xs;
};

/// Largest number of x points the page may ask for (the CLI allows more; a browser tab should
/// not be asked for hours of work).
inline constexpr std::size_t max_points = 2000;

/// The plane request `j` (see the header comment); throws invalid_parameter naming the key.
[[nodiscard]] inline plane_request parse_plane_request(const json& j,
                                                       const std::filesystem::path& data_dir) {
  if (!j.is_object()) detail::bad("request", j, "must be a JSON object");
  using L = model::limits;
  const scan::plane which = scan::plane_from_string(detail::text(j, "plane", "maprime-epsilon"));
  const auto kind = signal::model_kind_from_string(detail::text(j, "model", "semivisible"));
  const double alpha_dark = detail::number(j, "alpha_dark", model::benchmark_values::alpha_dark);
  if (!(alpha_dark >= L::alpha_dark_min && alpha_dark <= L::alpha_dark_max))
    detail::bad("alpha_dark", json(alpha_dark),
                fmt::format("must be in [{}, {}] (alpha_D <= 4 pi: perturbative g_D)",
                            L::alpha_dark_min, L::alpha_dark_max));
  const double mass_ratio = detail::positive(j, "mass_ratio", model::benchmark_values::mass_ratio);
  const double splitting =
      detail::positive(j, "splitting", model::benchmark_values::splitting_ratio);
  if (!(mass_ratio > 2 + splitting))
    detail::bad(
        "mass_ratio", json(mass_ratio),
        fmt::format("must be > 2 + splitting = {} (A' -> chi1 chi2 must be open)", 2 + splitting));
  const double exposure = detail::number(j, "exposure", 0.0);
  if (exposure < 0) detail::bad("exposure", json(exposure), "must be >= 0 (0: the experiment's)");
  const double tolerance = detail::number(j, "tolerance", 1e-3);
  if (!(tolerance > 0 && tolerance < 1))
    detail::bad("tolerance", json(tolerance), "must be in (0, 1)");
  const double background_scale = detail::number(j, "background_scale", 1.0);
  if (!(background_scale >= 0))
    detail::bad("background_scale", json(background_scale), "must be >= 0");
  const std::string gm2 = detail::text(j, "gm2", "2021");
  if (gm2 != "2021" && gm2 != "bnl") detail::bad("gm2", json(gm2), "must be \"2021\" or \"bnl\"");

  plane_request r;
  scan::plane_config& c = r.config;
  c = scan::make_plane_config(which, experiment_of(j, data_dir));
  c.yield.kind = kind;
  c.yield.exposure = exposure;
  c.background_scale = background_scale;
  c.alpha_dark = alpha_dark;
  c.mass_ratio = mass_ratio;
  c.splitting_ratio = splitting;
  c.gm2 = gm2 == "bnl" ? physics::gm2_discrepancy_bnl : physics::gm2_discrepancy_2021;
  c.intervals.relative_tolerance = tolerance;
  const scan::plane_ranges d = scan::default_ranges(which);
  const scan::range y = detail::log_range(j, "y_range", {d.y_lo, d.y_hi});
  c.intervals.lo = y.lo;
  c.intervals.hi = y.hi;
  r.x_range = detail::log_range(j, "x_range", {d.x_lo, d.x_hi});

  // The model's domain (as examples/cli/plane_checks.hpp), before anything is computed.
  const double ratio = which == scan::plane::mchi1_splitting ? mass_ratio : 1.0;
  detail::within("x_range", r.x_range, L::mass_min_GeV, L::mass_max_GeV / ratio,
                 which == scan::plane::mchi1_splitting ? "m_chi1 [GeV]" : "m_A' [GeV]");
  switch (which) {
    case scan::plane::maprime_epsilon:
      detail::within("y_range", y, L::epsilon_min, L::epsilon_max, "epsilon");
      break;
    case scan::plane::maprime_alphadark:
      detail::within("y_range", y, L::alpha_dark_min, L::alpha_dark_max, "alpha_D (<= 4 pi)");
      break;
    case scan::plane::mchi1_splitting:
      if (!(y.hi < mass_ratio - 2))
        detail::bad("y_range", json::array({y.lo, y.hi}),
                    fmt::format("hi must be < mass_ratio - 2 = {} on the mchi1-splitting plane",
                                mass_ratio - 2));
      break;
  }
  const double points = detail::number(j, "points", 100);
  if (!(points >= 1 && points <= static_cast<double>(max_points)) || points != std::floor(points))
    detail::bad("points", json(points),
                fmt::format("must be a whole number in [1, {}]", max_points));
  r.points = static_cast<std::size_t>(points);
  r.xs = scan::log_grid(r.x_range.lo, r.x_range.hi, r.points);
  // The model point at both ends: a refusal of the model (e.g. Delta/m_chi1 with m_chi2 > m_A')
  // is reported now rather than as failed rows.
  (void)scan::point_at(c, r.xs.front(), c.splitting_ratio);
  (void)scan::point_at(c, r.xs.back(), c.splitting_ratio);
  return r;
}

}  // namespace semivisible::web
