// semivisible/scan.hpp — the scan stage: excluded intervals along one variable, the parallel
// sharded scan over the other, and the merge of shards.
#pragma once
#include "semivisible/scan/analysis.hpp"
#include "semivisible/scan/engine.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/merge.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/scan/rows.hpp"
#include "semivisible/scan/shard.hpp"
#include "semivisible/scan/spectrum_cache.hpp"
#include "semivisible/scan/summary.hpp"
