// Benchmarks of the statistics stage on the NA64 2021 model: 2 bins, observed (0, 0),
// backgrounds 0.19 ± 0.07 and 0.53 ± 0.17, signal uncertainty 20 %, signal shape (0.3, 0.7).
// Recorded in docs/performance.md, "Statistics (CLs)".
#include <benchmark/benchmark.h>

#include <vector>

#include "semivisible/stats.hpp"

namespace {
namespace st = semivisible::stats;
const st::counting_model& na64() {
  static const st::counting_model m({0, 0}, {0.19, 0.53}, {0.07, 0.17}, 0.2);
  return m;
}
const std::vector<double> signal{0.3, 0.7};

st::limit_options options(st::method how, bool expected) {
  st::limit_options o;
  o.algorithm = how;
  o.expected = expected;
  return o;
}
}  // namespace

// Observed limit, asymptotic (profile-likelihood fits on data and Asimov set). Target ≤ 50 µs.
static void BM_cls_upper_limit_asymptotic(benchmark::State& state) {
  const auto o = options(st::method::asymptotic, false);
  for (auto _ : state) benchmark::DoNotOptimize(st::upper_limit(na64(), signal, o).mu_upper);
}
BENCHMARK(BM_cls_upper_limit_asymptotic)->Unit(benchmark::kMicrosecond);

// ... with the ±1σ/±2σ expected band (five more root finds on the Asimov q_A).
static void BM_cls_upper_limit_asymptotic_band(benchmark::State& state) {
  const auto o = options(st::method::asymptotic, true);
  for (auto _ : state) benchmark::DoNotOptimize(st::upper_limit(na64(), signal, o).mu_upper);
}
BENCHMARK(BM_cls_upper_limit_asymptotic_band)->Unit(benchmark::kMicrosecond);

// Observed limit, exact hybrid (the scans' default), free function (prepares the model).
static void BM_cls_upper_limit_exact(benchmark::State& state) {
  const auto o = options(st::method::exact, false);
  for (auto _ : state) benchmark::DoNotOptimize(st::upper_limit(na64(), signal, o).mu_upper);
}
BENCHMARK(BM_cls_upper_limit_exact)->Unit(benchmark::kMicrosecond);

// ... with the expected band (limits for every background-only outcome with P > 1e-9).
static void BM_cls_upper_limit_exact_band(benchmark::State& state) {
  const auto o = options(st::method::exact, true);
  for (auto _ : state) benchmark::DoNotOptimize(st::upper_limit(na64(), signal, o).mu_upper);
}
BENCHMARK(BM_cls_upper_limit_exact_band)->Unit(benchmark::kMicrosecond);

// Exact limit with a prepared cls_calculator (what a scan does per point).
static void BM_cls_upper_limit_exact_calculator(benchmark::State& state) {
  st::cls_calculator calc(na64(), options(st::method::exact, false));
  for (auto _ : state) benchmark::DoNotOptimize(calc.upper_limit(signal).mu_upper);
}
BENCHMARK(BM_cls_upper_limit_exact_calculator)->Unit(benchmark::kMicrosecond);

// One CLs evaluation at μ = 1: free function and prepared calculator (target ≲ 20 µs).
static void BM_cls_exact(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(st::cls(na64(), signal).value);
}
BENCHMARK(BM_cls_exact)->Unit(benchmark::kMicrosecond);

static void BM_cls_exact_calculator(benchmark::State& state) {
  st::cls_calculator calc(na64());
  for (auto _ : state) benchmark::DoNotOptimize(calc.cls(signal).value);
}
BENCHMARK(BM_cls_exact_calculator)->Unit(benchmark::kMicrosecond);

// Exact CLs with observed (2, 3): enumeration over outcomes with the hybrid integrals.
static void BM_cls_exact_observed_2_3(benchmark::State& state) {
  st::cls_calculator calc(na64().with_observed({2, 3}));
  for (auto _ : state) benchmark::DoNotOptimize(calc.cls(signal, 3.0).value);
}
BENCHMARK(BM_cls_exact_observed_2_3)->Unit(benchmark::kMicrosecond);

// 1000 toys per hypothesis (2000 pseudo-experiments, 4000 fits), one CLs value at μ = 2,
// single thread (the per-1000-toys cost); and on all cores.
static void BM_cls_toys(benchmark::State& state) {
  st::cls_options o;
  o.algorithm = st::method::toys;
  o.toys = 1000;
  o.mu = 2.0;
  o.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(st::cls(na64(), signal, o).value);
}
BENCHMARK(BM_cls_toys)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The hostile inputs of docs/statistics.md §7 (the time guarantee is measured here, not in the
// tests): 0 = n = 10⁶ in S1 (fallback rule 1), 1 = ten bins at n = 0 (rule 2, 10⁹ outcomes),
// 2 = eight bins (rule 2 by cost projection), 3 = one bin with σ_b/b = 5.3 (exact band, pmfs
// grown to the 1 − 1e-7 quantile). Target: each ≤ 2 s (the default work budget).
static void BM_cls_hostile_input(benchmark::State& state) {
  st::counting_model m({0}, {0.19}, {1.0});
  std::vector<double> s{1.0};
  const auto bins = [&](std::size_t k) {
    std::vector<double> n(k, 0.0), b;
    for (std::size_t i = 0; i < k; ++i) b.push_back(0.19 + 0.08 * static_cast<double>(i));
    m = st::counting_model(n, b, std::vector<double>(k, 0.0));
    s.assign(k, 1.0);
  };
  switch (state.range(0)) {
    case 0:
      m = st::counting_model({1e6, 0}, {0.19, 0.53}, {0.0, 0.0});
      s = {0.3, 0.7};
      break;
    case 1:
      bins(10);
      break;
    case 2:
      bins(8);
      break;
    default:
      break;
  }
  const auto o = options(st::method::exact, true);
  for (auto _ : state) benchmark::DoNotOptimize(st::upper_limit(m, s, o).mu_upper);
}
BENCHMARK(BM_cls_hostile_input)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->Iterations(1);
