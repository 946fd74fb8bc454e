// semivisible/production/materials.hpp — target materials: what production needs beyond the
// dark-bremsstrahlung `target_material` (Z, A, X0ρ of form_factor.hpp): the name, the density,
// the critical energy (ionisation loss per radiation length in Rossi's Approximation B, the
// electromagnetic shower of shower_track_length.hpp) and the electron density <Z/A>.
//
// Values: PDG "Atomic and nuclear properties of materials" (pdg.lbl.gov/AtomicNuclearProperties,
// Review of Particle Physics 2022): Z, A [g/mol], ρ [g/cm³], X0ρ [g/cm²], the electron critical
// energy E_c(e⁻) [MeV] (Rossi's definition, as the PDG table lists it) and <Z/A> [mol/g].
//   lead      Z 82  A 207.2      ρ 11.35  X0ρ 6.37   E_c 7.43   <Z/A> 0.39575
//   tungsten  Z 74  A 183.84     ρ 19.30  X0ρ 6.76   E_c 7.97   <Z/A> 0.40252
//   aluminium Z 13  A 26.9815385 ρ 2.699  X0ρ 24.01  E_c 42.70  <Z/A> 0.48181
//   iron      Z 26  A 55.845     ρ 7.874  X0ρ 13.84  E_c 21.68  <Z/A> 0.46557
//   copper    Z 29  A 63.546     ρ 8.960  X0ρ 12.86  E_c 19.42  <Z/A> 0.45636
//   water     (Z 8) A 18.0153    ρ 1.000  X0ρ 36.08  E_c 78.33  <Z/A> 0.55509
// Water is a compound: for dark bremsstrahlung it is one oxygen-like "atom" (Z = 8) per molecule
// (A = 18.015 g/mol); the hydrogen nuclei (Z² = 1 each, 2 of Σ Z² = 66) are dropped (−3 % in χ).
// A material given by value in an experiment file ({"Z", "A", "density_g_cm3", "X0_m"}) gets
// <Z/A> = Z/A and the PDG parametrisation E_c = 610 MeV/(Z + 1.24) for solids (PDG Review,
// "Passage of particles through matter", Eq. 34.? and Fig. 34.13: Rossi's E_c fits).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/form_factor.hpp"

namespace semivisible::production {

/// A target material: the dark-brem description plus the shower and electron-density constants.
struct material {
  std::string name;                ///< lower-case name ("lead", "aluminium", ...)
  target_material atoms;           ///< Z, A [g/mol], X0ρ [g/cm²]
  double density_g_cm3 = 0;        ///< ρ [g/cm³]
  double critical_energy_GeV = 0;  ///< E_c(e⁻) [GeV], Rossi definition (PDG table)
  double z_over_a_mol_g = 0;       ///< <Z/A> [mol/g]: electrons per gram / N_A

  /// Radiation length X0 [m].
  [[nodiscard]] double radiation_length_m() const noexcept {
    return atoms.radiation_length_g_cm2 / density_g_cm3 * 1e-2;
  }
  /// Atomic electrons per unit area in one radiation length [1/m²]: X0ρ N_A <Z/A> (×1e4 cm²/m²).
  [[nodiscard]] double electrons_per_radiation_length_m2() const noexcept {
    return atoms.radiation_length_g_cm2 * constants::avogadro * z_over_a_mol_g * 1e4;
  }

  /// Throws invalid_parameter naming the field when a value is not finite and > 0.
  void validate() const {
    const std::string fn = fmt::format("semivisible::production::material '{}'", name);
    semivisible::detail::require_positive(fn, "density_g_cm3", density_g_cm3);
    atoms.validate();
    semivisible::detail::require_positive(fn, "critical_energy_GeV", critical_energy_GeV);
    semivisible::detail::require_positive(fn, "z_over_a_mol_g", z_over_a_mol_g);
  }

  /// A material from its Z, A [g/mol], density [g/cm³] and radiation length [m]; <Z/A> = Z/A and
  /// E_c = 0.610 GeV/(Z + 1.24) (see the header comment).
  [[nodiscard]] static material custom(std::string name, double z, double a, double density,
                                       double x0_m) {
    return {std::move(name), {z, a, x0_m * 100 * density}, density, 0.610 / (z + 1.24), z / a};
  }

  friend bool operator==(const material&, const material&) = default;
};

// PDG atomic and nuclear properties (values as listed there; E_c for e⁻).
inline const material material_lead{"lead", {82.0, 207.2, 6.37}, 11.35, 7.43e-3, 0.39575};
inline const material material_tungsten{"tungsten", {74.0, 183.84, 6.76}, 19.30, 7.97e-3, 0.40252};
inline const material material_aluminium{
    "aluminium", {13.0, 26.9815385, 24.01}, 2.699, 42.70e-3, 0.48181};
inline const material material_iron{"iron", {26.0, 55.845, 13.84}, 7.874, 21.68e-3, 0.46557};
inline const material material_copper{"copper", {29.0, 63.546, 12.86}, 8.960, 19.42e-3, 0.45636};
inline const material material_water{"water", {8.0, 18.0153, 36.08}, 1.000, 78.33e-3, 0.55509};

/// All built-in materials.
inline const std::array<material, 6> builtin_materials{material_lead,      material_tungsten,
                                                       material_aluminium, material_iron,
                                                       material_copper,    material_water};

/// The built-in material called `name` ("lead", "tungsten", "aluminium" (or "aluminum"), "iron",
/// "copper", "water"). Throws semivisible::domain_error naming the known materials otherwise.
[[nodiscard]] inline const material& material_by_name(std::string_view name) {
  const std::string_view key = name == "aluminum" ? std::string_view("aluminium") : name;
  for (const auto& m : builtin_materials)
    if (m.name == key) return m;
  throw domain_error(fmt::format(
      "semivisible::production::material_by_name: material = '{}' has no built-in data (known: "
      "lead, tungsten, aluminium, iron, copper, water); give it as {{\"Z\", \"A\", "
      "\"density_g_cm3\", \"X0_m\"}}",
      name));
}

}  // namespace semivisible::production
