// Benchmarks of the proton-dump production (production/meson_decay_source.hpp,
// proton_bremsstrahlung_source.hpp): the per-mass precompute a scan does for each m_A′ — the
// spectrum, the weighted A′ samples aimed at the detector, and the whole yield_model (samples
// decayed through the event-level acceptance of the NuCal and CHARM regions).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/production/meson_decay_source.hpp"
#include "semivisible/production/proton_bremsstrahlung_source.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/signal/yield.hpp"

namespace {
namespace sp = semivisible::production;
namespace sg = semivisible::signal;

const semivisible::experiment::experiment& builtin(const std::string& name) {
  static const auto nucal = semivisible::experiment::builtin("nucal");
  static const auto charm = semivisible::experiment::builtin("charm");
  return name == "nucal" ? nucal : charm;
}
}  // namespace

// π⁰ → γA′ at NuCal: spectrum + samples for one m_A′ (the meson spectrum is built once).
static void BM_pi0_decay_spectrum_and_samples(benchmark::State& state) {
  const sp::meson_decay_source src(sp::meson::pi0, 70.0, 55.845, nlohmann::json::object());
  const double m = 0.05;
  sp::sampling_options o;
  o.cones = {{0.0, 0.0, 1.5 * 1.3 / 87}};
  for (auto _ : state) {
    const auto s = src.spectrum(m, 3.0);
    const auto samples = src.samples(*s, o);
    benchmark::DoNotOptimize(samples.data());
  }
  state.SetLabel("NuCal, m_A' = 0.05 GeV, 8192 samples");
}
BENCHMARK(BM_pi0_decay_spectrum_and_samples)->Unit(benchmark::kMillisecond);

// Proton bremsstrahlung at NuCal: spectrum (3072 FWW nodes) + samples for one m_A′.
static void BM_proton_bremsstrahlung_spectrum_and_samples(benchmark::State& state) {
  const sp::proton_bremsstrahlung_source src(70.0, nlohmann::json::object());
  sp::sampling_options o;
  o.cones = {{0.0, 0.0, 1.5 * 1.3 / 87}};
  for (auto _ : state) {
    const auto s = src.spectrum(0.3, 3.0);
    const auto samples = src.samples(*s, o);
    benchmark::DoNotOptimize(samples.data());
  }
  state.SetLabel("NuCal, m_A' = 0.3 GeV, 8192 samples");
}
BENCHMARK(BM_proton_bremsstrahlung_spectrum_and_samples)->Unit(benchmark::kMillisecond);

// The whole per-mass precompute of a scan: yield_model of the visible A′ with one source
// (arg 0: NuCal π⁰ at 0.05 GeV; 1: NuCal p-brem at 0.3 GeV; 2: CHARM η at 0.2 GeV).
static void BM_proton_dump_yield_model(benchmark::State& state) {
  const char* names[] = {"pi0_decay", "proton_bremsstrahlung", "eta_decay"};
  const double masses[] = {0.05, 0.3, 0.2};
  const auto k = static_cast<std::size_t>(state.range(0));
  const auto& e = builtin(k == 2 ? "charm" : "nucal");
  const auto sources = std::make_shared<const sp::source_set>(
      e, std::optional<std::vector<std::string>>{{names[k]}});
  sg::yield_options o;
  o.kind = sg::model_kind::visible;
  const auto p = semivisible::model::benchmark(masses[k], 1e-6);
  for (auto _ : state) {
    const sg::yield_model y(e, p, sg::providers_of(sources), o);
    benchmark::DoNotOptimize(y.events(1e-6).total());
  }
  state.SetLabel(e.name + " " + names[k]);
}
BENCHMARK(BM_proton_dump_yield_model)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
