// semivisible/production/sources.hpp — the production sources of an experiment, built from its
// `production` list, and their summed spectrum per A′ mass.
//
// `source_set(experiment)` builds every listed source (or only those named in `only`, the CLI's
// --production); `spectrum(m, E_min)` is the sum over them. Messages name the experiment and the
// key (`production[1]`). Adding a source: one header implementing production::source and one line
// in `make_source` (docs/extending.md).
#pragma once

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/production/bremsstrahlung_source.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/spectrum.hpp"

namespace semivisible::production {

/// The lowest A′ energy any region of `e` asks for, floored at 1e-4 of the beam energy (the
/// lower end of the track-length tables: A′ below it are a negligible part of every spectrum).
[[nodiscard]] inline double lowest_energy_of_interest(const experiment::experiment& e) {
  double lo = std::numeric_limits<double>::infinity();
  for (const auto& r : e.regions) lo = std::min(lo, r.aprime_energy_min_GeV);
  return std::max(lo, 1e-4 * e.beam.energy_GeV);
}

/// Builds the source `spec` (entry `index` of e.production) for experiment e.
[[nodiscard]] inline std::shared_ptr<const source> make_source(const experiment::experiment& e,
                                                               const experiment::source_spec& spec,
                                                               std::size_t index) {
  const std::string where =
      fmt::format("experiment '{}': production[{}] '{}'", e.name, index, spec.name);
  if (spec.name == "bremsstrahlung")
    return std::make_shared<const bremsstrahlung_source>(
        e.target.material, e.target.thickness_X0, e.beam.energy_GeV, lowest_energy_of_interest(e),
        spec.settings, where);
  throw semivisible::domain_error(
      fmt::format("{}: this source is not implemented yet (implemented: bremsstrahlung)", where));
}

/// The sources of one experiment.
class source_set {
 public:
  /// All of e's sources, or only those named in `only` (each must be listed by e).
  explicit source_set(const experiment::experiment& e,
                      const std::optional<std::vector<std::string>>& only = std::nullopt) {
    if (only) {
      if (only->empty())
        throw invalid_parameter(
            fmt::format("experiment '{}': the production selection must not be empty", e.name));
      for (const auto& n : *only) {
        const bool listed = std::any_of(e.production.begin(), e.production.end(),
                                        [&](const auto& s) { return s.name == n; });
        if (!listed) {
          std::string list;
          for (const auto& s : e.production)
            list += fmt::format("{}{}", list.empty() ? "" : ", ", s.name);
          throw invalid_parameter(
              fmt::format("experiment '{}': production = '{}' is not one of its sources ({})",
                          e.name, n, list));
        }
      }
    }
    for (std::size_t i = 0; i < e.production.size(); ++i) {
      const auto& spec = e.production[i];
      if (only && std::find(only->begin(), only->end(), spec.name) == only->end()) continue;
      sources_.push_back(make_source(e, spec, i));
    }
  }

  [[nodiscard]] const std::vector<std::shared_ptr<const source>>& sources() const noexcept {
    return sources_;
  }

  /// Names of the sources, comma-separated (for output).
  [[nodiscard]] std::string names() const {
    std::string s;
    for (const auto& p : sources_) s += fmt::format("{}{}", s.empty() ? "" : ",", p->name());
    return s;
  }

  /// Identifies every source's configuration (for spectrum caches).
  [[nodiscard]] std::string key() const {
    std::string k;
    for (const auto& p : sources_) k += p->key() + ";";
    return k;
  }

  /// The summed spectrum for m_A′ [GeV] above energy_min [GeV] (one source: its own spectrum).
  [[nodiscard]] std::shared_ptr<const energy_spectrum> spectrum(double mass_aprime,
                                                                double energy_min) const {
    if (sources_.size() == 1) return sources_.front()->spectrum(mass_aprime, energy_min);
    std::vector<std::shared_ptr<const energy_spectrum>> parts;
    for (const auto& p : sources_) parts.push_back(p->spectrum(mass_aprime, energy_min));
    return std::make_shared<const spectrum_sum>(std::move(parts));
  }

 private:
  std::vector<std::shared_ptr<const source>> sources_;
};

}  // namespace semivisible::production
