// Tests of semivisible/production/proton_bremsstrahlung_source.hpp: the spectrum is the FWW
// yield of proton_bremsstrahlung.hpp (with and without the form factor), the threshold, the
// samples' weights, the fraction reaching an off-axis square against the direct sum over the
// quadrature nodes, the empty spectrum where the cuts leave no z range, settings and errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/production/proton_bremsstrahlung.hpp"
#include "semivisible/production/proton_bremsstrahlung_source.hpp"

namespace sp = semivisible::production;

TEST_CASE("proton_bremsstrahlung_source: the spectrum is the FWW yield inside the cuts",
          "[production][proton_bremsstrahlung_source]") {
  const sp::proton_bremsstrahlung_source src(70.0, nlohmann::json::object());
  for (const double m : {0.01, 0.3, 0.77}) {
    const sp::proton_bremsstrahlung direct(m, src.settings());
    // z ≥ 0.1 at 70 GeV: every A′ has E > 7 GeV, a 1 GeV threshold keeps all (exact deposits).
    const auto s = src.spectrum(m, 1.0);
    CHECK(s->per_particle() == Approx(direct.yield()).epsilon(1e-12));
    double sum = 0;
    for (const double w : s->node_weights()) sum += w;
    CHECK(sum == Approx(direct.yield()).epsilon(1e-12));
    // "form_factor": false is the point-like proton: the yield over |F1(m²)|².
    const sp::proton_bremsstrahlung_source point(70.0, {{"form_factor", false}});
    CHECK(point.spectrum(m, 1.0)->per_particle() ==
          Approx(direct.yield() / direct.form_factor_squared()).epsilon(1e-12));
    CHECK(point.key() != src.key());
  }
  // A threshold inside the spectrum keeps exactly the nodes above it.
  const sp::proton_bremsstrahlung direct(0.1, src.settings());
  double above = 0;
  for (const auto& n : direct.nodes())
    if (n.energy >= 30.0) above += n.weight;
  CHECK(src.spectrum(0.1, 30.0)->per_particle() == Approx(above).epsilon(1e-12));
}

TEST_CASE("proton_bremsstrahlung_source: samples and the acceptance of an off-axis square",
          "[production][proton_bremsstrahlung_source]") {
  const sp::proton_bremsstrahlung_source src(400.0, nlohmann::json::object());
  const double m = 0.2, z = 500, cy = 4.8, h = 1.5;
  const auto s = src.spectrum(m, 5.0);
  // Direct: each node's A′ is at a fixed θ, its azimuth uniform: the fraction of the circle of
  // radius z·tanθ inside the square, by a 20000-point midpoint sum in φ (error ≤ 4/20000).
  auto arc = [&](double theta) {
    constexpr int n = 20000;
    int in = 0;
    for (int k = 0; k < n; ++k) {
      const double phi = 2 * std::numbers::pi * (k + 0.5) / n, r = z * std::tan(theta);
      if (std::abs(r * std::cos(phi)) <= h && std::abs(r * std::sin(phi) - cy) <= h) ++in;
    }
    return static_cast<double>(in) / n;
  };
  const sp::proton_bremsstrahlung direct_b(m, src.settings());
  double num = 0, den = 0;
  for (const auto& n : direct_b.nodes()) {
    if (n.energy < 5.0) continue;
    den += n.weight;
    if (n.theta < 0.02) num += n.weight * arc(n.theta);
  }
  const double direct = num / den;
  auto hit = [&](const sp::aprime_sample& a) {
    const double r = z * std::tan(a.theta);
    return std::abs(r * std::cos(a.phi)) <= h && std::abs(r * std::sin(a.phi) - cy) <= h;
  };
  double plain_error = 0;
  for (const bool focused : {false, true}) {
    sp::sampling_options o;
    o.per_node = 64;
    if (focused) o.cones = {{cy / z, std::numbers::pi / 2, 1.5 * h * std::sqrt(2.0) / z}};
    const auto samples = src.samples(*s, o);
    double total = 0, in = 0;
    for (const auto& a : samples) {
      total += a.weight;
      if (hit(a)) in += a.weight;
    }
    CHECK(total == Approx(s->per_particle()).epsilon(1e-12));
    const double f = in / total;
    double var = 0;
    for (const auto& a : samples) {
      const double x = hit(a) ? 1.0 : 0.0, w = a.weight / total;
      var += w * w * (x - f) * (x - f);
    }
    INFO("focused " << focused << ": sampled " << f << " +- " << std::sqrt(var) << ", direct "
                    << direct);
    CHECK(direct > 1e-3);
    // 4 standard errors (the direct sum is exact up to the 5e-4 of the azimuth sum).
    CHECK(std::abs(f - direct) < 4 * std::sqrt(var) + 1e-3 * direct);
    // The A′ is its own parent (spread 0): aiming at the off-axis cone must pay (measured: the
    // error halves, i.e. 4x fewer samples for the same precision; 0.7 leaves room for the noise).
    if (focused)
      CHECK(std::sqrt(var) < 0.7 * plain_error);
    else
      plain_error = std::sqrt(var);
  }
}

TEST_CASE("proton_bremsstrahlung_source: no z range left is an empty spectrum; bad settings throw",
          "[production][proton_bremsstrahlung_source][errors]") {
  const sp::proton_bremsstrahlung_source src(70.0, nlohmann::json::object());
  // E_A′ ≤ E_p − k m_p: above ~65 GeV no A′ passes the hierarchy cut at 70 GeV.
  const auto s = src.spectrum(66.0, 1.0);
  CHECK(s->per_particle() == 0.0);
  CHECK(src.samples(*s, {}).empty());
  CHECK_THROWS_WITH(sp::proton_bremsstrahlung_source(70.0, {{"z_min", -0.1}}, "nucal.json: p"),
                    Catch::Contains("nucal.json: p") && Catch::Contains("z_min = -0.1"));
  CHECK_THROWS_WITH(sp::proton_bremsstrahlung_source(70.0, {{"z_min", 0.95}}),
                    Catch::Contains("z_min"));
  CHECK_THROWS_WITH(sp::proton_bremsstrahlung_source(70.0, {{"form_factor", "yes"}}),
                    Catch::Contains("form_factor = \"yes\""));
  CHECK_THROWS_WITH(sp::proton_bremsstrahlung_source(70.0, {{"pt_max", 1.0}}),
                    Catch::Contains("unknown setting 'pt_max'"));
  CHECK_THROWS_WITH(sp::proton_bremsstrahlung_source(70.0, {{"splitting", "other"}}),
                    Catch::Contains("splitting = \"other\""));
  const sp::proton_bremsstrahlung_source narrow(70.0, {{"z_min", 0.2}, {"pt_max_GeV", 0.5}});
  CHECK(narrow.key() != src.key());
  CHECK(narrow.spectrum(0.1, 1.0)->per_particle() < src.spectrum(0.1, 1.0)->per_particle());
}
