// semivisible/production.hpp — the production stage: materials, dark-bremsstrahlung cross
// sections, the thick-target electron track length, the A′ energy spectrum per particle on target
// and the production sources of an experiment.
#pragma once
#include "semivisible/production/aprime_spectrum.hpp"
#include "semivisible/production/bremsstrahlung_source.hpp"
#include "semivisible/production/cross_section.hpp"
#include "semivisible/production/form_factor.hpp"
#include "semivisible/production/k_factor.hpp"
#include "semivisible/production/materials.hpp"
#include "semivisible/production/photon_flux.hpp"
#include "semivisible/production/source.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/production/spectrum.hpp"
#include "semivisible/production/track_length.hpp"
