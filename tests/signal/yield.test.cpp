// Tests of semivisible/signal/yield.hpp: the invisible recast of NA64 2016–2018, the semi-visible
// sanity picture, the tabulated decay probabilities against direct quadrature, scalings, errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/signal/yield.hpp"

namespace ss = semivisible::signal;
namespace sp = semivisible::production;
using semivisible::model::benchmark;

namespace {
std::vector<std::pair<double, double>> published_invisible_limit() {
  std::ifstream in(SEMIVISIBLE_SOURCE_DIR "/tests/signal/na64_invisible_2019_eps90.csv");
  std::vector<std::pair<double, double>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == 'm') continue;
    const auto c = line.find(',');
    rows.emplace_back(std::stod(line.substr(0, c)), std::stod(line.substr(c + 1)));
  }
  return rows;
}
}  // namespace

TEST_CASE("invisible recast reproduces the NA64 2016-2018 limit within 30 % in epsilon",
          "[signal][recast]") {
  // 2.84e11 EOT, 0 observed events: the CLs 90 % upper limit without nuisances is s_up = ln 10
  // signal events for any background, and N ∝ ε², so ε_90 = ε_ref √(ln10 / N(ε_ref)).
  // Published: PRL 123 (2019) 121801 (DarkCast digitisation, a few % precision). Issue 4 asks for
  // 30 % at every mass from 1 MeV to 1 GeV; physics only (no calibration) gives +25/−25 %.
  const auto rows = published_invisible_limit();
  REQUIRE(rows.size() > 40);
  const auto setup = semivisible::detector::na64_2016_2018();
  const sp::primary_track_length track(100.0, 40.0, 50.0);
  ss::yield_options options;
  options.kind = ss::model_kind::invisible;
  double worst = 0;
  for (const auto& [m, eps_published] : rows) {
    const sp::aprime_spectrum spectrum(m, 50.0, sp::thick_target{}, track);
    const ss::yield_model model(spectrum, benchmark(m, 1e-3), setup, options);
    const double eps_ref = 1e-4;
    const double eps90 = eps_ref * std::sqrt(std::log(10.0) / model.events(eps_ref).total());
    const double ratio = eps90 / eps_published;
    INFO("m_A' = " << m << " GeV: eps_ours = " << eps90 << ", published " << eps_published);
    CHECK(std::abs(ratio - 1) <= 0.30);
    worst = std::max(worst, std::abs(ratio - 1));
  }
  // Guard against silently drifting towards the edge: the deviation found when written is 0.25.
  CHECK(worst < 0.27);
}

TEST_CASE("semi-visible picture at the g-2 band: S2 at low mass, early decays at 0.39 GeV",
          "[signal][sanity]") {
  // ε at the centre of the g−2 band (physics-notes §6 table), benchmark α_D = 0.1, m_A′ = 3 m_χ1, Δ
  // = 0.4 m_χ1.
  const auto setup = semivisible::detector::na64_2016_2018();
  for (const auto& [m, eps] : {std::pair{0.02, 1.8359e-3}, {0.05, 2.3291e-3}, {0.2, 4.7103e-3}}) {
    const ss::yield_model model(benchmark(m, eps), setup);
    const auto r = model.events(eps);
    INFO("m_A' = " << m);
    CHECK(r.probability_s2 > r.probability_s1);
    CHECK(r.events_s2 > r.events_s1);
    CHECK(r.probability_s2 > 0.5);  // χ2 escapes the ~6 m detector
  }
  const ss::yield_model heavy(benchmark(0.39, 7.7681e-3), setup);
  const auto r = heavy.events(7.7681e-3);
  CHECK(r.probability_s1 > r.probability_s2);
  CHECK(1 - r.probability_s2 > 0.9);  // decays mostly before or inside the HCAL
  CHECK(r.events_s1 > r.events_s2);
  // cτ agrees with physics-notes §1.3 (K = 0.64 column: 4.978e-3 m) to 1 % (ε rounded to 5 digits).
  CHECK(r.ctau_chi2_m == Approx(4.978e-3).epsilon(1e-2));
  // A shorter HCAL1 catches more of the short-lived χ2 (the paper's motivation for compact HCAL1).
  const ss::yield_model compact(benchmark(0.39, 7.7681e-3), semivisible::detector::compact_hcal1());
  CHECK(compact.events(7.7681e-3).events_s1 > 2 * r.events_s1);
}

TEST_CASE("tabulated decay probabilities agree with direct quadrature over 12 decades of ctau",
          "[signal]") {
  // Hermite interpolation in (ln s, ln F) on 112 points: relative error < 2e-3 wherever P > 1e-100
  // (the exponential tail ln F ∝ −s u_min is the hardest part); same node set, so quadrature error
  // cancels. Beyond s·u_min = 500 the table returns 0 (the true value is < e^{-500} ≈ 1e-217).
  const ss::yield_model model(benchmark(0.3, 1e-3), semivisible::detector::na64_2016_2018());
  for (double lg = -7; lg <= -0.5; lg += 0.1) {
    const double eps = std::pow(10.0, lg);
    const auto r = model.events(eps);
    const auto d = model.probabilities_direct(r.ctau_chi2_m);
    INFO("epsilon = " << eps);
    // Deep in the tail (P < 1e-100, s·u ≳ 230) the Hermite error grows with s·u: 1e-2 relative
    // there (that is 2e-5 in ln P, far below any effect on a limit).
    for (std::size_t k = 0; k < 2; ++k) {
      const double table = k == 0 ? r.probability_s1 : r.probability_s2;
      if (d[k] > 1e-100)
        CHECK(table == Approx(d[k]).epsilon(2e-3));
      else if (d[k] > 1e-200)
        CHECK(table == Approx(d[k]).epsilon(1e-2));
      else
        CHECK(table < 1e-200);
    }
    CHECK(r.probability_s1 + r.probability_s2 <= 1.0 + 1e-12);
  }
  // Long-lived limit: P_S1 → (z2 − z1)⟨1/βγ⟩/cτ (first order in 1/cτ; tiny ε makes it exact to
  // 1e-6).
  const auto r = model.events(1e-7);
  const auto z = model.distances_m();
  CHECK(r.probability_s1 ==
        Approx((z[1] - z[0]) * model.mean_inverse_boost() / r.ctau_chi2_m).epsilon(1e-6));
}

TEST_CASE("scalings: invisible ∝ eps^2; alpha_D changes only the chi2 decays", "[signal]") {
  const auto setup = semivisible::detector::na64_2016_2018();
  ss::yield_options inv;
  inv.kind = ss::model_kind::invisible;
  const ss::yield_model invisible(benchmark(0.1, 1e-3), setup, inv);
  CHECK(invisible.events(2e-4).total() / invisible.events(1e-4).total() ==
        Approx(4.0).epsilon(1e-14));
  CHECK(invisible.events(1e-4).probability_s2 == 1.0);
  CHECK(invisible.events(1e-4).events_s1 == 0.0);
  const ss::yield_model sv(benchmark(0.2, 1e-3), setup);
  const auto a = sv.events(3e-3, 0.05), b = sv.events(3e-3, 0.2);
  CHECK(a.aprime_per_eot == b.aprime_per_eot);
  CHECK(b.probability_s2 < a.probability_s2);                        // shorter-lived
  CHECK(b.ctau_chi2_m == Approx(a.ctau_chi2_m / 4).epsilon(1e-12));  // cτ ∝ 1/α_D
  // The same ε, α_D through the one-argument overload.
  CHECK(sv.events(3e-3).total() == sv.events(3e-3, 0.1).total());
  // EOT enters linearly.
  ss::yield_options twice;
  twice.eot = 2 * 2.84e11;
  CHECK(ss::yield_model(benchmark(0.2, 1e-3), setup, twice).events(3e-3).total() ==
        Approx(2 * sv.events(3e-3).total()).epsilon(1e-12));
}

TEST_CASE("stable chi2 (Delta <= 2 m_e) escapes: all events in S2", "[signal]") {
  // m_A′ = 6 MeV at the benchmark: Δ = 0.8 MeV < 2 m_e.
  const ss::yield_model model(benchmark(0.006, 1e-4), semivisible::detector::na64_2016_2018());
  const auto r = model.events(1e-4);
  CHECK(r.probability_s2 == 1.0);
  CHECK(r.probability_s1 == 0.0);
  CHECK(std::isinf(r.ctau_chi2_m));
}

TEST_CASE("a yield_model from a cached spectrum equals one built from scratch", "[signal]") {
  const auto setup = semivisible::detector::na64_2016_2018();
  const sp::aprime_spectrum spectrum(0.25, 50.0);
  const ss::yield_model a(
      spectrum, semivisible::model::parameters<double>::from_ratios(0.25, 1e-3, 0.1, 3.0, 0.4),
      setup);
  const ss::yield_model b(benchmark(0.25, 1e-3), setup);
  CHECK(a.events(5e-3).total() == Approx(b.events(5e-3).total()).epsilon(1e-12));
  // The scan helpers build the same spectrum from the setup (cached track-length tables).
  const auto track = ss::make_track_length(setup);
  const ss::yield_model d(ss::make_spectrum(0.25, setup, track), benchmark(0.25, 1e-3), setup);
  CHECK(d.events(5e-3).total() == Approx(b.events(5e-3).total()).epsilon(1e-12));
  // Another splitting at the same m_A′ reuses the spectrum (the (m_χ1, Δ/m_χ1) plane).
  const ss::yield_model c(
      spectrum, semivisible::model::parameters<double>::from_ratios(0.25, 1e-3, 0.1, 3.0, 0.6),
      setup);
  CHECK(c.events(5e-3).ctau_chi2_m < a.events(5e-3).ctau_chi2_m);  // Γ ∝ Δ⁵
}

TEST_CASE("yield_model rejects bad input", "[signal][errors]") {
  const auto setup = semivisible::detector::na64_2016_2018();
  const sp::aprime_spectrum spectrum(0.25, 50.0);
  CHECK_THROWS_WITH(ss::yield_model(spectrum, benchmark(0.3, 1e-3), setup),
                    Catch::Contains("spectrum.mass_aprime = 0.25"));
  const ss::yield_model model(spectrum, benchmark(0.25, 1e-3), setup);
  CHECK_THROWS_WITH(model.events(-1e-3), Catch::Contains("epsilon = -0.001"));
  CHECK_THROWS_WITH(model.events(1e-3, 0.0), Catch::Contains("alpha_dark = 0"));
  ss::yield_options bad;
  bad.eot = 0;
  CHECK_THROWS_WITH(ss::yield_model(spectrum, benchmark(0.25, 1e-3), setup, bad),
                    Catch::Contains("eot = 0"));
  auto other = setup;
  other.missing_energy_threshold_GeV = 60;
  CHECK_THROWS_WITH(ss::yield_model(spectrum, benchmark(0.25, 1e-3), other),
                    Catch::Contains("energy_threshold"));
}
