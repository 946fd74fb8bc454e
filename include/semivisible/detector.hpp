// semivisible/detector.hpp — the detector stage: decay probabilities in z intervals (the regions
// themselves are part of an experiment: semivisible/experiment.hpp).
#pragma once
#include "semivisible/detector/decay_probability.hpp"
