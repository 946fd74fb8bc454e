// examples/02_yield_table.cpp — the expected signal table of the NA64 2021 benchmark
// (α_D = 0.1, m_A′ = 3 m_χ1, Δ = 0.4 m_χ1) for m_A′ from 10 MeV to 1 GeV, at the ε of the
// muon g−2 band centre (a_μ^{A′} = 251e-11, Pospelov's one-loop formula), for the 2016–2018 NA64
// experiment (the built-in data/experiments/na64-2016-2018.json) and 2.84e11 electrons on target.
#include <cmath>

#include <fmt/format.h>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/signal/yield.hpp"

namespace {
// ε at which the A′ loop gives Δa_μ (Pospelov, PRD 80 (2009) 095002; docs/formula-notes.md §6).
double epsilon_gm2_central(double mass_aprime) {
  using semivisible::constants::mass_muon;
  auto f = [&](double z) {
    return 2 * mass_muon * mass_muon * z * (1 - z) * (1 - z) /
           (mass_muon * mass_muon * (1 - z) * (1 - z) + mass_aprime * mass_aprime * z);
  };
  const double loop = boost::math::quadrature::gauss_kronrod<double, 31>::integrate(f, 0.0, 1.0);
  return std::sqrt(semivisible::constants::delta_amu_2021 * 2 * semivisible::constants::pi /
                   (semivisible::constants::alpha_em * loop));
}
}  // namespace

int main() {
  const auto na64 = semivisible::experiment::builtin("na64-2016-2018");
  fmt::print("# NA64 2016-2018, 2.84e11 EOT, benchmark, epsilon at the centre of the g-2 band\n");
  fmt::print("{:>8} {:>10} {:>10} {:>11} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "m_A'[GeV]",
             "epsilon", "ctau[m]", "A'/EOT", "P_S1", "P_S2", "N_S1", "N_S2", "N_total");
  for (double m : {0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.39, 0.45, 0.5, 0.7, 1.0}) {
    const double eps = epsilon_gm2_central(m);
    const semivisible::signal::yield_model model(na64, semivisible::model::benchmark(m, eps));
    const auto r = model.events(eps);  // regions in file order: S1, S2
    fmt::print("{:8.3f} {:10.3e} {:10.3e} {:11.3e} {:10.3e} {:10.3e} {:10.3g} {:10.3g} {:10.3g}\n",
               m, eps, r.ctau_m, r.aprime_per_particle, r.regions[0].probability,
               r.regions[1].probability, r.regions[0].events, r.regions[1].events, r.total());
  }
}
