// Tests of semivisible/production/proton_form_factor.hpp: charge normalisation, the ρ/ω peak,
// the high-q² fall, values against the independent Python sum (proton_bremsstrahlung_check.py).
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/production/proton_form_factor.hpp"

namespace sp = semivisible::production;

TEST_CASE("proton F1: charge normalisation", "[production][proton_form_factor]") {
  double sum = 0;
  for (const auto& v : sp::faessler_2010.poles) sum += v.coupling;
  CHECK(sum == Approx(1.0).epsilon(1e-12));  // Σ f_V = 1 (F1(0) = 1 for zero widths)
  // With the widths, F1(0) = Σ f_V/(1 − iΓ/m): |F1(0)|² = 1.0203 (Python: 1.020257260733).
  CHECK(sp::proton_form_factor_f1_squared(0.0) == Approx(1.020257260733).epsilon(1e-11));
  // Zero widths: exactly 1.
  auto narrow = sp::faessler_2010;
  for (auto& v : narrow.poles) v.width = 0.0;
  CHECK(sp::proton_form_factor_f1_squared(0.0, narrow) == Approx(1.0).epsilon(1e-13));
}

TEST_CASE("proton F1: rho/omega peak and values", "[production][proton_form_factor]") {
  // The maximum of |F1(m²)|² on a fine grid is at m = 0.77 GeV (the degenerate ρ/ω pole).
  double best_m = 0, best = 0;
  for (int i = 1; i <= 2000; ++i) {
    const double m = 0.0006 * i;
    const double f = sp::proton_form_factor_f1_squared(m * m);
    if (f > best) best = f, best_m = m;
  }
  CHECK(best_m == Approx(0.77).margin(0.0006));
  CHECK(best > 1000);
  // Python (real/imaginary parts summed by hand):
  //   F1sq(0.09) = 1.574862133809e+00, F1sq(0.36) = 9.732731673349e+00,
  //   F1sq(0.5929) = 8.926757203846e+03, F1sq(0.6084) = 1.443502814973e+03,
  //   F1sq(1.0) = 1.277444713313e+01
  CHECK(sp::proton_form_factor_f1_squared(0.09) == Approx(1.574862133809).epsilon(1e-11));
  CHECK(sp::proton_form_factor_f1_squared(0.36) == Approx(9.732731673349).epsilon(1e-11));
  CHECK(sp::proton_form_factor_f1_squared(0.5929) == Approx(8.926757203846e3).epsilon(1e-11));
  CHECK(sp::proton_form_factor_f1_squared(0.6084) == Approx(1.443502814973e3).epsilon(1e-11));
  CHECK(sp::proton_form_factor_f1_squared(1.0) == Approx(12.77444713313).epsilon(1e-11));
  // Far above the poles F1 ~ q⁻² × Σ f_V m_V² ... falls: |F1|² at q² = 100 GeV² below 1e-3.
  CHECK(sp::proton_form_factor_f1_squared(100.0) < 1e-3);
}
