// semivisible/survey/sample_cache.hpp — the A′ samples (energy, angle, weight) of one experiment,
// built once per m_A′ and shared by every (m_A′/m_χ1, Δ/m_χ1) of a survey.
//
// The event-level regions of an experiment (a detector plane, a visible-energy threshold; E137)
// decay a weighted sample of produced A′ per mass point (signal/event_acceptance.hpp). The sample
// depends only on the sources, m_A′, the energy threshold and the sampling options — not on m_χ1,
// Δ or the couplings — and costs 15–50 ms for E137, as much as the acceptance tables of one
// (m_χ1, Δ). A survey visits ~100 (R, f) per m_A′: this cache builds the sample once. The first
// thread that asks for a key builds it; the others wait for that result (std::shared_future), so
// nothing is built twice. At most `capacity` keys are kept (oldest dropped first): the survey walks
// m_A′ in order, so a few entries suffice and memory stays bounded on 10⁷-point maps.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>
#include <vector>

#include "semivisible/production/source.hpp"

namespace semivisible::survey {

class sample_cache {
 public:
  using samples = std::vector<production::aprime_sample>;

  explicit sample_cache(std::size_t capacity = 16) : capacity_(capacity ? capacity : 1) {}

  /// The samples for (m_A′ [GeV], E_min [GeV], options), built by `build()` on a miss.
  template <class Build>
  [[nodiscard]] std::shared_ptr<const samples> get(double mass_aprime, double energy_min,
                                                   const production::sampling_options& o,
                                                   Build&& build) {
    std::uint64_t m_bits = 0, e_bits = 0, f_bits = 0;
    std::memcpy(&m_bits, &mass_aprime, sizeof m_bits);
    std::memcpy(&e_bits, &energy_min, sizeof e_bits);
    std::memcpy(&f_bits, &o.focus_angle, sizeof f_bits);
    const key k{m_bits, e_bits, f_bits, o.per_node, o.seed, o.stream};
    std::promise<std::shared_ptr<const samples>> promise;
    std::shared_future<std::shared_ptr<const samples>> future;
    bool mine = false;
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = map_.find(k); it != map_.end()) {
        future = it->second;
      } else {
        future = promise.get_future().share();
        map_.emplace(k, future);
        order_.push_back(k);
        while (order_.size() > capacity_) {
          map_.erase(order_.front());
          order_.pop_front();
        }
        mine = true;
      }
    }
    if (mine) {
      try {
        promise.set_value(std::make_shared<const samples>(build()));
      } catch (...) {
        promise.set_exception(std::current_exception());
      }
    }
    return future.get();  // rethrows a failed build for every waiter
  }

 private:
  using key = std::tuple<std::uint64_t, std::uint64_t, std::uint64_t, std::size_t, std::uint64_t,
                         std::uint64_t>;
  std::size_t capacity_;
  std::mutex mutex_;
  std::map<key, std::shared_future<std::shared_ptr<const samples>>> map_;
  std::deque<key> order_;
};

}  // namespace semivisible::survey
