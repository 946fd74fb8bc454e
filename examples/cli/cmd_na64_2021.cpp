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
// (all with the paper's production choice: dark bremsstrahlung of the whole shower), and the
// other curves of Fig. 4 (na64_2021_summary.hpp, other_curves): NA64 with resonant annihilation,
// and every other built-in experiment of the list (E137, ...) that the data folder holds.
// plus the overlays (g−2 bands, thermal relic line, published invisible limit), summary.json,
// PNG/PDF plots (matplotlib script) and a comparison table with the paper's stated numbers.
// Everything is written to a unique staging directory beside DIR and renamed to DIR at the end
// (io/output_directory.hpp): never half-written, never over a directory this tool did not write.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "data_dir.hpp"
#include "na64_2021_overlays.hpp"
#include "na64_2021_summary.hpp"
#include "process.hpp"
#include "semivisible/io/output_directory.hpp"
#include "semivisible/io/two_column_csv.hpp"

namespace semivisible::cli {
namespace {

using namespace na64;  // the reproduction's pieces: na64_2021_overlays.hpp, na64_2021_summary.hpp

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

/// The reference curve and the plotting script: the options', else the installed or source-tree
/// defaults (data_dir.hpp).
struct na64_inputs {
  fs::path data;
  std::string reference_csv, plot;
};

na64_inputs resolve_inputs(const na64_options& o) {
  na64_inputs in;
  in.data = data_dir();
  in.reference_csv = o.reference_csv.empty()
                         ? (in.data / "reference" / "na64_invisible_2019_eps90.csv").string()
                         : o.reference_csv;
  in.plot = o.plot_script.empty() ? plot_script().string() : o.plot_script;
  return in;
}

void run_na64_into(const na64_options& o, const na64_inputs& in, io::output_directory& out);

/// Checks the inputs, then runs the reproduction into a staging directory beside --out and
/// publishes it there (io/output_directory.hpp); on failure the staging directory is removed.
void run_na64(const na64_options& o) {
  if (o.points < 2)
    throw invalid_parameter(fmt::format("na64-2021: --points = {}, but must be >= 2", o.points));
  const auto in = resolve_inputs(o);
  std::error_code ec;
  if (o.plots && !fs::is_regular_file(in.plot, ec))
    throw invalid_parameter(fmt::format(
        "na64-2021: --plot-script = '{}', but must be an existing file (or give --no-plots)",
        in.plot));
  io::output_directory out(o.out, {.force = o.force});  // refused or busy --out: fails here
  run_na64_into(o, in, out);
}

void run_na64_into(const na64_options& o, const na64_inputs& in, io::output_directory& out) {
  const auto t0 = std::chrono::steady_clock::now();
  const fs::path tmp = out.staging();
  std::error_code ec;
  fs::create_directories(tmp / "overlays", ec);
  if (ec)
    throw std::runtime_error(fmt::format("na64-2021: cannot create '{}': {}",
                                         (tmp / "overlays").string(), ec.message()));
  const auto published = read_reference(in.reference_csv);
  auto jobs = make_jobs(o, in.data);

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
    // An argument vector, no shell (process.hpp): paths are passed exactly as given.
    const std::vector<std::string> cmd{o.python, fs::absolute(in.plot).string(), tmp.string()};
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
  print_comparison(numbers, o);
  fmt::print("{}; {} failed scan rows; {} relic points failed\n", plot_note, numbers.failed_rows,
             numbers.relic_failures);
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
  cmd->add_option("--other-points", o->other_points,
                  "x values of the other experiments' curves on Fig. 4 (at most --points)")
      ->check(point_count)
      ->capture_default_str();
  cmd->add_flag("!--no-plots", o->plots, "Skip the matplotlib plots")
      ->disable_flag_override();  // CLI11 2.1: --no-plots=<huge number> escaped as
                                  // std::out_of_range
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
