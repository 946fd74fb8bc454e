// Tests of semivisible/scan/rows.hpp: rows from interval results, status words.
#include <catch2/catch.hpp>

#include <string>

#include "semivisible/scan/rows.hpp"

namespace ss = semivisible::scan;
using semivisible::status;

TEST_CASE("rows_from: one row per interval, one empty row when none", "[scan][rows]") {
  ss::interval_result r;
  r.status = {status::not_converged, "edge"};
  auto rows = ss::rows_from(0.2, r);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].x == 0.2);
  CHECK_FALSE(rows[0].lower.has_value());
  CHECK_FALSE(rows[0].upper.has_value());
  CHECK(rows[0].status.code == status::not_converged);

  r.status = {};
  r.intervals = {{1e-5, 1e-4, true, false}, {1e-2, 1.0, false, true}};
  rows = ss::rows_from(0.3, r);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == ss::exclusion_row{0.3, 1e-5, 1e-4, true, false, {}});
  CHECK(rows[1] == ss::exclusion_row{0.3, 1e-2, 1.0, false, true, {}});
}

TEST_CASE("status words round trip; unknown words are rejected by name", "[scan][rows]") {
  for (const status s : {status::ok, status::no_bracket, status::not_converged,
                         status::invalid_input, status::numerical_error})
    CHECK(ss::status_from_string(semivisible::to_string(s)) == s);
  CHECK_THROWS_WITH(ss::status_from_string("fine"), Catch::Contains("status = 'fine'"));
  const auto f = ss::failed_row(1.5, status::numerical_error, "fit");
  CHECK(f.x == 1.5);
  CHECK(f.status.message == "fit");
  CHECK_FALSE(f.lower.has_value());
}
