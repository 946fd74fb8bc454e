// Tests of semivisible/io/csv.hpp: exact round trip, the contract's header, bad input.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "semivisible/io/csv.hpp"

namespace io = semivisible::io;
namespace ss = semivisible::scan;
using semivisible::status;

namespace {
std::vector<ss::exclusion_row> sample_rows() {
  return {ss::exclusion_row{1e-3, {}, {}, false, false, {}},
          ss::exclusion_row{0.0123456789012345, 3.1e-5, 2.0000000000000004e-2, false, false, {}},
          ss::exclusion_row{0.5, 1e-8, 0.1, true, false, {}},
          ss::exclusion_row{0.5, 0.3, 1.0, false, true, {}},  // island row at the same x
          ss::exclusion_row{0.7, {}, {}, false, false, {status::not_converged, ""}},
          ss::exclusion_row{
              std::nextafter(1.0, 2.0), 1e-300, 1.7976931348623157e308, false, false, {}}};
}
}  // namespace

TEST_CASE("CSV: header x,lower,upper,status and empty fields for no exclusion", "[io][csv]") {
  const auto text = io::to_csv(sample_rows());
  CHECK(text.rfind("x,lower,upper,status\n0.001,,,ok\n", 0) == 0);
  CHECK(text.find("0.7,,,not_converged\n") != std::string::npos);
}

TEST_CASE("CSV: write then read gives the same doubles bit for bit", "[io][csv]") {
  const auto rows = sample_rows();
  const auto back = io::from_csv(io::to_csv(rows));
  REQUIRE(back.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // shortest round-trip formatting: exact equality is the specification
    CHECK(back[i].x == rows[i].x);
    CHECK(back[i].lower == rows[i].lower);
    CHECK(back[i].upper == rows[i].upper);
    CHECK(back[i].status.code == rows[i].status.code);
  }
  CHECK(io::to_csv(back) == io::to_csv(rows));  // byte-identical
  // Windows line ends are read too
  CHECK(io::from_csv("x,lower,upper,status\r\n1,2,3,ok\r\n").size() == 1);
}

TEST_CASE("CSV: malformed input names the source, line and text", "[io][csv]") {
  const auto msg = [](const std::string& text) {
    try {
      (void)io::from_csv(text, "DIR/exclusion.csv");
    } catch (const semivisible::invalid_parameter& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  CHECK_THAT(msg("x,lo,up,status\n"),
             Catch::Contains("DIR/exclusion.csv line 1 = 'x,lo,up,status'"));
  CHECK_THAT(msg(""), Catch::Contains("(empty)"));
  const std::string h = "x,lower,upper,status\n";
  CHECK_THAT(msg(h + "1,2,3\n"), Catch::Contains("line 2 = '1,2,3'"));
  CHECK_THAT(msg(h + "1,2,3,ok,5\n"), Catch::Contains("4 fields"));
  CHECK_THAT(msg(h + "abc,,,ok\n"), Catch::Contains("x must be a number"));
  CHECK_THAT(msg(h + "1,2,,ok\n"), Catch::Contains("both"));
  CHECK_THAT(msg(h + "1,,,fine\n"), Catch::Contains("status must be"));
  CHECK_THROWS_WITH(io::read_csv("/no/such/exclusion.csv"),
                    Catch::Contains("path = '/no/such/exclusion.csv'"));
}
