// Tests of semivisible/survey/table.hpp: the texts of survey.csv and survey.json built in
// parallel equal the serial definitions (to_json(t).dump(1) for JSON; one line per row for CSV),
// across the CSV's row blocks and with every kind of cell.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/survey/table.hpp"

namespace sv = semivisible::survey;
using nlohmann::ordered_json;

namespace {
// 10 000 rows: more than two of to_csv_text's 4096-row blocks. Cells: integers, doubles, null,
// strings that need CSV quoting, and a JSON-only column of nested arrays.
sv::table sample_table(std::size_t rows) {
  sv::table t;
  t.parameters = {{"grid", {{"points", rows}}}, {"note", "a \"quoted\" text"}};
  t.shard = {1, 1};
  t.point_count = rows;
  t.columns = {"point_index", "x", "label", "maybe", "islands"};
  t.csv = {true, true, true, true, false};
  for (std::size_t i = 0; i < rows; ++i) {
    ordered_json islands = ordered_json::array();
    for (std::size_t k = 0; k < i % 3; ++k) islands.push_back({1e-5 * double(k + 1), 0.5});
    t.rows.push_back({i, 0.1 * double(i) + 1e-17, i % 7 == 0 ? "a,b \"c\"" : "plain",
                      i % 5 == 0 ? ordered_json(nullptr) : ordered_json(-1.5e-300), islands});
  }
  return t;
}
}  // namespace

TEST_CASE("survey.json text equals the one-tree dump, byte for byte", "[survey][table]") {
  for (const std::size_t rows : {std::size_t{0}, std::size_t{1}, std::size_t{10000}}) {
    const sv::table t = sample_table(rows);
    CHECK(sv::to_json_text(t) == sv::to_json(t).dump(1) + "\n");
    // and it reads back to the same table
    const sv::table back = sv::table_from_json(ordered_json::parse(sv::to_json_text(t)));
    CHECK(back.rows == t.rows);
    CHECK(back.columns == t.columns);
  }
}

TEST_CASE("survey.csv text: one line per row in order, quoted where needed", "[survey][table]") {
  const sv::table t = sample_table(10000);
  const std::string text = sv::to_csv_text(t);
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  CHECK(line == "point_index,x,label,maybe");
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    REQUIRE(std::getline(in, line));
    const std::string label = i % 7 == 0 ? "\"a,b \"\"c\"\"\"" : "plain";
    const std::string maybe = i % 5 == 0 ? "" : "-1.5e-300";
    CHECK(line == fmt::format("{},{},{},{}", i, 0.1 * double(i) + 1e-17, label, maybe));
  }
  CHECK_FALSE(std::getline(in, line));
}
