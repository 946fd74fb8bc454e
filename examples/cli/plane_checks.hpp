// examples/cli/plane_checks.hpp — checks of a scan's ranges against the model's domain
// (model::limits), done before anything is computed, with the option's name in the message.
//
// A --y-range beyond ε = 1 or α_D = 4π used to run and report rows of a plane point the model
// refuses; a --range whose masses leave [1e-9, 1e4] GeV likewise. Both are refused here at once.
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/planes.hpp"

namespace semivisible::cli {

/// Throws invalid_parameter naming `option` unless [lo, hi] lies inside [min, max].
inline void require_range_within(scan::range r, double min, double max, std::string_view option,
                                 std::string_view what) {
  if (!(r.lo >= min) || !(r.hi <= max))
    throw invalid_parameter(
        fmt::format("{} = {}:{}, but {} must lie in [{}, {}]", option, r.lo, r.hi, what, min, max));
}

/// The x range (m_A′ or m_χ1 [GeV]) and the second variable's range (c.intervals.lo/hi) of plane
/// c inside the model's domain; throws invalid_parameter naming --range or --y-range.
inline void check_plane_ranges(const scan::plane_config& c, scan::range x) {
  using L = model::limits;
  const double ratio = c.which == scan::plane::mchi1_splitting ? c.mass_ratio : 1.0;
  require_range_within(x, L::mass_min_GeV, L::mass_max_GeV / ratio, "--range",
                       c.which == scan::plane::mchi1_splitting
                           ? "m_chi1 [GeV] (m_A' = mass-ratio x m_chi1 <= 1e4 GeV)"
                           : "m_A' [GeV]");
  const scan::range y{c.intervals.lo, c.intervals.hi};
  switch (c.which) {
    case scan::plane::maprime_epsilon:
      require_range_within(y, L::epsilon_min, L::epsilon_max, "--y-range", "epsilon");
      break;
    case scan::plane::maprime_alphadark:
      require_range_within(y, L::alpha_dark_min, L::alpha_dark_max, "--y-range",
                           "alpha_D (<= 4 pi)");
      break;
    case scan::plane::mchi1_splitting:
      break;  // 0 < Δ/m_χ1 < mass-ratio − 2: checked by the scan command and scan_plane
  }
}

}  // namespace semivisible::cli
