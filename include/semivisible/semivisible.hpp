// semivisible/semivisible.hpp — umbrella header: the whole pipeline
// model → physics → experiment → production → kinematics → detector → efficiency → signal →
// stats → scan → io.
#pragma once

#include "semivisible/constants.hpp"
#include "semivisible/error.hpp"
#include "semivisible/units.hpp"
#include "semivisible/version.hpp"

#include "semivisible/collider.hpp"
#include "semivisible/detector.hpp"
#include "semivisible/efficiency.hpp"
#include "semivisible/experiment.hpp"
#include "semivisible/io.hpp"
#include "semivisible/kinematics.hpp"
#include "semivisible/model.hpp"
#include "semivisible/physics.hpp"
#include "semivisible/production.hpp"
#include "semivisible/relic.hpp"
#include "semivisible/scan.hpp"
#include "semivisible/signal.hpp"
#include "semivisible/stats.hpp"
