// semivisible/production/shower_settings.hpp — the vocabulary of
// production/shower_track_length.hpp: the bremsstrahlung spectrum of the cascade, the beam
// particle, the shower species and the numerical settings of the cascade solution.
#pragma once

namespace semivisible::production {

/// Which bremsstrahlung spectrum the cascade uses.
enum class brem_spectrum {
  complete_screening,  ///< Tsai Eq. (3.83) with the (Z²+Z)/9 term (physics choice)
  pdg,                 ///< PDG Eq. (34.29): the same without the small term (c = 4/3)
  bethe_heitler        ///< (4/3)/(−ln(1−v)): Tsai's primary model; primary only (validation)
};

/// Beam particle of the shower.
enum class beam_particle { electron, positron };

/// Shower particle species.
enum class shower_species {
  electron,
  positron,
  photon,
  primary,   ///< the beam particle's own track (e⁻ − e⁺ for an electron beam)
  secondary  ///< all e⁺ and e⁻ created in pairs
};

/// Options of the cascade solution.
struct shower_settings {
  brem_spectrum spectrum = brem_spectrum::complete_screening;
  bool ionisation = true;       ///< constant loss E_c per X0 (Approximation B); false: A
  bool secondaries = true;      ///< false: the primary only (no pair production)
  double points_per_unit = 24;  ///< λ-bins per unit of ln E (h = 1/points_per_unit)
  double depth_step_X0 = 0.25;  ///< Crank–Nicolson depth step (finite thickness; ≥ 40 steps)
  bool richardson = true;       ///< extrapolate h and h/2 (second order) instead of h alone
};

}  // namespace semivisible::production
