// examples/cli/main.cpp — the `semivisible` command-line tool.
// Contract: docs/cli.md (option names and JSON keys are a stable interface).
#include <exception>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "allocator_tuning.hpp"
#include "commands.hpp"
#include "semivisible/version.hpp"

int main(int argc, char** argv) {
  semivisible::cli::tune_allocator();
  CLI::App app{"semivisible — semi-visible dark photon phenomenology (NA64 2021 and beyond)"};
  app.set_version_flag("--version", semivisible::version_string);
  app.require_subcommand(1);
  app.fallthrough();
  semivisible::cli::add_width_command(app);
  semivisible::cli::add_gm2_command(app);
  semivisible::cli::add_yield_command(app);
  semivisible::cli::add_cls_command(app);
  semivisible::cli::add_scan_command(app);
  semivisible::cli::add_merge_command(app);
  semivisible::cli::add_relic_command(app);
  semivisible::cli::add_na64_2021_command(app);
  semivisible::cli::add_experiments_command(app);
  semivisible::cli::add_survey_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    fmt::print(stderr, "semivisible: error: {}\n", e.what());
    return 1;
  }
  return 0;
}
