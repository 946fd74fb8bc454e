// semivisible/experiment/detail/collider_reader.hpp — reads the collider keys of an experiment
// file (docs/experiments.md, "Collider experiments and reinterpretations"): `beam` with
// `particle: electron_positron`, `collider` and `reinterpret`. Every key is checked; messages name
// the file, the key path and the value (detail/json_reader.hpp). The published limit is read with
// io::read_two_column_csv (strict: positive, ascending masses); relative paths are resolved beside
// the JSON file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/experiment/collider.hpp"
#include "semivisible/experiment/detail/json_reader.hpp"
#include "semivisible/io/two_column_csv.hpp"

namespace semivisible::experiment::detail {

/// The keys a collider file must not carry (they describe a fixed-target experiment or a
/// counting analysis; the reinterpretation has neither).
inline constexpr std::string_view fixed_target_keys[] = {
    "target", "production", "regions", "counts", "signal_uncertainty", "method", "cl"};

/// Reads `beam` (particle electron_positron), `collider` and `reinterpret` into a collider_spec.
[[nodiscard]] inline collider_spec read_collider(const json_reader& top,
                                                 const std::filesystem::path& base) {
  for (auto k : fixed_target_keys)
    if (top.has(k))
      top.fail(fmt::format(
          "'{}' is not allowed in a collider experiment (beam.particle = electron_positron){}", k,
          k == "cl" ? ": give the published limit's confidence level as reinterpret.cl"
                    : ": the published limit named by reinterpret.limit is reinterpreted"));
  collider_spec c;
  {
    const auto b = top.object("beam");
    b.only_keys({"particle", "sqrt_s_GeV", "luminosity_fb", "runs", "note"});
    c.sqrt_s_GeV = b.number("sqrt_s_GeV");
    c.luminosity_fb = b.number("luminosity_fb");
    if (b.has("runs")) {
      const auto& runs = b.array("runs");
      for (std::size_t i = 0; i < runs.size(); ++i) {
        const json_reader r = b.element("runs", i);
        r.only_keys({"electron_GeV", "positron_GeV", "luminosity_fb", "note"});
        c.runs.push_back(
            {r.number("electron_GeV"), r.number("positron_GeV"), r.number("luminosity_fb")});
      }
    } else {  // symmetric beams at √s/2 with the whole luminosity
      c.runs.push_back({c.sqrt_s_GeV / 2, c.sqrt_s_GeV / 2, c.luminosity_fb});
    }
  }
  {
    const auto s = top.object("collider");
    s.only_keys({"photon_cos_theta_cm", "veto", "visible_energy_min_GeV", "note"});
    const auto& cosines = s.array("photon_cos_theta_cm");
    if (cosines.size() != 2) s.fail_key("photon_cos_theta_cm", cosines.dump(), "[min, max]");
    c.cos_theta_cm_min = s.as_number(cosines[0], "photon_cos_theta_cm[0]");
    c.cos_theta_cm_max = s.as_number(cosines[1], "photon_cos_theta_cm[1]");
    const auto v = s.object("veto");
    v.only_keys({"shape", "radius_m", "z_forward_m", "z_backward_m", "note"});
    const std::string shape = v.text_or("shape", "cylinder");
    if (shape != "cylinder") v.fail_key("shape", fmt::format("'{}'", shape), "cylinder");
    c.veto = {v.number("radius_m"), v.number("z_forward_m"), v.number("z_backward_m")};
    c.visible_energy_min_GeV = s.number_or("visible_energy_min_GeV", 0.0);
  }
  {
    const auto r = top.object("reinterpret");
    r.only_keys({"limit", "quantity", "cl", "note"});
    const std::string quantity = r.text_or("quantity", "epsilon");
    if (quantity != "epsilon")
      r.fail_key("quantity", fmt::format("'{}'", quantity),
                 "epsilon (a CSV m_aprime_GeV,epsilon of the invisible-A' limit)");
    c.limit.cl = r.number("cl");
    std::filesystem::path file = r.text("limit");
    if (file.is_relative()) file = base / file;
    c.limit.file = file.lexically_normal().string();
    try {
      io::two_column_options o;
      o.x_name = "m_aprime_GeV";
      o.y_name = "epsilon";
      o.header = "m_aprime_GeV,epsilon";
      o.min_points = 2;
      for (const auto& p : io::read_two_column_csv(file, o)) {
        c.limit.mass_aprime.push_back(p.x);
        c.limit.epsilon.push_back(p.y);
      }
    } catch (const std::exception& e) {
      r.fail(fmt::format("{}.limit: {}", r.path(), e.what()));
    }
  }
  return c;
}

}  // namespace semivisible::experiment::detail
