// semivisible/io/darkcast.hpp — DarkCast limit files (.lmt) of an exclusion.
//
// DarkCast (Ilten, Soreq, Williams, Xue, JHEP 06 (2018) 004, arXiv:1801.04847; its README and
// examples/user_limit.py describe the format) reads whitespace-separated text: a one-sided limit
// has two columns (mass [GeV], coupling bound); a two-sided limit has three, and its FIRST line
// must be the label line "# mass lower upper"; further '#' text is a comment.
// Our exclusion at one mass can be an interval or several (islands). Decision: we write the
// two-sided format, one row per mass with an excluded interval (rows whose status is not ok, and
// masses with nothing excluded, are left out), and when some mass has more than one interval the
// k-th interval (k ≥ 2, ascending in the coupling) goes to a sibling file "<stem>_island<k>.lmt",
// so that every file is a valid DarkCast double-sided limit. DarkCast interpolates linearly
// between listed masses: a gap in the excluded mass range is bridged by a DarkCast reader.
// Values are written as %.7e (relative rounding ≤ 5e-8, far below the 1e-3 edge tolerance).
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/rows.hpp"

namespace semivisible::io {

/// One line of a double-sided DarkCast limit: mass [GeV] and the excluded coupling interval.
struct darkcast_point {
  double mass = 0;
  double lower = 0;
  double upper = 0;
  friend bool operator==(const darkcast_point&, const darkcast_point&) = default;
};

/// The points of the k-th (0-based) excluded interval at each mass, from scan rows.
[[nodiscard]] inline std::vector<std::vector<darkcast_point>> darkcast_layers(
    const std::vector<scan::exclusion_row>& rows) {
  std::vector<std::vector<darkcast_point>> layers;
  std::size_t k = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (i > 0 && rows[i - 1].x != r.x) k = 0;
    if (!r.status.ok() || !r.lower || !r.upper) continue;
    if (layers.size() <= k) layers.resize(k + 1);
    layers[k].push_back({r.x, *r.lower, *r.upper});
    ++k;
  }
  if (layers.empty()) layers.resize(1);
  return layers;
}

/// The .lmt text of one layer; `comment` lines (split on '\n') follow the label line.
[[nodiscard]] inline std::string to_darkcast(const std::vector<darkcast_point>& points,
                                             std::string_view comment = {}) {
  std::string out = fmt::format("# {:>13} {:>14} {:>14}\n", "mass", "lower", "upper");
  while (!comment.empty()) {
    const auto eol = comment.find('\n');
    out += fmt::format("# {}\n", comment.substr(0, eol));
    comment = eol == std::string_view::npos ? std::string_view{} : comment.substr(eol + 1);
  }
  for (const auto& p : points)
    out += fmt::format("{:>15.7e} {:>14.7e} {:>14.7e}\n", p.mass, p.lower, p.upper);
  return out;
}

/// Writes `path` (e.g. "limit.lmt") and, for islands, "<stem>_island<k><ext>" beside it, each
/// atomically; returns the paths written (the first is always `path`).
inline std::vector<std::filesystem::path> write_darkcast(
    const std::filesystem::path& path, const std::vector<scan::exclusion_row>& rows,
    std::string_view comment = {}) {
  const auto layers = darkcast_layers(rows);
  std::vector<std::filesystem::path> written;
  for (std::size_t k = 0; k < layers.size(); ++k) {
    auto p = path;
    if (k > 0)
      p.replace_filename(
          fmt::format("{}_island{}{}", path.stem().string(), k + 1, path.extension().string()));
    write_atomically(p, to_darkcast(layers[k], comment));
    written.push_back(p);
  }
  return written;
}

/// Parses a DarkCast .lmt text with three columns (two-sided) or two (one-sided; upper is then
/// +inf). Throws invalid_parameter naming `source`, the line and the text on malformed input.
[[nodiscard]] inline std::vector<darkcast_point> from_darkcast(std::string_view text,
                                                               std::string_view source = "lmt") {
  std::vector<darkcast_point> points;
  std::size_t line_number = 0, columns = 0;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    ++line_number;
    const std::string_view raw = line;
    line = line.substr(0, line.find('#'));
    std::vector<double> values;
    while (true) {
      const auto start = line.find_first_not_of(" \t\r");
      if (start == std::string_view::npos) break;
      line.remove_prefix(start);
      const auto end = std::min(line.find_first_of(" \t\r"), line.size());
      double v = 0;
      if (!scan::detail::parse_double(line.substr(0, end), v))
        throw invalid_parameter(
            fmt::format("io::read_darkcast: {} line {} = '{}', but must hold "
                        "numbers",
                        source, line_number, raw));
      values.push_back(v);
      line.remove_prefix(end);
    }
    if (values.empty()) continue;
    if (columns == 0) columns = values.size();
    if ((columns != 2 && columns != 3) || values.size() != columns)
      throw invalid_parameter(fmt::format(
          "io::read_darkcast: {} line {} = '{}', but must have 2 or 3 columns (as the first)",
          source, line_number, raw));
    points.push_back(
        {values[0], values[1], columns == 3 ? values[2] : std::numeric_limits<double>::infinity()});
  }
  return points;
}

/// Reads a .lmt file; throws invalid_parameter naming the path when missing or malformed.
[[nodiscard]] inline std::vector<darkcast_point> read_darkcast(const std::filesystem::path& path) {
  return from_darkcast(read_text(path, "io::read_darkcast"), path.string());
}

}  // namespace semivisible::io
