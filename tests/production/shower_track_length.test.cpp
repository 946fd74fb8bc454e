// Tests of semivisible/production/shower_track_length.hpp: the 1-D cascade solution.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "semivisible/error.hpp"
#include "semivisible/production/shower_track_length.hpp"
#include "semivisible/production/track_length.hpp"

namespace sp = semivisible::production;
using sp::shower_species;

namespace {
constexpr double infinite_target = std::numeric_limits<double>::infinity();
sp::shower_settings primary_tsai_model() {
  sp::shower_settings s;
  s.spectrum = sp::brem_spectrum::bethe_heitler;
  s.ionisation = false;
  s.secondaries = false;
  return s;
}
}  // namespace

TEST_CASE("shower: the primary in Tsai's model reproduces track_length.hpp",
          "[production][shower]") {
  // Bethe–Heitler energy loss, no ionisation, no pairs = exactly the model of Tsai Eq. (3.84).
  // Tolerance 2.5e-3: the finite-volume error (Richardson-extrapolated, h = 1/24) measured
  // against Tsai is ≤ 2e-3 at E ≥ 0.9 E0 (geometric bins) and < 6e-4 below.
  for (double thickness : {1.0, 5.0, 40.0}) {
    const sp::shower_track_length shower(100.0, thickness, 1.0, sp::material_lead,
                                         primary_tsai_model());
    const sp::primary_track_length tsai(100.0, thickness, 1.0);
    for (double e : {99.99999, 99.9, 99.0, 90.0, 70.0, 50.0, 20.0, 5.0, 1.0}) {
      INFO("T = " << thickness << " X0, E = " << e);
      CHECK(shower.track_length_above(e, shower_species::primary) ==
            Approx(tsai.track_length_above(e)).epsilon(2.5e-3));
      CHECK(shower.track_length_above(e, shower_species::electron) ==
            Approx(shower.track_length_above(e, shower_species::primary)).epsilon(1e-15));
      CHECK(shower.track_length_above(e, shower_species::positron) == 0.0);
    }
    // Energy-weighted integral, against the Tsai tables' own quadrature.
    auto g = [](double e) { return e * e; };
    CHECK(shower.integrate(g, 50.0, shower_species::primary) ==
          Approx(tsai.integrate(g, 50.0)).epsilon(1e-3));
    // Density against Λ(y)/E (≤ 1.1e-3 measured below 0.9 E0, where the bins are uniform).
    for (double e : {80.0, 50.0, 10.0})
      CHECK(shower.density(e, shower_species::primary) ==
            Approx(tsai.density_y(std::log(100.0 / e)) / e).epsilon(2e-3));
  }
}

TEST_CASE("shower: Approximation A against the exact Laplace-space solution",
          "[production][shower]") {
  // tests/production/shower_track_length_check.py (mpmath, 30 digits, 2026-12-01): c = 4/3
  // (PDG spectra), no ionisation, T = ∞, E0 = 100 GeV; track length [X0] above E of the
  // primary, e⁺, e⁻ and γ:
  struct row {
    double e, primary, positron, electron, photon;
  };
  const row exact[] = {
      {50.0, 0.8334934109, 0.04045643159, 0.8739498425, 0.4731670904},
      {10.0, 1.869950166, 1.305888156, 3.175838322, 5.021468872},
      {1.0, 3.302024895, 20.54291856, 23.84494346, 56.42929632},
      {0.1, 4.732311975, 219.5822697, 224.3145817, 570.0847755},
  };
  sp::shower_settings s;
  s.spectrum = sp::brem_spectrum::pdg;
  s.ionisation = false;
  const sp::shower_track_length shower(100.0, infinite_target, 0.05, sp::material_lead, s);
  for (const auto& r : exact) {
    INFO("E = " << r.e);
    // Measured discretisation error ≤ 1.4e-3 (h = 1/24, extrapolated); it halves at h = 1/48.
    CHECK(shower.track_length_above(r.e, shower_species::primary) ==
          Approx(r.primary).epsilon(2.5e-3));
    CHECK(shower.track_length_above(r.e, shower_species::positron) ==
          Approx(r.positron).epsilon(2.5e-3));
    CHECK(shower.track_length_above(r.e, shower_species::electron) ==
          Approx(r.electron).epsilon(2.5e-3));
    CHECK(shower.track_length_above(r.e, shower_species::photon) ==
          Approx(r.photon).epsilon(2.5e-3));
  }
  // The check script gives the asymptote 0.4439 E0/E for all e± above E ≪ E0 (Rossi quotes
  // 0.437 with his constants): at 0.1 GeV the sum is within 1 % of it.
  const double all = shower.track_length_above(0.1, shower_species::electron) +
                     shower.track_length_above(0.1, shower_species::positron);
  CHECK(all / 1000.0 == Approx(0.443898).epsilon(0.01));
  CHECK(shower.track_length_above(0.1, shower_species::secondary) ==
        Approx(2 * shower.track_length_above(0.1, shower_species::positron)).epsilon(1e-12));
}

TEST_CASE("shower: Approximation B conserves energy and e+ -> e- at low energy",
          "[production][shower]") {
  // All the energy ends as ionisation: E_c × (e± track length) = E0 as E_lo → 0 (Rossi's B;
  // here E_lo = 1e-6 GeV ≪ E_c; measured 0.996, the rest is the scheme's O(h²) energy error).
  const sp::shower_track_length shower(100.0, infinite_target, 1e-6, sp::material_lead);
  const double charged = shower.track_length_above(1e-6, shower_species::electron) +
                         shower.track_length_above(1e-6, shower_species::positron);
  CHECK(sp::material_lead.critical_energy_GeV * charged / 100.0 == Approx(1.0).epsilon(0.01));
  // Positrons are rare near E0 and nearly as many as electrons far below it.
  const double e50 = shower.density(50.0, shower_species::positron) /
                     shower.density(50.0, shower_species::electron);
  const double e01 = shower.density(0.01, shower_species::positron) /
                     shower.density(0.01, shower_species::electron);
  CHECK(e50 < 0.25);  // 0.18 (the positron track length above 50 GeV is 5 % of the e⁻ one)
  CHECK(e01 > 0.99);
  CHECK(e01 < 1.0);
  // Above E ≫ E_c the ionisation barely matters (B → A): 50 GeV, within 1e-3.
  sp::shower_settings a;
  a.ionisation = false;
  const sp::shower_track_length no_ion(100.0, infinite_target, 1.0, sp::material_lead, a);
  CHECK(shower.track_length_above(50.0, shower_species::positron) ==
        Approx(no_ion.track_length_above(50.0, shower_species::positron)).epsilon(1e-3));
}

TEST_CASE("shower: finite thickness", "[production][shower]") {
  // Crank–Nicolson in depth: T = 200 X0 equals the T = ∞ forward substitution (1e-6), a thin
  // target has less track length, and the depth step 0.25 X0 agrees with 0.05 X0 to 1e-3.
  const sp::shower_track_length thick(20.0, infinite_target, 0.01, sp::material_aluminium);
  const sp::shower_track_length deep(20.0, 200.0, 0.01, sp::material_aluminium);
  const sp::shower_track_length thin(20.0, 3.0, 0.01, sp::material_aluminium);
  sp::shower_settings fine;
  fine.depth_step_X0 = 0.05;
  const sp::shower_track_length thin_fine(20.0, 3.0, 0.01, sp::material_aluminium, fine);
  for (double e : {10.0, 1.0, 0.1, 0.01}) {
    for (auto which :
         {shower_species::electron, shower_species::positron, shower_species::photon}) {
      INFO("E = " << e << " species " << static_cast<int>(which));
      CHECK(deep.track_length_above(e, which) ==
            Approx(thick.track_length_above(e, which)).epsilon(1e-6));
      CHECK(thin.track_length_above(e, which) < thick.track_length_above(e, which));
      CHECK(thin.track_length_above(e, which) ==
            Approx(thin_fine.track_length_above(e, which)).epsilon(1e-3));
    }
  }
}

TEST_CASE("shower: finite thickness against the exact Laplace-space solution",
          "[production][shower]") {
  // tests/production/shower_track_length_check.py (mpmath, 2026-12-01): Approximation A,
  // complete screening with Tsai's b(Z = 13) = 0.0251198, T = 3 X0, E0 = 20 GeV; track length
  // [X0] above E of the primary, e⁺, e⁻ and γ.
  struct row {
    double e, primary, positron, electron, photon;
  };
  const row exact[] = {
      {10.0, 0.8207264371, 0.03116606155, 0.8518924987, 0.3924006541},
      {1.0, 2.030602334, 1.484677412, 3.515279746, 5.448930621},
      {0.1, 2.64556767, 7.597496359, 10.24306403, 22.71409791},
  };
  sp::shower_settings a;
  a.ionisation = false;
  const sp::shower_track_length thin(20.0, 3.0, 0.05, sp::material_aluminium, a);
  for (const auto& r : exact) {
    INFO("E = " << r.e);
    // finite volumes (≤ 1.5e-3, as for T = ∞) and Crank–Nicolson (≤ 5e-4)
    CHECK(thin.track_length_above(r.e, shower_species::primary) == Approx(r.primary).epsilon(3e-3));
    CHECK(thin.track_length_above(r.e, shower_species::positron) ==
          Approx(r.positron).epsilon(3e-3));
    CHECK(thin.track_length_above(r.e, shower_species::electron) ==
          Approx(r.electron).epsilon(3e-3));
    CHECK(thin.track_length_above(r.e, shower_species::photon) == Approx(r.photon).epsilon(3e-3));
  }
  // Tsai's Bethe–Heitler primary loses less ln E per X0 ((4/3) vs c π²/6 − c + 3/4 = 1.63 for Al):
  // above E0/20 it gives 2.26 X0 instead of 2.03 (the model difference, docs §1).
  const sp::primary_track_length tsai(20.0, 3.0, 1.0);
  CHECK(tsai.track_length_above(1.0) / thin.track_length_above(1.0, shower_species::primary) ==
        Approx(1.115).epsilon(0.01));
}

TEST_CASE("shower: positron beam swaps the roles", "[production][shower]") {
  const sp::shower_track_length e(50.0, infinite_target, 0.1, sp::material_tungsten);
  const sp::shower_track_length p(50.0, infinite_target, 0.1, sp::material_tungsten, {},
                                  sp::beam_particle::positron);
  for (double x : {40.0, 5.0, 0.5})
    CHECK(p.track_length_above(x, shower_species::positron) ==
          Approx(e.track_length_above(x, shower_species::electron)).epsilon(1e-14));
}

TEST_CASE("shower_track_length rejects bad input", "[production][shower][errors]") {
  CHECK_THROWS_AS(sp::shower_track_length(100.0, 40.0, 200.0, sp::material_lead),
                  semivisible::invalid_parameter);
  CHECK_THROWS_WITH(sp::shower_track_length(100.0, -1.0, 1.0, sp::material_lead),
                    Catch::Contains("thickness_X0 = -1"));
  sp::shower_settings bad;
  bad.spectrum = sp::brem_spectrum::bethe_heitler;  // with secondaries: not supported
  CHECK_THROWS_WITH(sp::shower_track_length(100.0, 40.0, 1.0, sp::material_lead, bad),
                    Catch::Contains("secondaries"));
  const sp::shower_track_length s(100.0, 40.0, 1.0, sp::material_lead);
  CHECK_THROWS_WITH(s.density(0.5, shower_species::electron), Catch::Contains("energy = 0.5"));
  CHECK(s.density(100.0, shower_species::electron) == 0.0);
}

TEST_CASE("shower: Approximation B against a Monte Carlo of the same model",
          "[production][shower]") {
  // tests/production/shower_track_length_mc.py (40000 showers, seed 12345, 2026-12-01): 20 GeV
  // e⁻ on aluminium, T = ∞, ionisation on; track length [X0] above E, mean ± error of the mean:
  struct row {
    double e, electron, electron_error, positron, positron_error;
  };
  const row mc[] = {
      {5.0, 1.5339, 0.0042, 0.26298, 0.0024}, {1.0, 5.3616, 0.0086, 3.1175, 0.0079},
      {0.3, 14.574, 0.015, 11.627, 0.014},    {0.1, 34.927, 0.021, 31.394, 0.021},
      {0.05, 56.534, 0.025, 52.714, 0.025},
  };
  const sp::shower_track_length shower(20.0, infinite_target, 0.05, sp::material_aluminium);
  for (const auto& r : mc) {
    INFO("E = " << r.e);
    // 3 standard errors plus 1e-3 for the discretisation and the MC's soft-photon approximation
    // (v < 1e-3 as a continuous loss). Measured: all within 2.5σ, at most 0.25 %.
    CHECK(shower.track_length_above(r.e, shower_species::electron) ==
          Approx(r.electron).margin(3 * r.electron_error + 1e-3 * r.electron));
    CHECK(shower.track_length_above(r.e, shower_species::positron) ==
          Approx(r.positron).margin(3 * r.positron_error + 1e-3 * r.positron));
  }
}
