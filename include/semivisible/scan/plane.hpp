// semivisible/scan/plane.hpp — the names of the parameter planes of the NA64 2021 paper's figures
// (Fig. 4 and Fig. 5; scan/planes.hpp says what each plane holds fixed).
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "semivisible/error.hpp"

namespace semivisible::scan {

/// The parameter planes of the NA64 2021 paper's figures.
enum class plane { maprime_epsilon, maprime_alphadark, mchi1_splitting };

/// The CLI spelling of a plane (docs/cli.md: --plane).
constexpr std::string_view to_string(plane p) noexcept {
  switch (p) {
    case plane::maprime_epsilon:
      return "maprime-epsilon";
    case plane::maprime_alphadark:
      return "maprime-alphadark";
    case plane::mchi1_splitting:
      return "mchi1-splitting";
  }
  return "unknown";
}

/// Parses "maprime-epsilon", "maprime-alphadark" or "mchi1-splitting".
inline plane plane_from_string(std::string_view name) {
  for (plane p : {plane::maprime_epsilon, plane::maprime_alphadark, plane::mchi1_splitting})
    if (name == to_string(p)) return p;
  throw invalid_parameter(fmt::format(
      "semivisible::scan::plane_from_string: plane = '{}', but must be maprime-epsilon, "
      "maprime-alphadark or mchi1-splitting",
      name));
}

}  // namespace semivisible::scan
