// semivisible/efficiency.hpp — the efficiency stage: tabulated efficiencies versus m_A′.
#pragma once
#include "semivisible/efficiency/table.hpp"
