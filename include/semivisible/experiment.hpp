// semivisible/experiment.hpp — experiments as data: the experiment value, its JSON loader and the
// built-in experiment files.
#pragma once
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/experiment/load.hpp"
