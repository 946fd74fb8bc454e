// semivisible/io/atomic_file.hpp — writing output files so that nothing half-written is left.
//
// write_atomically(path, content) writes to a temporary file in the same directory (a hidden
// name ".<file>.tmp.<pid>.<n>"), flushes and closes it, then renames it over `path`. rename(2)
// within one file system is atomic on POSIX, so readers see either the old file or the complete
// new one, and a crash or an error leaves at most the temporary, which is removed on error.
// read_text(path) reads a whole file, throwing invalid_parameter naming the path when it cannot.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#if __has_include(<unistd.h>)
#include <unistd.h>
#endif

#include "semivisible/error.hpp"

namespace semivisible::io {

namespace detail {
inline std::filesystem::path temporary_sibling(const std::filesystem::path& path) {
  static std::atomic<unsigned long> counter{0};
#if __has_include(<unistd.h>)
  const long pid = static_cast<long>(::getpid());
#else
  const long pid = 0;
#endif
  const auto thread = std::hash<std::thread::id>{}(std::this_thread::get_id());
  return path.parent_path() / fmt::format(".{}.tmp.{}.{:x}.{}", path.filename().string(), pid,
                                          thread, counter.fetch_add(1));
}
}  // namespace detail

/// Writes `content` to `path` atomically (temporary sibling + rename). The directory must exist.
/// Throws std::runtime_error naming the path when the file cannot be written.
inline void write_atomically(const std::filesystem::path& path, std::string_view content) {
  const auto tmp = detail::temporary_sibling(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out)
      throw std::runtime_error(fmt::format("io::write_atomically: cannot create '{}' (for '{}')",
                                           tmp.string(), path.string()));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw std::runtime_error(
          fmt::format("io::write_atomically: writing '{}' failed", tmp.string()));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw std::runtime_error(fmt::format("io::write_atomically: cannot rename '{}' to '{}': {}",
                                         tmp.string(), path.string(), ec.message()));
  }
}

/// The whole content of a file; throws invalid_parameter "function: path = '...', but must be a
/// readable file" when it is missing or unreadable.
[[nodiscard]] inline std::string read_text(const std::filesystem::path& path,
                                           std::string_view function = "io::read_text") {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw invalid_parameter(
        fmt::format("{}: path = '{}', but must be a readable file", function, path.string()));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw invalid_parameter(
        fmt::format("{}: path = '{}', but must be a readable file", function, path.string()));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace semivisible::io
