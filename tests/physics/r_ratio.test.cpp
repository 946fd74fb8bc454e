// Tests of semivisible/physics/r_ratio.hpp: lepton limits and the hadronic model against measured
// e⁺e⁻ → hadrons numbers.
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/constants.hpp"
#include "semivisible/physics/r_ratio.hpp"

namespace sr = semivisible::physics;
using semivisible::constants::mass_muon;

TEST_CASE("lepton R: threshold and high-energy limit", "[physics][r_ratio]") {
  CHECK(sr::r_ratio_lepton(0.9 * 4 * mass_muon * mass_muon, mass_muon) == 0.0);
  // far above threshold R → 1 − O(m⁴/s²): 1e-6 at s = 100 m_μ²·4·... (r = 1e-4 here)
  CHECK(sr::r_ratio_lepton(1e4 * mass_muon * mass_muon, mass_muon) == Approx(1.0).epsilon(1e-6));
  // at β = 1/2: (1 + 2r)β with 4r = 3/4 → (1 + 3/8)/2 exactly
  CHECK(sr::r_ratio_lepton(16.0 / 3 * mass_muon * mass_muon, mass_muon) ==
        Approx(11.0 / 16).epsilon(1e-14));
}

TEST_CASE("pion form factor: rho peak and low-energy behaviour", "[physics][r_ratio]") {
  const double mpi = semivisible::constants::mass_pion_charged;
  CHECK(sr::r_ratio_pions(3.9 * mpi * mpi) == 0.0);
  // Measured |F_π|² at √s = m_ρ is ≈ 45 (CMD-2, BaBar PRD 86 (2012) 032013, with ω interference,
  // which we omit): a single GS ρ + ρ′ gives ~40; tolerance 25 % (our stated model accuracy ~20 %).
  CHECK(sr::pion_form_factor_squared(sr::mass_rho * sr::mass_rho) == Approx(45.0).epsilon(0.25));
  // Low energy: F_π ≈ 1/(1 − s/m_ρ²) (vector dominance); at √s = 0.3 GeV both give |F|² ≈ 1.4;
  // tolerance 10 % (the GS finite-width terms differ at this level).
  const double s = 0.09;
  const double vmd =
      1 / ((1 - s / (sr::mass_rho * sr::mass_rho)) * (1 - s / (sr::mass_rho * sr::mass_rho)));
  CHECK(sr::pion_form_factor_squared(s) == Approx(vmd).epsilon(0.10));
}

TEST_CASE("hadronic continuum against measured R", "[physics][r_ratio]") {
  // Measured R (PDG 2022, Fig. 52.2): ≈ 2.2 at 2.5–3 GeV (u, d, s), ≈ 3.6 at 5 GeV (with c).
  // Model: 3 Σ Q² (1 + α_s/π), α_s = 0.25; tolerance 10 % (quoted model accuracy above 2 GeV).
  CHECK(sr::r_ratio_hadrons(3.0 * 3.0) == Approx(2.2).epsilon(0.10));
  CHECK(sr::r_ratio_hadrons(5.0 * 5.0) == Approx(3.6).epsilon(0.10));
  // Below 1 GeV only π⁺π⁻: the continuum is off.
  CHECK(sr::r_ratio_continuum(0.8 * 0.8) == 0.0);
  // The total adds e, μ (and τ) exactly: at √s = 3 GeV, R_tot − R_had = R_e + R_μ ≈ 2.
  CHECK(sr::r_ratio_total(9.0) - sr::r_ratio_hadrons(9.0) == Approx(2.0).epsilon(1e-3));
}
