// Benchmarks of the physics stage: A′ widths, χ2 widths (exact and Eq. 2), g−2 ε.
// Targets (issue 3): exact χ2 width ≤ 5 µs at 1e-6 relative accuracy, K-form ≤ 50 ns.
#include <benchmark/benchmark.h>

#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/chi2_width.hpp"
#include "semivisible/physics/gm2.hpp"

static void BM_aprime_width(benchmark::State& state) {
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  for (auto _ : state) benchmark::DoNotOptimize(semivisible::physics::aprime_width(p).total());
}
BENCHMARK(BM_aprime_width);

// Argument: m_A′ in MeV at the NA64 2021 benchmark (m_A′ = 3 m_χ1, Δ = 0.4 m_χ1, α_D = 0.1).
static void BM_chi2_width_exact(benchmark::State& state) {
  const auto p = semivisible::model::benchmark(static_cast<double>(state.range(0)) * 1e-3, 1e-3);
  for (auto _ : state) {
    auto q = p;
    benchmark::DoNotOptimize(q);
    benchmark::DoNotOptimize(semivisible::physics::chi2_width_exact(q));
  }
}
BENCHMARK(BM_chi2_width_exact)->Arg(10)->Arg(200)->Arg(390)->Arg(1000)->Arg(10000);

static void BM_chi2_width_kfactor(benchmark::State& state) {
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  for (auto _ : state) {
    auto q = p;
    benchmark::DoNotOptimize(q);
    benchmark::DoNotOptimize(semivisible::physics::chi2_width_kfactor(q));
  }
}
BENCHMARK(BM_chi2_width_kfactor);

// Argument: m_A′ in MeV; ε of the central (251 ± 59)e-11 value.
static void BM_gm2_epsilon(benchmark::State& state) {
  double ma = static_cast<double>(state.range(0)) * 1e-3;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ma);
    benchmark::DoNotOptimize(semivisible::physics::epsilon_for_delta_amu(ma, 251e-11));
  }
}
BENCHMARK(BM_gm2_epsilon)->Arg(20)->Arg(390)->Arg(10000);
