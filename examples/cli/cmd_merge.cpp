// examples/cli/cmd_merge.cpp — `semivisible merge DIR1 DIR2 ... --out DIR`: joins the outputs of
// `semivisible scan --shard K/N` runs into exactly the single-run exclusion.csv and exclusion.json
// (contract: ../shared/design/cli.md; method: semivisible/scan/merge.hpp).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/error.hpp"
#include "semivisible/io/csv.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/scan/merge.hpp"

namespace semivisible::cli {
namespace {

struct merge_options {
  std::vector<std::string> inputs;
  std::string out;
  output_format format = output_format::text;
};

/// Reads DIR/exclusion.json and DIR/exclusion.csv and checks they hold the same rows.
scan::exclusion_table read_shard(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw invalid_parameter(fmt::format(
        "merge: DIR = '{}', but must be a directory holding exclusion.csv and exclusion.json",
        dir));
  auto table = io::read_json(fs::path(dir) / "exclusion.json");
  const auto csv_path = fs::path(dir) / "exclusion.csv";
  const auto rows = io::read_csv(csv_path);
  bool same = rows.size() == table.rows.size();
  for (std::size_t i = 0; same && i < rows.size(); ++i)
    same = rows[i].x == table.rows[i].x && rows[i].lower == table.rows[i].lower &&
           rows[i].upper == table.rows[i].upper && rows[i].status.code == table.rows[i].status.code;
  if (!same)
    throw invalid_parameter(fmt::format(
        "merge: DIR = '{}', but its exclusion.csv ({} rows) and exclusion.json ({} rows) differ",
        dir, rows.size(), table.rows.size()));
  return table;
}

void run_merge(const merge_options& o) {
  namespace fs = std::filesystem;
  std::vector<scan::exclusion_table> shards;
  shards.reserve(o.inputs.size());
  for (const auto& dir : o.inputs) shards.push_back(read_shard(dir));
  const auto merged = scan::merge(shards, o.inputs);  // throws naming the directory

  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_directory(o.out, ec))
    throw invalid_parameter(
        fmt::format("merge: --out = '{}', but must be a directory (it is a file)", o.out));
  fs::create_directories(o.out, ec);
  if (ec)
    throw invalid_parameter(
        fmt::format("merge: --out = '{}', but cannot be created: {}", o.out, ec.message()));
  // each file is written to a temporary name and renamed: never half-written
  io::write_csv(fs::path(o.out) / "exclusion.csv", merged.rows);
  io::write_json(fs::path(o.out) / "exclusion.json", merged);

  std::size_t failed = 0;
  for (const auto& r : merged.rows)
    if (!r.status.ok()) ++failed;
  print_record({{"shards", static_cast<std::int64_t>(shards.size())},
                {"x_count", static_cast<std::int64_t>(merged.x_count)},
                {"rows", static_cast<std::int64_t>(merged.rows.size())},
                {"failed_rows", static_cast<std::int64_t>(failed)},
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
