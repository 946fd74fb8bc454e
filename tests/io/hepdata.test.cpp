// Tests of semivisible/io/hepdata.hpp: the files follow the HEPData submission schema
// (hepdata-validator schemas 1.1.1: required and allowed keys) and carry the rows' numbers.
#include <catch2/catch.hpp>

#ifdef SEMIVISIBLE_HAVE_YAML_CPP
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "semivisible/io/hepdata.hpp"

namespace fs = std::filesystem;
namespace io = semivisible::io;
namespace ss = semivisible::scan;
using semivisible::status;

namespace {
std::vector<ss::exclusion_row> hepdata_rows() {
  return {ss::exclusion_row{0.001, {}, {}, false, false, {}},
          ss::exclusion_row{0.01, 3.3e-5, 0.0199, false, false, {}},
          ss::exclusion_row{0.1, 2e-5, 1e-3, false, false, {}},
          ss::exclusion_row{0.1, 5e-3, 9e-3, false, false, {}},
          ss::exclusion_row{0.2, 1e-5, 1e-2, false, false, {status::numerical_error, ""}}};
}
// Every key of the map is allowed, every required one present (the schema's
// "required" and "additionalProperties": false).
void check_keys(const YAML::Node& n, const std::set<std::string>& required,
                const std::set<std::string>& allowed) {
  REQUIRE(n.IsMap());
  for (const auto& r : required) CHECK(n[r].IsDefined());
  for (const auto& kv : n) CHECK(allowed.count(kv.first.as<std::string>()) == 1);
}
// PyYAML (YAML 1.1, what HEPData uses) float/int resolution: a number must match this.
const std::regex yaml11_number(
    R"(^[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?$|^[-+]?(0|[1-9][0-9_]*)$)");
}  // namespace

TEST_CASE("yaml_number: shortest round trip with a dot in the mantissa", "[io][hepdata]") {
  for (const double v : {1e-5, 3.3e-5, 0.0199, 2.0, 1e22, 0.1, 123456.789}) {
    const auto s = io::yaml_number(v);
    CHECK(std::regex_match(s, yaml11_number));
    CHECK(std::stod(s) == v);
  }
  CHECK(io::yaml_number(1e-5) == "1.0e-05");
}

TEST_CASE("HEPData: submission.yaml and the table follow the schema", "[io][hepdata]") {
  const auto d = fs::temp_directory_path() / fmt::format("semivisible-test-hepdata-{}", ::getpid());
  fs::remove_all(d);
  fs::create_directories(d);
  io::hepdata_options o;
  o.phrases = {"Dark photon", "Semi-visible"};
  o.y_name = "EPSILON";
  const auto written = io::write_hepdata(d, hepdata_rows(), o);
  REQUIRE(written.size() == 2);

  const auto docs = YAML::LoadAllFromFile((d / "submission.yaml").string());
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["comment"].as<std::string>() == o.comment);
  check_keys(docs[1], {"name", "description", "keywords", "data_file"},
             {"name", "description", "keywords", "data_file", "location", "data_license",
              "additional_resources", "related_to_table_dois", "data_schema", "table_doi"});
  CHECK(docs[1]["data_file"].as<std::string>() == "exclusion.yaml");
  REQUIRE(docs[1]["keywords"].size() == 1);
  CHECK(docs[1]["keywords"][0]["name"].as<std::string>() == "phrases");
  CHECK(docs[1]["keywords"][0]["values"][1].as<std::string>() == "Semi-visible");

  const auto table = YAML::LoadFile((d / "exclusion.yaml").string());
  check_keys(table, {"independent_variables", "dependent_variables"},
             {"independent_variables", "dependent_variables"});
  const auto x = table["independent_variables"];
  REQUIRE(x.size() == 1);
  check_keys(x[0], {"header", "values"}, {"header", "values"});
  CHECK(x[0]["header"]["units"].as<std::string>() == "GEV");
  const auto deps = table["dependent_variables"];
  REQUIRE(deps.size() == 2);
  const auto r = hepdata_rows();
  for (std::size_t k = 0; k < 2; ++k) {
    check_keys(deps[k], {"header", "values"}, {"header", "qualifiers", "values"});
    CHECK(deps[k]["header"]["name"].as<std::string>() ==
          (k == 0 ? "EPSILON lower edge" : "EPSILON upper edge"));
    CHECK_FALSE(deps[k]["header"]["units"].IsDefined());  // dimensionless
    const auto q = deps[k]["qualifiers"];
    REQUIRE(q.size() == 2);
    CHECK(q[0]["name"].as<std::string>() == "CL");
    CHECK(q[0]["value"].as<std::string>() == "90%");
    CHECK(q[1]["value"].as<std::string>() == (k == 0 ? "lower" : "upper"));
    REQUIRE(deps[k]["values"].size() == r.size());  // one value per row, islands included
  }
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto xv = x[0]["values"][i]["value"];
    CHECK(xv.Tag() == "?");            // plain scalar: read as a number, not a string
    CHECK(xv.as<double>() == r[i].x);  // shortest round-trip text: exact
    for (std::size_t k = 0; k < 2; ++k) {
      const auto v = deps[k]["values"][i]["value"];
      const auto& truth = k == 0 ? r[i].lower : r[i].upper;
      if (truth && r[i].status.ok()) {
        CHECK(v.Tag() == "?");
        CHECK(std::regex_match(v.Scalar(), yaml11_number));
        CHECK(v.as<double>() == *truth);
      } else {
        CHECK(v.as<std::string>() == "-");  // HEPData's missing value
      }
    }
  }
  fs::remove_all(d);
}

TEST_CASE("HEPData: options HEPData would reject are refused", "[io][hepdata]") {
  io::hepdata_options o;
  o.table_name = std::string(65, 'a');
  CHECK_THROWS_WITH(io::hepdata_submission_yaml(o), Catch::Contains("table_name"));
  o = {};
  o.data_file = "submission.yaml";
  CHECK_THROWS_WITH(io::hepdata_table_yaml({}, o),
                    Catch::Contains("data_file = 'submission.yaml'"));
}
#endif
