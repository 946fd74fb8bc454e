// examples/cli/cmd_gm2.cpp — `semivisible gm2`: the one-loop A′ contribution to a_μ and the ε band
// explaining Δa_μ (contract: docs/cli.md, section "gm2").
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/physics/gm2.hpp"

namespace semivisible::cli {

namespace {

struct gm2_options {
  double mass_aprime = 0;
  double epsilon = 1e-3;
  std::optional<double> delta_amu{};
  std::optional<double> delta_amu_error{};
  std::string band = "2021";
  output_format format = output_format::text;
};

void run_gm2(const gm2_options& o) {
  const physics::gm2_discrepancy named =
      o.band == "bnl" ? physics::gm2_discrepancy_bnl : physics::gm2_discrepancy_2021;
  const double delta_amu = o.delta_amu.value_or(named.value);
  const double error = o.delta_amu_error.value_or(named.error);
  const double f = physics::gm2_loop_function(o.mass_aprime, constants::mass_muon);
  const auto b = physics::gm2_band(o.mass_aprime, delta_amu, error);
  const record r{
      {"mass_aprime_GeV", o.mass_aprime},
      {"epsilon", o.epsilon},
      {"loop_function", f},
      {"a_mu", physics::gm2_aprime_contribution(o.mass_aprime, o.epsilon)},
      {"a_e", physics::gm2_aprime_contribution(o.mass_aprime, o.epsilon, constants::mass_electron)},
      {"delta_amu", delta_amu},
      {"delta_amu_error", error},
      {"epsilon_central", b.central},
      {"epsilon_1sigma_low", b.one_sigma_low},
      {"epsilon_1sigma_high", b.one_sigma_high},
      {"epsilon_2sigma_low", b.two_sigma_low},
      {"epsilon_2sigma_high", b.two_sigma_high},
      {"in_2sigma_band", b.contains(o.epsilon, 2)}};
  std::vector<std::string> notes{
      fmt::format("a_mu^A' = alpha eps^2 F(m_A'/m_mu)/2pi (Pospelov 2009); band for Delta a_mu = "
                  "({:.4g} +- {:.4g})e-11",
                  delta_amu * 1e11, error * 1e11)};
  if (delta_amu - 2 * error <= 0)
    notes.push_back("Delta a_mu - 2 sigma <= 0: the lower 2-sigma edge is reported as 0");
  if (delta_amu - error <= 0)
    notes.push_back("Delta a_mu - 1 sigma <= 0: the lower 1-sigma edge is reported as 0");
  print_record(r, o.format, notes);
}

}  // namespace

void add_gm2_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "gm2", "muon g-2: one-loop A' contribution a_mu and the epsilon band explaining Delta a_mu");
  auto o = std::make_shared<gm2_options>();
  cmd->add_option("--m-aprime", o->mass_aprime, "Dark photon mass m_A' [GeV]")
      ->check(mass_GeV)
      ->required();
  cmd->add_option("--epsilon", o->epsilon, "Kinetic mixing epsilon for a_mu")
      ->check(epsilon_value)
      ->capture_default_str();
  cmd->add_option("--band", o->band,
                  "Named Delta a_mu: 2021 = (251 +- 59)e-11 (the NA64 2021 paper), "
                  "bnl = (279 +- 76)e-11 (pre-Fermilab)")
      ->check(CLI::IsMember({"2021", "bnl"}))
      ->capture_default_str();
  cmd->add_option_function<double>(
         "--delta-amu", [o](const double& v) { o->delta_amu = v; },
         "Delta a_mu (default 251e-11, or the --band value)")
      ->check(
          number_validator([](double v) { return v > 0 && v < 1; }, "a number in (0, 1)", "(0,1)"));
  cmd->add_option_function<double>(
         "--delta-amu-error", [o](const double& v) { o->delta_amu_error = v; },
         "1-sigma error of Delta a_mu (default 59e-11, or the --band value)")
      ->check(number_validator([](double v) { return v >= 0 && v < 1; }, "a number in [0, 1)",
                               "[0,1)"));
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_gm2(*o); });
}

}  // namespace semivisible::cli
