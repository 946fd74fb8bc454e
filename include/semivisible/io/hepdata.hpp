// semivisible/io/hepdata.hpp — HEPData YAML submission files for an exclusion.
//
// Format: the HEPData submission format (hepdata-submission documentation; JSON schemas
// submission_schema.json, data_schema.json v1.1.1 of HEPData/hepdata-validator). Two files:
//   submission.yaml — YAML documents: first the submission-wide {comment}, then one table
//                     {name (≤ 64 characters), description, keywords, data_file};
//   <data_file>     — {independent_variables: [x], dependent_variables: [lower edge, upper edge]},
//                     each variable {header: {name, units}, values: [{value: ...}]}, the dependent
//                     ones with qualifiers (user ones such as CL: 90%, then "Edge: lower|upper").
// One value per scan row, so an x with islands appears once per interval, exactly as in
// exclusion.csv; an x with nothing excluded (or a failed x) has the value '-' (HEPData's mark for
// a missing value). Numbers are written in the shortest round-trip form, with a '.' forced into
// the mantissa ("1.0e-05", not "1e-05") because YAML 1.1 readers (PyYAML, used by HEPData) read
// an exponent without a dot as a string.
// Linking: the core target semivisible::semivisible does not link yaml-cpp; a program including
// this header must link it (CMake: find_package(yaml-cpp) and target_link_libraries(... yaml-cpp)).
// It is therefore not included by semivisible/io.hpp.
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "semivisible/error.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/scan/rows.hpp"

namespace semivisible::io {

/// What to write around the numbers (HEPData conventions: units in capitals, e.g. GEV).
struct hepdata_options {
  std::string comment = "Exclusion computed with semivisible.";  ///< submission-wide comment
  std::string table_name = "Exclusion";  ///< ≤ 64 characters (HEPData schema)
  std::string description = "Excluded interval(s) of the second variable at each x.";
  std::string data_file = "exclusion.yaml";  ///< file name of the table, beside submission.yaml
  std::string x_name = "M(A')";              ///< independent variable
  std::string x_units = "GEV";
  std::string y_name = "EPSILON";  ///< the scanned second variable
  std::string y_units{};           ///< empty: dimensionless (no units key)
  std::vector<std::pair<std::string, std::string>> qualifiers{{"CL", "90%"}};
  std::vector<std::string> observables{};  ///< keyword values (may be empty)
  std::vector<std::string> reactions{};
  std::vector<std::string> phrases{};
};

/// Throws invalid_parameter naming the option and value for a table HEPData would reject.
inline void validate(const hepdata_options& o) {
  if (o.table_name.empty() || o.table_name.size() > 64)
    throw invalid_parameter(fmt::format(
        "io::write_hepdata: table_name = '{}', but must have 1 to 64 characters", o.table_name));
  if (o.data_file.empty() || o.data_file.find('/') != std::string::npos ||
      o.data_file == "submission.yaml")
    throw invalid_parameter(
        fmt::format("io::write_hepdata: data_file = '{}', but must be a plain file name other than "
                    "submission.yaml",
                    o.data_file));
  if (o.x_name.empty() || o.y_name.empty())
    throw invalid_parameter("io::write_hepdata: x_name/y_name = '', but must be non-empty");
}

/// A double as a YAML number that YAML 1.1 and 1.2 readers both read as a float.
[[nodiscard]] inline std::string yaml_number(double v) {
  std::string s = fmt::format("{}", v);
  const auto e = s.find_first_of("eE");
  if (s.find('.') == std::string::npos && e != std::string::npos) s.insert(e, ".0");
  return s;
}

namespace detail {
inline void emit_header(YAML::Emitter& out, const std::string& name, const std::string& units) {
  out << YAML::Key << "header" << YAML::Value << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << name;
  if (!units.empty()) out << YAML::Key << "units" << YAML::Value << units;
  out << YAML::EndMap;
}
}  // namespace detail

/// The text of submission.yaml.
[[nodiscard]] inline std::string hepdata_submission_yaml(const hepdata_options& o) {
  validate(o);
  YAML::Emitter out;
  out << YAML::BeginDoc << YAML::BeginMap << YAML::Key << "comment" << YAML::Value << o.comment
      << YAML::EndMap;
  out << YAML::BeginDoc << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << o.table_name;
  out << YAML::Key << "description" << YAML::Value << o.description;
  out << YAML::Key << "keywords" << YAML::Value << YAML::BeginSeq;
  for (const auto& [name, values] :
       {std::pair{"observables", &o.observables}, std::pair{"reactions", &o.reactions},
        std::pair{"phrases", &o.phrases}}) {
    if (values->empty()) continue;
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name << YAML::Key
        << "values" << YAML::Value << YAML::Flow << *values << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "data_file" << YAML::Value << o.data_file;
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

/// The text of the data table: x independent, lower and upper edges dependent.
[[nodiscard]] inline std::string hepdata_table_yaml(const std::vector<scan::exclusion_row>& rows,
                                                    const hepdata_options& o) {
  validate(o);
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "independent_variables" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
  detail::emit_header(out, o.x_name, o.x_units);
  out << YAML::Key << "values" << YAML::Value << YAML::BeginSeq;
  for (const auto& r : rows)
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "value" << YAML::Value << yaml_number(r.x)
        << YAML::EndMap;
  out << YAML::EndSeq << YAML::EndMap << YAML::EndSeq;

  out << YAML::Key << "dependent_variables" << YAML::Value << YAML::BeginSeq;
  for (const bool lower : {true, false}) {
    out << YAML::BeginMap;
    detail::emit_header(out, fmt::format("{} {} edge", o.y_name, lower ? "lower" : "upper"),
                        o.y_units);
    out << YAML::Key << "qualifiers" << YAML::Value << YAML::BeginSeq;
    for (const auto& [name, value] : o.qualifiers)
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name << YAML::Key
          << "value" << YAML::Value << value << YAML::EndMap;
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "Edge" << YAML::Key
        << "value" << YAML::Value << (lower ? "lower" : "upper") << YAML::EndMap;
    out << YAML::EndSeq;
    out << YAML::Key << "values" << YAML::Value << YAML::BeginSeq;
    for (const auto& r : rows) {
      const auto& v = lower ? r.lower : r.upper;
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "value" << YAML::Value;
      if (v && r.status.ok())
        out << yaml_number(*v);
      else
        out << YAML::SingleQuoted << "-";
      out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  if (!out.good())
    throw std::runtime_error(
        fmt::format("io::write_hepdata: YAML emitter: {}", out.GetLastError()));
  return std::string(out.c_str()) + "\n";
}

/// Writes directory/submission.yaml and directory/<o.data_file>, each atomically. The directory
/// must exist. Returns the two paths.
inline std::vector<std::filesystem::path> write_hepdata(
    const std::filesystem::path& directory, const std::vector<scan::exclusion_row>& rows,
    const hepdata_options& o = {}) {
  const std::string submission = hepdata_submission_yaml(o);
  const std::string table = hepdata_table_yaml(rows, o);
  const auto table_path = directory / o.data_file;
  const auto submission_path = directory / "submission.yaml";
  write_atomically(table_path, table);
  write_atomically(submission_path, submission);
  return {submission_path, table_path};
}

}  // namespace semivisible::io
