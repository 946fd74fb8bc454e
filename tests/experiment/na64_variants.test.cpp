// Tests of the NA64 variant files (data/experiments/na64-2016-2018-hcal-gap.json and
// na64-2016-2018-ecal.json): each switches one assumption of the paper's re-cast and leaves the
// rest of na64-2016-2018 untouched. Checked against exact limits (long-lived decays scale with
// the length of the decay interval) and against the review numbers quoted in issue 11.
#include <catch2/catch.hpp>

#include <string>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/signal/yield.hpp"

namespace {
namespace sig = semivisible::signal;
namespace exper = semivisible::experiment;

// The file without resonant annihilation: the paper's production, as the na64-2021 curves.
exper::experiment variant_bundle(const std::string& name) {
  auto x = exper::builtin(name);
  REQUIRE(x.production.back().name == "annihilation");
  x.production.pop_back();
  return x;
}

sig::yield_options visible_kind() {
  sig::yield_options o;
  o.kind = sig::model_kind::visible;
  return o;
}

// ε at the centre of the g−2 band at m_A′ = 0.39 GeV (docs/formula-notes.md §6), the paper's
// benchmark ratios: where the χ2 is short-lived and S1 decides.
constexpr double variant_mass = 0.39, variant_epsilon = 7.7681e-3;
}  // namespace

TEST_CASE("NA64 HCAL-gap variant: S1 gains the gap's decays, nothing else changes",
          "[experiment][na64-variants]") {
  const auto paper = variant_bundle("na64-2016-2018");
  const auto gap = variant_bundle("na64-2016-2018-hcal-gap");
  REQUIRE(gap.regions.size() == paper.regions.size());
  CHECK(gap.regions[0].decay_start_m == 2.2);  // the HCAL1 end of the layout
  CHECK(gap.regions[0].decay_end_m == paper.regions[0].decay_end_m);
  const auto point = semivisible::model::benchmark(variant_mass, variant_epsilon);
  const sig::yield_model a(paper, point), b(gap, point);
  const auto ra = a.events(variant_epsilon), rb = b.events(variant_epsilon);
  CHECK(rb.regions[1].events == ra.regions[1].events);  // S2 untouched, bit for bit
  // The gap's decays add: the review (issue 11) estimated P(S1) × 1.4 at 0.39 GeV; the library's
  // ratio is pinned to that estimate within 10 % (its spectrum and layout are the same kind of
  // estimate; the value here is 1.378, docs/validation.md "NA64 variants").
  const double ratio = rb.regions[0].events / ra.regions[0].events;
  CAPTURE(ratio);
  CHECK(ratio == Approx(1.4).epsilon(0.1));
  // Long-lived limit (visible A′, tiny ε): P ∝ the interval length at every energy, so the ratio
  // is (6.0 − 2.2)/(6.0 − 2.6) exactly, to the tables' 2e-3 accuracy.
  const auto light = semivisible::model::benchmark(0.05, 1e-7);
  const sig::yield_model va(paper, light, visible_kind()), vb(gap, light, visible_kind());
  CHECK(vb.events(1e-7).regions[0].events / va.events(1e-7).regions[0].events ==
        Approx((6.0 - 2.2) / (6.0 - 2.6)).epsilon(2e-3));
}

TEST_CASE("NA64 ECAL variant: a missing-energy region for decays inside the ECAL",
          "[experiment][na64-variants]") {
  const auto paper = variant_bundle("na64-2016-2018");
  const auto ecal = variant_bundle("na64-2016-2018-ecal");
  REQUIRE(ecal.regions.size() == paper.regions.size() + 1);
  REQUIRE(ecal.regions[0].name == "ECAL");
  CHECK(ecal.regions[0].signature == exper::signature::missing_energy);
  CHECK(ecal.regions[0].observed == 0);
  CHECK(ecal.regions[0].background == 0);
  const auto point = semivisible::model::benchmark(variant_mass, variant_epsilon);
  const sig::yield_model a(paper, point), b(ecal, point);
  const auto ra = a.events(variant_epsilon), rb = b.events(variant_epsilon);
  // S1 and S2 untouched, bit for bit.
  CHECK(rb.regions[1].events == ra.regions[0].events);
  CHECK(rb.regions[2].events == ra.regions[1].events);
  // Efficiency: S2's selection × 0.82 (the review's fraction with E_ECAL < 50 GeV).
  CHECK(rb.regions[0].efficiency == Approx(0.82 * ra.regions[1].efficiency).epsilon(1e-14));
  // At 0.39 GeV on the g−2 band most χ2 decay within the ECAL's 44 cm (cτ ≈ 5 mm): the
  // variant's ECAL events outnumber S1's, so the paper's choice is the conservative one.
  CHECK(rb.regions[0].events > ra.regions[0].events);
  // Long-lived limit: P(ECAL)/P(S1) → (0.45 − 0.011)/(6.0 − 2.6) at every energy.
  const auto light = semivisible::model::benchmark(0.05, 1e-7);
  const sig::yield_model va(paper, light, visible_kind()), vb(ecal, light, visible_kind());
  CHECK(vb.events(1e-7).regions[0].probability / va.events(1e-7).regions[0].probability ==
        Approx((0.45 - 0.011) / (6.0 - 2.6)).epsilon(2e-3));
}
