// semivisible/production/detail/shower_grid.hpp — grid helpers of the cascade solver
// (shower_track_length.hpp): the table of a kernel's double antiderivative at the differences of
// the λ edges, and the monotone cubic (Fritsch–Carlson) interpolation of cumulative track lengths.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace semivisible::production::detail {

// f2(e_j − e_l) for all edge pairs j ≥ l: pairs of uniform edges depend on j − l only, so the
// kernel (logs, Li₂) is evaluated O(n · geometric_bins) times instead of O(n²).
template <class F2>
struct edge_table {
  const std::vector<double>& edges;
  std::size_t first_uniform;  // index of the first edge of the uniform part
  F2 f2;
  std::vector<double> geometric, uniform;  // geometric rows filled on demand (NaN: not yet)
  edge_table(const std::vector<double>& e, std::size_t u0, F2 f)
      : edges(e), first_uniform(u0), f2(f) {
    const std::size_t m = e.size();
    geometric.assign(u0 * m, std::numeric_limits<double>::quiet_NaN());
    uniform.assign(m - u0, 0.0);
    const double h = m - u0 > 1 ? e[u0 + 1] - e[u0] : 0.0;
    for (std::size_t k = 1; k < m - u0; ++k) uniform[k] = f2(h * static_cast<double>(k));
  }
  [[nodiscard]] double operator()(std::size_t j, std::size_t l) {
    if (j <= l) return 0.0;
    if (l >= first_uniform) return uniform[j - l];
    double& v = geometric[l * edges.size() + j];
    if (std::isnan(v)) v = f2(edges[j] - edges[l]);
    return v;
  }
};

/// Slopes at the edges x of a monotone cubic Hermite interpolant of c (Fritsch & Carlson, SIAM J.
/// Numer. Anal. 17 (1980) 238; weighted harmonic mean of Fritsch & Butland for unequal steps).
[[nodiscard]] inline std::vector<double> monotone_slopes(const std::vector<double>& x,
                                                         const std::vector<double>& c) {
  const std::size_t m = c.size();
  std::vector<double> delta(m - 1), slope(m, 0.0);
  for (std::size_t i = 0; i + 1 < m; ++i) delta[i] = (c[i + 1] - c[i]) / (x[i + 1] - x[i]);
  slope[0] = delta[0];
  slope[m - 1] = delta[m - 2];
  for (std::size_t i = 1; i + 1 < m; ++i) {
    const double h0 = x[i] - x[i - 1], h1 = x[i + 1] - x[i];
    if (delta[i - 1] * delta[i] <= 0) continue;
    const double w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;
    slope[i] = (w1 + w2) / (w1 / delta[i - 1] + w2 / delta[i]);
  }
  return slope;
}

/// The cubic Hermite interpolant of (x, c, slope) in cell i at xi (clamped to the cell), or its
/// derivative (clamped at ≥ 0: the interpolated quantity is a cumulative, non-decreasing).
[[nodiscard]] inline double hermite_cumulative(const std::vector<double>& x,
                                               const std::vector<double>& c,
                                               const std::vector<double>& slope, std::size_t i,
                                               double xi, bool derivative) noexcept {
  const double h = x[i + 1] - x[i];
  const double t = std::clamp((xi - x[i]) / h, 0.0, 1.0);
  const double t2 = t * t, t3 = t2 * t;
  if (derivative) {
    const double d00 = 6 * t2 - 6 * t, d10 = 3 * t2 - 4 * t + 1, d11 = 3 * t2 - 2 * t;
    return std::max(0.0, d00 * (c[i] - c[i + 1]) / h + d10 * slope[i] + d11 * slope[i + 1]);
  }
  const double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2,
               h11 = t3 - t2;
  return h00 * c[i] + h01 * c[i + 1] + h * (h10 * slope[i] + h11 * slope[i + 1]);
}

}  // namespace semivisible::production::detail
