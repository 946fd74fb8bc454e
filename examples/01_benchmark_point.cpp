// examples/01_benchmark_point.cpp — the NA64 2021 benchmark point (m_A′ = 3 m_χ1, Δ = 0.4 m_χ1,
// α_D = 0.1): χ2 widths (exact and the paper's Eq. 2), the derived K, cτ(χ2), the lab decay
// length at E_χ2 = 50 GeV, A′ widths and branching ratios, and the muon g−2 ε band, for a few
// m_A′. Every ε here is the g−2 central value, the coupling the paper's Fig. 5 uses.
#include <cmath>
#include <initializer_list>
#include <utility>

#include <fmt/format.h>

#include "semivisible/semivisible.hpp"

int main() {
  namespace sp = semivisible::physics;
  fmt::print("NA64 2021 benchmark: alpha_D = 0.1, m_A' = 3 m_chi1, Delta = 0.4 m_chi1\n");
  fmt::print(
      "epsilon = epsilon_g-2 (central, Delta a_mu = 251e-11); lab length at E_chi2 = 50 GeV\n\n");
  fmt::print("{:>8} {:>10} {:>12} {:>12} {:>8} {:>11} {:>11} {:>11} {:>10}\n", "m_A'[GeV]", "eps",
             "G_exact[GeV]", "G_Eq2[GeV]", "K", "ctau[m]", "L_lab[m]", "G_A'[GeV]", "BR(chi12)");
  const std::initializer_list<double> masses = {0.005, 0.01, 0.02, 0.05, 0.1,
                                                0.2,   0.3,  0.39, 0.5,  1.0};
  for (double ma : masses) {
    const double eps = sp::epsilon_for_delta_amu(ma, 251e-11);
    const auto p = semivisible::model::benchmark(ma, eps);
    const double total = sp::chi2_width_total(p);
    const auto aprime = sp::aprime_width(p);
    const double lab = sp::lab_decay_length(p.mass_chi2(), 50.0, total);
    fmt::print(
        "{:>9.3f} {:>10.4e} {:>12.4e} {:>12.4e} {:>8.4f} {:>11.4e} {:>11.4e} {:>11.4e} {:>10.7f}\n",
        ma, eps, sp::chi2_width_exact(p), sp::chi2_width_kfactor(p), sp::k_factor(p),
        sp::chi2_proper_decay_length(p), lab, aprime.total(), aprime.branching_chi1chi2());
  }
  fmt::print("\n(ctau = inf: Delta <= 2 m_e, chi2 cannot decay.)\n\n");

  fmt::print("Muon g-2 epsilon bands (one A' loop, Pospelov 2009)\n");
  for (const auto& [name, d] : {std::pair{"2021 (251 +- 59)e-11", sp::gm2_discrepancy_2021},
                                std::pair{"BNL  (279 +- 76)e-11", sp::gm2_discrepancy_bnl}}) {
    fmt::print("\n{}\n{:>9} {:>10} {:>11} {:>11} {:>11} {:>11} {:>11}\n", name, "m_A'[GeV]", "F",
               "eps(-2s)", "eps(-1s)", "eps", "eps(+1s)", "eps(+2s)");
    for (double ma : {0.001, 0.02, 0.05, 0.2, 0.39, 0.5, 1.0}) {
      const auto b = sp::gm2_band(ma, d);
      fmt::print("{:>9.3f} {:>10.6f} {:>11.4e} {:>11.4e} {:>11.4e} {:>11.4e} {:>11.4e}\n", ma,
                 sp::gm2_loop_function(ma, semivisible::constants::mass_muon), b.two_sigma_low,
                 b.one_sigma_low, b.central, b.one_sigma_high, b.two_sigma_high);
    }
  }
  return 0;
}
