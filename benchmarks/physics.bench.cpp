// Benchmarks of the physics stage: A′ widths.
#include <benchmark/benchmark.h>

#include "semivisible/physics/aprime_width.hpp"

static void BM_aprime_width(benchmark::State& state) {
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  for (auto _ : state) benchmark::DoNotOptimize(semivisible::physics::aprime_width(p).total());
}
BENCHMARK(BM_aprime_width);
