// Benchmarks of the survey (semivisible/survey/engine.hpp): the cost of one mass triple
// (m_A′, m_A′/m_χ1, Δ/m_χ1) with its α_D points, for NA64 2016–2018 and E137 together, with and
// without the relic column. Per-point cost = time / (α_D points). The samples and spectra caches
// are warm after the first iteration for a fixed m_A′, as in a survey (~100 triples per m_A′), so
// the benchmark varies Δ/m_χ1 on each iteration to rebuild the per-triple tables every time.
#include <benchmark/benchmark.h>

#include <cstddef>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/survey.hpp"

namespace sv = semivisible::survey;

namespace {
sv::survey_config config(std::size_t alphas, bool relic) {
  sv::survey_config c;
  c.axes.mass_aprime = {0.1, 0.1, 1};
  c.axes.alpha_dark = alphas == 1 ? sv::axis{0.1, 0.1, 1} : sv::axis{1e-3, 0.5, alphas};
  c.axes.mass_ratio = {3.0, 3.0, 1};
  c.axes.splitting = {0.2, 0.6, 64};  // 64 triples at one m_A': each iteration a new one
  for (const char* name : {"na64-2016-2018", "e137"}) {
    sv::experiment_setup s;
    s.experiment = semivisible::experiment::builtin(name);
    c.experiments.push_back(s);
  }
  c.relic.enabled = relic;
  return c;
}
}  // namespace

// Argument: α_D points per triple; second: relic on (1) or off (0). Counter: per_point.
static void BM_survey_triple(benchmark::State& state) {
  const std::size_t alphas = static_cast<std::size_t>(state.range(0));
  const sv::prepared_survey s(config(alphas, state.range(1) != 0));
  std::size_t t = 0;
  benchmark::DoNotOptimize(s.rows_of_triple(t++ % 64));  // warm the per-m_A' caches
  for (auto _ : state) benchmark::DoNotOptimize(s.rows_of_triple(t++ % 64));
  state.counters["per_point"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(alphas),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_survey_triple)
    ->Args({1, 0})
    ->Args({50, 0})
    ->Args({50, 1})
    ->Unit(benchmark::kMillisecond);

// The per-(α_D) part alone: excluded ε intervals of both experiments at one α_D, precompute done.
static void BM_survey_point_intervals(benchmark::State& state) {
  const auto c = config(1, false);
  std::vector<sv::constraint_at_masses> at;
  for (const auto& e : c.experiments) at.push_back(sv::experiment_constraint(e).at(0.1, 3.0, 0.4));
  double alpha = 0.1;
  for (auto _ : state) {
    for (auto& a : at) benchmark::DoNotOptimize(a.excluded(alpha, c.intervals));
    alpha = alpha < 0.4 ? alpha * 1.01 : 0.1;
  }
}
BENCHMARK(BM_survey_point_intervals)->Unit(benchmark::kMicrosecond);
