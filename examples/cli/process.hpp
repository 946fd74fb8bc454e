// examples/cli/process.hpp — starting a child process from an argument vector, never a shell.
//
// run_process({"python3", "script.py", dir}) starts the program with posix_spawn(3) (posix_spawnp
// when argv[0] has no '/', i.e. a PATH lookup) and waits for it. The arguments reach the child
// exactly as given: no shell parses them, so quotes, ';', '$(...)' or spaces in a path are just
// characters (the plot step of na64-2021 used std::system with quoted arguments, which let
// `--out "r';touch INJECTED;'"` run a command). The child gets an empty signal mask (the CLI
// blocks SIGINT/SIGTERM in its own threads for io/output_directory's clean-up) and inherits
// stdin/stdout/stderr; descriptors opened with O_CLOEXEC (the --out lock) are not inherited.
#pragma once

#include <cerrno>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT: POSIX, the environment passed to the child

namespace semivisible::cli {

/// How a child process ended.
struct process_result {
  bool started = false;  ///< false: it could not be started (see error)
  int exit_code = -1;    ///< its exit status when it exited
  int signal = 0;        ///< the signal that ended it, 0 when it exited
  std::string error{};   ///< why it could not be started
  [[nodiscard]] bool ok() const noexcept { return started && signal == 0 && exit_code == 0; }
  /// "exit status 2", "killed by signal 9", or "cannot start: ...".
  [[nodiscard]] std::string describe() const {
    if (!started) return "cannot start: " + error;
    if (signal != 0) return fmt::format("killed by signal {}", signal);
    return fmt::format("exit status {}", exit_code);
  }
};

/// The arguments as a shell would need them quoted — for messages only, never executed.
[[nodiscard]] inline std::string display_command(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& a : argv) {
    if (!out.empty()) out += ' ';
    const bool plain = !a.empty() && a.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM"
                                         "NOPQRSTUVWXYZ0123456789_-./=:+,@%") == std::string::npos;
    if (plain) {
      out += a;
      continue;
    }
    out += '\'';
    for (const char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += '\'';
  }
  return out;
}

/// Starts argv[0] with the arguments argv[1...] (no shell) and waits for it to end.
[[nodiscard]] inline process_result run_process(const std::vector<std::string>& argv) {
  process_result r;
  if (argv.empty() || argv.front().empty()) {
    r.error = "no program given";
    return r;
  }
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  posix_spawnattr_t attr;
  if (const int e = posix_spawnattr_init(&attr); e != 0) {
    r.error = std::generic_category().message(e);
    return r;
  }
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigmask(&attr, &empty);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  const bool search_path = argv.front().find('/') == std::string::npos;
  const int e = search_path ? posix_spawnp(&pid, args[0], nullptr, &attr, args.data(), environ)
                            : posix_spawn(&pid, args[0], nullptr, &attr, args.data(), environ);
  posix_spawnattr_destroy(&attr);
  if (e != 0) {
    r.error = fmt::format("{}: {}", argv.front(), std::generic_category().message(e));
    return r;
  }
  r.started = true;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      r.started = false;
      r.error = fmt::format("waitpid: {}", std::generic_category().message(errno));
      return r;
    }
  }
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

}  // namespace semivisible::cli
