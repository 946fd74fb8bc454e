// semivisible/model.hpp — the model stage: Lagrangian parameters and the paper's benchmark.
#pragma once
#include "semivisible/model/parameters.hpp"
