// semivisible/io/two_column_csv.hpp — a strict reader of two-column numeric CSV files such as a
// published limit curve (m_aprime_GeV,epsilon_90) or an efficiency table (m_aprime_GeV,efficiency).
//
// Format: lines end with "\n" (a "\r" before it is ignored); empty lines and lines starting with
// '#' are comments; at most one header line, before the first data line, and only when it equals
// the expected header (options.header; no header is accepted when that is empty); every other
// line is exactly two fields "x,y", each one finite number (std::from_chars syntax, surrounding
// spaces allowed). Optional requirements: both values > 0 (log axes), x strictly increasing, at
// least `min_points` lines. Everything else is refused: the message names the source (the file),
// the line number, the line and the value, e.g.
//   io::read_two_column_csv: 'ref.csv' line 7 = 'abc,def': m_aprime_GeV = 'abc', but must be a
//   finite number
// so that no NaN, infinity, sentinel or half-read file ever reaches a computation.
#pragma once

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/scan/grid.hpp"

namespace semivisible::io {

/// One line of a two-column file.
struct xy_point {
  double x = 0;
  double y = 0;
  friend bool operator==(const xy_point&, const xy_point&) = default;
};

/// What a two-column file must satisfy.
struct two_column_options {
  std::string x_name = "x";    ///< name of the first column (messages, header)
  std::string y_name = "y";    ///< name of the second column
  std::string header{};        ///< the one header line accepted ("" = none), e.g. "x,y"
  bool positive = true;        ///< both values must be > 0
  bool ascending_x = true;     ///< x strictly increasing from line to line
  std::size_t min_points = 1;  ///< fewest data lines accepted
};

/// Parses the text of a two-column file; `source` names it in messages. Throws invalid_parameter
/// naming the source, line and value on anything but the format above.
[[nodiscard]] inline std::vector<xy_point> parse_two_column_csv(std::string_view text,
                                                                std::string_view source,
                                                                const two_column_options& o = {}) {
  constexpr std::string_view fn = "io::read_two_column_csv";
  std::vector<xy_point> points;
  std::size_t line_number = 0;
  bool header_allowed = !o.header.empty();
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto bad = [&](std::string_view why) {
      std::string shown(line.substr(0, 200));
      for (auto& c : shown)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
      throw invalid_parameter(fmt::format("{}: '{}' line {} = '{}{}': {}", fn, source, line_number,
                                          shown, line.size() > 200 ? "..." : "", why));
    };
    if (header_allowed && line == o.header) {
      header_allowed = false;
      continue;
    }
    header_allowed = false;
    const auto comma = line.find(',');
    if (comma == std::string_view::npos || line.find(',', comma + 1) != std::string_view::npos)
      bad(fmt::format(
          "must be two fields {},{}{}", o.x_name, o.y_name,
          o.header.empty() ? "" : fmt::format(" (or the header '{}' first)", o.header)));
    const auto number = [&](std::string_view field, const std::string& name) {
      double v = 0;
      if (!scan::detail::parse_double(field, v) || !std::isfinite(v))
        bad(fmt::format("{} = '{}', but must be a finite number", name, field.substr(0, 60)));
      if (o.positive && !(v > 0)) bad(fmt::format("{} = {}, but must be > 0", name, v));
      return v;
    };
    const xy_point p{number(line.substr(0, comma), o.x_name),
                     number(line.substr(comma + 1), o.y_name)};
    if (o.ascending_x && !points.empty() && !(p.x > points.back().x))
      bad(fmt::format("{} = {}, but must be > {} of the line before (strictly increasing)",
                      o.x_name, p.x, points.back().x));
    points.push_back(p);
  }
  if (points.size() < o.min_points)
    throw invalid_parameter(
        fmt::format("{}: '{}' has {} data lines, but must have at least {} ({},{})", fn, source,
                    points.size(), o.min_points, o.x_name, o.y_name));
  return points;
}

/// Reads a two-column file (see parse_two_column_csv); a missing file or a directory throws
/// invalid_parameter naming the path.
[[nodiscard]] inline std::vector<xy_point> read_two_column_csv(const std::filesystem::path& path,
                                                               const two_column_options& o = {}) {
  return parse_two_column_csv(read_text(path, "io::read_two_column_csv"), path.string(), o);
}

}  // namespace semivisible::io
