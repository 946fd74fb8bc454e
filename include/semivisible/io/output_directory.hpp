// semivisible/io/output_directory.hpp — a results directory that is published whole or not at
// all, never deletes what it did not write, and cannot be mixed by two concurrent runs.
//
// Life of an output_directory for `--out DIR` (POSIX):
//  1. The path is normalised (lexically; trailing '/' removed) and refused when it is empty, '.',
//     '..', the root, the working directory or one of its ancestors, a symbolic link, an existing
//     file, too long for the file system (a component > 230 bytes, the whole > 4000 bytes), or a
//     non-empty directory that is not ours — unless `force`. "Ours" means: it holds the marker
//     file `.semivisible-output` that publish() writes, and no top-level entry that the marker
//     does not list (a file a user added later makes the directory foreign again).
//  2. An exclusive lock is taken with flock(2) on the sibling `.DIR.lock` (opened O_CLOEXEC, so a
//     child process does not inherit it). A second run writing the same DIR fails at once with a
//     message naming the holder's pid (or waits, with `wait_for_lock`). The lock file is removed
//     on release; a run that finds the file replaced under it retries, so removing it is safe.
//  3. Under the lock, temporaries of earlier runs that were killed (`.DIR.tmp-XXXXXX`,
//     `.DIR.old-XXXXXX`) are removed, and the staging directory `.DIR.tmp-XXXXXX` is created with
//     mkdtemp(3) beside DIR (same file system, so the final rename is atomic). It and the lock file
//     are registered for removal on SIGINT/SIGTERM/SIGHUP (detail/termination_cleanup.hpp).
//  4. The caller writes everything into staging(); publish() writes the marker and moves staging
//     to DIR by rename(2): onto an absent or empty DIR directly, over an earlier output of ours by
//     renameat2(RENAME_EXCHANGE) (atomic swap; elsewhere rename-aside to `.DIR.old-XXXXXX`, then
//     rename) followed by removing the old tree. Readers see the old or the new directory whole.
//  5. The destructor removes the staging directory when publish() did not happen (an exception,
//     an early return) and releases the lock.
// All checks of step 1-3 happen in the constructor, so a command constructs the output_directory
// before it computes anything: an unwritable or refused --out fails in milliseconds.
// Errors: a refused path throws semivisible::invalid_parameter naming `option` and the path; a
// system failure (lock held, rename failed) throws std::runtime_error with the path and errno text.
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "semivisible/error.hpp"
#include "semivisible/io/detail/termination_cleanup.hpp"
#include "semivisible/io/output_path.hpp"

namespace semivisible::io {

/// Options of output_directory.
struct output_directory_options {
  bool force = false;            ///< replace a non-empty directory that is not ours (--force)
  std::string option = "--out";  ///< name of the option in messages
  bool wait_for_lock = false;    ///< wait for a concurrent run instead of failing at once
  bool remove_on_signal = true;  ///< remove the staging directory on SIGINT/SIGTERM/SIGHUP
  std::vector<std::string> marker_notes{};  ///< extra comment lines for the marker file
};

/// A staging directory beside `target`, published to `target` whole (see the header comment).
class output_directory {
 public:
  /// Checks `target`, takes the lock, cleans stale temporaries and creates the staging directory.
  explicit output_directory(const std::filesystem::path& target,
                            output_directory_options options = {})
      : options_(std::move(options)) {
    namespace fs = std::filesystem;
    const std::string& opt = options_.option;
    given_ = normalize_output_path(target, opt);
    std::error_code ec;
    target_ = fs::absolute(given_, ec).lexically_normal();
    if (ec)
      throw invalid_parameter(fmt::format("{} = '{}', but its absolute path cannot be formed: {}",
                                          opt, detail::shown(target), ec.message()));
    name_ = target_.filename().string();
    parent_ = target_.parent_path();
    if (name_.size() > max_name_bytes || target_.string().size() > max_path_bytes)
      throw invalid_parameter(fmt::format(
          "{} = '{}', but must be at most {} bytes per directory name and {} bytes in all (it "
          "has a {}-byte name, {} bytes in all)",
          opt, detail::shown(target), max_name_bytes, max_path_bytes, name_.size(),
          target_.string().size()));
    // Never the working directory or one of its ancestors (its replacement would remove it).
    const fs::path cwd = fs::weakly_canonical(fs::current_path(ec), ec);
    const fs::path resolved = fs::weakly_canonical(target_, ec);
    if (!ec && detail::is_within(cwd, resolved))
      throw invalid_parameter(fmt::format(
          "{} = '{}', but that is the working directory or contains it; choose a new directory",
          opt, detail::shown(target)));
    refuse_unless_replaceable(inspect_output_directory(target_));
    fs::create_directories(parent_, ec);
    if (ec)
      throw invalid_parameter(
          fmt::format("{} = '{}', but its parent directory '{}' cannot be "
                      "created: {}",
                      opt, detail::shown(target), detail::shown(parent_), ec.message()));
    lock();
    try {
      // Under the lock, the state may have changed (a concurrent run just published).
      refuse_unless_replaceable(inspect_output_directory(target_));
      remove_stale_temporaries();
      try {
        staging_ = detail::make_unique_directory(parent_, "." + name_ + ".tmp-");
      } catch (const std::runtime_error& e) {
        throw invalid_parameter(fmt::format("{} = '{}', but it cannot be written: {}", opt,
                                            detail::shown(target), e.what()));
      }
      if (options_.remove_on_signal) detail::termination_cleanup::instance().add(staging_);
    } catch (...) {
      unlock();
      throw;
    }
  }

  output_directory(const output_directory&) = delete;
  output_directory& operator=(const output_directory&) = delete;

  /// Removes the staging directory unless published (or kept by a failed publish), unlocks.
  ~output_directory() {
    std::error_code ec;
    if (!published_ && !kept_ && !staging_.empty()) std::filesystem::remove_all(staging_, ec);
    if (!staging_.empty()) detail::termination_cleanup::instance().remove(staging_);
    unlock();
  }

  /// The normalised target as given (relative paths stay relative), for messages.
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return given_; }
  /// The absolute target.
  [[nodiscard]] const std::filesystem::path& absolute_target() const noexcept { return target_; }
  /// The absolute staging directory: write everything here, then publish().
  [[nodiscard]] const std::filesystem::path& staging() const noexcept { return staging_; }
  /// True after publish().
  [[nodiscard]] bool published() const noexcept { return published_; }

  /// Writes the marker and moves the staging directory to the target (see the header comment).
  /// Throws std::runtime_error when the target cannot be replaced; the staging directory is then
  /// kept when the target became foreign meanwhile (the message says where the results are).
  void publish() {
    namespace fs = std::filesystem;
    if (published_) throw std::logic_error("io::output_directory::publish: already published");
    write_marker();
    const std::string& opt = options_.option;
    const auto state = inspect_output_directory(target_);
    if (state == output_state::file || (state == output_state::foreign && !options_.force)) {
      kept_ = true;
      throw std::runtime_error(fmt::format(
          "{} = '{}' was changed by another program during the run and is not ours to replace; "
          "the results are in '{}'",
          opt, detail::shown(given_), detail::shown(staging_)));
    }
    if (state == output_state::absent || state == output_state::empty) {
      if (::rename(staging_.c_str(), target_.c_str()) != 0) {
        const int e = errno;
        throw std::runtime_error(fmt::format("{} = '{}': cannot rename '{}' to it: {}", opt,
                                             detail::shown(given_), detail::shown(staging_),
                                             detail::errno_text(e)));
      }
    } else {
      replace_existing();
    }
    published_ = true;
    detail::termination_cleanup::instance().remove(staging_);
    sync_parent();
  }

  /// Largest directory name accepted (NAME_MAX = 255 less room for ".NAME.tmp-XXXXXX").
  static constexpr std::size_t max_name_bytes = 230;
  /// Largest absolute path accepted (PATH_MAX = 4096 less room for the files inside).
  static constexpr std::size_t max_path_bytes = 4000;

 private:
  void refuse_unless_replaceable(output_state state) const {
    const std::string& opt = options_.option;
    if (state == output_state::file)
      throw invalid_parameter(
          fmt::format("{} = '{}', but must be a directory (it is a file or a symbolic link)", opt,
                      detail::shown(given_)));
    if (state == output_state::foreign && !options_.force)
      throw invalid_parameter(fmt::format(
          "{} = '{}', but it is a non-empty directory that this tool did not write (no {} marker, "
          "or files added since); choose a new directory, empty it, or give --force to replace "
          "it and everything in it",
          opt, detail::shown(given_), output_marker_name));
  }

  void lock() {
    const std::string path = (parent_ / ("." + name_ + ".lock")).string();
    for (int attempt = 0; attempt < 100; ++attempt) {
      const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
      if (fd < 0) {
        const int e = errno;
        throw invalid_parameter(fmt::format("{} = '{}', but '{}' is not writable: {}",
                                            options_.option, detail::shown(given_),
                                            detail::shown(parent_), detail::errno_text(e)));
      }
      const int how = options_.wait_for_lock ? LOCK_EX : LOCK_EX | LOCK_NB;
      int rc = 0;
      while ((rc = ::flock(fd, how)) != 0 && errno == EINTR) {
      }
      if (rc != 0) {
        const int e = errno;
        char buffer[32] = {};
        const auto n = ::pread(fd, buffer, sizeof buffer - 1, 0);
        ::close(fd);
        const std::string pid = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "?";
        if (e == EWOULDBLOCK)
          throw std::runtime_error(fmt::format(
              "{} = '{}': another semivisible run (pid {}) is writing it (lock '{}'); wait for "
              "it to finish or choose another directory",
              options_.option, detail::shown(given_), pid, detail::shown(path)));
        throw std::runtime_error(fmt::format("{} = '{}': cannot lock '{}': {}", options_.option,
                                             detail::shown(given_), detail::shown(path),
                                             detail::errno_text(e)));
      }
      // The holder before us removes the file when it finishes: lock the file that is there now.
      struct stat by_fd {
      }, by_path{};
      if (::fstat(fd, &by_fd) == 0 && ::stat(path.c_str(), &by_path) == 0 &&
          by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev) {
        lock_fd_ = fd;
        lock_path_ = path;
        // On a signal the lock file goes with the staging directory (safe: see unlock()).
        if (options_.remove_on_signal) detail::termination_cleanup::instance().add(lock_path_);
        const std::string pid = std::to_string(static_cast<long>(::getpid()));
        if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, pid.data(), pid.size(), 0);
        return;
      }
      ::close(fd);
    }
    throw std::runtime_error(fmt::format("{} = '{}': cannot lock '{}' (it keeps being replaced)",
                                         options_.option, detail::shown(given_),
                                         detail::shown(path)));
  }

  void unlock() noexcept {
    if (lock_fd_ < 0) return;
    detail::termination_cleanup::instance().remove(lock_path_);
    ::unlink(lock_path_.c_str());  // while still holding the lock: see lock()
    ::close(lock_fd_);
    lock_fd_ = -1;
  }

  void remove_stale_temporaries() const {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string tmp = "." + name_ + ".tmp-", old = "." + name_ + ".old-";
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(parent_, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string n = it->path().filename().string();
      const bool ours = (n.size() == tmp.size() + 6 && n.compare(0, tmp.size(), tmp) == 0) ||
                        (n.size() == old.size() + 6 && n.compare(0, old.size(), old) == 0);
      if (ours && fs::is_directory(fs::symlink_status(it->path(), ec))) stale.push_back(it->path());
    }
    for (const auto& p : stale) fs::remove_all(p, ec);
  }

  void write_marker() const {
    namespace fs = std::filesystem;
    std::string text =
        "# Written by semivisible: this directory is its output. A later run may replace it\n"
        "# (with everything listed below) as long as no other file is added at the top level.\n";
    for (const auto& n : options_.marker_notes) text += "# " + n + "\n";
    std::error_code ec;
    for (fs::directory_iterator it(staging_, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string n = it->path().filename().string();
      if (n != output_marker_name && n.find('\n') == std::string::npos) text += n + "\n";
    }
    std::ofstream out(staging_ / output_marker_name, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out)
      throw std::runtime_error(fmt::format("{} = '{}': cannot write the marker in '{}'",
                                           options_.option, detail::shown(given_),
                                           detail::shown(staging_)));
  }

  void replace_existing() {
    const std::string& opt = options_.option;
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
      std::error_code ec;
      std::filesystem::remove_all(staging_, ec);  // now the old output; a leftover is stale
      return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
      const int e = errno;
      throw std::runtime_error(fmt::format("{} = '{}': cannot exchange it with '{}': {}", opt,
                                           detail::shown(given_), detail::shown(staging_),
                                           detail::errno_text(e)));
    }
#endif
    const auto aside = detail::make_unique_directory(parent_, "." + name_ + ".old-");
    if (::rename(target_.c_str(), aside.c_str()) != 0) {
      const int e = errno;
      std::error_code ec;
      std::filesystem::remove(aside, ec);
      throw std::runtime_error(fmt::format("{} = '{}': cannot move it aside: {}", opt,
                                           detail::shown(given_), detail::errno_text(e)));
    }
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
      const int e = errno;
      (void)::rename(aside.c_str(), target_.c_str());  // put the earlier output back
      throw std::runtime_error(fmt::format("{} = '{}': cannot rename '{}' to it: {}", opt,
                                           detail::shown(given_), detail::shown(staging_),
                                           detail::errno_text(e)));
    }
    std::error_code ec;
    std::filesystem::remove_all(aside, ec);
  }

  void sync_parent() const noexcept {
    const int fd = ::open(parent_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
      (void)::fsync(fd);
      ::close(fd);
    }
  }

  output_directory_options options_;
  std::filesystem::path given_, target_, parent_, staging_;
  std::string name_;
  std::string lock_path_;
  int lock_fd_ = -1;
  bool published_ = false;
  bool kept_ = false;
};

}  // namespace semivisible::io
