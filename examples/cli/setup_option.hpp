// examples/cli/setup_option.hpp — the --setup option shared by yield, scan and na64-2021:
// a named setup (na64-2016-2018, compact-hcal1) or a setup JSON file.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "semivisible/detector/setup.hpp"

namespace semivisible::cli {

inline detector::setup resolve_setup(const std::string& name) {
  if (name == "na64-2016-2018" || name == "compact-hcal1") return detector::setup_by_name(name);
  if (!std::filesystem::exists(name))
    throw std::runtime_error(
        fmt::format("--setup = '{}': not a named setup (na64-2016-2018, compact-hcal1) nor an "
                    "existing JSON file",
                    name));
  try {
    return detector::load_setup(name);
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("--setup = '{}': {}", name, e.what()));
  }
}

}  // namespace semivisible::cli
