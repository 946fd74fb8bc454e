// semivisible/io/csv.hpp — exclusion.csv: columns x,lower,upper,status (docs/cli.md).
//
// One header line "x,lower,upper,status", then one line per scan::exclusion_row; lower and upper
// are empty when nothing is excluded, status is "ok" or the failure's code (scan::to_string of
// semivisible::status). Numbers are written in the shortest form that reads back to the same
// double ({fmt} "{}"), so write → read is exact and equal runs give byte-identical files.
// The status message and the at-range flags live in exclusion.json only (io/json.hpp).
// Lines end with "\n"; the reader also accepts "\r\n".
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/rows.hpp"

namespace semivisible::io {

inline constexpr std::string_view csv_header = "x,lower,upper,status";

/// The CSV text of the rows (header included).
[[nodiscard]] inline std::string to_csv(const std::vector<scan::exclusion_row>& rows) {
  std::string out{csv_header};
  out += '\n';
  const auto number = [](const std::optional<double>& v) {
    return v ? fmt::format("{}", *v) : std::string{};
  };
  for (const auto& r : rows)
    out += fmt::format("{},{},{},{}\n", r.x, number(r.lower), number(r.upper),
                       to_string(r.status.code));
  return out;
}

/// Parses CSV text written by to_csv(); `source` names the input in error messages.
/// Throws invalid_parameter naming the source, the line and the offending text.
[[nodiscard]] inline std::vector<scan::exclusion_row> from_csv(std::string_view text,
                                                               std::string_view source = "csv") {
  std::vector<scan::exclusion_row> rows;
  std::size_t line_number = 0;
  bool header_seen = false;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto bad = [&](std::string_view why) {
      throw invalid_parameter(
          fmt::format("io::from_csv: {} line {} = '{}', but {}", source, line_number, line, why));
    };
    if (!header_seen) {
      if (line != csv_header) bad(fmt::format("the header must be '{}'", csv_header));
      header_seen = true;
      continue;
    }
    std::string_view fields[4];
    std::size_t n = 0;
    for (std::string_view rest = line;; ++n) {
      const auto comma = rest.find(',');
      if (n >= 4) bad("must have 4 fields");
      fields[n] = rest.substr(0, comma);
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
    if (n != 3) bad("must have 4 fields x,lower,upper,status");
    scan::exclusion_row r;
    if (!scan::detail::parse_double(fields[0], r.x) || !std::isfinite(r.x))
      bad("x must be a number (finite)");
    for (std::size_t k : {std::size_t{1}, std::size_t{2}}) {
      if (fields[k].empty()) continue;
      double v = 0;
      if (!scan::detail::parse_double(fields[k], v) || !std::isfinite(v))
        bad("lower/upper must be numbers (finite) or empty");
      (k == 1 ? r.lower : r.upper) = v;
    }
    if (r.lower.has_value() != r.upper.has_value())
      bad("lower and upper must both be given or both empty");
    if (r.lower && !(*r.lower <= *r.upper)) bad("lower must be <= upper");
    try {
      r.status.code = scan::status_from_string(fields[3]);
    } catch (const invalid_parameter&) {
      bad("status must be ok, no_bracket, not_converged, invalid_input or numerical_error");
    }
    rows.push_back(r);
  }
  if (!header_seen)
    throw invalid_parameter(
        fmt::format("io::from_csv: {} = (empty), but must start with '{}'", source, csv_header));
  return rows;
}

/// Writes rows to `path` atomically (io/atomic_file.hpp).
inline void write_csv(const std::filesystem::path& path,
                      const std::vector<scan::exclusion_row>& rows) {
  write_atomically(path, to_csv(rows));
}

/// Reads an exclusion.csv; throws invalid_parameter naming the path when missing or malformed.
[[nodiscard]] inline std::vector<scan::exclusion_row> read_csv(const std::filesystem::path& path) {
  return from_csv(read_text(path, "io::read_csv"), path.string());
}

}  // namespace semivisible::io
