// examples/cli/scan_options.hpp — physics options shared by `scan` and `na64-2021`: model,
// experiment, exposure, statistics. Defaults: the NA64 2021 benchmark and 2016–2018 data.
#pragma once

#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "experiment_option.hpp"
#include "semivisible/scan/planes.hpp"

namespace semivisible::cli {

struct physics_scan_options {
  experiment_options experiment;
  double alpha_dark = 0.1;
  double mass_ratio = 3.0;
  double splitting = 0.4;
  std::string gm2 = "2021";
  double background_scale = 1.0;
  std::optional<double> signal_uncertainty{};  // default: the experiment's
  std::optional<double> cl{};                  // default: the experiment's
  std::optional<std::string> method{};         // default: the experiment's
  double tolerance = 1e-3;

  /// A plane_config of plane p; throws naming the option on bad values.
  [[nodiscard]] scan::plane_config config(scan::plane p) const {
    if (!(mass_ratio > 2 + splitting))
      throw invalid_parameter(fmt::format(
          "--mass-ratio = {}, but must be > 2 + --splitting = {} (A' -> chi1 chi2 must be open)",
          mass_ratio, 2 + splitting));
    auto e = experiment.load();
    if (signal_uncertainty) e.analysis.signal_uncertainty = *signal_uncertainty;
    if (cl) e.analysis.cl = *cl;
    if (method) e.analysis.method = *method;
    scan::plane_config c = scan::make_plane_config(p, std::move(e));
    c.yield.kind = experiment.kind();
    c.yield.exposure = experiment.exposure;
    c.production = experiment.sources();
    c.background_scale = background_scale;
    c.alpha_dark = alpha_dark;
    c.mass_ratio = mass_ratio;
    c.splitting_ratio = splitting;
    c.gm2 = gm2 == "bnl" ? physics::gm2_discrepancy_bnl : physics::gm2_discrepancy_2021;
    c.intervals.relative_tolerance = tolerance;
    // Fail here, before anything is computed or written, on sources the experiment cannot build
    // (a collider reinterpretation has none: plane_per_x refuses what it cannot honour).
    if (c.experiment.is_collider())
      (void)scan::plane_per_x(c);
    else
      (void)experiment.sources_of(c.experiment);
    return c;
  }
};

inline void add_physics_scan_options(CLI::App& cmd, physics_scan_options& o) {
  add_experiment_options(cmd, o.experiment);
  cmd.add_option("--alpha-dark", o.alpha_dark, "alpha_D (planes with fixed alpha_D)")
      ->check(alpha_dark_value)
      ->capture_default_str();
  cmd.add_option("--mass-ratio", o.mass_ratio, "m_A'/m_chi1")
      ->check(positive_number)
      ->capture_default_str();
  cmd.add_option("--splitting", o.splitting, "Delta/m_chi1 (planes with fixed splitting)")
      ->check(positive_number)
      ->capture_default_str();
  cmd.add_option("--gm2", o.gm2,
                 "g-2 discrepancy for epsilon_(g-2): 2021 (251+-59) or bnl (279+-76)")
      ->check(CLI::IsMember({"2021", "bnl"}))
      ->capture_default_str();
  cmd.add_option("--background-scale", o.background_scale,
                 "Multiply every region's background and its uncertainty (projections)")
      ->check(non_negative_number)
      ->capture_default_str();
  cmd.add_option("--signal-uncertainty", o.signal_uncertainty,
                 "Relative signal uncertainty (default: the experiment's)")
      ->check(non_negative_number);
  cmd.add_option("--cl", o.cl, "Confidence level (default: the experiment's)")
      ->check(open_unit_interval);
  cmd.add_option("--method", o.method,
                 "CLs method: exact, asymptotic or toys (default: the experiment's)")
      ->check(CLI::IsMember({"exact", "asymptotic", "toys"}));
  cmd.add_option("--tolerance", o.tolerance, "Relative tolerance of the interval edges")
      ->check(open_unit_interval)
      ->capture_default_str();
}

}  // namespace semivisible::cli

#include "semivisible/io/darkcast.hpp"
#include "semivisible/io/hepdata.hpp"

namespace semivisible::cli {

/// Writes DIR/hepdata/{submission,exclusion}.yaml and, on the (m_A′, ε) plane, the DarkCast
/// limit DIR/exclusion.lmt (io/hepdata.hpp, io/darkcast.hpp). Returns the files written.
inline std::vector<std::filesystem::path> write_contour_formats(const std::filesystem::path& dir,
                                                                const scan::exclusion_table& t,
                                                                scan::plane p, bool hepdata,
                                                                bool darkcast) {
  std::vector<std::filesystem::path> written;
  if (hepdata) {
    io::hepdata_options o;
    o.comment = fmt::format("Semi-visible dark photon exclusion ({}), computed with semivisible",
                            scan::to_string(p));
    o.x_name = p == scan::plane::mchi1_splitting ? "M(CHI1)" : "M(A')";
    o.y_name = p == scan::plane::maprime_epsilon     ? "EPSILON"
               : p == scan::plane::maprime_alphadark ? "ALPHA_D"
                                                     : "DELTA/M(CHI1)";
    std::filesystem::create_directories(dir / "hepdata");
    const auto files = io::write_hepdata(dir / "hepdata", t.rows, o);
    written.insert(written.end(), files.begin(), files.end());
  }
  if (darkcast && p == scan::plane::maprime_epsilon) {
    const auto files = io::write_darkcast(dir / "exclusion.lmt", t.rows,
                                          "semivisible exclusion, (m_A' [GeV], epsilon)");
    written.insert(written.end(), files.begin(), files.end());
  }
  return written;
}

}  // namespace semivisible::cli
