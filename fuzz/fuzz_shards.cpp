// fuzz/fuzz_shards.cpp — libFuzzer target: the shard reader (exclusion.json) and merge.
//
// The input is split at lines "---" into up to 4 documents; each is parsed as JSON (a parse error
// ends that document) and read with io::table_from_json; the tables read are merged with
// scan::merge. Refusals must be semivisible::invalid_parameter; anything else (another exception,
// a crash, a sanitizer report, an allocation beyond libFuzzer's limit, a time-out) is a finding.
// Invariants checked when merge succeeds: one shard 1/1 with x_count distinct x, rows ascending
// in x, every interval finite with lower <= upper, and the merged table survives
// to_json_text → parse → table_from_json unchanged.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/io/json.hpp"
#include "semivisible/scan/merge.hpp"

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace io = semivisible::io;
  namespace ss = semivisible::scan;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<ss::exclusion_table> tables;
  for (int k = 0; k < 4 && !text.empty(); ++k) {
    const auto sep = text.find("\n---\n");
    const std::string_view doc = text.substr(0, sep);
    text = sep == std::string_view::npos ? std::string_view{} : text.substr(sep + 5);
    nlohmann::ordered_json j;
    try {
      j = nlohmann::ordered_json::parse(doc);
    } catch (const nlohmann::json::exception&) {  // parse_error; out_of_range for 1e99999
      continue;
    }
    try {
      tables.push_back(io::table_from_json(j, "fuzz.json"));
    } catch (const semivisible::invalid_parameter&) {
    }
  }
  if (tables.empty()) return 0;
  try {
    const auto m = ss::merge(tables);
    require(m.shard == ss::shard_spec{1, 1});
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < m.rows.size(); ++i) {
      const auto& r = m.rows[i];
      require(std::isfinite(r.x));
      if (r.lower)
        require(std::isfinite(*r.lower) && std::isfinite(*r.upper) && *r.lower <= *r.upper);
      if (i > 0) require(r.x >= m.rows[i - 1].x);
      if (i == 0 || r.x != m.rows[i - 1].x) ++distinct;
    }
    require(distinct == m.x_count);
    const auto back = io::table_from_json(nlohmann::ordered_json::parse(io::to_json_text(m)));
    require(back.rows == m.rows && back.x_count == m.x_count);
  } catch (const semivisible::invalid_parameter&) {
  }
  return 0;
}
