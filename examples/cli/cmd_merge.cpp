// examples/cli/cmd_merge.cpp — `semivisible merge DIR1 DIR2 ... --out DIR`: joins the outputs of
// `semivisible scan --shard K/N` runs into exactly the single-run exclusion.csv and exclusion.json
// (contract: docs/cli.md; method: semivisible/scan/merge.hpp; docs/cli/merge.md).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/error.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/io/output_directory.hpp"
#include "semivisible/scan/merge.hpp"

namespace semivisible::cli {
namespace {

struct merge_options {
  std::vector<std::string> inputs;
  std::string out;
  output_format format = output_format::text;
};

void run_merge(const merge_options& o) {
  // --out must not be one of the inputs: writing it would overwrite that shard's files.
  for (const auto& dir : o.inputs)
    if (io::same_location(o.out, dir))
      throw invalid_parameter(fmt::format(
          "merge: --out = '{}', but that is the input DIR '{}' (it would overwrite that shard); "
          "choose another directory",
          o.out, dir));
  std::vector<scan::exclusion_table> shards;
  shards.reserve(o.inputs.size());
  // every input is read and checked before anything is written
  for (const auto& dir : o.inputs) shards.push_back(io::read_exclusion_files(dir, "merge: DIR"));
  const auto merged = scan::merge(shards, o.inputs);         // throws naming the directory
  io::write_exclusion_files(o.out, merged, "merge: --out");  // atomic: never half-written

  std::int64_t failed = 0;
  for (const auto& r : merged.rows)
    if (!r.status.ok()) ++failed;
  print_record({{"shards", static_cast<std::int64_t>(shards.size())},
                {"x_count", static_cast<std::int64_t>(merged.x_count)},
                {"rows", static_cast<std::int64_t>(merged.rows.size())},
                {"failed_rows", failed},
                {"out", o.out}},
               o.format);
}

}  // namespace

void add_merge_command(CLI::App& app) {
  auto o = std::make_shared<merge_options>();
  auto* cmd = app.add_subcommand(
      "merge", "Join the outputs of `scan --shard K/N` runs into the single-run result");
  cmd->add_option("DIR", o->inputs, "Shard output directories (each with exclusion.csv/json)")
      ->required();
  cmd->add_option("--out", o->out, "Output directory for the merged exclusion.csv/json")
      ->required();
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_merge(*o); });
}

}  // namespace semivisible::cli
