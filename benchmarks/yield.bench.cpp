// Benchmarks of the yield stage: the A′ spectrum per mass, the per-mass yield model built from a
// cached spectrum, one ε evaluation (target ≤ 200 ns for S1+S2) and the decay probabilities.
#include <benchmark/benchmark.h>

#include <cmath>

#include "semivisible/detector/decay_probability.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/signal/yield.hpp"

namespace {
const double masses[] = {0.001, 0.01, 0.1, 0.39, 1.0};
}

// The spectrum for one m_A′, with the mass-independent track-length tables cached (as a scan does).
static void BM_production_spectrum(benchmark::State& state) {
  const double m = masses[state.range(0)];
  const semivisible::production::primary_track_length track(100.0, 40.0, 50.0);
  for (auto _ : state) {
    semivisible::production::aprime_spectrum s(m, 50.0, semivisible::production::thick_target{},
                                               track);
    benchmark::DoNotOptimize(s.per_eot());
  }
  state.SetLabel("m_A' = " + std::to_string(m) + " GeV");
}
BENCHMARK(BM_production_spectrum)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

// A new (m_χ1, Δ) at fixed m_A′: yield_model from a cached spectrum.
static void BM_yield_model_from_spectrum(benchmark::State& state) {
  const semivisible::production::aprime_spectrum spectrum(0.3, 50.0);
  const auto setup = semivisible::detector::na64_2016_2018();
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  for (auto _ : state) {
    semivisible::signal::yield_model y(spectrum, p, setup);
    benchmark::DoNotOptimize(y.mean_inverse_boost());
  }
}
BENCHMARK(BM_yield_model_from_spectrum)->Unit(benchmark::kMicrosecond);

// One ε (S1 + S2) after the per-mass precompute.
static void BM_yield_per_epsilon(benchmark::State& state) {
  const semivisible::signal::yield_model y(semivisible::model::benchmark(0.3, 1e-3),
                                           semivisible::detector::na64_2016_2018());
  double eps = 1e-4;
  for (auto _ : state) {
    benchmark::DoNotOptimize(y.events(eps).total());
    eps = eps < 1e-2 ? eps * 1.001 : 1e-4;
  }
}
BENCHMARK(BM_yield_per_epsilon);

// P(S1) and P(S2) for one decay length (expm1/exp forms).
static void BM_decay_probability(benchmark::State& state) {
  double lambda = 1e-3;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        semivisible::detector::decay_probability_between(0.0, 2.6, 6.0, lambda) +
        semivisible::detector::decay_probability_beyond(0.0, 6.0, lambda));
    lambda = lambda < 1e6 ? lambda * 1.01 : 1e-3;
  }
}
BENCHMARK(BM_decay_probability);
