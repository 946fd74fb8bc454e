// Tests of semivisible/production/shower_aprime_angle.hpp: the A′ angle mixture of a shower.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/shower_aprime_angle.hpp"

namespace sp = semivisible::production;

namespace {
// Independent: adaptive Gauss–Kronrod in v = −ln(1 − x) of w(v)·F(θ) and of w(v).
double direct_cdf(double theta, double e_a, double m, const sp::shower_track_length& shower,
                  const sp::material_etl_cross_section& xs, const sp::primary_track_length* tsai) {
  const double e0 = shower.beam_energy();
  const double me = semivisible::constants::mass_electron;
  auto w = [&](double v) {
    const double x = -std::expm1(-v);
    const double e = e_a / x;
    if (!(e < e0) || !(x < 1 - me / e) || !(x > m / e)) return 0.0;
    const double prim = tsai ? tsai->density_y(std::log(e0 / e)) / e
                             : shower.density(e, sp::shower_species::primary);
    return std::exp(-v) / x * (prim + shower.density(e, sp::shower_species::secondary)) *
           xs.differential(x, e);
  };
  auto wf = [&](double v) {
    const double x = -std::expm1(-v);
    const double e = e_a / x;
    const double f = w(v);
    return f > 0 ? f * sp::iww_angle_cdf(theta, x, m, e) : 0.0;
  };
  const double lo = -std::log1p(-e_a / e0), hi = std::log1p(e_a / me);
  using gk = boost::math::quadrature::gauss_kronrod<double, 61>;
  return gk::integrate(wf, lo, hi, 10, 1e-6) / gk::integrate(w, lo, hi, 10, 1e-6);
}
}  // namespace

TEST_CASE("shower A' angle: mixture CDF against direct quadrature", "[production][shower_angle]") {
  // E137-like: 20 GeV on aluminium, A′ of 100 MeV at E_A′ = 5 GeV (radiated by e± of 5–20 GeV).
  const double m = 0.1, e_a = 5.0;
  const sp::shower_track_length shower(20.0, std::numeric_limits<double>::infinity(), 1.0,
                                       sp::material_aluminium);
  const sp::material_etl_cross_section xs(m, 1.0, 20.0, sp::material_aluminium.atoms);
  const sp::primary_track_length tsai(20.0, 100.0, 1.0);
  for (const sp::primary_track_length* primary :
       {&tsai, static_cast<const sp::primary_track_length*>(nullptr)}) {
    const sp::shower_aprime_angle angle(e_a, shower, xs, primary);
    for (double theta : {1e-3, 5e-3, 5e-2}) {
      INFO("theta = " << theta << (primary ? " (Tsai primary)" : " (cascade primary)"));
      // 96 Gauss–Legendre points in s (v = v_lo + Δv s²) vs adaptive quadrature: 1e-3.
      CHECK(angle.cdf(theta) ==
            Approx(direct_cdf(theta, e_a, m, shower, xs, primary)).epsilon(1e-3).margin(1e-6));
    }
    for (double p : {0.1, 0.5, 0.9}) CHECK(angle.cdf(angle.quantile(p)) == Approx(p).epsilon(1e-8));
    double sum = 0;
    for (const auto& c : angle.components()) sum += c.weight;
    CHECK(sum == Approx(1.0).epsilon(1e-13));
    // The median A′ angle is m√(1 − x)/E_A′ for the typical 1 − x ≈ 1e-2 of the hard spectrum:
    // between 0.01 and 1 times m/E_A′ (measured 0.089 m/E_A′).
    const double median = angle.quantile(0.5);
    CHECK(median > 0.01 * m / e_a);
    CHECK(median < m / e_a);
  }
  CHECK_THROWS_AS(sp::shower_aprime_angle(25.0, shower, xs, &tsai), semivisible::invalid_parameter);
  const auto nodes = sp::shower_aprime_angle(e_a, shower, xs, &tsai).nodes(4);
  CHECK(nodes.size() == 4);
  CHECK(nodes[0].theta < nodes[3].theta);
}
