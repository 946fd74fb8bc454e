// semivisible/scan/spectrum_cache.hpp — a thread-safe cache of A′ spectra shared by scans.
//
// The A′ spectrum (production/aprime_spectrum.hpp, ≈ 2–3 ms to build) depends only on m_A′, the
// beam energy, the missing-energy threshold and the ECAL thickness — not on the downstream
// geometry, the exposure or the dark-sector couplings. Scans of several planes or setups over the
// same m_A′ grid (the NA64 2021 reproduction runs five) build each spectrum once through this
// cache. Lookups take a mutex; a spectrum is built outside the lock, so two threads may build
// the same one concurrently, and the first stored wins (both are identical).
#pragma once

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include "semivisible/detector/setup.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/signal/yield.hpp"

namespace semivisible::scan {

class spectrum_cache {
 public:
  /// The spectrum for m_A′ [GeV] in `setup`'s ECAL, built with `track` on a miss.
  [[nodiscard]] std::shared_ptr<const production::aprime_spectrum> get(
      double mass_aprime, const detector::setup& setup,
      const production::primary_track_length& track) {
    // m_A′ to 1e-12 relative, so that 3·(m/3) finds m.
    const key k{std::llround(std::log(mass_aprime) * 1e12), setup.beam_energy_GeV,
                setup.missing_energy_threshold_GeV, setup.ecal_thickness_X0};
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = map_.find(k); it != map_.end()) return it->second;
    }
    auto built = std::make_shared<const production::aprime_spectrum>(
        signal::make_spectrum(mass_aprime, setup, track));
    const std::lock_guard lock(mutex_);
    return map_.try_emplace(k, std::move(built)).first->second;
  }

  [[nodiscard]] std::size_t size() const {
    const std::lock_guard lock(mutex_);
    return map_.size();
  }

 private:
  using key = std::tuple<long long, double, double, double>;
  mutable std::mutex mutex_;
  std::map<key, std::shared_ptr<const production::aprime_spectrum>> map_;
};

}  // namespace semivisible::scan
