// examples/cli/cmd_scan.cpp — `semivisible scan`: the excluded interval(s) of the plane's second
// variable at every x, written to DIR/exclusion.csv and DIR/exclusion.json
// (contract: docs/cli.md, section "scan"; physics: semivisible/scan/planes.hpp).
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "plane_checks.hpp"
#include "scan_options.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/io/output_directory.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/scan/shard.hpp"

namespace semivisible::cli {
namespace {

struct scan_cli_options {
  std::string plane = "maprime-epsilon";
  physics_scan_options physics;
  std::size_t points = 200;
  std::optional<std::string> range{};
  std::optional<std::string> y_range{};
  std::string shard = "1/1";
  std::string out;
  unsigned threads = 0;
  bool hepdata = false;
  bool darkcast = false;
  bool force = false;
  output_format format = output_format::text;
};

void run_scan(const scan_cli_options& o) {
  namespace fs = std::filesystem;
  // Validate everything before touching --out.
  scan::plane_config c = o.physics.config(scan::plane_from_string(o.plane));
  const scan::plane_ranges d = scan::default_ranges(c.which);
  const auto xr = o.range ? scan::parse_range(*o.range, "--range") : scan::range{d.x_lo, d.x_hi};
  if (o.y_range) {
    const auto yr = scan::parse_range(*o.y_range, "--y-range");
    c.intervals.lo = yr.lo;
    c.intervals.hi = yr.hi;
  }
  if (c.which == scan::plane::mchi1_splitting && !(c.intervals.hi < c.mass_ratio - 2))
    throw invalid_parameter(
        fmt::format("scan: --y-range upper = {}, but must be < mass-ratio - 2 = {} on the "
                    "mchi1-splitting plane",
                    c.intervals.hi, c.mass_ratio - 2));
  if (o.points == 0) throw invalid_parameter("scan: --points = 0, but must be >= 1");
  const auto xs = scan::log_grid(xr.lo, xr.hi, o.points);
  scan::run_options ro;
  ro.shard = scan::parse_shard(o.shard, "--shard");
  ro.threads = o.threads;
  ro.label = o.plane;
  check_plane_ranges(c, xr);  // plane_checks.hpp: ranges inside the model's domain
  // Refused, unwritable or busy --out fails here, before computing (io/output_directory.hpp).
  io::output_directory out(o.out, {.force = o.force});

  auto table = scan::scan_plane(c, xs, ro);
  table.parameters["x_grid"] = scan::to_json(scan::grid_spec{xr.lo, xr.hi, o.points});  // merge

  io::write_exclusion_files(out.staging(), table, "--out");
  write_contour_formats(out.staging(), table, c.which, o.hepdata, o.darkcast);
  out.publish();  // the whole directory at once (rename)

  std::size_t failed = 0, excluded = 0;
  for (const auto& r : table.rows) {
    if (!r.status.ok()) ++failed;
    if (r.lower) ++excluded;
  }
  print_record({{"plane", o.plane},
                {"shard", scan::to_string(ro.shard)},
                {"x_points", static_cast<std::int64_t>(xs.size())},
                {"rows", static_cast<std::int64_t>(table.rows.size())},
                {"excluded_rows", static_cast<std::int64_t>(excluded)},
                {"failed_rows", static_cast<std::int64_t>(failed)},
                {"out", o.out}},
               o.format);
}

}  // namespace

void add_scan_command(CLI::App& app) {
  auto o = std::make_shared<scan_cli_options>();
  auto* cmd = app.add_subcommand("scan", "Exclusion scan of one parameter plane (CLs, 90% CL)");
  cmd->add_option("--plane", o->plane, "maprime-epsilon, maprime-alphadark or mchi1-splitting")
      ->check(CLI::IsMember({"maprime-epsilon", "maprime-alphadark", "mchi1-splitting"}))
      ->capture_default_str();
  add_physics_scan_options(*cmd, o->physics);
  cmd->add_option("--points", o->points, "Number of x values (log-spaced)")
      ->check(point_count)
      ->capture_default_str();
  cmd->add_option("--range", o->range, "x range LO:HI [GeV] (default: the plane's)");
  cmd->add_option("--y-range", o->y_range, "Range LO:HI of the second variable (log axis)");
  cmd->add_option("--shard", o->shard, "Run only shard K of N (every N-th x): K/N")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0: all cores)")
      ->check(thread_count)
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Output directory")->required();
  cmd->add_flag("--force", o->force,
                "Replace --out even if it holds files this tool did not write");
  cmd->add_flag("--hepdata", o->hepdata, "Also write DIR/hepdata/ (HEPData YAML submission)");
  cmd->add_flag("--darkcast", o->darkcast,
                "Also write DIR/exclusion.lmt (DarkCast limit; maprime-epsilon plane only)");
  add_format_option(*cmd, o->format);
  cmd->callback([o] { run_scan(*o); });
}

}  // namespace semivisible::cli
