// Benchmarks of the physics planes (scan/planes.hpp): the cost of one x of the NA64 2021 scans
// (spectrum, yield precompute, CLs calculator and ≈ 44 test evaluations with edge refinement).
#include <benchmark/benchmark.h>

#include <memory>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/scan/planes.hpp"

namespace ss = semivisible::scan;

namespace {
ss::plane_config na64(ss::plane p) {
  return ss::make_plane_config(p, semivisible::experiment::builtin("na64-2016-2018"));
}
}  // namespace

// One x of the (m_A′, ε) plane, spectrum built each time (as a single `scan` run does).
static void BM_scan_maprime_epsilon(benchmark::State& state) {
  const auto c = na64(ss::plane::maprime_epsilon);
  const auto per_x = ss::plane_per_x(c);
  const double m = static_cast<double>(state.range(0)) * 1e-3;
  for (auto _ : state) benchmark::DoNotOptimize(per_x(m));
  state.SetLabel("m_A' [MeV] = " + std::to_string(state.range(0)));
}
BENCHMARK(BM_scan_maprime_epsilon)->Arg(10)->Arg(300)->Unit(benchmark::kMicrosecond);

// The same x with the A′ spectrum already cached (as in `na64-2021`, five scans share it).
static void BM_scan_maprime_epsilon_cached_spectrum(benchmark::State& state) {
  auto c = na64(ss::plane::maprime_epsilon);
  c.spectra = std::make_shared<ss::spectrum_cache>();
  const auto per_x = ss::plane_per_x(c);
  benchmark::DoNotOptimize(per_x(0.3));  // fills the cache
  for (auto _ : state) benchmark::DoNotOptimize(per_x(0.3));
}
BENCHMARK(BM_scan_maprime_epsilon_cached_spectrum)->Unit(benchmark::kMicrosecond);

// One x of the (m_χ1, Δ/m_χ1) plane: a yield precompute per Δ evaluation.
static void BM_scan_mchi1_splitting(benchmark::State& state) {
  auto c = na64(ss::plane::mchi1_splitting);
  c.spectra = std::make_shared<ss::spectrum_cache>();
  const auto per_x = ss::plane_per_x(c);
  benchmark::DoNotOptimize(per_x(0.1));
  for (auto _ : state) benchmark::DoNotOptimize(per_x(0.1));
}
BENCHMARK(BM_scan_mchi1_splitting)->Unit(benchmark::kMicrosecond);
