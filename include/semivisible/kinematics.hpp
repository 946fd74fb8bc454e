// semivisible/kinematics.hpp — the kinematics stage: A′ → χ1 χ2 in flight, χ2 lab energy and boost.
#pragma once
#include "semivisible/kinematics/two_body.hpp"
