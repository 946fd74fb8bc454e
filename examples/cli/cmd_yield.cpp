// examples/cli/cmd_yield.cpp — `semivisible yield`: expected signal events in S1 and S2
// (contract: ../shared/design/cli.md, section "yield").
#include <map>
#include <stdexcept>
#include <string>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/detector/setup.hpp"
#include "semivisible/signal/yield.hpp"
#include "setup_option.hpp"

namespace semivisible::cli {

namespace {
struct yield_cli_options {
  model_options model;
  double eot = 2.84e11;
  std::string setup = "na64-2016-2018";
  signal::model_kind kind = signal::model_kind::semivisible;
  output_format format = output_format::text;
};

void run_yield(const yield_cli_options& o) {
  const auto point = o.model.parameters();
  const auto setup = resolve_setup(o.setup);
  signal::yield_options options;
  options.eot = o.eot;
  options.kind = o.kind;
  const signal::yield_model model(point, setup, options);
  const auto r = model.events(point.epsilon(), point.alpha_dark());
  const bool invisible = o.kind == signal::model_kind::invisible;
  const record rec{
      {"mass_aprime_GeV", point.mass_aprime()},
      {"mass_chi1_GeV", invisible ? value{} : value{point.mass_chi1()}},
      {"mass_chi2_GeV", invisible ? value{} : value{point.mass_chi2()}},
      {"epsilon", point.epsilon()},
      {"alpha_dark", point.alpha_dark()},
      {"model", std::string(invisible ? "invisible" : "semivisible")},
      {"setup", setup.name},
      {"eot", o.eot},
      {"aprime_per_eot", r.aprime_per_eot},
      {"branching_chi1chi2", r.branching_chi1chi2},
      {"ctau_chi2_m", finite_or_null(r.ctau_chi2_m)},
      {"probability_s1", r.probability_s1},
      {"probability_s2", r.probability_s2},
      {"efficiency_s1", r.efficiency_s1},
      {"efficiency_s2", r.efficiency_s2},
      {"events_s1", r.events_s1},
      {"events_s2", r.events_s2},
      {"events_total", r.total()},
  };
  print_record(
      rec, o.format,
      {fmt::format("S1: chi2 decays in [{:.2f}, {:.2f}] m; S2: beyond {:.2f} m; E_A' > {} GeV",
                   setup.s1_start_m(), setup.s1_end_m(), setup.end_of_setup_m,
                   setup.missing_energy_threshold_GeV)});
}
}  // namespace

void add_yield_command(CLI::App& app) {
  auto o = std::make_shared<yield_cli_options>();
  auto* cmd = app.add_subcommand(
      "yield", "Expected signal events in S1 (chi2 decays in HCAL2-3) and S2 (beyond the setup)");
  add_model_options(*cmd, o->model);
  cmd->add_option("--eot", o->eot, "Electrons on target")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_option("--setup", o->setup, "na64-2016-2018, compact-hcal1 or a setup JSON file")
      ->capture_default_str();
  cmd->add_option("--model", o->kind, "semivisible or invisible (A' -> chi chibar, BR = 1)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, signal::model_kind>{
              {"semivisible", signal::model_kind::semivisible},
              {"invisible", signal::model_kind::invisible}},
          CLI::ignore_case))
      ->default_str("semivisible");
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_yield(*o); });
}

}  // namespace semivisible::cli
