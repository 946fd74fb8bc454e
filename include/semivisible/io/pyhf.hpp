// semivisible/io/pyhf.hpp — export a counting_model + signal shape as a pyhf JSON workspace.
//
// What it writes: a pyhf 0.7 workspace (schema workspace.json, version 1.0.0) with one channel
// per bin ("bin0", "bin1", ...), each with a one-bin "signal" and "background" sample:
//   signal:     normfactor "mu" (the POI), and the shared signal uncertainty δ_s as
//               normsys "signal_uncertainty" {hi: 1+δ_s, lo: 1/(1+δ_s)} (log-normal) or
//               histosys (linear interpolation code 0: s(1±δ_s)) for the Gaussian constraint;
//   background: normsys "background_uncertainty_bin<i>" {hi: 1+σ/b, lo: 1/(1+σ/b)} (log-normal)
//               or staterror "staterror_bin<i>" [σ] (Gaussian, truncated at 0 by pyhf's bounds).
// normsys uses pyhf's default exponential interpolation (code 1): with lo = 1/hi the response is
// exactly (1+σ/b)^θ, i.e. the library's log-normal constraint; histosys/staterror are linear.
// So `pyhf` computes the same likelihood as stats/likelihood.hpp and can cross-check limits
// (e.g. `pyhf cls workspace.json`, or pyhf.infer.intervals.upper_limits.upper_limit).
// References: pyhf (Heinrich, Feickert, Stark, Cranmer, JOSS 6 (2021) 2823), its JSON schema
// and modifier documentation; HistFactory (Cranmer et al., CERN-OPEN-2012-016).
#pragma once

#include <cstddef>
#include <fstream>
#include <span>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/stats/counting_model.hpp"

namespace semivisible::io {

/// The pyhf workspace for `model` with signal shape `signal` (events per bin at μ = 1).
/// mu_upper_bound: upper bound of μ written into the measurement (0: automatic,
/// max(10, 100/Σs), so that limits far above 1 stay inside pyhf's parameter range).
/// Throws invalid_parameter on a bad signal; domain_error for a Gaussian uncertainty on a zero
/// background (pyhf's staterror is relative and cannot express it).
inline nlohmann::ordered_json pyhf_workspace(const stats::counting_model& model,
                                             std::span<const double> signal,
                                             double mu_upper_bound = 0) {
  constexpr std::string_view fn = "io::pyhf_workspace";
  const double total = stats::validate_signal(fn, model, signal);
  semivisible::detail::require_non_negative(fn, "mu_upper_bound", mu_upper_bound);
  const bool lognormal = model.constraint() == stats::constraint_type::log_normal;
  const double ds = model.signal_uncertainty();
  using json = nlohmann::ordered_json;
  json channels = json::array(), observations = json::array();
  for (std::size_t i = 0; i < model.bins(); ++i) {
    const std::string name = fmt::format("bin{}", i);
    const double s = signal[i], b = model.background()[i], sb = model.background_uncertainty()[i];
    json sig_mods = json::array();
    sig_mods.push_back({{"name", "mu"}, {"type", "normfactor"}, {"data", nullptr}});
    if (ds > 0) {
      if (lognormal)
        sig_mods.push_back({{"name", "signal_uncertainty"},
                            {"type", "normsys"},
                            {"data", {{"hi", 1 + ds}, {"lo", 1 / (1 + ds)}}}});
      else
        sig_mods.push_back({{"name", "signal_uncertainty"},
                            {"type", "histosys"},
                            {"data",
                             {{"hi_data", json::array({s * (1 + ds)})},
                              {"lo_data", json::array({s * (1 - ds)})}}}});
    }
    json bkg_mods = json::array();
    if (sb > 0) {
      if (lognormal)
        bkg_mods.push_back({{"name", fmt::format("background_uncertainty_bin{}", i)},
                            {"type", "normsys"},
                            {"data", {{"hi", 1 + sb / b}, {"lo", 1 / (1 + sb / b)}}}});
      else if (b > 0)
        bkg_mods.push_back({{"name", fmt::format("staterror_bin{}", i)},
                            {"type", "staterror"},
                            {"data", json::array({sb})}});
      else
        throw domain_error(fmt::format(
            "{}: background_uncertainty[{}] = {} on background = 0: pyhf's staterror is relative "
            "and cannot express it",
            fn, i, sb));
    }
    json samples = json::array();
    samples.push_back({{"name", "signal"}, {"data", json::array({s})}, {"modifiers", sig_mods}});
    samples.push_back(
        {{"name", "background"}, {"data", json::array({b})}, {"modifiers", bkg_mods}});
    channels.push_back({{"name", name}, {"samples", samples}});
    observations.push_back({{"name", name}, {"data", json::array({model.observed()[i]})}});
  }
  const double mu_max = mu_upper_bound > 0 ? mu_upper_bound : std::max(10.0, 100.0 / total);
  json parameters = json::array();
  parameters.push_back({{"name", "mu"}, {"bounds", json::array({json::array({0.0, mu_max})})}});
  json measurement = {{"name", "semivisible"},
                      {"config", {{"poi", "mu"}, {"parameters", parameters}}}};
  return {{"channels", channels},
          {"observations", observations},
          {"measurements", json::array({measurement})},
          {"version", "1.0.0"}};
}

/// Writes pyhf_workspace(model, signal) to `path` (2-space indented JSON).
/// Throws domain_error when the file cannot be written.
inline void write_pyhf_workspace(const std::string& path, const stats::counting_model& model,
                                 std::span<const double> signal, double mu_upper_bound = 0) {
  const auto ws = pyhf_workspace(model, signal, mu_upper_bound);
  std::ofstream out(path);
  if (!out) throw domain_error(fmt::format("io::write_pyhf_workspace: cannot open {}", path));
  out << ws.dump(2) << '\n';
  if (!out) throw domain_error(fmt::format("io::write_pyhf_workspace: cannot write {}", path));
}

}  // namespace semivisible::io
