// examples/cli/cmd_relic.cpp — `semivisible relic` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"

namespace semivisible::cli {
void add_relic_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("relic", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("relic: not implemented yet"); });
}
}  // namespace semivisible::cli
