// semivisible/survey/table.hpp — the survey's columnar table (survey.csv, survey.json) and the
// merge of its shards.
//
// A table is a list of named columns and one row of JSON values per model point (a number, a
// string, null, or — JSON-only columns — an array), ordered by `point_index`. survey.json:
//   { "format": "semivisible-survey", "format_version": 1, "parameters": {...},
//     "shard": "K/N", "point_count": <points of the whole run>, "csv_columns": [names],
//     "columns": { name: [values...] ... } }                                     (columnar)
// survey.csv: the csv_columns, one line per row; null is an empty cell, numbers are written in
// the shortest form that reads back exactly (fmt "{}"), strings are quoted when they hold ',',
// '"' or a newline. JSON doubles are nlohmann's shortest round-trip form, so write → read →
// write is byte-identical; that is what makes merge(shards) == the single run, byte for byte.
// Sharding: mass triple t (survey/grid.hpp) belongs to shard K of N when t mod N = K − 1; a
// shard holds all α_D rows of its triples. merge() checks equal parameters, shard count and
// point_count, shards 1..N each once, every point_index once and all of them present.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <future>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/scan/shard.hpp"

namespace semivisible::survey {

inline constexpr std::string_view survey_format = "semivisible-survey";
inline constexpr int survey_format_version = 1;

struct table {
  nlohmann::ordered_json parameters = nlohmann::ordered_json::object();
  scan::shard_spec shard{};
  std::size_t point_count = 0;         ///< points of the whole run (all shards)
  std::vector<std::string> columns{};  ///< the first is "point_index"
  std::vector<bool> csv{};             ///< column also in survey.csv
  std::vector<std::vector<nlohmann::ordered_json>> rows{};  ///< one per point, point_index order
};

namespace detail {
inline std::string csv_cell(const nlohmann::ordered_json& v) {
  if (v.is_null()) return {};
  if (v.is_number_unsigned()) return fmt::format("{}", v.get<std::uint64_t>());
  if (v.is_number_integer()) return fmt::format("{}", v.get<std::int64_t>());
  if (v.is_number_float()) return fmt::format("{}", v.get<double>());
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  std::string s = v.is_string() ? v.get<std::string>() : v.dump();
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

/// A part's text: the characters [begin, end) of `text`.
struct text_window {
  std::string text;
  std::size_t begin = 0, end = std::string::npos;
  [[nodiscard]] std::string_view view() const {
    return std::string_view(text).substr(begin, end - begin);
  }
};

/// prefix + the parts [0, n) (part(k) → text_window, built on all cores) joined by `separator` +
/// suffix, with a single copy of each part.
template <class Part>
[[nodiscard]] std::string join_parts_in_parallel(std::string_view prefix, std::size_t n,
                                                 const Part& part, std::string_view separator,
                                                 std::string_view suffix) {
  const std::size_t threads =
      std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(n, 1));
  std::vector<text_window> parts(n);
  std::vector<std::future<void>> workers;
  for (std::size_t w = 0; w < threads; ++w)
    workers.push_back(std::async(std::launch::async, [&, w] {
      for (std::size_t k = w; k < n; k += threads) parts[k] = part(k);
    }));
  for (auto& f : workers) f.get();
  std::size_t size = prefix.size() + suffix.size() + (n > 0 ? (n - 1) * separator.size() : 0);
  for (const auto& p : parts) size += p.view().size();
  std::string out;
  out.reserve(size);
  out += prefix;
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) out += separator;
    out += parts[k].view();
    parts[k] = {};  // free as we go: the parts and `out` are each as large as the file
  }
  out += suffix;
  return out;
}

/// One CSV line of the table's csv columns.
template <class Cells>
void append_csv_line(const table& t, const Cells& cells, std::string& out) {
  bool first = true;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.csv[c]) {
      if (!first) out += ',';
      out += csv_cell(cells[c]);
      first = false;
    }
  out += '\n';
}

}  // namespace detail

/// survey.csv's text (blocks of rows formatted in parallel).
[[nodiscard]] inline std::string to_csv_text(const table& t) {
  const std::vector<nlohmann::ordered_json> names(t.columns.begin(), t.columns.end());
  std::string header;
  detail::append_csv_line(t, names, header);
  constexpr std::size_t block = 4096;
  const auto rows = [&](std::size_t k) {
    detail::text_window out;
    for (std::size_t r = k * block; r < std::min(t.rows.size(), (k + 1) * block); ++r)
      detail::append_csv_line(t, t.rows[r], out.text);
    return out;
  };
  return detail::join_parts_in_parallel(header, (t.rows.size() + block - 1) / block, rows, {}, {});
}

/// survey.json's content.
[[nodiscard]] inline nlohmann::ordered_json to_json(const table& t) {
  nlohmann::ordered_json j;
  j["format"] = survey_format;
  j["format_version"] = survey_format_version;
  j["parameters"] = t.parameters;
  j["shard"] = scan::to_string(t.shard);
  j["point_count"] = t.point_count;
  j["csv_columns"] = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (t.csv[c]) j["csv_columns"].push_back(t.columns[c]);
  nlohmann::ordered_json cols = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    auto col = nlohmann::ordered_json::array();
    for (const auto& r : t.rows) col.push_back(r[c]);
    cols[t.columns[c]] = std::move(col);
  }
  j["columns"] = std::move(cols);
  return j;
}

/// survey.json's text: to_json(t).dump(1) + "\n" byte for byte, but with the columns serialised
/// in parallel (one nlohmann dump per column, indented to its place) instead of one tree of ~10⁷
/// values (measured in docs/performance.md).
[[nodiscard]] inline std::string to_json_text(const table& t) {
  if (t.columns.empty() || t.rows.empty()) return to_json(t).dump(1) + "\n";
  nlohmann::ordered_json head =
      to_json({t.parameters, t.shard, t.point_count, t.columns, t.csv, {}});
  head.erase("columns");
  std::string text = head.dump(1);  // "{\n ...\n}": reopen it for the columns
  text.resize(text.size() - 2);
  text += ",\n \"columns\": {";
  // Each column dumped inside {"columns": {name: [...]}} is indented as in the whole file; its
  // text is the window between the wrapper's opening and closing lines.
  constexpr std::string_view open = "{\n \"columns\": {", close = "\n }\n}";
  const auto column = [&](std::size_t c) {
    nlohmann::ordered_json wrapper;
    auto& col = wrapper["columns"][t.columns[c]] = nlohmann::ordered_json::array();
    for (const auto& r : t.rows) col.push_back(r[c]);
    detail::text_window w{wrapper.dump(1)};
    w.begin = open.size();
    w.end = w.text.size() - close.size();
    return w;
  };
  return detail::join_parts_in_parallel(text, t.columns.size(), column, ",", "\n }\n}\n");
}

/// Reads a table back; throws invalid_parameter naming `source` and the key on a bad layout.
[[nodiscard]] inline table table_from_json(const nlohmann::ordered_json& j,
                                           std::string_view source = "survey.json") {
  const auto bad = [&](std::string_view why) {
    throw invalid_parameter(fmt::format("{}: {}", source, why));
  };
  if (!j.is_object() || !j.contains("format") || j["format"] != survey_format)
    bad(fmt::format("format must be \"{}\"", survey_format));
  if (!j.contains("format_version") || j["format_version"] != survey_format_version)
    bad(fmt::format("format_version must be {}", survey_format_version));
  for (const char* k : {"parameters", "shard", "point_count", "csv_columns", "columns"})
    if (!j.contains(k)) bad(fmt::format("key '{}' is missing", k));
  table t;
  t.parameters = j["parameters"];
  if (!j["shard"].is_string()) bad("shard must be \"K/N\"");
  t.shard = scan::parse_shard(j["shard"].get<std::string>(), fmt::format("{}: shard", source));
  if (!j["point_count"].is_number_unsigned()) bad("point_count must be a whole number");
  t.point_count = j["point_count"].get<std::size_t>();
  const auto& cols = j["columns"];
  if (!cols.is_object() || cols.empty()) bad("columns must be an object of arrays");
  std::set<std::string> csv_names;
  for (const auto& c : j["csv_columns"]) {
    if (!c.is_string()) bad("csv_columns must be names");
    csv_names.insert(c.get<std::string>());
  }
  std::size_t n = 0;
  bool first = true;
  for (const auto& [name, values] : cols.items()) {
    if (!values.is_array()) bad(fmt::format("columns.{} must be an array", name));
    if (first) {
      if (name != "point_index") bad("the first column must be point_index");
      n = values.size();
      t.rows.resize(n);
      first = false;
    } else if (values.size() != n) {
      bad(fmt::format("columns.{} has {} values, but point_index has {}", name, values.size(), n));
    }
    t.columns.push_back(name);
    t.csv.push_back(csv_names.count(name) > 0);
    for (std::size_t i = 0; i < n; ++i) t.rows[i].push_back(values[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = t.rows[i][0];
    if (!p.is_number_unsigned() || p.get<std::size_t>() >= t.point_count)
      bad(fmt::format("columns.point_index[{}] = {}, but must be a whole number < point_count = {}",
                      i, p.dump(), t.point_count));
    if (i > 0 && !(p.get<std::size_t>() > t.rows[i - 1][0].get<std::size_t>()))
      bad(fmt::format("columns.point_index[{}] = {}, but must be ascending", i, p.dump()));
  }
  return t;
}

/// Joins shard tables (any order) into the single-run table. `names` name the shards in messages.
[[nodiscard]] inline table merge(const std::vector<table>& shards,
                                 const std::vector<std::string>& names = {}) {
  const auto name = [&](std::size_t i) {
    return i < names.size() ? names[i] : fmt::format("shard #{}", i + 1);
  };
  if (shards.empty()) throw invalid_parameter("survey::merge: shards = (none), but must be >= 1");
  const auto& first = shards.front();
  std::set<std::size_t> seen;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const auto& s = shards[i];
    if (nlohmann::json::parse(s.parameters.dump()) !=
        nlohmann::json::parse(first.parameters.dump()))
      throw invalid_parameter(fmt::format(
          "survey::merge: parameters of {} differ from those of {} (not the same survey)", name(i),
          name(0)));
    if (s.columns != first.columns || s.csv != first.csv)
      throw invalid_parameter(
          fmt::format("survey::merge: columns of {} differ from those of {}", name(i), name(0)));
    if (s.shard.count != first.shard.count || s.point_count != first.point_count)
      throw invalid_parameter(
          fmt::format("survey::merge: {} is shard {} of {} points, but {} is {} of {} points",
                      name(i), scan::to_string(s.shard), s.point_count, name(0),
                      scan::to_string(first.shard), first.point_count));
    if (!seen.insert(s.shard.index).second)
      throw invalid_parameter(fmt::format("survey::merge: shard {} of {} was already given",
                                          scan::to_string(s.shard), name(i)));
  }
  if (seen.size() != first.shard.count)
    throw invalid_parameter(fmt::format("survey::merge: shards = {} of {}, but all {} are needed",
                                        seen.size(), first.shard.count, first.shard.count));
  table out;
  out.parameters = first.parameters;
  out.point_count = first.point_count;
  out.columns = first.columns;
  out.csv = first.csv;
  for (const auto& s : shards) out.rows.insert(out.rows.end(), s.rows.begin(), s.rows.end());
  std::sort(out.rows.begin(), out.rows.end(), [](const auto& a, const auto& b) {
    return a[0].template get<std::size_t>() < b[0].template get<std::size_t>();
  });
  if (out.rows.size() != out.point_count)
    throw invalid_parameter(
        fmt::format("survey::merge: the shards hold {} points, but the survey has point_count = {}",
                    out.rows.size(), out.point_count));
  for (std::size_t i = 0; i < out.rows.size(); ++i)
    if (out.rows[i][0].get<std::size_t>() != i)
      throw invalid_parameter(
          fmt::format("survey::merge: point_index {} is missing or repeated in the shards", i));
  return out;
}

}  // namespace semivisible::survey
