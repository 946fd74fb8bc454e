// semivisible/signal.hpp — the signal stage: expected events in S1 and S2.
#pragma once
#include "semivisible/signal/yield.hpp"
