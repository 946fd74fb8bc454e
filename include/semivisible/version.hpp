// semivisible/version.hpp — library version (kept equal to project(VERSION) in CMakeLists.txt).
#pragma once

#define SEMIVISIBLE_VERSION_MAJOR 0
#define SEMIVISIBLE_VERSION_MINOR 1
#define SEMIVISIBLE_VERSION_PATCH 0

namespace semivisible {
inline constexpr const char* version_string = "0.1.0";
}  // namespace semivisible
