// semivisible/scan/analysis.hpp — the statistical side of an experiment: its regions as the bins
// of a counting model (observed, backgrounds ± uncertainties), the signal uncertainty, the CLs
// method and the confidence level, as stats:: types.
//
// `background_scale` multiplies every background and its uncertainty (projections with more
// exposure and the same background per particle on target use it with the exposure ratio).
#pragma once

#include <vector>

#include "semivisible/error.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/stats/cls.hpp"
#include "semivisible/stats/counting_model.hpp"

namespace semivisible::scan {

/// The counting model of experiment e: one bin per region, in region order.
[[nodiscard]] inline stats::counting_model counting_model_of(const experiment::experiment& e,
                                                             double background_scale = 1.0) {
  semivisible::detail::require_non_negative("semivisible::scan::counting_model_of",
                                            "background_scale", background_scale);
  std::vector<double> n, b, db;
  for (const auto& r : e.regions) {
    n.push_back(r.observed);
    b.push_back(r.background * background_scale);
    db.push_back(r.background_uncertainty * background_scale);
  }
  return stats::counting_model(std::move(n), std::move(b), std::move(db),
                               e.analysis.signal_uncertainty);
}

/// The limit options of experiment e's analysis for scans (observed CLs only, one thread per x).
[[nodiscard]] inline stats::limit_options limit_options_of(const experiment::experiment& e) {
  stats::limit_options o;
  o.cl = e.analysis.cl;
  o.algorithm = stats::method_from_string(e.analysis.method);
  o.expected = false;
  o.threads = 1;  // the scan is already parallel over x
  return o;
}

}  // namespace semivisible::scan
