// Benchmarks of the event-level acceptance (E137): the per-mass precompute — the sources' weighted
// A′ with angles, decayed through the chain into acceptance tables — and the per-ε re-weighting
// (one events() call of a yield model whose regions are event-level). docs/performance.md.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include <fmt/format.h>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/signal/event_acceptance.hpp"
#include "semivisible/signal/yield.hpp"

namespace {
const semivisible::experiment::experiment& e137() {
  static const auto e = semivisible::experiment::builtin("e137");
  return e;
}
const double masses[] = {0.01, 0.1, 0.3};
semivisible::model::parameters<double> point(double m) {
  return semivisible::model::parameters<double>::from_ratios(m, 1e-5, 0.1, 3.0, 0.4);
}
}  // namespace

// The A′ spectra and angular samples of both sources for one mass (the shower tables cached).
static void BM_e137_production_samples(benchmark::State& state) {
  const double m = masses[state.range(0)];
  const semivisible::production::source_set sources(e137());
  semivisible::production::sampling_options o;
  o.focus_angle = semivisible::signal::focus_angle(e137(), {0, 1});
  std::size_t n = 0;
  for (auto _ : state) {
    const auto s = sources.samples(m, 1.0, o);
    n = s.size();
    benchmark::DoNotOptimize(s.data());
  }
  state.SetLabel(fmt::format("m_A' = {} GeV, {} A' samples", m, n));
}
BENCHMARK(BM_e137_production_samples)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

// The decay chain of those samples into the two regions' acceptance tables (semi-visible model).
static void BM_e137_acceptance_tables(benchmark::State& state) {
  const double m = masses[state.range(0)];
  const semivisible::production::source_set sources(e137());
  semivisible::production::sampling_options o;
  o.focus_angle = semivisible::signal::focus_angle(e137(), {0, 1});
  const auto samples = sources.samples(m, 1.0, o);
  for (auto _ : state) {
    const auto acc = semivisible::signal::event_acceptance(
        e137(), {0, 1}, point(m), semivisible::signal::model_kind::semivisible, samples);
    benchmark::DoNotOptimize(acc.data());
  }
  state.SetLabel(fmt::format("m_A' = {} GeV, {} A' samples", m, samples.size()));
}
BENCHMARK(BM_e137_acceptance_tables)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

// Per ε: only the lifetime changes; the stored tables are re-weighted (two event-level regions).
static void BM_e137_yield_per_epsilon(benchmark::State& state) {
  const semivisible::signal::yield_model model(e137(), point(0.05));
  double eps = 1e-6;
  for (auto _ : state) {
    eps = eps < 1e-3 ? eps * 1.01 : 1e-6;
    benchmark::DoNotOptimize(model.events(eps).total());
  }
}
BENCHMARK(BM_e137_yield_per_epsilon);
