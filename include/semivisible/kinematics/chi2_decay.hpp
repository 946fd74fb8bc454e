// semivisible/kinematics/chi2_decay.hpp — events of χ2 → χ1 ℓ⁺ℓ⁻ (through an off-shell A′) in the
// χ2 rest frame, sampled from the exact leading-order matrix element of physics/chi2_width.hpp.
//
// Dalitz variables s1 = (k1 + k2)² (the lepton pair), s2 = (p1 + k2)² (docs/formula-notes.md
// §1.1). The pair mass follows the s2-integrated distribution of chi2_width.hpp,
//   dΓ/ds1 ∝ (Δ² − s1)^{3/2} (Σ² − s1)^{1/2} (Σ² + 2s1)(1 + 2m_ℓ²/s1)(1 − 4m_ℓ²/s1)^{1/2}/(s1 −
//   m_A′²)²,
// sampled by inverting its cumulative, tabulated on 257 points of the same smooth variable t as
// the width's quadrature (v = √s1 = 2m_ℓ + (Δ − 2m_ℓ) t²(3 − 2t)), linear in t between points.
// At fixed s1 the spin sum Σ|M|² is a polynomial of degree 2 in s2 (docs/formula-notes.md §1.1):
//   Σ|M|² ∝ 2(p1·k1)(p2·k2) + 2(p1·k2)(p2·k1) − 2(p1·p2)Y − 2(k1·k2)X + 4XY,
//   X = p1·p2 − m1 m2, Y = k1·k2 + m_ℓ²,
// sampled by accept–reject under its maximum over the Dalitz range of s2 (PDG Kinematics Eq.
// 49.23), found exactly from three points of the quadratic. The unpolarised χ2 decays with no
// preferred axis: the event is rotated to a uniformly random orientation.
// Energies in the χ2 frame: E1 = (M² + m1² − s1)/2M, E_ℓ⁻ = (M² + m_ℓ² − s2)/2M, E_ℓ⁺ = M − E1 −
// E_ℓ⁻.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

#include <Eigen/Core>
#include <Eigen/Geometry>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/kinematics/lorentz.hpp"
#include "semivisible/numerics/random_stream.hpp"

namespace semivisible::kinematics {

/// One decay χ2 → χ1 ℓ⁻ ℓ⁺ in the χ2 rest frame.
struct chi2_decay_event {
  four_momentum chi1, lepton_minus, lepton_plus;
};

class chi2_decay_sampler {
 public:
  static constexpr std::size_t table_points = 257;

  /// Masses [GeV]: χ1, χ2 (> χ1 + 2 m_ℓ), A′ (> χ1 + χ2), lepton.
  chi2_decay_sampler(double mass_chi1, double mass_chi2, double mass_aprime,
                     double mass_lepton = constants::mass_electron)
      : m1_(mass_chi1), m2_(mass_chi2), ma_(mass_aprime), ml_(mass_lepton) {
    constexpr const char* fn = "semivisible::kinematics::chi2_decay_sampler";
    semivisible::detail::require_positive(fn, "mass_chi1", m1_);
    semivisible::detail::require_positive(fn, "mass_lepton", ml_);
    if (!(m2_ - m1_ > 2 * ml_))
      semivisible::detail::throw_invalid(
          fn, "mass_chi2", m2_,
          fmt::format("> mass_chi1 + 2 m_l = {} GeV (channel open)", m1_ + 2 * ml_));
    if (!(ma_ > m1_ + m2_))
      semivisible::detail::throw_invalid(
          fn, "mass_aprime", ma_, fmt::format("> mass_chi1 + mass_chi2 = {} GeV", m1_ + m2_));
    // Cumulative of dΓ/dt on a uniform t grid (trapezoid on 4× finer points, then summed).
    const double delta = m2_ - m1_, sigma = m1_ + m2_;
    auto density = [&](double t) {
      if (t <= 0 || t >= 1) return 0.0;
      const double w = delta - 2 * ml_;
      const double v = 2 * ml_ + w * t * t * (3 - 2 * t);
      const double dv_dt = 6 * w * t * (1 - t);
      const double s = v * v;
      const double r = ml_ * ml_ / s;
      const double lepton = (1 + 2 * r) * std::sqrt(std::max(0.0, 1 - 4 * r));
      const double prop = (ma_ * ma_ - s);
      return 2 * v * dv_dt * std::pow(std::max(0.0, delta * delta - s), 1.5) *
             std::sqrt(std::max(0.0, sigma * sigma - s)) * (sigma * sigma + 2 * s) * lepton /
             (prop * prop);
    };
    constexpr std::size_t fine = 4;
    cdf_[0] = 0;
    const double h = 1.0 / static_cast<double>((table_points - 1) * fine);
    double previous = density(0.0), sum = 0;
    for (std::size_t i = 1; i < table_points; ++i) {
      for (std::size_t k = 1; k <= fine; ++k) {
        const double f = density(h * static_cast<double>((i - 1) * fine + k));
        sum += 0.5 * h * (previous + f);
        previous = f;
      }
      cdf_[i] = sum;
    }
    for (auto& c : cdf_) c /= sum;
  }

  /// The lepton-pair mass squared s1 [GeV²] for a uniform u in (0, 1).
  [[nodiscard]] double pair_mass_squared(double u) const noexcept {
    const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
    const auto i = static_cast<std::size_t>(
        std::clamp<std::ptrdiff_t>(it - cdf_.begin(), 1, table_points - 1));
    const double f = (u - cdf_[i - 1]) / std::max(cdf_[i] - cdf_[i - 1], 1e-300);
    const double t = (static_cast<double>(i - 1) + std::clamp(f, 0.0, 1.0)) /
                     static_cast<double>(table_points - 1);
    const double v = 2 * ml_ + (m2_ - m1_ - 2 * ml_) * t * t * (3 - 2 * t);
    return v * v;
  }

  /// Σ|M|² up to a constant at (s1, s2) [GeV⁴ units dropped].
  [[nodiscard]] double matrix_element(double s1, double s2) const noexcept {
    const double me2 = ml_ * ml_, m12 = m1_ * m1_, m22 = m2_ * m2_;
    const double s3 = m12 + m22 + 2 * me2 - s1 - s2;
    const double p1p2 = (m12 + m22 - s1) / 2, k1k2 = (s1 - 2 * me2) / 2;
    const double p1k2 = (s2 - m12 - me2) / 2, p1k1 = (s3 - m12 - me2) / 2;
    const double p2k1 = p1k1 + k1k2 + me2, p2k2 = p1k2 + k1k2 + me2;
    const double x = p1p2 - m1_ * m2_, y = k1k2 + me2;
    return 2 * p1k1 * p2k2 + 2 * p1k2 * p2k1 - 2 * p1p2 * y - 2 * k1k2 * x + 4 * x * y;
  }

  /// Dalitz range of s2 at fixed s1 (PDG Eq. 49.23 with particles 2, 3 the leptons).
  [[nodiscard]] std::pair<double, double> s2_range(double s1) const noexcept {
    const double m23 = std::sqrt(s1);
    const double e3 = m23 / 2;  // E*_ℓ⁺ in the pair frame (equal lepton masses)
    const double e1 = (m2_ * m2_ - s1 - m1_ * m1_) / (2 * m23);
    const double p1 = std::sqrt(std::max(0.0, e1 * e1 - m1_ * m1_));
    const double p3 = std::sqrt(std::max(0.0, e3 * e3 - ml_ * ml_));
    const double e = e1 + e3;
    return {e * e - (p1 + p3) * (p1 + p3), e * e - (p1 - p3) * (p1 - p3)};
  }

  /// One decay in the χ2 rest frame, from the stream r.
  [[nodiscard]] chi2_decay_event sample(numerics::random_stream& r) const {
    const double s1 = pair_mass_squared(r.uniform());
    const auto [lo, hi] = s2_range(s1);
    // The quadratic through three points: its maximum on [lo, hi] bounds the acceptance.
    const double mid = 0.5 * (lo + hi);
    const double f_lo = matrix_element(s1, lo), f_mid = matrix_element(s1, mid),
                 f_hi = matrix_element(s1, hi);
    const double half = 0.5 * (hi - lo);
    const double a = (f_lo + f_hi - 2 * f_mid) / (2 * half * half);  // f = a x² + b x + f_mid
    const double b = (f_hi - f_lo) / (2 * half);
    double f_max = std::max({f_lo, f_mid, f_hi});
    if (a < 0) {
      const double x = -b / (2 * a);
      if (std::abs(x) < half) f_max = std::max(f_max, f_mid - b * b / (4 * a));
    }
    double s2 = mid;
    for (int tries = 0; tries < 1000; ++tries) {
      s2 = lo + (hi - lo) * r.uniform();
      if (r.uniform() * f_max <= matrix_element(s1, s2)) break;
    }
    return build(s1, s2, r.uniform(), r.uniform(), r.uniform());
  }

  /// The event at (s1, s2) oriented by three uniforms (direction of ℓ⁻, azimuth of ℓ⁺ around it).
  [[nodiscard]] chi2_decay_event build(double s1, double s2, double u_cos, double u_phi,
                                       double u_psi) const {
    const double me2 = ml_ * ml_, big = m2_;
    const double e1 = (big * big + m1_ * m1_ - s1) / (2 * big);
    const double ek1 = (big * big + me2 - s2) / (2 * big);
    const double ek2 = big - e1 - ek1;
    const double pk1 = std::sqrt(std::max(0.0, ek1 * ek1 - me2));
    const double pk2 = std::sqrt(std::max(0.0, ek2 * ek2 - me2));
    double cos12 = pk1 * pk2 > 0 ? (2 * me2 + 2 * ek1 * ek2 - s1) / (2 * pk1 * pk2) : 1.0;
    cos12 = std::clamp(cos12, -1.0, 1.0);
    const double sin12 = std::sqrt(1 - cos12 * cos12);
    const Eigen::Vector3d n1 = direction(2 * u_cos - 1, 2 * constants::pi * u_phi);
    // An orthonormal pair perpendicular to n1, rotated by ψ around it.
    const Eigen::Vector3d helper =
        std::abs(n1.z()) < 0.9 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
    const Eigen::Vector3d e_a = n1.cross(helper).normalized(), e_b = n1.cross(e_a);
    const double psi = 2 * constants::pi * u_psi;
    const Eigen::Vector3d n2 = cos12 * n1 + sin12 * (std::cos(psi) * e_a + std::sin(psi) * e_b);
    chi2_decay_event ev;
    ev.lepton_minus = {ek1, pk1 * n1};
    ev.lepton_plus = {ek2, pk2 * n2};
    ev.chi1 = {e1, -(ev.lepton_minus.momentum + ev.lepton_plus.momentum)};
    return ev;
  }

  [[nodiscard]] double mass_chi1() const noexcept { return m1_; }
  [[nodiscard]] double mass_chi2() const noexcept { return m2_; }

 private:
  double m1_, m2_, ma_, ml_;
  std::array<double, table_points> cdf_{};
};

}  // namespace semivisible::kinematics
