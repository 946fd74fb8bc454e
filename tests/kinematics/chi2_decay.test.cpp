// Tests of kinematics/chi2_decay.hpp: the χ2 → χ1 e⁺e⁻ sampler against the closed-form pair-mass
// distribution and four-momentum conservation.
#include <catch2/catch.hpp>

#include <cmath>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/kinematics/chi2_decay.hpp"
#include "semivisible/numerics/random_stream.hpp"

namespace sk = semivisible::kinematics;
using boost::math::quadrature::gauss_kronrod;

namespace {
// The Fig. 4 benchmark at m_A′ = 0.3 GeV: m_χ1 = 0.1 GeV, Δ = 0.4 m_χ1.
constexpr double m1 = 0.1, m2 = 0.14, ma = 0.3;
constexpr double me = semivisible::constants::mass_electron;

// dΓ/ds1 without the constant: the s2-integrated spin sum over the propagator (the formula of
// physics/chi2_width.hpp and docs/formula-notes.md §1.1, written here independently).
double pair_mass_density(double s1) {
  const double delta = m2 - m1, sigma = m1 + m2, r = me * me / s1;
  if (s1 <= 4 * me * me || s1 >= delta * delta) return 0;
  return std::pow(delta * delta - s1, 1.5) * std::sqrt(sigma * sigma - s1) *
         (sigma * sigma + 2 * s1) * (1 + 2 * r) * std::sqrt(1 - 4 * r) /
         ((s1 - ma * ma) * (s1 - ma * ma));
}
}  // namespace

TEST_CASE("the spin sum integrated over the Dalitz range of s2 is the closed-form dΓ/ds1",
          "[kinematics][chi2-decay]") {
  // Two independent expressions of one thing: the polynomial Σ|M|²(s1, s2) of the sampler
  // integrated over s2 (PDG Eq. 49.23 limits), times the propagator², and the closed form. Their
  // ratio must not depend on s1 (to the quadrature's 1e-10).
  const sk::chi2_decay_sampler sampler(m1, m2, ma);
  double first = 0;
  for (const double f : {0.01, 0.1, 0.3, 0.6, 0.9}) {
    const double s1 = 4 * me * me + f * ((m2 - m1) * (m2 - m1) - 4 * me * me);
    const auto [lo, hi] = sampler.s2_range(s1);
    const double integral = gauss_kronrod<double, 31>::integrate(
        [&](double s2) { return sampler.matrix_element(s1, s2); }, lo, hi, 5, 1e-12);
    const double ratio = integral / ((s1 - ma * ma) * (s1 - ma * ma)) / pair_mass_density(s1);
    if (first == 0) first = ratio;
    CHECK(ratio == Approx(first).epsilon(1e-8));
  }
}

TEST_CASE("sampled decays conserve four-momentum and follow dΓ/ds1", "[kinematics][chi2-decay]") {
  const sk::chi2_decay_sampler sampler(m1, m2, ma);
  constexpr int n = 200000;
  double sum_s1 = 0, sum_s1_sq = 0, sum_pair_energy = 0;
  double worst_energy = 0, worst_momentum = 0, worst_mass = 0;
  for (int i = 0; i < n; ++i) {
    semivisible::numerics::random_stream r(7, 1, static_cast<std::uint64_t>(i));
    const auto ev = sampler.sample(r);
    const double e = ev.chi1.energy + ev.lepton_minus.energy + ev.lepton_plus.energy;
    const Eigen::Vector3d p = ev.chi1.momentum + ev.lepton_minus.momentum + ev.lepton_plus.momentum;
    worst_energy = std::max(worst_energy, std::abs(e - m2));
    worst_momentum = std::max(worst_momentum, p.norm());
    worst_mass =
        std::max({worst_mass, std::abs(ev.chi1.mass() - m1), std::abs(ev.lepton_minus.mass() - me),
                  std::abs(ev.lepton_plus.mass() - me)});
    const double pair_e = ev.lepton_minus.energy + ev.lepton_plus.energy;
    const Eigen::Vector3d pair_p = ev.lepton_minus.momentum + ev.lepton_plus.momentum;
    const double s1 = pair_e * pair_e - pair_p.squaredNorm();
    sum_s1 += s1;
    sum_s1_sq += s1 * s1;
    sum_pair_energy += pair_e;
  }
  CHECK(worst_energy < 1e-12);
  CHECK(worst_momentum < 1e-12);
  CHECK(worst_mass < 1e-7);  // √(E² − p²) of a 0.5 MeV lepton: cancellation at ~1e-16 · E²/m
  // ⟨s1⟩ against the quadrature of the closed form; the MC error of the mean is σ/√n (~0.2 %),
  // the inverse-CDF table (257 points, linear in t) adds < 0.1 %: 4σ.
  const double lo = 4 * me * me, hi = (m2 - m1) * (m2 - m1);
  const double norm = gauss_kronrod<double, 61>::integrate(pair_mass_density, lo, hi, 10, 1e-12);
  const double mean = gauss_kronrod<double, 61>::integrate(
                          [](double s) { return s * pair_mass_density(s); }, lo, hi, 10, 1e-12) /
                      norm;
  const double mc_mean = sum_s1 / n;
  const double sigma = std::sqrt(sum_s1_sq / n - mc_mean * mc_mean) / std::sqrt(double(n));
  CHECK(std::abs(mc_mean - mean) < 4 * sigma + 1e-3 * mean);
  // The pair's energy in the χ2 frame: E_ee = (M² + s1 − m1²)/2M, so ⟨E_ee⟩ follows ⟨s1⟩ exactly.
  CHECK(sum_pair_energy / n == Approx((m2 * m2 + mc_mean - m1 * m1) / (2 * m2)).epsilon(1e-12));
}

TEST_CASE("chi2_decay_sampler rejects closed channels", "[kinematics][chi2-decay][errors]") {
  CHECK_THROWS_WITH(sk::chi2_decay_sampler(0.1, 0.1005, 0.3),
                    Catch::Contains("mass_chi2") && Catch::Contains("channel open"));
  CHECK_THROWS_WITH(sk::chi2_decay_sampler(0.1, 0.14, 0.2), Catch::Contains("mass_aprime"));
}
