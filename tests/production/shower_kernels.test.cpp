// Tests of semivisible/production/shower_kernels.hpp: closed-form kernel integrals against
// direct quadrature of the spectra (Tsai Eqs. (3.83), (3.85)).
#include <catch2/catch.hpp>

#include <cmath>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/production/shower_kernels.hpp"

namespace spd = semivisible::production::detail;

namespace {
template <class F>
double gk(F&& f, double a, double b) {
  return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, a, b, 12, 1e-13);
}
}  // namespace

TEST_CASE("shower kernels: remainders and the dilogarithm", "[production][shower_kernels]") {
  for (double x : {1e-6, 0.1, 0.49, 0.51, 2.0, 30.0}) {
    double poly = 0, term = 1;
    for (int n = 0; n < 3; ++n) {
      // r_n(x) = e^{−x} − Σ_{k<n} (−x)^k/k!, relative 1e-12 (absolute for the cancelling x > 0.5)
      const double direct = std::exp(-x) - poly;
      if (x > 0.4) CHECK(spd::exp_remainder(n, x) == Approx(direct).epsilon(1e-12).margin(1e-15));
      poly += term;
      term *= -x / (n + 1);
    }
  }
  // r_3(x) = −x³/6 (1 − x/4 + x²/20 − …)
  CHECK(spd::exp_remainder(3, 1e-3) ==
        Approx(-1e-9 / 6 * (1 - 1e-3 / 4 + 1e-6 / 20)).epsilon(1e-11));
  // Li₂(1/2) = π²/12 − ln²2/2; Li₂ from its integral −∫_0^z ln(1−t)/t dt.
  const double pi = semivisible::constants::pi;
  CHECK(spd::dilog(0.5) == Approx(pi * pi / 12 - std::log(2.0) * std::log(2.0) / 2).epsilon(1e-14));
  CHECK(spd::dilog(1.0) == Approx(pi * pi / 6).epsilon(1e-15));
  for (double z : {0.1, 0.7, 0.99})
    CHECK(spd::dilog(z) ==
          Approx(gk([](double t) { return -std::log1p(-t) / t; }, 0.0, z)).epsilon(1e-12));
}

TEST_CASE("shower kernels: closed forms against quadrature of the spectra",
          "[production][shower_kernels]") {
  spd::cascade_kernels k;
  k.c = 4.0 / 3.0 + 0.02;
  const double c = k.c;
  auto phi = [&](double v) { return (c * (1 - v) + v * v) / v; };  // φ(v) per X0
  auto psi = [&](double x) { return 1 - c * x * (1 - x); };        // ψ(x) per X0
  CHECK(k.pair_probability() == Approx(gk(psi, 0.0, 1.0)).epsilon(1e-13));
  // Mean energy loss per X0 ∫vφ = 1 + b/2 (Tsai's X0 excludes the b term).
  CHECK(gk([&](double v) { return v * phi(v); }, 0.0, 1.0) == Approx(1 + 0.01).epsilon(1e-13));
  for (double d : {1e-4, 0.04, 0.7, 3.0}) {
    INFO("Delta = " << d);
    // N(Δ) = ∫_{v0}^1 φ dv, v0 = 1 − e^{−Δ}
    const double v0 = -std::expm1(-d);
    CHECK(k.jump_tail(d) == Approx(gk(phi, v0, 1.0)).epsilon(1e-11));
    // K(Δ) = ∫_0^Δ N (tanh-sinh: N has a log singularity at 0)
    boost::math::quadrature::tanh_sinh<double> ts;
    CHECK(k.jump_tail_integral(d) ==
          Approx(ts.integrate([&](double x) { return k.jump_tail(x); }, 0.0, d)).epsilon(1e-10));
    // Q1(Δ) = ∫_0^Δ μ, μ(t) = φ(v)v at v = e^{−t}; Q2 = ∫Q1
    auto mu = [&](double t) { return phi(std::exp(-t)) * std::exp(-t); };
    CHECK(k.photon_q1(d) == Approx(gk(mu, 0.0, d)).epsilon(1e-11));
    CHECK(k.photon_q2(d) ==
          Approx(gk([&](double t) { return k.photon_q1(t); }, 0.0, d)).epsilon(1e-10));
    auto pi_ = [&](double t) { return psi(std::exp(-t)) * std::exp(-t); };
    CHECK(k.pair_q1(d) == Approx(gk(pi_, 0.0, d)).epsilon(1e-11));
    CHECK(k.pair_q2(d) ==
          Approx(gk([&](double t) { return k.pair_q1(t); }, 0.0, d)).epsilon(1e-10));
  }
  // Bethe–Heitler: ν(Δ) = (4/3) e^{−Δ}/Δ, N = (4/3)E₁(Δ).
  spd::cascade_kernels bh;
  bh.bethe_heitler = true;
  CHECK(bh.jump_tail(0.3) ==
        Approx(gk([](double v) { return 4.0 / 3.0 / -std::log1p(-v); }, -std::expm1(-0.3), 1.0))
            .epsilon(1e-10));
  // Tsai's b against an independent Python evaluation of the same formula (2026-12-01):
  // 0.0238966 (O), 0.0251198 (Al), 0.0269798 (Fe), 0.0316658 (W), 0.0324503 (Pb).
  CHECK(spd::tsai_small_term(8.0) == Approx(0.0238966).epsilon(1e-5));
  CHECK(spd::tsai_small_term(13.0) == Approx(0.0251198).epsilon(1e-5));
  CHECK(spd::tsai_small_term(26.0) == Approx(0.0269798).epsilon(1e-5));
  CHECK(spd::tsai_small_term(74.0) == Approx(0.0316658).epsilon(1e-5));
  CHECK(spd::tsai_small_term(82.0) == Approx(0.0324503).epsilon(1e-5));
}
