// examples/cli/cmd_na64_2021.cpp — `semivisible na64-2021`: reproduces the NA64 2021 paper's
// Fig. 4 and Fig. 5 (contract: ../shared/design/cli.md, section "na64-2021").
//
// Runs, with the 2016–2018 setup and 2.84·10¹¹ EOT:
//   maprime-epsilon             Fig. 4: (m_A′, ε) at α_D = 0.1, m_A′ = 3 m_χ1, Δ/m_χ1 = 0.4
//   maprime-alphadark           Fig. 5 top: (m_A′, α_D) at ε = ε_(g−2)
//   mchi1-splitting             Fig. 5 bottom: (m_χ1, Δ/m_χ1) at ε = ε_(g−2)
//   mchi1-splitting-projection  the same for a compact HCAL1 and 5·10¹² EOT (the paper's
//   projection) maprime-epsilon-invisible   the invisible A′ re-cast, compared with the published
//   NA64 curve
// plus the overlays (g−2 bands, thermal relic line, published invisible limit), summary.json,
// PNG/PDF plots (matplotlib script) and a comparison table with the paper's stated numbers.
// Everything is written to a unique staging directory beside DIR and renamed to DIR at the end
// (io/output_directory.hpp): never half-written, never over a directory this tool did not write.
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
#include "process.hpp"
#include "scan_options.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/io/csv.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/io/output_directory.hpp"
#include "semivisible/io/two_column_csv.hpp"
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
  std::string plot_script = SEMIVISIBLE_PLOT_SCRIPT;
  std::string reference_csv =
      std::string(SEMIVISIBLE_DATA_DIR) + "/reference/na64_invisible_2019_eps90.csv";
  double projection_eot = 5e12;
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

struct published_point {
  double mass, epsilon;
};

std::vector<published_point> read_reference(const std::string& path) {
  // Strict (io/two_column_csv.hpp): finite positive numbers, ascending masses, >= 2 lines.
  io::two_column_options format{"m_aprime_GeV", "epsilon_90", "m_aprime_GeV,epsilon_90"};
  format.min_points = 2;
  std::vector<published_point> out;
  try {
    for (const auto& p : io::read_two_column_csv(path, format)) out.push_back({p.x, p.y});
  } catch (const invalid_parameter& e) {
    throw invalid_parameter(fmt::format("na64-2021: --reference = '{}': {}", path, e.what()));
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

void run_na64_into(const na64_options& o, io::output_directory& out);

/// Runs the reproduction into a staging directory beside --out and publishes it there; on failure
/// or SIGINT/SIGTERM the staging directory is removed (io/output_directory.hpp).
void run_na64(const na64_options& o) {
  if (o.points < 2)
    throw invalid_parameter(fmt::format("na64-2021: --points = {}, but must be >= 2", o.points));
  std::error_code ec;
  if (o.plots && !fs::is_regular_file(o.plot_script, ec))
    throw invalid_parameter(fmt::format(
        "na64-2021: --plot-script = '{}', but must be an existing file (or give --no-plots)",
        o.plot_script));
  io::output_directory out(o.out, {.force = o.force});  // refused or busy --out: fails here
  run_na64_into(o, out);
}

void run_na64_into(const na64_options& o, io::output_directory& out) {
  const auto t0 = std::chrono::steady_clock::now();
  const fs::path tmp = out.staging();
  std::error_code ec;
  fs::create_directories(tmp / "overlays", ec);
  if (ec)
    throw std::runtime_error(fmt::format("na64-2021: cannot create '{}': {}",
                                         (tmp / "overlays").string(), ec.message()));
  const auto published = read_reference(o.reference_csv);

  scan::run_options ro;
  ro.threads = o.threads;
  // One spectrum per m_A′ for all five scans (they share the ECAL; only z positions differ).
  const auto spectra = std::make_shared<scan::spectrum_cache>();
  auto config = [&](scan::plane p) {
    auto c = scan::make_plane_config(p);
    c.spectra = spectra;
    c.intervals.relative_tolerance = o.tolerance;
    return c;
  };

  // ---- the five scans
  struct job {
    std::string dir;
    scan::plane_config c;
    std::vector<double> xs;
    scan::exclusion_table table{};
  };
  std::vector<job> jobs;
  {
    auto c = config(scan::plane::maprime_epsilon);
    jobs.push_back({"maprime-epsilon", c, scan::log_grid(1e-3, 1.0, o.points)});
    c = config(scan::plane::maprime_alphadark);
    jobs.push_back({"maprime-alphadark", c, scan::log_grid(1e-3, 1.0, o.points)});
    // m_χ1 = m_A′/3 on the same m_A′ grid: the spectra are shared with the first two planes.
    auto mchi1_grid = scan::log_grid(1e-3, 1.0, o.points);
    for (auto& x : mchi1_grid) x /= c.mass_ratio;
    c = config(scan::plane::mchi1_splitting);
    jobs.push_back({"mchi1-splitting", c, mchi1_grid});
    c.setup = detector::compact_hcal1();
    c.yield.eot = o.projection_eot;
    jobs.push_back({"mchi1-splitting-projection", c, mchi1_grid});
    c = config(scan::plane::maprime_epsilon);
    c.yield.kind = signal::model_kind::invisible;
    c.stats = scan::na64_2016_2018_analysis();
    // The invisible analysis (PRL 123 121801): one signal region; no S1 events are expected.
    jobs.push_back({"maprime-epsilon-invisible", c, scan::log_grid(1e-3, 1.0, o.points)});
  }
  for (auto& j : jobs) {
    ro.label = j.dir;
    j.table = scan::scan_plane(j.c, j.xs, ro);
    fs::create_directories(tmp / j.dir, ec);
    io::write_exclusion_files(tmp / j.dir, j.table, "--out");
    write_contour_formats(tmp / j.dir, j.table, j.c.which, true, true);
  }
  const auto t_scans = std::chrono::steady_clock::now();

  // ---- overlays: g−2 bands on the m_A′ grid
  {
    std::string csv =
        "mass_aprime_GeV,epsilon_central,epsilon_2sigma_low,epsilon_2sigma_high,"
        "epsilon_bnl_central,epsilon_bnl_2sigma_low,epsilon_bnl_2sigma_high\n";
    for (double m : jobs[0].xs) {
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
  // ---- overlays: the thermal relic target (Δ/m_χ1 = 0.4, α_D = 0.1, m_A′ = 3 m_χ1), in parallel
  std::size_t relic_failures = 0;
  std::vector<std::pair<double, double>> relic_line;  // (m_A′, ε)
  {
    const auto& c = jobs[0].c;
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
        ++relic_failures;
        continue;
      }
      const double m_aprime = c.mass_ratio * p.mass_chi1;
      // α_D giving the relic y at ε = ε_(g−2): y = ε² α_D / (m_A′/m_χ1)⁴ (the width's α_D
      // dependence of ⟨σv⟩ off resonance is neglected for this overlay).
      const double eps_g2 = physics::gm2_band(m_aprime, physics::gm2_discrepancy_2021).central;
      const double ad = p.y * std::pow(c.mass_ratio, 4) / (eps_g2 * eps_g2);
      csv += fmt::format("{},{},{},{},{}\n", p.mass_chi1, m_aprime, p.y, p.epsilon, ad);
      relic_line.emplace_back(m_aprime, p.epsilon);
    }
    write_text(tmp / "overlays" / "relic.csv", csv);
  }
  // ---- overlays: the relic line in the (m_χ1, Δ/m_χ1) plane at ε = ε_(g−2): the splitting f at
  // which y_relic(m_χ1, f) = ε_(g−2)² α_D / R⁴ (y_relic grows with f: Boltzmann suppression of χ2).
  {
    const auto& c = jobs[2].c;
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
  const auto t_overlays = std::chrono::steady_clock::now();

  // ---- summary numbers
  const auto& fig4 = jobs[0];
  const auto band = [](double m) {
    const auto b = physics::gm2_band(m, physics::gm2_discrepancy_2021);
    return std::pair{b.two_sigma_low, b.two_sigma_high};
  };
  const auto max_m_gm2 = scan::largest_x_covering(fig4.table, scan::plane_per_x(fig4.c), band);
  const auto eps_extent = scan::extent(fig4.table.rows);
  const auto split = scan::extent(jobs[2].table.rows);
  // The paper's "unexplored area for m_A' >~ 0.3 GeV": the Δ/m_χ1 edge at m_χ1 = 0.1 GeV.
  auto max_upper_at = [](const scan::plane_config& c, double x) {
    std::optional<double> best;
    for (const auto& r : scan::plane_per_x(c)(x))
      if (r.status.ok() && r.upper) best = std::max(best.value_or(0.0), *r.upper);
    return best;
  };
  const auto split_at_0p1 = max_upper_at(jobs[2].c, 0.1);
  const auto split_proj_at_0p1 = max_upper_at(jobs[3].c, 0.1);
  // Smallest ε of the thermal relic line that is excluded (the abstract's ε range is quoted for
  // the g−2 and relic region).
  std::optional<double> relic_eps_min;
  {
    const auto per_x = scan::plane_per_x(fig4.c);
    for (const auto& [m_aprime, eps] : relic_line)
      if (scan::covers(per_x(m_aprime), eps, eps))
        relic_eps_min = std::min(relic_eps_min.value_or(1.0), eps);
  }
  const auto split_proj = scan::extent(jobs[3].table.rows);
  std::optional<double> worst_ratio_lo, worst_ratio_hi;  // null when no published point overlaps
  for (const auto& p : published) {
    if (const auto e = lower_edge_at(jobs[4].table, p.mass)) {
      worst_ratio_lo = std::min(worst_ratio_lo.value_or(*e / p.epsilon), *e / p.epsilon);
      worst_ratio_hi = std::max(worst_ratio_hi.value_or(*e / p.epsilon), *e / p.epsilon);
    }
  }
  std::size_t failed_rows = 0;
  for (const auto& j : jobs)
    for (const auto& r : j.table.rows)
      if (!r.status.ok()) ++failed_rows;

  nlohmann::ordered_json s;
  auto opt = [](std::optional<double> v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  s["max_excluded_maprime_in_gm2_band_GeV"] = opt(max_m_gm2);
  s["epsilon_excluded_min"] =
      eps_extent.any ? nlohmann::ordered_json(eps_extent.min_lower) : nullptr;
  s["epsilon_excluded_max"] =
      eps_extent.any ? nlohmann::ordered_json(eps_extent.max_upper) : nullptr;
  s["epsilon_excluded_max_at_range_end"] = eps_extent.max_upper_at_range;
  s["max_excluded_splitting_at_gm2"] =
      split.any ? nlohmann::ordered_json(split.max_upper) : nullptr;
  s["max_excluded_splitting_at_gm2_at_range_end"] = split.max_upper_at_range;
  s["max_excluded_splitting_at_mchi1_0p1_GeV"] = opt(split_at_0p1);
  s["max_excluded_splitting_projection_at_mchi1_0p1_GeV"] = opt(split_proj_at_0p1);
  s["epsilon_relic_excluded_min"] = opt(relic_eps_min);
  s["max_excluded_splitting_projection"] =
      split_proj.any ? nlohmann::ordered_json(split_proj.max_upper) : nullptr;
  s["projection_setup"] = "compact_hcal1";
  s["projection_eot"] = o.projection_eot;
  s["invisible_recast_ratio_min"] = opt(worst_ratio_lo);
  s["invisible_recast_ratio_max"] = opt(worst_ratio_hi);
  s["relic_points_failed"] = relic_failures;
  s["failed_rows"] = failed_rows;
  s["points_per_plane"] = o.points;
  s["eot"] = fig4.c.yield.eot;
  s["setup"] = fig4.c.setup.name;
  s["cl"] = fig4.c.stats.cl;
  s["method"] = std::string(stats::to_string(fig4.c.stats.algorithm));
  s["paper"] = {{"max_excluded_maprime_in_gm2_band_GeV", paper_numbers::max_maprime_gm2},
                {"epsilon_excluded_min", paper_numbers::epsilon_min},
                {"epsilon_excluded_max", paper_numbers::epsilon_max},
                {"max_excluded_splitting_at_gm2", paper_numbers::splitting_weak}};
  const double secs_scans = std::chrono::duration<double>(t_scans - t0).count();
  const double secs_overlays = std::chrono::duration<double>(t_overlays - t_scans).count();
  s["seconds_scans"] = secs_scans;
  s["seconds_overlays"] = secs_overlays;
  write_text(tmp / "summary.json", s.dump(2) + "\n");

  // ---- plots
  std::string plot_note = "plots: skipped (--no-plots)";
  if (o.plots) {
    // An argument vector, no shell (process.hpp): paths are passed exactly as given.
    const std::vector<std::string> cmd{o.python, fs::absolute(o.plot_script).string(),
                                       tmp.string()};
    const auto r = run_process(cmd);
    plot_note = r.ok() ? "plots: fig4, fig5_alphadark, fig5_splitting (.png, .pdf)"
                       : fmt::format("plots: FAILED ({}: {}); CSVs and summary.json are complete",
                                     display_command(cmd), r.describe());
  }

  // ---- publish atomically: staging -> DIR (io/output_directory.hpp)
  out.publish();
  s["seconds_total"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  if (o.format == output_format::json) {
    fmt::print("{}\n", s.dump(2));
    return;
  }
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
  add("max m_A' with the g-2 band excluded [GeV]", paper_numbers::max_maprime_gm2, max_m_gm2, false,
      "like for like (validation.md 1)");
  add("smallest excluded epsilon on the relic line", paper_numbers::epsilon_min, relic_eps_min,
      false, "like for like (validation.md 2)");
  add("smallest excluded epsilon, whole scan", paper_numbers::epsilon_min,
      opt_extent(eps_extent, eps_extent.min_lower), false,
      "paper: relic/g-2 region only (validation.md 2)");
  add(eps_extent.max_upper_at_range ? "largest excluded epsilon (scan range end)"
                                    : "largest excluded epsilon",
      paper_numbers::epsilon_max, opt_extent(eps_extent, eps_extent.max_upper),
      eps_extent.max_upper_at_range, "depends on m_A' (validation.md 3)");
  add("largest excluded Delta/m_chi1 at m_chi1 = 0.1 GeV", paper_numbers::splitting_weak,
      split_at_0p1, false, "like for like (validation.md 4)");
  add(split.max_upper_at_range ? "largest excluded Delta/m_chi1 (scan range end)"
                               : "largest excluded Delta/m_chi1",
      paper_numbers::splitting_weak, opt_extent(split, split.max_upper), split.max_upper_at_range,
      "whole scan; paper: m_A' >~ 0.3 GeV (validation.md 4)");
  print_table(rows, o.format);
  fmt::print(
      "\nprojection (compact HCAL1, {:.3g} EOT): largest excluded Delta/m_chi1 = {} over the scan, "
      "{} at m_chi1 = 0.1 GeV (now {})\n",
      o.projection_eot, num(split_proj.any ? std::optional(split_proj.max_upper) : std::nullopt),
      num(split_proj_at_0p1), num(split_at_0p1));
  fmt::print("invisible re-cast / published NA64 2019 limit: ratio in [{}, {}]\n",
             worst_ratio_lo ? fmt::format("{:.2f}", *worst_ratio_lo) : "-",
             worst_ratio_hi ? fmt::format("{:.2f}", *worst_ratio_hi) : "-");
  fmt::print("{}; {} failed scan rows; {} relic points failed\n", plot_note, failed_rows,
             relic_failures);
  fmt::print("wrote {}/ in {:.2f} s (scans {:.2f} s, overlays {:.2f} s)\n", out.target().string(),
             s["seconds_total"].get<double>(), secs_scans, secs_overlays);
}

}  // namespace

void add_na64_2021_command(CLI::App& app) {
  auto o = std::make_shared<na64_options>();
  auto* cmd = app.add_subcommand("na64-2021", "Reproduce the NA64 2021 paper's Fig. 4 and Fig. 5");
  cmd->add_option("--out", o->out, "Output directory")->capture_default_str();
  cmd->add_flag("--force", o->force,
                "Replace --out even if it holds files this tool did not write");
  cmd->add_option("--points", o->points, "x values per plane")
      ->check(point_count)
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores)")
      ->check(thread_count)
      ->capture_default_str();
  cmd->add_option("--tolerance", o->tolerance, "Relative tolerance of the edges")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_option("--projection-eot", o->projection_eot, "EOT of the compact-HCAL1 projection")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_flag("!--no-plots", o->plots, "Skip the matplotlib plots")
      ->disable_flag_override();  // CLI11 2.1: --no-plots=<huge number> escaped as
                                  // std::out_of_range
  cmd->add_option("--python", o->python, "Python interpreter with matplotlib")
      ->capture_default_str();
  cmd->add_option("--plot-script", o->plot_script, "The plotting script")->capture_default_str();
  cmd->add_option("--reference", o->reference_csv, "Published NA64 invisible limit (CSV)")
      ->capture_default_str();
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_na64(*o); });
}

}  // namespace semivisible::cli
