// examples/cli/commands.hpp — one function per subcommand, each defined in its own cmd_*.cpp.
#pragma once

#include <CLI/CLI.hpp>

namespace semivisible::cli {
void add_width_command(CLI::App& app);        // cmd_width.cpp
void add_gm2_command(CLI::App& app);          // cmd_gm2.cpp
void add_yield_command(CLI::App& app);        // cmd_yield.cpp
void add_cls_command(CLI::App& app);          // cmd_cls.cpp
void add_scan_command(CLI::App& app);         // cmd_scan.cpp
void add_merge_command(CLI::App& app);        // cmd_merge.cpp
void add_relic_command(CLI::App& app);        // cmd_relic.cpp
void add_na64_2021_command(CLI::App& app);    // cmd_na64_2021.cpp
void add_experiments_command(CLI::App& app);  // cmd_experiments.cpp
void add_survey_command(CLI::App& app);       // cmd_survey.cpp
}  // namespace semivisible::cli
