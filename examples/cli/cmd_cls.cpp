// examples/cli/cmd_cls.cpp — `semivisible cls`: CLs upper limit on the signal strength μ for a
// binned counting experiment (stats/cls.hpp), with the expected band; optionally writes the
// model as a pyhf workspace (io/pyhf.hpp). Contract: docs/cli.md ("cls").
// The command parses the options' syntax (lists, whole numbers) and leaves the meaning of the
// values to the library, whose messages it passes through prefixed with the option and its text.
// Every call ends within the library's work budget: the exact method falls back to the
// asymptotic one beyond it (a warning on stderr, the `method`/`band_method` keys say which), a
// toys request beyond it is refused (docs/statistics.md §7).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/io/pyhf.hpp"
#include "semivisible/stats.hpp"

namespace semivisible::cli {
namespace {

struct cls_command_options {
  std::string observed, background, background_uncertainty, signal;  // comma-separated lists
  double signal_uncertainty = 0.0;
  double cl = 0.9;
  std::string method_name{stats::to_string(stats::default_scan_method)};
  std::string constraint_name = "log-normal";
  std::string toys = "2000";
  std::string seed = "1";
  std::string threads = "0";
  bool no_expected = false;
  std::string pyhf;
  output_format format = output_format::text;
};

[[noreturn]] void bad_option(std::string_view option, std::string_view text,
                             std::string_view requirement) {
  throw invalid_parameter(fmt::format("{} = '{}': {}", option, text, requirement));
}

/// A comma-separated list of finite numbers (spaces around items allowed, no empty items).
std::vector<double> parse_list(std::string_view option, const std::string& text) {
  std::vector<double> values;
  std::size_t start = 0, item = 1;
  const auto items = static_cast<std::size_t>(std::count(text.begin(), text.end(), ',')) + 1;
  while (true) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    std::string piece = text.substr(start, end - start);
    const auto first = piece.find_first_not_of(" \t");
    piece = first == std::string::npos ? std::string{} : piece.substr(first);
    piece.erase(piece.find_last_not_of(" \t") + 1);
    if (piece.empty())
      bad_option(option, text,
                 items == 1 ? std::string("an empty list (give one number per bin)")
                            : fmt::format("item {} of {} is empty (give one number per bin, "
                                          "separated by commas)",
                                          item, items));
    try {
      std::size_t used = 0;
      const double v = std::stod(piece, &used);
      if (used != piece.size()) throw std::invalid_argument(piece);
      values.push_back(v);  // NaN/inf are passed on: the library names them
    } catch (const std::exception&) {
      bad_option(option, text, fmt::format("item {} ('{}') is not a number", item, piece));
    }
    if (end == text.size()) break;
    start = end + 1;
    ++item;
  }
  return values;
}

/// A whole number in [lo, hi] written in decimal digits (a leading '+' allowed) — for --seed,
/// where every value up to 2^64 − 1 must be exact.
std::uint64_t parse_seed(std::string_view option, const std::string& text) {
  const std::string requirement = fmt::format("must be a whole number in [0, {}] (decimal digits)",
                                              std::numeric_limits<std::uint64_t>::max());
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
    bad_option(option, text, requirement);
  std::uint64_t v = 0;
  for (const char c : digits) {
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
      bad_option(option, text, requirement);
    v = 10 * v + d;
  }
  return v;
}

/// A whole number in [lo, hi], in any numeric notation (1e4 is accepted as 10000).
std::uint64_t parse_count(std::string_view option, const std::string& text, double lo, double hi) {
  const std::string requirement = fmt::format("must be a whole number in [{:g}, {:g}]", lo, hi);
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);
    if (used == text.size() && std::isfinite(v) && v == std::floor(v) && v >= lo && v <= hi)
      return static_cast<std::uint64_t>(v);
  } catch (const std::exception&) {
  }
  bad_option(option, text, requirement);
}

/// The library parameter a message of the form "function: parameter = value, ..." names.
std::string parameter_of(std::string_view message) {
  const auto colon = message.find(": ");
  const auto equals = message.find(" = ", colon == std::string_view::npos ? 0 : colon + 2);
  if (colon == std::string_view::npos || equals == std::string_view::npos) return {};
  std::string p(message.substr(colon + 2, equals - colon - 2));
  if (p.starts_with("sum(") && p.ends_with(")")) p = p.substr(4, p.size() - 5);
  if (const auto bracket = p.find('['); bracket != std::string::npos) p.resize(bracket);
  if (const auto dot = p.find(".size()"); dot != std::string::npos) p.resize(dot);
  return p;
}

void run_cls(const cls_command_options& o) {
  const std::map<std::string, std::pair<std::string_view, std::string>> options_of{
      {"observed", {"--observed", o.observed}},
      {"background", {"--background", o.background}},
      {"background_uncertainty", {"--background-uncertainty", o.background_uncertainty}},
      {"signal", {"--signal", o.signal}},
      {"signal_uncertainty", {"--signal-uncertainty", fmt::format("{}", o.signal_uncertainty)}},
      {"cl", {"--cl", fmt::format("{}", o.cl)}},
      {"toys", {"--toys", o.toys}},
      {"seed", {"--seed", o.seed}},
      {"threads", {"--threads", o.threads}}};
  const std::vector<double> observed = parse_list("--observed", o.observed);
  const std::vector<double> background = parse_list("--background", o.background);
  std::vector<double> unc = o.background_uncertainty.empty()
                                ? std::vector<double>(observed.size(), 0.0)
                                : parse_list("--background-uncertainty", o.background_uncertainty);
  const std::vector<double> signal = parse_list("--signal", o.signal);
  stats::limit_options lo;
  lo.toys = parse_count("--toys", o.toys, 1, 1e9);
  lo.seed = parse_seed("--seed", o.seed);
  lo.threads = static_cast<unsigned>(parse_count("--threads", o.threads, 0, 1024));
  lo.cl = o.cl;
  lo.algorithm = stats::method_from_string(o.method_name);
  lo.expected = !o.no_expected;
  const stats::constraint_type constraint = o.constraint_name == "gaussian"
                                                ? stats::constraint_type::gaussian
                                                : stats::constraint_type::log_normal;
  try {
    const stats::counting_model model(observed, background, unc, o.signal_uncertainty, constraint);
    if (!o.pyhf.empty()) io::write_pyhf_workspace(o.pyhf, model, signal);
    const stats::limit_result r = stats::upper_limit(model, signal, lo);
    const double total = std::accumulate(signal.begin(), signal.end(), 0.0);
    record rec{{"mu_upper", finite_or_null(r.mu_upper)},
               {"signal_upper", finite_or_null(r.mu_upper * total)},
               {"expected_median", finite_or_null(r.expected_median)},
               {"expected_minus1", finite_or_null(r.expected_minus1)},
               {"expected_plus1", finite_or_null(r.expected_plus1)},
               {"expected_minus2", finite_or_null(r.expected_minus2)},
               {"expected_plus2", finite_or_null(r.expected_plus2)},
               {"method", std::string(stats::to_string(r.algorithm))},
               {"cl", r.cl},
               {"band_method",
                lo.expected ? value{std::string(stats::to_string(r.band_algorithm))} : value{}},
               {"constraint", std::string(stats::to_string(constraint))},
               {"signal_total", total},
               {"status", std::string(to_string(r.status.code))},
               {"warning", r.warning.empty() ? value{} : value{r.warning}}};
    if (lo.algorithm == stats::method::toys) {
      rec.emplace_back("toys", static_cast<std::int64_t>(lo.toys));
      if (lo.seed <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        rec.emplace_back("seed", static_cast<std::int64_t>(lo.seed));
      else
        rec.emplace_back("seed", fmt::format("{}", lo.seed));  // beyond int64: as text
    }
    std::vector<std::string> notes{
        fmt::format("{:g} % CL upper limit on mu (signal = mu x --signal), {} method", 100 * o.cl,
                    stats::to_string(r.algorithm)),
        "expected band: quantiles 2.3/15.9/50/84.1/97.7 % of the background-only limit"};
    if (!r.status.ok()) notes.push_back("solver: " + r.status.message);
    if (!o.pyhf.empty()) notes.push_back("pyhf workspace written to " + o.pyhf);
    if (!r.warning.empty()) fmt::print(stderr, "semivisible: warning: {}\n", r.warning);
    if (!r.status.ok())
      fmt::print(stderr, "semivisible: warning: status {}: {}\n", to_string(r.status.code),
                 r.status.message);
    print_record(rec, o.format, notes);
  } catch (const invalid_parameter& e) {
    // The library names its parameter; say which option and text it came from.
    const auto it = options_of.find(parameter_of(e.what()));
    if (it == options_of.end()) throw;
    throw invalid_parameter(
        fmt::format("{} = '{}': {}", it->second.first, it->second.second, e.what()));
  }
}

}  // namespace

void add_cls_command(CLI::App& app) {
  auto o = std::make_shared<cls_command_options>();
  auto* cmd = app.add_subcommand(
      "cls", "CLs upper limit on the signal strength mu for a binned counting experiment");
  cmd->add_option("--observed", o->observed,
                  "Observed events per bin, comma separated whole numbers (e.g. 0,0)")
      ->required();
  cmd->add_option("--background", o->background,
                  "Expected background events per bin, comma separated")
      ->required();
  cmd->add_option("--background-uncertainty", o->background_uncertainty,
                  "Absolute background uncertainty per bin [events] (default 0)");
  cmd->add_option("--signal", o->signal, "Expected signal events per bin at mu = 1")->required();
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
  cmd->add_option("--toys", o->toys,
                  "Pseudo-experiments per hypothesis (--method toys), a whole number >= 1 "
                  "(refused beyond the work budget)")
      ->type_name("COUNT")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed,
                  "Random seed for --method toys (reproducible), a whole number in [0, 2^64-1]")
      ->type_name("UINT64")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads for toys (0: all cores), in [0, 1024]")
      ->type_name("COUNT")
      ->capture_default_str();
  cmd->add_flag("--no-expected", o->no_expected, "Skip the expected band");
  cmd->add_option("--pyhf", o->pyhf, "Also write the model as a pyhf JSON workspace to FILE");
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_cls(*o); });
}
}  // namespace semivisible::cli
