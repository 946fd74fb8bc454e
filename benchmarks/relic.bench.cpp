// Benchmarks of the relic stage: one thermal-target point (table of <sigma v>, root find in
// epsilon, Boltzmann solves), the thermal average and one freeze-out solve.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "semivisible/relic.hpp"

namespace sr = semivisible::relic;

// One m_chi1 point of the target line at the NA64 benchmark (Delta = 0.4 m1, alpha_D = 0.1,
// m_A' = 3 m1); the argument is m_chi1 in MeV. Target: <= 5 ms.
static void BM_relic_point(benchmark::State& state) {
  const double m = static_cast<double>(state.range(0)) * 1e-3;
  for (auto _ : state) benchmark::DoNotOptimize(sr::thermal_target(m, 0.4, 0.1, 3.0).y);
}
BENCHMARK(BM_relic_point)->Arg(10)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);

// The same in the pseudo-Dirac limit Delta -> 0.
static void BM_relic_point_pseudo_dirac(benchmark::State& state) {
  const double m = static_cast<double>(state.range(0)) * 1e-3;
  for (auto _ : state) benchmark::DoNotOptimize(sr::thermal_target(m, 0.0, 0.1, 3.0).y);
}
BENCHMARK(BM_relic_point_pseudo_dirac)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

static void BM_relic_thermal_average(benchmark::State& state) {
  const sr::dark_sector<double> p{0.1, 0.4, 0.1, 3.0, 1e-3};
  const double w = sr::aprime_total_width(p);
  for (auto _ : state) benchmark::DoNotOptimize(sr::thermal_average_chi1chi2(p, w, 0.1 / 20));
}
BENCHMARK(BM_relic_thermal_average)->Unit(benchmark::kMicrosecond);

static void BM_relic_freeze_out_solve(benchmark::State& state) {
  const std::vector<sr::species> chis{{0.1, 2.0}, {0.14, 2.0}};
  for (auto _ : state)
    benchmark::DoNotOptimize(
        sr::solve_freeze_out(chis, [](double x) { return 1e-6 * std::exp(-0.4 * x); }).omega_h2);
}
BENCHMARK(BM_relic_freeze_out_solve)->Unit(benchmark::kMicrosecond);
