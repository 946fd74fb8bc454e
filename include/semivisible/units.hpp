// semivisible/units.hpp — native units of the library.
//
// Energies, masses, momenta and widths are in GeV; lengths in metres; c = ħ = 1 inside.
// Inputs are multiplied by a unit, outputs divided by one (the ACTS convention):
//   double m = 17.0 * units::MeV;   double in_cm = length / units::cm;
// Cross sections are kept in GeV⁻² internally; units::pb converts.
#pragma once

namespace semivisible::units {

// Energy (native: GeV)
inline constexpr double GeV = 1.0;
inline constexpr double MeV = 1e-3;
inline constexpr double keV = 1e-6;
inline constexpr double eV = 1e-9;
inline constexpr double TeV = 1e3;

// Length (native: metre)
inline constexpr double m = 1.0;
inline constexpr double cm = 1e-2;
inline constexpr double mm = 1e-3;
inline constexpr double km = 1e3;

// Cross section (native: GeV⁻²). 1 GeV⁻² = 0.3893793721 mb (PDG 2022, (ħc)² = 0.3893793721 GeV²
// mb).
inline constexpr double mb = 1.0 / 0.3893793721;
inline constexpr double pb = mb * 1e-9;
inline constexpr double fb = mb * 1e-12;

}  // namespace semivisible::units
