// Tests of semivisible/relic/thermal_average.hpp: the non-relativistic limit and an independent
// momentum-space integration.
#include <catch2/catch.hpp>

#include <cmath>

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/special_functions/bessel.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/relic/thermal_average.hpp"

namespace sr = semivisible::relic;

TEST_CASE("thermal average: non-relativistic limit of an s-wave", "[relic][thermal_average]") {
  // σ = a·2 m1 m2/λ^{1/2} has σ v_rel → a at threshold (v_rel = λ^{1/2}/(2 m1 m2) there), so
  // ⟨σ v⟩ → a (1 + O(1/x)); at x = m1/T = 2e4 the correction is ≲ 1e-4: tolerance 1e-3.
  const double m1 = 0.1, m2 = 0.14, a = 3e-9;
  const auto sigma = [&](double s) {
    const double lambda = (s - (m1 + m2) * (m1 + m2)) * (s - (m2 - m1) * (m2 - m1));
    return a * 2 * m1 * m2 / std::sqrt(lambda);
  };
  CHECK(sr::thermal_average(sigma, m1, m2, m1 / 2e4) == Approx(a).epsilon(1e-3));
  // and at x = 1e5 still finite (no underflow of K1, K2): tolerance 1e-3 again
  CHECK(sr::thermal_average(sigma, m1, m2, m1 / 1e5) == Approx(a).epsilon(1e-3));
}

TEST_CASE("thermal average: Gondolo-Gelmini formula vs a momentum-space integral",
          "[relic][thermal_average]") {
  // For constant σ, ⟨σ v_Møl⟩ = σ ∫d³p1 d³p2 e^{−(E1+E2)/T} v_Møl / (n1 n2) with
  // v_Møl = √((p1·p2)² − m1²m2²)/(E1 E2) (Gondolo & Gelmini Eq. 3.2), done here as a 3D
  // Gauss–Legendre integral over |p1|, |p2|, cos θ — an independent method. x = 3, m2 = 1.4 m1:
  // relativistic. The 3D rule (60·60·30 points, p ≤ 12 m) converges to ~1e-7: tolerance 1e-5.
  const double m1 = 1.0, m2 = 1.4, t = 1.0 / 3, sigma0 = 2.0;
  const double gg = sr::thermal_average([&](double) { return sigma0; }, m1, m2, t);
  using boost::math::quadrature::gauss;
  const double pmax = 12.0;
  const auto inner = [&](double p1, double p2) {
    const double e1 = std::hypot(p1, m1), e2 = std::hypot(p2, m2);
    return gauss<double, 30>::integrate(
        [&](double c) {
          const double dot = e1 * e2 - p1 * p2 * c;
          return std::sqrt(dot * dot - m1 * m1 * m2 * m2) / (e1 * e2);
        },
        -1.0, 1.0);
  };
  const double num = gauss<double, 60>::integrate(
      [&](double p1) {
        return gauss<double, 60>::integrate(
            [&](double p2) {
              const double e1 = std::hypot(p1, m1), e2 = std::hypot(p2, m2);
              return p1 * p1 * p2 * p2 * std::exp(-(e1 + e2 - m1 - m2) / t) * inner(p1, p2);
            },
            0.0, pmax);
      },
      0.0, pmax);
  // ∫d³p e^{−E/T} = 4π m² T K2(m/T); the angular measure of the pair is 4π·2π ∫dcos θ.
  const double k21 = boost::math::cyl_bessel_k(2, m1 / t) * std::exp(m1 / t);
  const double k22 = boost::math::cyl_bessel_k(2, m2 / t) * std::exp(m2 / t);
  const double momentum_space = sigma0 * 8 * semivisible::constants::pi *
                                semivisible::constants::pi * num /
                                (16 * semivisible::constants::pi * semivisible::constants::pi * m1 *
                                 m1 * m2 * m2 * t * t * k21 * k22);
  CHECK(gg == Approx(momentum_space).epsilon(1e-5));
}

TEST_CASE("thermal average of chi1 chi2 -> SM resolves the A' resonance",
          "[relic][thermal_average]") {
  // With the A′ pole inside the thermal range the breakpoints must capture the narrow peak:
  // doubling the quadrature effort (splitting every segment at its midpoint via extra
  // breakpoints) must not change the answer by more than 1e-7.
  const sr::dark_sector<double> p{0.1, 0.4, 0.1, 3.0, 1e-3};
  const double w = sr::aprime_total_width(p);
  const double t = p.mass_chi1 / 5;
  const double a = sr::thermal_average_chi1chi2(p, w, t);
  auto bp = sr::sigma_breakpoints(p, w);
  for (double k = 0.05; k < 1.0; k += 0.05) bp.push_back(p.mass_aprime() - w + 2 * w * k);
  for (double k = 1; k < 40; ++k) bp.push_back(0.24 + 0.02 * k);
  const double b = sr::thermal_average([&](double s) { return sr::sigma_chi1chi2(s, p, w); },
                                       p.mass_chi1, p.mass_chi2(), t, bp);
  CHECK(a == Approx(b).epsilon(1e-7));
}

TEST_CASE("thermal average across pair thresholds and continuum steps: against brute force",
          "[relic][thermal_average]") {
  // The reference splits [0, 60 T] above threshold into 4000 more segments. Cases: the open-charm
  // step at 3.73 GeV inside the range (m_chi1 = 1 GeV, x = 3; before it was a breakpoint the
  // quadrature was off by 2.7e-5 here), the muon threshold near the A' pole (0.1 GeV, x = 10) and
  // the muon threshold at x = 1000 (0.1 GeV, R = 2.2). Measured: <= 2.4e-13.
  struct point {
    double m1, f, ratio, alpha, x;
  };
  for (const point c : {point{1.0, 0.4, 5.0, 0.5, 3.0}, point{0.1, 0.1, 3.0, 1e-3, 10.0},
                        point{0.1, 0.05, 2.2, 1e-3, 1000.0}}) {
    const sr::dark_sector<double> p{c.m1, c.f, c.alpha, c.ratio, 1e-4};
    const double w = sr::aprime_total_width(p), t = c.m1 / c.x, m_sum = c.m1 + p.mass_chi2();
    const double a = sr::thermal_average_chi1chi2(p, w, t);
    auto bp = sr::sigma_breakpoints(p, w);
    for (int k = 1; k < 4000; ++k) {
      const double u = 60.0 * k / 4000.0;
      bp.push_back(m_sum + t * u * u / 60);
    }
    const double b = sr::thermal_average([&](double s) { return sr::sigma_chi1chi2(s, p, w); },
                                         c.m1, p.mass_chi2(), t, bp, sr::sigma_thresholds());
    CHECK(a == Approx(b).epsilon(1e-10));
  }
}

TEST_CASE("thermal average rejects bad input", "[relic][thermal_average][errors]") {
  const auto one = [](double) { return 1.0; };
  CHECK_THROWS_WITH(sr::thermal_average(one, 0.1, 0.2, 0.0),
                    Catch::Contains("thermal_average") && Catch::Contains("temperature = 0"));
  CHECK_THROWS_WITH(sr::thermal_average(one, -0.1, 0.2, 0.01), Catch::Contains("mass_1 = -0.1"));
}
