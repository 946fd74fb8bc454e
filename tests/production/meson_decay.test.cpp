// Tests of semivisible/production/meson_decay.hpp: BR(P → γA′) limits and the exact cubic form,
// lab kinematics against invariants, the decay-angle rule and sampling.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "semivisible/production/meson_decay.hpp"

namespace sp = semivisible::production;

TEST_CASE("BR(P -> gamma A') limits and cubic form", "[production][meson_decay]") {
  for (auto m : {sp::meson::pi0, sp::meson::eta, sp::meson::eta_prime}) {
    const auto p = sp::properties(m);
    // m → 0: 2ε² BR(γγ); at m = 1e-6 m_P the phase-space factor is 1 − 3e-12 (exact to 1e-11).
    CHECK(sp::branching_ratio_gamma_aprime(m, 1e-6 * p.mass, 1e-3) ==
          Approx(2e-6 * p.branching_ratio_gamma_gamma).epsilon(1e-11));
    // At and above m_P the channel is closed.
    CHECK(sp::branching_ratio_gamma_aprime(m, p.mass) == 0.0);
    CHECK(sp::branching_ratio_gamma_aprime(m, 2 * p.mass) == 0.0);
    // Just below: ∝ (1 − r²)³ = (δ(2 − δ))³ for r = 1 − δ; δ = 1e-4 is represented in (1 − δ)m_P
    // to ~1e-16/δ = 1e-12, cubed 3e-12 (tolerance 1e-9).
    const double d = 1e-4;
    CHECK(sp::branching_ratio_gamma_aprime(m, (1 - d) * p.mass) ==
          Approx(2 * p.branching_ratio_gamma_gamma * std::pow(d * (2 - d), 3)).epsilon(1e-9));
    // The cubic form at r = 1/2: (3/4)³ = 27/64 exactly (rounding only).
    CHECK(sp::branching_ratio_gamma_aprime(m, 0.5 * p.mass) ==
          Approx(2 * p.branching_ratio_gamma_gamma * 27.0 / 64.0).epsilon(1e-14));
    // ε² scaling.
    CHECK(sp::branching_ratio_gamma_aprime(m, 0.3 * p.mass, 1e-4) ==
          Approx(1e-8 * sp::branching_ratio_gamma_aprime(m, 0.3 * p.mass)).epsilon(1e-14));
  }
  // PDG 2022 values in use.
  CHECK(sp::properties(sp::meson::pi0).branching_ratio_gamma_gamma == 0.98823);
  CHECK(sp::properties(sp::meson::eta).mass == 0.547862);
}

TEST_CASE("BR(P -> gamma A') rejects bad input", "[production][meson_decay][errors]") {
  CHECK_THROWS_AS(sp::branching_ratio_gamma_aprime(0.135, 0.99, -0.01),
                  semivisible::invalid_parameter);
  CHECK_THROWS_WITH(sp::branching_ratio_gamma_aprime(-0.135, 0.99, 0.01),
                    Catch::Contains("mass_meson = -0.135"));
}

TEST_CASE("P -> gamma A' lab kinematics conserve the invariants", "[production][meson_decay]") {
  const double mp = sp::properties(sp::meson::eta).mass;
  const double m = 0.2;
  const double p_star = (mp * mp - m * m) / (2 * mp);
  for (double pm : {0.0, 0.3, 10.0, 200.0})
    for (double thm : {0.0, 0.01, 0.7, 3.0})
      for (double c : {-1.0, -0.3, 0.0, 0.8, 1.0})
        for (double phi : {0.0, 1.0, 4.0}) {
          const auto a = sp::decay_to_lab(mp, pm, thm, m, c, phi);
          // Mass shell E² − p² = m² (to rounding of E ~ 200 GeV: 1e-10 relative of E²).
          CHECK(a.energy * a.energy - a.momentum * a.momentum ==
                Approx(m * m).margin(1e-10 * (1 + a.energy * a.energy)));
          // The photon is massless: (P − p_A′)² = 0 ⇔ m_P² + m² − 2(E_P E − p⃗_P·p⃗) = 0.
          const double ep = std::sqrt(pm * pm + mp * mp);
          const double dot = pm * a.momentum *
                             (std::sin(thm) * std::sin(a.theta) * std::cos(a.phi) +
                              std::cos(thm) * std::cos(a.theta));
          CHECK(mp * mp + m * m - 2 * (ep * a.energy - dot) ==
                Approx(0.0).margin(1e-9 * (1 + ep * a.energy)));
          // Energy is linear in cosθ* between the flat-spectrum edges.
          const auto r = sp::aprime_energy_range(mp, pm, m);
          CHECK(a.energy ==
                Approx(0.5 * (r.lower + r.upper) + 0.5 * (r.upper - r.lower) * c).epsilon(1e-12));
        }
  // Meson at rest: E = E*, |p| = p*, isotropic.
  const auto rest = sp::decay_to_lab(mp, 0.0, 0.0, m, 0.3, 0.0);
  CHECK(rest.momentum == Approx(p_star).epsilon(1e-14));
  CHECK(std::cos(rest.theta) == Approx(0.3).epsilon(1e-12));
}

TEST_CASE("decay-angle rule: weights, exactness on polynomials, mean lab energy",
          "[production][meson_decay]") {
  const sp::decay_angle_rule rule(10, 6);
  double sum = 0, c2 = 0, c4 = 0, cosphi = 0;
  for (const auto& n : rule.nodes) {
    sum += n.weight;
    c2 += n.weight * n.cos_theta_star * n.cos_theta_star;
    c4 += n.weight * std::pow(n.cos_theta_star, 4);
    cosphi += n.weight * std::cos(n.phi_star) * std::cos(n.phi_star);
  }
  // 10-point Gauss–Legendre is exact to degree 19: ⟨c²⟩ = 1/3, ⟨c⁴⟩ = 1/5; trapezoid on 6
  // points is exact for cos²φ: ⟨cos²φ⟩ = 1/2. Rounding only (1e-14).
  CHECK(sum == Approx(1.0).epsilon(1e-14));
  CHECK(c2 == Approx(1.0 / 3).epsilon(1e-14));
  CHECK(c4 == Approx(0.2).epsilon(1e-13));
  CHECK(cosphi == Approx(0.5).epsilon(1e-13));
  // ⟨E_A′⟩ = γ E* (the cosθ* term averages out) for any meson momentum.
  const double mp = sp::properties(sp::meson::pi0).mass;
  const double m = 0.05;
  const double pm = 12.0;
  const double mean =
      sp::average_over_decay(mp, pm, 0.02, m, rule, [](const auto& a) { return a.energy; });
  const double gamma = std::sqrt(pm * pm + mp * mp) / mp;
  CHECK(mean == Approx(gamma * (mp * mp + m * m) / (2 * mp)).epsilon(1e-13));
}

TEST_CASE("sampling maps uniform numbers to the decay angles", "[production][meson_decay]") {
  const double mp = sp::properties(sp::meson::pi0).mass;
  const auto a = sp::sample_decay_to_lab(mp, 5.0, 0.0, 0.05, 0.75, 0.25);
  const auto b = sp::decay_to_lab(mp, 5.0, 0.0, 0.05, 0.5, std::numbers::pi / 2);
  CHECK(a.energy == Approx(b.energy).epsilon(1e-15));
  CHECK(a.phi == Approx(b.phi).epsilon(1e-14));
  CHECK_THROWS_WITH(sp::sample_decay_to_lab(mp, 5.0, 0.0, 0.05, 1.5, 0.2),
                    Catch::Contains("u1 = 1.5"));
  CHECK_THROWS_AS(sp::decay_to_lab(mp, 5.0, 0.0, 0.2, 0.0, 0.0), semivisible::invalid_parameter);
}

TEST_CASE("Gauss-Legendre rule matches tabulated nodes", "[production][meson_decay]") {
  // n = 3: nodes ±√(3/5), 0; weights 5/9, 8/9, 5/9 (Abramowitz–Stegun Table 25.4).
  const auto r = sp::detail::gauss_legendre(3);
  CHECK(r.nodes[2] == Approx(std::sqrt(0.6)).epsilon(1e-15));
  CHECK(r.nodes[1] == Approx(0.0).margin(1e-16));
  CHECK(r.weights[0] == Approx(5.0 / 9).epsilon(1e-14));
  CHECK(r.weights[1] == Approx(8.0 / 9).epsilon(1e-14));
  // n = 64: ∫_{-1}^{1} x^62 dx = 2/63 exactly (degree ≤ 127).
  const auto q = sp::detail::gauss_legendre(64);
  double s = 0;
  for (std::size_t i = 0; i < 64; ++i) s += q.weights[i] * std::pow(q.nodes[i], 62);
  CHECK(s == Approx(2.0 / 63).epsilon(1e-12));
}
