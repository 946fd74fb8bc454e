// examples/cli/cmd_na64_2021.cpp — `semivisible na64-2021`: reproduces the NA64 2021 paper's
// Fig. 4 and Fig. 5 (contract: docs/cli.md, section "na64-2021").
//
// Runs, with the built-in experiment na64-2016-2018 (2.84·10¹¹ EOT), five named scans (na64_jobs):
//   fig4             maprime-epsilon: (m_A′, ε) at α_D = 0.1, m_A′ = 3 m_χ1, Δ/m_χ1 = 0.4
//   fig5_alphadark   maprime-alphadark: (m_A′, α_D) at ε = ε_(g−2)
//   fig5_splitting   mchi1-splitting: (m_χ1, Δ/m_χ1) at ε = ε_(g−2)
//   projection       mchi1-splitting-projection: the same with na64-compact-hcal1 and 5·10¹² EOT
//   invisible        maprime-epsilon-invisible: the invisible A′ re-cast, compared with the
//                    published NA64 curve
// plus the overlays (g−2 bands, thermal relic line, published invisible limit), summary.json,
// PNG/PDF plots (matplotlib script) and a comparison table with the paper's stated numbers.
// Everything is written to DIR.partial and renamed to DIR at the end: never half-written.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <boost/math/tools/roots.hpp>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "data_dir.hpp"
#include "scan_options.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/io/csv.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/relic/thermal_target.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/scan/summary.hpp"

namespace semivisible::cli {
namespace {

namespace fs = std::filesystem;

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
  output_format format = output_format::text;
};

/// The paper's stated numbers (the NA64 2021 paper: abstract, text after Fig. 5, conclusions).
struct paper_numbers {
  static constexpr double max_maprime_gm2 = 0.39;  // "m_A′ ≲ 0.39 GeV"
  static constexpr double epsilon_min = 3e-5;      // "ε between 3×10⁻⁵ ..."
  static constexpr double epsilon_max = 2e-2;      // "... and 2×10⁻²"
  static constexpr double splitting_weak = 0.5;    // "For Δ/m_χ1 ≳ 0.5 our limits become weak"
};

struct published_point {
  double mass, epsilon;
};

std::vector<published_point> read_reference(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error(fmt::format("na64-2021: cannot read the reference curve '{}'", path));
  std::vector<published_point> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == 'm') continue;
    const auto comma = line.find(',');
    if (comma == std::string::npos) continue;
    out.push_back({std::stod(line.substr(0, comma)), std::stod(line.substr(comma + 1))});
  }
  return out;
}

/// ε edge of the invisible scan at m by log-log interpolation of its lower edges.
std::optional<double> lower_edge_at(const scan::exclusion_table& t, double m) {
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

void write_text(const fs::path& p, const std::string& text) {
  io::write_atomically(p, text);
}

/// One scan of the reproduction: its output folder, configuration, grid and result.
struct job {
  std::string dir;
  scan::plane_config c;
  std::vector<double> xs;
  scan::exclusion_table table{};
};

/// The five scans of the reproduction, by name.
struct na64_jobs {
  job fig4, fig5_alphadark, fig5_splitting, projection, invisible;
  [[nodiscard]] std::array<job*, 5> all() {
    return {&fig4, &fig5_alphadark, &fig5_splitting, &projection, &invisible};
  }
};

na64_jobs make_jobs(const na64_options& o, const fs::path& data) {
  // One spectrum per m_A′ for all five scans (they share the ECAL; only z positions differ).
  const auto spectra = std::make_shared<scan::spectrum_cache>();
  const auto na64 = experiment::builtin("na64-2016-2018", data);
  auto config = [&](scan::plane p, const experiment::experiment& e) {
    auto c = scan::make_plane_config(p, e);
    c.spectra = spectra;
    c.intervals.relative_tolerance = o.tolerance;
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
  return j;
}

void run_scans(na64_jobs& jobs, const na64_options& o, const fs::path& tmp) {
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
}

/// overlays/gm2_band.csv (2021 and BNL bands) and overlays/na64_invisible_2019.csv.
void write_gm2_and_reference(const fs::path& tmp, const std::vector<double>& masses,
                             const std::vector<published_point>& published) {
  std::string csv =
      "mass_aprime_GeV,epsilon_central,epsilon_2sigma_low,epsilon_2sigma_high,"
      "epsilon_bnl_central,epsilon_bnl_2sigma_low,epsilon_bnl_2sigma_high\n";
  for (double m : masses) {
    const auto a = physics::gm2_band(m, physics::gm2_discrepancy_2021);
    const auto b = physics::gm2_band(m, physics::gm2_discrepancy_bnl);
    csv += fmt::format("{},{},{},{},{},{},{}\n", m, a.central, a.two_sigma_low, a.two_sigma_high,
                       b.central, b.two_sigma_low, b.two_sigma_high);
  }
  write_text(tmp / "overlays" / "gm2_band.csv", csv);
  std::string ref = "m_aprime_GeV,epsilon_90\n";
  for (const auto& p : published) ref += fmt::format("{},{}\n", p.mass, p.epsilon);
  write_text(tmp / "overlays" / "na64_invisible_2019.csv", ref);
}

struct relic_overlay {
  std::vector<std::pair<double, double>> line;  // (m_A′, ε)
  std::size_t failures = 0;
};

/// overlays/relic.csv: the thermal relic target (Δ/m_χ1, α_D, m_A′/m_χ1 of c), in parallel.
relic_overlay write_relic_line(const fs::path& tmp, const scan::plane_config& c) {
  relic_overlay out;
  const auto masses = scan::log_grid(relic::mass_chi1_min, 0.33, 40);
  std::vector<std::future<relic::target_point>> futures;
  for (double m1 : masses)
    futures.push_back(std::async(std::launch::async, [&c, m1] {
      return relic::thermal_target(m1, c.splitting_ratio, c.alpha_dark, c.mass_ratio);
    }));
  std::string csv = "mass_chi1_GeV,mass_aprime_GeV,y,epsilon,alpha_dark_at_gm2\n";
  for (auto& f : futures) {
    const auto p = f.get();
    if (!p.status.ok()) {
      ++out.failures;
      continue;
    }
    const double m_aprime = c.mass_ratio * p.mass_chi1;
    // α_D giving the relic y at ε = ε_(g−2): y = ε² α_D / (m_A′/m_χ1)⁴ (the width's α_D
    // dependence of ⟨σv⟩ off resonance is neglected for this overlay).
    const double eps_g2 = physics::gm2_band(m_aprime, physics::gm2_discrepancy_2021).central;
    const double ad = p.y * std::pow(c.mass_ratio, 4) / (eps_g2 * eps_g2);
    csv += fmt::format("{},{},{},{},{}\n", p.mass_chi1, m_aprime, p.y, p.epsilon, ad);
    out.line.emplace_back(m_aprime, p.epsilon);
  }
  write_text(tmp / "overlays" / "relic.csv", csv);
  return out;
}

/// overlays/relic_splitting.csv: the relic line in the (m_χ1, Δ/m_χ1) plane at ε = ε_(g−2): the
/// splitting f at which y_relic(m_χ1, f) = ε_(g−2)² α_D / R⁴ (y_relic grows with f: Boltzmann
/// suppression of χ2).
void write_relic_splitting(const fs::path& tmp, const scan::plane_config& c) {
  const auto masses = scan::log_grid(3e-3, 0.33, 16);
  std::vector<std::future<std::optional<double>>> futures;
  for (double m1 : masses)
    futures.push_back(std::async(std::launch::async, [&c, m1]() -> std::optional<double> {
      const double eps = scan::epsilon_gm2(c, c.mass_ratio * m1);
      const double y_target = eps * eps * c.alpha_dark / std::pow(c.mass_ratio, 4);
      auto g = [&](double f) {
        const auto p = relic::thermal_target(m1, f, c.alpha_dark, c.mass_ratio);
        return p.status.ok() ? std::log(p.y / y_target) : std::nan("");
      };
      double lo = 0.02, hi = 0.95;
      const double g_lo = g(lo), g_hi = g(hi);
      if (!std::isfinite(g_lo) || !std::isfinite(g_hi) || g_lo * g_hi > 0) return std::nullopt;
      std::uintmax_t iterations = 30;
      const auto r = boost::math::tools::toms748_solve(
          g, lo, hi, g_lo, g_hi, boost::math::tools::eps_tolerance<double>(12), iterations);
      return 0.5 * (r.first + r.second);
    }));
  std::string csv = "mass_chi1_GeV,splitting\n";
  for (std::size_t i = 0; i < masses.size(); ++i)
    if (const auto f = futures[i].get()) csv += fmt::format("{},{}\n", masses[i], *f);
  write_text(tmp / "overlays" / "relic_splitting.csv", csv);
}

/// The largest excluded upper edge at x on plane c (recomputed at exactly x).
std::optional<double> max_upper_at(const scan::plane_config& c, double x) {
  std::optional<double> best;
  for (const auto& r : scan::plane_per_x(c)(x))
    if (r.status.ok() && r.upper) best = std::max(best.value_or(0.0), *r.upper);
  return best;
}

/// The numbers of summary.json (and of the comparison table).
struct na64_summary {
  std::optional<double> max_m_gm2, split_at_0p1, split_proj_at_0p1, relic_eps_min;
  scan::excluded_extent eps_extent, split, split_proj;
  double worst_ratio_lo = 1e300, worst_ratio_hi = 0;
  std::size_t failed_rows = 0, relic_failures = 0;
};

na64_summary summarise(na64_jobs& jobs, const relic_overlay& relic,
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
      s.worst_ratio_lo = std::min(s.worst_ratio_lo, *e / p.epsilon);
      s.worst_ratio_hi = std::max(s.worst_ratio_hi, *e / p.epsilon);
    }
  }
  for (job* j : jobs.all())
    for (const auto& r : j->table.rows)
      if (!r.status.ok()) ++s.failed_rows;
  s.relic_failures = relic.failures;
  return s;
}

nlohmann::ordered_json summary_json(const na64_summary& m, na64_jobs& jobs, const na64_options& o) {
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
  s["projection_eot"] = o.projection_eot;
  s["invisible_recast_ratio_min"] = m.worst_ratio_lo;
  s["invisible_recast_ratio_max"] = m.worst_ratio_hi;
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

void print_comparison(const na64_summary& m, const na64_options& o) {
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
  fmt::print("invisible re-cast / published NA64 2019 limit: ratio in [{:.2f}, {:.2f}]\n",
             m.worst_ratio_lo, m.worst_ratio_hi);
}

void run_na64_into(const na64_options& o, const fs::path& tmp);

/// Runs the reproduction into DIR.partial, then renames it to DIR; on failure removes DIR.partial.
void run_na64(const na64_options& o) {
  const fs::path tmp = fs::path(o.out + ".partial");
  try {
    run_na64_into(o, tmp);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    throw;
  }
}

void run_na64_into(const na64_options& o, const fs::path& tmp) {
  const auto t0 = std::chrono::steady_clock::now();
  if (o.points < 2)
    throw invalid_parameter(fmt::format("na64-2021: --points = {}, but must be >= 2", o.points));
  const fs::path out(o.out);
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_directory(out, ec))
    throw invalid_parameter(fmt::format("na64-2021: --out = '{}', but must be a directory", o.out));
  const fs::path data = data_dir();
  const std::string reference_csv =
      o.reference_csv.empty() ? (data / "reference" / "na64_invisible_2019_eps90.csv").string()
                              : o.reference_csv;
  const std::string plot = o.plot_script.empty() ? plot_script().string() : o.plot_script;
  const auto published = read_reference(reference_csv);
  auto jobs = make_jobs(o, data);
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp / "overlays", ec);
  if (ec)
    throw invalid_parameter(fmt::format("na64-2021: --out = '{}', but '{}' cannot be created: {}",
                                        o.out, tmp.string(), ec.message()));

  run_scans(jobs, o, tmp);
  const auto t_scans = std::chrono::steady_clock::now();
  write_gm2_and_reference(tmp, jobs.fig4.xs, published);
  const auto relic = write_relic_line(tmp, jobs.fig4.c);
  write_relic_splitting(tmp, jobs.fig5_splitting.c);
  const auto t_overlays = std::chrono::steady_clock::now();

  const auto numbers = summarise(jobs, relic, published);
  auto s = summary_json(numbers, jobs, o);
  const double secs_scans = std::chrono::duration<double>(t_scans - t0).count();
  const double secs_overlays = std::chrono::duration<double>(t_overlays - t_scans).count();
  s["seconds_scans"] = secs_scans;
  s["seconds_overlays"] = secs_overlays;
  write_text(tmp / "summary.json", s.dump(2) + "\n");

  // ---- plots
  std::string plot_note = "plots: skipped (--no-plots)";
  if (o.plots) {
    const std::string cmd = fmt::format("'{}' '{}' '{}'", o.python, plot, tmp.string());
    plot_note = std::system(cmd.c_str()) == 0
                    ? "plots: fig4, fig5_alphadark, fig5_splitting (.png, .pdf)"
                    : fmt::format("plots: FAILED ({}); CSVs and summary.json are complete", cmd);
  }

  // ---- publish atomically: DIR.partial -> DIR
  fs::remove_all(out, ec);
  fs::rename(tmp, out, ec);
  if (ec)
    throw std::runtime_error(fmt::format("na64-2021: cannot rename '{}' to --out = '{}': {}",
                                         tmp.string(), o.out, ec.message()));
  s["seconds_total"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  if (o.format == output_format::json) {
    fmt::print("{}\n", s.dump(2));
    return;
  }
  print_comparison(numbers, o);
  fmt::print("{}; {} failed scan rows; {} relic points failed\n", plot_note, numbers.failed_rows,
             numbers.relic_failures);
  fmt::print("wrote {}/ in {:.2f} s (scans {:.2f} s, overlays {:.2f} s)\n", o.out,
             s["seconds_total"].get<double>(), secs_scans, secs_overlays);
}

}  // namespace

void add_na64_2021_command(CLI::App& app) {
  auto o = std::make_shared<na64_options>();
  auto* cmd = app.add_subcommand("na64-2021", "Reproduce the NA64 2021 paper's Fig. 4 and Fig. 5");
  cmd->add_option("--out", o->out, "Output directory")->capture_default_str();
  cmd->add_option("--points", o->points, "x values per plane")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores)")->capture_default_str();
  cmd->add_option("--tolerance", o->tolerance, "Relative tolerance of the edges")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_option("--projection-eot", o->projection_eot, "EOT of the compact-HCAL1 projection")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_flag("!--no-plots", o->plots, "Skip the matplotlib plots");
  cmd->add_option("--python", o->python, "Python interpreter with matplotlib")
      ->capture_default_str();
  cmd->add_option("--plot-script", o->plot_script,
                  "The plotting script (default: the installed or source-tree plot_na64_2021.py)");
  cmd->add_option("--reference", o->reference_csv,
                  "Published NA64 invisible limit (CSV; default: DATA/reference/"
                  "na64_invisible_2019_eps90.csv)");
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_na64(*o); });
}

}  // namespace semivisible::cli
