// semivisible/production/source.hpp — the seam every production mechanism plugs into: a source
// gives the A′ produced per particle on target, for one A′ mass, above an energy threshold.
//
// A source is an immutable value built from an experiment's beam and target (production/
// sources.hpp builds them from the experiment file's `production` list); it is shared between
// threads. `spectrum(m, E_min)` is the collinear energy spectrum (production/spectrum.hpp); the
// event-level acceptance of distant detectors adds the A′ angle (docs/extending.md says how to add
// a source). `key()` identifies the configuration, so that caches can share spectra between
// experiments with the same beam, target and source settings.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "semivisible/production/spectrum.hpp"

namespace semivisible::production {

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
};

}  // namespace semivisible::production
