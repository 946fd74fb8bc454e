// Tests of semivisible/production/materials.hpp: the built-in materials.
#include <catch2/catch.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/materials.hpp"

namespace sp = semivisible::production;

TEST_CASE("materials: PDG radiation lengths in metres", "[production][materials]") {
  // PDG atomic and nuclear properties list X0 in cm as well: Pb 0.5612, W 0.3504, Al 8.897,
  // Fe 1.757, Cu 1.436, water 36.08 (the g/cm² values divided by ρ reproduce them to 2e-3,
  // the rounding of the listed digits).
  CHECK(sp::material_by_name("lead").radiation_length_m() == Approx(0.005612).epsilon(2e-3));
  CHECK(sp::material_by_name("tungsten").radiation_length_m() == Approx(0.003504).epsilon(2e-3));
  CHECK(sp::material_by_name("aluminium").radiation_length_m() == Approx(0.08897).epsilon(2e-3));
  CHECK(sp::material_by_name("iron").radiation_length_m() == Approx(0.01757).epsilon(2e-3));
  CHECK(sp::material_by_name("copper").radiation_length_m() == Approx(0.01436).epsilon(2e-3));
  CHECK(sp::material_by_name("water").radiation_length_m() == Approx(0.3608).epsilon(2e-3));
  // <Z/A> = Z/A for the elements (PDG lists both).
  for (const auto& m : sp::builtin_materials) {
    INFO(m.name);
    m.atoms.validate();
    if (m.name != "water")
      CHECK(m.z_over_a_mol_g == Approx(m.atoms.atomic_number / m.atoms.mass_number).epsilon(1e-4));
  }
}

TEST_CASE("materials: lookup by name", "[production][materials]") {
  CHECK(&sp::material_by_name("aluminum") == &sp::material_by_name("aluminium"));
  const auto& lead_by_name = sp::material_by_name("lead");
  CHECK(lead_by_name.atoms.atomic_number == sp::lead.atomic_number);
  CHECK(lead_by_name.atoms.radiation_length_g_cm2 == sp::lead.radiation_length_g_cm2);
  CHECK(lead_by_name.electrons_per_radiation_length_m2() ==
        Approx(82.0 * lead_by_name.atoms.atoms_per_radiation_length_m2()).epsilon(1e-4));
  CHECK_THROWS_AS(sp::material_by_name("unobtainium"), semivisible::domain_error);
  CHECK_THROWS_WITH(sp::material_by_name("Lead"), Catch::Contains("material = 'Lead'"));
}

TEST_CASE("materials: a custom material gets Z/A and the PDG critical-energy fit",
          "[production][materials]") {
  // Rossi E_c fit for solids 610 MeV/(Z + 1.24): for Al (Z = 13) 42.8 MeV against the PDG table's
  // 42.70 MeV (0.3 %); for Pb 7.32 against 7.43 (1.5 %): the fit's quoted accuracy.
  const auto al = sp::material::custom("al", 13, 26.98, 2.699, 0.08896);
  CHECK(al.critical_energy_GeV == Approx(sp::material_aluminium.critical_energy_GeV).epsilon(5e-3));
  CHECK(al.z_over_a_mol_g == Approx(sp::material_aluminium.z_over_a_mol_g).epsilon(1e-3));
  CHECK(al.atoms.radiation_length_g_cm2 == Approx(24.01).epsilon(1e-3));
  CHECK_NOTHROW(al.validate());
  const auto bad = sp::material::custom("bad", 13, 26.98, -1.0, 0.08896);
  CHECK_THROWS_WITH(bad.validate(), Catch::Contains("density_g_cm3 = -1"));
}
