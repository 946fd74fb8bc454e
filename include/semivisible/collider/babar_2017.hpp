// semivisible/collider/babar_2017.hpp — the BaBar 2017 mono-photon search (Lees et al., PRL 119
// (2017) 131804, arXiv:1702.03327) as a monophoton_options value, with every number's status.
//
// Sourced: beam energies 9.0 GeV e⁻ × 3.1 GeV e⁺ (PEP-II at the Υ(4S), √s = 10.58 GeV; BaBar
// detector paper, NIM A 479 (2002) 1, §1); 53 fb⁻¹ in total (the paper's abstract); the drift
// chamber (outer radius 80.9 cm, 280 cm long: SLAC-PUB-7779) sits inside the EMC.
// ASSUMED (not verified against the paper text, which was not available here; see
// docs/physics-collider.md, table of numbers): the photon acceptance −0.4 < cosθ*_γ < 0.6 in the
// CM frame; the whole sample taken at the Υ(4S) beam energies (the paper also used Υ(2S) and Υ(3S)
// running, whose lower e⁻ energy changes the boost by < 20 %, and P_invisible by less than the
// geometry assumptions do); the veto volume a cylinder of radius 1.40 m (the back of the CsI
// calorimeter / inner radius of the coil cryostat) with ends at z = +2.4 m and −1.7 m; every χ2
// decay inside the veto volume vetoed (E_th = 0, conservative: a larger E_th only raises
// P_invisible). This header is the lead's to move into data/experiments/babar-2017.json.
#pragma once

#include "semivisible/collider/monophoton_table.hpp"

namespace semivisible::collider {

/// The BaBar 2017 mono-photon selection and veto geometry assumed here (see the header comment).
[[nodiscard]] inline monophoton_options babar_2017_options() {
  monophoton_options o;
  o.runs = {collider_run{beam_energies{9.0, 3.1}, 53.0}};
  o.cos_theta_cm_min = -0.4;
  o.cos_theta_cm_max = 0.6;
  o.veto = veto_cylinder{1.40, 2.4, 1.7};
  o.visible_energy_min_GeV = 0.0;
  return o;
}

}  // namespace semivisible::collider
