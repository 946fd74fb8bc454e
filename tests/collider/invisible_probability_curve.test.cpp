// Tests of semivisible/collider/invisible_probability_curve.hpp: the interpolated P_invisible(cτ)
// against the exact node sums of the monophoton_table it was built from.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "babar_options.hpp"
#include "semivisible/collider/invisible_probability_curve.hpp"
#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"

namespace sc = semivisible::collider;
using parameters = semivisible::model::parameters<double>;

TEST_CASE("invisible_probability_curve: the log derivatives are those of the exact sum",
          "[collider][invisible_probability_curve]") {
  // Central differences of the exact P in ℓ = ln u (step 1e-4: truncation ~1e-9 relative).
  const sc::monophoton_table t(parameters::from_ratios(0.3, 1e-3, 0.1, 3.0, 0.4),
                               sc::test::babar_2017_options());
  const auto p_at = [&](double l) {
    return t.invisible_probability_for_proper_decay_length(std::exp(-l));
  };
  const auto [d_min, d_max] = t.reach_range();
  REQUIRE(d_min > 0);
  REQUIRE(d_max >= d_min);
  for (double a : {1e-3, 0.1, 1.0, 3.0, 10.0}) {  // u d_min
    const double l = std::log(a / d_min), h = 1e-4;
    const auto [p, p1, p2] = t.invisible_probability_log_derivatives(std::exp(l));
    CHECK(p == Approx(p_at(l)).epsilon(1e-13));
    CHECK(p1 == Approx((p_at(l + h) - p_at(l - h)) / (2 * h)).epsilon(1e-6).margin(1e-12));
    CHECK(p2 ==
          Approx((p_at(l + h) - 2 * p_at(l) + p_at(l - h)) / (h * h)).epsilon(1e-4).margin(1e-8));
  }
}

TEST_CASE("invisible_probability_curve: agrees with the exact sum to 1e-8 relative",
          "[collider][invisible_probability_curve]") {
  // 400 cτ per model point, log-spaced across and beyond the interpolated range; inside, the bound
  // 1e-8 is 4x the largest error measured with the default h = 0.1 (2.2e-9; error ~h⁶).
  const auto& options = sc::test::babar_2017_options();
  double worst = 0;
  for (double m : {0.01, 0.1, 0.5, 2.0, 8.0})
    for (double f : {0.05, 0.4, 0.8}) {
      const sc::monophoton_table exact(parameters::from_ratios(m, 1e-3, 0.1, 3.0, f), options);
      if (exact.chi2_stable()) continue;  // Δ < 2 m_e (m = 0.01 GeV, f = 0.05): P = 1, no curve
      const sc::invisible_probability_curve curve(exact);
      const auto [lo, hi] = curve.interpolated_range();
      REQUIRE(lo < hi);
      for (int i = 0; i <= 400; ++i) {
        const double l = lo - 3 + (hi - lo + 11) * i / 400.0;  // to d_min u ≈ 1e5 (all e^{−a} = 0)
        const double ctau = std::exp(-l);
        const double a = exact.invisible_probability_for_proper_decay_length(ctau);
        const double b = curve.invisible_probability_for_proper_decay_length(ctau);
        if (l < lo || l > hi) {  // outside: the moment series or the truncated sorted sum
          CHECK(b == Approx(a).epsilon(1e-13).margin(1e-300));
          continue;
        }
        REQUIRE(a > 0);
        worst = std::max(worst, std::abs(b / a - 1));
      }
    }
  INFO("largest relative error " << worst);
  CHECK(worst < 1e-8);
  CHECK(worst > 0);  // it does interpolate
}

TEST_CASE("invisible_probability_curve: stable chi2, cτ limits and bad input",
          "[collider][invisible_probability_curve]") {
  const auto& options = sc::test::babar_2017_options();
  // Δ below 2 m_e: χ2 stable, P = 1 exactly for every ε.
  const sc::invisible_probability_curve stable(
      sc::monophoton_table(parameters::from_ratios(0.01, 1e-3, 0.1, 3.0, 0.05), options));
  REQUIRE(stable.chi2_stable());
  CHECK(stable.invisible_probability_for_proper_decay_length(stable.proper_decay_length(1e-3)) ==
        1.0);
  const sc::monophoton_table t(parameters::from_ratios(0.3, 1e-3, 0.1, 3.0, 0.4), options);
  const sc::invisible_probability_curve curve(t);
  CHECK(curve.invisible_probability_for_proper_decay_length(
            std::numeric_limits<double>::infinity()) == 1.0);
  CHECK(curve.invisible_probability_for_proper_decay_length(1e-30) ==
        Approx(t.soft_probability()).margin(1e-15));
  CHECK(curve.proper_decay_length(2e-3) == t.proper_decay_length(2e-3));
  CHECK_THROWS_WITH(curve.invisible_probability_for_proper_decay_length(0.0),
                    Catch::Contains("ctau_m"));
  CHECK_THROWS_WITH(curve.invisible_probability_for_proper_decay_length(std::nan("")),
                    Catch::Contains("ctau_m"));
  CHECK_THROWS_WITH(sc::invisible_probability_curve(t, 0.0), Catch::Contains("spacing"));
  CHECK_THROWS_WITH(sc::invisible_probability_curve(t, 2.0), Catch::Contains("spacing"));
  CHECK_THROWS_WITH(t.invisible_probability_log_derivatives(-1.0), Catch::Contains("inverse_ctau"));
}
