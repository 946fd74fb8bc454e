// examples/cli/cmd_scan.cpp — `semivisible scan` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"

namespace semivisible::cli {
void add_scan_commands(CLI::App& app) {
  auto* cmd = app.add_subcommand("scan", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("scan: not implemented yet"); });
}
}  // namespace semivisible::cli
