// semivisible/production/track_length.hpp — the track length of the primary electron in a thick
// target, differential in its energy, in Tsai's approximation.
//
// Tsai, Rev. Mod. Phys. 46 (1974) 815, Eq. (3.84) (also Bjorken et al. PRD 80 (2009) 075018,
// Eq. (A27); docs/formula-notes.md §3.4): the energy distribution of the primary electron at depth
// t [X0]
//   I_e(E0, E, t) = (1/E0) [ln(E0/E)]^{4t/3 − 1} / Γ(4t/3),
// normalised to 1 in E at each t. With y = ln(E0/E) and s = 4t/3 the track length (in X0) of
// electrons with energy in dE is Λ(y) dy,
//   Λ(y) = (3/4) e^{−y} ∫_0^S ds y^{s−1}/Γ(s),  S = 4T/3 for a target of T radiation lengths,
// and the track length with energy above E0 e^{−y} is
//   M(y) = ∫_0^y Λ = (3/4) ∫_0^S ds P(s, y),  P = regularised lower incomplete gamma function.
// Λ has the integrable singularity (3/4)/(y ln²(1/y)) at y → 0 (the electron keeps almost all of
// E0 over a finite depth); in w = 1/ln(1/y) the density D(w) = Λ dy/dw is smooth, D(0) = 3/4.
// Only the primary electron is counted (Tsai approximation, no shower secondaries): first-
// generation shower e± would add ≈ +8 % to the A′ yield above 50 GeV (docs/physics.md §3.2,
// tests/production/secondary_track_length.py).
// Method: Boost.Math adaptive Gauss–Kronrod in s; D(w) and Λ(y) are tabulated once on uniform
// grids and interpolated with cubic B-splines; energy integrals use tanh-sinh on the pieces
// w ∈ (0, w(y_b)] and y ∈ [y_b, y_max] (y_b = 0.5).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <boost/math/interpolators/cardinal_cubic_b_spline.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "semivisible/error.hpp"

namespace semivisible::production {

/// Track length of the primary electron in a thick target (Tsai), for beam energy E0 [GeV],
/// thickness T [X0] and a lowest electron energy of interest E_lo [GeV] (tables cover [E_lo, E0]).
class primary_track_length {
 public:
  static constexpr double y_break = 0.5;  ///< switch from the w- to the y-variable
  static constexpr std::size_t table_points = 161;

  primary_track_length(double beam_energy, double thickness_X0, double energy_lo)
      : beam_energy_(beam_energy), thickness_(thickness_X0), energy_lo_(energy_lo) {
    constexpr const char* fn = "semivisible::production::primary_track_length";
    semivisible::detail::require_positive(fn, "beam_energy", beam_energy);
    semivisible::detail::require_positive(fn, "thickness_X0", thickness_X0);
    semivisible::detail::require_positive(fn, "energy_lo", energy_lo);
    if (!(energy_lo < beam_energy))
      semivisible::detail::throw_invalid(fn, "energy_lo", energy_lo,
                                         fmt::format("< beam_energy = {} GeV", beam_energy));
    s_max_ = 4.0 * thickness_ / 3.0;
    y_hi_ = std::log(beam_energy / energy_lo);
    w_break_ = 1.0 / std::log(1.0 / y_break);
    // D(w) on [0, w_break].
    std::vector<double> d(table_points);
    const double hw = w_break_ / static_cast<double>(table_points - 1);
    d[0] = 0.75;
    for (std::size_t i = 1; i < table_points; ++i) d[i] = density_w(hw * static_cast<double>(i));
    spline_w_ =
        boost::math::interpolators::cardinal_cubic_b_spline<double>(d.begin(), d.end(), 0.0, hw);
    if (y_hi_ > y_break) {
      std::vector<double> l(table_points);
      const double hy = (y_hi_ - y_break) / static_cast<double>(table_points - 1);
      for (std::size_t i = 0; i < table_points; ++i)
        l[i] = density_y(y_break + hy * static_cast<double>(i));
      spline_y_ = boost::math::interpolators::cardinal_cubic_b_spline<double>(l.begin(), l.end(),
                                                                              y_break, hy);
    }
  }

  [[nodiscard]] double beam_energy() const noexcept { return beam_energy_; }
  [[nodiscard]] double thickness_X0() const noexcept { return thickness_; }
  [[nodiscard]] double energy_lo() const noexcept { return energy_lo_; }

  /// Λ(y) [X0 per unit y], direct quadrature (y > 0).
  [[nodiscard]] double density_y(double y) const {
    semivisible::detail::require_positive(
        "semivisible::production::primary_track_length::density_y", "y", y);
    const double ly = std::log(y);
    auto f = [&](double s) {
      return s == 0 ? 0.0 : std::exp((s - 1) * ly) * s / std::tgamma(s + 1);
    };
    return 0.75 * std::exp(-y) * integrate_s(f, y < 1 ? std::min(s_max_, 1.0 - 40.0 / ly) : s_max_);
  }

  /// D(w) = Λ(y) dy/dw with y = e^{−1/w} [X0 per unit w], direct quadrature (0 < w).
  [[nodiscard]] double density_w(double w) const {
    const double y = std::exp(-1 / w);
    auto f = [&](double s) { return s == 0 ? 0.0 : std::exp(-s / w) * s / std::tgamma(s + 1); };
    return 0.75 * std::exp(-y) / (w * w) * integrate_s(f, std::min(s_max_, 60 * w));
  }

  /// M(y): track length [X0] of the primary with energy above E0 e^{−y} (direct quadrature).
  [[nodiscard]] double cumulative(double y) const {
    semivisible::detail::require_non_negative(
        "semivisible::production::primary_track_length::cumulative", "y", y);
    if (y == 0) return 0.0;
    auto f = [&](double s) { return s == 0 ? 1.0 : boost::math::gamma_p(s, y); };
    return 0.75 * integrate_s(f, s_max_);
  }

  /// Track length [X0] of the primary with energy above E [GeV].
  [[nodiscard]] double track_length_above(double energy) const {
    semivisible::detail::require_positive(
        "semivisible::production::primary_track_length::track_length_above", "energy", energy);
    return energy >= beam_energy_ ? 0.0 : cumulative(std::log(beam_energy_ / energy));
  }

  /// ∫_{E_min}^{E0} dE L(E) g(E) with L(E) dE the primary track length [X0] in dE, for a
  /// function g of the electron energy [GeV]; E_min ≥ energy_lo().
  template <class F>
  [[nodiscard]] double integrate(F&& g, double energy_min) const {
    const double y_max = std::log(beam_energy_ / energy_min);
    if (!(y_max > 0)) return 0.0;
    if (y_max > y_hi_ * (1 + 1e-12))
      semivisible::detail::throw_invalid("semivisible::production::primary_track_length::integrate",
                                         "energy_min", energy_min,
                                         fmt::format(">= energy_lo = {} GeV", energy_lo_));
    boost::math::quadrature::tanh_sinh<double> ts(12);
    const double w_top = 1.0 / std::log(1.0 / std::min(y_max, y_break));
    auto fw = [&](double w) {
      if (!(w > 0)) return 0.0;
      return spline_w_(w) * g(beam_energy_ * std::exp(-std::exp(-1 / w)));
    };
    // Below w_lo (y < 1e-300) the electron energy equals E0 to double precision and D = 3/4.
    constexpr double w_lo = 1.0 / 690.0;
    double result = 0.75 * w_lo * g(beam_energy_) + on_interval(ts, fw, w_lo, w_top);
    if (y_max > y_break) {
      auto fy = [&](double y) { return spline_y_(y) * g(beam_energy_ * std::exp(-y)); };
      result += on_interval(ts, fy, y_break, y_max);
    }
    return result;
  }

 private:
  // tanh-sinh on [a, b] through the canonical interval [−1, 1] (Boost 1.74's finite-interval
  // wrapper can place a node exactly on an endpoint and assert); the integrands are finite there.
  template <class F>
  [[nodiscard]] static double on_interval(boost::math::quadrature::tanh_sinh<double>& ts, F& f,
                                          double a, double b) {
    const double mid = 0.5 * (a + b);
    const double half = 0.5 * (b - a);
    auto h = [&](double z) { return f(std::clamp(mid + half * z, a, b)); };
    return half * ts.integrate(h, 1e-6);
  }

  template <class F>
  [[nodiscard]] static double integrate_s(F&& f, double upper) {
    double error = 0;
    return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(f, 0.0, upper, 20, 1e-11,
                                                                         &error);
  }

  double beam_energy_;
  double thickness_;
  double energy_lo_;
  double s_max_ = 0;
  double y_hi_ = 0;
  double w_break_ = 0;
  boost::math::interpolators::cardinal_cubic_b_spline<double> spline_w_{};
  boost::math::interpolators::cardinal_cubic_b_spline<double> spline_y_{};
};

}  // namespace semivisible::production
