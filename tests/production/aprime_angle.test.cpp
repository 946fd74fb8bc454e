// Tests of semivisible/production/aprime_angle.hpp: IWW dσ/(dx du), the A′ angle CDF and
// quantiles, and the Highland angle.
#include <catch2/catch.hpp>

#include <cmath>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/production/aprime_angle.hpp"

namespace sp = semivisible::production;

namespace {
// ∫_0^∞ du f(u) by adaptive Gauss–Kronrod in ln U (independent of the closed-form CDF).
template <class F>
double integrate_u(F&& f, double x, double m, double e0, double u_max = -1) {
  const double me2 = 0.51099895e-3 * 0.51099895e-3;
  const double m0 = m * m * (1 - x) / x + me2 * x;
  const double slope = 2 * e0 * e0 * x;
  const double l_hi = u_max > 0 ? std::log(slope * u_max + m0) : std::log(m0) + 60;
  auto g = [&](double l) {
    const double big_u = std::exp(l);
    return f((big_u - m0) / slope) * big_u / slope;
  };
  return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(g, std::log(m0), l_hi, 15,
                                                                       1e-12);
}
}  // namespace

TEST_CASE("IWW dsigma/(dx du) integrates over the angle to dsigma/dx", "[production][angle]") {
  // ∫du (dσ/dx du) = dσ_IWW/dx of cross_section.hpp: 8·∫du iww_xu_shape = 4·iww_x_shape. The
  // forms are algebraically equal (m_e kept), so the tolerance is the quadrature's: 1e-9.
  for (double e0 : {20.0, 100.0})
    for (double m : {0.001, 0.0167, 0.1, 0.5})
      for (double x : {0.05, 0.3, 0.7, 0.95, 0.999}) {
        if (!(x > m / e0)) continue;
        INFO("E0 = " << e0 << " m = " << m << " x = " << x);
        const double angular =
            integrate_u([&](double u) { return sp::iww_xu_shape(x, u, m, e0); }, x, m, e0);
        CHECK(8 * angular == Approx(4 * sp::iww_x_shape(x, m, e0)).epsilon(1e-9));
        CHECK(sp::iww_xu_shape(x, 0.0, m, e0) > 0);
      }
  // With the normalisation: dσ/(dx du) at ε = 1 against 4α³χ·shape·2 (χ from photon_flux).
  const double chi = sp::photon_flux(0.1, 100.0, sp::lead);
  const double a = semivisible::constants::alpha_em;
  CHECK(sp::iww_double_differential_cross_section(0.9, 1e-6, 0.1, 100.0, 1.0, sp::lead) ==
        Approx(8 * a * a * a * chi * sp::iww_xu_shape(0.9, 1e-6, 0.1, 100.0)).epsilon(1e-14));
}

TEST_CASE("A' angle CDF, quantile and nodes", "[production][angle]") {
  const double e0 = 100.0, m = 0.05, x = 0.8;
  // CDF against the independent quadrature of the density up to θ.
  const double total =
      integrate_u([&](double u) { return sp::iww_xu_shape(x, u, m, e0); }, x, m, e0);
  for (double theta : {1e-5, 1e-4, 5e-4, 2e-3, 1e-2}) {
    const double part = integrate_u([&](double u) { return sp::iww_xu_shape(x, u, m, e0); }, x, m,
                                    e0, theta * theta / 2);
    CHECK(sp::iww_angle_cdf(theta, x, m, e0) == Approx(part / total).epsilon(1e-9));
  }
  // Quantile inverts the CDF.
  for (double p : {0.01, 0.25, 0.5, 0.9, 0.999}) {
    const double theta = sp::iww_angle_quantile(p, x, m, e0);
    CHECK(sp::iww_angle_cdf(theta, x, m, e0) == Approx(p).epsilon(1e-9));
  }
  // Typical angle: the median is of order √(M/(E0² x)) = m√(1−x)/(x E0) (BEST §II: θ_A′ ≲
  // max(√(m m_e), m^{3/2}/E0^{1/2})/E0): between 0.3 and 3 times it.
  const double scale = m * std::sqrt(1 - x) / (x * e0);
  const double median = sp::iww_angle_quantile(0.5, x, m, e0);
  CHECK(median > 0.3 * scale);
  CHECK(median < 3 * scale);
  // Equal-probability nodes: mean of θ² against ∫θ² dP (quadrature), to 2 % with 64 nodes.
  const auto nodes = sp::iww_angle_nodes(64, x, m, e0);
  double w = 0, mean_log = 0;
  for (const auto& nd : nodes) {
    w += nd.weight;
    mean_log += nd.weight * std::log(nd.theta);
  }
  CHECK(w == Approx(1.0).epsilon(1e-14));
  // ⟨ln θ⟩ = ∫ du (dP/du) ½ ln(2u), in ln u over 24 decades around u0 = M/(2E0²x) (the tails
  // beyond hold < 1e-10).
  const double me2 = semivisible::constants::mass_electron * semivisible::constants::mass_electron;
  const double u0 = (m * m * (1 - x) / x + me2 * x) / (2 * e0 * e0 * x);
  auto in_log_u = [&](double l) {
    const double u = std::exp(l);
    return sp::iww_xu_shape(x, u, m, e0) * u * 0.5 * std::log(2 * u);
  };
  const double exact_log = boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
                               in_log_u, std::log(u0) - 27.6, std::log(u0) + 27.6, 15, 1e-11) /
                           total;
  CHECK(mean_log == Approx(exact_log).epsilon(2e-3));
  CHECK_THROWS_AS(sp::iww_angle_quantile(1.5, x, m, e0), semivisible::invalid_parameter);
  CHECK_THROWS_AS(sp::iww_angle_cdf(1e-3, 1.2, m, e0), semivisible::invalid_parameter);
}

TEST_CASE("Highland multiple-scattering angle", "[production][angle]") {
  // PDG Eq. (34.16) by hand: p = 1 GeV, β = 1, 1 X0: 13.6 MeV/1 GeV × 1 × (1 + 0) = 13.6 mrad.
  CHECK(sp::highland_angle(1.0, 1.0) == Approx(13.6e-3).epsilon(1e-14));
  // 0.01 X0 at 10 GeV: 1.36e-3 × 0.1 × (1 + 0.038 ln 0.01) = 1.1220e-4.
  CHECK(sp::highland_angle(10.0, 0.01) == Approx(1.36e-4 * (1 + 0.038 * std::log(0.01))));
  CHECK(sp::highland_angle(1.0, 4.0) / sp::highland_angle(2.0, 4.0) == Approx(2.0));
  CHECK_THROWS_AS(sp::highland_angle(-1.0, 1.0), semivisible::invalid_parameter);
}
