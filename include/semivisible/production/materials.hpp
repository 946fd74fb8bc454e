// semivisible/production/materials.hpp — built-in target materials for the shower sources.
//
// A `material` is what the electromagnetic-shower sources need beyond the dark-bremsstrahlung
// `target_material` (Z, A, X0ρ of form_factor.hpp): the density, the critical energy (ionisation
// loss per radiation length in Rossi's Approximation B) and the electron density <Z/A>.
// Values: PDG, "Atomic and nuclear properties of materials" (pdg.lbl.gov/AtomicNuclearProperties,
// Review of Particle Physics 2022): Z, A [g/mol], ρ [g/cm³], X0ρ [g/cm²], the electron critical
// energy E_c(e⁻) [MeV] (Rossi's definition, as the PDG table lists it) and <Z/A> [mol/g].
// Water is a compound: for dark bremsstrahlung it is one oxygen-like "atom" (Z = 8) per molecule
// (A = 18.015 g/mol); the hydrogen nuclei (Z² = 1 each, 2 of Σ Z² = 66) are dropped (−3 % in χ).
// Its electron density uses the true <Z/A> = 0.55509.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "semivisible/error.hpp"
#include "semivisible/production/form_factor.hpp"

namespace semivisible::production {

/// A target material: dark-brem description plus the shower and electron-density constants.
struct material {
  std::string_view name;       ///< lower-case name ("lead", "aluminium", ...)
  target_material target;      ///< Z, A [g/mol], X0ρ [g/cm²]
  double density_g_cm3;        ///< ρ [g/cm³]
  double critical_energy_GeV;  ///< E_c(e⁻) [GeV], Rossi definition (PDG table)
  double z_over_a_mol_g;       ///< <Z/A> [mol/g]: electrons per gram / N_A

  /// Radiation length X0 [m].
  [[nodiscard]] double radiation_length_m() const noexcept {
    return target.radiation_length_g_cm2 / density_g_cm3 * 1e-2;
  }
  /// Atomic electrons per unit area in one radiation length [1/m²]: X0ρ N_A <Z/A> (×1e4 cm²/m²).
  [[nodiscard]] double electrons_per_radiation_length_m2() const noexcept {
    return target.radiation_length_g_cm2 * constants::avogadro * z_over_a_mol_g * 1e4;
  }
};

// PDG atomic and nuclear properties (values as listed there; E_c for e⁻).
inline constexpr material material_lead{"lead", {82.0, 207.2, 6.37}, 11.35, 7.43e-3, 0.39575};
inline constexpr material material_tungsten{
    "tungsten", {74.0, 183.84, 6.76}, 19.30, 7.97e-3, 0.40252};
inline constexpr material material_aluminium{
    "aluminium", {13.0, 26.9815385, 24.01}, 2.699, 42.70e-3, 0.48181};
inline constexpr material material_iron{"iron", {26.0, 55.845, 13.84}, 7.874, 21.68e-3, 0.46557};
inline constexpr material material_copper{
    "copper", {29.0, 63.546, 12.86}, 8.960, 19.42e-3, 0.45636};
inline constexpr material material_water{"water", {8.0, 18.0153, 36.08}, 1.000, 78.33e-3, 0.55509};

/// All built-in materials.
inline constexpr std::array<material, 6> builtin_materials{material_lead,      material_tungsten,
                                                           material_aluminium, material_iron,
                                                           material_copper,    material_water};

/// The built-in material called `name` ("lead", "tungsten", "aluminium" (or "aluminum"), "iron",
/// "copper", "water"). Throws semivisible::domain_error naming the known materials otherwise.
[[nodiscard]] inline const material& material_by_name(std::string_view name) {
  const std::string_view key = name == "aluminum" ? std::string_view("aluminium") : name;
  for (const auto& m : builtin_materials)
    if (m.name == key) return m;
  throw domain_error(fmt::format(
      "semivisible::production::material_by_name: name = \"{}\", but must be one of lead, "
      "tungsten, aluminium, iron, copper, water",
      name));
}

}  // namespace semivisible::production
