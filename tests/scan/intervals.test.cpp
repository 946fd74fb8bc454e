// Tests of semivisible/scan/intervals.hpp: excluded intervals of synthetic test functions whose
// edges are known in closed form.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "semivisible/scan/intervals.hpp"

namespace ss = semivisible::scan;
using semivisible::status;

namespace {
// (ln y − ln a)(ln y − ln b): negative exactly for a < y < b.
struct island {
  double a, b;
  double operator()(double y) const {
    return (std::log(y) - std::log(a)) * (std::log(y) - std::log(b));
  }
};
ss::interval_options range(double lo, double hi) {
  ss::interval_options o;
  o.lo = lo;
  o.hi = hi;
  return o;
}
// |edge/true − 1|: the relative error in y that relative_tolerance bounds.
double rel(double edge, double truth) {
  return std::abs(edge / truth - 1);
}
}  // namespace

TEST_CASE("one island: both edges to the requested relative tolerance", "[scan][intervals]") {
  const island f{3e-5, 2e-2};
  for (const double tol : {1e-2, 1e-3, 1e-5}) {
    auto o = range(1e-7, 1.0);
    o.relative_tolerance = tol;
    const auto r = ss::excluded_intervals(f, o);
    REQUIRE(r.status.ok());
    REQUIRE(r.intervals.size() == 1);
    // The edge is the middle of a bracket narrower than ln(1 + tol): error < tol/2 in y.
    CHECK(rel(r.intervals[0].lower, 3e-5) < tol);
    CHECK(rel(r.intervals[0].upper, 2e-2) < tol);
    CHECK_FALSE(r.intervals[0].lower_at_range);
    CHECK_FALSE(r.intervals[0].upper_at_range);
  }
}

TEST_CASE("two islands at one x are both found, ascending", "[scan][intervals]") {
  // roots at 1e-5, 1e-4 and 1e-2, 3e-2 (ln y): negative on (1e-5, 1e-4) and (1e-2, 3e-2)
  const auto f = [](double y) {
    const double u = std::log(y);
    return (u - std::log(1e-5)) * (u - std::log(1e-4)) * (u - std::log(1e-2)) *
           (u - std::log(3e-2));
  };
  const auto r = ss::excluded_intervals(f, range(1e-7, 1.0));
  REQUIRE(r.status.ok());
  REQUIRE(r.intervals.size() == 2);
  // default tolerance 1e-3 relative
  CHECK(rel(r.intervals[0].lower, 1e-5) < 1e-3);
  CHECK(rel(r.intervals[0].upper, 1e-4) < 1e-3);
  CHECK(rel(r.intervals[1].lower, 1e-2) < 1e-3);
  CHECK(rel(r.intervals[1].upper, 3e-2) < 1e-3);
}

TEST_CASE("intervals reaching the range ends report the end and a flag", "[scan][intervals]") {
  const auto below = [](double y) { return std::log(y / 1e-3); };  // excluded for y < 1e-3
  auto r = ss::excluded_intervals(below, range(1e-6, 1.0));
  REQUIRE(r.intervals.size() == 1);
  CHECK(r.intervals[0].lower == 1e-6);  // exactly the range end
  CHECK(r.intervals[0].lower_at_range);
  CHECK(rel(r.intervals[0].upper, 1e-3) < 1e-3);
  CHECK_FALSE(r.intervals[0].upper_at_range);

  r = ss::excluded_intervals([](double) { return -1.0; }, range(1e-6, 1.0));
  REQUIRE(r.intervals.size() == 1);
  CHECK(r.intervals[0] == ss::interval{1e-6, 1.0, true, true});

  r = ss::excluded_intervals([](double) { return 1.0; }, range(1e-6, 1.0));
  CHECK(r.intervals.empty());
  CHECK(r.status.ok());
  CHECK(r.evaluations == 32);  // the seeds only: a constant has no extremum to refine
}

TEST_CASE("an island narrower than the seed spacing: found by the refinement between seeds",
          "[scan][intervals]") {
  auto o = range(1e-6, 1.0);
  o.seed_points = 25;  // spacing ln(1e6)/24 = 0.576 in ln y
  const double spacing = std::log(1e6) / 24;
  // centred halfway between seeds 10 and 11, half-width 0.1 (a fifth of the spacing)
  const double c = std::log(1e-6) + 10.5 * spacing, w = 0.1;
  const auto dip = [&](double y) { return (std::log(y) - c) * (std::log(y) - c) - w * w; };
  o.refine_levels = 0;
  CHECK(ss::excluded_intervals(dip, o).intervals.empty());  // the honest limit of seeds alone
  o.refine_levels = 2;
  const auto r = ss::excluded_intervals(dip, o);
  REQUIRE(r.intervals.size() == 1);
  CHECK(rel(r.intervals[0].lower, std::exp(c - w)) < 1e-3);
  CHECK(rel(r.intervals[0].upper, std::exp(c + w)) < 1e-3);
}

TEST_CASE("a failing point is recorded and the scan goes on", "[scan][intervals]") {
  const island f{3e-5, 2e-2};
  std::atomic<int> calls{0};
  // NaN at the fifth seed (inside neither edge's bracket), an exception at the eighth
  const auto flaky = [&](double y) {
    const int n = calls++;
    if (n == 4) return std::numeric_limits<double>::quiet_NaN();
    if (n == 7) throw std::runtime_error("fit did not converge");
    return f(y);
  };
  const auto r = ss::excluded_intervals(flaky, range(1e-7, 1.0));
  CHECK(r.status.code == status::numerical_error);
  CHECK(r.status.message.find("nan") != std::string::npos);  // the first failure is kept
  REQUIRE(r.intervals.size() == 1);
  CHECK(rel(r.intervals[0].lower, 3e-5) < 1e-3);
  CHECK(rel(r.intervals[0].upper, 2e-2) < 1e-3);

  // invalid_parameter thrown by the test maps to invalid_input
  const auto bad = [](double y) -> double {
    if (y > 0.5) throw semivisible::invalid_parameter("f: y = 0.6, but must be < 0.5");
    return -1;
  };
  const auto r2 = ss::excluded_intervals(bad, range(1e-3, 1.0));
  CHECK(r2.status.code == status::invalid_input);
  REQUIRE(r2.intervals.size() == 1);
  // hi failed, so the interval ends at the last evaluable point, not flagged as reaching hi
  CHECK_FALSE(r2.intervals[0].upper_at_range);
  CHECK(r2.intervals[0].upper < 0.5);

  const auto r3 = ss::excluded_intervals([](double) -> double { throw std::runtime_error("x"); },
                                         range(1e-3, 1.0));
  CHECK(r3.status.code == status::numerical_error);
  CHECK(r3.intervals.empty());
}

TEST_CASE("evaluation count: seeds plus a few toms748 steps per edge", "[scan][intervals]") {
  const auto r = ss::excluded_intervals(island{3e-5, 2e-2}, range(1e-7, 1.0));
  // 32 seeds + 2 refinement points at the one extremum per level (2 levels) + ≤ 12 per edge:
  // TOMS 748 converges superlinearly, a smooth edge needs ~4-8 calls to 1e-3 from a 0.6-wide
  // bracket.
  CHECK(r.evaluations <= 32 + 8 + 2 * 12);
  CHECK(r.evaluations > 32);
}

TEST_CASE("bad options throw naming the parameter and value", "[scan][intervals]") {
  const island f{1e-3, 1e-2};
  const auto message = [&](ss::interval_options o) {
    try {
      (void)ss::excluded_intervals(f, o);
    } catch (const semivisible::invalid_parameter& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  CHECK_THAT(message(range(0, 1)), Catch::Contains("lo = 0"));
  CHECK_THAT(message(range(-1, 1)), Catch::Contains("lo = -1"));
  CHECK_THAT(message(range(1, 1)), Catch::Contains("hi = 1"));
  CHECK_THAT(message(range(1, 0.5)), Catch::Contains("hi = 0.5"));
  auto o = range(1e-3, 1);
  o.seed_points = 1;
  CHECK_THAT(message(o), Catch::Contains("seed_points = 1"));
  o = range(1e-3, 1);
  o.relative_tolerance = 0;
  CHECK_THAT(message(o), Catch::Contains("relative_tolerance = 0"));
}
