// semivisible/scan/engine.hpp — the generic parallel scan over x.
//
// run(xs, per_x, options) calls the user's per-x function once for every x of the run's shard
// (scan/shard.hpp), on all cores with std::jthread, and returns the rows in grid order whatever
// the thread timing (each x writes its own slot; slots are joined in index order), so the output
// is deterministic and a merge of shards is byte-identical to the single run.
// The per-x function is where everything that depends only on x (the masses) is computed once —
// typically it builds its precompute, then calls excluded_intervals() (scan/intervals.hpp) with a
// test function of the second variable that reuses it, and returns rows_from(x, result).
// A per-x function that throws gives one failed row for that x (status invalid_input for
// semivisible::invalid_parameter, numerical_error otherwise) and the scan continues.
// Thread safety: per_x is called concurrently from several threads through a const reference; it
// must not mutate shared state (pure functions and per-call locals are fine).
// Progress: a bar on stderr while it is a terminal (isatty), nothing otherwise.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#if __has_include(<unistd.h>)
#include <unistd.h>
#define SEMIVISIBLE_HAVE_UNISTD 1
#endif

#include "semivisible/error.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/rows.hpp"
#include "semivisible/scan/shard.hpp"

namespace semivisible::scan {

/// Options of run().
struct run_options {
  shard_spec shard{};          ///< which x of the grid to run (--shard K/N); {1,1}: all
  std::size_t threads = 0;     ///< worker threads; 0: std::thread::hardware_concurrency()
  bool progress = true;        ///< draw a progress bar on stderr when stderr is a terminal
  std::string label = "scan";  ///< text in front of the progress bar
};

namespace detail {

/// True when stderr is a terminal (false where that cannot be known).
inline bool stderr_is_terminal() {
#ifdef SEMIVISIBLE_HAVE_UNISTD
  return ::isatty(STDERR_FILENO) == 1;
#else
  return false;
#endif
}

inline void draw_progress(const std::string& label, std::size_t done, std::size_t total) {
  constexpr std::size_t width = 40;
  const std::size_t filled = total ? done * width / total : width;
  fmt::print(stderr, "\r{} [{:=<{}}{:<{}}] {}/{}", label, "", filled, "", width - filled, done,
             total);
  std::fflush(stderr);
}

template <class PerX>
std::vector<exclusion_row> rows_for(const PerX& per_x, double x) {
  std::vector<exclusion_row> rows;
  try {
    rows = per_x(x);
  } catch (const invalid_parameter& e) {
    return {failed_row(x, status::invalid_input, e.what())};
  } catch (const std::exception& e) {
    return {failed_row(x, status::numerical_error, e.what())};
  }
  if (rows.empty()) rows.push_back(exclusion_row{x, {}, {}, false, false, {}});
  for (auto& r : rows) r.x = x;  // the row belongs to the x it was computed for
  return rows;
}

}  // namespace detail

/// The usual per-x function: at each x it builds `test = make_test(x)` once — the place for
/// everything that depends only on x (the per-mass precompute) — then returns the rows of
/// excluded_intervals(test, o). make_test(x) must return a callable double(double y).
template <class MakeTest>
[[nodiscard]] auto excluded_intervals_per_x(MakeTest make_test, const interval_options& o) {
  validate(o);
  return [make_test = std::move(make_test), o](double x) {
    const auto test = make_test(x);
    return rows_from(x, excluded_intervals(test, o));
  };
}

/// Runs `per_x` (callable as std::vector<exclusion_row>(double x) const, thread-safe) for every x
/// of `xs` (the whole, ascending grid) selected by options.shard; returns the shard's table with
/// `parameters` attached, rows in grid order. Throws invalid_parameter for a bad shard.
template <class PerX>
[[nodiscard]] exclusion_table run(
    const std::vector<double>& xs, const PerX& per_x, const run_options& options = {},
    nlohmann::ordered_json parameters = nlohmann::ordered_json::object()) {
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (!std::isfinite(xs[i]) || (i > 0 && !(xs[i] > xs[i - 1])))
      semivisible::detail::throw_invalid(
          "scan::run", fmt::format("xs[{}]", i), xs[i],
          i > 0 ? fmt::format("finite and > xs[{}] = {} (an ascending grid)", i - 1, xs[i - 1])
                : std::string("finite"));
  const std::vector<std::size_t> indices = shard_indices(xs.size(), options.shard);
  const std::size_t n = indices.size();
  std::vector<std::vector<exclusion_row>> slots(n);

  std::size_t threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1));
  const bool progress = options.progress && n > 0 && detail::stderr_is_terminal();

  std::atomic<std::size_t> next{0}, done{0};
  std::mutex mutex;
  std::condition_variable finished;
  const auto work = [&] {
    for (std::size_t k = next.fetch_add(1); k < n; k = next.fetch_add(1)) {
      slots[k] = detail::rows_for(per_x, xs[indices[k]]);
      if (done.fetch_add(1) + 1 == n) {
        const std::lock_guard lock(mutex);
        finished.notify_all();
      }
    }
  };
  if (threads == 1 && !progress) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    if (progress) {
      std::unique_lock lock(mutex);
      while (!finished.wait_for(lock, std::chrono::milliseconds(100),
                                [&] { return done.load() == n; }))
        detail::draw_progress(options.label, done.load(), n);
      detail::draw_progress(options.label, n, n);
      fmt::print(stderr, "\n");
    }
  }  // jthreads join here

  exclusion_table table;
  table.parameters = std::move(parameters);
  table.shard = options.shard;
  table.x_count = xs.size();
  for (auto& s : slots)
    for (auto& r : s) table.rows.push_back(std::move(r));
  return table;
}

}  // namespace semivisible::scan
