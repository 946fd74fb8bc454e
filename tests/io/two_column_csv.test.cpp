// Tests of semivisible/io/two_column_csv.hpp: the strict reader refuses everything but finite,
// positive, ascending two-column lines, and its messages name the file, line and value.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "semivisible/io/two_column_csv.hpp"

namespace fs = std::filesystem;
namespace io = semivisible::io;

namespace {
const io::two_column_options ref{"m_aprime_GeV", "epsilon_90", "m_aprime_GeV,epsilon_90",
                                 true,           true,         2};
std::string two_column_error(std::string_view text, const io::two_column_options& o = ref) {
  try {
    (void)io::parse_two_column_csv(text, "ref.csv", o);
  } catch (const semivisible::invalid_parameter& e) {
    return e.what();
  }
  return "no exception";
}
}  // namespace

TEST_CASE("two-column CSV: comments, the header, CRLF and spaces are accepted",
          "[io][two_column_csv][reliability]") {
  const auto p = io::parse_two_column_csv(
      "# source\r\n\nm_aprime_GeV,epsilon_90\r\n1e-3, 7.5e-6\r\n 2e-3 ,8e-6\n# end\n", "t", ref);
  REQUIRE(p.size() == 2);
  CHECK(p[0] == io::xy_point{1e-3, 7.5e-6});
  CHECK(p[1] == io::xy_point{2e-3, 8e-6});
}

TEST_CASE("two-column CSV: bad lines are refused naming the file, the line and the value",
          "[io][two_column_csv][reliability]") {
  CHECK_THAT(two_column_error("abc,def\n1,2\n"),
             Catch::Contains("'ref.csv' line 1 = 'abc,def'") &&
                 Catch::Contains("m_aprime_GeV = 'abc', but must be a finite number"));
  CHECK_THAT(two_column_error("1e-3,7e-6\n2e-3,nan\n"),
             Catch::Contains("line 2") && Catch::Contains("epsilon_90 = 'nan'"));
  CHECK_THAT(two_column_error("1e-3,inf\n2e-3,1\n"), Catch::Contains("epsilon_90 = 'inf'"));
  CHECK_THAT(two_column_error("1e-3,1e400\n2e-3,1\n"), Catch::Contains("finite"));  // overflow
  CHECK_THAT(two_column_error("1e-3,1e300\n2e-3,-1\n"),
             Catch::Contains("epsilon_90 = -1, but must be > 0"));
  CHECK_THAT(two_column_error("2e-3,1\n1e-3,1\n"), Catch::Contains("strictly increasing"));
  CHECK_THAT(two_column_error("1,2,3\n2,3\n"), Catch::Contains("two fields"));
  CHECK_THAT(two_column_error("1;2\n2;3\n"), Catch::Contains("two fields"));
  CHECK_THAT(two_column_error("1,2\nm_aprime_GeV,epsilon_90\n"),
             Catch::Contains("line 2"));  // late header
  CHECK_THAT(two_column_error("1,0x10\n2,3\n"), Catch::Contains("'0x10'"));
  CHECK_THAT(two_column_error(""), Catch::Contains("has 0 data lines, but must have at least 2"));
  CHECK_THAT(two_column_error("# only\nm_aprime_GeV,epsilon_90\n"),
             Catch::Contains("0 data lines"));
  CHECK_THAT(two_column_error("1,2\n"), Catch::Contains("1 data lines"));
  CHECK_THAT(two_column_error(std::string("1,2\n2,\x01\n")), Catch::Contains("'2,?'"));
}

TEST_CASE("two-column CSV: a missing file or a directory is refused by path",
          "[io][two_column_csv][reliability]") {
  const auto d = fs::temp_directory_path() / fmt::format("semivisible-2col-{}", ::getpid());
  fs::create_directories(d);
  CHECK_THROWS_WITH(io::read_two_column_csv(d), Catch::Contains(d.string()));
  CHECK_THROWS_WITH(io::read_two_column_csv(d / "none.csv"), Catch::Contains("readable file"));
  std::ofstream(d / "ok.csv") << "1,2\n3,4\n";
  CHECK(io::read_two_column_csv(d / "ok.csv").size() == 2);
  fs::remove_all(d);
}

TEST_CASE("two-column CSV: the shipped NA64 reference curve reads", "[io][two_column_csv]") {
  const auto p = io::read_two_column_csv(
      std::string(SEMIVISIBLE_DATA_DIR) + "/reference/na64_invisible_2019_eps90.csv", ref);
  CHECK(p.size() > 30);
  CHECK(p.front().x == 1e-3);
}
