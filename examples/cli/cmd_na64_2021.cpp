// examples/cli/cmd_na64_2021.cpp — `semivisible na64-2021` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"

namespace semivisible::cli {
void add_na64_2021_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("na64-2021", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("na64-2021: not implemented yet"); });
}
}  // namespace semivisible::cli
