// examples/cli/scan_options.hpp — physics options shared by `scan` and `na64-2021`: model,
// exposure, setup, statistics. Defaults: the NA64 2021 benchmark and 2016–2018 data.
#pragma once

#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "semivisible/scan/planes.hpp"
#include "setup_option.hpp"

namespace semivisible::cli {

struct physics_scan_options {
  std::string model = "semivisible";
  double eot = 2.84e11;
  std::string setup = "na64-2016-2018";
  double alpha_dark = 0.1;
  double mass_ratio = 3.0;
  double splitting = 0.4;
  std::string gm2 = "2021";
  double background_scale = 1.0;
  double signal_uncertainty = 0.2;
  double cl = 0.9;
  std::string method = std::string(stats::to_string(stats::default_scan_method));
  double tolerance = 1e-3;

  /// Fills a plane_config; throws naming the option on bad values.
  void apply(scan::plane_config& c) const {
    c.yield.kind =
        model == "invisible" ? signal::model_kind::invisible : signal::model_kind::semivisible;
    c.yield.eot = eot;
    c.setup = resolve_setup(setup);
    c.alpha_dark = alpha_dark;
    c.mass_ratio = mass_ratio;
    c.splitting_ratio = splitting;
    if (!(mass_ratio > 2 + splitting))
      throw invalid_parameter(fmt::format(
          "--mass-ratio = {}, but must be > 2 + --splitting = {} (A' -> chi1 chi2 must be open)",
          mass_ratio, 2 + splitting));
    c.gm2 = gm2 == "bnl" ? physics::gm2_discrepancy_bnl : physics::gm2_discrepancy_2021;
    auto a = scan::na64_2016_2018_analysis(background_scale);
    a.counts = stats::counting_model(a.counts.observed(), a.counts.background(),
                                     a.counts.background_uncertainty(), signal_uncertainty);
    a.cl = cl;
    a.algorithm = stats::method_from_string(method);
    c.stats = a;
    c.intervals.relative_tolerance = tolerance;
  }
};

inline void add_physics_scan_options(CLI::App& cmd, physics_scan_options& o) {
  cmd.add_option("--model", o.model, "semivisible or invisible (A' -> chi chibar, BR = 1)")
      ->check(CLI::IsMember({"semivisible", "invisible"}))
      ->capture_default_str();
  cmd.add_option("--eot", o.eot, "Electrons on target")
      ->check(positive_number)
      ->capture_default_str();
  cmd.add_option("--setup", o.setup, "na64-2016-2018, compact-hcal1 or a setup JSON file")
      ->capture_default_str();
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
                 "Multiply the S1/S2 backgrounds and their uncertainties (projections)")
      ->check(non_negative_number)
      ->capture_default_str();
  cmd.add_option("--signal-uncertainty", o.signal_uncertainty, "Relative signal uncertainty")
      ->check(non_negative_number)
      ->capture_default_str();
  cmd.add_option("--cl", o.cl, "Confidence level")
      ->check(open_unit_interval)
      ->capture_default_str();
  cmd.add_option("--method", o.method, "CLs method: exact, asymptotic or toys")
      ->check(CLI::IsMember({"exact", "asymptotic", "toys"}))
      ->capture_default_str();
  cmd.add_option("--tolerance", o.tolerance, "Relative tolerance of the interval edges")
      ->check(positive_number)
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
