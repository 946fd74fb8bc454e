// semivisible/signal.hpp — the signal stage: expected events in every region of an experiment.
#pragma once
#include "semivisible/signal/decay_table.hpp"
#include "semivisible/signal/model_kind.hpp"
#include "semivisible/signal/yield.hpp"
