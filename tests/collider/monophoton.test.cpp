// Tests of semivisible/collider/monophoton.hpp: e+e- -> gamma A' angular distribution and beams.
#include <catch2/catch.hpp>

#include <cmath>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/collider/monophoton.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"

namespace sc = semivisible::collider;
using semivisible::constants::alpha_em;
using semivisible::constants::pi;

TEST_CASE("the analytic angular integral matches an independent quadrature",
          "[collider][monophoton]") {
  // Reference values: tests/collider/monophoton_check.py (scipy quad of the Mandelstam form of
  // |M|², relative 1e-12), output pasted here:
  //   sqrt_s=10.58 m=0.01 c=[-0.4,0.6]  shape integral = 1.233596212338
  //   sqrt_s=10.58 m=1.0 c=[-0.4,0.6]  shape integral = 1.274223181412
  //   sqrt_s=10.58 m=8.0 c=[-0.4,0.6]  shape integral = 15.160489178229
  //   sqrt_s=10.02 m=5.0 c=[-0.9,0.95]  shape integral = 10.592830839592
  struct row {
    double sqrt_s, m, c1, c2, reference;
  };
  const row rows[] = {{10.58, 0.01, -0.4, 0.6, 1.233596212338},
                      {10.58, 1.0, -0.4, 0.6, 1.274223181412},
                      {10.58, 8.0, -0.4, 0.6, 15.160489178229},
                      {10.02, 5.0, -0.9, 0.95, 10.592830839592}};
  for (const auto& r : rows) {
    const double s = r.sqrt_s * r.sqrt_s;
    const double analytic = sc::monophoton_angular_integral(s, r.m, r.c1, r.c2);
    // Independent quadrature of the shape (Boost Gauss–Kronrod, adaptive, relative 1e-12).
    const double kronrod = boost::math::quadrature::gauss_kronrod<double, 31>::integrate(
        [&](double c) { return sc::monophoton_angular_shape(s, r.m, c); }, r.c1, r.c2, 15, 1e-12);
    INFO("sqrt_s = " << r.sqrt_s << ", m = " << r.m);
    // 1e-11 relative: the python values carry 12 significant digits.
    CHECK(analytic == Approx(r.reference).epsilon(1e-11));
    CHECK(kronrod == Approx(analytic).epsilon(1e-11));
  }
}

TEST_CASE("dsigma/dcos reduces to e+e- -> gamma gamma for m -> 0 and integrates to sigma",
          "[collider][monophoton]") {
  const double s = 10.58 * 10.58;
  for (double c : {-0.9, -0.4, 0.0, 0.3, 0.6, 0.95}) {
    // m → 0: (2πα²ε²/s)(1 + c²)/(1 − c²); the mass terms are O(m²/s) = 1e-12 at m = 10 keV.
    const double gamma_gamma = 2 * pi * alpha_em * alpha_em / s * (1 + c * c) / (1 - c * c);
    CHECK(sc::monophoton_differential_cross_section(s, 1e-5, 1.0, c) ==
          Approx(gamma_gamma).epsilon(1e-10));
  }
  // σ(accepted) = ∫ dσ/dcos over the acceptance (Kronrod), relative 1e-11.
  const double m = 2.0, eps = 1e-3;
  const double sigma = sc::monophoton_cross_section(s, m, eps, -0.4, 0.6);
  const double integral = boost::math::quadrature::gauss_kronrod<double, 31>::integrate(
      [&](double c) { return sc::monophoton_differential_cross_section(s, m, eps, c); }, -0.4, 0.6,
      15, 1e-12);
  CHECK(sigma == Approx(integral).epsilon(1e-11));
  // ∝ ε²: exact scaling (one multiplication).
  CHECK(sc::monophoton_cross_section(s, m, 2 * eps, -0.4, 0.6) == Approx(4 * sigma).epsilon(1e-15));
}

TEST_CASE("CM kinematics and the PEP-II boost", "[collider][monophoton]") {
  const sc::beam_energies pep2{9.0, 3.1};
  // s = 4 E⁻ E⁺ = 111.6 GeV², √s = 10.5641 GeV; βγ = 5.9/√s = 0.55850, γ = 12.1/√s = 1.14539,
  // and γ² − (βγ)² = 1 exactly.
  CHECK(pep2.s() == Approx(111.6).epsilon(1e-15));
  CHECK(pep2.beta_gamma_cm() == Approx(5.9 / std::sqrt(111.6)).epsilon(1e-15));
  CHECK(pep2.gamma_cm() * pep2.gamma_cm() - pep2.beta_gamma_cm() * pep2.beta_gamma_cm() ==
        Approx(1.0).epsilon(1e-14));
  // Photon energy: E*_γ = (s − m²)/(2√s); E*_γ + E*_A′ = √s with E*_A′ = √(E*_γ² + m²).
  const double s = pep2.s(), m = 3.0;
  const double e_gamma = sc::photon_energy_cm(s, m);
  CHECK(e_gamma + std::sqrt(e_gamma * e_gamma + m * m) == Approx(std::sqrt(s)).epsilon(1e-15));
}

TEST_CASE("monophoton functions reject bad input", "[collider][monophoton]") {
  const double s = 111.6;
  CHECK_THROWS_AS(sc::photon_energy_cm(s, 11.0), semivisible::invalid_parameter);
  CHECK_THROWS_AS(sc::monophoton_angular_shape(s, 1.0, 1.0), semivisible::invalid_parameter);
  CHECK_THROWS_AS(sc::monophoton_angular_integral(s, 1.0, 0.5, 0.2),
                  semivisible::invalid_parameter);
  CHECK_THROWS_AS(sc::monophoton_cross_section(s, 1.0, 0.0, -0.4, 0.6),
                  semivisible::invalid_parameter);
  const sc::beam_energies zero{0.0, 3.1};
  CHECK_THROWS_AS(zero.validate("test"), semivisible::invalid_parameter);
}
