// examples/cli/cmd_yield.cpp — `semivisible yield` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"

namespace semivisible::cli {
void add_yield_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("yield", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("yield: not implemented yet"); });
}
}  // namespace semivisible::cli
