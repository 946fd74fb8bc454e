// Tests of signal/event_acceptance.hpp and signal/acceptance_table.hpp: the event-level acceptance
// in its analytic limits — a detector larger than the decay cone, a pencil detector, λ ≪ L and
// λ ≫ L — and the table against the direct sum over events.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/experiment/load.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/signal/event_acceptance.hpp"

namespace ss = semivisible::signal;
namespace se = semivisible::experiment;
using semivisible::model::parameters;

namespace {
constexpr double decay_start = 10.0, decay_end = 50.0, plane_z = 60.0;  // metres

// A toy dump: one visible region [10, 50] m with a detector plane at 60 m of the given size.
se::experiment toy(const nlohmann::json& detector, double energy_min = 0.0,
                   double energy_max = 0.0 /* 0: no cap */) {
  nlohmann::json j = {
      {"name", "toy"},
      {"beam", {{"particle", "electron"}, {"energy_GeV", 20.0}, {"particles_on_target", 1e18}}},
      {"target", {{"material", "lead"}, {"thickness_X0", 20.0}}},
      {"production", {"bremsstrahlung"}},
      {"regions",
       {{{"name", "R"},
         {"signature", "visible"},
         {"decay_z_m", {decay_start, decay_end}},
         {"detector", detector},
         {"visible_energy_min_GeV", energy_min},
         {"observed", 0}}}}};
  if (energy_max > 0) j["regions"][0]["visible_energy_max_GeV"] = energy_max;
  return se::from_json(j, "toy.json");
}

nlohmann::json disc(double radius) {
  return {{"z_m", plane_z}, {"shape", "disc"}, {"radius_m", radius}};
}

// n A′ of one energy along the beam: the products' directions come from the decays alone.
std::vector<semivisible::production::aprime_sample> beam_line(double energy, std::size_t n) {
  return std::vector<semivisible::production::aprime_sample>(n, {energy, 0.0, 0.0, 1.0});
}

const auto visible_point = parameters<double>::from_ratios(0.05, 1e-5, 0.1, 3.0, 0.4);
}  // namespace

TEST_CASE("a detector larger than the decay cone sees every decay in the interval",
          "[signal][event-acceptance]") {
  // A′ of 10 GeV and 50 MeV: the e± leave within ~m/E = 5 mrad, i.e. < 0.3 m at 60 m; a 100 m disc
  // sees all of them. P(seen) = P(decay in [a, b]) = e^{−a u s} − e^{−b u s}, u = m/p (exact).
  const auto e = toy(disc(100.0));
  const double energy = 10.0, m = visible_point.mass_aprime();
  const auto acc =
      ss::event_acceptance(e, {0}, visible_point, ss::model_kind::visible, beam_line(energy, 400));
  REQUIRE(acc.size() == 1);
  const double u = m / std::sqrt(energy * energy - m * m);
  for (const double ctau : {1e-2, 1.0, 30.0, 1e3, 1e6}) {
    const double s = 1 / ctau;
    const double exact = std::exp(-decay_start * u * s) - std::exp(-decay_end * u * s);
    CAPTURE(ctau);
    CHECK(acc[0].decay_probability(s) == Approx(exact).epsilon(1e-12));
    // The table interpolates the same sum (its stated accuracy: 2e-3 where P > 1e-100).
    CHECK(acc[0].seen.direct(s) == Approx(exact).epsilon(1e-12));
    CHECK(acc[0].seen.probability(s) == Approx(exact).epsilon(2e-3));
  }
}

TEST_CASE("lambda >> L: P -> (b - a) u / ctau; lambda << L: P -> exp(-a u / ctau)",
          "[signal][event-acceptance]") {
  const auto e = toy(disc(100.0));
  const double energy = 10.0, m = visible_point.mass_aprime();
  const double u = m / std::sqrt(energy * energy - m * m);
  const auto acc =
      ss::event_acceptance(e, {0}, visible_point, ss::model_kind::visible, beam_line(energy, 50));
  // Long-lived: the first Taylor term, relative corrections (b u s)/2 ~ 1e-8.
  const double s_long = 1e-8;
  CHECK(acc[0].seen.probability(s_long) ==
        Approx((decay_end - decay_start) * u * s_long).epsilon(1e-6));
  CHECK(acc[0].seen.slope_at_zero() == Approx((decay_end - decay_start) * u).epsilon(1e-12));
  // Short-lived: λ = 1/(u s) = a/40, P = e^{−40}(1 − e^{−160}) to 2e-3 (the table's accuracy).
  const double s_short = 40 / (decay_start * u);
  CHECK(acc[0].seen.probability(s_short) == Approx(std::exp(-40.0)).epsilon(2e-3));
  // Far beyond the table: exactly nothing, never a NaN.
  CHECK(acc[0].seen.probability(1e6 * s_short) == 0.0);
}

TEST_CASE("a pencil detector's acceptance scales with its area", "[signal][event-acceptance]") {
  // Discs of 1 and 2 cm on the axis at 60 m: much smaller than the e± spread there (~0.1 m), so
  // the seen fraction is the hit density at the centre times the area: ratio 4. The tolerance is
  // 4 times the combined Monte Carlo error reported by the tables (relative_error), plus the
  // O(R²/spread²) ~ 4 % curvature of the density over the larger disc.
  const auto samples = beam_line(10.0, 400000);
  const double s = 1e-6;  // long-lived: every decay position counts alike
  auto seen = [&](double radius) {
    const auto acc = ss::event_acceptance(toy(disc(radius)), {0}, visible_point,
                                          ss::model_kind::visible, samples);
    return std::pair{acc[0].seen.direct(s), acc[0].seen.relative_error(s)};
  };
  const auto [small, small_error] = seen(0.01);
  const auto [large, large_error] = seen(0.02);
  REQUIRE(small > 0);
  const double ratio = large / small;
  const double tolerance = 4 * ratio * std::hypot(small_error, large_error) + 0.04 * 4;
  CAPTURE(small, large, small_error, large_error, ratio, tolerance);
  CHECK(small_error < 0.05);
  CHECK(std::abs(ratio - 4) < tolerance);
}

TEST_CASE("an energy threshold above every product's energy sees nothing; at zero, everything",
          "[signal][event-acceptance]") {
  const auto samples = beam_line(10.0, 200);
  const auto none = ss::event_acceptance(toy(disc(100.0), 10.5), {0}, visible_point,
                                         ss::model_kind::visible, samples);
  CHECK(none[0].seen.probability(1.0) == 0.0);
  CHECK(none[0].decay_probability(1.0) > 0);
  // Half the A′ energy on each side at most: a 5 GeV threshold on the sum of both (10 GeV) keeps
  // every event whose two products both hit — all of them for the big disc.
  const auto all = ss::event_acceptance(toy(disc(100.0), 5.0), {0}, visible_point,
                                        ss::model_kind::visible, samples);
  CHECK(all[0].seen.direct(1.0) == Approx(all[0].decay_probability(1.0)).epsilon(1e-12));
}

TEST_CASE("the visible-energy window [min, max] splits the events exactly at its ends",
          "[signal][event-acceptance]") {
  // A′ of 4, 8, 12 and 16 GeV along the beam, a disc that sees both e± of every decay: the visible
  // energy is the A′ energy, so a cap at 10 GeV keeps exactly the 4 and 8 GeV half and a
  // threshold at 10 GeV exactly the other half; a cap above every energy changes nothing.
  std::vector<semivisible::production::aprime_sample> samples;
  for (const double energy : {4.0, 8.0, 12.0, 16.0}) {
    const auto part = beam_line(energy, 100);
    samples.insert(samples.end(), part.begin(), part.end());
  }
  auto seen = [&](double min, double max) {
    const auto acc = ss::event_acceptance(toy(disc(100.0), min, max), {0}, visible_point,
                                          ss::model_kind::visible, samples);
    return acc[0].seen.direct(1.0);
  };
  const double all = seen(0.0, 0.0);
  REQUIRE(all > 0);
  CHECK(seen(0.0, 10.0) + seen(10.0, 0.0) == Approx(all).epsilon(1e-12));
  CHECK(seen(0.0, 10.0) > 0.2 * all);  // the lighter half (slower, decays earlier) is not empty
  CHECK(seen(0.0, 1e3) == all);
  CHECK(seen(0.0, 3.0) == 0.0);
  CHECK(seen(5.0, 7.0) == 0.0);  // a window between the sample energies
}

TEST_CASE("the invisible model and a stable chi2 have no visible decays",
          "[signal][event-acceptance]") {
  const auto e = toy(disc(100.0));
  const auto samples = beam_line(10.0, 20);
  CHECK(ss::event_acceptance(e, {0}, visible_point, ss::model_kind::invisible, samples)[0]
            .seen.entries() == 0);
  const auto stable = parameters<double>::from_ratios(0.05, 1e-5, 0.1, 3.0, 1e-3);  // Δ < 2 m_e
  CHECK(ss::event_acceptance(e, {0}, stable, ss::model_kind::semivisible, samples)[0]
            .seen.entries() == 0);
  // Semi-visible with an open channel: some decays are seen, never more than decay.
  const auto open =
      ss::event_acceptance(e, {0}, visible_point, ss::model_kind::semivisible, samples);
  CHECK(open[0].seen.direct(1.0) > 0);
  CHECK(open[0].seen.direct(1.0) <= open[0].decay_probability(1.0) * (1 + 1e-12));
}
