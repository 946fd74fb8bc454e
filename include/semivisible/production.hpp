// semivisible/production.hpp — the production stage: dark-bremsstrahlung cross sections, the
// thick-target electron track length and the A′ energy spectrum per electron on target.
#pragma once
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/cross_section.hpp"
#include "semivisible/production/form_factor.hpp"
#include "semivisible/production/k_factor.hpp"
#include "semivisible/production/photon_flux.hpp"
#include "semivisible/production/track_length.hpp"
