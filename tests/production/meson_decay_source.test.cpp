// Tests of semivisible/production/meson_decay_source.hpp (and detail/proton_dump_sampling.hpp):
// the spectrum integrates to multiplicity × BR(P → γA′), the threshold cut against the exact
// flat-box energy range, samples' weights sum to the spectrum, the sampled energies reproduce
// the isotropic (flat) distribution, and the fraction of A′ reaching an on-axis disc and an
// off-axis square (CHARM-like) agrees with a direct quadrature over mesons × decay angles.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include <nlohmann/json.hpp>

#include "semivisible/constants.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/production/meson_decay.hpp"
#include "semivisible/production/meson_decay_source.hpp"
#include "semivisible/production/sources.hpp"

namespace sp = semivisible::production;
namespace se = semivisible::experiment;

namespace {

/// The part of a circle of angular radius θ (directions at azimuths φ ∈ [0, 2π)) whose straight
/// line from the origin hits the rectangle |x − cx| ≤ hw, |y − cy| ≤ hh at distance z: a
/// 4096-point midpoint sum in φ (exact up to the two crossings per edge: error ≤ 4/4096).
double arc_fraction(double theta, double z, double cx, double cy, double hw, double hh) {
  constexpr int n = 4096;
  int in = 0;
  for (int k = 0; k < n; ++k) {
    const double phi = 2 * std::numbers::pi * (k + 0.5) / n;
    const double x = z * std::tan(theta) * std::cos(phi), y = z * std::tan(theta) * std::sin(phi);
    if (std::abs(x - cx) <= hw && std::abs(y - cy) <= hh) ++in;
  }
  return static_cast<double>(in) / n;
}

/// arc_fraction tabulated on [0, theta_max] (linear interpolation; 0 beyond).
struct arc_table {
  double theta_max;
  std::vector<double> values;
  arc_table(double tmax, double z, double cx, double cy, double hw, double hh, int points = 3001)
      : theta_max(tmax) {
    for (int i = 0; i < points; ++i)
      values.push_back(arc_fraction(tmax * i / (points - 1), z, cx, cy, hw, hh));
  }
  double operator()(double theta) const {
    if (!(theta < theta_max)) return 0.0;
    const double v = theta / theta_max * static_cast<double>(values.size() - 1);
    const auto i = static_cast<std::size_t>(v);
    const double t = v - static_cast<double>(i);
    return (1 - t) * values[i] + t * values[std::min(i + 1, values.size() - 1)];
  }
};

/// Weighted fraction of samples with hit(s) and its Monte Carlo standard error (self-normalised
/// estimator: σ² = Σ ω_k² (x_k − F)², ω = w/Σw).
struct fraction {
  double value, error;
};
template <class Hit>
fraction sampled_fraction(const std::vector<sp::aprime_sample>& s, Hit&& hit) {
  double total = 0, in = 0;
  for (const auto& a : s) {
    total += a.weight;
    if (hit(a)) in += a.weight;
  }
  const double f = in / total;
  double var = 0;
  for (const auto& a : s) {
    const double x = hit(a) ? 1.0 : 0.0, w = a.weight / total;
    var += w * w * (x - f) * (x - f);
  }
  return {f, std::sqrt(var)};
}

/// Direct quadrature of the fraction of A′ above `threshold` whose direction satisfies the
/// azimuth-averaged acceptance `arc(θ)`: Σ_i w_i Σ_{cos, φ*} (Gauss–Legendre on the part of
/// cosθ* above the threshold, 48 points × 24 trapezoid points in φ*) / Σ_i w_i (1 − c_lo)/2.
template <class Arc>
double direct_fraction(const sp::meson_spectrum& mesons, double m, double threshold, Arc&& arc) {
  const double mp = mesons.mass();
  const sp::decay_angle_rule unit(48, 24);  // cosθ* nodes on [−1, 1], mapped below
  double num = 0, den = 0;
  for (const auto& n : mesons.nodes()) {
    const auto range = sp::aprime_energy_range(mp, n.momentum, m);
    if (!(range.upper > threshold)) continue;
    const double c_lo =
        std::clamp(-1 + 2 * (threshold - range.lower) / (range.upper - range.lower), -1.0, 1.0);
    const double share = 0.5 * (1 - c_lo);
    double acc = 0;
    for (const auto& d : unit.nodes) {
      const double c = c_lo + (1 - c_lo) * 0.5 * (d.cos_theta_star + 1);
      acc += d.weight * arc(sp::decay_to_lab(mp, n.momentum, n.theta, m, c, d.phi_star).theta);
    }
    num += n.weight * share * acc;
    den += n.weight * share;
  }
  return num / den;
}

}  // namespace

TEST_CASE("meson_decay_source: the spectrum integrates to multiplicity x BR(P -> gamma A')",
          "[production][meson_decay_source]") {
  const nlohmann::json none = nlohmann::json::object();
  for (const auto which : {sp::meson::pi0, sp::meson::eta}) {
    const sp::meson_decay_source src(which, 400.0, 63.546, none);
    const double m = which == sp::meson::pi0 ? 0.05 : 0.3;
    const double mp = sp::properties(which).mass;
    const double br = 2 * std::pow(1 - m * m / (mp * mp), 3) *
                      sp::properties(which).branching_ratio_gamma_gamma;  // BPR 2009 Eq. 15
    // E_A′ ≥ m always: a threshold at m keeps every A′. Deposits are exact: 1e-12.
    const auto s = src.spectrum(m, m);
    CHECK(s->per_particle() == Approx(src.mesons().multiplicity() * br).epsilon(1e-12));
    double sum = 0, over_e = 0;
    for (std::size_t i = 0; i < s->node_energies().size(); ++i) {
      sum += s->node_weights()[i];
      over_e += s->node_weights()[i] / s->node_energies()[i];
    }
    CHECK(sum == Approx(s->per_particle()).epsilon(1e-12));
    // Σ w/E by 2-point Gauss per bin vs the exact ∫dE/E of the histogram: the bins are 8 % wide,
    // so the 2-point rule's error on 1/E is ≲ (0.08)⁴/270 ~ 1e-7.
    CHECK(over_e == Approx(s->cumulative_over_energy(s->energy_top())).epsilon(1e-6));
  }
}

TEST_CASE("meson_decay_source: the threshold keeps the part of each flat box above it",
          "[production][meson_decay_source]") {
  const sp::meson_decay_source src(sp::meson::pi0, 70.0, 55.845, nlohmann::json::object());
  const double m = 0.02, threshold = 3.0;
  const auto s = src.spectrum(m, threshold);
  // Independent: the lab energy range of each meson node from decay_to_lab (meson_decay.hpp).
  double expected = 0;
  for (const auto& n : src.mesons().nodes()) {
    const auto r = sp::aprime_energy_range(sp::properties(sp::meson::pi0).mass, n.momentum, m);
    if (r.upper > threshold)
      expected += n.weight * (r.upper - std::max(r.lower, threshold)) / (r.upper - r.lower);
  }
  expected *= sp::branching_ratio_gamma_aprime(sp::meson::pi0, m, 1.0);
  CHECK(s->per_particle() == Approx(expected).epsilon(1e-10));
  CHECK(s->energy_threshold() == threshold);
  CHECK(s->cumulative_over_energy(threshold) == 0.0);
}

TEST_CASE("meson_decay_source: the channel closes at m_P (empty spectrum, no samples)",
          "[production][meson_decay_source]") {
  const sp::meson_decay_source src(sp::meson::pi0, 70.0, 55.845, nlohmann::json::object());
  for (const double m : {semivisible::constants::mass_pion_neutral, 0.2}) {
    const auto s = src.spectrum(m, 1.0);
    CHECK(s->per_particle() == 0.0);
    CHECK(s->node_energies().empty());
    CHECK(src.samples(*s, {}).empty());
  }
}

TEST_CASE("meson_decay_source: samples sum to the spectrum and their energies are flat per meson",
          "[production][meson_decay_source]") {
  const sp::meson_decay_source src(sp::meson::eta, 400.0, 63.546, nlohmann::json::object());
  const double m = 0.1, threshold = 5.0;
  const auto s = src.spectrum(m, threshold);
  sp::sampling_options o;
  o.per_node = 32;
  for (const bool focused : {false, true}) {
    if (focused) o.cones = {{4.8 / 515, std::numbers::pi / 2, 1.5 * 1.5 * std::sqrt(2.0) / 515}};
    const auto samples = src.samples(*s, o);
    REQUIRE(samples.size() == 32 * sp::meson_decay_source::draws_per_node);
    double sum = 0;
    for (const auto& a : samples) sum += a.weight;
    // The weights are rescaled to the spectrum's total: exact to rounding.
    CHECK(sum == Approx(s->per_particle()).epsilon(1e-12));
    // Isotropy in the meson frame <=> E_A′ flat between E− and E+ for each meson: the sampled
    // energies must reproduce the histogram built from the flat boxes. Fractions above four bin
    // edges, within 4 standard errors (a false alarm in ~1e-4 of seeds per comparison).
    const auto* binned = dynamic_cast<const sp::meson_decay_spectrum*>(s.get());
    REQUIRE(binned);
    const auto& edges = binned->bin_edges();
    const auto& content = binned->bin_contents();
    for (const std::size_t k :
         {std::size_t{16}, std::size_t{40}, std::size_t{64}, std::size_t{90}}) {
      double above = 0;
      for (std::size_t j = k; j < content.size(); ++j) above += content[j];
      above /= s->per_particle();
      const auto f = sampled_fraction(samples, [&](const auto& a) { return a.energy >= edges[k]; });
      INFO("focused " << focused << ", E > " << edges[k] << " GeV: sampled " << f.value << " +- "
                      << f.error << ", spectrum " << above);
      CHECK(std::abs(f.value - above) < 4 * f.error + 1e-9);
      for (const auto& a : samples) REQUIRE(a.energy >= threshold * (1 - 1e-12));
    }
  }
}

TEST_CASE(
    "meson_decay_source: acceptance of an off-axis square and an on-axis disc vs direct "
    "quadrature",
    "[production][meson_decay_source]") {
  SECTION("CHARM-like: eta at 400 GeV, 3 m x 3 m square 4.8 m off axis at 500 m, E > 5 GeV") {
    const sp::meson_decay_source src(sp::meson::eta, 400.0, 63.546, nlohmann::json::object());
    const double m = 0.1, threshold = 5.0, z = 500, cy = 4.8, h = 1.5;
    const arc_table arc(0.02, z, 0.0, cy, h, h);
    const double direct = direct_fraction(src.mesons(), m, threshold, arc);
    const auto s = src.spectrum(m, threshold);
    auto hit = [&](const sp::aprime_sample& a) {
      const double r = z * std::tan(a.theta);
      return std::abs(r * std::cos(a.phi)) <= h && std::abs(r * std::sin(a.phi) - cy) <= h;
    };
    sp::sampling_options o;
    o.per_node = 64;
    const auto plain = sampled_fraction(src.samples(*s, o), hit);
    o.cones = {{cy / z, std::numbers::pi / 2, 1.5 * h * std::sqrt(2.0) / z}};
    const auto focused = sampled_fraction(src.samples(*s, o), hit);
    INFO("direct " << direct << ", plain " << plain.value << " +- " << plain.error << ", focused "
                   << focused.value << " +- " << focused.error);
    CHECK(direct > 1e-3);  // the case is not empty
    // 4 standard errors + 1 % for the quadrature (48 x 24 decay angles; the arc table's linear
    // interpolation and its 4096-point azimuth sum are good to 1e-3).
    CHECK(std::abs(plain.value - direct) < 4 * plain.error + 0.01 * direct);
    CHECK(std::abs(focused.value - direct) < 4 * focused.error + 0.01 * direct);
    // The A′ of an η spreads by ~2 m_η/p ≈ 50 mrad about the meson, wider than the 6 mrad cone:
    // the gain comes from rotating each A′ towards the cone (measured: the error falls by 1.7,
    // i.e. 3x fewer samples for the same precision; 0.8 leaves room for the noise of an error
    // estimated from ~150 hits).
    CHECK(focused.error < 0.8 * plain.error);
  }
  SECTION("NuCal-like: pi0 at 70 GeV, disc r = 1.3 m at 87 m, E > 3 GeV") {
    const sp::meson_decay_source src(sp::meson::pi0, 70.0, 55.845, nlohmann::json::object());
    const double m = 0.03, threshold = 3.0, angle = std::atan(1.3 / 87);
    const double direct = direct_fraction(src.mesons(), m, threshold,
                                          [&](double theta) { return theta < angle ? 1.0 : 0.0; });
    const auto s = src.spectrum(m, threshold);
    sp::sampling_options o;
    o.per_node = 64;
    o.cones = {{0.0, 0.0, 1.5 * 1.3 / 87}};
    const auto f =
        sampled_fraction(src.samples(*s, o), [&](const auto& a) { return a.theta < angle; });
    INFO("direct " << direct << ", sampled " << f.value << " +- " << f.error);
    CHECK(std::abs(f.value - direct) < 4 * f.error + 0.01 * direct);
  }
}

TEST_CASE("meson_decay_source: settings, keys and errors", "[production][meson_decay_source]") {
  const nlohmann::json none = nlohmann::json::object();
  const sp::meson_decay_source a(sp::meson::pi0, 70.0, 55.845, none);
  const sp::meson_decay_source b(sp::meson::pi0, 70.0, 55.845, {{"mesons_per_pot", 1.5}});
  CHECK(b.mesons().multiplicity() == 1.5);
  CHECK(a.key() != b.key());
  CHECK(a.name() == "pi0_decay");
  const sp::meson_decay_source c(sp::meson::eta, 70.0, 55.845, {{"eta_to_pi0_ratio", 0.1}});
  CHECK(c.mesons().multiplicity() == Approx(0.1 * a.mesons().multiplicity()).epsilon(1e-12));
  CHECK(c.name() == "eta_decay");
  CHECK_THROWS_WITH(sp::meson_decay_source(sp::meson::pi0, 70.0, 55.845, {{"mesons_per_pot", -2}},
                                           "nucal.json: production[0] 'pi0_decay'"),
                    Catch::Contains("nucal.json: production[0] 'pi0_decay'") &&
                        Catch::Contains("mesons_per_pot = -2"));
  CHECK_THROWS_WITH(sp::meson_decay_source(sp::meson::pi0, 70.0, 55.845, {{"colour", 1}}),
                    Catch::Contains("unknown setting 'colour'"));
  // The η/π⁰ ratio is no setting of the π⁰ source.
  CHECK_THROWS_WITH(
      sp::meson_decay_source(sp::meson::pi0, 70.0, 55.845, {{"eta_to_pi0_ratio", 0.1}}),
      Catch::Contains("unknown setting 'eta_to_pi0_ratio'"));
  CHECK_THROWS_WITH(
      sp::meson_decay_source(sp::meson::eta, 70.0, 55.845, {{"nuclear_pt_dependence", "cubic"}}),
      Catch::Contains("nuclear_pt_dependence = \"cubic\""));
  const sp::meson_decay_source lin(sp::meson::pi0, 70.0, 55.845,
                                   {{"nuclear_pt_dependence", "linear"}});
  CHECK(lin.key() != a.key());
}

TEST_CASE("make_source: proton sources need a proton beam and electron sources an electron beam",
          "[production][meson_decay_source][errors]") {
  auto e137 = se::builtin("e137");
  e137.production = {{"pi0_decay", nlohmann::json::object()}};
  CHECK_THROWS_WITH(sp::source_set(e137), Catch::Contains("experiment 'e137'") &&
                                              Catch::Contains("production[0] 'pi0_decay'") &&
                                              Catch::Contains("beam.particle = electron"));
  auto nucal = se::builtin("nucal");
  nucal.production.push_back({"bremsstrahlung", nlohmann::json::object()});
  CHECK_THROWS_WITH(sp::source_set(nucal), Catch::Contains("experiment 'nucal'") &&
                                               Catch::Contains("production[3] 'bremsstrahlung'") &&
                                               Catch::Contains("beam.particle = proton"));
  // The built-in proton experiments build their sources, with distinct keys.
  const sp::source_set all(se::builtin("nucal"));
  CHECK(all.names() == "pi0_decay,eta_decay,proton_bremsstrahlung");
  CHECK(all.sources()[0]->key() != all.sources()[1]->key());
  CHECK(sp::source_set(se::builtin("charm")).names() == "eta_decay,pi0_decay");
}
