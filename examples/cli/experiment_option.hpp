// examples/cli/experiment_option.hpp — the experiment options shared by `yield`, `scan` and the
// reproductions (docs/cli.md, "Common experiment options"): --experiment NAME|FILE
// (alias --setup), --model, --exposure N (alias --eot), --production SRC[,SRC...].
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "common.hpp"
#include "data_dir.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/signal/model_kind.hpp"

namespace semivisible::cli {

struct experiment_options {
  std::string experiment = "na64-2016-2018";
  std::string experiment_option = "--experiment";  // the spelling the user gave (messages)
  std::string model = "semivisible";
  double exposure = 0;  // 0: the experiment's own
  std::optional<std::string> production{};

  /// The experiment, loaded and validated; errors name the option and the file.
  [[nodiscard]] experiment::experiment load() const {
    try {
      return experiment::resolve(experiment, data_dir());
    } catch (const std::exception& e) {
      throw invalid_parameter(
          fmt::format("{} = '{}': {}", experiment_option, experiment, e.what()));
    }
  }
  [[nodiscard]] signal::model_kind kind() const { return signal::model_kind_from_string(model); }
  /// --production as a list of source names (nullopt: all the experiment's sources).
  [[nodiscard]] std::optional<std::vector<std::string>> sources() const {
    if (!production) return std::nullopt;
    std::vector<std::string> names;
    std::stringstream in(*production);
    std::string item;
    while (std::getline(in, item, ','))
      if (item.empty())
        throw invalid_parameter(
            fmt::format("--production = '{}': empty source name (give SRC[,SRC...])", *production));
      else
        names.push_back(item);
    if (names.empty())
      throw invalid_parameter(fmt::format("--production = '{}': no source named", *production));
    return names;
  }
  /// The experiment's sources (or the --production selection); errors name --production.
  [[nodiscard]] production::source_set sources_of(const experiment::experiment& e) const {
    const auto selection = sources();
    try {
      return production::source_set(e, selection);
    } catch (const std::exception& ex) {
      if (!production) throw;
      throw invalid_parameter(fmt::format("--production = '{}': {}", *production, ex.what()));
    }
  }
};

inline void add_experiment_options(CLI::App& cmd, experiment_options& o) {
  // The aliases are separate options so that a message names the spelling the user typed.
  cmd.add_option("--experiment", o.experiment,
                 "A built-in experiment (see `semivisible experiments`) or an experiment JSON file")
      ->capture_default_str();
  cmd.add_option_function<std::string>(
      "--setup",
      [&o](const std::string& v) {
        o.experiment = v;
        o.experiment_option = "--setup";
      },
      "Alias of --experiment");
  cmd.add_option("--model", o.model,
                 "semivisible (A' -> chi1 chi2), invisible (A' -> chi chibar) or visible "
                 "(A' -> leptons/hadrons)")
      ->check(CLI::IsMember({"semivisible", "invisible", "visible"}))
      ->capture_default_str();
  cmd.add_option("--exposure", o.exposure,
                 "Particles on target (EOT or POT); default: the experiment's own")
      ->check(positive_number);
  cmd.add_option("--eot", o.exposure, "Alias of --exposure")->check(positive_number);
  cmd.add_option("--production", o.production,
                 "Use only these of the experiment's production sources: SRC[,SRC...]");
}

}  // namespace semivisible::cli
