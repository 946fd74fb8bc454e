// examples/cli/cmd_scan.cpp — `semivisible scan` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"

namespace semivisible::cli {
void add_scan_commands(CLI::App& app) {
  auto* cmd = app.add_subcommand("scan", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("scan: not implemented yet"); });
  auto* merge = app.add_subcommand("merge", "(not yet available)");
  merge->callback([] { throw std::runtime_error("merge: not implemented yet"); });
}
}  // namespace semivisible::cli
