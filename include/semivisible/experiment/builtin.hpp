// semivisible/experiment/builtin.hpp — the built-in experiments: the JSON files of
// data/experiments/ (installed to <prefix>/share/semivisible/experiments/), found by name.
//
// A name is a file stem (`na64-2016-2018` ↔ experiments/na64-2016-2018.json); old names keep
// working (`compact-hcal1` → `na64-compact-hcal1`; the underscore spellings of the first setups).
// The data folder is, in this order: the environment variable SEMIVISIBLE_DATA_DIR, else the
// folder the build system compiled in (SEMIVISIBLE_DATA_DIR: the source tree's data/ in a build
// tree, <prefix>/share/semivisible for an installed package), else an error.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/experiment/load.hpp"

namespace semivisible::experiment {

/// The data folder (see the header comment); throws invalid_parameter when none is known.
[[nodiscard]] inline std::filesystem::path default_data_dir() {
  if (const char* env = std::getenv("SEMIVISIBLE_DATA_DIR"); env && *env) return env;
#ifdef SEMIVISIBLE_DATA_DIR
  return SEMIVISIBLE_DATA_DIR;
#else
  throw invalid_parameter(
      "semivisible::experiment::default_data_dir: no data folder known; set SEMIVISIBLE_DATA_DIR "
      "to the folder holding experiments/");
#endif
}

/// The current name of a built-in, mapping the old names.
[[nodiscard]] inline std::string canonical_name(std::string_view name) {
  if (name == "compact-hcal1" || name == "compact_hcal1") return "na64-compact-hcal1";
  if (name == "na64_2016_2018") return "na64-2016-2018";
  return std::string(name);
}

/// The names of the built-in experiments in `data_dir`/experiments, sorted.
[[nodiscard]] inline std::vector<std::string> builtin_names(
    const std::filesystem::path& data_dir = default_data_dir()) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(data_dir / "experiments", ec)) {
    const auto& p = f.path();
    if (p.extension() == ".json" && p.stem().extension().empty()) names.push_back(p.stem());
  }
  if (ec)
    throw invalid_parameter(
        fmt::format("semivisible::experiment::builtin_names: cannot list '{}': {}",
                    (data_dir / "experiments").string(), ec.message()));
  std::sort(names.begin(), names.end());
  return names;
}

/// True when `name` (or its old name) is a built-in in `data_dir`.
[[nodiscard]] inline bool is_builtin(std::string_view name,
                                     const std::filesystem::path& data_dir = default_data_dir()) {
  const auto names = builtin_names(data_dir);
  return std::find(names.begin(), names.end(), canonical_name(name)) != names.end();
}

/// A built-in experiment by name; throws invalid_parameter listing the known names.
[[nodiscard]] inline experiment builtin(
    std::string_view name, const std::filesystem::path& data_dir = default_data_dir()) {
  const auto names = builtin_names(data_dir);
  const std::string n = canonical_name(name);
  if (std::find(names.begin(), names.end(), n) == names.end()) {
    std::string list;
    for (const auto& k : names) list += fmt::format("{}{}", list.empty() ? "" : ", ", k);
    throw invalid_parameter(fmt::format(
        "semivisible::experiment::builtin: experiment = '{}' is not a built-in (known: {})", name,
        list));
  }
  return load(data_dir / "experiments" / (n + ".json"));
}

/// A built-in name or a path to an experiment JSON file.
[[nodiscard]] inline experiment resolve(
    std::string_view name_or_file, const std::filesystem::path& data_dir = default_data_dir()) {
  if (is_builtin(name_or_file, data_dir)) return builtin(name_or_file, data_dir);
  std::error_code ec;
  const std::filesystem::path file(name_or_file);
  if (std::filesystem::exists(file, ec)) return load(file);
  std::string list;
  for (const auto& k : builtin_names(data_dir))
    list += fmt::format("{}{}", list.empty() ? "" : ", ", k);
  throw invalid_parameter(
      fmt::format("semivisible::experiment::resolve: experiment = '{}' is neither a built-in ({}) "
                  "nor an existing JSON file",
                  name_or_file, list));
}

}  // namespace semivisible::experiment
