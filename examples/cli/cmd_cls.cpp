// examples/cli/cmd_cls.cpp — `semivisible cls`: CLs upper limit on the signal strength μ for a
// binned counting experiment (stats/cls.hpp), with the expected band; optionally writes the
// model as a pyhf workspace (io/pyhf.hpp). Contract: docs/cli.md ("cls").
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/io/pyhf.hpp"
#include "semivisible/stats.hpp"

namespace semivisible::cli {
namespace {

/// A whole number >= 0 (an observed count).
const CLI::Validator whole_number{
    [](std::string& s) -> std::string {
      try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size() || !std::isfinite(v) || v < 0 || v != std::floor(v) || v > 1e9)
          return fmt::format("must be a whole number >= 0, got '{}'", s);
      } catch (const std::exception&) {
        return fmt::format("must be a whole number >= 0, got '{}'", s);
      }
      return {};
    },
    "COUNT"};

struct cls_command_options {
  std::vector<double> observed, background, background_uncertainty, signal;
  double signal_uncertainty = 0.0;
  double cl = 0.9;
  std::string method_name{stats::to_string(stats::default_scan_method)};
  std::string constraint_name = "log-normal";
  std::size_t toys = 2000;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  bool no_expected = false;
  std::string pyhf;
  output_format format = output_format::text;
};

void run_cls(const cls_command_options& o) {
  const stats::method algorithm = stats::method_from_string(o.method_name);
  const stats::constraint_type constraint = o.constraint_name == "gaussian"
                                                ? stats::constraint_type::gaussian
                                                : stats::constraint_type::log_normal;
  const std::size_t n = o.observed.size();
  auto same_size = [n](const std::vector<double>& v, std::string_view option) {
    if (v.size() != n)
      throw invalid_parameter(fmt::format(
          "{} has {} value(s), but --observed has {}: give one per bin", option, v.size(), n));
  };
  same_size(o.background, "--background");
  same_size(o.signal, "--signal");
  std::vector<double> unc = o.background_uncertainty;
  if (unc.empty()) unc.assign(n, 0.0);
  same_size(unc, "--background-uncertainty");
  const double total = std::accumulate(o.signal.begin(), o.signal.end(), 0.0);
  if (!(total > 0))
    throw invalid_parameter(fmt::format("--signal = {}: the signal must be > 0 in at least one bin",
                                        fmt::join(o.signal, ",")));
  for (std::size_t i = 0; i < n; ++i)
    if (constraint == stats::constraint_type::log_normal && o.background[i] == 0 && unc[i] > 0)
      throw invalid_parameter(fmt::format(
          "--background-uncertainty = {} in bin {} where --background = 0: a log-normal "
          "uncertainty needs a background > 0 (or use --constraint gaussian)",
          unc[i], i));
  const stats::counting_model model(o.observed, o.background, unc, o.signal_uncertainty,
                                    constraint);
  if (!o.pyhf.empty()) io::write_pyhf_workspace(o.pyhf, model, o.signal);
  stats::limit_options lo;
  lo.cl = o.cl;
  lo.algorithm = algorithm;
  lo.expected = !o.no_expected;
  lo.toys = o.toys;
  lo.seed = o.seed;
  lo.threads = o.threads;
  const stats::limit_result r = stats::upper_limit(model, o.signal, lo);
  record rec{{"mu_upper", finite_or_null(r.mu_upper)},
             {"signal_upper", finite_or_null(r.mu_upper * total)},
             {"expected_median", finite_or_null(r.expected_median)},
             {"expected_minus1", finite_or_null(r.expected_minus1)},
             {"expected_plus1", finite_or_null(r.expected_plus1)},
             {"expected_minus2", finite_or_null(r.expected_minus2)},
             {"expected_plus2", finite_or_null(r.expected_plus2)},
             {"method", std::string(stats::to_string(r.algorithm))},
             {"cl", r.cl},
             {"constraint", std::string(stats::to_string(constraint))},
             {"signal_total", total},
             {"status", std::string(to_string(r.status.code))}};
  if (algorithm == stats::method::toys) {
    rec.emplace_back("toys", static_cast<std::int64_t>(o.toys));
    rec.emplace_back("seed", static_cast<std::int64_t>(o.seed));
  }
  std::vector<std::string> notes{
      fmt::format("{:g} % CL upper limit on mu (signal = mu x --signal), {} method", 100 * o.cl,
                  stats::to_string(algorithm)),
      "expected band: quantiles 2.3/15.9/50/84.1/97.7 % of the background-only limit"};
  if (!r.status.ok()) notes.push_back("solver: " + r.status.message);
  if (!o.pyhf.empty()) notes.push_back("pyhf workspace written to " + o.pyhf);
  print_record(rec, o.format, notes);
}

}  // namespace

void add_cls_command(CLI::App& app) {
  auto o = std::make_shared<cls_command_options>();
  auto* cmd = app.add_subcommand(
      "cls", "CLs upper limit on the signal strength mu for a binned counting experiment");
  cmd->add_option("--observed", o->observed, "Observed events per bin, comma separated (e.g. 0,0)")
      ->required()
      ->delimiter(',')
      ->check(whole_number);
  cmd->add_option("--background", o->background, "Expected background events per bin")
      ->required()
      ->delimiter(',')
      ->check(non_negative_number);
  cmd->add_option("--background-uncertainty", o->background_uncertainty,
                  "Absolute background uncertainty per bin [events] (default 0)")
      ->delimiter(',')
      ->check(non_negative_number);
  cmd->add_option("--signal", o->signal, "Expected signal events per bin at mu = 1")
      ->required()
      ->delimiter(',')
      ->check(non_negative_number);
  cmd->add_option("--signal-uncertainty", o->signal_uncertainty,
                  "Relative signal uncertainty shared by all bins (e.g. 0.2)")
      ->check(non_negative_number)
      ->capture_default_str();
  cmd->add_option("--cl", o->cl, "Confidence level")
      ->check(open_unit_interval)
      ->capture_default_str();
  cmd->add_option("--method", o->method_name, "CLs method: asymptotic, toys or exact")
      ->check(CLI::IsMember({"asymptotic", "toys", "exact"}))
      ->capture_default_str();
  cmd->add_option("--constraint", o->constraint_name,
                  "Nuisance constraint: log-normal (default) or gaussian")
      ->check(CLI::IsMember({"log-normal", "gaussian"}))
      ->capture_default_str();
  cmd->add_option("--toys", o->toys, "Pseudo-experiments per hypothesis (--method toys)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Random seed for --method toys (reproducible)")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads for toys (0: all cores)")
      ->capture_default_str();
  cmd->add_flag("--no-expected", o->no_expected, "Skip the expected band");
  cmd->add_option("--pyhf", o->pyhf, "Also write the model as a pyhf JSON workspace to FILE");
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_cls(*o); });
}
}  // namespace semivisible::cli
