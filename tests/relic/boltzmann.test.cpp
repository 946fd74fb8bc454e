// Tests of semivisible/relic/boltzmann.hpp: the ODE solution against the standard analytic
// freeze-out approximation (Kolb & Turner), against an independent Boost.Odeint integration,
// convergence in the numerical settings, and failures.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/numeric/odeint.hpp>

#include "freeze_out_cases.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/relic/boltzmann.hpp"

namespace sr = semivisible::relic;
using semivisible::constants::mass_planck;
using semivisible::constants::pi;

namespace {
/// Kolb & Turner (The Early Universe, Eqs. 5.43–5.45) for a constant s-wave σ0 with δ = c:
/// x_f = ln[0.038 c(c+2) (g/√g*) M_Pl m σ0] − ½ ln x_f (iterated), and
/// 1/Y∞ = ∫_{x_f}^∞ dx √(π/45) M_Pl g_*^{1/2}(m/x) m σ0/x² (KT Eq. 5.44 with g_* kept inside the
/// integral, since g_* changes after freeze-out at every mass).
struct kolb_turner {
  double x_f, omega_h2;
};
kolb_turner kolb_turner_estimate(double m, double g, double sigma0, double c) {
  double x_f = 20;
  for (int i = 0; i < 50; ++i) {
    const double gs = sr::effective_dof(m / x_f).g_star_sqrt;
    x_f = std::log(0.038 * c * (c + 2) * g / gs * mass_planck * m * sigma0) - 0.5 * std::log(x_f);
  }
  const auto integrand = [&](double u) {  // u = 1/x, dx/x² = −du
    return std::sqrt(pi / 45) * mass_planck * sr::effective_dof(m * u).g_star_sqrt * m * sigma0;
  };
  const double inv_y = boost::math::quadrature::gauss_kronrod<double, 31>::integrate(
      integrand, 1e-9, 1 / x_f, 15, 1e-10);
  return {x_f, sr::omega_h2_per_mass_yield * m / inv_y};
}
}  // namespace

TEST_CASE("freeze-out of a constant s-wave against Kolb-Turner", "[relic][boltzmann]") {
  const std::vector<sr::species> chi{{0.1, 2.0}};
  for (const double sigma0 : {1e-9, 1e-8}) {  // GeV⁻²; Ω h² ≈ 0.3 and 0.03
    const auto r = sr::solve_freeze_out(chi, [&](double) { return sigma0; });
    REQUIRE(r.status.ok());
    const auto kt = kolb_turner_estimate(0.1, 2.0, sigma0, 1.0);
    // KT x_f drops O(1/x_f) and O(ln x_f/x_f²) terms (the Y_eq' ≈ −Y_eq step and the
    // non-relativistic Y_eq): ~2 % at x_f ≈ 17–20. Tolerance 3 %.
    CHECK(r.x_freeze_out == Approx(kt.x_f).epsilon(0.03));
    // KT Ω neglects 1/Y(x_f) against the post-freeze-out integral and starts it sharply at x_f;
    // the textbook accuracy of the estimate is 5–10 % (KT §5.2). Tolerance 10 %.
    CHECK(r.omega_h2 == Approx(kt.omega_h2).epsilon(0.10));
  }
}

TEST_CASE("freeze-out: Omega scales as 1/sigma up to the log drift of x_f", "[relic][boltzmann]") {
  // Ω ∝ x_f/σ0 with x_f ≈ ln σ0 + const: doubling σ0 gives Ω ratio (1/2)(1 + ln 2/x_f) ≈ 0.52.
  const std::vector<sr::species> chi{{0.05, 2.0}};
  const auto a = sr::solve_freeze_out(chi, [](double) { return 2e-9; });
  const auto b = sr::solve_freeze_out(chi, [](double) { return 4e-9; });
  const double ratio = b.omega_h2 / a.omega_h2;
  CHECK(ratio > 0.5);
  CHECK(ratio == Approx(0.5 * (1 + std::log(2.0) / a.x_freeze_out)).epsilon(0.01));
}

TEST_CASE("freeze-out agrees with an independent Boost.Odeint solve", "[relic][boltzmann]") {
  // The same equation, dY/dx = −λ(x)⟨σv⟩(Y² − Y_eq²), integrated with Odeint's explicit adaptive
  // Dormand–Prince 5(4) at tight tolerance. An explicit method cannot follow the stiff equilibrium
  // phase, so it starts at Y = Y_eq where 2λ⟨σv⟩Y_eq·x = 4000: the quasi-static deviation there is
  // ~1e-3 and is damped by ~exp(−4000), so the start leaves no trace. The cases are those of
  // freeze_out_cases.hpp.
  namespace odeint = boost::numeric::odeint;
  for (const auto& [chis, sigma_v] : sr::test::freeze_out_cases()) {
    const double m1 = chis.front().mass;
    const auto rate = [&](double x) {  // λ(x)⟨σv⟩, Gondolo & Gelmini Eq. 2.1
      return std::sqrt(pi / 45) * mass_planck * m1 * sr::effective_dof(m1 / x).g_star_sqrt /
             (x * x) * sigma_v(x);
    };
    const auto yeq = [&](double x) { return sr::equilibrium_yield(chis, x); };
    double x0 = 1;
    while (2 * rate(x0) * yeq(x0) * x0 > 4000) x0 *= 1.01;
    std::array<double, 1> y{yeq(x0)};
    const double x_end = 1e4;
    odeint::integrate_adaptive(
        odeint::make_controlled<odeint::runge_kutta_dopri5<std::array<double, 1>>>(1e-24, 1e-10),
        [&](const std::array<double, 1>& state, std::array<double, 1>& dydx, double x) {
          const double e = yeq(x);
          dydx[0] = -rate(x) * (state[0] * state[0] - e * e);
        },
        y, x0, x_end, 1e-4 * x0);
    // The same closed-form tail beyond x_end as the library (Y_eq ≈ 0, λ⟨σv⟩ ∝ 1/x²).
    const double y_inf = y[0] / (1 + y[0] * rate(x_end) * x_end);
    const auto ours = sr::solve_freeze_out(chis, sigma_v);
    REQUIRE(ours.status.ok());
    INFO("m1 = " << m1 << ", x0 = " << x0 << ", ours/odeint - 1 = " << ours.yield / y_inf - 1);
    // Our default local tolerance 1e-5 gives a global error ~1e-5 (see the next test); Odeint's
    // 1e-10 is negligible: tolerance 1e-4.
    CHECK(ours.yield == Approx(y_inf).epsilon(1e-4));
  }
}

TEST_CASE("freeze-out: converged in tolerance, x_end and start point", "[relic][boltzmann]") {
  const std::vector<sr::species> chis{{0.02, 2.0}, {0.028, 2.0}};  // coannihilation, Δ = 0.4 m1
  const auto sv = [](double x) { return 1e-7 * std::exp(-0.4 * x) * (1 + 3 / x); };
  const auto ref = sr::solve_freeze_out(chis, sv);
  REQUIRE(ref.status.ok());
  sr::freeze_out_options tight;
  tight.relative_tolerance = 1e-9;
  // The default local tolerance 1e-5 gives a global Ω error ~1e-5 (measured): tolerance 1e-4.
  CHECK(sr::solve_freeze_out(chis, sv, tight).omega_h2 == Approx(ref.omega_h2).epsilon(1e-4));
  // The closed-form tail after x_end: x_end = 300 instead of 1e4 changes Ω by the (1 + 3/x) p-wave
  // part of the tail, ≲ 3/300·(x_f/300) ≈ 1e-3: tolerance 2e-3.
  sr::freeze_out_options short_run;
  short_run.x_end = 300;
  CHECK(sr::solve_freeze_out(chis, sv, short_run).omega_h2 == Approx(ref.omega_h2).epsilon(2e-3));
  // Starting at x = 0.2 instead of 1 (both deep in equilibrium) changes nothing: 1e-4.
  sr::freeze_out_options early;
  early.x_start = 0.2;
  CHECK(sr::solve_freeze_out(chis, sv, early).omega_h2 == Approx(ref.omega_h2).epsilon(1e-4));
}

TEST_CASE("freeze-out: a failing solve returns a status, not NaN", "[relic][boltzmann][errors]") {
  const std::vector<sr::species> chi{{0.1, 2.0}};
  const auto r = sr::solve_freeze_out(
      chi, [](double x) { return x > 15 ? std::numeric_limits<double>::quiet_NaN() : 1e-8; });
  CHECK(r.status.code == semivisible::status::numerical_error);
  CHECK_THAT(r.status.message, Catch::Contains("solve_freeze_out"));
  CHECK(r.omega_h2 == 0.0);
  CHECK(r.yield == 0.0);
}

TEST_CASE("freeze-out rejects bad input", "[relic][boltzmann][errors]") {
  const auto sv = [](double) { return 1e-8; };
  CHECK_THROWS_WITH(sr::solve_freeze_out(std::vector<sr::species>{{-0.1, 2.0}}, sv),
                    Catch::Contains("solve_freeze_out") && Catch::Contains("species.mass = -0.1"));
  CHECK_THROWS_WITH(sr::solve_freeze_out(std::vector<sr::species>{{0.1, 2.0}, {0.05, 2.0}}, sv),
                    Catch::Contains("species.mass = 0.05"));
  sr::freeze_out_options bad;
  bad.x_end = 0.5;
  CHECK_THROWS_WITH(sr::solve_freeze_out(std::vector<sr::species>{{0.1, 2.0}}, sv, bad),
                    Catch::Contains("x_end = 0.5"));
  CHECK_THROWS_AS(sr::solve_freeze_out(std::vector<sr::species>{}, sv),
                  semivisible::invalid_parameter);
}
