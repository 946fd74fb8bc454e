// web/src/explorer.cpp — the exclusion explorer's WebAssembly module: the one translation unit of
// the wasm preset, an embind API over the semivisible headers (docs/web.md).
//
// Every function takes a JSON text (the request) and returns a JSON text: {"ok": true, ...} or
// {"ok": false, "error": "<message naming the key and the value>"}; nothing throws into
// JavaScript. The computation is what `semivisible scan` does (examples/cli/cmd_scan.cpp):
// scan::scan_plane over scan::log_grid, here with one thread and no progress bar (the module runs
// single-threaded in a Web Worker). The data folder (built-in experiments and the efficiency
// tables they name) is embedded at /data (SEMIVISIBLE_DATA_DIR, web/CMakeLists.txt).
#include <chrono>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include <emscripten/bind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "request.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/io/csv.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/relic/thermal_target.hpp"
#include "semivisible/scan/engine.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/version.hpp"

namespace semivisible::web {
namespace {

std::filesystem::path data_dir() {
  return experiment::default_data_dir();
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

/// Runs `body` (returning the result object) on the parsed request; any exception becomes
/// {"ok": false, "error": message}.
template <class Body>
std::string guarded(const std::string& request, Body&& body) {
  try {
    json j;
    try {
      j = json::parse(request);
    } catch (const json::parse_error& e) {
      throw invalid_parameter(fmt::format("request: not valid JSON: {}", e.what()));
    }
    auto result = body(j);
    result["ok"] = true;
    return result.dump();
  } catch (const std::exception& e) {
    return json{{"ok", false}, {"error", e.what()}}.dump();
  }
}

/// The x grid of a band or line request: "x_range" [lo, hi] and "points".
std::vector<double> grid_of(const json& j, scan::range fallback, double points_fallback) {
  const scan::range r = detail::log_range(j, "x_range", fallback);
  const double points = detail::number(j, "points", points_fallback);
  if (!(points >= 2 && points <= static_cast<double>(max_points)) || points != std::floor(points))
    detail::bad("points", json(points),
                fmt::format("must be a whole number in [2, {}]", max_points));
  return scan::log_grid(r.lo, r.hi, static_cast<std::size_t>(points));
}

/// "electron 100 GeV", or for a collider "e+e- collider, sqrt(s) = 10.58 GeV, 53 fb^-1".
std::string beam_summary(const experiment::experiment& e) {
  if (e.is_collider())
    return fmt::format("e+e- collider, sqrt(s) = {} GeV, {} fb^-1", e.collider->sqrt_s_GeV,
                       e.collider->luminosity_fb);
  return fmt::format("{} {} GeV", experiment::to_string(e.beam.particle), e.beam.energy_GeV);
}

}  // namespace

/// The built-in experiments: [{"name", "description", "json" (the file's text), "beam",
/// "particles_on_target", "regions": [{"name", "signature", "decay_z_m": [start, end|null]}]}].
std::string experiments(const std::string& request) {
  return guarded(request, [](const json&) {
    json list = json::array();
    const auto dir = data_dir();
    for (const auto& name : experiment::builtin_names(dir)) {
      const auto e = experiment::builtin(name, dir);
      json regions = json::array();
      for (const auto& r : e.regions)
        regions.push_back({{"name", r.name},
                           {"signature", std::string(experiment::to_string(r.signature))},
                           {"decay_z_m",
                            {r.decay_start_m,
                             std::isfinite(r.decay_end_m) ? json(r.decay_end_m) : json(nullptr)}}});
      json sources = json::array();
      for (const auto& s : e.production) sources.push_back(s.name);
      list.push_back({{"name", name},
                      {"description", e.description},
                      {"beam", beam_summary(e)},
                      {"particles_on_target", e.beam.particles_on_target},
                      {"production", sources},
                      {"regions", regions},
                      {"json", io::read_text(dir / "experiments" / (name + ".json"))}});
    }
    return json{{"experiments", list}, {"version", std::string(version_string)}};
  });
}

/// One plane (request: web/src/request.hpp): {"plane", "x": grid, "rows": [exclusion.json rows],
/// "csv": exclusion.csv's text, "parameters", "excluded_rows", "failed_rows", "compute_ms"}.
/// When every row failed the answer is an error carrying the first row's message.
std::string compute_plane(const std::string& request) {
  return guarded(request, [](const json& j) {
    const auto start = std::chrono::steady_clock::now();
    const plane_request r = parse_plane_request(j, data_dir());
    scan::run_options ro;
    ro.threads = 1;
    ro.progress = false;
    ro.label = std::string(scan::to_string(r.config.which));
    scan::exclusion_table table = scan::scan_plane(r.config, r.xs, ro);
    table.parameters["x_grid"] =
        scan::to_json(scan::grid_spec{r.x_range.lo, r.x_range.hi, r.points});
    std::size_t excluded = 0, failed = 0;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
      if (!row.status.ok()) ++failed;
      if (row.lower) ++excluded;
      rows.push_back(io::to_json(row));
    }
    if (failed == table.rows.size() && !table.rows.empty())
      throw invalid_parameter(table.rows.front().status.message);
    return nlohmann::ordered_json{{"plane", std::string(scan::to_string(r.config.which))},
                                  {"x", r.xs},
                                  {"rows", rows},
                                  {"csv", io::to_csv(table.rows)},
                                  {"parameters", table.parameters},
                                  {"excluded_rows", excluded},
                                  {"failed_rows", failed},
                                  {"compute_ms", milliseconds_since(start)}};
  });
}

/// The (g−2)_μ band in ε (physics::gm2_band) on a log grid of m_A′: request {"x_range", "points",
/// "gm2": "2021"|"bnl"}; answer {"x", "central", "one_sigma_low", "one_sigma_high",
/// "two_sigma_low", "two_sigma_high"} (a lower edge is 0 where Δa_μ − nσ ≤ 0).
std::string gm2_band(const std::string& request) {
  return guarded(request, [](const json& j) {
    const auto xs = grid_of(j, {1e-3, 1.0}, 200);
    const std::string which = detail::text(j, "gm2", "2021");
    if (which != "2021" && which != "bnl")
      detail::bad("gm2", json(which), "must be \"2021\" or \"bnl\"");
    const auto d = which == "bnl" ? physics::gm2_discrepancy_bnl : physics::gm2_discrepancy_2021;
    json out{{"x", xs}};
    for (const char* k :
         {"central", "one_sigma_low", "one_sigma_high", "two_sigma_low", "two_sigma_high"})
      out[k] = json::array();
    for (const double m : xs) {
      const auto b = physics::gm2_band(m, d);
      out["central"].push_back(b.central);
      out["one_sigma_low"].push_back(b.one_sigma_low);
      out["one_sigma_high"].push_back(b.one_sigma_high);
      out["two_sigma_low"].push_back(b.two_sigma_low);
      out["two_sigma_high"].push_back(b.two_sigma_high);
    }
    return out;
  });
}

/// The thermal relic target (relic::thermal_target) on a log grid of m_χ1: request {"x_range"
/// (m_χ1 [GeV], within [1e-3, 5]), "points", "alpha_dark", "mass_ratio", "splitting", "gm2"};
/// answer {"mass_chi1", "mass_aprime", "y", "epsilon", "alpha_dark_at_gm2", "failures",
/// "compute_ms"} for the points that converged (alpha_dark_at_gm2: the α_D giving the relic y at
/// ε = ε_(g−2) central, y = ε² α_D / (m_A′/m_χ1)⁴, as `semivisible na64-2021`'s overlay).
std::string relic_line(const std::string& request) {
  return guarded(request, [](const json& j) {
    const auto start = std::chrono::steady_clock::now();
    const auto xs = grid_of(j, {relic::mass_chi1_min, 0.33}, 24);
    const double alpha_dark = detail::number(j, "alpha_dark", model::benchmark_values::alpha_dark);
    const double mass_ratio =
        detail::positive(j, "mass_ratio", model::benchmark_values::mass_ratio);
    const double splitting =
        detail::positive(j, "splitting", model::benchmark_values::splitting_ratio);
    const std::string which = detail::text(j, "gm2", "2021");
    const auto d = which == "bnl" ? physics::gm2_discrepancy_bnl : physics::gm2_discrepancy_2021;
    json out{{"mass_chi1", json::array()},
             {"mass_aprime", json::array()},
             {"y", json::array()},
             {"epsilon", json::array()},
             {"alpha_dark_at_gm2", json::array()}};
    std::size_t failures = 0;
    for (const double m1 : xs) {
      const auto p = relic::thermal_target(m1, splitting, alpha_dark, mass_ratio);
      if (!p.status.ok()) {
        ++failures;
        continue;
      }
      const double m_aprime = mass_ratio * m1;
      const double eps_g2 = physics::gm2_band(m_aprime, d).central;
      out["mass_chi1"].push_back(p.mass_chi1);
      out["mass_aprime"].push_back(m_aprime);
      out["y"].push_back(p.y);
      out["epsilon"].push_back(p.epsilon);
      out["alpha_dark_at_gm2"].push_back(p.y * std::pow(mass_ratio, 4) / (eps_g2 * eps_g2));
    }
    out["failures"] = failures;
    out["compute_ms"] = milliseconds_since(start);
    return out;
  });
}

}  // namespace semivisible::web

EMSCRIPTEN_BINDINGS(semivisible_explorer) {
  emscripten::function("experiments", &semivisible::web::experiments);
  emscripten::function("compute_plane", &semivisible::web::compute_plane);
  emscripten::function("gm2_band", &semivisible::web::gm2_band);
  emscripten::function("relic_line", &semivisible::web::relic_line);
}
