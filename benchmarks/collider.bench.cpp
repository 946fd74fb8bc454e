// Benchmarks of the collider reinterpretation (collider/monophoton_table.hpp and
// collider/invisible_probability_curve.hpp) for babar-2017 at m_A′ = 0.3 GeV, R = 3, Δ/m_χ1 = 0.4:
// building the table, one exact P_invisible (768 exp()), building the interpolant, and one
// interpolated P_invisible. A survey builds one table and one curve per mass triple and then
// evaluates P ~1000 times (every α_D and ε).
#include <benchmark/benchmark.h>

#include <cmath>

#include "semivisible/collider/invisible_probability_curve.hpp"
#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/scan/collider_plane.hpp"

namespace {
namespace sc = semivisible::collider;
const sc::monophoton_options& babar() {
  static const sc::monophoton_options o = semivisible::scan::monophoton_options_of(
      *semivisible::experiment::builtin("babar-2017").collider);
  return o;
}
semivisible::model::parameters<double> point() {
  return semivisible::model::parameters<double>::from_ratios(0.3, 1e-3, 0.1, 3.0, 0.4);
}
}  // namespace

static void BM_monophoton_table_build(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(sc::monophoton_table(point(), babar()));
}
BENCHMARK(BM_monophoton_table_build)->Unit(benchmark::kMicrosecond);

static void BM_monophoton_table_probability(benchmark::State& state) {
  const sc::monophoton_table t(point(), babar());
  double ctau = 1e-3;
  for (auto _ : state) {
    benchmark::DoNotOptimize(t.invisible_probability_for_proper_decay_length(ctau));
    ctau = ctau < 1e3 ? ctau * 1.01 : 1e-3;  // sweep 1 mm – 1 km
  }
}
BENCHMARK(BM_monophoton_table_probability);

static void BM_invisible_probability_curve_build(benchmark::State& state) {
  const sc::monophoton_table t(point(), babar());
  for (auto _ : state) benchmark::DoNotOptimize(sc::invisible_probability_curve(t));
}
BENCHMARK(BM_invisible_probability_curve_build)->Unit(benchmark::kMicrosecond);

static void BM_invisible_probability_curve_probability(benchmark::State& state) {
  const sc::invisible_probability_curve c(sc::monophoton_table(point(), babar()));
  double ctau = 1e-3;
  for (auto _ : state) {
    benchmark::DoNotOptimize(c.invisible_probability_for_proper_decay_length(ctau));
    ctau = ctau < 1e3 ? ctau * 1.01 : 1e-3;
  }
}
BENCHMARK(BM_invisible_probability_curve_probability);
