// semivisible/constants.hpp — physical constants in native units (GeV, m), each with its source.
//
// CODATA 2018 recommended values (E. Tiesinga et al., Rev. Mod. Phys. 93 (2021) 025010),
// as listed by the PDG Review of Particle Physics 2022, Table 1.1.
#pragma once

namespace semivisible::constants {

/// Fine-structure constant α (CODATA 2018: 1/137.035999084).
inline constexpr double alpha_em = 1.0 / 137.035999084;
/// Electron mass [GeV] (CODATA 2018: 0.51099895000 MeV).
inline constexpr double mass_electron = 0.51099895000e-3;
/// Muon mass [GeV] (CODATA 2018: 105.6583755 MeV).
inline constexpr double mass_muon = 0.1056583755;
/// Proton mass [GeV] (CODATA 2018: 938.27208816 MeV).
inline constexpr double mass_proton = 0.93827208816;
/// Charged pion mass [GeV] (PDG 2022: 139.57039 MeV).
inline constexpr double mass_pion_charged = 0.13957039;
/// ħc [GeV·m] (CODATA 2018: 197.3269804 MeV·fm, exact given the SI redefinition).
inline constexpr double hbar_c = 197.3269804e-3 * 1e-15;
/// (ħc)² [GeV²·m²], converts a cross section from GeV⁻² to m².
inline constexpr double hbar_c_squared = hbar_c * hbar_c;
/// Avogadro constant [1/mol] (exact since SI 2019).
inline constexpr double avogadro = 6.02214076e23;
/// Proton magnetic moment in nuclear magnetons (CODATA 2018: 2.79284734463).
inline constexpr double proton_magnetic_moment = 2.79284734463;
/// Reduced Planck mass is not used; Planck mass [GeV] (CODATA 2018: 1.220890e19 GeV).
inline constexpr double mass_planck = 1.220890e19;
/// π to double precision.
inline constexpr double pi = 3.141592653589793238462643383279502884;

/// Muon anomalous magnetic moment discrepancy used by the NA64 2021 paper
/// (BNL + FNAL combination vs the 2020 White Paper, Abi et al. PRL 126 (2021) 141801).
inline constexpr double delta_amu_2021 = 251e-11;
inline constexpr double delta_amu_2021_error = 59e-11;
/// Pre-Fermilab discrepancy: BNL E821 vs the 2020 White Paper (Aoyama et al., Phys. Rep. 887 (2020)
/// 1).
inline constexpr double delta_amu_bnl = 279e-11;
inline constexpr double delta_amu_bnl_error = 76e-11;

}  // namespace semivisible::constants
