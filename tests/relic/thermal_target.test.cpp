// Tests of semivisible/relic/thermal_target.hpp against the published pseudo-Dirac target
// (docs/formula-notes.md §7.1), the independent freeze-out table of §7.2 (T25 and all its columns)
// and physical limits.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "semivisible/relic/thermal_target.hpp"

namespace sr = semivisible::relic;

TEST_CASE("Delta -> 0 reproduces the published pseudo-Dirac thermal target", "[relic][target]") {
  // docs/formula-notes.md §7.1: ESPP2026 "relic-target-pseudodirac.csv" (P. Crivelli), α_D = 0.1,
  // m_A′ = 3 m_χ. The issue asks for 20 % away from hadronic resonances (the 0.265 GeV point sits
  // below the ρ, where √s ≈ 0.53–0.65 GeV, and our form factor is good to ~20 %).
  struct point {
    double mass, y;
  };
  for (const auto& [m, y_ref] : std::vector<point>{
           {0.00991, 4.82e-13}, {0.0505, 1.56e-11}, {0.1287, 5.86e-11}, {0.2651, 1.55e-10}}) {
    const auto t = sr::thermal_target(m, 0.0, 0.1, 3.0);
    REQUIRE(t.status.ok());
    CHECK(t.y == Approx(y_ref).epsilon(0.20));
  }
  // At 1 MeV the freeze-out (T ≈ 65 keV) falls into e⁺e⁻ annihilation, where g_*^{1/2} changes by
  // 30 % across the freeze-out and the e⁺e⁻ threshold is at √s/2m_e ≈ 2; different treatments of
  // that epoch move y by tens of %. We are +21 %: tolerance 25 % here, stated in docs/physics.md
  // §8.
  const auto t1 = sr::thermal_target(0.001, 0.0, 0.1, 3.0);
  REQUIRE(t1.status.ok());
  CHECK(t1.y == Approx(6.0e-15).epsilon(0.25));
}

TEST_CASE("Delta = 0.4 m1 agrees with the independent estimate (T25)", "[relic][target]") {
  // docs/formula-notes.md §8 T25: y = 1.10e-10 / 1.85e-9 / 2.36e-8 at m1 = 10 / 30 / 100 MeV, ±25
  // %.
  struct point {
    double mass, y;
  };
  for (const auto& [m, y_ref] :
       std::vector<point>{{0.010, 1.10e-10}, {0.030, 1.85e-9}, {0.100, 2.36e-8}}) {
    const auto t = sr::thermal_target(m, 0.4, 0.1, 3.0);
    REQUIRE(t.status.ok());
    CHECK(t.y == Approx(y_ref).epsilon(0.25));
    // ε = √(810 y) for α_D = 0.1, m_A′ = 3 m1 (docs/formula-notes.md §7): exact algebra, 1e-12
    CHECK(t.epsilon == Approx(std::sqrt(810 * t.y)).epsilon(1e-12));
    CHECK(t.omega_h2 == Approx(0.12).epsilon(1e-5));  // the root tolerance
  }
}

TEST_CASE("the independent freeze-out table of docs/formula-notes.md 7.2, all splittings",
          "[relic][target]") {
  // docs/formula-notes.md §7.2 [V]: an independent code with the same physics (Griest–Seckel,
  // Gondolo– Gelmini, its own explicit γ/e/ν/μ/π gas for g_eff, h_eff). Columns y(Δ/m1 = 0.4, 0.1,
  // → 0) for m1 = 2–150 MeV (above, its ρ-VMD hadrons are ±50 %). Measured ratios
  // ours/notes: 1.065–1.086, 1.044–1.056, 1.037–1.046 — a common offset of the size of g_eff-table
  // differences. Tolerance 10 % on y; the splitting dependence y(Δ)/y(0), where that offset
  // cancels, agrees to ≤ 4 %: tolerance 6 %.
  struct row {
    double mass, y04, y01, y0;
  };
  for (const auto& [m, y04, y01, y0] : std::vector<row>{{0.002, 2.750e-12, 6.301e-14, 2.461e-14},
                                                        {0.005, 1.939e-11, 3.547e-13, 1.319e-13},
                                                        {0.010, 1.100e-10, 1.582e-12, 5.210e-13},
                                                        {0.020, 6.519e-10, 7.235e-12, 2.135e-12},
                                                        {0.050, 6.882e-09, 5.382e-11, 1.401e-11},
                                                        {0.100, 2.362e-08, 1.897e-10, 5.676e-11},
                                                        {0.150, 5.513e-08, 3.009e-10, 6.997e-11}}) {
    const auto t04 = sr::thermal_target(m, 0.4, 0.1, 3.0);
    const auto t01 = sr::thermal_target(m, 0.1, 0.1, 3.0);
    const auto t0 = sr::thermal_target(m, 0.0, 0.1, 3.0);
    REQUIRE((t04.status.ok() && t01.status.ok() && t0.status.ok()));
    INFO("m1 = " << m);
    CHECK(t04.y == Approx(y04).epsilon(0.10));
    CHECK(t01.y == Approx(y01).epsilon(0.10));
    CHECK(t0.y == Approx(y0).epsilon(0.10));
    CHECK(t04.y / t0.y == Approx(y04 / y0).epsilon(0.06));
    CHECK(t01.y / t0.y == Approx(y01 / y0).epsilon(0.06));
  }
}

TEST_CASE("y grows with the splitting (Boltzmann suppression of chi2)", "[relic][target]") {
  double previous = 0;
  for (const double f : {0.0, 0.05, 0.1, 0.2, 0.4, 0.7}) {
    const auto t = sr::thermal_target(0.05, f, 0.1, 3.0);
    REQUIRE(t.status.ok());
    CHECK(t.y > previous);
    previous = t.y;
  }
  // The suppression is ~e^{−Δ x_f}: between Δ = 0.1 and 0.4 m1 at x_f ≈ 19, e^{0.3·19} ≈ 300
  // times, reduced by the A′-propagator and (m2/m1)^{3/2} factors; docs/formula-notes.md §7.2 has
  // y(0.4)/y(0.1) = 128 at 50 MeV. Tolerance 25 % (the T25 accuracy).
  const double ratio =
      sr::thermal_target(0.05, 0.4, 0.1, 3.0).y / sr::thermal_target(0.05, 0.1, 0.1, 3.0).y;
  CHECK(ratio == Approx(6.882e-9 / 5.382e-11).epsilon(0.25));
}

TEST_CASE("y does not depend on alpha_D away from the A' width", "[relic][target]") {
  // σ12 ∝ ε² α_D = y (m_A′/m1)⁴, so y is α_D-independent except through Γ_A′ in the propagator:
  // (m_A′Γ)²/(s − m_A′²)² ≤ (0.026·α_D/0.1)²/(5/9)² ≈ 0.2 % at α_D = 0.1 (m_A′ = 3 m1, Δ = 0).
  // α_D = 0.05 vs 0.1: tolerance 0.5 %.
  const auto a = sr::thermal_target(0.02, 0.0, 0.05, 3.0);
  const auto b = sr::thermal_target(0.02, 0.0, 0.1, 3.0);
  CHECK(a.y == Approx(b.y).epsilon(5e-3));
  CHECK(a.epsilon == Approx(b.epsilon * std::sqrt(2.0)).epsilon(5e-3));
}

TEST_CASE("thermal_target_line returns one point per mass, in order", "[relic][target]") {
  const std::vector<double> masses{0.01, 0.03};
  const auto line = sr::thermal_target_line(masses, 0.4, 0.1, 3.0);
  REQUIRE(line.size() == 2);
  CHECK(line[0].mass_chi1 == 0.01);
  CHECK(line[1].mass_chi1 == 0.03);
  CHECK(line[1].y == sr::thermal_target(0.03, 0.4, 0.1, 3.0).y);  // deterministic
}

TEST_CASE("a failed solve returns a status and no NaN", "[relic][target][errors]") {
  // m_A′ = 2.2 m1 < m1 + m2 = 2.4 m1: the A′ → χ1χ2 channel is closed and Γ_A′ ∝ ε², so the width
  // must be iterated with ε; one iteration cannot converge.
  sr::relic_options one;
  one.max_width_iterations = 1;
  const auto t = sr::thermal_target(0.05, 0.4, 0.1, 2.2, one);
  CHECK(t.status.code == semivisible::status::not_converged);
  CHECK_THAT(t.status.message, Catch::Contains("width"));
  CHECK(t.y == 0.0);
  CHECK(t.epsilon == 0.0);
  CHECK_FALSE(std::isnan(t.x_freeze_out));
  // with the default number of iterations the same point either converges or says why
  const auto d = sr::thermal_target(0.05, 0.4, 0.1, 2.2);
  CHECK((d.status.ok() ? std::isfinite(d.y) && d.y > 0 : !d.status.message.empty()));
}

TEST_CASE("no target when chi2 is too Boltzmann-suppressed: a status", "[relic][target][errors]") {
  // Δ = 3 m1: ⟨σ_eff v⟩ carries e^{−3x} ≈ 1e-26 at x = 20, so Ω h² = 0.12 would need ε ~ 1e8.
  const auto t = sr::thermal_target(0.05, 3.0, 0.1, 3.0);
  CHECK(t.status.code == semivisible::status::no_bracket);
  CHECK_THAT(t.status.message, Catch::Contains("epsilon"));
  CHECK(t.y == 0.0);
}

TEST_CASE("no target needing epsilon > epsilon_max: a status, and the cap is only a cap",
          "[relic][target][errors]") {
  // f = 1, R = 4, alpha_D = 1e-3: chi2 is Boltzmann-suppressed (e^{-x}) and the target needs
  // epsilon ~ 5.6 (found with the cap raised), beyond the default epsilon_max = 1.
  const auto capped = sr::thermal_target(0.025, 1.0, 1e-3, 4.0);
  CHECK(capped.status.code == semivisible::status::no_bracket);
  CHECK_THAT(capped.status.message, Catch::Contains("epsilon_max = 1"));
  CHECK(capped.epsilon == 0.0);
  sr::relic_options wide;
  wide.epsilon_max = 10;
  const auto t = sr::thermal_target(0.025, 1.0, 1e-3, 4.0, wide);
  REQUIRE(t.status.ok());
  CHECK(t.epsilon > 1.0);
  CHECK(t.epsilon < 10.0);
  CHECK(t.omega_h2 == Approx(0.12).epsilon(1e-5));
  // below the cap the cap changes nothing (bit for bit: the same evaluations)
  const auto a = sr::thermal_target(0.025, 1.0, 0.5, 4.0);
  const auto b = sr::thermal_target(0.025, 1.0, 0.5, 4.0, wide);
  REQUIRE(a.status.ok());
  CHECK(a.epsilon < 1.0);
  CHECK(a.epsilon == b.epsilon);
  sr::relic_options bad;
  bad.epsilon_max = 0;
  CHECK_THROWS_WITH(sr::thermal_target(0.025, 1.0, 0.5, 4.0, bad),
                    Catch::Contains("epsilon_max = 0"));
}

TEST_CASE("thermal_target rejects unphysical input", "[relic][target][errors]") {
  CHECK_THROWS_WITH(sr::thermal_target(1e-4, 0.4, 0.1, 3.0),
                    Catch::Contains("thermal_target") && Catch::Contains("mass_chi1 = 0.0001"));
  CHECK_THROWS_WITH(sr::thermal_target(10.0, 0.4, 0.1, 3.0), Catch::Contains("mass_chi1 = 10"));
  CHECK_THROWS_WITH(sr::thermal_target(0.1, -0.4, 0.1, 3.0),
                    Catch::Contains("splitting_ratio = -0.4"));
  CHECK_THROWS_WITH(sr::thermal_target(0.1, 0.4, 0.0, 3.0), Catch::Contains("alpha_dark = 0"));
  CHECK_THROWS_WITH(sr::thermal_target(0.1, 0.4, 0.1, -3.0), Catch::Contains("mass_ratio = -3"));
  CHECK_THROWS_AS(sr::thermal_target(std::nan(""), 0.4, 0.1, 3.0), semivisible::invalid_parameter);
  sr::relic_options bad;
  bad.omega_h2 = -0.12;
  CHECK_THROWS_WITH(sr::thermal_target(0.1, 0.4, 0.1, 3.0, bad),
                    Catch::Contains("omega_h2 = -0.12"));
}
