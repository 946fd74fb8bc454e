// Tests of semivisible/production/materials.hpp: the built-in materials against the PDG tables and
// the message for a material without data.
#include <catch2/catch.hpp>

#include "semivisible/production/materials.hpp"

namespace sp = semivisible::production;

TEST_CASE("built-in materials: PDG radiation lengths", "[production][materials]") {
  // X0 [cm] from the PDG Atomic and nuclear properties tables: Pb 0.5612, W 0.3504, Fe 1.757,
  // Cu 1.436, Al 8.897 (the tables' own rounding, hence 1e-3).
  CHECK(sp::material_by_name("lead").radiation_length_m() == Approx(0.005612).epsilon(1e-3));
  CHECK(sp::material_by_name("tungsten").radiation_length_m() == Approx(0.003504).epsilon(1e-3));
  CHECK(sp::material_by_name("iron").radiation_length_m() == Approx(0.01757).epsilon(1e-3));
  CHECK(sp::material_by_name("copper").radiation_length_m() == Approx(0.01436).epsilon(1e-3));
  CHECK(sp::material_by_name("aluminium").radiation_length_m() == Approx(0.08897).epsilon(1e-3));
  CHECK(sp::material_by_name("aluminum").name == "aluminium");
  // Lead equals the constant the NA64 ECAL yield has always used.
  CHECK(sp::material_by_name("lead").atoms.radiation_length_g_cm2 ==
        sp::lead.radiation_length_g_cm2);
  CHECK(sp::material_by_name("lead").atoms.mass_number == sp::lead.mass_number);
  for (auto n : sp::builtin_material_names()) CHECK_NOTHROW(sp::material_by_name(n).validate());
}

TEST_CASE("a material without data is a clear domain_error", "[production][materials][errors]") {
  CHECK_THROWS_AS(sp::material_by_name("water"), semivisible::domain_error);
  CHECK_THROWS_WITH(
      sp::material_by_name("water"),
      Catch::Contains("material = 'water' has no built-in data") && Catch::Contains("lead"));
}
