// Tests of semivisible/relic/cross_section.hpp: the Dirac s-wave limit, crossing to the A′ → χ1χ2
// width of physics/aprime_width.hpp, the A′ total width, and bad input.
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/constants.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/relic/cross_section.hpp"

namespace sr = semivisible::relic;
using semivisible::constants::alpha_em;
using semivisible::constants::pi;

TEST_CASE("sigma v at threshold: the Dirac s-wave formula for Delta -> 0",
          "[relic][cross_section]") {
  // Δ = 0, √s below 2m_μ so only e⁺e⁻ (R_e = 1 − 3e-8 here): σ v → 16π ε² α α_D m²/
  // [(4m² − m_A′²)² + m_A′²Γ²] (e.g. Izaguirre et al. PRL 115 (2015) 251301). Near threshold
  // σ λ^{1/2}/(2m²) is that limit up to O((s − 4m²)/m²) = 1e-8 here: tolerance 1e-6.
  const sr::dark_sector<double> p{0.03, 0.0, 0.1, 3.0, 1e-4};
  const double w = sr::aprime_total_width(p);
  const double m = p.mass_chi1, ma = p.mass_aprime();
  const double s = 4 * m * m * (1 + 1e-8);
  const double sigma_v = sr::sigma_chi1chi2(s, p, w) * std::sqrt(s * (s - 4 * m * m)) / (2 * m * m);
  const double expected = 16 * pi * p.epsilon * p.epsilon * alpha_em * p.alpha_dark * m * m /
                          ((4 * m * m - ma * ma) * (4 * m * m - ma * ma) + ma * ma * w * w);
  CHECK(sigma_v == Approx(expected).epsilon(1e-6));
  CHECK(sr::sigma_chi1chi2(3.99 * m * m, p, w) == 0.0);
}

TEST_CASE("sigma_12 is the crossing of Gamma(A'* -> chi1 chi2)", "[relic][cross_section]") {
  // For an s-channel vector, σ(12 → f) = 4πα ε² R(s) s^{5/2} Γ(V(√s) → 12)/(λ(s, m1², m2²) D(s)),
  // D = (s − m_A′²)² + m_A′²Γ²; Γ(V → 12) from physics/aprime_width.hpp (an independent code path,
  // docs/formula-notes.md §2) evaluated at M = √s. Pure algebra: tolerance 1e-12.
  for (const double f : {0.05, 0.4, 1.0}) {
    const sr::dark_sector<double> p{0.2, f, 0.3, 2.5, 3e-3};
    const double m1 = p.mass_chi1, m2 = p.mass_chi2(), ma = p.mass_aprime(), w = 0.01;
    for (const double rs : {1.01 * (m1 + m2), 0.7, 1.3, 2.4}) {
      if (rs <= m1 + m2) continue;
      const double s = rs * rs;
      const double lambda = (s - (m1 + m2) * (m1 + m2)) * (s - (m2 - m1) * (m2 - m1));
      const double d = (s - ma * ma) * (s - ma * ma) + ma * ma * w * w;
      const double gamma = semivisible::physics::aprime_width_chi1chi2(rs, p.alpha_dark, m1, m2);
      const double expected = 4 * pi * alpha_em * p.epsilon * p.epsilon *
                              semivisible::physics::r_ratio_total(s) * std::pow(s, 2.5) * gamma /
                              (lambda * d);
      CHECK(sr::sigma_chi1chi2(s, p, w) == Approx(expected).epsilon(1e-12));
    }
  }
}

TEST_CASE("A' total width: dark + leptons + hadrons", "[relic][cross_section]") {
  const sr::dark_sector<double> p{0.1, 0.4, 0.1, 3.0, 1e-3};
  const double ma = p.mass_aprime();
  // = physics::aprime_width(p).total() + ε² α m R_had(m²)/3 (the physics stage omits hadrons);
  // both are closed forms: tolerance 1e-12.
  const auto model = semivisible::model::parameters<double>::from_ratios(ma, 1e-3, 0.1, 3.0, 0.4);
  const double physics_total = semivisible::physics::aprime_width(model).total();
  const double hadrons = 1e-6 * alpha_em * ma * semivisible::physics::r_ratio_hadrons(ma * ma) / 3;
  CHECK(sr::aprime_total_width(p) == Approx(physics_total + hadrons).epsilon(1e-12));
  CHECK(hadrons > 0);  // 0.3 GeV > 2 m_π
  // Dark channel closed (m1 + m2 = 2.4 m1 > m_A′ = 2.2 m1): only the ε² part is left.
  const sr::dark_sector<double> closed{0.1, 0.4, 0.1, 2.2, 1e-3};
  CHECK(sr::aprime_total_width(closed) ==
        Approx(1e-6 * alpha_em * 0.22 * semivisible::physics::r_ratio_total(0.22 * 0.22) / 3)
            .epsilon(1e-12));
}

TEST_CASE("relic dark_sector rejects bad input", "[relic][cross_section][errors]") {
  CHECK_THROWS_WITH(
      sr::aprime_total_width(sr::dark_sector<double>{0.1, -0.1, 0.1, 3.0, 1e-3}),
      Catch::Contains("aprime_total_width") && Catch::Contains("splitting_ratio = -0.1"));
  CHECK_THROWS_WITH(sr::aprime_total_width(sr::dark_sector<double>{0.1, 0.4, 0.0, 3.0, 1e-3}),
                    Catch::Contains("alpha_dark = 0"));
  CHECK_THROWS_AS(
      sr::aprime_total_width(sr::dark_sector<double>{std::nan(""), 0.4, 0.1, 3.0, 1e-3}),
      semivisible::invalid_parameter);
}
