// semivisible/stats.hpp — the statistics stage: counting model, profile likelihood, CLs limits.
#pragma once
#include "semivisible/stats/cls.hpp"
#include "semivisible/stats/counting_model.hpp"
#include "semivisible/stats/likelihood.hpp"
