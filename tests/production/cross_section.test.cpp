// Tests of semivisible/production/cross_section.hpp: docs/formula-notes.md §3.3 (T14-T16), ∫
// differential = total, the m_e → 0 limit of the IWW shape.
#include <catch2/catch.hpp>

#include <cmath>

#include <boost/math/quadrature/tanh_sinh.hpp>

#include "semivisible/production/cross_section.hpp"
#include "semivisible/units.hpp"

namespace sp = semivisible::production;
using semivisible::units::pb;

TEST_CASE("sigma_IWW and sigma_ETL match docs/formula-notes.md §3.3 (T14, T15)",
          "[production][xsec]") {
  // The notes use α = 1/137 (DMG4); we use CODATA α, which lowers σ by (137/137.036)³ − 1 = −0.08
  // %. Values are quoted to 4 digits: tolerance 2e-3. Elastic form factor only, as in the notes.
  const double m[] = {0.001, 0.002, 0.010, 0.020, 0.050, 0.200, 0.400, 0.500, 1.000};
  const double iww[] = {1.2441e5, 7.604e4, 9.195e3, 3.148e3, 674.2, 39.13, 6.466, 3.459, 0.4120};
  const double etl[] = {2.058e5, 9.136e4, 8.493e3, 2.623e3, 467.3, 20.72, 3.395, 1.800, 0.1921};
  const auto el = sp::form_factors::elastic;
  for (int i = 0; i < 9; ++i) {
    INFO("m = " << m[i]);
    CHECK(sp::iww_total_cross_section(m[i], 100.0, 1e-4, sp::lead, el) / pb ==
          Approx(iww[i]).epsilon(2e-3));
    CHECK(sp::etl_total_cross_section(m[i], 100.0, 1e-4, sp::lead, el) / pb ==
          Approx(etl[i]).epsilon(2e-3));
  }
}

TEST_CASE("sigma_ETL against the DMG4 reference value 3643 pb (T16)", "[production][xsec]") {
  // DMG4 comment: ETL, m = 16.7 MeV, E0 = 150 GeV: 3643 pb; the notes' re-implementation gives
  // 3655 pb (+0.3 %). Tolerance 1 % (T16).
  CHECK(sp::etl_total_cross_section(0.0167, 150.0, 1e-4, sp::lead, sp::form_factors::elastic) /
            pb ==
        Approx(3643.0).epsilon(1e-2));
}

TEST_CASE("the ETL differential cross section integrates to the total", "[production][xsec]") {
  // Independent quadrature: tanh-sinh directly in x (the implementation normalises with
  // Gauss-Kronrod in v = -ln(1-x)). Both converge to 1e-8; tolerance 1e-6.
  boost::math::quadrature::tanh_sinh<double> ts;
  for (double m : {0.002, 0.02, 0.2, 0.9}) {
    const double e0 = 100.0;
    const auto r = sp::aprime_x_range(m, e0);
    auto f = [&](double x) { return sp::etl_differential_cross_section(x, m, e0, 1.0, sp::lead); };
    const double integral = ts.integrate(f, r.min, r.max, 1e-10);
    INFO("m = " << m);
    CHECK(integral == Approx(sp::etl_total_cross_section(m, e0, 1.0, sp::lead)).epsilon(1e-6));
    // Above a threshold: same comparison on [0.5, x_max].
    const double above = ts.integrate(f, 0.5, r.max, 1e-10);
    CHECK(above == Approx(sp::etl_cross_section_above(0.5, m, e0, 1.0, sp::lead)).epsilon(1e-6));
    CHECK(above < integral);
  }
}

TEST_CASE("IWW x-shape tends to x(1 - x + x^2/3)/(m^2 (1-x)) for m >> m_e (BEST Eq. A14)",
          "[production][xsec]") {
  // Keeping the exact p_A′/E0 = √(x² − m²/E0²) factor, the remaining corrections are
  // O(m_e²/(m²(1−x))) ≤ 1e-5 at m = 0.5 GeV, x ∈ [0.1, 0.9]: tolerance 1e-4.
  const double m = 0.5;
  for (double x : {0.1, 0.3, 0.6, 0.9}) {
    const double p_over_e = std::sqrt(x * x - m * m / 1e4);
    const double limit = p_over_e * (1 - x + x * x / 3) / (m * m * (1 - x));
    CHECK(sp::iww_x_shape(x, m, 100.0) == Approx(limit).epsilon(1e-4));
  }
  CHECK(sp::iww_x_shape(0.004, m, 100.0) == 0.0);  // below x_min = m/E0
  CHECK(sp::iww_x_shape(1.0, m, 100.0) == 0.0);
}

TEST_CASE("etl_cross_section table agrees with the direct formula", "[production][xsec]") {
  // Linear interpolation in ln E on 21 points over 50-100 GeV: relative error < 1e-4.
  const sp::etl_cross_section xs(0.1, 50.0, 100.0, sp::lead);
  for (double e : {50.0, 63.3, 77.7, 91.0, 100.0}) {
    const double direct = sp::etl_differential_cross_section(0.8, 0.1, e, 1.0, sp::lead);
    CHECK(xs.differential(0.8, e) == Approx(direct).epsilon(1e-4));
  }
  CHECK_THROWS_WITH(sp::etl_cross_section(0.1, 100.0, 50.0, sp::lead),
                    Catch::Contains("energy_hi = 50"));
}
