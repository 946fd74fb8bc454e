// tests/relic/freeze_out_cases.hpp — freeze-out problems shared by the tests that compare the
// library's Boltzmann solver with independent integrators (Boost.Odeint, GSL).
#pragma once

#include <cmath>
#include <vector>

#include "semivisible/relic/boltzmann.hpp"

namespace semivisible::relic::test {

struct freeze_out_case {
  std::vector<species> species_list;
  double (*sigma_v)(double);  ///< ⟨σ_eff v⟩(x) [GeV⁻²]
};

/// s-wave coannihilation with a Boltzmann-suppressed partner (Δ = 0.4 m1); an s + p-wave single
/// species; a constant s-wave freezing out during e⁺e⁻ annihilation (m1 = 2 MeV).
inline std::vector<freeze_out_case> freeze_out_cases() {
  return {{{{0.02, 2.0}, {0.028, 2.0}},
           [](double x) { return 1e-7 * std::exp(-0.4 * x) * (1 + 3 / x); }},
          {{{0.3, 4.0}}, [](double x) { return 2e-9 * (1 + 6 / x); }},
          {{{0.002, 2.0}}, [](double) { return 3e-8; }}};
}

}  // namespace semivisible::relic::test
