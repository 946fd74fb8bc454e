// Uses the umbrella header and checks one number, so a broken package cannot pass.
#include <semivisible/semivisible.hpp>

#include <cmath>
#include <cstdio>

int main() {
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  const double gamma = semivisible::physics::aprime_width(p).chi1chi2;
  // Γ(A′→χ1χ2)/(α_D m_A′/3) = 0.770974 at the benchmark (docs/formula-notes.md §2, T10).
  const double ratio = gamma / (0.1 * 0.3 / 3.0);
  std::printf("downstream: Gamma(A'->chi1 chi2)/(alpha_D m/3) = %.6f\n", ratio);
  return std::abs(ratio - 0.770974) < 1e-5 ? 0 : 1;
}
