// examples/cli/cmd_width.cpp — `semivisible width` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"
#include "common.hpp"

namespace semivisible::cli {
void add_width_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("width", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("width: not implemented yet"); });
}
}  // namespace semivisible::cli
