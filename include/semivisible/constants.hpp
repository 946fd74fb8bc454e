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

// ---- Proton beam dumps: light neutral mesons and the neutron (topic: proton production) -------
// PDG 2022 (R.L. Workman et al., PTEP 2022 083C01), Summary Tables.
/// Neutral pion mass [GeV] (PDG 2022: 134.9768 MeV).
inline constexpr double mass_pion_neutral = 0.1349768;
/// η mass [GeV] (PDG 2022: 547.862 MeV).
inline constexpr double mass_eta = 0.547862;
/// η′(958) mass [GeV] (PDG 2022: 957.78 MeV).
inline constexpr double mass_eta_prime = 0.95778;
/// Neutron mass [GeV] (CODATA 2018: 939.56542052 MeV).
inline constexpr double mass_neutron = 0.93956542052;
/// BR(π⁰ → γγ) (PDG 2022: 98.823 %).
inline constexpr double branching_ratio_pion_neutral_gamma_gamma = 0.98823;
/// BR(η → γγ) (PDG 2022: 39.36 %).
inline constexpr double branching_ratio_eta_gamma_gamma = 0.3936;
/// BR(η′ → γγ) (PDG 2022: 2.307 %).
inline constexpr double branching_ratio_eta_prime_gamma_gamma = 0.02307;

}  // namespace semivisible::constants
