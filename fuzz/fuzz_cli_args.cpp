// fuzz/fuzz_cli_args.cpp — libFuzzer target: the CLI's argument parsing.
//
// The input is split at '\n' into at most 24 arguments, argv = {"semivisible", args...}, and
// parsed by the `semivisible` CLI11 application built as main() builds it (examples/cli/main.cpp).
// `width` and `gm2` run their callbacks (a few quadratures; output to /dev/null) in a fresh
// application per input; every other command stops right after its options are parsed and
// validated (validators, transforms, requirements), in one application reset with clear(), so
// no scan is computed. Accepted outcomes are what main() reports as a one-line message:
// CLI::Error (parse errors, --help), semivisible::invalid_parameter and domain_error,
// std::invalid_argument, std::domain_error (e.g. a refused non-finite result), std::runtime_error.
// Anything else (std::bad_alloc, std::length_error, std::out_of_range, a crash, a sanitizer
// report, a time-out) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "semivisible/error.hpp"
#include "semivisible/version.hpp"

namespace {
struct skip_callback {};  // thrown instead of running an expensive command

/// The subcommands of main(): only width and gm2 when `cheap`; the others stop before running.
void add_commands(CLI::App& app, bool cheap) {
  app.set_version_flag("--version", semivisible::version_string);
  app.require_subcommand(1);
  app.fallthrough();
  if (cheap) {
    semivisible::cli::add_width_command(app);
    semivisible::cli::add_gm2_command(app);
    return;
  }
  semivisible::cli::add_width_command(app);
  semivisible::cli::add_gm2_command(app);
  semivisible::cli::add_yield_command(app);
  semivisible::cli::add_cls_command(app);
  semivisible::cli::add_scan_command(app);
  semivisible::cli::add_merge_command(app);
  semivisible::cli::add_relic_command(app);
  semivisible::cli::add_na64_2021_command(app);
  // Stop every command after its options are parsed and validated, before its callback: a
  // parse-complete callback that throws. (Replacing the callback would destroy the option
  // storage its lambda owns: a use-after-free of the harness, not of the CLI.)
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    sub->parse_complete_callback([] { throw skip_callback{}; });
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)!std::freopen("/dev/null", "w", stdout);  // the callbacks' tables
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args{"semivisible"};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  while (!text.empty() && args.size() < 25) {
    const auto nl = text.find('\n');
    args.emplace_back(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  }
  // `width` and `gm2` run: a fresh application each time, so no option value of an earlier input
  // reaches their callbacks. Every other command only parses: one application, reset with clear()
  // (the values bound to its options are never used, so nothing carries over that matters).
  const bool cheap = args.size() > 1 && (args[1] == "width" || args[1] == "gm2");
  static CLI::App* const parse_only = [] {
    auto* a = new CLI::App{"semivisible"};
    add_commands(*a, false);
    return a;
  }();
  CLI::App fresh{"semivisible"};
  CLI::App* app = parse_only;
  if (cheap) {
    add_commands(fresh, true);
    app = &fresh;
  } else {
    parse_only->clear();
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  try {
    app->parse(static_cast<int>(argv.size()), argv.data());
  } catch (const skip_callback&) {
  } catch (const CLI::Error&) {
  } catch (const semivisible::invalid_parameter&) {
  } catch (const semivisible::domain_error&) {
  } catch (const std::invalid_argument&) {
  } catch (const std::domain_error&) {
  } catch (const std::runtime_error&) {
  }
  return 0;
}
