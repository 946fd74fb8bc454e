// Regression tests of the library's parameter domain (model::limits in model/parameters.hpp) and
// of the physics/production functions at its edges: nothing returns NaN or infinity, and what
// cannot be computed is refused with a message naming the function, the parameter and the value.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "semivisible/constants.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/chi2_width.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/cross_section.hpp"

namespace sp = semivisible::physics;
using semivisible::invalid_parameter;
using semivisible::model::limits;
using semivisible::model::parameters;

TEST_CASE("parameters refuse epsilon > 1, alpha_D > 4 pi and masses outside [1e-9, 1e4] GeV",
          "[model][limits][reliability]") {
  CHECK_THROWS_WITH(parameters<double>::from_ratios(0.1, 2.0, 0.1, 3, 0.4),
                    Catch::Contains("epsilon = 2, but must be in [1e-20, 1]"));
  CHECK_THROWS_WITH(parameters<double>::from_ratios(0.1, 1e-3, 20.0, 3, 0.4),
                    Catch::Contains("alpha_dark = 20") && Catch::Contains("4 pi"));
  CHECK_THROWS_WITH(parameters<double>::from_ratios(1e-300, 1e-3, 0.1, 3, 0.4),
                    Catch::Contains("mass_aprime = 1e-300"));
  CHECK_THROWS_WITH(parameters<double>::from_ratios(1e300, 1e-3, 0.1, 3, 0.4),
                    Catch::Contains("mass_aprime = 1e+300, but must be in [1e-09, 10000] GeV"));
  CHECK_THROWS_WITH(parameters<double>::from_ratios(0.1, 1e-300, 0.1, 3, 0.4),
                    Catch::Contains("epsilon = 1e-300"));
  CHECK_THROWS_WITH(parameters<double>::from_ratios(0.1, 1e-3, 0.1, 1e300, 0.4),
                    Catch::Contains("mass_chi1"));
  CHECK_THROWS_AS(semivisible::model::benchmark(0.3, 1e-3).with_epsilon(1.5), invalid_parameter);
  CHECK_THROWS_AS(semivisible::model::benchmark(0.3, 1e-3).with_alpha_dark(13.0),
                  invalid_parameter);
  // the edges themselves are inside
  CHECK_NOTHROW(parameters<double>::from_ratios(0.1, 1.0, limits::alpha_dark_max, 3, 0.4));
  CHECK_NOTHROW(parameters<double>::from_ratios(1e4, limits::epsilon_min, 1e-20, 3, 0.4));
  CHECK_NOTHROW(parameters<double>::from_ratios(3e-9, 1e-3, 0.1, 3, 0.4));
}

TEST_CASE("widths at the corners of the domain are finite; branching ratios never NaN",
          "[physics][limits][reliability]") {
  for (const double m : {3e-9, 1e-6, 1e-3, 1.0, 1e4})
    for (const double eps : {1e-20, 1e-3, 1.0})
      for (const double ad : {1e-20, 0.1, limits::alpha_dark_max}) {
        const auto p = parameters<double>::from_ratios(m, eps, ad, 3, 0.4);
        const auto w = sp::aprime_width(p);
        INFO("m " << m << " eps " << eps << " alpha_D " << ad);
        CHECK(w.chi1chi2 > 0);  // A' -> chi1 chi2 is open by construction of the point
        CHECK(std::isfinite(w.total()));
        CHECK(std::isfinite(w.branching_chi1chi2()));
        CHECK(w.branching_chi1chi2() + w.branching_electrons() + w.branching_muons() ==
              Approx(1.0).epsilon(1e-15));
        CHECK(std::isfinite(sp::proper_decay_length(w.total())));
        const double g = sp::chi2_width_total(p);
        CHECK(std::isfinite(g));
        CHECK(g >= 0);
        // Γ(χ2) > 0 exactly when the channel is open: an underflow would fake a stable χ2
        CHECK((g > 0) == (p.splitting() > 2 * semivisible::constants::mass_electron));
      }
  // Γ(A'→χ1χ2) in ratios: at m_A' = 3e-9 GeV it is α_D m/3 (1 − Δ²/m²)^{3/2} (1 − Σ²/m²)^{1/2}
  // (1 + Σ²/2m²) with Σ/m = 2.4/3, Δ/m = 0.4/3 (the form written out by hand; a few roundings:
  // 1e-14 relative). The m² form of the old code gave 0/0 at 1e-300 GeV.
  const double s = 2.4 / 3, d = 0.4 / 3;
  const double expected =
      0.1 * 3e-9 / 3 * std::pow(1 - d * d, 1.5) * std::sqrt(1 - s * s) * (1 + s * s / 2);
  CHECK(sp::aprime_width_chi1chi2(3e-9, 0.1, 1e-9, 1.4e-9) == Approx(expected).epsilon(1e-14));
  const sp::aprime_widths<double> none{0, 0, 0};
  CHECK_THROWS_AS(none.branching_electrons(), semivisible::domain_error);
}

TEST_CASE("g-2 refuses masses outside the domain instead of returning epsilon = inf",
          "[physics][gm2][limits][reliability]") {
  CHECK_THROWS_WITH(sp::gm2_band(1e300), Catch::Contains("mass_aprime = 1e+300"));
  CHECK_THROWS_WITH(sp::gm2_loop_function(1e300, 0.105), Catch::Contains("mass_aprime"));
  CHECK_THROWS_AS(sp::gm2_band(0.1, 2.0, 0.1), invalid_parameter);  // Δa_μ ≥ 1
  CHECK_THROWS_AS(sp::gm2_aprime_contribution(0.1, 3.0), invalid_parameter);
  // at the top of the domain the band is finite: F → 2 m_μ²/(3 m_A′²) (Pospelov's limit), so
  // ε = √(2π Δa_μ/(α F)) to the integration accuracy (1e-6 relative covers the O(ln r/r²) terms)
  const auto b = sp::gm2_band(1e4);
  const double r = 1e4 / semivisible::constants::mass_muon;
  const double f = 2 / (3 * r * r);
  CHECK(std::isfinite(b.two_sigma_high));
  CHECK(b.central == Approx(std::sqrt(2 * semivisible::constants::pi * 251e-11 /
                                      (semivisible::constants::alpha_em * f)))
                         .epsilon(1e-6));
}

TEST_CASE("the A' spectrum refuses m_A' <= m_e with a message instead of a quadrature error",
          "[production][limits][reliability]") {
  CHECK_THROWS_WITH(semivisible::production::aprime_spectrum(5e-4, 50.0),
                    Catch::Contains("mass_aprime = 0.0005") && Catch::Contains("m_e"));
  CHECK_THROWS_WITH(semivisible::production::iww_total_cross_section(5e-4, 100.0, 1.0,
                                                                     semivisible::production::lead),
                    Catch::Contains("mass_aprime = 0.0005"));
}
