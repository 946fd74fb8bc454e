// semivisible/collider.hpp — umbrella header of the collider module: e⁺e⁻ → γA′ mono-photon
// kinematics, the invisible probability of semi-visible events and the reinterpretation of a
// published invisible-A′ limit (docs/physics-collider.md).
#pragma once

#include "semivisible/collider/monophoton.hpp"
#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/collider/reinterpretation.hpp"
