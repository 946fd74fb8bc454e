// examples/cli/na64_2021_summary.hpp — the numbers `semivisible na64-2021` compares with the NA64
// 2021 paper: the scans (named jobs), summary.json and the printed comparison table.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "na64_2021_overlays.hpp"
#include "scan_options.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/scan/summary.hpp"

namespace semivisible::cli::na64 {

struct na64_options {
  std::string out = "na64-2021";
  std::size_t points = 200;
  unsigned threads = 0;
  double tolerance = 1e-3;
  bool plots = true;
  std::string python = "/usr/bin/python3";
  std::string plot_script{};    // default: data_dir.hpp's plot_script()
  std::string reference_csv{};  // default: DATA/reference/na64_invisible_2019_eps90.csv
  double projection_eot = 5e12;
  std::size_t other_points = 60;  ///< masses of the other experiments' curves (<= points)
  bool force = false;
  output_format format = output_format::text;
};

/// The paper's stated numbers (the NA64 2021 paper: abstract, text after Fig. 5, conclusions).
struct paper_numbers {
  static constexpr double max_maprime_gm2 = 0.39;  // "m_A′ ≲ 0.39 GeV"
  static constexpr double epsilon_min = 3e-5;      // "ε between 3×10⁻⁵ ..."
  static constexpr double epsilon_max = 2e-2;      // "... and 2×10⁻²"
  static constexpr double splitting_weak = 0.5;    // "For Δ/m_χ1 ≳ 0.5 our limits become weak"
};

/// ε edge of the invisible scan at m by log-log interpolation of its lower edges.
inline std::optional<double> lower_edge_at(const scan::exclusion_table& t, double m) {
  std::vector<std::pair<double, double>> pts;
  for (const auto& r : t.rows)
    if (r.status.ok() && r.lower) pts.emplace_back(r.x, *r.lower);
  for (std::size_t i = 1; i < pts.size(); ++i)
    if (pts[i - 1].first <= m && m <= pts[i].first) {
      const double w = std::log(m / pts[i - 1].first) / std::log(pts[i].first / pts[i - 1].first);
      return std::exp((1 - w) * std::log(pts[i - 1].second) + w * std::log(pts[i].second));
    }
  return std::nullopt;
}

/// One scan of the reproduction: its output folder, configuration, grid and result.
struct job {
  std::string dir;
  scan::plane_config c;
  std::vector<double> xs;
  scan::exclusion_table table{};
  std::string label{};   ///< legend text of the curve (the curves beside the reproduction)
  bool variant = false;  ///< an NA64 assumption switched (other_curve::variant)
};

/// The plane name of a job's directory (curves.json: the plotting script puts it on its figure).
[[nodiscard]] inline std::string_view plane_of(const job& j) {
  return scan::to_string(j.c.which);
}

/// A curve drawn beside the reproduction on the Fig. 4 plane: another experiment, or NA64 with
/// another choice of production. Those whose experiment file is not a built-in of the data
/// folder are skipped (and say so in summary.json).
struct other_curve {
  std::string dir, experiment, label;
  std::optional<std::vector<std::string>> production{};  ///< nullopt: all of the file's sources
  bool variant = false;  ///< an NA64 assumption switched (drawn dashed)
  /// Also drawn on the (m_A′, α_D) plane of Fig. 5: the models of the ε plane are reused there
  /// (scan/yield_cache.hpp), so the curve costs only its edges.
  bool alphadark = false;
};

inline const std::vector<other_curve>& other_curves() {
  static const std::vector<other_curve> list{
      {"maprime-epsilon-annihilation", "na64-2016-2018",
       "NA64 2016-18 with $e^+e^-\\to A'$ (this library)"},
      {"maprime-epsilon-na64-2016-2022", "na64-2016-2022", "NA64 2016-22, S2-like (this library)",
       std::nullopt, false, true},
      {"maprime-epsilon-e137", "e137", "E137 (this library)", std::nullopt, false, true},
      {"maprime-epsilon-nucal", "nucal", "NuCal (this library)", std::nullopt, false, true},
      {"maprime-epsilon-charm", "charm", "CHARM (this library)", std::nullopt, false, true},
      {"maprime-epsilon-babar-2017", "babar-2017", "BaBar 2017, reinterpreted (this library)",
       std::nullopt, false, true},
      // The paper's assumptions switched one at a time (its production, as the reproduction).
      {"maprime-epsilon-variant-ecal", "na64-2016-2018-ecal",
       "NA64 2016-18 + $\\chi_2$ decays in the ECAL (variant)",
       std::vector<std::string>{"bremsstrahlung"}, true},
      {"maprime-epsilon-variant-hcal-gap", "na64-2016-2018-hcal-gap",
       "NA64 2016-18 + HCAL1-2 gap in S1 (variant)", std::vector<std::string>{"bremsstrahlung"},
       true},
  };
  return list;
}

/// The scans of the reproduction, by name, and the other curves of Fig. 4.
struct na64_jobs {
  job fig4, fig5_alphadark, fig5_splitting, projection, invisible;
  std::vector<job> others;
  std::vector<std::string> skipped;  ///< other curves whose experiment is not available
  [[nodiscard]] std::vector<job*> all() {
    std::vector<job*> v{&fig4, &fig5_alphadark, &fig5_splitting, &projection, &invisible};
    for (auto& j : others) v.push_back(&j);
    return v;
  }
};

/// The paper's production choice (its Geant4 simulation: dark bremsstrahlung of the whole
/// shower, no resonant annihilation), for the curves compared with the paper.
inline const std::vector<std::string> paper_production{"bremsstrahlung"};

inline na64_jobs make_jobs(const na64_options& o, const fs::path& data) {
  // One spectrum per m_A′ and source for all scans (they share the ECAL; only z positions differ),
  // and one yield model per m_A′ for an experiment's ε and α_D planes.
  const auto spectra = std::make_shared<scan::spectrum_cache>();
  const auto yields = std::make_shared<scan::yield_cache>();
  const auto na64 = experiment::builtin("na64-2016-2018", data);
  auto config = [&](scan::plane p, const experiment::experiment& e,
                    std::optional<std::vector<std::string>> production = paper_production) {
    auto c = scan::make_plane_config(p, e);
    c.spectra = spectra;
    c.yields = yields;
    c.intervals.relative_tolerance = o.tolerance;
    c.production = std::move(production);
    return c;
  };
  const auto masses = scan::log_grid(1e-3, 1.0, o.points);
  na64_jobs j;
  j.fig4 = {"maprime-epsilon", config(scan::plane::maprime_epsilon, na64), masses};
  j.fig5_alphadark = {"maprime-alphadark", config(scan::plane::maprime_alphadark, na64), masses};
  // m_χ1 = m_A′/3 on the same m_A′ grid: the spectra are shared with the first two planes.
  auto mchi1_grid = masses;
  for (auto& x : mchi1_grid) x /= j.fig4.c.mass_ratio;
  j.fig5_splitting = {"mchi1-splitting", config(scan::plane::mchi1_splitting, na64), mchi1_grid};
  auto projection =
      config(scan::plane::mchi1_splitting, experiment::builtin("na64-compact-hcal1", data));
  projection.yield.exposure = o.projection_eot;
  j.projection = {"mchi1-splitting-projection", projection, mchi1_grid};
  // The invisible analysis (PRL 123 121801): no S1 events are expected for a stable χ.
  auto invisible = config(scan::plane::maprime_epsilon, na64);
  invisible.yield.kind = signal::model_kind::invisible;
  j.invisible = {"maprime-epsilon-invisible", invisible, masses};
  // The other curves: on a grid of at most other_points masses (their experiments have their own
  // spectra; the figure needs no finer grid).
  const auto other_masses = scan::log_grid(1e-3, 1.0, std::min(o.points, o.other_points));
  for (const auto& curve : other_curves()) {
    if (!experiment::is_builtin(curve.experiment, data)) {
      j.skipped.push_back(curve.experiment);
      continue;
    }
    const auto e =
        curve.experiment == na64.name ? na64 : experiment::builtin(curve.experiment, data);
    const bool na64_grid = curve.experiment == na64.name || curve.variant;
    job other{curve.dir, config(scan::plane::maprime_epsilon, e, curve.production),
              na64_grid ? masses : other_masses};
    other.label = curve.label;
    other.variant = curve.variant;
    j.others.push_back(std::move(other));
    if (curve.alphadark) {
      job alpha{"maprime-alphadark" + curve.dir.substr(std::string_view("maprime-epsilon").size()),
                config(scan::plane::maprime_alphadark, e, curve.production), other_masses};
      alpha.label = curve.label;
      j.others.push_back(std::move(alpha));
    }
  }
  return j;
}

/// DIR/curves.json: the other curves (folder, experiment, label) for the plotting script.
inline void write_curve_list(const fs::path& tmp, na64_jobs& jobs) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& j : jobs.others)
    list.push_back({{"dir", j.dir},
                    {"experiment", j.c.experiment.name},
                    {"label", j.label},
                    {"plane", plane_of(j)},
                    {"variant", j.variant},
                    {"production", j.c.production ? nlohmann::ordered_json(*j.c.production)
                                                  : nlohmann::ordered_json("all")}});
  io::write_atomically(tmp / "curves.json", list.dump(2) + "\n");
}

inline void run_scans(na64_jobs& jobs, const na64_options& o, const fs::path& tmp) {
  scan::run_options ro;
  ro.threads = o.threads;
  std::error_code ec;
  for (job* j : jobs.all()) {
    ro.label = j->dir;
    j->table = scan::scan_plane(j->c, j->xs, ro);
    fs::create_directories(tmp / j->dir, ec);
    io::write_exclusion_files(tmp / j->dir, j->table, "--out");
    write_contour_formats(tmp / j->dir, j->table, j->c.which, true, true);
  }
  write_curve_list(tmp, jobs);
}

/// The largest excluded upper edge at x on plane c (recomputed at exactly x).
inline std::optional<double> max_upper_at(const scan::plane_config& c, double x) {
  std::optional<double> best;
  for (const auto& r : scan::plane_per_x(c)(x))
    if (r.status.ok() && r.upper) best = std::max(best.value_or(0.0), *r.upper);
  return best;
}

/// The numbers of summary.json (and of the comparison table).
struct na64_summary {
  std::optional<double> max_m_gm2, split_at_0p1, split_proj_at_0p1, relic_eps_min;
  scan::excluded_extent eps_extent, split, split_proj;
  std::optional<double> worst_ratio_lo, worst_ratio_hi;  // null when no published point overlaps
  std::size_t failed_rows = 0, relic_failures = 0;
};

inline na64_summary summarise(na64_jobs& jobs, const relic_overlay& relic,
                              const std::vector<published_point>& published) {
  na64_summary s;
  const auto band = [](double m) {
    const auto b = physics::gm2_band(m, physics::gm2_discrepancy_2021);
    return std::pair{b.two_sigma_low, b.two_sigma_high};
  };
  s.max_m_gm2 = scan::largest_x_covering(jobs.fig4.table, scan::plane_per_x(jobs.fig4.c), band);
  s.eps_extent = scan::extent(jobs.fig4.table.rows);
  s.split = scan::extent(jobs.fig5_splitting.table.rows);
  // The paper's "unexplored area for m_A' >~ 0.3 GeV": the Δ/m_χ1 edge at m_χ1 = 0.1 GeV.
  s.split_at_0p1 = max_upper_at(jobs.fig5_splitting.c, 0.1);
  s.split_proj_at_0p1 = max_upper_at(jobs.projection.c, 0.1);
  // Smallest ε of the thermal relic line that is excluded (the abstract's ε range is quoted for
  // the g−2 and relic region).
  const auto per_x = scan::plane_per_x(jobs.fig4.c);
  for (const auto& [m_aprime, eps] : relic.line)
    if (scan::covers(per_x(m_aprime), eps, eps))
      s.relic_eps_min = std::min(s.relic_eps_min.value_or(1.0), eps);
  s.split_proj = scan::extent(jobs.projection.table.rows);
  for (const auto& p : published) {
    if (const auto e = lower_edge_at(jobs.invisible.table, p.mass)) {
      s.worst_ratio_lo = std::min(s.worst_ratio_lo.value_or(*e / p.epsilon), *e / p.epsilon);
      s.worst_ratio_hi = std::max(s.worst_ratio_hi.value_or(*e / p.epsilon), *e / p.epsilon);
    }
  }
  for (job* j : jobs.all())
    for (const auto& r : j->table.rows)
      if (!r.status.ok()) ++s.failed_rows;
  s.relic_failures = relic.failures;
  return s;
}

inline nlohmann::ordered_json summary_json(const na64_summary& m, na64_jobs& jobs,
                                           const na64_options& o) {
  nlohmann::ordered_json s;
  auto opt = [](std::optional<double> v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  const auto& fig4 = jobs.fig4;
  s["max_excluded_maprime_in_gm2_band_GeV"] = opt(m.max_m_gm2);
  s["epsilon_excluded_min"] =
      m.eps_extent.any ? nlohmann::ordered_json(m.eps_extent.min_lower) : nullptr;
  s["epsilon_excluded_max"] =
      m.eps_extent.any ? nlohmann::ordered_json(m.eps_extent.max_upper) : nullptr;
  s["epsilon_excluded_max_at_range_end"] = m.eps_extent.max_upper_at_range;
  s["max_excluded_splitting_at_gm2"] =
      m.split.any ? nlohmann::ordered_json(m.split.max_upper) : nullptr;
  s["max_excluded_splitting_at_gm2_at_range_end"] = m.split.max_upper_at_range;
  s["max_excluded_splitting_at_mchi1_0p1_GeV"] = opt(m.split_at_0p1);
  s["max_excluded_splitting_projection_at_mchi1_0p1_GeV"] = opt(m.split_proj_at_0p1);
  s["epsilon_relic_excluded_min"] = opt(m.relic_eps_min);
  s["max_excluded_splitting_projection"] =
      m.split_proj.any ? nlohmann::ordered_json(m.split_proj.max_upper) : nullptr;
  s["projection_setup"] = jobs.projection.c.experiment.name;
  s["production"] = paper_production;
  s["other_curves"] = nlohmann::ordered_json::array();
  for (const auto& j : jobs.others)
    s["other_curves"].push_back({{"dir", j.dir},
                                 {"experiment", j.c.experiment.name},
                                 {"plane", plane_of(j)},
                                 {"points", j.xs.size()}});
  s["other_curves_skipped"] = jobs.skipped;
  s["projection_eot"] = o.projection_eot;
  s["invisible_recast_ratio_min"] = opt(m.worst_ratio_lo);
  s["invisible_recast_ratio_max"] = opt(m.worst_ratio_hi);
  s["relic_points_failed"] = m.relic_failures;
  s["failed_rows"] = m.failed_rows;
  s["points_per_plane"] = o.points;
  s["eot"] = fig4.c.exposure();
  s["setup"] = fig4.c.experiment.name;
  s["experiment"] = fig4.c.experiment.name;
  s["cl"] = fig4.c.experiment.analysis.cl;
  s["method"] = fig4.c.experiment.analysis.method;
  s["paper"] = {{"max_excluded_maprime_in_gm2_band_GeV", paper_numbers::max_maprime_gm2},
                {"epsilon_excluded_min", paper_numbers::epsilon_min},
                {"epsilon_excluded_max", paper_numbers::epsilon_max},
                {"max_excluded_splitting_at_gm2", paper_numbers::splitting_weak}};
  return s;
}

inline void print_comparison(const na64_summary& m, const na64_options& o) {
  auto num = [](std::optional<double> v) {
    return v ? fmt::format("{:.3g}", *v) : std::string("-");
  };
  auto ratio = [](std::optional<double> v, double p) {
    return v ? fmt::format("{:.2f}", *v / p) : std::string("-");
  };
  // The "note" column says which rows compare like with like (docs/validation.md, sections 1-4):
  // an extent that ends at the scan range gets no ratio, since the range, not the data, sets it.
  std::vector<record> rows;
  auto add = [&](std::string q, double paper, std::optional<double> ours, bool at_range_end,
                 std::string note) {
    rows.push_back({{"quantity", std::move(q)},
                    {"paper", fmt::format("{:.3g}", paper)},
                    {"ours", num(ours)},
                    {"ratio", at_range_end ? std::string("-") : ratio(ours, paper)},
                    {"note", std::move(note)}});
  };
  const auto opt_extent = [](const scan::excluded_extent& e, double v) {
    return e.any ? std::optional(v) : std::nullopt;
  };
  add("max m_A' with the g-2 band excluded [GeV]", paper_numbers::max_maprime_gm2, m.max_m_gm2,
      false, "like for like (validation.md 1)");
  add("smallest excluded epsilon on the relic line", paper_numbers::epsilon_min, m.relic_eps_min,
      false, "like for like (validation.md 2)");
  add("smallest excluded epsilon, whole scan", paper_numbers::epsilon_min,
      opt_extent(m.eps_extent, m.eps_extent.min_lower), false,
      "paper: relic/g-2 region only (validation.md 2)");
  add(m.eps_extent.max_upper_at_range ? "largest excluded epsilon (scan range end)"
                                      : "largest excluded epsilon",
      paper_numbers::epsilon_max, opt_extent(m.eps_extent, m.eps_extent.max_upper),
      m.eps_extent.max_upper_at_range, "depends on m_A' (validation.md 3)");
  add("largest excluded Delta/m_chi1 at m_chi1 = 0.1 GeV", paper_numbers::splitting_weak,
      m.split_at_0p1, false, "like for like (validation.md 4)");
  add(m.split.max_upper_at_range ? "largest excluded Delta/m_chi1 (scan range end)"
                                 : "largest excluded Delta/m_chi1",
      paper_numbers::splitting_weak, opt_extent(m.split, m.split.max_upper),
      m.split.max_upper_at_range, "whole scan; paper: m_A' >~ 0.3 GeV (validation.md 4)");
  print_table(rows, o.format);
  fmt::print(
      "\nprojection (compact HCAL1, {:.3g} EOT): largest excluded Delta/m_chi1 = {} over the scan, "
      "{} at m_chi1 = 0.1 GeV (now {})\n",
      o.projection_eot,
      num(m.split_proj.any ? std::optional(m.split_proj.max_upper) : std::nullopt),
      num(m.split_proj_at_0p1), num(m.split_at_0p1));
  fmt::print("invisible re-cast / published NA64 2019 limit: ratio in [{}, {}]\n",
             m.worst_ratio_lo ? fmt::format("{:.2f}", *m.worst_ratio_lo) : "-",
             m.worst_ratio_hi ? fmt::format("{:.2f}", *m.worst_ratio_hi) : "-");
}

}  // namespace semivisible::cli::na64
