// semivisible/scan/detail/build_once_map.hpp — the thread-safe get-or-build map behind the scan
// caches (spectrum_cache.hpp, yield_cache.hpp). A lookup takes the mutex; a value is built outside
// the lock, so two threads may build the same one concurrently, and the first stored wins (the
// callers' values are pure functions of their keys, so both are identical).
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <utility>

namespace semivisible::scan::detail {

template <class Key, class Value>
class build_once_map {
 public:
  /// The value of `k`, built by `build()` on a miss.
  template <class Build>
  [[nodiscard]] Value get(Key k, Build&& build) {
    {
      const std::lock_guard lock(mutex_);
      if (const auto it = map_.find(k); it != map_.end()) return it->second;
    }
    Value built = std::forward<Build>(build)();
    const std::lock_guard lock(mutex_);
    return map_.try_emplace(std::move(k), std::move(built)).first->second;
  }

  [[nodiscard]] std::size_t size() const {
    const std::lock_guard lock(mutex_);
    return map_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::map<Key, Value> map_;
};

}  // namespace semivisible::scan::detail
