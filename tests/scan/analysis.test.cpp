// Tests of semivisible/scan/analysis.hpp: an experiment's regions are the bins of its counting
// model, in order, with the background scale applied.
#include <catch2/catch.hpp>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/scan/analysis.hpp"

TEST_CASE("the counting model of NA64 2016-2018 has the S1 and S2 bins", "[scan][analysis]") {
  const auto e = semivisible::experiment::builtin("na64-2016-2018");
  const auto m = semivisible::scan::counting_model_of(e);
  CHECK(m.observed() == std::vector<double>{0, 0});
  CHECK(m.background() == std::vector<double>{0.19, 0.53});
  CHECK(m.background_uncertainty() == std::vector<double>{0.07, 0.17});
  CHECK(m.signal_uncertainty() == 0.2);
  const auto scaled = semivisible::scan::counting_model_of(e, 10.0);
  CHECK(scaled.background()[1] == Approx(5.3).epsilon(1e-15));
  CHECK(scaled.background_uncertainty()[0] == Approx(0.7).epsilon(1e-15));
  const auto o = semivisible::scan::limit_options_of(e);
  CHECK(o.cl == 0.9);
  CHECK(o.algorithm == semivisible::stats::method::exact);
}
