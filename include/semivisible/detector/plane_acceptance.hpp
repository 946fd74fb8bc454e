// semivisible/detector/plane_acceptance.hpp — where along its flight a decay is seen by a region:
// the decay positions z for which enough visible energy reaches the region's detector plane.
//
// A particle produced on the beam axis at z = 0 flies along the unit vector d (d_z > 0) and
// decays at z (distance from the production point along the beam); its visible products k have
// lab momenta p⃗_k and energies E_k, which do not depend on where it decays. Product k crosses the
// plane z = z_D at
//   x_k(z) = (d_x/d_z) z + (p_kx/p_kz)(z_D − z),   y_k(z) likewise,
// linear in z; it hits a rectangle |x − x_c| ≤ w, |y − y_c| ≤ h on an interval of z (two linear
// inequalities), a disc (x − x_c)² + (y − y_c)² ≤ R² on an interval too (a quadratic with a
// non-negative leading coefficient). Products with p_kz ≤ 0 never reach the plane. A region
// without a plane sees every product wherever it decays. The decay is seen at z when the products
// hitting the plane carry at least the region's visible-energy threshold (and at least one hits):
// the accepted set is a union of intervals inside the decay interval [a, b], found from the
// breakpoints of the products' intervals. Lengths in metres, energies in GeV.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include <Eigen/Core>

namespace semivisible::detector {

/// A closed interval of decay positions [lo, hi] (hi may be +inf).
struct z_interval {
  double lo, hi;
};

/// The plane a region's decay products must reach (positions relative to the production point).
struct plane_geometry {
  enum class shape { rectangle, disc };
  double z = 0;  ///< distance of the plane from the production point along the beam [m]
  shape form = shape::rectangle;
  double half_width = 0, half_height = 0, radius = 0;
  double center_x = 0, center_y = 0;
};

/// A visible decay product: lab momentum [GeV] and energy [GeV].
struct visible_product {
  Eigen::Vector3d momentum;
  double energy;
};

namespace detail {
/// {z : lo ≤ s·z + t ≤ hi} ∩ [a, b] for a linear function; nullopt when empty.
inline std::optional<z_interval> linear_band(double s, double t, double lo, double hi, double a,
                                             double b) {
  if (s == 0) {
    if (t >= lo && t <= hi) return z_interval{a, b};
    return std::nullopt;
  }
  double z1 = (lo - t) / s, z2 = (hi - t) / s;
  if (z1 > z2) std::swap(z1, z2);
  const double l = std::max(a, z1), h = std::min(b, z2);
  if (!(l <= h)) return std::nullopt;
  return z_interval{l, h};
}

/// {z : (s1 z + t1)² + (s2 z + t2)² ≤ R²} ∩ [a, b]; nullopt when empty.
inline std::optional<z_interval> disc_band(double s1, double t1, double s2, double t2, double r,
                                           double a, double b) {
  const double qa = s1 * s1 + s2 * s2, qb = 2 * (s1 * t1 + s2 * t2), qc = t1 * t1 + t2 * t2 - r * r;
  if (qa == 0) {
    if (qc <= 0) return z_interval{a, b};
    return std::nullopt;
  }
  const double disc = qb * qb - 4 * qa * qc;
  if (disc < 0) return std::nullopt;
  const double root = std::sqrt(disc);
  // Numerically stable roots.
  const double q = -0.5 * (qb + std::copysign(root, qb));
  double z1 = q / qa, z2 = q != 0 ? qc / q : -qb / (2 * qa);
  if (z1 > z2) std::swap(z1, z2);
  const double l = std::max(a, z1), h = std::min(b, z2);
  if (!(l <= h)) return std::nullopt;
  return z_interval{l, h};
}
}  // namespace detail

/// The z interval (inside [a, b]) over which product k, from a parent along d, hits the plane.
[[nodiscard]] inline std::optional<z_interval> hit_interval(const Eigen::Vector3d& d,
                                                            const visible_product& k,
                                                            const plane_geometry& g, double a,
                                                            double b) {
  const auto& p = k.momentum;
  if (!(p.z() > 0) || !(d.z() > 0)) return std::nullopt;
  const double b_hi = std::min(b, g.z);
  if (!(a <= b_hi)) return std::nullopt;
  // x(z) = (d_x/d_z) z + (p_x/p_z)(z_D − z) = s z + t, with s = d_x/d_z − p_x/p_z, t = p_x/p_z z_D.
  const double sx = d.x() / d.z() - p.x() / p.z(), tx = p.x() / p.z() * g.z - g.center_x;
  const double sy = d.y() / d.z() - p.y() / p.z(), ty = p.y() / p.z() * g.z - g.center_y;
  if (g.form == plane_geometry::shape::disc)
    return detail::disc_band(sx, tx, sy, ty, g.radius, a, b_hi);
  const auto ix = detail::linear_band(sx, tx, -g.half_width, g.half_width, a, b_hi);
  if (!ix) return std::nullopt;
  return detail::linear_band(sy, ty, -g.half_height, g.half_height, ix->lo, ix->hi);
}

/// The decay positions inside [a, b] at which the event is seen: the products hitting the plane
/// (all products when `plane` is null) carry an energy in [energy_min, energy_max] and at least one
/// hits. Appends disjoint, ascending intervals to `out`.
inline void accepted_intervals(const Eigen::Vector3d& d,
                               const std::vector<visible_product>& products,
                               const plane_geometry* plane, double energy_min, double a, double b,
                               std::vector<z_interval>& out,
                               double energy_max = std::numeric_limits<double>::infinity()) {
  if (products.empty() || !(a < b)) return;
  if (!plane) {
    double total = 0;
    for (const auto& k : products) total += k.energy;
    if (total >= energy_min && total <= energy_max) out.push_back({a, b});
    return;
  }
  // Intervals per product, then the elementary pieces between their endpoints.
  std::vector<std::optional<z_interval>> hits;
  std::vector<double> cuts{a, b};
  hits.reserve(products.size());
  for (const auto& k : products) {
    hits.push_back(hit_interval(d, k, *plane, a, b));
    if (hits.back()) {
      cuts.push_back(hits.back()->lo);
      cuts.push_back(hits.back()->hi);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double lo = cuts[i], hi = cuts[i + 1];
    const double mid = std::isinf(hi) ? lo + 1 : 0.5 * (lo + hi);
    double energy = 0;
    bool any = false;
    for (std::size_t k = 0; k < products.size(); ++k)
      if (hits[k] && hits[k]->lo <= mid && mid <= hits[k]->hi) {
        energy += products[k].energy;
        any = true;
      }
    if (!any || energy < energy_min || energy > energy_max) continue;
    if (!out.empty() && out.back().hi == lo)
      out.back().hi = hi;  // merge touching pieces
    else
      out.push_back({lo, hi});
  }
}

}  // namespace semivisible::detector
