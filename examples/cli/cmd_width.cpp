// examples/cli/cmd_width.cpp — `semivisible width`: χ2 and A′ widths, K factor, cτ and lab decay
// length at one model point (contract: docs/cli.md, section "width").
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/chi2_width.hpp"
#include "semivisible/physics/decay_length.hpp"

namespace semivisible::cli {

namespace {

struct width_options {
  model_options model{};
  std::optional<double> energy_chi2{};
  output_format format = output_format::text;
};

void run_width(const width_options& o) {
  const auto p = o.model.parameters();  // names the options on an unphysical point
  const double gamma_ee = physics::chi2_width_exact(p);
  const double gamma_mumu = physics::chi2_width_muons(p);
  const double gamma_total = gamma_ee + gamma_mumu;
  const double ctau = physics::proper_decay_length(gamma_total);  // +inf when stable
  const auto aprime = physics::aprime_width(p);

  record r{{"mass_aprime_GeV", p.mass_aprime()},
           {"mass_chi1_GeV", p.mass_chi1()},
           {"mass_chi2_GeV", p.mass_chi2()},
           {"splitting_GeV", p.splitting()},
           {"epsilon", p.epsilon()},
           {"alpha_dark", p.alpha_dark()},
           {"gamma_chi2_exact_GeV", gamma_ee},
           {"gamma_chi2_kfactor_GeV", physics::chi2_width_kfactor(p)},
           {"k_factor", physics::k_factor(p)},
           {"gamma_chi2_mumu_GeV", gamma_mumu},
           {"gamma_chi2_total_GeV", gamma_total},
           {"ctau_chi2_m", finite_or_null(ctau)}};
  if (o.energy_chi2) {
    const double energy = *o.energy_chi2;
    if (!(energy >= p.mass_chi2()))
      throw invalid_parameter(fmt::format(
          "--energy-chi2 = {} GeV, but must be >= m_chi2 = {:.6g} GeV", energy, p.mass_chi2()));
    r.emplace_back("energy_chi2_GeV", energy);
    r.emplace_back("decay_length_chi2_m",
                   finite_or_null(physics::lab_decay_length(p.mass_chi2(), energy, gamma_total)));
  }
  r.emplace_back("gamma_aprime_chi1chi2_GeV", aprime.chi1chi2);
  r.emplace_back("gamma_aprime_ee_GeV", aprime.electrons);
  r.emplace_back("gamma_aprime_mumu_GeV", aprime.muons);
  r.emplace_back("gamma_aprime_total_GeV", aprime.total());
  r.emplace_back("br_aprime_chi1chi2", aprime.branching_chi1chi2());
  r.emplace_back("br_aprime_ee", aprime.branching_electrons());
  r.emplace_back("br_aprime_mumu", aprime.branching_muons());
  r.emplace_back("ctau_aprime_m", physics::proper_decay_length(aprime.total()));

  std::vector<std::string> notes;
  if (!(gamma_total > 0))
    notes.push_back(fmt::format(
        "chi2 cannot decay: splitting Delta = {:.6g} GeV <= 2 m_e = {:.6g} GeV, so chi2 is stable "
        "(ctau_chi2_m = infinity, null in JSON)",
        p.splitting(), 2 * constants::mass_electron));
  if (gamma_mumu > 0)
    notes.push_back("Delta > 2 m_mu: the chi2 -> chi1 mu+ mu- channel is open and included");
  notes.push_back(
      "gamma_chi2_exact_GeV: exact leading-order width (docs/formula-notes.md 1.1); "
      "gamma_chi2_kfactor_GeV: "
      "NA64 2021 Eq. 2 with K = 0.640");
  print_record(r, o.format, notes);
}

}  // namespace

void add_width_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "width", "chi2 and A' widths, K factor, chi2 proper and lab decay length at one model point");
  auto o = std::make_shared<width_options>();
  add_model_options(*cmd, o->model);
  cmd->add_option_function<double>(
         "--energy-chi2", [o](const double& e) { o->energy_chi2 = e; },
         "chi2 lab energy [GeV] for decay_length_chi2_m (must be >= m_chi2)")
      ->check(
          number_in(model::limits::mass_min_GeV, 1e6 * model::limits::mass_max_GeV, " GeV", "GEV"));
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_width(*o); });
}

}  // namespace semivisible::cli
