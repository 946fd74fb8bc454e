// examples/cli/cmd_merge.cpp — `semivisible merge DIR1 DIR2 ... --out DIR`: joins the outputs of
// `semivisible scan --shard K/N` runs into exactly the single-run exclusion.csv and exclusion.json
// (contract: docs/cli.md; method: semivisible/scan/merge.hpp; docs/cli/merge.md).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/error.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/io/output_directory.hpp"
#include "semivisible/scan/merge.hpp"
#include "semivisible/survey/table.hpp"

namespace semivisible::cli {
namespace {

struct merge_options {
  std::vector<std::string> inputs;
  std::string out;
  output_format format = output_format::text;
};

/// Survey shards: DIR/survey.json read back, merged (survey/table.hpp), both files rewritten.
void run_survey_merge(const merge_options& o) {
  std::vector<survey::table> shards;
  for (const auto& dir : o.inputs) {
    const auto path = std::filesystem::path(dir) / "survey.json";
    nlohmann::ordered_json j;
    try {
      j = nlohmann::ordered_json::parse(io::read_text(path, "merge: DIR"));
    } catch (const nlohmann::json::exception& e) {
      throw invalid_parameter(
          fmt::format("merge: DIR '{}': survey.json is not JSON: {}", dir, e.what()));
    }
    shards.push_back(survey::table_from_json(j, fmt::format("merge: DIR '{}' survey.json", dir)));
  }
  const auto merged = survey::merge(shards, o.inputs);
  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (ec) throw invalid_parameter(fmt::format("merge: --out = '{}': {}", o.out, ec.message()));
  io::write_atomically(std::filesystem::path(o.out) / "survey.csv", survey::to_csv_text(merged));
  io::write_atomically(std::filesystem::path(o.out) / "survey.json", survey::to_json_text(merged));
  print_record({{"shards", static_cast<std::int64_t>(shards.size())},
                {"points", static_cast<std::int64_t>(merged.rows.size())},
                {"out", o.out}},
               o.format);
}

void run_merge(const merge_options& o) {
  // --out must not be one of the inputs: writing it would overwrite that shard's files.
  for (const auto& dir : o.inputs)
    if (io::same_location(o.out, dir))
      throw invalid_parameter(fmt::format(
          "merge: --out = '{}', but that is the input DIR '{}' (it would overwrite that shard); "
          "choose another directory",
          o.out, dir));
  // Survey shards (DIR/survey.json, `semivisible survey --shard K/N`) merge as surveys.
  std::error_code ec;
  if (!o.inputs.empty() &&
      std::filesystem::exists(std::filesystem::path(o.inputs.front()) / "survey.json", ec)) {
    run_survey_merge(o);
    return;
  }
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
