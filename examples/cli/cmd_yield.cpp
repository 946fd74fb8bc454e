// examples/cli/cmd_yield.cpp — `semivisible yield`: expected signal events in every signal region
// of an experiment (contract: docs/cli.md, section "yield").
#include <memory>
#include <string>

#include "commands.hpp"
#include "common.hpp"
#include "experiment_option.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/signal/yield.hpp"

namespace semivisible::cli {

namespace {
struct yield_cli_options {
  model_options model;
  experiment_options experiment;
  output_format format = output_format::text;
};

void run_yield(const yield_cli_options& o) {
  const auto point = o.model.parameters();
  const auto e = o.experiment.load();
  const auto kind = o.experiment.kind();
  const auto sources = std::make_shared<const production::source_set>(o.experiment.sources_of(e));
  signal::yield_options options;
  options.kind = kind;
  options.exposure = o.experiment.exposure;
  const signal::yield_model model(e, point, signal::providers_of(sources), options);
  auto r = model.events(point.epsilon(), point.alpha_dark());
  // Event-level regions: report the decay probability in the interval and, as acceptance, the
  // fraction of those decays seen (events() gives their product as `probability`).
  for (std::size_t k = 0; k < r.region_count; ++k)
    if (model.event_tables(k) && std::isfinite(r.ctau_m)) {
      const double decayed = model.probability_direct(k, r.ctau_m);
      const double seen = r.regions[k].probability;
      r.regions[k].probability = decayed;
      r.regions[k].acceptance *= decayed > 0 ? seen / decayed : 0.0;
    }
  const bool dark = kind != signal::model_kind::visible && kind != signal::model_kind::invisible;
  // The S1/S2 keys of the first contract: the NA64 bundles' regions of those names.
  auto region_value = [&](const char* name, auto field) -> value {
    for (std::size_t k = 0; k < r.region_count; ++k)
      if (model.region_name(k) == name) return field(r.regions[k]);
    return {};
  };
  const record rec{
      {"mass_aprime_GeV", point.mass_aprime()},
      {"mass_chi1_GeV", dark ? value{point.mass_chi1()} : value{}},
      {"mass_chi2_GeV", dark ? value{point.mass_chi2()} : value{}},
      {"epsilon", point.epsilon()},
      {"alpha_dark", dark ? value{point.alpha_dark()} : value{}},
      {"model", std::string(signal::to_string(kind))},
      {"experiment", e.name},
      {"setup", e.name},
      {"production", sources->names()},
      {"eot", model.exposure()},
      {"exposure", model.exposure()},
      {"aprime_per_eot", r.aprime_per_particle},
      {"branching_chi1chi2",
       kind == signal::model_kind::semivisible ? value{r.branching} : value{}},
      {"ctau_chi2_m", kind == signal::model_kind::semivisible ? finite_or_null(r.ctau_m) : value{}},
      {"ctau_m", finite_or_null(r.ctau_m)},
      {"probability_s1", region_value("S1", [](const auto& x) { return x.probability; })},
      {"probability_s2", region_value("S2", [](const auto& x) { return x.probability; })},
      {"efficiency_s1", region_value("S1", [](const auto& x) { return x.efficiency; })},
      {"efficiency_s2", region_value("S2", [](const auto& x) { return x.efficiency; })},
      {"events_s1", region_value("S1", [](const auto& x) { return x.events; })},
      {"events_s2", region_value("S2", [](const auto& x) { return x.events; })},
      {"events_total", r.total()},
  };
  if (o.format == output_format::json) {
    auto j = to_json(rec);
    j["regions"] = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < r.region_count; ++k)
      j["regions"].push_back({{"name", model.region_name(k)},
                              {"probability", r.regions[k].probability},
                              {"acceptance", r.regions[k].acceptance},
                              {"efficiency", r.regions[k].efficiency},
                              {"events", r.regions[k].events}});
    fmt::print("{}\n", j.dump(2));
    return;
  }
  record flat = rec;
  for (std::size_t k = 0; k < r.region_count; ++k) {
    const std::string n = model.region_name(k);
    flat.emplace_back(n + "_probability", r.regions[k].probability);
    flat.emplace_back(n + "_acceptance", r.regions[k].acceptance);
    flat.emplace_back(n + "_efficiency", r.regions[k].efficiency);
    flat.emplace_back(n + "_events", r.regions[k].events);
  }
  std::vector<std::string> notes;
  for (const auto& g : e.regions)
    notes.push_back(fmt::format(
        "{} ({}): decays in [{}, {}] m; E_A' > {} GeV", g.name, experiment::to_string(g.signature),
        g.decay_start_m,
        std::isinf(g.decay_end_m) ? std::string("inf") : fmt::format("{}", g.decay_end_m),
        g.aprime_energy_min_GeV));
  print_record(flat, o.format, notes);
}
}  // namespace

void add_yield_command(CLI::App& app) {
  auto o = std::make_shared<yield_cli_options>();
  auto* cmd = app.add_subcommand(
      "yield", "Expected signal events in every signal region of an experiment (e.g. NA64 S1, S2)");
  add_model_options(*cmd, o->model);
  add_experiment_options(*cmd, o->experiment);
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_yield(*o); });
}

}  // namespace semivisible::cli
