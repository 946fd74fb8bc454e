// semivisible/production/detail/proton_dump_sampling.hpp — what the proton-dump sources
// (meson_decay_source.hpp, proton_bremsstrahlung_source.hpp) share: a binned energy spectrum
// built from flat boxes and points, and a focused draw of weighted "parents" (mesons, brem nodes).
//
// binned_spectrum: dN/dE_A′ piecewise constant on `bins` log-spaced bins between the threshold
// and the top energy. A box (all A′ of one meson: the lab energy is flat between E− and E+,
// meson_decay.hpp) is spread over the bins it overlaps in proportion to the overlap; a point (a
// brem quadrature node) goes to its bin. The spectrum is then exactly that histogram: nodes are
// 2-point Gauss–Legendre per bin (exact for a linear f within a bin), the cumulative ∫dE/E is exact
// for the piecewise-constant density, and per_particle() = Σ deposits exactly. Histogramming
// smooths the density over one bin (Δ ln E = ln(top/threshold)/bins, ≈ 0.08 at 128 bins); the
// event-level acceptance uses the sources' exact parents, not these nodes.
//
// draw_parents: n draws of (parent i, azimuth φ) from the mixture
//   q(i, φ) = ½ w_i/(2πW) + ½ (1/n_c) Σ_c 1[φ ∈ window_c(i)] w_i/(2π A_c),
// W = Σ w_i; window_c(i) = the azimuths at which parent i (polar angle θ_i, angular spread δ_i of
// its A′ about it) points within radius_c + δ_i of cone c's centre (θ_c, φ_c) in the small-angle
// metric d² = θ_i² + θ_c² − 2θ_iθ_c cos(φ − φ_c); A_c = Σ w_i a_ic, a_ic the window's fraction
// of 2π. Each draw carries the weight (w_i/2π)/(n q(i, φ)) ≤ 2W/n, and the weights are rescaled
// to sum to W exactly (the self-normalised estimator; the event-level acceptance normalises by
// the sum anyway). The unfocused half keeps every parent reachable (a defensive mixture:
// Hesterberg, Technometrics 37 (1995) 185), so the estimate is unbiased for any cone. Streams are
// counter-based (numerics/random_stream.hpp): reproducible, thread-count independent, and free of
// rejection loops (inverse-CDF draws only).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/numerics/random_stream.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/spectrum.hpp"

namespace semivisible::production::detail {

/// A positive finite number setting, or an error naming `where`, the key and the value.
inline double positive_setting(const nlohmann::json& v, const std::string& where,
                               std::string_view key) {
  if (!v.is_number() || !std::isfinite(v.get<double>()) || !(v.get<double>() > 0))
    throw invalid_parameter(
        fmt::format("{}: {} = {}, but must be a finite number > 0", where, key, v.dump()));
  return v.get<double>();
}

/// dN/dE_A′ per particle on target, piecewise constant on log-spaced bins (header comment).
class binned_spectrum : public energy_spectrum {
 public:
  static constexpr std::size_t default_bins = 128;

  /// An empty histogram on [threshold, top] (no bins when top ≤ threshold: the spectrum is 0).
  binned_spectrum(double mass_aprime, double threshold, double top, std::size_t bins = default_bins)
      : mass_(mass_aprime), threshold_(threshold), top_(std::max(top, threshold)) {
    if (top_ > threshold_ && bins > 0) {
      edges_.resize(bins + 1);
      dlog_ = std::log(top_ / threshold_) / static_cast<double>(bins);
      for (std::size_t k = 0; k <= bins; ++k)
        edges_[k] = threshold_ * std::exp(dlog_ * static_cast<double>(k));
      edges_.back() = top_;
      content_.assign(bins, 0.0);
    }
  }

  /// Adds `weight` spread uniformly in energy over [lo, hi] ∩ [threshold, top] — the part of the
  /// box outside is dropped, so pass only the part above the threshold.
  void add_box(double lo, double hi, double weight) {
    if (content_.empty() || !(weight > 0)) return;
    if (!(hi > lo)) return add_point(lo, weight);
    const double density = weight / (hi - lo);
    for (std::size_t k = bin_of(std::max(lo, threshold_)); k < content_.size(); ++k) {
      const double a = std::max(lo, edges_[k]), b = std::min(hi, edges_[k + 1]);
      if (b > a) content_[k] += density * (b - a);
      if (edges_[k + 1] >= hi) break;
    }
  }

  /// Adds `weight` at energy e (to its bin; nothing outside [threshold, top]).
  void add_point(double e, double weight) {
    if (content_.empty() || !(weight > 0) || e < threshold_ || e > top_) return;
    content_[bin_of(e)] += weight;
  }

  /// Builds nodes and cumulative tables; call once after the deposits.
  void finish() {
    const double g = 0.5 / std::numbers::sqrt3;  // 2-point Gauss–Legendre on [0, 1]: ½ ± g
    cumulative_.assign(content_.size() + 1, 0.0);
    total_ = 0;
    for (std::size_t k = 0; k < content_.size(); ++k) {
      const double a = edges_[k], b = edges_[k + 1];
      total_ += content_[k];
      cumulative_[k + 1] = cumulative_[k] + content_[k] / (b - a) * std::log(b / a);
      if (!(content_[k] > 0)) continue;
      for (const double t : {0.5 - g, 0.5 + g}) {
        energies_.push_back(a + t * (b - a));
        weights_.push_back(0.5 * content_[k]);
      }
    }
  }

  [[nodiscard]] double mass_aprime() const noexcept override { return mass_; }
  [[nodiscard]] double energy_threshold() const noexcept override { return threshold_; }
  [[nodiscard]] double energy_top() const noexcept override { return top_; }
  [[nodiscard]] double per_particle() const noexcept override { return total_; }
  [[nodiscard]] double cumulative_over_energy(double energy) const override {
    if (content_.empty() || !(energy > threshold_)) return 0.0;
    if (energy >= top_) return cumulative_.back();
    const std::size_t k = bin_of(energy);
    const double a = edges_[k], b = edges_[k + 1];
    return cumulative_[k] + content_[k] / (b - a) * std::log(energy / a);
  }
  [[nodiscard]] const std::vector<double>& node_energies() const noexcept override {
    return energies_;
  }
  [[nodiscard]] const std::vector<double>& node_weights() const noexcept override {
    return weights_;
  }
  /// The bin edges [GeV] and contents [A′ per particle on target] (tests).
  [[nodiscard]] const std::vector<double>& bin_edges() const noexcept { return edges_; }
  [[nodiscard]] const std::vector<double>& bin_contents() const noexcept { return content_; }

 private:
  [[nodiscard]] std::size_t bin_of(double e) const noexcept {
    const double v = std::log(e / threshold_) / dlog_;
    auto k = v > 0 ? static_cast<std::size_t>(v) : std::size_t{0};
    k = std::min(k, content_.size() - 1);
    while (k > 0 && e < edges_[k]) --k;  // rounding of the log near an edge
    while (k + 1 < content_.size() && e >= edges_[k + 1]) ++k;
    return k;
  }

  double mass_, threshold_, top_;
  double dlog_ = 1, total_ = 0;
  std::vector<double> edges_, content_, cumulative_, energies_, weights_;
};

/// A weighted parent of A′: polar angle θ [rad] to the beam, weight [A′ per particle on target],
/// angular spread δ [rad] of its A′ about its direction (0: the A′ is the parent itself).
struct parent {
  double theta;
  double weight;
  double spread;
};

/// One draw: the parent's index, the azimuth φ [rad] given to it, and the weight the draw carries
/// [A′ per particle on target].
struct parent_draw {
  std::size_t index;
  double phi;
  double weight;
};

/// Half-width [rad] of the azimuth window in which a parent at θ with spread δ points within
/// `cone.radius` + δ of the cone's centre (header comment): 0 (never) to π (always).
[[nodiscard]] inline double azimuth_window(double theta, double spread,
                                           const focus_cone& cone) noexcept {
  const double r = cone.radius + spread;
  if (!(theta * cone.theta > 0)) return std::abs(theta - cone.theta) <= r ? std::numbers::pi : 0.0;
  const double kappa = (theta * theta + cone.theta * cone.theta - r * r) / (2 * theta * cone.theta);
  if (kappa <= -1) return std::numbers::pi;
  if (kappa >= 1) return 0.0;
  return std::acos(kappa);
}

/// A rotation of a sampled A′ about the beam axis aimed at the cones: the target is azimuthally
/// symmetric, so any A′ may be rotated by ψ; ψ is drawn from ½ uniform + ½ (uniform within the
/// azimuth window of a cone that the A′'s polar angle θ can reach, one such cone at random). Sets
/// phi to the rotated azimuth and returns the weight factor (1/2π)/q(φ) ≤ 2. No cone within
/// reach: a uniform rotation, factor 1.
[[nodiscard]] inline double rotate_towards_cones(double theta, double& phi,
                                                 const std::vector<focus_cone>& cones,
                                                 numerics::random_stream& r) {
  constexpr std::size_t max_cones = 16;  // one per region at most (experiment::max_regions)
  const double two_pi = 2 * std::numbers::pi;
  double half[max_cones];
  std::size_t index[max_cones];
  std::size_t valid = 0;
  for (std::size_t j = 0; j < cones.size() && valid < max_cones; ++j) {
    const double h = azimuth_window(theta, 0.0, cones[j]);
    if (h > 0) {
      half[valid] = h;
      index[valid++] = j;
    }
  }
  if (valid == 0) {
    phi += two_pi * r.uniform();
    return 1.0;
  }
  const double n = static_cast<double>(valid);
  if (r.uniform() < 0.5) {
    phi += two_pi * r.uniform();
  } else {
    const auto k = std::min<std::size_t>(static_cast<std::size_t>(r.uniform() * n), valid - 1);
    phi = cones[index[k]].phi + half[k] * (2 * r.uniform() - 1);
  }
  double focused = 0;
  for (std::size_t k = 0; k < valid; ++k)
    if (std::abs(std::remainder(phi - cones[index[k]].phi, two_pi)) <= half[k])
      focused += std::numbers::pi / half[k];
  return 1.0 / (0.5 + 0.5 * focused / n);
}

/// n draws from `parents` (header comment); `tag` separates the sources' streams. Empty when the
/// parents carry no weight. Each draw's stream r (key seed, stream·7919 + tag, draw index) has
/// been advanced past the parent choice; `next(r, draw)` is called for every draw to continue it.
template <class Continue>
void draw_parents(const std::vector<parent>& parents, std::size_t n, const sampling_options& o,
                  std::uint64_t tag, Continue&& next) {
  double total = 0;
  std::vector<double> cdf(parents.size());
  for (std::size_t i = 0; i < parents.size(); ++i)
    cdf[i] = total += std::max(parents[i].weight, 0.0);
  if (!(total > 0) || n == 0) return;
  // Cones that some parent can reach: their window half-widths and weighted CDFs.
  struct cone_state {
    focus_cone cone;
    std::vector<double> half_width, cdf;
    double total = 0;
  };
  std::vector<cone_state> cones;
  for (const auto& c : o.cones) {
    cone_state s{c, std::vector<double>(parents.size()), std::vector<double>(parents.size()), 0.0};
    for (std::size_t i = 0; i < parents.size(); ++i) {
      const double h = azimuth_window(parents[i].theta, parents[i].spread, c);
      s.half_width[i] = h;
      s.cdf[i] = s.total += std::max(parents[i].weight, 0.0) * h / std::numbers::pi;
    }
    if (s.total > 0) cones.push_back(std::move(s));
  }
  auto pick = [](const std::vector<double>& c, double u) {
    const auto it = std::lower_bound(c.begin(), c.end(), u * c.back());
    return std::min<std::size_t>(static_cast<std::size_t>(it - c.begin()), c.size() - 1);
  };
  const double two_pi = 2 * std::numbers::pi;
  const double nc = static_cast<double>(cones.size());
  std::vector<parent_draw> draws;
  draws.reserve(n);
  std::vector<numerics::random_stream> streams;
  streams.reserve(n);
  double sum = 0;
  for (std::size_t k = 0; k < n; ++k) {
    numerics::random_stream r(o.seed, o.stream * 7919 + tag, k);
    std::size_t i = 0;
    double phi = 0;
    if (cones.empty() || r.uniform() < 0.5) {
      i = pick(cdf, r.uniform());
      phi = two_pi * r.uniform();
    } else {
      const auto c =
          std::min<std::size_t>(static_cast<std::size_t>(r.uniform() * nc), cones.size() - 1);
      i = pick(cones[c].cdf, r.uniform());
      phi = cones[c].cone.phi + cones[c].half_width[i] * (2 * r.uniform() - 1);
    }
    // Mixture density over the target's: 1/(½ + ½ (W/n_c) Σ_c 1[φ ∈ window_c(i)]/A_c).
    double focused = 0;
    for (const auto& c : cones) {
      const double d = std::remainder(phi - c.cone.phi, two_pi);
      if (std::abs(d) <= c.half_width[i]) focused += total / c.total;
    }
    const double w = cones.empty() ? 1.0 : 1.0 / (0.5 + 0.5 * focused / nc);
    sum += w;
    draws.push_back({i, phi, w});
    streams.push_back(r);
  }
  const double scale = total / sum;  // Σ weights = W exactly
  for (std::size_t k = 0; k < n; ++k) {
    draws[k].weight *= scale;
    next(streams[k], draws[k]);
  }
}

}  // namespace semivisible::production::detail
