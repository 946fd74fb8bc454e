// Tests of semivisible/physics/aprime_width.hpp against closed forms and docs/formula-notes.md §2.
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/constants.hpp"
#include "semivisible/physics/aprime_width.hpp"

namespace sp = semivisible::physics;

TEST_CASE("Gamma(A'->chi1 chi2) at the benchmark (docs/formula-notes.md T10)",
          "[physics][aprime]") {
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  const double ratio = sp::aprime_width(p).chi1chi2 / (0.1 * 0.3 / 3.0);
  // T10 is quoted to 6 digits: tolerance 1e-6 absolute.
  CHECK(ratio == Approx(0.770974).margin(1e-6));
}

TEST_CASE("Gamma(A'->chi1 chi2) tends to the Dirac A'->chi chibar width as Delta->0",
          "[physics][aprime]") {
  const double m = 0.3, mc = 0.08, ad = 0.1;
  const double r = mc * mc / (m * m);
  const double dirac = ad * m / 3 * (1 + 2 * r) * std::sqrt(1 - 4 * r);  // T11
  // Degenerate masses reproduce the closed form to rounding.
  CHECK(sp::aprime_width_chi1chi2(m, ad, mc, mc) == Approx(dirac).epsilon(1e-14));
  // At fixed m1 + m2 the splitting enters as (1 − Δ²/m²)^{3/2}: Δ = 1e-4 GeV is a 1.7e-7 shift.
  CHECK(sp::aprime_width_chi1chi2(m, ad, mc - 5e-5, mc + 5e-5) == Approx(dirac).epsilon(1e-6));
  CHECK(sp::aprime_width_chi1chi2(m, ad, mc - 5e-5, mc + 5e-5) < dirac);
  CHECK(sp::aprime_width_chi1chi2(m, ad, 0.1, 0.21) == 0.0);  // closed
}

TEST_CASE("Gamma(A'->ll) closed form, threshold, branching ratios", "[physics][aprime]") {
  const double me = semivisible::constants::mass_electron;
  const double a = semivisible::constants::alpha_em;
  // Far above threshold Γ → ε² α m/3 (m_e terms are O(m_e²/m²) ~ 3e-6).
  CHECK(sp::aprime_width_leptons(0.3, 1e-3, me) == Approx(1e-6 * a * 0.3 / 3).epsilon(1e-5));
  CHECK(sp::aprime_width_leptons(0.2, 1e-3, semivisible::constants::mass_muon) == 0.0);
  CHECK(sp::aprime_width_leptons(1.5 * me, 1e-3, me) == 0.0);
  const auto w = sp::aprime_width(semivisible::model::benchmark(0.3, 1e-3));
  CHECK(w.branching_chi1chi2() + w.branching_electrons() + w.branching_muons() ==
        Approx(1.0).epsilon(1e-15));
  CHECK(w.muons > 0);  // 0.3 GeV > 2 m_μ
  // Below 2 m_μ: BR(A′→χ1χ2) = 1 − ε² α/(0.770974 α_D) = 1 − 9.465e-2 ε² (docs/formula-notes.md
  // §2: 9.4e-2); m_e²/m² corrections are 1e-5, the quoted 4 digits set the 1e-3 tolerance.
  const auto w2 = sp::aprime_width(semivisible::model::benchmark(0.2, 1e-3));
  CHECK(w2.muons == 0.0);
  CHECK((1 - w2.branching_chi1chi2()) / 1e-6 == Approx(9.465e-2).epsilon(1e-3));
}

TEST_CASE("A' widths reject bad input", "[physics][aprime][errors]") {
  CHECK_THROWS_WITH(
      sp::aprime_width_chi1chi2(-0.3, 0.1, 0.1, 0.14),
      Catch::Contains("aprime_width_chi1chi2") && Catch::Contains("mass_aprime = -0.3"));
  CHECK_THROWS_WITH(sp::aprime_width_leptons(0.3, 0.0, 0.1), Catch::Contains("epsilon = 0"));
  CHECK_THROWS_AS(sp::aprime_width_chi1chi2(0.3, std::nan(""), 0.1, 0.14),
                  semivisible::invalid_parameter);
}
