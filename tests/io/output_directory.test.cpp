// Tests of semivisible/io/output_directory.hpp: a results directory is published whole, never
// over files the tool did not write, never inside itself, and never by two runs at once.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "semivisible/io/output_directory.hpp"

namespace fs = std::filesystem;
namespace io = semivisible::io;

namespace {
fs::path fresh_output_root(const char* name) {
  const auto d =
      fs::temp_directory_path() / fmt::format("semivisible-outdir-{}-{}", name, ::getpid());
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
void touch(const fs::path& p, const std::string& text = "x\n") {
  std::ofstream(p) << text;
}
std::vector<std::string> names(const fs::path& d) {
  std::vector<std::string> n;
  for (const auto& e : fs::directory_iterator(d)) n.push_back(e.path().filename().string());
  std::sort(n.begin(), n.end());
  return n;
}
template <class F>
std::string refusal_of(F f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}
}  // namespace

TEST_CASE("normalize_output_path strips trailing separators and refuses . and ..",
          "[io][output_directory][reliability]") {
  CHECK(io::normalize_output_path("name/") == fs::path("name"));
  CHECK(io::normalize_output_path("a/b//") == fs::path("a/b"));
  CHECK(io::normalize_output_path("./a/../b/") == fs::path("b"));
  for (const char* bad : {"", ".", "./", "..", "../", "a/..", "/"})
    CHECK_THROWS_AS(io::normalize_output_path(bad), semivisible::invalid_parameter);
  CHECK_THAT(refusal_of([] { (void)io::normalize_output_path(".", "--out"); }),
             Catch::Contains("--out = '.'"));
}

TEST_CASE("output_directory publishes the staging directory whole, beside the target",
          "[io][output_directory][reliability]") {
  const auto d = fresh_output_root("publish");
  const auto target = d / "results";
  {
    io::output_directory out(target.string() + "/");  // trailing slash: same directory
    CHECK(out.staging().parent_path() == d);          // a sibling, not inside the target
    CHECK_FALSE(fs::exists(target));
    touch(out.staging() / "a.csv");
    out.publish();
    CHECK(out.published());
  }
  CHECK(names(target) == std::vector<std::string>{".semivisible-output", "a.csv"});
  CHECK(names(d) == std::vector<std::string>{"results"});  // no staging, no lock file left
  CHECK(io::inspect_output_directory(target) == io::output_state::ours);
  // an earlier output of ours is replaced whole (a.csv gone, b.csv there)
  {
    io::output_directory out(target);
    touch(out.staging() / "b.csv");
    out.publish();
  }
  CHECK(names(target) == std::vector<std::string>{".semivisible-output", "b.csv"});
  CHECK(names(d) == std::vector<std::string>{"results"});
  fs::remove_all(d);
}

TEST_CASE("output_directory never replaces a directory it did not write",
          "[io][output_directory][reliability]") {
  const auto d = fresh_output_root("foreign");
  const auto user = d / "mine";
  fs::create_directories(user);
  touch(user / "thesis.tex");
  CHECK(io::inspect_output_directory(user) == io::output_state::foreign);
  CHECK_THAT(refusal_of([&] { io::output_directory out(user); }),
             Catch::Contains("--out = '") && Catch::Contains("--force"));
  CHECK(names(user) == std::vector<std::string>{"thesis.tex"});  // untouched
  // a file added to an earlier output makes it foreign again
  const auto ours = d / "ours";
  {
    io::output_directory out(ours);
    touch(out.staging() / "a.csv");
    out.publish();
  }
  touch(ours / "notes.txt");
  CHECK(io::inspect_output_directory(ours) == io::output_state::foreign);
  CHECK_THROWS_AS(io::output_directory(ours), semivisible::invalid_parameter);
  // --force replaces it
  {
    io::output_directory out(user, {.force = true});
    touch(out.staging() / "a.csv");
    out.publish();
  }
  CHECK(names(user) == std::vector<std::string>{".semivisible-output", "a.csv"});
  // an empty directory is fine without --force; a file never is
  const auto empty = d / "empty";
  fs::create_directories(empty);
  {
    io::output_directory out(empty);
    out.publish();
  }
  touch(d / "afile");
  CHECK_THAT(refusal_of([&] { io::output_directory out(d / "afile", {.force = true}); }),
             Catch::Contains("must be a directory"));
  fs::remove_all(d);
}

TEST_CASE("output_directory refuses the working directory and its ancestors",
          "[io][output_directory][reliability]") {
  const auto d = fresh_output_root("cwd");
  const auto inner = d / "work";
  fs::create_directories(inner);
  const auto old = fs::current_path();
  fs::current_path(inner);
  CHECK_THROWS_AS(io::output_directory("."), semivisible::invalid_parameter);
  CHECK_THROWS_AS(io::output_directory(".."), semivisible::invalid_parameter);
  CHECK_THAT(refusal_of([&] { io::output_directory out(inner, {.force = true}); }),
             Catch::Contains("working directory"));
  CHECK_THROWS_AS(io::output_directory(d, {.force = true}), semivisible::invalid_parameter);
  CHECK_THROWS_AS(io::output_directory("../work", {.force = true}), semivisible::invalid_parameter);
  fs::current_path(old);
  CHECK(fs::exists(inner));
  fs::remove_all(d);
}

TEST_CASE("output_directory: a second run on the same target fails at once, naming the holder",
          "[io][output_directory][reliability]") {
  const auto d = fresh_output_root("lock");
  const auto target = d / "out";
  io::output_directory first(target);
  CHECK_THAT(
      refusal_of([&] { io::output_directory second(target); }),
      Catch::Contains("another semivisible run") && Catch::Contains(std::to_string(::getpid())));
  touch(first.staging() / "a.csv");
  first.publish();
  fs::remove_all(d);
}

TEST_CASE("output_directory: an unpublished run leaves nothing; stale temporaries are removed",
          "[io][output_directory][reliability]") {
  const auto d = fresh_output_root("stale");
  const auto target = d / "out";
  {
    io::output_directory out(target);
    touch(out.staging() / "half.csv");
  }  // an exception or early return: no publish
  CHECK(names(d).empty());
  // what a kill -9 leaves: the staging and aside directories of a dead run
  fs::create_directories(d / ".out.tmp-AbC123" / "sub");
  fs::create_directories(d / ".out.old-xyZ789");
  touch(d / ".out.tmp-notours");  // not a 6-character mkdtemp suffix: kept
  {
    io::output_directory out(target);
    out.publish();
  }
  CHECK(names(d) == std::vector<std::string>{".out.tmp-notours", "out"});
  fs::remove_all(d);
}

TEST_CASE("output_directory refuses over-long names and unwritable parents with a clear message",
          "[io][output_directory][reliability]") {
  const auto d = fresh_output_root("long");
  const std::string long_name(5000, 'a');
  const auto msg = refusal_of([&] { io::output_directory out(d / long_name); });
  CHECK_THAT(msg, Catch::Contains("at most 230 bytes") && Catch::Contains("5000"));
  CHECK(msg.size() < 600);  // the path is shortened in the message
  if (::geteuid() != 0) {   // root writes anywhere
    fs::create_directories(d / "ro");
    fs::permissions(d / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THAT(refusal_of([&] { io::output_directory out(d / "ro" / "x"); }),
               Catch::Contains("not writable"));
    fs::permissions(d / "ro", fs::perms::owner_all);
  }
  fs::remove_all(d);
}

TEST_CASE("same_location sees through spellings and symbolic links",
          "[io][output_directory][reliability]") {
  const auto d = fresh_output_root("same");
  fs::create_directories(d / "a");
  fs::create_directory_symlink(d / "a", d / "link");
  CHECK(io::same_location(d / "a", d / "a/"));
  CHECK(io::same_location(d / "a", d / "link"));
  CHECK(io::same_location(d / "a" / ".." / "a", d / "a"));
  CHECK_FALSE(io::same_location(d / "a", d / "b"));
  CHECK(io::same_location(d / "new", d / "new/"));  // neither exists yet
  fs::remove_all(d);
}
