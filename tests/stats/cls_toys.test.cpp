// Tests of semivisible/stats/cls_toys.hpp and the toys rule of the dispatch: the work estimate
// against the engine's own count, the refusal of requests beyond the budget (one message naming
// toys and its value, without contradicting itself), the random streams.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <vector>

#include "semivisible/stats/cls.hpp"
#include "semivisible/stats/detail/random_stream.hpp"

namespace st = semivisible::stats;
using Catch::Matchers::Contains;

static_assert(st::cls_engine<st::toys_engine>);
static_assert(st::expected_cls_engine<st::toys_engine>);

TEST_CASE("toys: the a-priori work estimate matches the engine's count", "[stats][cls][toys]") {
  const st::counting_model m({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  st::toys_engine t(m, s, 200, 1, 1, {}, 0);
  const double before = t.work_used();
  (void)t.cls(2.0);
  const double one = t.work_used() - before;
  // One evaluation: 2 × 200 toys with two fits each; the estimate assumes 4 Newton iterations
  // per fit — within a factor 2 of the count.
  CHECK(one == Approx(st::toys_work(2, 200, 1.0)).epsilon(0.5));
}

TEST_CASE("toys: requests beyond the work budget are refused, naming toys",
          "[stats][cls][toys][errors][regression]") {
  const st::counting_model m({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> s{0.3, 0.7};
  st::limit_options o;
  o.algorithm = st::method::toys;
  o.toys = 100000000;  // the hostile probe: --toys 1e8 (≈ 20 h)
  o.threads = 2;
  CHECK_THROWS_AS(st::upper_limit(m, s, o), semivisible::invalid_parameter);
  CHECK_THROWS_WITH(st::upper_limit(m, s, o), Contains("toys = 100000000, but must be <="));
  CHECK_THROWS_WITH(st::upper_limit(m, s, o), Contains("work budget"));
  st::cls_options co;
  co.algorithm = st::method::toys;
  co.toys = 100000000;
  CHECK_THROWS_WITH(st::cls(m, s, co), Contains("toys = 100000000"));
  // The default (2000 toys, band) fits; with no budget anything goes (not run here).
  o.toys = 2000;
  CHECK_NOTHROW(st::detail::check_toys_budget("test", m, o.toys, 2, 95.0, o.work_budget, "x"));
  CHECK_NOTHROW(st::detail::check_toys_budget("test", m, 100000000, 2, 95.0, 0, "x"));
  o.toys = 0;
  CHECK_THROWS_WITH(st::upper_limit(m, s, o), Contains("toys = 0"));
}

TEST_CASE("toy streams are reproducible and distinct", "[stats][cls][toys]") {
  namespace sd = st::detail;
  sd::toy_stream a(7, 0, 3), b(7, 0, 3), c(7, 1, 3), d(8, 0, 3);
  std::set<double> seen;
  for (int i = 0; i < 100; ++i) {
    const double u = a.uniform();
    CHECK(u == b.uniform());
    CHECK(u > 0.0);
    CHECK(u < 1.0);
    seen.insert(u);
    seen.insert(c.uniform());
    seen.insert(d.uniform());
  }
  CHECK(seen.size() == 300);  // no collisions between the three streams (53-bit uniforms)
  // Poisson by inversion: mean and variance of 20000 draws at λ = 3.7 within 4σ.
  sd::toy_stream p(1, 0, 0);
  double sum = 0, sum2 = 0;
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) {
    const double k = p.poisson(3.7);
    sum += k;
    sum2 += k * k;
  }
  const double mean = sum / draws, var = sum2 / draws - mean * mean;
  CHECK(std::abs(mean - 3.7) < 4 * std::sqrt(3.7 / draws));
  CHECK(std::abs(var - 3.7) < 4 * 3.7 * std::sqrt(2.0 / draws));
}
