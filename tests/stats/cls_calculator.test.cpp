// Tests of semivisible/stats/cls_calculator.hpp: every public stats function validates its
// options as the CLI does (one message naming the parameter and the value), and the calculator
// applies the same fallback rules as the free functions.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "semivisible/stats/cls.hpp"

namespace st = semivisible::stats;
using Catch::Matchers::Contains;

TEST_CASE("public stats functions validate their inputs", "[stats][cls][errors]") {
  const st::counting_model m({1, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  const double nan = std::numeric_limits<double>::quiet_NaN();
  st::cls_options c;
  c.mu = nan;
  CHECK_THROWS_WITH(st::cls(m, s, c), Contains("stats::cls: mu = nan"));
  c = {};
  c.fit.max_iterations = 0;
  CHECK_THROWS_WITH(st::cls(m, s, c), Contains("fit.max_iterations = 0"));
  c = {};
  c.fit.tolerance = -1;
  CHECK_THROWS_WITH(st::cls(m, s, c), Contains("fit.tolerance = -1"));
  st::limit_options o;
  o.bits = 60;
  CHECK_THROWS_WITH(st::upper_limit(m, s, o), Contains("bits = 60"));
  o = {};
  o.cl = nan;
  CHECK_THROWS_WITH(st::upper_limit(m, s, o), Contains("cl = nan"));
  CHECK_THROWS_WITH(st::upper_limit(m, std::vector<double>{0.3, nan}), Contains("signal[1] = nan"));
  CHECK_THROWS_WITH(st::upper_limit(m, std::vector<double>{0.3, -1.0}), Contains("signal[1] = -1"));
  st::limit_options bad;
  bad.toys = 0;
  CHECK_THROWS_WITH(st::cls_calculator(m, bad), Contains("toys = 0"));
  st::cls_calculator calc(m);
  CHECK_THROWS_WITH(calc.cls(s, -2.0), Contains("stats::cls_calculator::cls: mu = -2"));
  CHECK_THROWS_WITH(calc.upper_limit(std::vector<double>{1.0}), Contains("signal.size() = 1"));
  // The generic functions validate the options too.
  st::exact_engine e(m, s);
  st::limit_options generic;
  generic.cl = 1.5;
  CHECK_THROWS_WITH(st::upper_limit(e, generic), Contains("cl = 1.5"));
  semivisible::solver_status status;
  CHECK_THROWS_WITH(st::observed_limit(e, generic, status), Contains("cl = 1.5"));
}

TEST_CASE("cls_calculator applies the fallback rules like the free functions",
          "[stats][cls][fallback]") {
  // Rule 1 (limit): large counts.
  const st::counting_model big({20000, 0}, {0.19, 0.53}, {0.0, 0.0});
  const std::vector<double> s{0.3, 0.7};
  st::limit_options o;
  o.expected = false;
  st::cls_calculator calc(big, o);
  const auto a = calc.upper_limit(s);
  const auto b = st::upper_limit(big, s, o);
  CHECK(a.algorithm == st::method::asymptotic);
  CHECK(a.mu_upper == b.mu_upper);
  CHECK(a.warning == b.warning);
  // A smaller budget moves the switch to smaller counts; 0 switches it off.
  const st::counting_model mid({30, 0}, {0.19, 0.53}, {0.0, 0.0});
  o.work_budget = 20000;
  CHECK(st::upper_limit(mid, s, o).algorithm == st::method::asymptotic);
  o.work_budget = 0;
  CHECK(st::upper_limit(mid, s, o).algorithm == st::method::exact);
  o.work_budget = st::default_work_budget;
  CHECK(st::upper_limit(mid, s, o).algorithm == st::method::exact);
}
