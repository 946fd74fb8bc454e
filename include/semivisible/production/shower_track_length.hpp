// semivisible/production/shower_track_length.hpp — differential track lengths of the electrons,
// positrons and photons of an electromagnetic shower in a thick target (primary + all secondaries).
//
// Model: Rossi's Approximation B, the 1-D longitudinally integrated cascade equations, with the
// complete-screening bremsstrahlung and pair spectra of Tsai RMP 46 (1974) Eqs. (3.83), (3.85)
// (shower_kernels.hpp) and ionisation as a constant loss of E_c per X0 (Rossi's critical energy).
// Neglected: Compton scattering, annihilation in flight, the pair threshold (Rossi, "High-Energy
// Particles" (1952) ch. 5: meant for E ≳ E_c; below it e⁺ and γ numbers come out too high). Not
// validated against a full shower Monte Carlo (Geant4/EGS): docs/physics-shower.md §1.
// Unknowns per λ = ln(E0/E) bin: D = e⁻ − e⁺ (e⁺ − e⁻ for a positron beam), S = e⁺ + e⁻ made in
// pairs, and γ. Pairs add e⁺ and e⁻ alike and bremsstrahlung acts alike on both, so D obeys the
// primary's equation (it IS the primary's track length); e⁺ = S/2, e⁻ = D + S/2 (electron beam).
// Method (details, accuracy table, cost: docs/physics-shower.md §1): finite volumes in λ (80
// geometric bins near λ = 0, then a uniform step h = 1/points_per_unit), exact bin-to-bin rates
// (closed forms in shower_kernels.hpp), ionisation as a drift, Richardson extrapolation of h and
// h/2; T = ∞ is one forward substitution (triangular in energy), a finite T Crank–Nicolson steps
// in depth (≤ 0.25 X0). Accuracy (h = 1/24, tests/production/shower_track_length.test.cpp):
// ≤ 2e-3 against Tsai's primary and the exact Approximation-A solution, ≤ 0.25 % against a Monte
// Carlo of the same model. Cost: 10–50 ms for T = ∞.
// Units: energies in GeV, track lengths in X0, densities in X0/GeV.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include <boost/math/quadrature/gauss.hpp>

#include "semivisible/error.hpp"
#include "semivisible/production/detail/shower_grid.hpp"
#include "semivisible/production/materials.hpp"
#include "semivisible/production/shower_kernels.hpp"
#include "semivisible/production/shower_settings.hpp"

namespace semivisible::production {

/// Track lengths of the shower particles for beam energy E0 [GeV] on a target of T [X0]
/// (T = +∞ allowed) of `mat`, for energies in [E_lo, E0].
class shower_track_length {
 public:
  static constexpr int geometric_bins = 80;

  shower_track_length(double beam_energy, double thickness_X0, double energy_lo,
                      const material& mat, shower_settings settings = {},
                      beam_particle beam = beam_particle::electron)
      : e0_(beam_energy),
        thickness_(thickness_X0),
        e_lo_(energy_lo),
        settings_(settings),
        beam_(beam) {
    constexpr const char* fn = "semivisible::production::shower_track_length";
    semivisible::detail::require_positive(fn, "beam_energy", beam_energy);
    semivisible::detail::require_positive(fn, "energy_lo", energy_lo);
    if (!(energy_lo < beam_energy))
      semivisible::detail::throw_invalid(fn, "energy_lo", energy_lo,
                                         fmt::format("< beam_energy = {} GeV", beam_energy));
    if (std::isnan(thickness_X0) || !(thickness_X0 > 0))
      semivisible::detail::throw_invalid(fn, "thickness_X0", thickness_X0, "> 0 (or +inf)");
    mat.atoms.validate();
    semivisible::detail::require_positive(fn, "critical_energy_GeV", mat.critical_energy_GeV);
    if (!(settings.points_per_unit >= 4 && settings.points_per_unit <= 400))
      semivisible::detail::throw_invalid(fn, "points_per_unit", settings.points_per_unit,
                                         "in [4, 400]");
    if (!(settings.depth_step_X0 > 0 && settings.depth_step_X0 <= 1))
      semivisible::detail::throw_invalid(fn, "depth_step_X0", settings.depth_step_X0, "in (0, 1]");
    if (settings.spectrum == brem_spectrum::bethe_heitler && settings.secondaries)
      semivisible::detail::throw_invalid(fn, "settings.secondaries", 1,
                                         "false with brem_spectrum::bethe_heitler");
    kernels_.bethe_heitler = settings.spectrum == brem_spectrum::bethe_heitler;
    kernels_.c = 4.0 / 3.0 + (settings.spectrum == brem_spectrum::complete_screening
                                  ? detail::tsai_small_term(mat.atoms.atomic_number)
                                  : 0.0);
    critical_energy_ = settings.ionisation ? mat.critical_energy_GeV : 0.0;
    if (settings.richardson) {
      // Richardson extrapolation of the first-order finite volumes: 2·X(h/2) − X(h) per coarse
      // bin (the geometric bins are shared, so they are unchanged).
      make_grid(2);
      make_rates();
      solve();
      const auto fine = tables_;
      const auto fine_edges = edges_;
      edges_.clear();
      make_grid(1);
      make_rates();
      solve();
      for (auto& t : tables_) {
        const auto& f = fine[static_cast<std::size_t>(&t - tables_.data())].cum;
        std::vector<double> c(t.cum.size(), 0.0);
        std::size_t j = 0;  // fine edge equal to coarse edge i
        for (std::size_t i = 0; i + 1 < t.cum.size(); ++i) {
          const std::size_t j0 = j;
          while (fine_edges[j] < edges_[i + 1] * (1 - 1e-14)) ++j;
          const double fine_bin = f[j] - f[j0];
          const double coarse_bin = t.cum[i + 1] - t.cum[i];
          const double extrapolated = 2 * fine_bin - coarse_bin;
          c[i + 1] = c[i] + (extrapolated >= 0 ? extrapolated : fine_bin);
        }
        t.cum = std::move(c);
        t.slope = detail::monotone_slopes(edges_, t.cum);
      }
    } else {
      make_grid(1);
      make_rates();
      solve();
    }
  }

  [[nodiscard]] double beam_energy() const noexcept { return e0_; }
  [[nodiscard]] double thickness_X0() const noexcept { return thickness_; }
  [[nodiscard]] double energy_lo() const noexcept { return e_lo_; }
  [[nodiscard]] const shower_settings& settings() const noexcept { return settings_; }
  /// Number of λ bins (size of the triangular system per species).
  [[nodiscard]] std::size_t bins() const noexcept { return edges_.size() - 1; }

  /// Track length [X0] of `which` with energy above E [GeV] (0 for E ≥ E0; E ≥ energy_lo()).
  [[nodiscard]] double track_length_above(double energy, shower_species which) const {
    const double lambda = lambda_of(energy, "track_length_above");
    if (lambda <= 0) return 0.0;
    const auto& c = cumulative(which);
    const std::size_t i = bin_of(lambda);
    return hermite(c, i, lambda, false);
  }

  /// dL/dE [X0/GeV] of `which` at E [GeV] (energy_lo() ≤ E < E0), from a monotone cubic
  /// (Fritsch–Carlson) interpolation of the cumulative track length in λ.
  [[nodiscard]] double density(double energy, shower_species which) const {
    const double lambda = lambda_of(energy, "density");
    if (lambda <= 0) return 0.0;
    return hermite(cumulative(which), bin_of(lambda), lambda, true) / energy;
  }

  /// ∫_{E_min}^{E0} dE (dL/dE) g(E) for `which`: 6-point Gauss–Legendre per λ-bin on the
  /// interpolated density (E_min ≥ energy_lo()).
  template <class F>
  [[nodiscard]] double integrate(F&& g, double energy_min, shower_species which) const {
    const double lambda_max = lambda_of(energy_min, "integrate");
    const auto& c = cumulative(which);
    using rule = boost::math::quadrature::gauss<double, 6>;
    double sum = 0;
    for (std::size_t i = 0; i + 1 < edges_.size() && edges_[i] < lambda_max; ++i) {
      const double a = edges_[i];
      const double b = std::min(edges_[i + 1], lambda_max);
      sum += rule::integrate(
          [&](double l) { return hermite(c, i, l, true) * g(e0_ * std::exp(-l)); }, a, b);
    }
    return sum;
  }

 private:
  // ---- grid ----
  void make_grid(int refine) {
    const double lambda_max = std::log(e0_ / e_lo_);
    const double h_target = 1.0 / settings_.points_per_unit;
    const double first = std::min(h_target, 0.5 * lambda_max);
    const auto n_uni = static_cast<std::size_t>(refine) *
                       static_cast<std::size_t>(std::ceil((lambda_max - first) / h_target));
    edges_.push_back(0.0);
    // edges 0, first·q^{1−n}, ..., first with ratio q = 2^{1/2} (n = geometric_bins)
    for (int k = geometric_bins - 1; k >= 0; --k)
      edges_.push_back(first * std::exp2(-0.5 * static_cast<double>(k)));
    const double h = n_uni > 0 ? (lambda_max - first) / static_cast<double>(n_uni) : 0.0;
    for (std::size_t k = 1; k <= n_uni; ++k)
      edges_.push_back(k == n_uni ? lambda_max : first + h * static_cast<double>(k));
  }

  // ---- rates ----
  // Rate [1/X0] from source bin k to destination bin i of a kernel ρ with antiderivatives
  // f1 = ∫ρ and f2 = ∫f1 (table t2 of f2 at edge differences), the source density uniform in λ
  // over bin k: (1/w_k)∫_k dλ ∫_i dλ′ ρ(λ′ − λ). A source bin much narrower than its distance
  // to i uses the midpoint (error O((w_k/d)²) < 1e-6) to avoid the cancellation of the second
  // difference.
  template <class F1, class T2>
  [[nodiscard]] double bin_rate(std::size_t k, std::size_t i, F1&& f1, T2& t2) const {
    const double ak = edges_[k], bk = edges_[k + 1], ai = edges_[i], bi = edges_[i + 1];
    const double wk = bk - ak;
    if (i > k && wk < 1e-3 * (ai - bk)) {
      const double mid = 0.5 * (ak + bk);
      return f1(bi - mid) - f1(ai - mid);
    }
    return (t2(i + 1, k) - t2(i + 1, k + 1) - t2(i, k) + t2(i, k + 1)) / wk;
  }

  void make_rates() {
    const std::size_t n = bins();
    const std::size_t u0 = static_cast<std::size_t>(geometric_bins);
    // Rates to bin i from bins k ≤ i, packed row by row: element (i, k) at i(i+1)/2 + k.
    const std::size_t packed = n * (n + 1) / 2;
    jump_.resize(packed);
    out_.assign(n, 0.0);
    drift_.assign(n, 0.0);
    if (settings_.secondaries) {
      photon_.resize(packed);
      pair_.resize(packed);
    }
    // Charged-particle jumps: ρ = ν, f1 = −N (∫ν from 0 diverges; only differences enter), f2 = −K.
    auto n1 = [&](double d) { return d > 0 ? -kernels_.jump_tail(d) : 0.0; };
    auto k2 = [&](double d) { return d > 0 ? -kernels_.jump_tail_integral(d) : 0.0; };
    auto q1 = [&](double d) { return kernels_.photon_q1(d); };
    auto q2 = [&](double d) { return kernels_.photon_q2(d); };
    auto p1 = [&](double d) { return kernels_.pair_q1(d); };
    auto p2 = [&](double d) { return kernels_.pair_q2(d); };
    detail::edge_table<decltype(k2)&> tk(edges_, u0, k2);
    for (std::size_t k = 0; k < n; ++k) {
      const double wk = edges_[k + 1] - edges_[k];
      out_[k] = kernels_.jump_tail_integral(wk) / wk;
      const double de = e0_ * std::exp(-edges_[k]) * -std::expm1(-wk);
      drift_[k] = critical_energy_ / de;
      // For i = k+1 the midpoint branch is never taken (distance 0), so N(0) is not evaluated.
      jump_[row(k) + k] = 0;
      for (std::size_t i = k + 1; i < n; ++i) jump_[row(i) + k] = bin_rate(k, i, n1, tk);
    }
    if (!settings_.secondaries) return;
    detail::edge_table<decltype(q2)&> tq(edges_, u0, q2);
    detail::edge_table<decltype(p2)&> tp(edges_, u0, p2);
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t i = k; i < n; ++i) {
        photon_[row(i) + k] = bin_rate(k, i, q1, tq);
        pair_[row(i) + k] = 2 * bin_rate(k, i, p1, tp);  // e⁺ and e⁻: S gains two per pair
      }
  }

  [[nodiscard]] static constexpr std::size_t row(std::size_t i) noexcept { return i * (i + 1) / 2; }

  // ---- solution ----
  // Solves (p − A) X = source for the three species (A: the rate matrix, lower triangular in
  // energy; D, S, γ as in the header comment). p = 0 with the unit source in bin 0 is the
  // depth-integrated (T = ∞) track length.
  void substitute(double p, const std::vector<double>* source_d,
                  const std::vector<double>* source_s, const std::vector<double>* source_g,
                  std::vector<double>& d, std::vector<double>& s, std::vector<double>& g) const {
    const std::size_t n = bins();
    d.assign(n, 0.0);
    s.assign(n, 0.0);
    g.assign(n, 0.0);
    const double sigma_pair = kernels_.pair_probability();
    for (std::size_t i = 0; i < n; ++i) {
      const double* jr = &jump_[row(i)];
      double in_d = source_d ? (*source_d)[i] : (i == 0 ? 1.0 : 0.0);
      double in_s = source_s ? (*source_s)[i] : 0.0;
      if (i > 0) {
        in_d += drift_[i - 1] * d[i - 1];
        in_s += drift_[i - 1] * s[i - 1];
      }
      for (std::size_t k = 0; k < i; ++k) {
        in_d += jr[k] * d[k];
        in_s += jr[k] * s[k];
      }
      const double diag = p + out_[i] + drift_[i];
      d[i] = in_d / diag;
      if (!settings_.secondaries) continue;
      const double* pr = &photon_[row(i)];
      const double* qr = &pair_[row(i)];
      double in_g = (source_g ? (*source_g)[i] : 0.0) + pr[i] * d[i];
      for (std::size_t k = 0; k < i; ++k) {
        in_g += pr[k] * (d[k] + s[k]);
        in_s += qr[k] * g[k];
      }
      // 2×2 at bin i: (p+σ)g − P_ii s = in_g ; −Q_ii g + diag s = in_s
      const double a = p + sigma_pair;
      const double det = a * diag - pr[i] * qr[i];
      g[i] = (in_g * diag + pr[i] * in_s) / det;
      s[i] = (a * in_s + qr[i] * in_g) / det;
    }
  }

  void solve() {
    const std::size_t n = bins();
    std::vector<double> d, s, g;
    if (std::isinf(thickness_)) {
      substitute(0.0, nullptr, nullptr, nullptr, d, s, g);
    } else {
      // Crank–Nicolson in depth, X' = AX, X(0) = unit in bin 0: with Y = X_{m+1} + X_m,
      // (2/Δt − A) Y = (4/Δt) X_m, and the track length over the step is (Δt/2) Y (trapezoid,
      // which makes Σ exact for the T → ∞ limit: the sum telescopes to −A⁻¹X(0)).
      const auto steps =
          static_cast<std::size_t>(std::max(40.0, std::ceil(thickness_ / settings_.depth_step_X0)));
      const double dt = thickness_ / static_cast<double>(steps);
      std::vector<double> xd(n, 0.0), xs(n, 0.0), xg(n, 0.0), yd, ys, yg;
      xd[0] = 1;
      d.assign(n, 0.0);
      s.assign(n, 0.0);
      g.assign(n, 0.0);
      for (std::size_t m = 0; m < steps; ++m) {
        for (std::size_t i = 0; i < n; ++i) {
          xd[i] *= 4 / dt;
          xs[i] *= 4 / dt;
          xg[i] *= 4 / dt;
        }
        substitute(2 / dt, &xd, &xs, &xg, yd, ys, yg);
        for (std::size_t i = 0; i < n; ++i) {
          d[i] += 0.5 * dt * yd[i];
          s[i] += 0.5 * dt * ys[i];
          g[i] += 0.5 * dt * yg[i];
          xd[i] = yd[i] - xd[i] * dt / 4;
          xs[i] = ys[i] - xs[i] * dt / 4;
          xg[i] = yg[i] - xg[i] * dt / 4;
        }
      }
    }
    // Cumulative track lengths at the edges, per species (Crank–Nicolson can leave roundoff-size
    // negative bins, |x| < 1e-12 of the total, which are set to 0).
    const bool e_beam = beam_ == beam_particle::electron;
    auto bin_value = [&](shower_species which, std::size_t i) {
      switch (which) {
        case shower_species::primary:
          return d[i];
        case shower_species::secondary:
          return s[i];
        case shower_species::photon:
          return g[i];
        case shower_species::electron:
          return (e_beam ? d[i] : 0.0) + 0.5 * s[i];
        case shower_species::positron:
          return (e_beam ? 0.0 : d[i]) + 0.5 * s[i];
      }
      return 0.0;
    };
    for (const auto which :
         {shower_species::electron, shower_species::positron, shower_species::photon,
          shower_species::primary, shower_species::secondary}) {
      auto& t = tables_[static_cast<std::size_t>(which)];
      t.cum.assign(n + 1, 0.0);
      for (std::size_t i = 0; i < n; ++i)
        t.cum[i + 1] = t.cum[i] + std::max(0.0, bin_value(which, i));
      t.slope = detail::monotone_slopes(edges_, t.cum);
    }
    jump_.clear();
    photon_.clear();
    pair_.clear();
  }

  // ---- interpolation ----
  struct table {
    std::vector<double> cum;    // cumulative track length [X0] at the λ edges
    std::vector<double> slope;  // its derivative in λ at the edges (monotone cubic)
  };

  [[nodiscard]] const table& cumulative(shower_species which) const noexcept {
    return tables_[static_cast<std::size_t>(which)];
  }

  // Cubic Hermite value (or λ-derivative) of the cumulative table tb in bin i at λ.
  [[nodiscard]] double hermite(const table& tb, std::size_t i, double lambda,
                               bool derivative) const {
    return detail::hermite_cumulative(edges_, tb.cum, tb.slope, i, lambda, derivative);
  }

  [[nodiscard]] double lambda_of(double energy, const char* what) const {
    if (!std::isfinite(energy) || !(energy >= e_lo_ * (1 - 1e-12)))
      semivisible::detail::throw_invalid(
          fmt::format("semivisible::production::shower_track_length::{}", what), "energy", energy,
          fmt::format(">= energy_lo = {} GeV", e_lo_));
    return std::max(0.0, std::min(std::log(e0_ / energy), edges_.back()));
  }
  [[nodiscard]] std::size_t bin_of(double lambda) const noexcept {
    const auto it = std::upper_bound(edges_.begin(), edges_.end(), lambda);
    const auto i = static_cast<std::size_t>(it - edges_.begin());
    return std::min(i == 0 ? 0 : i - 1, bins() - 1);
  }

  double e0_;
  double thickness_;
  double e_lo_;
  shower_settings settings_;
  beam_particle beam_;
  detail::cascade_kernels kernels_{};
  double critical_energy_ = 0;
  std::vector<double> edges_;
  std::vector<double> jump_, photon_, pair_, out_, drift_;
  std::array<table, 5> tables_{};
};

}  // namespace semivisible::production
