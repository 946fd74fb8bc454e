// semivisible/physics.hpp — the physics stage: widths, lifetimes, g−2.
#pragma once
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/chi2_width.hpp"
#include "semivisible/physics/decay_length.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/physics/r_ratio.hpp"
