// Tests of semivisible/kinematics/two_body.hpp: A′ → χ1χ2 in flight.
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/kinematics/two_body.hpp"

namespace sk = semivisible::kinematics;

TEST_CASE("rest frame at the benchmark (docs/formula-notes.md §2, T13)", "[kinematics]") {
  // m_A′ = 3 m1, m2 = 1.4 m1: p* = √((9 − 2.4²)(9 − 0.4²))/6 = √(3.24·8.84)/6 = 0.891964 m1 exactly
  // (the notes quote 0.8921: 1.5e-4 off in the last digit), E2* = (9 + 1.96 − 1)/6 = 1.66 m1.
  const auto r = sk::rest_frame(3.0, 1.0, 1.4);
  CHECK(r.momentum == Approx(std::sqrt(3.24 * 8.84) / 6).epsilon(1e-14));
  CHECK(r.momentum == Approx(0.8921).margin(2e-4));
  CHECK(r.energy_chi2 == Approx(1.66).epsilon(1e-14));
  CHECK(r.energy_chi1 + r.energy_chi2 == Approx(3.0).epsilon(1e-15));
  // On-shell: E² − p² = m² to rounding.
  CHECK(r.energy_chi2 * r.energy_chi2 - r.momentum * r.momentum == Approx(1.96).epsilon(1e-13));
}

TEST_CASE("chi2 lab energy is flat between its edges (explicit Lorentz boost)", "[kinematics]") {
  // Independent check: boost the rest-frame 4-momentum (E2*, p* sinθ, 0, p* cosθ) along z by
  // βγ = p_A′/m_A′ and compare with chi2_energy(cosθ). E2 is linear in cosθ (dE2/dcosθ = βγ p*,
  // constant), so a uniform cosθ (isotropy) gives a uniform E2: check the linearity and that the
  // mean and variance over uniform cosθ are those of a flat distribution, (E−+E+)/2 and
  // (E+−E−)²/12.
  const double m = 0.3, m1 = 0.1, m2 = 0.14, e = 60.0;
  const auto r = sk::rest_frame(m, m1, m2);
  const double gamma = e / m, bg = std::sqrt(e * e - m * m) / m;
  const auto edges = sk::chi2_energy_edges(e, m, m1, m2);
  const int n = 2000;
  double mean = 0, var = 0;
  for (int i = 0; i < n; ++i) {
    const double c = -1 + (i + 0.5) * 2.0 / n;  // midpoint rule in cosθ
    const double boosted = gamma * r.energy_chi2 + bg * r.momentum * c;
    CHECK(sk::chi2_energy(c, e, m, m1, m2) == Approx(boosted).epsilon(1e-13));
    mean += boosted / n;
  }
  for (int i = 0; i < n; ++i) {
    const double c = -1 + (i + 0.5) * 2.0 / n;
    const double d = gamma * r.energy_chi2 + bg * r.momentum * c - mean;
    var += d * d / n;
  }
  const double width = edges.upper - edges.lower;
  CHECK(mean == Approx(0.5 * (edges.lower + edges.upper)).epsilon(1e-12));
  // Midpoint rule of a quadratic: error width²/(12 n²) relative 1/n² = 2.5e-7.
  CHECK(var == Approx(width * width / 12).epsilon(1e-6));
  CHECK(sk::chi2_energy_density(mean, e, m, m1, m2) == Approx(1 / width).epsilon(1e-14));
  CHECK(sk::chi2_energy_density(edges.upper * 1.001, e, m, m1, m2) == 0.0);
  // ⟨E2⟩/E_A′ → E2*/m_A′ = 0.5533 at the benchmark (T13).
  const auto bench = sk::chi2_energy_edges(100.0, 0.3, 0.1, 0.14);
  CHECK(0.5 * (bench.lower + bench.upper) / 100.0 == Approx(1.66 / 3).epsilon(1e-12));
  CHECK(sk::boost_factor(0.14, bench.lower) > 0);
}

TEST_CASE("kinematics rejects bad input", "[kinematics][errors]") {
  CHECK_THROWS_WITH(sk::rest_frame(0.2, 0.1, 0.14), Catch::Contains("mass_parent = 0.2"));
  CHECK_THROWS_WITH(sk::chi2_energy_edges(0.1, 0.3, 0.1, 0.14),
                    Catch::Contains("energy_parent = 0.1"));
  CHECK_THROWS_WITH(sk::chi2_energy(1.5, 10.0, 0.3, 0.1, 0.14),
                    Catch::Contains("cos_theta_star = 1.5"));
  CHECK_THROWS_AS(sk::boost_factor(0.14, 0.1), semivisible::invalid_parameter);
}
