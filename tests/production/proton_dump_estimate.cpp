// proton_dump_estimate.cpp — a standalone order-of-magnitude estimate of the visible-A′ (A′ →
// e⁺e⁻, μ⁺μ⁻) exclusion at NuCal (π⁰ decays, proton brem) and CHARM (η decays), to check that the
// production building blocks give the right size. NOT a recast: it is not built into the test
// suite (no *.test.cpp), has no tuning, and its detector model is deliberately crude:
//   * the A′ flies in a straight line from the target (z = 0); it decays in [L1, L2] with
//     P = exp(−L1/λ) − exp(−L2/λ) (λ = (p/m) cτ, Γ = Γ_ee + Γ_μμ, hadrons ignored: m < 0.35 GeV);
//   * NuCal: decay products collinear with the A′, accepted if the decay point is inside the
//     r < 1.3 m cylinder (the decay interval is cut at R/tanθ), E_A′ > 3 GeV;
//   * CHARM: accepted if the A′ line crosses the z = L2 plane inside the 3 × 3 m² square centred
//     5 m off axis (φ averaged on 256 points), E_A′ > 1 GeV (an assumption);
//   * efficiency 1, signal BR = Γ_visible/Γ = 1 here (no hadrons);
//   * 90 % CL: N_sig ≥ 2.3 (0 events, no background) — the edges move as N_up^(1/4) (lower)
//     and logarithmically (upper) if the experiments' own N_up is used.
// Build and run (from the repository root):
//   g++ -std=c++20 -O2 -Iinclude tests/production/proton_dump_estimate.cpp -lfmt -o /tmp/estimate
//   /tmp/estimate
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numbers>
#include <tuple>
#include <vector>

#include "semivisible/constants.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/production/meson_decay.hpp"
#include "semivisible/production/meson_spectrum.hpp"
#include "semivisible/production/proton_bremsstrahlung.hpp"

namespace sp = semivisible::production;
namespace sc = semivisible::constants;

namespace {

struct aprime_sample {
  double energy, momentum, theta, phi, weight;  // weight: A′ per POT at ε = 1
};

/// An accepted A′: decay interval [a, b] [m], geometric fraction, momentum [GeV], weight.
struct accepted {
  double a, b, fraction, momentum, weight;
};

struct experiment {
  const char* name;
  double pot, energy_min;
  /// ε-independent geometry: the decay interval and the accepted fraction of one A′.
  std::function<accepted(const aprime_sample&)> geometry;
};

std::vector<accepted> accept(const experiment& x, const std::vector<aprime_sample>& a) {
  std::vector<accepted> out;
  for (const auto& s : a) {
    if (s.energy < x.energy_min) continue;
    const auto g = x.geometry(s);
    if (g.fraction > 0 && g.b > g.a) out.push_back(g);
  }
  return out;
}

double decay_prob(double a, double b, double lambda) {
  if (!(b > a)) return 0.0;
  return std::exp(-a / lambda) - std::exp(-b / lambda);
}

double ctau_m(double m, double eps) {
  const double g = semivisible::physics::aprime_width_leptons(m, eps, sc::mass_electron) +
                   semivisible::physics::aprime_width_leptons(m, eps, sc::mass_muon);
  return sc::hbar_c / g;
}

std::vector<aprime_sample> from_mesons(const sp::meson_spectrum& s, double m, double theta_cut) {
  std::vector<aprime_sample> out;
  const sp::decay_angle_rule rule(16, 8);
  const double br = sp::branching_ratio_gamma_aprime(s.settings().which, m);
  if (br == 0.0) return out;
  for (const auto& n : s.nodes()) {
    if (n.theta > theta_cut) continue;  // cannot reach the detector after the decay kink
    for (const auto& r : rule.nodes) {
      const auto a =
          sp::decay_to_lab(s.mass(), n.momentum, n.theta, m, r.cos_theta_star, r.phi_star);
      out.push_back({a.energy, a.momentum, a.theta, a.phi, n.weight * r.weight * br});
    }
  }
  return out;
}

std::vector<aprime_sample> from_brem(const sp::proton_bremsstrahlung& b, double m) {
  std::vector<aprime_sample> out;
  for (const auto& n : b.nodes())
    out.push_back({n.energy, std::sqrt(n.energy * n.energy - m * m), n.theta, 0.0, n.weight});
  return out;
}

double signal(const experiment& x, const std::vector<accepted>& a, double m, double eps) {
  const double ct = ctau_m(m, eps);
  double n = 0.0;
  for (const auto& s : a) n += s.weight * s.fraction * decay_prob(s.a, s.b, s.momentum / m * ct);
  return x.pot * eps * eps * n;
}

void scan(const experiment& x, const std::vector<aprime_sample>& all, double m, double lo_ref,
          double hi_ref) {
  const auto a = accept(x, all);
  const double n_up = 2.3;
  double lower = 0, upper = 0;
  bool inside = false;
  const int steps = 350;
  for (int i = 0; i <= steps; ++i) {
    const double eps = std::pow(10.0, -10.0 + 7.0 * i / steps);
    const double n = signal(x, a, m, eps);
    if (!inside && n >= n_up && i > 0) {
      inside = true;
      lower = eps;  // grid resolution: 7 decades / 350 = 4.7 %
    }
    if (inside && n < n_up) {
      upper = eps;
      break;
    }
  }
  std::printf("  %-7s m = %6.3f GeV: eps in [%.2e, %.2e]   published anchor [%.2e, %.2e]\n", x.name,
              m, lower, upper, lo_ref, hi_ref);
}

}  // namespace

int main() {
  const double nucal_r = 1.3;
  experiment nucal{"NuCal", 1.7e18, 3.0, [&](const aprime_sample& s) {
                     const double t = std::tan(s.theta);
                     const double end = t > 0 ? std::min(87.0, nucal_r / t) : 87.0;
                     return accepted{64.0, end, 1.0, s.momentum, s.weight};
                   }};
  experiment charm{
      "CHARM", 2.4e18, 1.0, [&](const aprime_sample& s) {
        const double r = 515.0 * std::tan(s.theta);
        if (r < 3.5 || r > std::hypot(1.5, 6.5)) return accepted{0, 0, 0, 0, 0};
        int hit = 0;
        const int nphi = 256;
        for (int k = 0; k < nphi; ++k) {
          const double phi = 2 * std::numbers::pi * (k + 0.5) / nphi;
          const double x = r * std::cos(phi), y = r * std::sin(phi);
          if (std::abs(x) < 1.5 && std::abs(y - 5.0) < 1.5) ++hit;
        }
        return accepted{480.0, 515.0, static_cast<double>(hit) / nphi, s.momentum, s.weight};
      }};

  std::printf("NuCal, pi0 decays (70 GeV p on Fe, BMPT primary pi0 multiplicity):\n");
  sp::meson_spectrum_settings ns;
  ns.beam_energy = 70.0;
  ns.target_mass_number = 55.845;
  const sp::meson_spectrum nucal_pi0(ns);
  std::printf("  pi0 per POT = %.3f\n", nucal_pi0.multiplicity());
  for (auto [m, lo, hi] :
       {std::tuple{0.003, 3.882e-07, 3.698e-04}, std::tuple{0.05, 1.021e-07, 1.762e-05}}) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto a = from_mesons(nucal_pi0, m, 0.05);
    scan(nucal, a, m, lo, hi);
    std::printf(
        "           (%zu A' nodes, %.0f ms incl. 350 eps points)\n", a.size(),
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("NuCal, proton bremsstrahlung (70 GeV, z in [0.1, 0.9], pT < 1 GeV):\n");
  for (auto [m, lo, hi] :
       {std::tuple{0.01, 8.222e-07, 9.550e-05}, std::tuple{0.3, 1.421e-07, 1.381e-06}}) {
    const auto t0 = std::chrono::steady_clock::now();
    const sp::proton_bremsstrahlung b(m);
    const auto a = from_brem(b, m);
    std::printf("  yield per POT (eps = 1) = %.4e\n", b.yield());
    scan(nucal, a, m, lo, hi);
    std::printf(
        "           (%.0f ms)\n",
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("CHARM, eta decays (400 GeV p on Cu):\n");
  for (double eta_per_pot : {0.0, 0.26}) {
    sp::meson_spectrum_settings cs;
    cs.which = sp::meson::eta;
    if (eta_per_pot > 0) cs.mesons_per_pot = eta_per_pot;
    const sp::meson_spectrum eta(cs);
    std::printf(
        "  eta per POT = %.3f%s\n", eta.multiplicity(),
        eta_per_pot > 0 ? " (Tsai et al. value quoted in the brief)" : " (BMPT pi0 x 0.078)");
    for (auto [m, lo, hi] :
         {std::tuple{0.01, 3.599e-07, 3.510e-05}, std::tuple{0.2, 9.070e-08, 1.216e-06}}) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto a = from_mesons(eta, m, 0.1);
      scan(charm, a, m, lo, hi);
      std::printf(
          "           (%zu A' nodes, %.0f ms)\n", a.size(),
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
  }
  std::printf("CHARM, pi0 decays added (not in the anchor's label; for orientation only):\n");
  {
    const sp::meson_spectrum pi0(sp::meson_spectrum_settings{});
    sp::meson_spectrum_settings cs;
    cs.which = sp::meson::eta;
    const sp::meson_spectrum eta(cs);
    auto a = from_mesons(pi0, 0.01, 0.1);
    const auto b = from_mesons(eta, 0.01, 0.1);
    a.insert(a.end(), b.begin(), b.end());
    scan(charm, a, 0.01, 3.599e-07, 3.510e-05);
  }
  return 0;
}
