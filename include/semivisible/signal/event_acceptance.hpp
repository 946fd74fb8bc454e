// semivisible/signal/event_acceptance.hpp — event-level acceptance of the regions with a detector
// plane or a visible-energy threshold: a weighted sample of produced A′ is decayed through the
// model's chain once per mass, and every region gets the table of P(seen | cτ)
// (signal/acceptance_table.hpp), so that each ε is a re-weighting of stored events.
//
// Chain: the A′ (energy, direction and weight from the production sources' samples,
// production/source.hpp) decays
//   semi-visible: A′ → χ1 χ2 isotropic in its rest frame (kinematics/lorentz.hpp), then
//                 χ2 → χ1 e⁺e⁻ from the exact matrix element (kinematics/chi2_decay.hpp);
//                 the decaying particle is χ2, its visible products the e⁺e⁻;
//   visible:      A′ → e⁺e⁻ isotropic (the channel an electromagnetic detector sees; the other
//                 channels enter through BR(e⁺e⁻) in signal/yield.hpp); the decaying particle is
//                 the A′.
// Each event's decaying particle has u = 1/(βγ) and direction d; its products' lab momenta fix
// where along the flight the event is seen (detector/plane_acceptance.hpp): intervals [a, b] of z
// inside the region's decay interval, giving the entries (w, u a/d_z, u b/d_z). The plain
// decay-in-interval entries are kept too (the `probability`/`acceptance` split of the output).
// Deterministic: every event has its own counter-based stream (numerics/random_stream.hpp) keyed by
// (seed, mass stream, event index) — the same events for any thread count. Events below a region's
// A′ energy threshold count as produced but never seen.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "semivisible/constants.hpp"
#include "semivisible/detector/plane_acceptance.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/kinematics/chi2_decay.hpp"
#include "semivisible/kinematics/lorentz.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/numerics/random_stream.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/signal/acceptance_table.hpp"
#include "semivisible/signal/model_kind.hpp"

namespace semivisible::signal {

/// One region's event-level result: the table of P(decay in the interval and seen), and the
/// entries of the plain decay-in-interval probability (summed directly when asked: diagnostics
/// and the yield's `probability`/`acceptance` split, not the scans' hot path).
struct region_acceptance {
  acceptance_table seen;
  std::vector<acceptance_entry> decayed;

  /// P(decay in the interval) at s = 1/cτ (direct sum; s = 0: the stable limit, 0).
  [[nodiscard]] double decay_probability(double s) const noexcept {
    double p = 0;
    for (const auto& e : decayed)
      p += e.weight * (std::exp(-s * e.c) - (std::isfinite(e.d) ? std::exp(-s * e.d) : 0.0));
    return p;
  }
};

namespace detail {
inline detector::plane_geometry plane_of(const experiment::region& r, double production_z) {
  const auto& d = *r.detector;
  detector::plane_geometry g;
  g.z = d.z_m - production_z;
  g.form = d.form == experiment::detector_plane::shape::disc
               ? detector::plane_geometry::shape::disc
               : detector::plane_geometry::shape::rectangle;
  g.half_width = d.half_width_m;
  g.half_height = d.half_height_m;
  g.radius = d.radius_m;
  g.center_x = d.center_x_m;
  g.center_y = d.center_y_m;
  return g;
}
}  // namespace detail

/// The angular size [rad] of the smallest detector plane among the regions `which` (0: none).
[[nodiscard]] inline double focus_angle(const experiment::experiment& e,
                                        const std::vector<std::size_t>& which) {
  double f = 0;
  for (const std::size_t k : which) {
    const auto& r = e.regions.at(k);
    if (!r.detector) continue;
    const auto& d = *r.detector;
    const double size = d.form == experiment::detector_plane::shape::disc
                            ? d.radius_m
                            : std::min(d.half_width_m, d.half_height_m);
    const double angle = size / (d.z_m - e.target.production_z_m);
    f = f == 0 ? angle : std::min(f, angle);
  }
  return f;
}

/// The detector planes of the regions `which` as cones seen from the production point: centre
/// direction (|c|/z_D, atan2(c_y, c_x)) and radius 1.5 × (half-diagonal or disc radius)/z_D — the
/// margin covers the spread of the decay products about their parent. Only a proposal for the
/// sources' importance sampling (any cone keeps the samples unbiased).
[[nodiscard]] inline std::vector<production::focus_cone> focus_cones(
    const experiment::experiment& e, const std::vector<std::size_t>& which) {
  std::vector<production::focus_cone> cones;
  for (const std::size_t k : which) {
    const auto& r = e.regions.at(k);
    if (!r.detector) continue;
    const auto& d = *r.detector;
    const double z = d.z_m - e.target.production_z_m;
    const double size = d.form == experiment::detector_plane::shape::disc
                            ? d.radius_m
                            : std::hypot(d.half_width_m, d.half_height_m);
    cones.push_back({std::hypot(d.center_x_m, d.center_y_m) / z,
                     std::atan2(d.center_y_m, d.center_x_m), 1.5 * size / z});
  }
  return cones;
}

/// Does region r need the event-level engine (a detector plane or a visible-energy threshold)?
[[nodiscard]] inline bool needs_events(const experiment::region& r) noexcept {
  return r.signature == experiment::signature::visible &&
         (r.detector.has_value() || r.visible_energy_min_GeV > 0 ||
          std::isfinite(r.visible_energy_max_GeV));
}

/// The tables of the regions `which` (indices into e.regions) for the model point and `samples`
/// (all produced A′ above the lowest threshold of those regions; weights per particle on target).
/// `stream` keys the random streams (e.g. the mass index of a scan). Returns one entry per index.
[[nodiscard]] inline std::vector<region_acceptance> event_acceptance(
    const experiment::experiment& e, const std::vector<std::size_t>& which,
    const model::parameters<double>& point, model_kind kind,
    const std::vector<production::aprime_sample>& samples, std::uint64_t seed = 20261201,
    std::uint64_t stream = 0) {
  std::vector<std::vector<acceptance_entry>> seen(which.size()), decayed(which.size());
  double total = 0;
  for (const auto& s : samples) total += s.weight;
  std::vector<region_acceptance> out(which.size());
  if (!(total > 0) || kind == model_kind::invisible) return out;
  const double ma = point.mass_aprime(), me = constants::mass_electron;
  std::optional<kinematics::chi2_decay_sampler> chi2;
  if (kind == model_kind::semivisible) {
    if (!(point.splitting() > 2 * me)) return out;  // χ2 stable: no visible decay
    chi2.emplace(point.mass_chi1(), point.mass_chi2(), ma);
  }
  if (kind == model_kind::visible && !(ma > 2 * me)) return out;
  std::vector<std::optional<detector::plane_geometry>> planes;
  for (const std::size_t k : which) {
    const auto& r = e.regions.at(k);
    planes.push_back(r.detector ? std::optional(detail::plane_of(r, e.target.production_z_m))
                                : std::nullopt);
  }
  std::vector<detector::visible_product> products(2);
  std::vector<detector::z_interval> intervals;
  for (std::size_t j = 0; j < which.size(); ++j) {  // one entry per sample, rarely more
    seen[j].reserve(samples.size());
    decayed[j].reserve(samples.size());
  }
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto& s = samples[i];
    if (!(s.weight > 0)) continue;
    numerics::random_stream r(seed, stream * 104729 + 3, i);
    const kinematics::four_momentum aprime =
        kinematics::on_shell(ma, s.energy, kinematics::direction(std::cos(s.theta), s.phi));
    kinematics::four_momentum parent;
    double parent_mass = 0;
    if (chi2) {
      const auto [x2, x1] =
          kinematics::two_body_decay(aprime, ma, point.mass_chi2(), point.mass_chi1(),
                                     2 * r.uniform() - 1, 2 * constants::pi * r.uniform());
      (void)x1;
      const auto ev = chi2->sample(r);
      parent = x2;
      parent_mass = point.mass_chi2();
      const auto em = kinematics::boost_to_lab(ev.lepton_minus, parent, parent_mass);
      const auto ep = kinematics::boost_to_lab(ev.lepton_plus, parent, parent_mass);
      products[0] = {em.momentum, em.energy};
      products[1] = {ep.momentum, ep.energy};
    } else {
      const auto [em, ep] = kinematics::two_body_decay(aprime, ma, me, me, 2 * r.uniform() - 1,
                                                       2 * constants::pi * r.uniform());
      parent = aprime;
      parent_mass = ma;
      products[0] = {em.momentum, em.energy};
      products[1] = {ep.momentum, ep.energy};
    }
    const double p = parent.momentum.norm();
    if (!(p > 0)) continue;
    const Eigen::Vector3d d = parent.momentum / p;
    if (!(d.z() > 0)) continue;
    const double scale = parent_mass / p / d.z();  // u/d_z
    const double w = s.weight / total;
    for (std::size_t j = 0; j < which.size(); ++j) {
      const auto& region = e.regions[which[j]];
      if (s.energy < region.aprime_energy_min_GeV) continue;
      const double a = region.decay_start_m - e.target.production_z_m;
      const double b = region.decay_end_m - e.target.production_z_m;
      decayed[j].push_back({w, scale * a, scale * b, i});
      intervals.clear();
      detector::accepted_intervals(d, products, planes[j] ? &*planes[j] : nullptr,
                                   region.visible_energy_min_GeV, a, b, intervals,
                                   region.visible_energy_max_GeV);
      for (const auto& iv : intervals) seen[j].push_back({w, scale * iv.lo, scale * iv.hi, i});
    }
  }
  for (std::size_t j = 0; j < which.size(); ++j) {
    out[j].seen = acceptance_table(std::move(seen[j]));
    out[j].decayed = std::move(decayed[j]);
  }
  return out;
}

}  // namespace semivisible::signal
