// semivisible/production/materials.hpp — target materials by name: Z, A, density and radiation
// length, the numbers production needs (atoms per radiation length, Tsai form factors).
//
// Values: PDG "Atomic and nuclear properties of materials" (pdg.lbl.gov/AtomicNuclearProperties,
// the 2022 tables): Z, A [g/mol], density ρ [g/cm³] and radiation length X0ρ [g/cm²].
//   lead      Z 82  A 207.2      ρ 11.35   X0ρ 6.37
//   tungsten  Z 74  A 183.84     ρ 19.30   X0ρ 6.76
//   iron      Z 26  A 55.845     ρ 7.874   X0ρ 13.84
//   copper    Z 29  A 63.546     ρ 8.960   X0ρ 12.86
//   aluminium Z 13  A 26.9815385 ρ 2.699   X0ρ 24.01
// A material given by value (an experiment file's {"Z", "A", "density_g_cm3", "X0_m"}) carries the
// same fields. Compounds are not built in: give an equivalent element explicitly.
#pragma once

#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/production/form_factor.hpp"

namespace semivisible::production {

/// A named target material: atomic data (Z, A, X0ρ) and the density.
struct material {
  std::string name;
  target_material atoms;  ///< Z, A [g/mol], X0ρ [g/cm²]
  double density_g_cm3 = 0;

  /// Radiation length [m]: X0ρ / ρ.
  [[nodiscard]] double radiation_length_m() const noexcept {
    return atoms.radiation_length_g_cm2 / density_g_cm3 * 1e-2;
  }

  /// Throws invalid_parameter naming the field when a value is not finite and > 0.
  void validate() const {
    const std::string fn = fmt::format("semivisible::production::material '{}'", name);
    atoms.validate();
    semivisible::detail::require_positive(fn, "density_g_cm3", density_g_cm3);
  }

  friend bool operator==(const material& a, const material& b) {
    return a.name == b.name && a.atoms.atomic_number == b.atoms.atomic_number &&
           a.atoms.mass_number == b.atoms.mass_number &&
           a.atoms.radiation_length_g_cm2 == b.atoms.radiation_length_g_cm2 &&
           a.density_g_cm3 == b.density_g_cm3;
  }
};

namespace detail {
struct material_row {
  std::string_view name;
  double z, a, x0_g_cm2, density;
};
// PDG Atomic and nuclear properties of materials (see the header comment).
inline constexpr std::array<material_row, 5> builtin_materials{{
    {"lead", 82.0, 207.2, 6.37, 11.35},
    {"tungsten", 74.0, 183.84, 6.76, 19.30},
    {"iron", 26.0, 55.845, 13.84, 7.874},
    {"copper", 29.0, 63.546, 12.86, 8.960},
    {"aluminium", 13.0, 26.9815385, 24.01, 2.699},
}};
}  // namespace detail

/// The names of the built-in materials, in table order.
[[nodiscard]] inline std::array<std::string_view, detail::builtin_materials.size()>
builtin_material_names() noexcept {
  std::array<std::string_view, detail::builtin_materials.size()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = detail::builtin_materials[i].name;
  return names;
}

/// A built-in material by name ("aluminum" is accepted for "aluminium"); throws domain_error
/// naming the material and listing the known ones otherwise.
[[nodiscard]] inline material material_by_name(std::string_view name) {
  const std::string_view wanted = name == "aluminum" ? std::string_view("aluminium") : name;
  for (const auto& r : detail::builtin_materials)
    if (r.name == wanted) return material{std::string(r.name), {r.z, r.a, r.x0_g_cm2}, r.density};
  std::string known;
  for (const auto& r : detail::builtin_materials)
    known += fmt::format("{}{}", known.empty() ? "" : ", ", r.name);
  throw semivisible::domain_error(fmt::format(
      "semivisible::production::material_by_name: material = '{}' has no built-in data (known: "
      "{}); give it as {{\"Z\", \"A\", \"density_g_cm3\", \"X0_m\"}}",
      name, known));
}

}  // namespace semivisible::production
