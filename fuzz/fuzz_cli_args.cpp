// fuzz/fuzz_cli_args.cpp — libFuzzer target: the CLI's argument parsing.
//
// The input is split at '\n' into at most 24 arguments, argv = {"semivisible", args...}; the
// whole `semivisible` CLI11 application is built as main() builds it (examples/cli/main.cpp) and
// parses argv. The cheap commands `width` and `gm2` run their callbacks (a few quadratures; output
// to /dev/null); every other command's callback is replaced by a no-op, so options, validators and
// transforms are exercised without computing a scan. Accepted outcomes are exactly what main()
// reports as a one-line message: CLI::Error (parse errors, --help), semivisible::invalid_parameter
// and domain_error, std::invalid_argument, std::domain_error, std::runtime_error. Anything else
// (std::bad_alloc, std::length_error, std::out_of_range, a crash, a sanitizer report, a time-out)
// is a finding; so is a callback that prints a non-finite number (common.hpp refuses them).
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
  CLI::App app{"semivisible"};
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
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub->get_name() != "width" && sub->get_name() != "gm2") sub->callback([] {});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::Error&) {
  } catch (const semivisible::invalid_parameter&) {
  } catch (const semivisible::domain_error&) {
  } catch (const std::invalid_argument&) {
  } catch (const std::domain_error&) {
  } catch (const std::runtime_error&) {
  }
  return 0;
}
