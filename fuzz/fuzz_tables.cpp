// fuzz/fuzz_tables.cpp — libFuzzer target: the CSV readers of tabulated inputs.
//
// Each input is given to (1) io::from_csv (exclusion.csv), (2) io::parse_two_column_csv (the strict
// two-column reader used for --reference), (3) efficiency::load_efficiency_csv (data/efficiency/,
// through a file, as the library reads it). Refusals must be semivisible::invalid_parameter; any
// other exception, a crash, a sanitizer report or a broken invariant is a finding:
//   - from_csv: every row finite, lower <= upper, and to_csv → from_csv reproduces the rows;
//   - two-column: finite, positive, strictly ascending x;
//   - efficiency table: ε(m) in [0, 1] at every tabulated mass, between them and outside.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <unistd.h>

#include "semivisible/efficiency/table.hpp"
#include "semivisible/io/csv.hpp"
#include "semivisible/io/two_column_csv.hpp"

namespace {
void require(bool ok) {
  if (!ok) std::abort();
}
/// A scratch file for the path-based loader: in /dev/shm (memory) where it exists.
std::string scratch_path() {
  const char* dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  return std::string(dir) + "/semivisible-fuzz-tables-" + std::to_string(::getpid()) + ".csv";
}
const std::string& scratch() {
  static const std::string path = scratch_path();
  return path;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace io = semivisible::io;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto rows = io::from_csv(text, "fuzz.csv");
    for (const auto& r : rows) {
      require(std::isfinite(r.x));
      require(r.lower.has_value() == r.upper.has_value());
      if (r.lower)
        require(std::isfinite(*r.lower) && std::isfinite(*r.upper) && *r.lower <= *r.upper);
    }
    const auto again = io::from_csv(io::to_csv(rows), "again");
    require(again.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
      require(again[i].x == rows[i].x && again[i].lower == rows[i].lower &&
              again[i].upper == rows[i].upper && again[i].status.code == rows[i].status.code);
  } catch (const semivisible::invalid_parameter&) {
  }
  try {
    io::two_column_options o{"m", "e", "m,e"};
    const auto points = io::parse_two_column_csv(text, "fuzz.csv", o);
    for (std::size_t i = 0; i < points.size(); ++i) {
      require(std::isfinite(points[i].x) && std::isfinite(points[i].y));
      require(points[i].x > 0 && points[i].y > 0);
      if (i > 0) require(points[i].x > points[i - 1].x);
    }
  } catch (const semivisible::invalid_parameter&) {
  }
  {
    const std::string& path = scratch();
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
      std::fwrite(data, 1, size, f);
      std::fclose(f);
      try {
        const auto t = semivisible::efficiency::load_efficiency_csv(path);
        const auto& m = t.masses();
        for (std::size_t i = 0; i < m.size(); ++i) {
          for (const double x :
               {m[i], 0.5 * m[i], i + 1 < m.size() ? 0.5 * (m[i] + m[i + 1]) : 2 * m[i]}) {
            if (!(x > 0) || !std::isfinite(x)) continue;
            const double e = t(x);
            require(std::isfinite(e) && e >= 0 && e <= 1);
          }
        }
      } catch (const semivisible::invalid_parameter&) {
      }
      std::remove(path.c_str());  // libFuzzer may end with _Exit: leave no scratch file
    }
  }
  return 0;
}
