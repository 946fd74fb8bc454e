// examples/cli/cmd_cls.cpp — `semivisible cls` (under construction in this session's work).
#include <stdexcept>

#include "commands.hpp"

namespace semivisible::cli {
void add_cls_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("cls", "(not yet available)");
  cmd->callback([] { throw std::runtime_error("cls: not implemented yet"); });
}
}  // namespace semivisible::cli
