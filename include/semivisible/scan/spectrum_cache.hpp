// semivisible/scan/spectrum_cache.hpp — a thread-safe cache of A′ spectra shared by scans.
//
// A source's spectrum (production/spectrum.hpp, 2–40 ms to build for dark bremsstrahlung) depends
// only on the source — beam, target, settings, identified by source::key() — the A′ mass and the
// energy threshold; not on the decay regions, the exposure or the dark-sector
// couplings. Scans of several planes or experiments over the same m_A′ grid (the NA64 2021
// reproduction runs five) build each spectrum once through this cache. Lookups take a mutex; a
// spectrum is built outside the lock, so two threads may build the same one concurrently, and
// the first stored wins (both are identical).
#pragma once

#include <cmath>
#include <memory>
#include <string>
#include <tuple>

#include "semivisible/production/sources.hpp"
#include "semivisible/production/spectrum.hpp"
#include "semivisible/scan/detail/build_once_map.hpp"

namespace semivisible::scan {

class spectrum_cache {
 public:
  /// Source `src`'s spectrum for m_A′ [GeV] above energy_min [GeV], built on a miss.
  [[nodiscard]] std::shared_ptr<const production::energy_spectrum> get(
      const production::source& src, double mass_aprime, double energy_min) {
    // m_A′ to 1e-12 relative, so that 3·(m/3) finds m.
    key k{src.key(), std::llround(std::log(mass_aprime) * 1e12), energy_min};
    return map_.get(std::move(k), [&] { return src.spectrum(mass_aprime, energy_min); });
  }

  [[nodiscard]] std::size_t size() const { return map_.size(); }

 private:
  using key = std::tuple<std::string, long long, double>;
  detail::build_once_map<key, std::shared_ptr<const production::energy_spectrum>> map_;
};

/// A cache as a part provider for production::source_set (the provider keeps the cache alive).
[[nodiscard]] inline production::part_provider cached(std::shared_ptr<spectrum_cache> cache) {
  return [cache = std::move(cache)](const production::source& src, double m, double lo) {
    return cache->get(src, m, lo);
  };
}

}  // namespace semivisible::scan
