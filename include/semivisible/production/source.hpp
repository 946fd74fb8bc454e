// semivisible/production/source.hpp — the seam every production mechanism plugs into: a source
// gives the A′ produced per particle on target, for one A′ mass, above an energy threshold.
//
// A source is an immutable value built from an experiment's beam and target (production/
// sources.hpp builds them from the experiment file's `production` list); it is shared between
// threads. `spectrum(m, E_min)` is the collinear energy spectrum (production/spectrum.hpp);
// `samples(spectrum, options)` turns it into weighted A′ with directions for the event-level
// acceptance of distant detectors (default: along the beam; sources with an angular model
// override it). docs/extending.md says how to add a source. `key()` identifies the configuration,
// so that caches can share spectra between experiments with the same beam, target and settings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "semivisible/production/spectrum.hpp"

namespace semivisible::production {

/// One produced A′ of a weighted sample: energy [GeV], polar angle to the beam θ [rad], azimuth φ
/// [rad] and weight = A′ per particle on target at ε = 1 that it stands for.
struct aprime_sample {
  double energy;
  double theta;
  double phi;
  double weight;
};

/// A cone of directions around a detector plane as seen from the production point: polar angle θ
/// and azimuth φ of its centre [rad] and its angular radius [rad].
struct focus_cone {
  double theta = 0;
  double phi = 0;
  double radius = 0;
};

/// How many angles per energy node, and the stream (counter-based: reproducible, thread-count
/// independent).
struct sampling_options {
  std::size_t per_node = 32;
  std::uint64_t seed = 20261201;
  std::uint64_t stream = 0;  ///< e.g. the mass index, so that masses get independent streams
  /// The angular size [rad] of the smallest detector that will look at the samples (0: none).
  /// Sources may then draw half of their angles from a distribution focused on it and weight them
  /// (a defensive mixture, weights ≤ 2: Hesterberg, Technometrics 37 (1995) 185), so that a
  /// small, distant detector sees more samples at the same cost.
  double focus_angle = 0;
  /// The detector planes that will look at the samples, as cones (empty: none). The proton-dump
  /// sources draw half of their parents (mesons, brem nodes) aimed at them and weight them (the
  /// same defensive mixture), which matters for an off-axis detector (CHARM).
  std::vector<focus_cone> cones{};
};

class source {
 public:
  virtual ~source() = default;
  source() = default;
  source(const source&) = default;
  source& operator=(const source&) = default;

  /// The name in the experiment file (`bremsstrahlung`, `pi0_decay`, ...).
  [[nodiscard]] virtual std::string_view name() const noexcept = 0;
  /// A string identifying the source and everything its spectra depend on (beam, target, settings).
  [[nodiscard]] virtual std::string key() const = 0;
  /// dN/dE_A′ per particle on target at ε = 1 for E_A′ ≥ energy_min [GeV], for m_A′ [GeV].
  [[nodiscard]] virtual std::shared_ptr<const energy_spectrum> spectrum(
      double mass_aprime, double energy_min) const = 0;
  /// Weighted A′ with directions for this source's own `spectrum` (built by spectrum() for the
  /// same mass). Default: every node along the beam (θ = 0), one sample per node.
  [[nodiscard]] virtual std::vector<aprime_sample> samples(const energy_spectrum& spectrum,
                                                           const sampling_options&) const {
    std::vector<aprime_sample> out;
    for (std::size_t i = 0; i < spectrum.node_energies().size(); ++i)
      out.push_back({spectrum.node_energies()[i], 0.0, 0.0, spectrum.node_weights()[i]});
    return out;
  }
};

}  // namespace semivisible::production
