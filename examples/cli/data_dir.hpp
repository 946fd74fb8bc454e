// examples/cli/data_dir.hpp — where the `semivisible` tool finds its data (the built-in
// experiments, efficiency tables, reference curves) and its plotting script.
//
// In this order: the environment variable SEMIVISIBLE_DATA_DIR; <dir of the executable>/../share/
// semivisible when it holds experiments/ (an installed tool: found relative to its prefix, so a
// moved or relocated install works); the source tree's data/ compiled into a build-tree binary.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "semivisible/error.hpp"

namespace semivisible::cli {

/// The folder holding the running executable (empty when /proc/self/exe cannot be read).
inline std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : exe.parent_path();
}

/// <prefix>/share/semivisible of an installed tool, or empty.
inline std::filesystem::path installed_share_dir() {
  const auto dir = executable_dir();
  if (dir.empty()) return {};
  std::error_code ec;
  const auto share = (dir / ".." / "share" / "semivisible").lexically_normal();
  return std::filesystem::is_directory(share / "experiments", ec) ? share : std::filesystem::path{};
}

/// The data folder (see the header comment).
inline std::filesystem::path data_dir() {
  if (const char* env = std::getenv("SEMIVISIBLE_DATA_DIR"); env && *env) return env;
  if (auto share = installed_share_dir(); !share.empty()) return share;
#ifdef SEMIVISIBLE_DATA_DIR
  return SEMIVISIBLE_DATA_DIR;
#else
  throw invalid_parameter("semivisible: no data folder found; set SEMIVISIBLE_DATA_DIR");
#endif
}

/// The NA64 2021 plotting script: installed beside the data, else the source tree's.
inline std::filesystem::path plot_script() {
  if (auto share = installed_share_dir(); !share.empty()) {
    std::error_code ec;
    if (std::filesystem::exists(share / "plot_na64_2021.py", ec))
      return share / "plot_na64_2021.py";
  }
#ifdef SEMIVISIBLE_PLOT_SCRIPT
  return SEMIVISIBLE_PLOT_SCRIPT;
#else
  return {};
#endif
}

}  // namespace semivisible::cli
