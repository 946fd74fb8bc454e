// semivisible/detector.hpp — the detector stage: setup geometry (z intervals, signal regions)
// and decay probabilities.
#pragma once
#include "semivisible/detector/decay_probability.hpp"
#include "semivisible/detector/setup.hpp"
