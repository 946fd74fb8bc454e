// examples/cli/cmd_gm2.cpp — `semivisible gm2` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"

namespace semivisible::cli {
void add_gm2_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("gm2", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("gm2: not implemented yet"); });
}
}  // namespace semivisible::cli
