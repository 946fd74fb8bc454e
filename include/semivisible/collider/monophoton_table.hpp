// semivisible/collider/monophoton_table.hpp — probability that a semi-visible A′ event passing a
// mono-photon selection stays invisible: χ2 → χ1 e⁺e⁻ happens outside the veto volume, or inside
// it with e⁺e⁻ too soft to be vetoed.
//
// Model (the NA64 2021 paper, Eq. 1; docs/formula-notes.md §1–2): e⁺e⁻ → γ A′, A′ → χ1 χ2 promptly,
// χ2 → χ1 e⁺e⁻ (or μ⁺μ⁻) via an off-shell A′ with the exact LO width of physics/chi2_width.hpp.
// For one event, with the χ2 lab momentum p (transverse p_T, longitudinal p_z) and the veto volume
// a cylinder of radius R and ends at z = +z_f, −z_b around the interaction point,
//   P_escape = exp(−d/cτ),   d = m_χ2 · min(R/p_T, z_f/p_z if p_z > 0, z_b/|p_z| if p_z < 0),
// (the decay law exp(−L/(βγ cτ)) with L the flight distance to the cylinder, βγ = |p|/m_χ2;
// PDG §49), and the event stays in the mono-photon sample with probability
//   P = P_escape + (1 − P_escape) · P_soft,                                                 (1)
// where P_soft = BR(e⁺e⁻) · P(E_ee,lab < E_th) (muon pairs are always taken as seen). P_invisible
// is the average of (1) over accepted signal events:
//   • photon polar angle in the CM, c = cosθ*_γ ∈ [c_min, c_max], weighted by dσ/dcosθ*
//     (collider/monophoton.hpp, Eq. 1); the A′ recoils back to back with p* = (s − m²)/(2√s);
//   • A′ → χ1 χ2 isotropic in the A′ frame (unpolarised A′; kinematics/two_body.hpp), both angles;
//   • the CM → lab boost along +z (e⁻ beam), βγ_cm = (E⁻ − E⁺)/√s;
//   • several runs (e.g. Υ(2S), Υ(3S), Υ(4S) beam settings) weighted by L_i σ_i(accepted) —
//     equal selection efficiency assumed across runs;
//   • the e⁺e⁻ pair: invariant mass from dΓ/ds1 of the exact LO width (physics/chi2_width.hpp,
//     header comment), direction isotropic in the χ2 frame (spin correlations neglected), so that
//     E_ee,lab = (E_lab E*_ee + |p| p*_ee cosθ′)/m_χ2 with cosθ′ uniform — the fraction below E_th
//     is then analytic at each pair mass.
// The azimuth of the photon is irrelevant (the detector is a cylinder around the boost axis); the
// azimuth β of the χ2 around the A′ is integrated over [0, π] (the reflection β → −β is a
// symmetry). Method: tensor-product Gauss–Legendre rule in (cosθ*_γ, cosα, β) built once per model
// point (masses, α_D) and stored as pairs (weight, reach d); ε enters only through cτ ∝ 1/ε² (the
// widths are ∝ ε² exactly), so P_invisible(ε) is one weighted sum of exponentials, ~N = n_γ n_α n_β
// exp() calls (no allocation). Accuracy: the default rule (8 × 12 × 8 = 768 nodes) agrees with a
// 32 × 48 × 32 rule to < 2e-4 absolute for m_A′ = 0.01–10 GeV at the NA64 benchmark, and with an
// independent Monte Carlo (tests/collider/monophoton_table.test.cpp).
// Not included: the beam spot size (mm, ≪ R), the A′ width (prompt A′ decay assumed: Γ_A′ ≫ 1/R),
// A′ → e⁺e⁻ (BR = O(ε² α/α_D) < 1e-6), photons from the χ2 decay (none at LO).
// Lengths in metres, energies in GeV.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>
#include <vector>

#include "semivisible/collider/detail/gauss_legendre.hpp"
#include "semivisible/collider/monophoton.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/kinematics/two_body.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/chi2_width.hpp"

namespace semivisible::collider {

/// One data-taking period: beam energies and integrated luminosity.
struct collider_run {
  beam_energies beams{};
  double luminosity_fb = 1;  ///< integrated luminosity [fb⁻¹]; only ratios between runs matter
};

/// The veto volume: a cylinder around the beam axis centred on the interaction point. A χ2 that
/// decays inside it has its e⁺e⁻ seen (unless too soft); beyond it the event looks invisible.
struct veto_cylinder {
  double radius_m = 0;      ///< R [m]
  double z_forward_m = 0;   ///< end at z = +z_forward_m (e⁻ beam direction) [m]
  double z_backward_m = 0;  ///< end at z = −z_backward_m [m] (a positive distance)
};

/// Everything the mono-photon reinterpretation needs besides the model point.
struct monophoton_options {
  std::vector<collider_run> runs{};  ///< at least one
  double cos_theta_cm_min = 0;       ///< photon acceptance in the CM frame: c_min < cosθ*_γ
  double cos_theta_cm_max = 0;       ///< cosθ*_γ < c_max
  veto_cylinder veto{};
  double visible_energy_min_GeV = 0;  ///< E_th: e⁺e⁻ (lab) below it are not vetoed; 0 = all seen
  std::size_t photon_nodes = 8;       ///< Gauss–Legendre nodes in cosθ*_γ
  std::size_t polar_nodes = 12;       ///< nodes in cosα (χ2 polar angle in the A′ frame)
  std::size_t azimuth_nodes = 8;      ///< nodes in β ∈ [0, π] (χ2 azimuth around the A′)
  std::size_t pair_mass_nodes = 12;   ///< nodes in the e⁺e⁻ invariant mass (only if E_th > 0)

  /// Throws invalid_parameter naming the option and its value unless the options are usable.
  void validate(const char* fn) const {
    namespace d = semivisible::detail;
    if (runs.empty()) d::throw_invalid(fn, "runs.size()", 0, ">= 1");
    for (const auto& run : runs) {
      run.beams.validate(fn);
      d::require_positive(fn, "luminosity_fb", run.luminosity_fb);
    }
    d::require_open_interval(fn, "cos_theta_cm_min", cos_theta_cm_min, -1.0, 1.0);
    d::require_open_interval(fn, "cos_theta_cm_max", cos_theta_cm_max, -1.0, 1.0);
    if (!(cos_theta_cm_max > cos_theta_cm_min))
      d::throw_invalid(fn, "cos_theta_cm_max", cos_theta_cm_max,
                       fmt::format("> cos_theta_cm_min = {}", cos_theta_cm_min));
    d::require_positive(fn, "veto.radius_m", veto.radius_m);
    d::require_positive(fn, "veto.z_forward_m", veto.z_forward_m);
    d::require_positive(fn, "veto.z_backward_m", veto.z_backward_m);
    d::require_non_negative(fn, "visible_energy_min_GeV", visible_energy_min_GeV);
    const auto nodes = [&](const char* name, std::size_t n) {
      if (n < 1 || n > 1000) d::throw_invalid(fn, name, n, "in [1, 1000]");
    };
    nodes("photon_nodes", photon_nodes);
    nodes("polar_nodes", polar_nodes);
    nodes("azimuth_nodes", azimuth_nodes);
    nodes("pair_mass_nodes", pair_mass_nodes);
  }
};

namespace detail {

/// Normalised quadrature of the e⁺e⁻ pair in the χ2 rest frame: energy E*_ee and momentum p*_ee
/// [GeV] at each node of the pair mass M ∈ [2m_e, Δ], weights ∝ dΓ/ds1 (physics/chi2_width.hpp).
struct pair_node {
  double energy;
  double momentum;
  double weight;
};

[[nodiscard]] inline std::vector<pair_node> pair_mass_rule(const model::parameters<double>& p,
                                                           std::size_t n) {
  const double me = constants::mass_electron;
  const double m1 = p.mass_chi1(), m2 = p.mass_chi2(), delta = p.splitting();
  const double sigma2 = (m1 + m2) * (m1 + m2), ma2 = p.mass_aprime() * p.mass_aprime();
  std::vector<pair_node> rule;
  if (!(delta > 2 * me)) return rule;
  // M = 2m_e + (Δ − 2m_e) t²(3 − 2t): smooth at both square-root endpoints (as in chi2_width).
  const auto gl = gauss_legendre(n, 0.0, 1.0);
  double total = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const double t = gl.nodes[j];
    const double mass = 2 * me + (delta - 2 * me) * t * t * (3 - 2 * t);
    const double jacobian = (delta - 2 * me) * 6 * t * (1 - t) * 2 * mass;  // ds1/dt
    const double s1 = mass * mass;
    // dΓ/ds1 ∝ (Δ² − s1)^{3/2} (Σ² − s1)^{1/2} (Σ² + 2 s1)(1 + 2m_e²/s1)(1 − 4m_e²/s1)^{1/2}
    //          / (s1 − m_A′²)²                                        (physics/chi2_width.hpp)
    const double a = std::max(delta * delta - s1, 0.0);
    const double b = std::max(1 - 4 * me * me / s1, 0.0);
    const double density = a * std::sqrt(a) * std::sqrt(sigma2 - s1) * (sigma2 + 2 * s1) *
                           (1 + 2 * me * me / s1) * std::sqrt(b) / ((ma2 - s1) * (ma2 - s1));
    // χ2 (m2) → χ1 (m1) + pair (M) at rest (PDG Eq. 49.17).
    const double energy = (m2 * m2 + s1 - m1 * m1) / (2 * m2);
    const double lambda = std::max(
        (m2 * m2 - (m1 + mass) * (m1 + mass)) * (m2 * m2 - (m1 - mass) * (m1 - mass)), 0.0);
    const double w = gl.weights[j] * jacobian * density;
    rule.push_back({energy, std::sqrt(lambda) / (2 * m2), w});
    total += w;
  }
  if (total > 0)
    for (auto& node : rule) node.weight /= total;
  return rule;
}

/// P(E_ee,lab < E_th) for a χ2 of lab energy E and momentum |p| (isotropic pair directions).
[[nodiscard]] inline double soft_pair_fraction(const std::vector<pair_node>& rule, double energy,
                                               double momentum, double mass_chi2,
                                               double threshold) {
  double fraction = 0;
  for (const auto& node : rule) {
    // E_ee,lab = (E E* + |p| p* cosθ′)/m2 < E_th  ⇔  cosθ′ < t
    const double denominator = momentum * node.momentum;
    const double numerator = mass_chi2 * threshold - energy * node.energy;
    double below;
    if (denominator > 0) {
      const double t = numerator / denominator;
      below = std::clamp(0.5 * (t + 1), 0.0, 1.0);  // fraction of uniform cosθ′ ∈ [−1, t]
    } else {
      below = numerator > 0 ? 1.0 : 0.0;
    }
    fraction += node.weight * below;
  }
  return fraction;
}

}  // namespace detail

/// The tabulated event sample of one model point (masses, α_D): P_invisible for any ε or cτ.
class monophoton_table {
 public:
  /// Builds the table; the ε of `point` is not used. Throws invalid_parameter when the options are
  /// unusable or m_A′ ≥ √s of a run.
  monophoton_table(const model::parameters<double>& point, const monophoton_options& options)
      : mass_aprime_(point.mass_aprime()) {
    constexpr const char* fn = "semivisible::collider::monophoton_table";
    options.validate(fn);
    const double m = point.mass_aprime(), m1 = point.mass_chi1(), m2 = point.mass_chi2();
    // Widths ∝ ε² exactly (physics/chi2_width.hpp): tabulate cτ at ε = 1.
    const auto unit = point.with_epsilon(1.0);
    const double width_total = physics::chi2_width_total(unit);
    proper_decay_length_unit_ = physics::proper_decay_length(width_total);
    const double branching_electrons =
        width_total > 0 ? physics::chi2_width_exact(unit) / width_total : 0.0;
    const double threshold = options.visible_energy_min_GeV;
    const auto pairs = threshold > 0 && width_total > 0
                           ? detail::pair_mass_rule(point, options.pair_mass_nodes)
                           : std::vector<detail::pair_node>{};
    const auto rest = kinematics::rest_frame(m, m1, m2);

    // Run weights ∝ L_i σ_i(accepted): (1/s)(1 − m²/s) ∫ shape (collider/monophoton.hpp).
    std::vector<double> run_weight;
    double run_total = 0;
    for (const auto& run : options.runs) {
      const double s = run.beams.s();
      if (!(m * m < s))
        semivisible::detail::throw_invalid(
            fn, "mass_aprime", m,
            fmt::format("< sqrt(s) = {} GeV of every run", run.beams.sqrt_s()));
      const double sigma =
          (1 - m * m / s) / s *
          monophoton_angular_integral(s, m, options.cos_theta_cm_min, options.cos_theta_cm_max);
      run_weight.push_back(run.luminosity_fb * sigma);
      run_total += run_weight.back();
    }

    const auto photon = detail::gauss_legendre(options.photon_nodes, options.cos_theta_cm_min,
                                               options.cos_theta_cm_max);
    const auto polar = detail::gauss_legendre(options.polar_nodes, -1.0, 1.0);
    const auto azimuth = detail::gauss_legendre(options.azimuth_nodes, 0.0, constants::pi);
    const std::size_t per_run = options.photon_nodes * options.polar_nodes * options.azimuth_nodes;
    weight_.reserve(per_run * options.runs.size());
    reach_.reserve(per_run * options.runs.size());
    const auto& veto = options.veto;
    constexpr double infinity = std::numeric_limits<double>::infinity();
    double soft_total = 0;

    for (std::size_t r = 0; r < options.runs.size(); ++r) {
      const auto& beams = options.runs[r].beams;
      const double s = beams.s(), sqrt_s = std::sqrt(s);
      const double gamma_cm = beams.gamma_cm(), beta_gamma_cm = beams.beta_gamma_cm();
      // A′ in the CM, Eq. (2) of collider/monophoton.hpp.
      const double gamma_a = (s + m * m) / (2 * sqrt_s * m);
      const double beta_gamma_a = (s - m * m) / (2 * sqrt_s * m);
      // Photon weights ∝ GL weight × shape, normalised on this rule (Σ = 1 to rounding).
      std::vector<double> photon_weight(photon.nodes.size());
      double photon_total = 0;
      for (std::size_t i = 0; i < photon.nodes.size(); ++i) {
        photon_weight[i] = photon.weights[i] * monophoton_angular_shape(s, m, photon.nodes[i]);
        photon_total += photon_weight[i];
      }
      for (std::size_t i = 0; i < photon.nodes.size(); ++i) {
        const double c_gamma = photon.nodes[i];
        const double s_gamma = std::sqrt((1 - c_gamma) * (1 + c_gamma));
        // A′ direction u = −(photon direction), photon in the x–z plane; e1 ⟂ u in that plane.
        const double ux = -s_gamma, uz = -c_gamma;
        const double e1x = -c_gamma, e1z = s_gamma;
        const double w_photon = run_weight[r] / run_total * photon_weight[i] / photon_total;
        for (std::size_t j = 0; j < polar.nodes.size(); ++j) {
          const double c_alpha = polar.nodes[j];
          const double s_alpha = std::sqrt((1 - c_alpha) * (1 + c_alpha));
          // χ2 in the CM: boost of (E2*, q) from the A′ frame along u (PDG Eq. 49.19).
          const double p_parallel =
              gamma_a * rest.momentum * c_alpha + beta_gamma_a * rest.energy_chi2;
          const double p_perp = rest.momentum * s_alpha;
          const double energy_cm =
              gamma_a * rest.energy_chi2 + beta_gamma_a * rest.momentum * c_alpha;
          const double w_polar = w_photon * 0.5 * polar.weights[j];
          for (std::size_t k = 0; k < azimuth.nodes.size(); ++k) {
            const double beta = azimuth.nodes[k];
            const double cb = std::cos(beta), sb = std::sin(beta);
            const double px = p_parallel * ux + p_perp * cb * e1x;
            const double py = p_perp * sb;
            const double pz_cm = p_parallel * uz + p_perp * cb * e1z;
            // CM → lab along +z.
            const double pz = gamma_cm * pz_cm + beta_gamma_cm * energy_cm;
            const double energy = gamma_cm * energy_cm + beta_gamma_cm * pz_cm;
            const double pt = std::sqrt(px * px + py * py);
            const double to_barrel = pt > 0 ? veto.radius_m / pt : infinity;
            const double to_end = pz > 0   ? veto.z_forward_m / pz
                                  : pz < 0 ? veto.z_backward_m / -pz
                                           : infinity;
            const double reach = m2 * std::min(to_barrel, to_end);  // d [m]
            const double w = w_polar * azimuth.weights[k] / constants::pi;
            const double momentum = std::sqrt(pt * pt + pz * pz);
            const double soft =
                pairs.empty() ? 0.0
                              : branching_electrons * detail::soft_pair_fraction(
                                                          pairs, energy, momentum, m2, threshold);
            soft_total += w * soft;
            weight_.push_back(w * (1 - soft));
            reach_.push_back(reach);
          }
        }
      }
    }
    soft_probability_ = soft_total;
  }

  /// P_invisible for a proper χ2 decay length cτ [m] (> 0; +∞ = stable χ2, then exactly 1).
  [[nodiscard]] double invisible_probability_for_proper_decay_length(double ctau_m) const {
    using std::isnan;
    if (isnan(ctau_m) || !(ctau_m > 0))
      semivisible::detail::throw_invalid(
          "semivisible::collider::monophoton_table::invisible_probability_for_proper_decay_length",
          "ctau_m", ctau_m, "> 0 (may be +inf)");
    if (ctau_m == std::numeric_limits<double>::infinity()) return 1.0;
    const double inverse = 1 / ctau_m;
    double sum = soft_probability_;
    for (std::size_t k = 0; k < reach_.size(); ++k)
      sum += weight_[k] * std::exp(-reach_[k] * inverse);
    return sum;
  }

  /// P_invisible and its first two derivatives in ℓ = ln u at u = 1/cτ [1/m] (> 0, finite):
  ///   P = P_soft + Σ w e^{−a},  dP/dℓ = −Σ w a e^{−a},  d²P/dℓ² = Σ w (a² − a) e^{−a},  a = d u,
  /// the exact node sums (collider/invisible_probability_curve.hpp interpolates them).
  [[nodiscard]] std::array<double, 3> invisible_probability_log_derivatives(
      double inverse_ctau) const {
    if (!(inverse_ctau > 0) || !std::isfinite(inverse_ctau))
      semivisible::detail::throw_invalid(
          "semivisible::collider::monophoton_table::invisible_probability_log_derivatives",
          "inverse_ctau", inverse_ctau, "finite and > 0");
    std::array<double, 3> sums{soft_probability_, 0.0, 0.0};
    for (std::size_t k = 0; k < reach_.size(); ++k) {
      const double a = reach_[k] * inverse_ctau;
      const double we = weight_[k] * std::exp(-a);
      sums[0] += we;
      sums[1] -= a * we;
      sums[2] += (a * a - a) * we;
    }
    return sums;
  }

  /// The shortest and longest reach d_k [m] of nodes with a weight > 0 ({0, 0} with none).
  [[nodiscard]] std::pair<double, double> reach_range() const noexcept {
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (std::size_t k = 0; k < reach_.size(); ++k)
      if (weight_[k] > 0) {
        lo = std::min(lo, reach_[k]);
        hi = std::max(hi, reach_[k]);
      }
    return hi > 0 ? std::pair{lo, hi} : std::pair{0.0, 0.0};
  }

  /// The node weights w_k (1 − P_soft,k) and reaches d_k [m], same order.
  [[nodiscard]] const std::vector<double>& weights() const noexcept { return weight_; }
  [[nodiscard]] const std::vector<double>& reaches() const noexcept { return reach_; }

  /// Proper χ2 decay length cτ [m] at kinetic mixing ε (∝ 1/ε²); +∞ when χ2 is stable.
  [[nodiscard]] double proper_decay_length(double epsilon) const {
    semivisible::detail::require_positive(
        "semivisible::collider::monophoton_table::proper_decay_length", "epsilon", epsilon);
    return proper_decay_length_unit_ / (epsilon * epsilon);
  }

  /// P_invisible at kinetic mixing ε (the other parameters are those of the table).
  [[nodiscard]] double invisible_probability(double epsilon) const {
    return invisible_probability_for_proper_decay_length(proper_decay_length(epsilon));
  }

  /// True when χ2 cannot decay (Δ ≤ 2 m_e): P_invisible = 1 exactly for every ε.
  [[nodiscard]] bool chi2_stable() const noexcept {
    return proper_decay_length_unit_ == std::numeric_limits<double>::infinity();
  }
  /// The limit cτ → 0 of P_invisible: every χ2 decays inside and only soft pairs pass.
  [[nodiscard]] double soft_probability() const noexcept { return soft_probability_; }
  /// Number of tabulated events (nodes).
  [[nodiscard]] std::size_t size() const noexcept { return reach_.size(); }
  /// m_A′ of the table [GeV].
  [[nodiscard]] double mass_aprime() const noexcept { return mass_aprime_; }

 private:
  double mass_aprime_;
  double proper_decay_length_unit_ = 0;  // cτ at ε = 1 [m]
  double soft_probability_ = 0;          // Σ w_k P_soft,k
  std::vector<double> weight_{};         // w_k (1 − P_soft,k)
  std::vector<double> reach_{};          // d_k [m]: escape ⇔ proper decay length > d_k
};

/// P_invisible at the model point p (its ε included) for the given selection and detector.
[[nodiscard]] inline double invisible_probability(const model::parameters<double>& p,
                                                  const monophoton_options& options) {
  return monophoton_table(p, options).invisible_probability(p.epsilon());
}

}  // namespace semivisible::collider
