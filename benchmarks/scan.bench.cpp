// Benchmarks of the scan stage on a synthetic, island-shaped test function (no physics), so the
// engine's own cost and its number of test-function evaluations per x are measured alone.
//
// The test function mimics log(CLs/0.1) of a one-bin counting experiment with no events seen:
// CLs = exp(−s), s(ε) = k(x) ε² exp(−(ε/ε_c(x))²) — production ∝ ε², survival of a decaying
// particle ∝ exp(−(ε/ε_c)²) — so the island has a power-law lower edge and a steep upper one,
// like the semi-visible exclusion.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "semivisible/scan/engine.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/intervals.hpp"

namespace ss = semivisible::scan;

namespace {
double island_test(double x, double epsilon) {
  const double k = 2.6e9 * x / 0.1;         // lower edge ~3e-5 at x = 0.1
  const double epsilon_c = 1e-2 * 0.1 / x;  // upper edge shrinks as x grows
  const double s = k * epsilon * epsilon * std::exp(-(epsilon / epsilon_c) * (epsilon / epsilon_c));
  return std::log(10.0) - s;  // log(CLs/0.1), CLs = exp(−s): excluded where < 0
}

ss::interval_options options(double tolerance) {
  ss::interval_options o;
  o.lo = 1e-7;
  o.hi = 1.0;
  o.relative_tolerance = tolerance;
  return o;
}
}  // namespace

// One x: seeds, refinement and both edges. Arg = −log10(relative tolerance).
static void BM_scan_edges(benchmark::State& state) {
  const double tolerance = std::pow(10.0, -static_cast<double>(state.range(0)));
  const auto o = options(tolerance);
  std::size_t evaluations = 0, calls = 0;
  for (auto _ : state) {
    const auto r = ss::excluded_intervals([](double e) { return island_test(0.1, e); }, o);
    benchmark::DoNotOptimize(r.intervals.data());
    evaluations += r.evaluations;
    ++calls;
  }
  state.counters["evals_per_x"] = static_cast<double>(evaluations) / static_cast<double>(calls);
}
BENCHMARK(BM_scan_edges)->Arg(2)->Arg(3)->Arg(5);

// A 200-x plane through the parallel engine. Arg = threads.
static void BM_scan_run(benchmark::State& state) {
  const auto xs = ss::log_grid(0.01, 1.0, 200);
  const auto o = options(1e-2);
  const auto per_x = [&o](double x) {
    return ss::rows_from(x, ss::excluded_intervals([x](double e) { return island_test(x, e); }, o));
  };
  ss::run_options ro;
  ro.threads = static_cast<std::size_t>(state.range(0));
  ro.progress = false;
  for (auto _ : state) {
    const auto t = ss::run(xs, per_x, ro);
    benchmark::DoNotOptimize(t.rows.data());
  }
  state.counters["x_per_second"] = benchmark::Counter(
      200.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_scan_run)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);
