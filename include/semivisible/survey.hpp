// semivisible/survey.hpp — the survival map over the model space (survey/engine.hpp).
#pragma once

#include "semivisible/survey/band.hpp"
#include "semivisible/survey/constraint.hpp"
#include "semivisible/survey/engine.hpp"
#include "semivisible/survey/grid.hpp"
#include "semivisible/survey/relic.hpp"
#include "semivisible/survey/sample_cache.hpp"
#include "semivisible/survey/table.hpp"
