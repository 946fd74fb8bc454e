// examples/cli/na64_2021_overlays.hpp — the overlays of `semivisible na64-2021`: the g−2 bands,
// the published invisible limit and the thermal relic line in the (m_A′, ε) and (m_χ1, Δ/m_χ1)
// planes, written as CSV files into DIR/overlays/.
#pragma once

#include <cmath>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "semivisible/io/atomic_file.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/relic/thermal_splitting.hpp"
#include "semivisible/relic/thermal_target.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/planes.hpp"

namespace semivisible::cli::na64 {

namespace fs = std::filesystem;

struct published_point {
  double mass, epsilon;
};

inline void write_text(const fs::path& p, const std::string& text) {
  io::write_atomically(p, text);
}

/// overlays/gm2_band.csv (2021 and BNL bands) and overlays/na64_invisible_2019.csv.
inline void write_gm2_and_reference(const fs::path& tmp, const std::vector<double>& masses,
                                    const std::vector<published_point>& published) {
  std::string csv =
      "mass_aprime_GeV,epsilon_central,epsilon_2sigma_low,epsilon_2sigma_high,"
      "epsilon_bnl_central,epsilon_bnl_2sigma_low,epsilon_bnl_2sigma_high\n";
  for (double m : masses) {
    const auto a = physics::gm2_band(m, physics::gm2_discrepancy_2021);
    const auto b = physics::gm2_band(m, physics::gm2_discrepancy_bnl);
    csv += fmt::format("{},{},{},{},{},{},{}\n", m, a.central, a.two_sigma_low, a.two_sigma_high,
                       b.central, b.two_sigma_low, b.two_sigma_high);
  }
  write_text(tmp / "overlays" / "gm2_band.csv", csv);
  std::string ref = "m_aprime_GeV,epsilon_90\n";
  for (const auto& p : published) ref += fmt::format("{},{}\n", p.mass, p.epsilon);
  write_text(tmp / "overlays" / "na64_invisible_2019.csv", ref);
}

struct relic_overlay {
  std::vector<std::pair<double, double>> line;  // (m_A′, ε)
  std::size_t failures = 0;
};

/// overlays/relic.csv: the thermal relic target (Δ/m_χ1, α_D, m_A′/m_χ1 of c), in parallel.
inline relic_overlay write_relic_line(const fs::path& tmp, const scan::plane_config& c) {
  relic_overlay out;
  const auto masses = scan::log_grid(relic::mass_chi1_min, 0.33, 40);
  std::vector<std::future<relic::target_point>> futures;
  for (double m1 : masses)
    futures.push_back(std::async(std::launch::async, [&c, m1] {
      return relic::thermal_target(m1, c.splitting_ratio, c.alpha_dark, c.mass_ratio);
    }));
  std::string csv = "mass_chi1_GeV,mass_aprime_GeV,y,epsilon,alpha_dark_at_gm2\n";
  for (auto& f : futures) {
    const auto p = f.get();
    if (!p.status.ok()) {
      ++out.failures;
      continue;
    }
    const double m_aprime = c.mass_ratio * p.mass_chi1;
    // α_D giving the relic y at ε = ε_(g−2): y = ε² α_D / (m_A′/m_χ1)⁴ (the width's α_D
    // dependence of ⟨σv⟩ off resonance is neglected for this overlay).
    const double eps_g2 = physics::gm2_band(m_aprime, physics::gm2_discrepancy_2021).central;
    const double ad = p.y * std::pow(c.mass_ratio, 4) / (eps_g2 * eps_g2);
    csv += fmt::format("{},{},{},{},{}\n", p.mass_chi1, m_aprime, p.y, p.epsilon, ad);
    out.line.emplace_back(m_aprime, p.epsilon);
  }
  write_text(tmp / "overlays" / "relic.csv", csv);
  return out;
}

/// overlays/relic_splitting.csv: the relic line in the (m_χ1, Δ/m_χ1) plane at ε = ε_(g−2): the
/// splitting f at which y_relic(m_χ1, f) = ε_(g−2)² α_D / R⁴ (y_relic grows with f: Boltzmann
/// suppression of χ2).
inline void write_relic_splitting(const fs::path& tmp, const scan::plane_config& c) {
  const auto masses = scan::log_grid(3e-3, 0.33, 16);
  std::vector<std::future<std::optional<double>>> futures;
  for (double m1 : masses)
    futures.push_back(std::async(std::launch::async, [&c, m1]() -> std::optional<double> {
      const double eps = scan::epsilon_gm2(c, c.mass_ratio * m1);
      const double y_target = eps * eps * c.alpha_dark / std::pow(c.mass_ratio, 4);
      const auto r = relic::thermal_splitting(m1, y_target, c.alpha_dark, c.mass_ratio);
      return r.status.ok() ? std::optional(r.splitting_ratio) : std::nullopt;
    }));
  std::string csv = "mass_chi1_GeV,splitting\n";
  for (std::size_t i = 0; i < masses.size(); ++i)
    if (const auto f = futures[i].get()) csv += fmt::format("{},{}\n", masses[i], *f);
  write_text(tmp / "overlays" / "relic_splitting.csv", csv);
}

}  // namespace semivisible::cli::na64
