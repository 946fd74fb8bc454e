// semivisible/io/json.hpp — exclusion.json: the rows of a scan and the run's parameters.
//
// Layout (nlohmann::ordered_json, keys in this order; 2-space indent, trailing newline):
//   { "format": "semivisible-exclusion", "format_version": 1,
//     "parameters": {... the run's options, any JSON object ...},
//     "shard": "K/N", "x_count": <points of the whole run>,
//     "rows": [ {"x": .., "lower": ..|null, "upper": ..|null, "status": "ok",
//                "lower_at_range": false, "upper_at_range": false [, "message": ".."]}, ...] }
// Doubles are written by nlohmann's shortest round-trip formatting, so write → read is exact.
// The reader checks the layout and throws invalid_parameter naming the source and the key.
// write_exclusion_files / read_exclusion_files handle a scan's output directory: exclusion.csv
// and exclusion.json together (what `semivisible scan --out DIR` writes and `merge` reads).
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/io/csv.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/rows.hpp"
#include "semivisible/scan/shard.hpp"

namespace semivisible::io {

inline constexpr std::string_view exclusion_format = "semivisible-exclusion";
inline constexpr int exclusion_format_version = 1;

/// One row as JSON.
[[nodiscard]] inline nlohmann::ordered_json to_json(const scan::exclusion_row& r) {
  nlohmann::ordered_json j;
  j["x"] = r.x;
  j["lower"] = r.lower ? nlohmann::ordered_json(*r.lower) : nlohmann::ordered_json(nullptr);
  j["upper"] = r.upper ? nlohmann::ordered_json(*r.upper) : nlohmann::ordered_json(nullptr);
  j["status"] = std::string(to_string(r.status.code));
  j["lower_at_range"] = r.lower_at_range;
  j["upper_at_range"] = r.upper_at_range;
  if (!r.status.message.empty()) j["message"] = r.status.message;
  return j;
}

/// A table (a run or a shard) as JSON.
[[nodiscard]] inline nlohmann::ordered_json to_json(const scan::exclusion_table& t) {
  nlohmann::ordered_json j;
  j["format"] = std::string(exclusion_format);
  j["format_version"] = exclusion_format_version;
  j["parameters"] = t.parameters;
  j["shard"] = scan::to_string(t.shard);
  j["x_count"] = t.x_count;
  j["rows"] = nlohmann::ordered_json::array();
  for (const auto& r : t.rows) j["rows"].push_back(to_json(r));
  return j;
}

/// The JSON text of a table (what write_json writes).
[[nodiscard]] inline std::string to_json_text(const scan::exclusion_table& t) {
  return to_json(t).dump(2) + "\n";
}

/// Reads a table from JSON; throws invalid_parameter naming `source` and the key when the layout
/// is not the one above.
[[nodiscard]] inline scan::exclusion_table table_from_json(const nlohmann::ordered_json& j,
                                                           std::string_view source = "json") {
  const auto bad = [&](std::string_view key, const nlohmann::ordered_json& v,
                       std::string_view why) {
    throw invalid_parameter(
        fmt::format("io::read_json: {}: {} = {}, but must be {}", source, key, v.dump(), why));
  };
  if (!j.is_object()) bad("(document)", j, "an object");
  const auto get = [&](const nlohmann::ordered_json& o, const char* key) -> const auto& {
    if (!o.contains(key)) bad(key, nullptr, "present");
    return o.at(key);
  };
  if (get(j, "format") != exclusion_format)
    bad("format", j.at("format"), fmt::format("\"{}\"", exclusion_format));
  if (get(j, "format_version") != exclusion_format_version)
    bad("format_version", j.at("format_version"), std::to_string(exclusion_format_version));
  scan::exclusion_table t;
  t.parameters = get(j, "parameters");
  if (!t.parameters.is_object()) bad("parameters", t.parameters, "an object");
  const auto& shard = get(j, "shard");
  if (!shard.is_string()) bad("shard", shard, "a string K/N");
  try {
    t.shard = scan::parse_shard(shard.get<std::string>(), "shard");
  } catch (const invalid_parameter&) {
    bad("shard", shard, "K/N with 1 <= K <= N");
  }
  const auto& count = get(j, "x_count");
  if (!count.is_number_unsigned() || count.get<std::size_t>() > scan::max_grid_points)
    bad("x_count", count, fmt::format("an integer in [0, {}]", scan::max_grid_points));
  t.x_count = count.get<std::size_t>();
  const auto& rows = get(j, "rows");
  if (!rows.is_array()) bad("rows", rows, "an array");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& o = rows[i];
    const std::string where = fmt::format("rows[{}]", i);
    if (!o.is_object()) bad(where, o, "an object");
    scan::exclusion_row r;
    const auto& x = get(o, "x");
    if (!x.is_number() || !std::isfinite(x.get<double>())) bad(where + ".x", x, "a finite number");
    r.x = x.get<double>();
    for (const char* key : {"lower", "upper"}) {
      const auto& v = get(o, key);
      if (v.is_null()) continue;
      if (!v.is_number() || !std::isfinite(v.get<double>()))
        bad(where + "." + key, v, "a finite number or null");
      (std::string_view(key) == "lower" ? r.lower : r.upper) = v.get<double>();
    }
    if (r.lower.has_value() != r.upper.has_value())
      bad(where, o, "a row with both lower and upper, or neither");
    if (r.lower && !(*r.lower <= *r.upper)) bad(where, o, "a row with lower <= upper");
    const auto& s = get(o, "status");
    if (!s.is_string()) bad(where + ".status", s, "a string");
    try {
      r.status.code = scan::status_from_string(s.get<std::string>());
    } catch (const invalid_parameter&) {
      bad(where + ".status", s, "ok, no_bracket, not_converged, invalid_input or numerical_error");
    }
    for (const char* key : {"lower_at_range", "upper_at_range"}) {
      const auto& v = get(o, key);
      if (!v.is_boolean()) bad(where + "." + key, v, "true or false");
      (std::string_view(key) == "lower_at_range" ? r.lower_at_range : r.upper_at_range) =
          v.get<bool>();
    }
    if (o.contains("message")) {
      if (!o.at("message").is_string()) bad(where + ".message", o.at("message"), "a string");
      r.status.message = o.at("message").get<std::string>();
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

/// Writes a table to `path` atomically.
inline void write_json(const std::filesystem::path& path, const scan::exclusion_table& t) {
  write_atomically(path, to_json_text(t));
}

/// Reads an exclusion.json; throws invalid_parameter naming the path when missing or malformed.
[[nodiscard]] inline scan::exclusion_table read_json(const std::filesystem::path& path) {
  const std::string text = read_text(path, "io::read_json");
  nlohmann::ordered_json j;
  try {
    j = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e99999
    throw invalid_parameter(fmt::format("io::read_json: path = '{}', but must be valid JSON ({})",
                                        path.string(), e.what()));
  }
  return table_from_json(j, path.string());
}

/// Writes `directory`/exclusion.csv and `directory`/exclusion.json, each atomically, creating the
/// directory if needed. Throws invalid_parameter naming `option` and the path when `directory`
/// is an existing file or cannot be created.
inline void write_exclusion_files(const std::filesystem::path& directory,
                                  const scan::exclusion_table& t,
                                  std::string_view option = "--out") {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(directory, ec) && !fs::is_directory(directory, ec))
    throw invalid_parameter(fmt::format("{} = '{}', but must be a directory (it is a file)", option,
                                        directory.string()));
  fs::create_directories(directory, ec);
  if (ec)
    throw invalid_parameter(fmt::format("{} = '{}', but cannot be created: {}", option,
                                        directory.string(), ec.message()));
  // the CSV first: a reader that finds the JSON finds a complete pair
  write_csv(directory / "exclusion.csv", t.rows);
  write_json(directory / "exclusion.json", t);
}

/// Reads `directory`/exclusion.json (the complete record) and checks that exclusion.csv beside
/// it holds the same rows (x, lower, upper, status), which catches a torn or hand-edited copy.
/// Throws invalid_parameter naming `argument` and the directory otherwise.
[[nodiscard]] inline scan::exclusion_table read_exclusion_files(
    const std::filesystem::path& directory, std::string_view argument = "DIR") {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(directory, ec))
    throw invalid_parameter(
        fmt::format("{} = '{}', but must be a directory holding exclusion.csv and exclusion.json",
                    argument, directory.string()));
  auto table = read_json(directory / "exclusion.json");
  const auto rows = read_csv(directory / "exclusion.csv");
  bool same = rows.size() == table.rows.size();
  for (std::size_t i = 0; same && i < rows.size(); ++i)
    same = rows[i].x == table.rows[i].x && rows[i].lower == table.rows[i].lower &&
           rows[i].upper == table.rows[i].upper && rows[i].status.code == table.rows[i].status.code;
  if (!same)
    throw invalid_parameter(fmt::format(
        "{} = '{}', but its exclusion.csv ({} rows) and exclusion.json ({} rows) differ", argument,
        directory.string(), rows.size(), table.rows.size()));
  return table;
}

}  // namespace semivisible::io
