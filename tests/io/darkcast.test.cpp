// Tests of semivisible/io/darkcast.hpp: the two-sided .lmt layout DarkCast's reader expects
// (first line "# mass lower upper"), islands in sibling files, and the round trip.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "semivisible/io/darkcast.hpp"

namespace fs = std::filesystem;
namespace io = semivisible::io;
namespace ss = semivisible::scan;
using semivisible::status;

namespace {
std::vector<ss::exclusion_row> darkcast_rows() {
  return {ss::exclusion_row{0.001, {}, {}, false, false, {}},
          ss::exclusion_row{0.01, 3.3e-5, 0.0199, false, false, {}},
          ss::exclusion_row{0.1, 2e-5, 1e-3, false, false, {}},
          ss::exclusion_row{0.1, 5e-3, 9e-3, false, false, {}},  // island
          ss::exclusion_row{0.2, 1e-5, 1e-2, false, false, {status::numerical_error, ""}},
          ss::exclusion_row{0.3, 4e-5, 2e-3, false, false, {}}};
}
}  // namespace

TEST_CASE("DarkCast: first line labels the columns, comments after it", "[io][darkcast]") {
  const auto text =
      io::to_darkcast(io::darkcast_layers(darkcast_rows())[0], "NA64 semi-visible\nline 2");
  // DarkCast's Datasets reader takes the column keys from the first line: mass lower upper
  const auto first = text.substr(0, text.find('\n'));
  CHECK(first.find('#') == 0);
  CHECK(first.find("mass") != std::string::npos);
  CHECK(first.find("lower") < first.find("upper"));
  CHECK(text.find("# NA64 semi-visible\n# line 2\n") != std::string::npos);
}

TEST_CASE("DarkCast: layers, failed rows dropped, round trip to 1e-7", "[io][darkcast]") {
  const auto layers = io::darkcast_layers(darkcast_rows());
  REQUIRE(layers.size() == 2);
  REQUIRE(layers[0].size() == 3);  // 0.01, 0.1 (first interval), 0.3; 0.001 empty, 0.2 failed
  REQUIRE(layers[1].size() == 1);
  CHECK(layers[1][0] == io::darkcast_point{0.1, 5e-3, 9e-3});

  const auto d = fs::temp_directory_path() / fmt::format("semivisible-test-lmt-{}", ::getpid());
  fs::remove_all(d);
  fs::create_directories(d);
  const auto written = io::write_darkcast(d / "na64.lmt", darkcast_rows(), "test");
  REQUIRE(written.size() == 2);
  CHECK(written[1].filename() == "na64_island2.lmt");
  for (std::size_t k = 0; k < 2; ++k) {
    const auto back = io::read_darkcast(written[k]);
    REQUIRE(back.size() == layers[k].size());
    for (std::size_t i = 0; i < back.size(); ++i) {
      // %.7e keeps 8 significant digits: relative rounding ≤ 5e-8, checked at 1e-7
      CHECK(back[i].mass == Approx(layers[k][i].mass).epsilon(1e-7));
      CHECK(back[i].lower == Approx(layers[k][i].lower).epsilon(1e-7));
      CHECK(back[i].upper == Approx(layers[k][i].upper).epsilon(1e-7));
    }
  }
  fs::remove_all(d);
}

TEST_CASE("DarkCast reader: one-sided files, bad lines named", "[io][darkcast]") {
  const auto one = io::from_darkcast("# mass eps\n1e-3 7.5e-6\n 2e-3  1e-5 # note\n\n");
  REQUIRE(one.size() == 2);
  CHECK(one[1].lower == 1e-5);
  CHECK(std::isinf(one[1].upper));
  CHECK_THROWS_WITH(io::from_darkcast("1 2 3\n1 2\n", "f.lmt"), Catch::Contains("f.lmt line 2"));
  CHECK_THROWS_WITH(io::from_darkcast("1 x\n", "f.lmt"), Catch::Contains("line 1 = '1 x'"));
  CHECK_THROWS_WITH(io::from_darkcast("1 2 3 4\n", "f.lmt"), Catch::Contains("2 or 3 columns"));
}
