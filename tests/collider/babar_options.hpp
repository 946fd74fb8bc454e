// tests/collider/babar_options.hpp — the BaBar 2017 mono-photon options of the collider tests,
// built from the built-in experiment file data/experiments/babar-2017.json (every number and its
// source are there; the file replaced the former header collider/babar_2017.hpp).
#pragma once

#include "semivisible/collider/monophoton_table.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/scan/collider_plane.hpp"

namespace semivisible::collider::test {

/// The collider description of babar-2017.json as monophoton_options (read once).
[[nodiscard]] inline const monophoton_options& babar_2017_options() {
  static const monophoton_options o = scan::monophoton_options_of(
      *experiment::builtin("babar-2017", SEMIVISIBLE_DATA_DIR).collider);
  return o;
}

}  // namespace semivisible::collider::test
