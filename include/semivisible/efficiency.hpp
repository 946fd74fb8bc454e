// semivisible/efficiency.hpp — the efficiency stage: tabulated efficiencies and the NA64 selection.
#pragma once
#include "semivisible/efficiency/selection.hpp"
#include "semivisible/efficiency/table.hpp"
