// examples/cli/cmd_survey.cpp — `semivisible survey`: the survival map of the semi-visible model
// over (m_A′, α_D, m_A′/m_χ1, Δ/m_χ1), written to DIR/survey.csv and DIR/survey.json, plus
// heat-map slices (plot_survey.py). Contract: docs/cli.md "survey"; method:
// semivisible/survey/engine.hpp; docs/survey.md.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "data_dir.hpp"
#include "process.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/io/output_directory.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/survey.hpp"

namespace semivisible::cli {
namespace {

namespace fs = std::filesystem;

struct survey_cli_options {
  std::string m_aprime_range = "0.01:1";
  std::string alpha_dark_range = "1e-3:0.5";
  std::string mass_ratio_range = "2.1:5";
  std::string splitting_range = "0.05:1";
  std::string points = "40,50,10,10";
  std::optional<std::string> experiments{};
  std::string epsilon_range = "1e-8:1";
  std::string gm2 = "2021";
  std::size_t samples_per_node = 32;
  std::size_t relic_alpha_nodes = 5;
  bool relic = true;
  double tolerance = 1e-3;
  std::string shard = "1/1";
  std::string out;
  unsigned threads = 0;
  bool force = false;
  bool plots = true;
  std::string python = "/usr/bin/python3";
  std::string plot_script;
  output_format format = output_format::text;
};

/// "LO:HI" or a single value "V" (= V:V, for one grid point).
survey::axis parse_axis(const std::string& text, const std::string& option, std::size_t points) {
  survey::axis a;
  a.points = points;
  double v = 0;
  if (text.find(':') == std::string::npos && scan::detail::parse_double(text, v)) {
    a.lo = a.hi = v;
  } else {
    const auto r = scan::parse_range(text, option);
    a.lo = r.lo;
    a.hi = r.hi;
  }
  if (points == 1 && a.lo != a.hi)
    throw invalid_parameter(
        fmt::format("{} = '{}' with 1 point, but one point needs a single value (give V or V:V)",
                    option, text));
  return a;
}

std::vector<std::size_t> parse_points(const std::string& text) {
  std::vector<std::size_t> n;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    if (item.empty() || ec != std::errc{} || end != item.data() + item.size())
      throw invalid_parameter(fmt::format(
          "--points = '{}', but must be N_MAPRIME,N_ALPHA,N_RATIO,N_SPLITTING (whole numbers)",
          text));
    if (v == 0)
      throw invalid_parameter(fmt::format(
          "--points = '{}', but every count must be >= 1 (a survey of zero points)", text));
    n.push_back(v);
  }
  if (n.size() != 4)
    throw invalid_parameter(fmt::format(
        "--points = '{}', but must be four counts N_MAPRIME,N_ALPHA,N_RATIO,N_SPLITTING", text));
  return n;
}

bool is_projection(const experiment::experiment& e) {
  std::string d = e.description;
  std::transform(d.begin(), d.end(), d.begin(), [](unsigned char c) { return std::tolower(c); });
  return d.find("projection") != std::string::npos || d.find("proposal") != std::string::npos;
}

/// A file that re-analyses another file's data under other assumptions (its description starts
/// with "Variant of", e.g. na64-2016-2018-ecal): the default list leaves it out, because beside
/// its parent it would count the same events twice, and an upper-bound variant (the ECAL one)
/// would decide the "all experiments" boundary.
bool is_variant(const experiment::experiment& e) {
  return e.description.starts_with("Variant of");
}

/// --experiments, or every built-in with data (projections, proposals and variants left out) that
/// loads.
std::vector<experiment::experiment> load_experiments(const survey_cli_options& o,
                                                     std::vector<std::string>& notes) {
  std::vector<experiment::experiment> out;
  if (o.experiments) {
    std::stringstream in(*o.experiments);
    std::string item;
    while (std::getline(in, item, ',')) {
      if (item.empty())
        throw invalid_parameter(
            fmt::format("--experiments = '{}': empty name (give NAME|FILE[,...])", *o.experiments));
      try {
        out.push_back(experiment::resolve(item, data_dir()));
      } catch (const std::exception& e) {
        throw invalid_parameter(fmt::format("--experiments: '{}': {}", item, e.what()));
      }
    }
    if (out.empty())
      throw invalid_parameter(
          fmt::format("--experiments = '{}': no experiment named", *o.experiments));
  } else {
    for (const auto& name : experiment::builtin_names(data_dir())) {
      try {
        auto e = experiment::builtin(name, data_dir());
        if (is_projection(e)) {
          notes.push_back(
              fmt::format("{}: a projection, not data (left out; name it to use it)", name));
          continue;
        }
        if (is_variant(e)) {
          notes.push_back(fmt::format(
              "{}: a variant of another file's analysis (left out; name it to use it)", name));
          continue;
        }
        if (!e.is_collider()) (void)production::source_set(e);  // sources the library builds
        out.push_back(std::move(e));
      } catch (const std::exception& e) {
        notes.push_back(
            fmt::format("{}: cannot run the semi-visible model, left out: {}", name, e.what()));
      }
    }
    if (out.empty()) throw invalid_parameter("survey: no built-in experiment could be loaded");
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (out[i].name == out[j].name)
        throw invalid_parameter(fmt::format("--experiments: '{}' is given twice", out[i].name));
  return out;
}

fs::path survey_plot_script(const survey_cli_options& o) {
  if (!o.plot_script.empty()) return o.plot_script;
  if (auto share = installed_share_dir(); !share.empty()) {
    std::error_code ec;
    if (fs::exists(share / "plot_survey.py", ec)) return share / "plot_survey.py";
  }
#ifdef SEMIVISIBLE_SURVEY_PLOT_SCRIPT
  return SEMIVISIBLE_SURVEY_PLOT_SCRIPT;
#else
  return {};
#endif
}

void run_survey(const survey_cli_options& o) {
  const auto t0 = std::chrono::steady_clock::now();
  // Everything is validated before --out is touched.
  const auto n = parse_points(o.points);
  survey::survey_config c;
  c.axes.mass_aprime = parse_axis(o.m_aprime_range, "--m-aprime-range", n[0]);
  c.axes.alpha_dark = parse_axis(o.alpha_dark_range, "--alpha-dark-range", n[1]);
  c.axes.mass_ratio = parse_axis(o.mass_ratio_range, "--mass-ratio-range", n[2]);
  c.axes.splitting = parse_axis(o.splitting_range, "--splitting-range", n[3]);
  using L = model::limits;
  if (!(c.axes.alpha_dark.hi <= L::alpha_dark_max))
    throw invalid_parameter(
        fmt::format("--alpha-dark-range = '{}', but alpha_D must be <= 4 pi = {} (perturbativity)",
                    o.alpha_dark_range, L::alpha_dark_max));
  if (!(c.axes.mass_ratio.lo > 2))
    throw invalid_parameter(fmt::format(
        "--mass-ratio-range = '{}', but m_A'/m_chi1 must be > 2 + Delta/m_chi1 (A' -> chi1 "
        "chi2 open: m_A' > m_chi1 + m_chi2); LO <= 2 is closed for every splitting",
        o.mass_ratio_range));
  if (!survey::decay_open(c.axes.mass_ratio.hi, c.axes.splitting.lo))
    throw invalid_parameter(fmt::format(
        "--mass-ratio-range = '{}' and --splitting-range = '{}', but no point has m_A'/m_chi1 > "
        "2 + Delta/m_chi1 (A' -> chi1 chi2 closed everywhere)",
        o.mass_ratio_range, o.splitting_range));
  try {
    survey::validate(c.axes);
  } catch (const invalid_parameter& e) {
    throw invalid_parameter(fmt::format("survey: {}", e.what()));
  }
  const auto er = scan::parse_range(o.epsilon_range, "--epsilon-range");
  if (!(er.lo >= L::epsilon_min) || !(er.hi <= L::epsilon_max))
    throw invalid_parameter(fmt::format("--epsilon-range = '{}', but epsilon must lie in [{}, {}]",
                                        o.epsilon_range, L::epsilon_min, L::epsilon_max));
  c.intervals.lo = er.lo;
  c.intervals.hi = er.hi;
  c.intervals.relative_tolerance = o.tolerance;
  // the scan's seed density (32 over 5 decades), at least 16
  c.intervals.seed_points = std::max<std::size_t>(
      16, static_cast<std::size_t>(std::ceil(32.0 / 5.0 * std::log10(er.hi / er.lo))) + 1);
  c.gm2 = o.gm2 == "bnl" ? physics::gm2_discrepancy_bnl : physics::gm2_discrepancy_2021;
  c.relic.enabled = o.relic;
  c.relic.alpha_nodes = o.relic_alpha_nodes;
  std::vector<std::string> notes;
  for (auto& e : load_experiments(o, notes)) {
    survey::experiment_setup s;
    s.experiment = std::move(e);
    s.yield.sampling.per_node = o.samples_per_node;
    c.experiments.push_back(std::move(s));
  }
  survey::run_options ro;
  ro.shard = scan::parse_shard(o.shard, "--shard");
  ro.threads = o.threads;
  const survey::prepared_survey s(std::move(c));  // builds the sources: bad data fails here
  const fs::path script = survey_plot_script(o);
  const bool plots = o.plots && ro.shard.count == 1;
  std::error_code ec;
  if (plots && !fs::is_regular_file(script, ec))
    throw invalid_parameter(fmt::format(
        "survey: --plot-script = '{}', but must be an existing file (or give --no-plots)",
        script.string()));
  io::output_directory out(o.out, {.force = o.force});  // refused --out fails before computing

  const auto t_start = std::chrono::steady_clock::now();
  const auto t = s.run(ro);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();
  // The two texts are independent reads of the const table, built at once: for the default 2e5
  // points (89 MB CSV, 204 MB JSON) the serial writing was 9 s of a 74 s run.
  auto csv_text = std::async(std::launch::async, [&t] { return survey::to_csv_text(t); });
  const std::string json_text = survey::to_json_text(t);
  io::write_atomically(out.staging() / "survey.csv", csv_text.get());
  io::write_atomically(out.staging() / "survey.json", json_text);
  std::string plot_note = ro.shard.count == 1 ? "plots: skipped (--no-plots)"
                                              : "plots: skipped for a shard (plot after merge)";
  if (plots) {
    const std::vector<std::string> cmd{o.python, fs::absolute(script).string(),
                                       out.staging().string()};
    const auto r = run_process(cmd);
    plot_note = r.ok() ? "plots: survey_*.png"
                       : fmt::format("plots: FAILED ({}: {}); survey.csv/json are complete",
                                     display_command(cmd), r.describe());
  }
  out.publish();

  std::int64_t ok = 0, closed = 0, failed = 0, band_excluded = 0;
  const auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), name) -
                                    t.columns.begin());
  };
  const std::size_t st = col("status"), fr = col("gm2_band_allowed_fraction");
  for (const auto& r : t.rows) {
    const auto status = r[st].get<std::string>();
    if (status == "ok")
      ++ok;
    else if (status == "closed")
      ++closed;
    else
      ++failed;
    if (r[fr].is_number() && r[fr].get<double>() == 0) ++band_excluded;
  }
  std::string names;
  for (const auto& e : s.config().experiments)
    names += (names.empty() ? "" : ",") + e.experiment.name;
  notes.push_back(plot_note);
  print_record({{"experiments", names},
                {"shard", scan::to_string(ro.shard)},
                {"points", static_cast<std::int64_t>(t.rows.size())},
                {"points_ok", ok},
                {"points_closed", closed},
                {"points_failed", failed},
                {"points_band_fully_excluded", band_excluded},
                {"seconds_compute", seconds},
                {"seconds_total",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()},
                {"out", o.out}},
               o.format, notes);
}

}  // namespace

void add_survey_command(CLI::App& app) {
  auto o = std::make_shared<survey_cli_options>();
  auto* cmd = app.add_subcommand(
      "survey", "Survival map: where the g-2 band and the relic epsilon stay allowed");
  cmd->add_option("--m-aprime-range", o->m_aprime_range, "m_A' range LO:HI [GeV] (log axis)")
      ->capture_default_str();
  cmd->add_option("--alpha-dark-range", o->alpha_dark_range, "alpha_D range LO:HI (<= 4 pi)")
      ->capture_default_str();
  cmd->add_option("--mass-ratio-range", o->mass_ratio_range, "m_A'/m_chi1 range LO:HI (> 2)")
      ->capture_default_str();
  cmd->add_option("--splitting-range", o->splitting_range, "Delta/m_chi1 range LO:HI")
      ->capture_default_str();
  cmd->add_option("--points", o->points, "Grid points N_MAPRIME,N_ALPHA,N_RATIO,N_SPLITTING")
      ->capture_default_str();
  cmd->add_option("--experiments", o->experiments,
                  "NAME|FILE[,...] (default: every built-in with data; see `experiments`)");
  cmd->add_option("--experiment", o->experiments, "Alias of --experiments");
  cmd->add_option("--epsilon-range", o->epsilon_range, "epsilon range searched LO:HI")
      ->capture_default_str();
  cmd->add_option("--gm2", o->gm2, "g-2 discrepancy: 2021 (251+-59) or bnl (279+-76)")
      ->check(CLI::IsMember({"2021", "bnl"}))
      ->capture_default_str();
  cmd->add_option("--samples-per-node", o->samples_per_node,
                  "A' angles per energy node of event-level regions (E137); scan uses 32")
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}))
      ->capture_default_str();
  cmd->add_option("--relic-alpha-nodes", o->relic_alpha_nodes,
                  "Exact relic solutions per mass triple, interpolated in ln alpha_D (0: all)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{16}))
      ->capture_default_str();
  cmd->add_flag("!--no-relic", o->relic, "Skip the relic column")->disable_flag_override();
  cmd->add_option("--tolerance", o->tolerance, "Relative tolerance of the epsilon edges")
      ->check(open_unit_interval)
      ->capture_default_str();
  cmd->add_option("--shard", o->shard, "Run only shard K of N (every N-th mass triple): K/N")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores)")
      ->check(thread_count)
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Output directory")->required();
  cmd->add_flag("--force", o->force,
                "Replace --out even if it holds files this tool did not write");
  cmd->add_flag("!--no-plots", o->plots, "Skip the heat-map plots")->disable_flag_override();
  cmd->add_option("--python", o->python, "Python interpreter with matplotlib")
      ->capture_default_str();
  cmd->add_option("--plot-script", o->plot_script,
                  "The plotting script (default: the installed or source-tree plot_survey.py)");
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_survey(*o); });
}

}  // namespace semivisible::cli
