// Tests of semivisible/io/atomic_file.hpp: complete files appear, temporaries never stay.
#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "semivisible/io/atomic_file.hpp"

namespace fs = std::filesystem;
namespace io = semivisible::io;

namespace {
fs::path fresh_dir(const char* name) {
  const auto d =
      fs::temp_directory_path() / fmt::format("semivisible-test-{}-{}", name, ::getpid());
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
std::size_t entries(const fs::path& d) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++n;
  return n;
}
}  // namespace

TEST_CASE("write_atomically writes, replaces and leaves no temporary", "[io][atomic]") {
  const auto d = fresh_dir("atomic");
  const auto p = d / "out.csv";
  io::write_atomically(p, "first\n");
  CHECK(io::read_text(p) == "first\n");
  io::write_atomically(p, std::string(100000, 'x'));
  CHECK(io::read_text(p) == std::string(100000, 'x'));
  CHECK(entries(d) == 1);  // only out.csv: the temporary was renamed away
  fs::remove_all(d);
}

TEST_CASE("write_atomically into a missing directory throws and creates nothing", "[io][atomic]") {
  const auto d = fresh_dir("atomic-missing");
  const auto p = d / "no-such-dir" / "out.csv";
  CHECK_THROWS_WITH(io::write_atomically(p, "x"), Catch::Contains("no-such-dir"));
  CHECK(entries(d) == 0);
  // renaming over a directory fails after the temporary was written: it must be removed
  fs::create_directories(d / "occupied");
  CHECK_THROWS_AS(io::write_atomically(d / "occupied", "x"), std::runtime_error);
  CHECK(entries(d) == 1);
  fs::remove_all(d);
}

TEST_CASE("read_text names the path it cannot read", "[io][atomic]") {
  CHECK_THROWS_WITH(io::read_text("/no/such/file.csv"),
                    Catch::Contains("path = '/no/such/file.csv'"));
}
