// semivisible/io/output_path.hpp — the path rules of io/output_directory.hpp: normalising an
// `--out` path, telling whether two paths name the same place, and what an existing path is
// (absent, empty, ours — marked by `.semivisible-output` with nothing added since — foreign, or a
// file). Errors: a refused path throws semivisible::invalid_parameter naming the option and the
// path.
#pragma once

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"

namespace semivisible::io {

/// Name of the marker file that identifies a directory published by output_directory.
inline constexpr std::string_view output_marker_name = ".semivisible-output";

/// What an existing path is, from output_directory's point of view.
enum class output_state {
  absent,   ///< nothing there
  empty,    ///< an empty directory
  ours,     ///< a directory published by output_directory, with nothing added since
  foreign,  ///< a non-empty directory with files we did not write
  file,     ///< a file, a symbolic link or anything that is not a directory
};

namespace detail {

/// The path for a message: control characters as '?', long paths shortened with their length.
[[nodiscard]] inline std::string shown(const std::filesystem::path& p) {
  std::string s = p.string();
  for (auto& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  if (s.size() > 120) s = fmt::format("{}...({} characters)", s.substr(0, 80), p.string().size());
  return s;
}

/// The errno text.
[[nodiscard]] inline std::string errno_text(int e) {
  return std::generic_category().message(e);
}

/// Entries listed in a marker file (one top-level name per line; '#' lines are comments).
[[nodiscard]] inline std::set<std::string> marker_entries(const std::filesystem::path& marker) {
  std::set<std::string> names;
  std::ifstream in(marker);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') names.insert(line);
  return names;
}

/// True when `inner` is `outer` or lies below it (both absolute and normalised).
[[nodiscard]] inline bool is_within(const std::filesystem::path& inner,
                                    const std::filesystem::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

/// mkdtemp(3) of `parent`/`prefix`XXXXXX; throws std::runtime_error naming the path.
[[nodiscard]] inline std::filesystem::path make_unique_directory(
    const std::filesystem::path& parent, const std::string& prefix) {
  std::string pattern = (parent / (prefix + "XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    const int e = errno;
    throw std::runtime_error(fmt::format("cannot create a directory '{}' in '{}': {}", prefix,
                                         shown(parent), errno_text(e)));
  }
  return std::filesystem::path(buffer.data());
}

}  // namespace detail

/// Normalises an output path: lexically normal, no trailing separator. Throws invalid_parameter
/// naming `option` for an empty path, '.', '..' (or a path ending in one), or the root.
[[nodiscard]] inline std::filesystem::path normalize_output_path(
    const std::filesystem::path& path, std::string_view option = "--out") {
  namespace fs = std::filesystem;
  const auto refuse = [&](std::string_view why) {
    throw invalid_parameter(fmt::format("{} = '{}', but {}", option, detail::shown(path), why));
  };
  if (path.empty()) refuse("must name a directory (it is empty)");
  fs::path p = path.lexically_normal();
  while (!p.empty() && !p.has_filename() && p.has_relative_path()) p = p.parent_path();
  if (p.empty() || p == "." || p == "..")
    refuse(
        "must name a new or earlier output directory, not '.' or '..' (it would replace the "
        "working directory or its parent)");
  if (!p.has_relative_path()) refuse("must not be the root directory");
  if (p.filename() == "..") refuse("must not end in '..' (name the directory itself)");
  return p;
}

/// True when `a` and `b` name the same file system object: equivalent(a, b) when both exist
/// (symbolic links and '..' resolved), else equal weakly-canonical paths ('dir' == 'dir/').
[[nodiscard]] inline bool same_location(const std::filesystem::path& a,
                                        const std::filesystem::path& b) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
  const auto canonical = [](const fs::path& p) {
    std::error_code e;
    fs::path c = fs::weakly_canonical(fs::absolute(p, e), e);
    if (e || c.empty()) c = fs::absolute(p, e).lexically_normal();
    while (!c.has_filename() && c.has_relative_path()) c = c.parent_path();
    return c;
  };
  return canonical(a) == canonical(b);
}

/// What `path` is now (see output_state); never throws.
[[nodiscard]] inline output_state inspect_output_directory(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::symlink_status(path, ec);
  if (ec || st.type() == fs::file_type::not_found) return output_state::absent;
  if (st.type() != fs::file_type::directory) return output_state::file;
  const fs::path marker = path / output_marker_name;
  const bool marked = fs::is_regular_file(fs::symlink_status(marker, ec));
  const auto listed = marked ? detail::marker_entries(marker) : std::set<std::string>{};
  bool empty = true;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    empty = false;
    const std::string name = it->path().filename().string();
    if (name != output_marker_name && !listed.count(name)) return output_state::foreign;
  }
  if (ec) return output_state::foreign;  // unreadable: never assume it is ours
  if (empty) return output_state::empty;
  return marked ? output_state::ours : output_state::foreign;
}

}  // namespace semivisible::io
