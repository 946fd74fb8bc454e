// web/src/libcxx_compat.hpp — what Debian 12's Emscripten (3.1.6, libc++ 13) lacks of the C++20
// library that the semivisible headers use, for the single-threaded WebAssembly build only.
//
// Force-included (-include) into the one translation unit of the explorer (web/CMakeLists.txt);
// never used by a native build. Two gaps:
//   std::jthread (libc++ 18): the scan engine and the toy CLs engine start workers only when asked
//     for more than one thread. This build has no pthreads, so the stand-in runs the callable at
//     once, in the constructor, on the calling thread: the workers of those loops take disjoint
//     work items (an atomic counter or a stride), so running them one after the other gives the
//     same results in the same slots.
//   std::from_chars for double (libc++ 17): scan/grid.hpp and scan/shard.hpp parse numbers with
//     it. The stand-in checks the from_chars syntax (no leading space or '+', no hex prefix) and
//     converts with strtod (musl's strtod rounds correctly, as from_chars must).
// Both are declared in namespace std only because the headers name them there and must not be
// edited for this build; each is guarded by the feature it replaces, so a newer Emscripten with a
// complete libc++ simply skips it.
#pragma once

#include <version>  // defines _LIBCPP_VERSION and the __cpp_lib_* feature macros

#if defined(__EMSCRIPTEN__) && defined(_LIBCPP_VERSION)

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#if !defined(__cpp_lib_jthread)
namespace std {
class jthread {
 public:
  jthread() noexcept = default;
  template <class F, class... Args>
  explicit jthread(F&& f, Args&&... args) {
    std::forward<F>(f)(std::forward<Args>(args)...);  // see the header comment
  }
  jthread(jthread&&) noexcept = default;
  jthread& operator=(jthread&&) noexcept = default;
  [[nodiscard]] bool joinable() const noexcept { return false; }
  void join() {}
};
}  // namespace std
#endif

#if _LIBCPP_VERSION < 17000
namespace std {
inline from_chars_result from_chars(const char* first, const char* last, double& value,
                                    chars_format = chars_format::general) {
  const auto invalid = from_chars_result{first, errc::invalid_argument};
  if (first == last) return invalid;
  const char* p = first;
  if (*p == '-') ++p;
  if (p == last) return invalid;
  const bool digit = *p >= '0' && *p <= '9';
  if (!digit && *p != '.' && *p != 'i' && *p != 'I' && *p != 'n' && *p != 'N') return invalid;
  if (*p == '0' && p + 1 != last && (p[1] == 'x' || p[1] == 'X')) {
    value = 0;  // from_chars reads the "0" and stops before the 'x'
    return {p + 1, errc{}};
  }
  const std::string text(first, last);  // strtod needs a terminated string
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return invalid;
  const char* stop = first + (end - text.c_str());
  if (errno == ERANGE) return {stop, errc::result_out_of_range};
  value = v;
  return {stop, errc{}};
}
}  // namespace std
#endif

#endif  // __EMSCRIPTEN__ && _LIBCPP_VERSION
