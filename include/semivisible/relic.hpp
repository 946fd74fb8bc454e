// semivisible/relic.hpp — the relic stage: thermal relic target of coannihilating χ1χ2 freeze-out.
#pragma once
#include "semivisible/relic/boltzmann.hpp"
#include "semivisible/relic/cross_section.hpp"
#include "semivisible/relic/dof.hpp"
#include "semivisible/relic/thermal_average.hpp"
#include "semivisible/relic/thermal_splitting.hpp"
#include "semivisible/relic/thermal_target.hpp"
