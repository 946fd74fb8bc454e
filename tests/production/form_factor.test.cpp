// Tests of semivisible/production/form_factor.hpp: limits of Tsai's form factors.
#include <catch2/catch.hpp>

#include "semivisible/production/form_factor.hpp"

namespace sp = semivisible::production;

TEST_CASE("Tsai elastic form factor: screening, plateau Z^2, nuclear suppression",
          "[production][form_factor]") {
  // Plateau between the atomic screening scale 1/a² ≈ 4e-10 GeV² and the nuclear d ≈ 4.7e-3 GeV²:
  // at t = 1e-6 the screening factor is 1 − 8e-4 and the nuclear one 1 − 4.3e-4, so G2 = Z² to
  // 2e-3.
  CHECK(sp::form_factor_elastic(1e-6, sp::lead) == Approx(82.0 * 82.0).epsilon(2e-3));
  // Full screening: G2 ∝ t² for t ≪ 1/a² (ratio of two small-t values = (t1/t2)² to 1e-4).
  const double r =
      sp::form_factor_elastic(1e-14, sp::lead) / sp::form_factor_elastic(1e-15, sp::lead);
  CHECK(r == Approx(100.0).epsilon(1e-4));
  // Nuclear size: at t = d the nuclear factor is exactly 1/4 (screening factor 1 to 1e-7).
  const double d = 0.164 / std::pow(207.2, 2.0 / 3.0);
  CHECK(sp::form_factor_elastic(d, sp::lead) == Approx(82.0 * 82.0 / 4).epsilon(1e-6));
}

TEST_CASE("Tsai inelastic form factor: plateau Z, below elastic", "[production][form_factor]") {
  // a'² t ≫ 1 and t ≪ 0.71 GeV² at t = 1e-4: G2_inel = Z to 1e-3.
  CHECK(sp::form_factor_inelastic(1e-4, sp::lead) == Approx(82.0).epsilon(1e-3));
  for (double t : {1e-9, 1e-7, 1e-5, 1e-3})
    CHECK(sp::form_factor_inelastic(t, sp::lead) < sp::form_factor_elastic(t, sp::lead));
}

TEST_CASE("target_material validates its fields", "[production][form_factor][errors]") {
  sp::target_material m = sp::lead;
  CHECK_NOTHROW(m.validate());
  m.mass_number = -1;
  CHECK_THROWS_WITH(m.validate(), Catch::Contains("mass_number = -1"));
  // atoms per X0: 6.37 g/cm² × N_A / 207.2 g/mol = 1.8514e22 /cm² (exact arithmetic, 1e-4).
  CHECK(sp::lead.atoms_per_radiation_length_m2() == Approx(1.8514e26).epsilon(1e-4));
}
