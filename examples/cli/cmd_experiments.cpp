// examples/cli/cmd_experiments.cpp — `semivisible experiments`: the built-in experiments
// (contract: docs/cli.md, section "experiments").
#include <cmath>
#include <memory>
#include <string>

#include "commands.hpp"
#include "common.hpp"
#include "data_dir.hpp"
#include "semivisible/experiment/builtin.hpp"

namespace semivisible::cli {

namespace {
void run_experiments(output_format format) {
  const auto dir = data_dir();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::vector<record> rows;
  for (const auto& name : experiment::builtin_names(dir)) {
    const auto e = experiment::builtin(name, dir);
    nlohmann::ordered_json j;
    j["name"] = e.name;
    j["description"] = e.description;
    if (e.collider) {  // a collider reinterpretation: √s and luminosity, no target
      j["beam"] = {{"particle", std::string(experiment::to_string(e.beam.particle))},
                   {"sqrt_s_GeV", e.collider->sqrt_s_GeV},
                   {"luminosity_fb", e.collider->luminosity_fb}};
      j["reinterpret"] = {{"limit", e.collider->limit.file}, {"cl", e.collider->limit.cl}};
    } else {
      j["beam"] = {{"particle", std::string(experiment::to_string(e.beam.particle))},
                   {"energy_GeV", e.beam.energy_GeV},
                   {"particles_on_target", e.beam.particles_on_target}};
      j["target"] = {{"material", e.target.material.name}, {"thickness_X0", e.target.thickness_X0}};
    }
    std::string sources, regions;
    j["production"] = nlohmann::ordered_json::array();
    for (const auto& s : e.production) {
      j["production"].push_back(s.name);
      sources += (sources.empty() ? "" : ",") + s.name;
    }
    j["regions"] = nlohmann::ordered_json::array();
    for (const auto& r : e.regions) {
      nlohmann::ordered_json g{{"name", r.name},
                               {"signature", std::string(experiment::to_string(r.signature))},
                               {"decay_z_m", {r.decay_start_m, nullptr}}};
      if (std::isfinite(r.decay_end_m)) g["decay_z_m"][1] = r.decay_end_m;
      j["regions"].push_back(std::move(g));
      regions += fmt::format("{}{} ({})", regions.empty() ? "" : ", ", r.name,
                             experiment::to_string(r.signature));
    }
    j["file"] = (dir / "experiments" / (name + ".json")).string();
    list.push_back(std::move(j));
    if (e.collider) {
      rows.push_back({{"name", e.name},
                      {"beam", fmt::format("e+e- sqrt(s) = {} GeV", e.collider->sqrt_s_GeV)},
                      {"particles_on_target", fmt::format("{} fb^-1", e.collider->luminosity_fb)},
                      {"production", std::string("e+e- -> gamma A'")},
                      {"regions", std::string("reinterpreted published limit")}});
      continue;
    }
    rows.push_back({{"name", e.name},
                    {"beam", fmt::format("{} {} GeV", experiment::to_string(e.beam.particle),
                                         e.beam.energy_GeV)},
                    {"particles_on_target", e.beam.particles_on_target},
                    {"production", sources},
                    {"regions", regions}});
  }
  if (format == output_format::json) {
    fmt::print("{}\n",
               nlohmann::ordered_json{{"data_dir", dir.string()}, {"experiments", list}}.dump(2));
    return;
  }
  print_table(rows, format);
  if (format == output_format::text) fmt::print("# data: {}\n", dir.string());
}
}  // namespace

void add_experiments_command(CLI::App& app) {
  auto format = std::make_shared<output_format>(output_format::text);
  auto* cmd = app.add_subcommand("experiments", "List the built-in experiments");
  add_format_option(*cmd, *format);
  cmd->callback([format] { run_experiments(*format); });
}

}  // namespace semivisible::cli
