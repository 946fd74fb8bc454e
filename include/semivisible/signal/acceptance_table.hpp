// semivisible/signal/acceptance_table.hpp — the mean probability that a decay is seen, for any
// proper decay length, from a weighted sample of decaying particles with their accepted intervals.
//
// Event i (weight w_i, Σ w_i = 1 over all produced events) is seen when it decays at a position
// z ∈ [a_ik, b_ik] (detector/plane_acceptance.hpp); its decay point along the beam follows
// e^{−z u_i/(d_z cτ)}, u = 1/(βγ), d_z the direction cosine. With s = 1/cτ and c = u a/d_z,
// d = u b/d_z (d = +inf for an open interval),
//   P(s) = Σ_i w_i Σ_k (e^{−s c_ik} − e^{−s d_ik}),
// the sum of a "finite" part (both ends finite) and an "open" part (Σ w e^{−s c}), each positive.
// ε changes only s: each is tabulated once on a uniform grid in ln s with its exact slope and
// interpolated by cubic Hermite polynomials in (ln s, ln P) — as signal/decay_table.hpp; below
// the grid a Taylor series (s·d_max < 1e-7), above it 0 (every exponent > 500). Relative accuracy
// < 2e-3 where P > 1e-100 (tested against the direct sum). Building the table: at the nodes with
// s·max(d, c) ≤ 0.05 (about half of them) P and P′ come from the power series in s with the
// moments Σ w (d^k − c^k), Σ w c^k (k ≤ 14, truncation < 0.05^14/14! ≈ 1e-29 relative; every term
// is bounded by s·Σw(d − c)·(s d_max)^{k−1}/(k − 1)!, so no cancellation), not from a sum of
// exponentials over the events. `relative_error(s)` is the Monte Carlo
// precision of P(s): √(Σ_i p_i²)/Σ_i p_i with p_i the event's own probability.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "semivisible/numerics/uniform_hermite.hpp"

namespace semivisible::signal {

/// One accepted interval of one event, already scaled: P_i = w (e^{−s c} − e^{−s d}).
struct acceptance_entry {
  double weight;
  double c, d;        ///< u a/d_z, u b/d_z (d may be +inf)
  std::size_t event;  ///< the event index (entries of one event share it: for the MC error)
};

class acceptance_table {
 public:
  static constexpr std::size_t table_points = 112;

  acceptance_table() = default;

  /// From the entries of all events (weights summing to the fraction of produced events).
  explicit acceptance_table(std::vector<acceptance_entry> entries) : entries_(std::move(entries)) {
    double c_min = std::numeric_limits<double>::infinity(), d_max = 0, c_max = 0;
    for (const auto& e : entries_) {
      if (!(e.weight > 0) || !(e.d > e.c)) continue;
      c_min = std::min(c_min, e.c);
      if (std::isfinite(e.d)) {
        d_max = std::max(d_max, e.d);
        finite_ = true;
        s1_ += e.weight * (e.d - e.c);
        s2_ += e.weight * (e.d * e.d - e.c * e.c);
      } else {
        c_max = std::max(c_max, e.c);
        open_ = true;
        w_open_ += e.weight;
        c1_open_ += e.weight * e.c;
      }
    }
    if (!finite_ && !open_) return;  // nothing is ever seen: P = 0
    const double scale = std::max(d_max, c_max);
    x0_ = std::log(1e-7 / std::max(scale, 1e-300));
    const double x1 = std::log(500.0 / std::max(c_min, 1e-300 * scale));
    dx_ = (x1 - x0_) / static_cast<double>(table_points - 1);
    // Moments for the power series in units of `scale` (so that no power overflows):
    // fin[k] = Σ w ((d/scale)^k − (c/scale)^k), opn[k] = Σ w (c/scale)^k. The differences are
    // accumulated as d^k − c^k = d (d^{k−1} − c^{k−1}) + c^{k−1} (d − c): no cancellation.
    std::array<double, series_terms + 2> fin{}, opn{};
    for (const auto& e : entries_) {
      if (!(e.weight > 0) || !(e.d > e.c)) continue;
      const double cs = e.c / scale;
      double ck = e.weight;  // w (c/scale)^k
      if (std::isfinite(e.d)) {
        const double ds = e.d / scale, gap = (e.d - e.c) / scale;
        double diff = 0;  // w ((d/scale)^k − (c/scale)^k)
        for (std::size_t k = 1; k < fin.size(); ++k) {
          diff = ds * diff + ck * gap;
          ck *= cs;
          fin[k] += diff;
        }
      } else {
        for (std::size_t k = 0; k < opn.size(); ++k) {
          opn[k] += ck;
          ck *= cs;
        }
      }
    }
    for (std::size_t t = 0; t < table_points; ++t) {
      const double s = std::exp(x0_ + dx_ * static_cast<double>(t));
      double pf = 0, df = 0, po = 0, dop = 0;
      if (const double y = s * scale; y <= series_reach) {
        // With term_k = (−y)^k/k!, y = s·scale: P_f = −Σ_{k≥1} term_k fin[k] (fin[0] = 0),
        // P_f′ = scale Σ_{k≥0} term_k fin[k+1], P_o = Σ_{k≥0} term_k opn[k],
        // P_o′ = −scale Σ_{k≥0} term_k opn[k+1] (′ = d/ds).
        double term = 1;
        for (std::size_t k = 0; k <= series_terms; ++k) {
          pf -= term * fin[k];
          df += term * fin[k + 1];
          po += term * opn[k];
          dop -= term * opn[k + 1];
          term *= -y / static_cast<double>(k + 1);
        }
        store(t, s, pf, scale * df, po, scale * dop);
        continue;
      }
      for (const auto& e : entries_) {
        // e^{−sc} is exactly 0 beyond −745.2, and so is the entry: skip its three exp calls
        // (in glibc's slow path there; most entries at the top of the grid)
        if (!(e.weight > 0) || !(e.d > e.c) || s * e.c > underflow_exponent) continue;
        const double ec = std::exp(-s * e.c);
        if (std::isfinite(e.d)) {
          // e^{−sc} − e^{−sd} = e^{−sc}(−expm1(−s(d − c))): no cancellation for s(d − c) ≪ 1.
          const double ed = std::exp(-s * e.d);
          pf += e.weight * ec * -std::expm1(-s * (e.d - e.c));
          df += e.weight * (-e.c * ec + e.d * ed);
        } else {
          po += e.weight * ec;
          dop += e.weight * -e.c * ec;
        }
      }
      store(t, s, pf, df, po, dop);
    }
  }

  /// P at s = 1/cτ [1/m].
  [[nodiscard]] double probability(double s) const noexcept {
    if (!(s > 0)) return open_ ? w_open_ : 0.0;
    return probability_ln(std::log(s));
  }
  /// P at ln s.
  [[nodiscard]] double probability_ln(double x) const noexcept {
    if (!finite_ && !open_) return 0.0;
    if (x < x0_) {  // Taylor series: s·max(d) < 1e-7
      const double s = std::exp(x);
      return (finite_ ? s * s1_ - 0.5 * s * s * s2_ : 0.0) + (open_ ? w_open_ - s * c1_open_ : 0.0);
    }
    if (x >= x0_ + dx_ * static_cast<double>(table_points - 1)) return 0.0;
    double p = 0;
    if (finite_) p += std::exp(hermite(ln_f_, slope_f_, x));
    if (open_) p += std::exp(hermite(ln_o_, slope_o_, x));
    return p;
  }

  /// P(s) by the direct sum over the entries (no table): the tests' reference.
  [[nodiscard]] double direct(double s) const noexcept {
    double p = 0;
    for (const auto& e : entries_)
      if (e.weight > 0 && e.d > e.c)
        p += e.weight * (std::exp(-s * e.c) - (std::isfinite(e.d) ? std::exp(-s * e.d) : 0.0));
    return p;
  }

  /// The Monte Carlo relative precision of P(s) (see the header comment); 0 when P = 0.
  [[nodiscard]] double relative_error(double s) const {
    std::vector<std::pair<std::size_t, double>> per_event;
    for (const auto& e : entries_)
      if (e.weight > 0 && e.d > e.c)
        per_event.emplace_back(
            e.event,
            e.weight * (std::exp(-s * e.c) - (std::isfinite(e.d) ? std::exp(-s * e.d) : 0.0)));
    std::sort(per_event.begin(), per_event.end());
    double sum = 0, sum2 = 0, current = 0;
    for (std::size_t i = 0; i < per_event.size(); ++i) {
      current += per_event[i].second;
      if (i + 1 == per_event.size() || per_event[i + 1].first != per_event[i].first) {
        sum += current;
        sum2 += current * current;
        current = 0;
      }
    }
    return sum > 0 ? std::sqrt(sum2) / sum : 0.0;
  }

  [[nodiscard]] std::size_t entries() const noexcept { return entries_.size(); }
  /// The stored entries (tests and diagnostics).
  [[nodiscard]] const std::vector<acceptance_entry>& entry_list() const noexcept {
    return entries_;
  }
  /// The long-lifetime limit of P/s: Σ w (d − c) (finite part) [m].
  [[nodiscard]] double slope_at_zero() const noexcept { return s1_; }
  /// The fraction seen when the particle is stable (open intervals only).
  [[nodiscard]] double stable_fraction() const noexcept { return w_open_; }

 private:
  /// Nodes with s·max(d, c) up to this use the power series (see the header comment).
  static constexpr double series_reach = 0.05;
  static constexpr double underflow_exponent = 746;  ///< e^{−x} = 0 in double for x above it
  static constexpr std::size_t series_terms = 14;

  void store(std::size_t t, double s, double pf, double df, double po, double dop) noexcept {
    ln_f_[t] = pf > 0 ? std::log(pf) : -1e300;
    slope_f_[t] = pf > 0 ? s * df / pf : 0;
    ln_o_[t] = po > 0 ? std::log(po) : -1e300;
    slope_o_[t] = po > 0 ? s * dop / po : 0;
  }

  [[nodiscard]] double hermite(const std::array<double, table_points>& y,
                               const std::array<double, table_points>& d, double x) const noexcept {
    return numerics::uniform_hermite(y, d, x0_, dx_, x);
  }

  std::vector<acceptance_entry> entries_;
  bool finite_ = false, open_ = false;
  double s1_ = 0, s2_ = 0, w_open_ = 0, c1_open_ = 0;
  double x0_ = 0, dx_ = 1;
  std::array<double, table_points> ln_f_{}, slope_f_{}, ln_o_{}, slope_o_{};
};

}  // namespace semivisible::signal
