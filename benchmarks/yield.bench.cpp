// Benchmarks of the yield stage: the A′ spectrum per mass, the per-mass yield model built from a
// cached spectrum, one ε evaluation (target ≤ 200 ns for two regions; N regions reported) and the
// decay probabilities.
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <string>

#include "semivisible/detector/decay_probability.hpp"
#include "semivisible/experiment/builtin.hpp"
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

const semivisible::experiment::experiment& na64_experiment() {
  static const auto e = semivisible::experiment::builtin("na64-2016-2018");
  return e;
}

// A new (m_χ1, Δ) at fixed m_A′: yield_model from a cached spectrum.
static void BM_yield_model_from_spectrum(benchmark::State& state) {
  const auto spectrum = std::make_shared<const semivisible::production::aprime_spectrum>(0.3, 50.0);
  const semivisible::signal::spectrum_provider cached = [&](double, double) { return spectrum; };
  const auto p = semivisible::model::benchmark(0.3, 1e-3);
  for (auto _ : state) {
    semivisible::signal::yield_model y(na64_experiment(), p, cached);
    benchmark::DoNotOptimize(y.mean_inverse_boost());
  }
}
BENCHMARK(BM_yield_model_from_spectrum)->Unit(benchmark::kMicrosecond);

// One ε after the per-mass precompute, for the NA64 bundle (2 regions) and for N copies of its
// regions (the cost per region).
static void BM_yield_per_epsilon(benchmark::State& state) {
  auto e = na64_experiment();
  const auto n = static_cast<std::size_t>(state.range(0));
  if (n > e.regions.size()) {  // N disjoint regions: split S1 into n − 1 slices, keep S2
    const auto s1 = e.regions[0], s2 = e.regions[1];
    e.regions.clear();
    const double step = (s1.decay_end_m - s1.decay_start_m) / static_cast<double>(n - 1);
    for (std::size_t k = 0; k + 1 < n; ++k) {
      auto r = s1;
      r.name = "S1_" + std::to_string(k);
      r.decay_start_m = s1.decay_start_m + step * static_cast<double>(k);
      r.decay_end_m = r.decay_start_m + step;
      e.regions.push_back(r);
    }
    e.regions.push_back(s2);
  }
  const semivisible::signal::yield_model y(e, semivisible::model::benchmark(0.3, 1e-3));
  double eps = 1e-4;
  for (auto _ : state) {
    benchmark::DoNotOptimize(y.events(eps).total());
    eps = eps < 1e-2 ? eps * 1.001 : 1e-4;
  }
  state.SetLabel(std::to_string(n) + " regions");
}
BENCHMARK(BM_yield_per_epsilon)->Arg(2)->Arg(4)->Arg(8);

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
