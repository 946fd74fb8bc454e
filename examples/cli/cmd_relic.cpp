// examples/cli/cmd_relic.cpp — `semivisible relic`: the thermal relic target line y(m_χ1), ε(m_χ1)
// for coannihilating χ1χ2 freeze-out (semivisible/relic.hpp; docs/cli/relic.md).
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/relic/thermal_target.hpp"

namespace semivisible::cli {
namespace {

struct relic_cli_options {
  double splitting = 0.4;   // Δ/m_χ1 (0 allowed: the pseudo-Dirac limit)
  double alpha_dark = 0.1;  // α_D
  double mass_ratio = 3.0;  // m_A′/m_χ1
  double m_chi1_min = 0.001;
  double m_chi1_max = 0.3;
  int points = 30;
  std::optional<double> m_chi1{};
  double omega_h2 = 0.12;
  output_format format = output_format::text;
};

void require_mass_in_table(const char* option, double value) {
  if (value < relic::mass_chi1_min || value > relic::mass_chi1_max)
    throw std::invalid_argument(fmt::format(
        "relic: {} = {}, but must be in [{}, {}] GeV (range of the g_eff/h_eff table and the "
        "hadronic model)",
        option, value, relic::mass_chi1_min, relic::mass_chi1_max));
}

void run(const relic_cli_options& o) {
  // The target is computed for the prompt A' -> chi1 chi2 regime of the model (as scan and
  // model::parameters): below, chi chi -> A' A' would dominate and is not included, and for a
  // tiny ratio y = eps^2 alpha_D / ratio^4 overflows.
  if (!(o.mass_ratio > 2 + o.splitting) || !(o.mass_ratio <= 1e4))
    throw std::invalid_argument(fmt::format(
        "relic: --mass-ratio = {}, but must be in (2 + --splitting = {}, 1e4] (A' -> chi1 chi2 "
        "open, as in the scans)",
        o.mass_ratio, 2 + o.splitting));
  std::vector<double> masses;
  if (o.m_chi1) {
    require_mass_in_table("--m-chi1", *o.m_chi1);
    masses.push_back(*o.m_chi1);
  } else {
    require_mass_in_table("--m-chi1-min", o.m_chi1_min);
    require_mass_in_table("--m-chi1-max", o.m_chi1_max);
    if (!(o.m_chi1_max >= o.m_chi1_min))
      throw std::invalid_argument(
          fmt::format("relic: --m-chi1-max = {}, but must be >= --m-chi1-min = {}", o.m_chi1_max,
                      o.m_chi1_min));
    if (o.points < 1)
      throw std::invalid_argument(fmt::format("relic: --points = {}, but must be >= 1", o.points));
    const auto n = static_cast<std::size_t>(o.points);
    for (std::size_t i = 0; i < n; ++i) {
      const double t = n == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(n - 1);
      masses.push_back(o.m_chi1_min * std::pow(o.m_chi1_max / o.m_chi1_min, t));  // log spacing
    }
  }
  relic::relic_options opt;
  opt.omega_h2 = o.omega_h2;
  const auto line =
      relic::thermal_target_line(masses, o.splitting, o.alpha_dark, o.mass_ratio, opt);
  std::vector<record> rows;
  rows.reserve(line.size());
  for (const auto& t : line) {
    const bool ok = t.status.ok();
    rows.push_back(record{
        {"mass_chi1_GeV", t.mass_chi1},
        {"mass_aprime_GeV", t.mass_chi1 * o.mass_ratio},
        {"y", ok ? finite_or_null(t.y) : value{}},
        {"epsilon", ok ? finite_or_null(t.epsilon) : value{}},
        {"omega_h2", ok ? finite_or_null(t.omega_h2) : value{}},
        {"x_freeze_out", ok ? finite_or_null(t.x_freeze_out) : value{}},
        {"splitting", o.splitting},
        {"alpha_dark", o.alpha_dark},
        {"mass_ratio", o.mass_ratio},
        {"status", std::string(to_string(t.status.code))},
    });
  }
  print_table(rows, o.format);
  for (const auto& t : line)
    if (!t.status.ok())
      fmt::print(stderr, "semivisible relic: m_chi1 = {} GeV: {}\n", t.mass_chi1, t.status.message);
}

}  // namespace

void add_relic_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "relic",
      "Thermal relic target: y = eps^2 alpha_D (m_chi1/m_A')^4 and eps giving Omega h^2 = 0.12 "
      "(coannihilating chi1 chi2 freeze-out) versus m_chi1");
  auto o = std::make_shared<relic_cli_options>();
  cmd->add_option("--splitting", o->splitting,
                  "Mass splitting Delta/m_chi1 (0 = pseudo-Dirac limit)")
      ->check(non_negative_number)
      ->capture_default_str();
  cmd->add_option("--alpha-dark", o->alpha_dark, "Dark coupling alpha_D")
      ->check(alpha_dark_value)
      ->capture_default_str();
  cmd->add_option("--mass-ratio", o->mass_ratio, "m_A'/m_chi1")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_option("--m-chi1-min", o->m_chi1_min, "Smallest m_chi1 [GeV] (>= 0.001)")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_option("--m-chi1-max", o->m_chi1_max, "Largest m_chi1 [GeV] (<= 5)")
      ->check(positive_number)
      ->capture_default_str();
  cmd->add_option("--points", o->points, "Number of m_chi1 points, log-spaced")
      ->check(count_in(1, 100'000, "POINTS"))
      ->capture_default_str();
  cmd->add_option_function<double>(
         "--m-chi1", [o](const double& v) { o->m_chi1 = v; },
         "A single m_chi1 [GeV] instead of a line")
      ->check(positive_number);
  cmd->add_option("--omega-h2", o->omega_h2, "Target relic density Omega h^2")
      ->check(positive_number)
      ->capture_default_str();
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run(*o); });
}

}  // namespace semivisible::cli
