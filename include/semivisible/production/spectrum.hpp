// semivisible/production/spectrum.hpp — the collinear A′ energy spectrum a production source
// gives: dN/dE_A′ per particle on target at ε = 1 above an energy threshold, as quadrature nodes
// and cumulative tables (what the yield's decay-probability precompute needs).
//
// A spectrum is immutable once built and shared between threads (std::shared_ptr<const ...>).
// Several sources of one experiment add up (`spectrum_sum`): the cumulative tables and the node
// lists of the parts are summed and concatenated, so one yield precompute sees all of them.
// Production ∝ ε² for every source, so the spectrum at ε is ε² times this one.
#pragma once

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semivisible/error.hpp"

namespace semivisible::production {

/// dN/dE_A′ per particle on target at ε = 1 for E_A′ in [energy_threshold, energy_top].
class energy_spectrum {
 public:
  virtual ~energy_spectrum() = default;
  energy_spectrum() = default;
  energy_spectrum(const energy_spectrum&) = default;
  energy_spectrum& operator=(const energy_spectrum&) = default;

  [[nodiscard]] virtual double mass_aprime() const noexcept = 0;       ///< GeV
  [[nodiscard]] virtual double energy_threshold() const noexcept = 0;  ///< lowest E_A′ [GeV]
  [[nodiscard]] virtual double energy_top() const noexcept = 0;        ///< highest E_A′ [GeV]
  /// A′ per particle on target above the threshold, at ε = 1.
  [[nodiscard]] virtual double per_particle() const noexcept = 0;
  /// ∫_{threshold}^{E} dE′ (dN/dE′)/E′ at ε = 1 [1/GeV].
  [[nodiscard]] virtual double cumulative_over_energy(double energy) const = 0;
  /// Quadrature nodes E_A′ [GeV] and weights × dN/dE_A′: Σ w_i f(E_i) ≈ ∫ dN f (at ε = 1).
  [[nodiscard]] virtual const std::vector<double>& node_energies() const noexcept = 0;
  [[nodiscard]] virtual const std::vector<double>& node_weights() const noexcept = 0;
  /// Energies [GeV] where the density has a δ-function (resonant annihilation: all A′ at one
  /// energy), so that integrals over the spectrum can put an edge there. Empty by default.
  [[nodiscard]] virtual std::vector<double> breakpoints() const { return {}; }
};

/// The sum of several spectra of one mass and one threshold (the sources of an experiment).
class spectrum_sum final : public energy_spectrum {
 public:
  explicit spectrum_sum(std::vector<std::shared_ptr<const energy_spectrum>> parts)
      : parts_(std::move(parts)) {
    constexpr const char* fn = "semivisible::production::spectrum_sum";
    if (parts_.empty()) throw invalid_parameter(fmt::format("{}: needs at least one part", fn));
    for (const auto& p : parts_) {
      if (!p) throw invalid_parameter(fmt::format("{}: a part is null", fn));
      if (p->mass_aprime() != parts_.front()->mass_aprime())
        semivisible::detail::throw_invalid(
            fn, "part mass_aprime", p->mass_aprime(),
            fmt::format("= {} (all parts of one mass)", parts_.front()->mass_aprime()));
      if (p->energy_threshold() != parts_.front()->energy_threshold())
        semivisible::detail::throw_invalid(fn, "part energy_threshold", p->energy_threshold(),
                                           fmt::format("= {} (all parts above one threshold)",
                                                       parts_.front()->energy_threshold()));
      // An empty part does not widen the range (the χ2 decay table spreads its nodes over it).
      if (p->per_particle() > 0) top_ = std::max(top_, p->energy_top());
      total_ += p->per_particle();
      energies_.insert(energies_.end(), p->node_energies().begin(), p->node_energies().end());
      weights_.insert(weights_.end(), p->node_weights().begin(), p->node_weights().end());
    }
  }

  [[nodiscard]] double mass_aprime() const noexcept override {
    return parts_.front()->mass_aprime();
  }
  [[nodiscard]] double energy_threshold() const noexcept override {
    return parts_.front()->energy_threshold();
  }
  [[nodiscard]] double energy_top() const noexcept override {
    return top_ > 0 ? top_ : energy_threshold();
  }
  [[nodiscard]] double per_particle() const noexcept override { return total_; }
  [[nodiscard]] double cumulative_over_energy(double energy) const override {
    double c = 0;
    for (const auto& p : parts_) c += p->cumulative_over_energy(energy);
    return c;
  }
  [[nodiscard]] const std::vector<double>& node_energies() const noexcept override {
    return energies_;
  }
  [[nodiscard]] const std::vector<double>& node_weights() const noexcept override {
    return weights_;
  }
  [[nodiscard]] std::vector<double> breakpoints() const override {
    std::vector<double> b;
    for (const auto& p : parts_) {
      const auto q = p->breakpoints();
      b.insert(b.end(), q.begin(), q.end());
    }
    std::sort(b.begin(), b.end());
    return b;
  }
  [[nodiscard]] const std::vector<std::shared_ptr<const energy_spectrum>>& parts() const noexcept {
    return parts_;
  }

 private:
  std::vector<std::shared_ptr<const energy_spectrum>> parts_;
  double top_ = 0;  // 0 until a non-empty part is seen; then the largest top of those
  double total_ = 0;
  std::vector<double> energies_, weights_;
};

}  // namespace semivisible::production
