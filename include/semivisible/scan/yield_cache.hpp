// semivisible/scan/yield_cache.hpp — a thread-safe cache of per-mass yield models shared by the
// ε and α_D planes of one experiment.
//
// A signal::yield_model holds an experiment's whole per-mass precompute (spectra, decay tables,
// the event-level acceptance tables of a beam dump: ≈ 10–50 ms per mass); events(ε, α_D) is then
// O(50 ns). The (m_A′, ε) plane at fixed α_D and the (m_A′, α_D) plane at ε_(g−2) build the same
// model point at each m_A′ (scan/planes.hpp point_at: m_A′, the fixed α_D, m_A′/m_χ1, Δ/m_χ1), so
// a reproduction that draws both (`na64-2021`) builds each model once through this cache. Keyed
// by the experiment's name, the production sources used, the model kind, the exposure, the
// sampling settings and the four numbers of the point: share one cache only between configs of
// the same experiment contents (the scan configs of one run). Thread-safe
// (detail/build_once_map.hpp; two builds of one key are identical: the Monte Carlo streams are
// seeded by the mass).
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <tuple>

#include "semivisible/model/parameters.hpp"
#include "semivisible/scan/detail/build_once_map.hpp"
#include "semivisible/signal/yield.hpp"

namespace semivisible::scan {

class yield_cache {
 public:
  using builder = std::function<std::shared_ptr<const signal::yield_model>()>;

  /// The model of `experiment_key` at `point` (ε is irrelevant: the model rescales it), built by
  /// `build` on a miss.
  [[nodiscard]] std::shared_ptr<const signal::yield_model> get(
      const std::string& experiment_key, const model::parameters<double>& point,
      const signal::yield_options& options, const builder& build) {
    key k{experiment_key,
          static_cast<int>(options.kind),
          options.exposure,
          options.sampling.per_node,
          options.sampling.seed,
          options.sampling.stream,
          options.sampling.focus_angle,
          point.mass_aprime(),
          point.mass_chi1(),
          point.mass_chi2(),
          point.alpha_dark()};
    return map_.get(std::move(k), build);
  }

  [[nodiscard]] std::size_t size() const { return map_.size(); }

 private:
  using key = std::tuple<std::string, int, double, std::size_t, std::uint64_t, std::uint64_t,
                         double, double, double, double, double>;
  detail::build_once_map<key, std::shared_ptr<const signal::yield_model>> map_;
};

}  // namespace semivisible::scan
