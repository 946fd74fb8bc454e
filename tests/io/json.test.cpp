// Tests of semivisible/io/json.hpp: the exclusion.json layout and its exact round trip.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "semivisible/io/json.hpp"

namespace io = semivisible::io;
namespace ss = semivisible::scan;
using semivisible::status;

namespace {
ss::exclusion_table sample_table() {
  ss::exclusion_table t;
  t.parameters = {{"plane", "maprime-epsilon"}, {"eot", 2.84e11}, {"range", {1e-3, 1.0}}};
  t.shard = {2, 3};
  t.x_count = 200;
  t.rows = {ss::exclusion_row{0.01, 3.3e-5, 0.0199, false, false, {}},
            ss::exclusion_row{0.02, 1e-8, 0.1, true, true, {}},
            ss::exclusion_row{0.03, {}, {}, false, false, {status::numerical_error, "CLs = nan"}}};
  return t;
}
}  // namespace

TEST_CASE("JSON: keys of exclusion.json in order, null for no exclusion", "[io][json]") {
  const auto j = io::to_json(sample_table());
  std::string keys;
  for (const auto& [k, v] : j.items()) keys += k + " ";
  CHECK(keys == "format format_version parameters shard x_count rows ");
  CHECK(j["shard"] == "2/3");
  CHECK(j["rows"][0]["x"] == 0.01);
  CHECK(j["rows"][0]["status"] == "ok");
  CHECK_FALSE(j["rows"][0].contains("message"));
  CHECK(j["rows"][1]["lower_at_range"] == true);
  CHECK(j["rows"][2]["lower"].is_null());
  CHECK(j["rows"][2]["message"] == "CLs = nan");
}

TEST_CASE("JSON: write then read is exact, text byte-identical", "[io][json]") {
  const auto t = sample_table();
  const auto back = io::table_from_json(nlohmann::ordered_json::parse(io::to_json_text(t)));
  CHECK(back.rows == t.rows);  // all fields, doubles exactly (shortest round-trip output)
  CHECK(back.parameters == t.parameters);
  CHECK(back.shard == t.shard);
  CHECK(back.x_count == t.x_count);
  CHECK(io::to_json_text(back) == io::to_json_text(t));
}

TEST_CASE("JSON: a malformed document names the key and value", "[io][json]") {
  const auto msg = [](nlohmann::ordered_json j) {
    try {
      (void)io::table_from_json(j, "DIR/exclusion.json");
    } catch (const semivisible::invalid_parameter& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  auto j = io::to_json(sample_table());
  CHECK(msg(j) == "no exception");
  auto k = j;
  k["format"] = "other";
  CHECK_THAT(msg(k), Catch::Contains("DIR/exclusion.json: format = \"other\""));
  k = j;
  k["shard"] = "3/2";
  CHECK_THAT(msg(k), Catch::Contains("shard = \"3/2\""));
  k = j;
  k.erase("rows");
  CHECK_THAT(msg(k), Catch::Contains("rows = null, but must be present"));
  k = j;
  k["rows"][1]["upper"] = "big";
  CHECK_THAT(msg(k), Catch::Contains("rows[1].upper = \"big\""));
  k = j;
  k["rows"][0]["status"] = "fine";
  CHECK_THAT(msg(k), Catch::Contains("rows[0].status"));
  k = j;
  k["x_count"] = -1;
  CHECK_THAT(msg(k), Catch::Contains("x_count = -1"));
  CHECK_THROWS_WITH(io::read_json("/no/such/exclusion.json"),
                    Catch::Contains("path = '/no/such/exclusion.json'"));
}

TEST_CASE("exclusion files: directory written and read back, torn pairs refused", "[io][json]") {
  namespace fs = std::filesystem;
  const auto d = fs::temp_directory_path() / fmt::format("semivisible-test-excl-{}", ::getpid());
  fs::remove_all(d);
  const auto t = sample_table();
  semivisible::io::write_exclusion_files(d / "new" / "dir", t);  // created as needed
  const auto back = semivisible::io::read_exclusion_files(d / "new" / "dir");
  CHECK(back.rows == t.rows);
  CHECK(back.parameters == t.parameters);
  // a CSV that lost its last line no longer matches the JSON
  semivisible::io::write_csv(d / "new" / "dir" / "exclusion.csv",
                             {t.rows.begin(), t.rows.end() - 1});
  CHECK_THROWS_WITH(semivisible::io::read_exclusion_files(d / "new" / "dir"),
                    Catch::Contains("(2 rows) and exclusion.json (3 rows) differ"));
  CHECK_THROWS_WITH(semivisible::io::read_exclusion_files(d / "none", "DIR"),
                    Catch::Contains("DIR = '"));
  semivisible::io::write_atomically(d / "file", "x");
  CHECK_THROWS_WITH(semivisible::io::write_exclusion_files(d / "file", t),
                    Catch::Contains("--out = '"));
  fs::remove_all(d);
}
