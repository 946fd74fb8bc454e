// semivisible/io/detail/termination_cleanup.hpp — remove registered temporary directories when
// the process is asked to stop (SIGINT, SIGTERM, SIGHUP), then stop as the signal asks.
//
// Method: the first registration blocks those signals in the calling thread (and so in every
// thread it starts afterwards, e.g. the scan workers) and starts one detached watcher thread
// that waits for them with sigwait(3). On a signal the watcher removes every registered path
// (std::filesystem::remove_all, in an ordinary thread, so no async-signal-safety limits apply),
// restores the signal's original disposition, unblocks it in its own thread and raises it again:
// with the default disposition the process ends "killed by SIGINT/SIGTERM" (shell status 130 /
// 143), exactly as without the watcher. Signals that were ignored (SIG_IGN, e.g. SIGHUP under
// nohup) are left alone. SIGKILL cannot be caught: what it leaves is removed by the next run
// (io/output_directory.hpp cleans stale temporaries under its lock).
// This is process-wide state by nature (signal dispositions are); it holds only the list of paths
// and is safe to use from several threads. Threads started before the first registration keep
// the signals unblocked; a signal delivered to one of them takes its default action without the
// clean-up (the CLI registers from its main thread before it starts any).
#pragma once

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#if __has_include(<pthread.h>) && __has_include(<signal.h>)
#include <pthread.h>
#include <signal.h>
#define SEMIVISIBLE_HAVE_SIGWAIT 1
#endif

namespace semivisible::io::detail {

class termination_cleanup {
 public:
  /// The process-wide instance (never destroyed: the detached watcher may outlive static
  /// destruction at exit).
  static termination_cleanup& instance() {
    static termination_cleanup* const cleanup = new termination_cleanup;
    return *cleanup;
  }

  /// Registers `path` for removal on SIGINT/SIGTERM/SIGHUP (starts the watcher the first time).
  void add(const std::filesystem::path& path) {
    start();
    const std::lock_guard lock(mutex_);
    paths_.push_back(path);
  }

  /// Unregisters `path` (no-op when it was not registered).
  void remove(const std::filesystem::path& path) noexcept {
    const std::lock_guard lock(mutex_);
    const auto it = std::find(paths_.begin(), paths_.end(), path);
    if (it != paths_.end()) paths_.erase(it);
  }

  /// True when the watcher thread runs (false where sigwait is not available).
  [[nodiscard]] bool active() const noexcept { return active_; }

  termination_cleanup(const termination_cleanup&) = delete;
  termination_cleanup& operator=(const termination_cleanup&) = delete;

 private:
  termination_cleanup() = default;
  ~termination_cleanup() = default;

  void remove_all_registered() noexcept {
    const std::lock_guard lock(mutex_);
    for (const auto& p : paths_) {
      // A worker may still be creating files in the directory: retry a few times.
      for (int attempt = 0; attempt < 5; ++attempt) {
        std::error_code ec;
        std::filesystem::remove_all(p, ec);
        if (!std::filesystem::exists(p, ec)) break;
      }
    }
    paths_.clear();
  }

  void start() {
#ifdef SEMIVISIBLE_HAVE_SIGWAIT
    std::call_once(started_, [this] {
      sigset_t set;
      sigemptyset(&set);
      for (const int s : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler != SIG_IGN) sigaddset(&set, s);
      }
      if (::pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
      std::thread([this, set] {
        for (;;) {
          int sig = 0;
          if (::sigwait(&set, &sig) != 0) continue;
          remove_all_registered();
          // Stop as the signal asks: its disposition is untouched (the default: terminate).
          sigset_t one;
          sigemptyset(&one);
          sigaddset(&one, sig);
          ::pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
          ::raise(sig);
          // Still alive: the application handled the signal itself; keep watching.
          ::pthread_sigmask(SIG_BLOCK, &one, nullptr);
        }
      }).detach();
      active_ = true;
    });
#endif
  }

  std::mutex mutex_;
  std::vector<std::filesystem::path> paths_;
  std::once_flag started_;
  std::atomic<bool> active_{false};
};

}  // namespace semivisible::io::detail
