// Tests of semivisible/signal/yield.hpp: the invisible recast of NA64 2016–2018, the semi-visible
// sanity picture, the tabulated decay probabilities against direct quadrature, scalings, the
// visible model, errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/signal/yield.hpp"

namespace ss = semivisible::signal;
namespace sp = semivisible::production;
namespace se = semivisible::experiment;
using semivisible::model::benchmark;

namespace {
std::vector<std::pair<double, double>> published_invisible_limit(
    const char* path = SEMIVISIBLE_SOURCE_DIR "/tests/signal/na64_invisible_2019_eps90.csv") {
  std::ifstream in(path);
  std::vector<std::pair<double, double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == 'm') continue;
    const auto c = line.find(',');
    rows.emplace_back(std::stod(line.substr(0, c)), std::stod(line.substr(c + 1)));
  }
  return rows;
}
// The bundle without resonant annihilation (the physics of the paper's and the 2019 analysis's
// simulations: dark bremsstrahlung of the whole shower).
const se::experiment& na64() {
  static const se::experiment e = [] {
    auto x = se::builtin("na64-2016-2018");
    REQUIRE(x.production.back().name == "annihilation");
    x.production.pop_back();
    return x;
  }();
  return e;
}
ss::yield_options kind(ss::model_kind k) {
  ss::yield_options o;
  o.kind = k;
  return o;
}
// Region indices of the NA64 bundles.
constexpr std::size_t s1 = 0, s2 = 1;
}  // namespace

TEST_CASE("invisible recast reproduces the NA64 2016-2018 limit within 30 % in epsilon",
          "[signal][recast]") {
  // 2.84e11 EOT, 0 observed events: the CLs 90 % upper limit without nuisances is s_up = ln 10
  // signal events for any background, and N ∝ ε², so ε_90 = ε_ref √(ln10 / N(ε_ref)).
  // Published: PRL 123 (2019) 121801 (DarkCast digitisation, a few % precision). Issue 4 asks for
  // 30 % at every mass from 1 MeV to 1 GeV; physics only (no calibration) stays within 27 %.
  const auto rows = published_invisible_limit();
  REQUIRE(rows.size() > 40);
  const sp::source_set sources(na64());
  const ss::spectrum_provider spectra = [&](double m, double lo) {
    return sources.spectrum(m, lo);
  };
  double worst = 0;
  for (const auto& [m, eps_published] : rows) {
    const ss::yield_model model(na64(), benchmark(m, 1e-3), spectra,
                                kind(ss::model_kind::invisible));
    const double eps_ref = 1e-4;
    const double eps90 = eps_ref * std::sqrt(std::log(10.0) / model.events(eps_ref).total());
    const double ratio = eps90 / eps_published;
    INFO("m_A' = " << m << " GeV: eps_ours = " << eps90 << ", published " << eps_published);
    CHECK(std::abs(ratio - 1) <= 0.30);
    worst = std::max(worst, std::abs(ratio - 1));
  }
  // Guard against silently drifting towards the edge: the deviation found when written is 0.25
  // with the primary electron alone, 0.270 with the whole shower (+8 % events, −4 % in ε).
  CHECK(worst < 0.28);
}

TEST_CASE("semi-visible picture at the g-2 band: S2 at low mass, early decays at 0.39 GeV",
          "[signal][sanity]") {
  // ε at the centre of the g−2 band (docs/formula-notes.md §6 table), benchmark α_D = 0.1, m_A′ = 3
  // m_χ1, Δ = 0.4 m_χ1.
  for (const auto& [m, eps] : {std::pair{0.02, 1.8359e-3}, {0.05, 2.3291e-3}, {0.2, 4.7103e-3}}) {
    const ss::yield_model model(na64(), benchmark(m, eps));
    const auto r = model.events(eps);
    INFO("m_A' = " << m);
    CHECK(r.regions[s2].probability > r.regions[s1].probability);
    CHECK(r.regions[s2].events > r.regions[s1].events);
    CHECK(r.regions[s2].probability > 0.5);  // χ2 escapes the ~6 m detector
  }
  const ss::yield_model heavy(na64(), benchmark(0.39, 7.7681e-3));
  const auto r = heavy.events(7.7681e-3);
  CHECK(r.regions[s1].probability > r.regions[s2].probability);
  CHECK(1 - r.regions[s2].probability > 0.9);  // decays mostly before or inside the HCAL
  CHECK(r.regions[s1].events > r.regions[s2].events);
  // cτ agrees with docs/formula-notes.md §1.3 (K = 0.64 column: 4.978e-3 m) to 1 % (ε rounded to
  // 5 digits).
  CHECK(r.ctau_m == Approx(4.978e-3).epsilon(1e-2));
  // A shorter HCAL1 catches more of the short-lived χ2 (the paper's motivation for compact HCAL1).
  const ss::yield_model compact(se::builtin("na64-compact-hcal1"), benchmark(0.39, 7.7681e-3));
  CHECK(compact.events(7.7681e-3).regions[s1].events > 2 * r.regions[s1].events);
}

TEST_CASE("tabulated decay probabilities agree with direct quadrature over 12 decades of ctau",
          "[signal]") {
  // Hermite interpolation in (ln s, ln F) on 112 points: relative error < 2e-3 wherever P > 1e-100
  // (the exponential tail ln F ∝ −s u_min is the hardest part); same node set, so quadrature error
  // cancels. Beyond s·u_min = 500 the table returns 0 (the true value is < e^{-500} ≈ 1e-217).
  const ss::yield_model model(na64(), benchmark(0.3, 1e-3));
  for (double lg = -7; lg <= -0.5; lg += 0.1) {
    const double eps = std::pow(10.0, lg);
    const auto r = model.events(eps);
    const std::array<double, 2> d{model.probability_direct(s1, r.ctau_m),
                                  model.probability_direct(s2, r.ctau_m)};
    INFO("epsilon = " << eps);
    // Deep in the tail (P < 1e-100, s·u ≳ 230) the Hermite error grows with s·u: 1e-2 relative
    // there (that is 2e-5 in ln P, far below any effect on a limit).
    for (std::size_t k = 0; k < 2; ++k) {
      const double table = r.regions[k].probability;
      if (d[k] > 1e-100)
        CHECK(table == Approx(d[k]).epsilon(2e-3));
      else if (d[k] > 1e-200)
        CHECK(table == Approx(d[k]).epsilon(1e-2));
      else
        CHECK(table < 1e-200);
    }
    CHECK(r.regions[s1].probability + r.regions[s2].probability <= 1.0 + 1e-12);
  }
  // Long-lived limit: P_S1 → (z2 − z1)⟨1/βγ⟩/cτ (first order in 1/cτ; tiny ε makes it exact to
  // 1e-6).
  const auto r = model.events(1e-7);
  const auto z = model.distances_m(s1);
  CHECK(r.regions[s1].probability ==
        Approx((z[1] - z[0]) * model.mean_inverse_boost() / r.ctau_m).epsilon(1e-6));
}

TEST_CASE("scalings: invisible ∝ eps^2; alpha_D changes only the chi2 decays", "[signal]") {
  const ss::yield_model invisible(na64(), benchmark(0.1, 1e-3), kind(ss::model_kind::invisible));
  CHECK(invisible.events(2e-4).total() / invisible.events(1e-4).total() ==
        Approx(4.0).epsilon(1e-14));
  CHECK(invisible.events(1e-4).regions[s2].probability == 1.0);
  CHECK(invisible.events(1e-4).regions[s1].events == 0.0);
  const ss::yield_model sv(na64(), benchmark(0.2, 1e-3));
  const auto a = sv.events(3e-3, 0.05), b = sv.events(3e-3, 0.2);
  CHECK(a.aprime_per_particle == b.aprime_per_particle);
  CHECK(b.regions[s2].probability < a.regions[s2].probability);  // shorter-lived
  CHECK(b.ctau_m == Approx(a.ctau_m / 4).epsilon(1e-12));        // cτ ∝ 1/α_D
  // The same ε, α_D through the one-argument overload.
  CHECK(sv.events(3e-3).total() == sv.events(3e-3, 0.1).total());
  // The exposure enters linearly.
  ss::yield_options twice;
  twice.exposure = 2 * 2.84e11;
  CHECK(ss::yield_model(na64(), benchmark(0.2, 1e-3), twice).events(3e-3).total() ==
        Approx(2 * sv.events(3e-3).total()).epsilon(1e-12));
}

TEST_CASE("stable chi2 (Delta <= 2 m_e) escapes: all events in S2", "[signal]") {
  // m_A′ = 6 MeV at the benchmark: Δ = 0.8 MeV < 2 m_e.
  const ss::yield_model model(na64(), benchmark(0.006, 1e-4));
  const auto r = model.events(1e-4);
  CHECK(r.regions[s2].probability == 1.0);
  CHECK(r.regions[s1].probability == 0.0);
  CHECK(std::isinf(r.ctau_m));
}

TEST_CASE("a yield_model from a cached spectrum equals one built from scratch", "[signal]") {
  const sp::source_set sources(na64());
  std::shared_ptr<const sp::energy_spectrum> spectrum;
  int built = 0;
  const ss::spectrum_provider cached = [&](double m, double lo) {
    if (!spectrum) {
      spectrum = sources.spectrum(m, lo);
      ++built;
    }
    return spectrum;
  };
  const ss::yield_model a(
      na64(), semivisible::model::parameters<double>::from_ratios(0.25, 1e-3, 0.1, 3.0, 0.4),
      cached);
  const ss::yield_model b(na64(), benchmark(0.25, 1e-3));
  CHECK(a.events(5e-3).total() == Approx(b.events(5e-3).total()).epsilon(1e-12));
  // Another splitting at the same m_A′ reuses the spectrum (the (m_χ1, Δ/m_χ1) plane).
  const ss::yield_model c(
      na64(), semivisible::model::parameters<double>::from_ratios(0.25, 1e-3, 0.1, 3.0, 0.6),
      cached);
  CHECK(c.events(5e-3).ctau_m < a.events(5e-3).ctau_m);  // Γ ∝ Δ⁵
  CHECK(built == 1);
}

TEST_CASE("visible model: the A' itself decays, cτ ∝ 1/ε², BR(ee) in visible regions",
          "[signal][visible]") {
  const ss::yield_model v(na64(), benchmark(0.1, 1e-4), kind(ss::model_kind::visible));
  // cτ of the A′ = ħc/Γ_total with the visible widths (physics/aprime_width.hpp).
  const auto w = semivisible::physics::aprime_visible_widths(0.1, 1e-4);
  const auto r = v.events(1e-4);
  CHECK(r.ctau_m == Approx(semivisible::constants::hbar_c / w.total()).epsilon(1e-12));
  CHECK(v.events(2e-4).ctau_m == Approx(r.ctau_m / 4).epsilon(1e-12));
  // S1 (visible) sees only e⁺e⁻ decays: at 0.1 GeV below the μμ threshold, BR(ee) = 1.
  CHECK(r.regions[s1].acceptance == Approx(1.0).epsilon(1e-15));
  const auto heavy = ss::yield_model(na64(), benchmark(0.5, 1e-4), kind(ss::model_kind::visible));
  const auto w5 = semivisible::physics::aprime_visible_widths(0.5, 1e-4);
  CHECK(heavy.events(1e-4).regions[s1].acceptance ==
        Approx(w5.electrons / w5.total()).epsilon(1e-12));
  CHECK(heavy.events(1e-4).regions[s2].acceptance == 1.0);  // nothing is seen beyond: all channels
  // The A′ boost: ⟨1/βγ⟩ = ⟨m/p⟩ over the A′ spectrum (E_A′ > 50 GeV): between m/E0 and m/50.
  CHECK(v.mean_inverse_boost() > 0.1 / 100.0);
  CHECK(v.mean_inverse_boost() < 0.1 / 50.0);
  // Long-lived A′: P(S2) → 1 and P(S1) → (z2 − z1)⟨u⟩/cτ.
  const auto tiny = v.events(1e-8);
  const auto z = v.distances_m(s1);
  CHECK(tiny.regions[s1].probability ==
        Approx((z[1] - z[0]) * v.mean_inverse_boost() / tiny.ctau_m).epsilon(1e-5));
}

TEST_CASE("yield_model rejects bad input", "[signal][errors]") {
  const ss::yield_model model(na64(), benchmark(0.25, 1e-3));
  CHECK_THROWS_WITH(model.events(-1e-3), Catch::Contains("epsilon = -0.001"));
  CHECK_THROWS_WITH(model.events(2.0), Catch::Contains("epsilon = 2"));
  CHECK_THROWS_WITH(model.events(1e-3, 0.0), Catch::Contains("alpha_dark = 0"));
  ss::yield_options bad;
  bad.exposure = -1;
  CHECK_THROWS_WITH(ss::yield_model(na64(), benchmark(0.25, 1e-3), bad),
                    Catch::Contains("exposure = -1"));
  const auto wrong = std::make_shared<const sp::aprime_spectrum>(0.3, 50.0);
  CHECK_THROWS_WITH(
      ss::yield_model(na64(), benchmark(0.25, 1e-3), [&](double, double) { return wrong; }),
      Catch::Contains("spectrum mass_aprime = 0.3"));
}

TEST_CASE("a toy electron dump written only as JSON gives a yield", "[signal][experiment]") {
  const auto toy =
      se::resolve(SEMIVISIBLE_SOURCE_DIR "/tests/experiment/data/toy-electron-dump.json");
  // Visible A′ of 20 MeV, ε = 1e-5: the decay probability in [5, 25] m matches the direct sum.
  const ss::yield_model v(toy, benchmark(0.02, 1e-5), kind(ss::model_kind::visible));
  const auto r = v.events(1e-5);
  REQUIRE(r.region_count == 1);
  CHECK(r.regions[0].probability == Approx(v.probability_direct(0, r.ctau_m)).epsilon(2e-3));
  CHECK(r.regions[0].efficiency == 0.5);
  CHECK(r.regions[0].events > 0);
  // N = N_POT · N_A′ · P · BR(ee) · eff, every factor from its own accessor.
  CHECK(r.regions[0].events == Approx(1e16 * r.aprime_per_particle * r.regions[0].probability *
                                      r.regions[0].acceptance * 0.5)
                                   .epsilon(1e-14));
}

TEST_CASE("resonant annihilation adds the line's events near E_res = m^2/2m_e and nothing above",
          "[signal][annihilation]") {
  const auto full = se::builtin("na64-2016-2018");
  // m_A′ = 0.5 GeV: E_res = 245 GeV > the 100 GeV beam, the line is empty; the sum with it must
  // give exactly the bremsstrahlung events (an empty part must not widen the χ2 energy range).
  const auto heavy = benchmark(0.5, 1e-3);
  const auto with = ss::yield_model(full, heavy).events(1e-4);
  const auto without = ss::yield_model(na64(), heavy).events(1e-4);
  for (std::size_t r : {s1, s2})
    CHECK(with.regions[r].events == Approx(without.regions[r].events).epsilon(1e-12));
  // m_A′ = 0.25 GeV: E_res = 61 GeV inside the S2 window; the independent estimate of issue 11
  // (N_ann/N_brem ≈ 15 in the missing-energy region) is matched within 20 % (13.2 when written):
  // the estimate's own precision (a Rossi track length, no ETL correction of the line).
  const auto light = benchmark(0.25, 1e-3);
  const double ratio = ss::yield_model(full, light).events(1e-4).regions[s2].events /
                           ss::yield_model(na64(), light).events(1e-4).regions[s2].events -
                       1;
  CHECK(ratio == Approx(15.0).epsilon(0.2));
}

TEST_CASE("NA64 2016-2022 invisible with annihilation reproduces the published curve and its dip",
          "[signal][recast][annihilation]") {
  // 9.37e11 EOT, 0 observed: ε_90 = ε_ref √(ln10 / N(ε_ref)) (no nuisances, as the 2019 test).
  // The collaboration's curve (data/reference/na64_invisible_2016_2022_eps90.csv, PRL 131 (2023)
  // 161801) includes resonant annihilation. Agreement within 30 % at every mass except where the
  // published dip starts earlier (0.20-0.228 GeV): here the line E_res = m²/2m_e enters the
  // E_A′ > 50 GeV window at m = √(2 m_e · 50 GeV) = 0.226 GeV exactly, the published curve falls
  // from 0.20 GeV (E_res = 39 GeV) — a softer selection or resolution effect of that analysis
  // that is not public here (docs/validation.md).
  const auto rows = published_invisible_limit(SEMIVISIBLE_SOURCE_DIR
                                              "/data/reference/na64_invisible_2016_2022_eps90.csv");
  REQUIRE(rows.size() > 100);
  const auto e = se::builtin("na64-2016-2022");
  double worst = 0;
  std::size_t compared = 0;
  auto eps90 = [&](double m) {
    const ss::yield_model model(e, benchmark(m, 1e-3), kind(ss::model_kind::invisible));
    return 1e-4 * std::sqrt(std::log(10.0) / model.events(1e-4).total());
  };
  for (std::size_t i = 0; i < rows.size(); i += 3) {
    const auto [m, eps_published] = rows[i];
    if (m > 0.20 && m < 0.228) continue;
    const double ratio = eps90(m) / eps_published;
    INFO("m_A' = " << m << " GeV: ratio " << ratio);
    CHECK(std::abs(ratio - 1) <= 0.30);
    worst = std::max(worst, std::abs(ratio - 1));
    ++compared;
  }
  CHECK(compared > 30);
  CHECK(worst < 0.29);  // 0.278 when written: 0.72 at 0.231 GeV, the first mass past the onset
  // The dip: at 0.24 GeV the limit is ~3x stronger than at 0.19 GeV in both curves.
  CHECK(eps90(0.24) / eps90(0.19) < 0.4);
}
