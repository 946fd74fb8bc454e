// Tests of semivisible/stats/counting_model.hpp: validation (good and bad paths).
#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "semivisible/stats/counting_model.hpp"

namespace st = semivisible::stats;
using Catch::Matchers::Contains;

TEST_CASE("counting_model stores a valid model", "[stats][model]") {
  const st::counting_model m({0, 3}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  CHECK(m.bins() == 2);
  CHECK(m.observed()[1] == 3.0);
  CHECK(m.background()[0] == 0.19);
  CHECK(m.background_uncertainty()[1] == 0.17);
  CHECK(m.signal_uncertainty() == 0.2);
  CHECK(m.constraint() == st::constraint_type::log_normal);
  CHECK_FALSE(m.without_nuisances());
  CHECK(st::counting_model({1}, {0.0}, {0.0}).without_nuisances());
  const auto m2 = m.with_observed({4, 5});
  CHECK(m2.observed()[0] == 4.0);
  CHECK(m2.background()[1] == 0.53);
  // Gaussian constraint allows an uncertainty on a zero background (rate b + σθ, θ ≥ 0).
  CHECK_NOTHROW(st::counting_model({0}, {0.0}, {0.1}, 0.0, st::constraint_type::gaussian));
}

TEST_CASE("counting_model rejects bad input naming parameter and value", "[stats][model]") {
  using E = semivisible::invalid_parameter;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(st::counting_model({-1, 0}, {0.1, 0.1}, {0, 0}), Contains("observed[0] = -1"));
  CHECK_THROWS_WITH(st::counting_model({0.5}, {0.1}, {0}), Contains("observed[0] = 0.5"));
  CHECK_THROWS_AS(st::counting_model({nan}, {0.1}, {0}), E);
  CHECK_THROWS_WITH(st::counting_model({0, 0}, {0.1, -0.2}, {0, 0}),
                    Contains("background[1] = -0.2"));
  CHECK_THROWS_WITH(st::counting_model({0}, {inf}, {0}), Contains("background[0] = inf"));
  CHECK_THROWS_WITH(st::counting_model({0}, {0.1}, {-0.01}),
                    Contains("background_uncertainty[0] = -0.01"));
  CHECK_THROWS_WITH(st::counting_model({0, 0}, {0.1}, {0, 0}), Contains("background.size() = 1"));
  CHECK_THROWS_WITH(st::counting_model({0, 0}, {0.1, 0.1}, {0}),
                    Contains("background_uncertainty.size() = 1"));
  CHECK_THROWS_WITH(st::counting_model({}, {}, {}), Contains("observed.size() = 0"));
  CHECK_THROWS_WITH(st::counting_model({0}, {0.1}, {0}, -0.2),
                    Contains("signal_uncertainty = -0.2"));
  CHECK_THROWS_WITH(st::counting_model({0}, {0.0}, {0.1}), Contains("background_uncertainty[0]"));
}

TEST_CASE("validate_signal rejects bad signals", "[stats][model]") {
  const st::counting_model m({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  const std::vector<double> good{0.3, 0.7}, zero{0, 0}, neg{1, -1}, short_{1};
  CHECK(st::validate_signal("f", m, good) == Approx(1.0).epsilon(1e-15));
  CHECK_THROWS_WITH(st::validate_signal("f", m, zero), Contains("sum(signal) = 0"));
  CHECK_THROWS_WITH(st::validate_signal("f", m, neg), Contains("signal[1] = -1"));
  CHECK_THROWS_WITH(st::validate_signal("f", m, short_), Contains("signal.size() = 1"));
}
