// semivisible/signal/detail/lab_decay_tables.hpp — the boost distributions of the decaying
// particle, as decay_table nodes (1/βγ, weight): the χ2 of A′ → χ1χ2 in flight folded with the A′
// spectrum (Gauss–Legendre on intervals refined towards the upper edge, with edges at the ends of
// any line in the spectrum), or the A′ itself (the spectrum's own nodes). Used by yield.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include <fmt/format.h>
#include <boost/math/quadrature/gauss.hpp>

#include "semivisible/error.hpp"
#include "semivisible/kinematics/two_body.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/production/spectrum.hpp"
#include "semivisible/signal/decay_table.hpp"

namespace semivisible::signal::detail {

/// Nodes (1/βγ, weight) of the χ2 lab-energy distribution h(E) = ∫dE_A′ (dN/dE_A′)/N ·
/// flat(E; f₋E_A′, f₊E_A′), by Gauss–Legendre on intervals refined towards the upper edge.
inline decay_table chi2_decay_table(const production::energy_spectrum& spectrum,
                                    const model::parameters<double>& point, double& mean_energy) {
  constexpr std::size_t nodes_per_interval = 5;
  const double mass_aprime = point.mass_aprime();  // = the spectrum's to 1e-12 (checked by caller)
  const auto rf = kinematics::rest_frame(mass_aprime, point.mass_chi1(), point.mass_chi2());
  const double f_lo = (rf.energy_chi2 - rf.momentum) / mass_aprime;
  const double f_hi = (rf.energy_chi2 + rf.momentum) / mass_aprime;
  const double e_cut = spectrum.energy_threshold();
  const double e_top = spectrum.energy_top();
  std::array<double, 4> b{f_lo * e_cut, f_hi * e_cut, f_lo * e_top, f_hi * e_top};
  std::sort(b.begin(), b.end());
  std::vector<double> edges{b[0], 0.5 * (b[0] + b[1]), b[1], 0.5 * (b[1] + b[2]), b[2]};
  double u = b[3] - b[2];
  const double u_min = 1e-5 * b[3];
  while (u > u_min) {
    u /= 3.0;
    edges.push_back(b[3] - std::max(u, 0.0));
  }
  edges.back() = b[3];
  // A line in the A′ spectrum (resonant annihilation) makes h(E) a box: put edges at its ends.
  for (const double e_line : spectrum.breakpoints())
    for (const double f : {f_lo, f_hi})
      if (f * e_line > b[0] && f * e_line < b[3]) edges.push_back(f * e_line);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  using rule = boost::math::quadrature::gauss<double, nodes_per_interval>;
  const auto& ab = rule::abscissa();
  const auto& wt = rule::weights();
  const double m2 = point.mass_chi2();
  const double norm = 1.0 / ((f_hi - f_lo) * spectrum.per_particle());
  std::vector<double> node_u, node_w;
  double total = 0, mean_e = 0;
  auto add_node = [&](double e, double w) {
    const double h = (spectrum.cumulative_over_energy(std::min(e / f_lo, e_top)) -
                      spectrum.cumulative_over_energy(std::max(e / f_hi, e_cut))) *
                     norm;
    if (!(h > 0)) return;
    const double p = std::sqrt(std::max(e * e - m2 * m2, 1e-6 * m2 * m2));
    node_u.push_back(m2 / p);
    node_w.push_back(w * h);
    total += w * h;
    mean_e += w * h * e;
  };
  for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
    const double mid = 0.5 * (edges[k] + edges[k + 1]), half = 0.5 * (edges[k + 1] - edges[k]);
    for (std::size_t j = 0; j < ab.size(); ++j) {
      add_node(mid - half * ab[j], half * wt[j]);
      if (ab[j] != 0) add_node(mid + half * ab[j], half * wt[j]);
    }
  }
  // Normalise to exactly 1 (the quadrature of h reproduces 1 to ~1e-4).
  for (auto& w : node_w) w /= total;
  mean_energy = mean_e / total;
  return decay_table(std::move(node_u), std::move(node_w));
}

/// Nodes (1/βγ, weight) of the A′ itself (visible model): the spectrum's own nodes.
inline decay_table aprime_decay_table(const production::energy_spectrum& spectrum,
                                      double& mean_energy) {
  const double m = spectrum.mass_aprime();
  std::vector<double> node_u, node_w;
  double total = 0, mean_e = 0;
  for (std::size_t i = 0; i < spectrum.node_energies().size(); ++i) {
    const double e = spectrum.node_energies()[i], w = spectrum.node_weights()[i];
    if (!(w > 0)) continue;
    node_u.push_back(m / std::sqrt((e - m) * (e + m)));
    node_w.push_back(w);
    total += w;
    mean_e += w * e;
  }
  if (!(total > 0))
    throw semivisible::domain_error(
        fmt::format("semivisible::signal::yield_model: no A' of mass {} GeV above {} GeV", m,
                    spectrum.energy_threshold()));
  for (auto& w : node_w) w /= total;
  mean_energy = mean_e / total;
  return decay_table(std::move(node_u), std::move(node_w));
}

}  // namespace semivisible::signal::detail
