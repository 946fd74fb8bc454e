// semivisible/production/sources.hpp — the production sources of an experiment, built from its
// `production` list, and their summed spectrum per A′ mass.
//
// `source_set(experiment)` builds every listed source (or only those named in `only`, the CLI's
// --production); `spectrum(m, E_min)` is the sum over them, `samples(m, E_min)` their weighted A′
// with directions. The sources of one experiment share its electromagnetic shower. Messages name
// the experiment and the key (`production[1]`); a source of the wrong beam particle (a proton
// source in an electron-beam experiment, or the reverse) is an error naming the beam particle.
// Adding a source: one header implementing
// production::source and one line in `make_source` (docs/extending.md).
#pragma once

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/production/annihilation_source.hpp"
#include "semivisible/production/bremsstrahlung_source.hpp"
#include "semivisible/production/meson_decay_source.hpp"
#include "semivisible/production/proton_bremsstrahlung_source.hpp"
#include "semivisible/production/shower_track_length.hpp"
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

/// The A′ energy a spectrum starts at for a requested threshold: above m_A′ + 4 m_e and 1 % above
/// m_A′, so that the radiating electron (E_e ≥ E_A′ + m_e) has a non-empty x range. The A′
/// dropped there are a phase-space-suppressed sliver (dN/dE_A′ ∝ p_A′ → 0 at E_A′ = m_A′).
[[nodiscard]] inline double effective_threshold(double mass_aprime, double energy_min) noexcept {
  return std::max({energy_min, mass_aprime + 4 * constants::mass_electron, 1.01 * mass_aprime});
}

/// What the sources of one experiment share: its electromagnetic shower (built on first use).
struct source_context {
  std::shared_ptr<const shower_track_length> shower;
  [[nodiscard]] const std::shared_ptr<const shower_track_length>& shower_of(
      const experiment::experiment& e) {
    if (!shower)
      shower = std::make_shared<const shower_track_length>(e.beam.energy_GeV, e.target.thickness_X0,
                                                           lowest_energy_of_interest(e),
                                                           e.target.material);
    return shower;
  }
};

/// Builds the source `spec` (entry `index` of e.production) for experiment e.
[[nodiscard]] inline std::shared_ptr<const source> make_source(const experiment::experiment& e,
                                                               const experiment::source_spec& spec,
                                                               std::size_t index,
                                                               source_context& context) {
  const std::string where =
      fmt::format("experiment '{}': production[{}] '{}'", e.name, index, spec.name);
  const bool proton_source =
      spec.name == "pi0_decay" || spec.name == "eta_decay" || spec.name == "proton_bremsstrahlung";
  const bool electron_source = spec.name == "bremsstrahlung" || spec.name == "annihilation";
  const bool protons = e.beam.particle == experiment::beam_particle::proton;
  if ((proton_source && !protons) || (electron_source && protons))
    throw invalid_parameter(fmt::format("{}: a source for {} beams, but beam.particle = {}", where,
                                        proton_source ? "proton" : "electron and positron",
                                        experiment::to_string(e.beam.particle)));
  if (spec.name == "bremsstrahlung")
    return std::make_shared<const bremsstrahlung_source>(
        e.target.material, e.target.thickness_X0, e.beam.energy_GeV, lowest_energy_of_interest(e),
        spec.settings, context.shower_of(e), where);
  if (spec.name == "annihilation")
    return std::make_shared<const annihilation_source>(e.target.material, context.shower_of(e),
                                                       spec.settings, where);
  if (spec.name == "pi0_decay" || spec.name == "eta_decay")
    return std::make_shared<const meson_decay_source>(
        spec.name == "pi0_decay" ? meson::pi0 : meson::eta, e.beam.energy_GeV,
        e.target.material.atoms.mass_number, spec.settings, where);
  if (spec.name == "proton_bremsstrahlung")
    return std::make_shared<const proton_bremsstrahlung_source>(e.beam.energy_GeV, spec.settings,
                                                                where);
  throw semivisible::domain_error(
      fmt::format("{}: unknown source (known: bremsstrahlung, annihilation for electron and "
                  "positron beams; pi0_decay, eta_decay, proton_bremsstrahlung for proton beams)",
                  where));
}

/// A function giving one source's spectrum for (m_A′, E_min): the source itself, or a cache.
using part_provider = std::function<std::shared_ptr<const energy_spectrum>(
    const source&, double mass_aprime, double energy_min)>;

/// The sources of one experiment.
class source_set {
 public:
  /// All of e's sources, or only those named in `only` (each must be listed by e).
  explicit source_set(const experiment::experiment& e,
                      const std::optional<std::vector<std::string>>& only = std::nullopt) {
    if (e.is_collider())
      throw invalid_parameter(fmt::format(
          "semivisible::production::source_set: experiment '{}' is a collider reinterpretation "
          "of a published limit: it has no production sources",
          e.name));
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
    source_context context;
    for (std::size_t i = 0; i < e.production.size(); ++i) {
      const auto& spec = e.production[i];
      if (only && std::find(only->begin(), only->end(), spec.name) == only->end()) continue;
      sources_.push_back(make_source(e, spec, i, context));
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

  /// The summed spectrum for m_A′ [GeV] above energy_min [GeV] (one source: its own spectrum);
  /// the parts from `get` (default: each source builds its own).
  [[nodiscard]] std::shared_ptr<const energy_spectrum> spectrum(
      double mass_aprime, double energy_min, const part_provider& get = {}) const {
    const double lo = effective_threshold(mass_aprime, energy_min);
    auto part = [&](const source& src) {
      return get ? get(src, mass_aprime, lo) : src.spectrum(mass_aprime, lo);
    };
    if (sources_.size() == 1) return part(*sources_.front());
    std::vector<std::shared_ptr<const energy_spectrum>> parts;
    for (const auto& p : sources_) parts.push_back(part(*p));
    return std::make_shared<const spectrum_sum>(std::move(parts));
  }

  /// Weighted A′ with directions of every source above energy_min (the event-level acceptance).
  [[nodiscard]] std::vector<aprime_sample> samples(double mass_aprime, double energy_min,
                                                   const sampling_options& o,
                                                   const part_provider& get = {}) const {
    const double lo = effective_threshold(mass_aprime, energy_min);
    std::vector<aprime_sample> out;
    for (const auto& p : sources_) {
      const auto s = get ? get(*p, mass_aprime, lo) : p->spectrum(mass_aprime, lo);
      const auto part = p->samples(*s, o);
      out.insert(out.end(), part.begin(), part.end());
    }
    return out;
  }

 private:
  std::vector<std::shared_ptr<const source>> sources_;
};

}  // namespace semivisible::production
