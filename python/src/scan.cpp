// python/src/scan.cpp — exclusion scans of the NA64 2021 planes (scan/planes.hpp, grid.hpp,
// engine.hpp): a PlaneConfig, scan_plane over an x grid, and sv.scan (the `semivisible scan`
// command) returning numpy arrays; islands give several rows per x, as in C++.
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "common.hpp"
#include "semivisible/scan/grid.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/scan/shard.hpp"

namespace semivisible::python {

namespace {

using scan::plane_config;

/// A scan's rows and its parameters.
struct scan_result {
  std::vector<scan::exclusion_row> rows;
  std::string parameters_json;
  std::size_t x_count = 0;
};

physics::gm2_discrepancy gm2_from(const py::object& g) {
  if (py::isinstance<py::str>(g)) {
    const auto s = g.cast<std::string>();
    if (s == "2021") return physics::gm2_discrepancy_2021;
    if (s == "bnl") return physics::gm2_discrepancy_bnl;
    throw invalid_parameter(
        fmt::format("semivisible.PlaneConfig: gm2 = '{}', but must be 2021, bnl or a pair "
                    "(delta_amu, error)",
                    s));
  }
  const auto pair = g.cast<std::pair<double, double>>();
  return {pair.first, pair.second};
}

/// The plane's ranges inside the model's domain (as the CLI's plane_checks.hpp).
void check_ranges(const plane_config& c, double x_lo, double x_hi, const char* x_name) {
  using L = model::limits;
  const double ratio = c.which == scan::plane::mchi1_splitting ? c.mass_ratio : 1.0;
  const auto within = [](double lo, double hi, double min, double max, const char* name,
                         const char* what) {
    if (!(lo >= min) || !(hi <= max))
      throw invalid_parameter(
          fmt::format("semivisible.scan: {} = ({}, {}), but {} must lie in "
                      "[{}, {}]",
                      name, lo, hi, what, min, max));
  };
  within(x_lo, x_hi, L::mass_min_GeV, L::mass_max_GeV / ratio, x_name,
         c.which == scan::plane::mchi1_splitting ? "m_chi1 [GeV]" : "m_A' [GeV]");
  if (c.which == scan::plane::maprime_epsilon)
    within(c.intervals.lo, c.intervals.hi, L::epsilon_min, L::epsilon_max, "y_range", "epsilon");
  if (c.which == scan::plane::maprime_alphadark)
    within(c.intervals.lo, c.intervals.hi, L::alpha_dark_min, L::alpha_dark_max, "y_range",
           "alpha_D (<= 4 pi)");
  if (!(c.mass_ratio > 2 + c.splitting_ratio))
    throw invalid_parameter(fmt::format(
        "semivisible.scan: mass_ratio = {}, but must be > 2 + splitting = {} (A' -> chi1 chi2 "
        "must be open)",
        c.mass_ratio, 2 + c.splitting_ratio));
}

scan_result scan_plane(const plane_config& c, const py::object& xs, std::size_t threads,
                       const std::string& shard, bool progress) {
  const double_array a = double_array::ensure(xs);
  if (!a || a.ndim() != 1 || a.size() == 0)
    throw invalid_parameter("semivisible.scan_plane: xs must be a non-empty 1-D array");
  std::vector<double> grid(a.data(), a.data() + a.size());
  check_ranges(c, grid.front(), grid.back(), "xs");
  scan::run_options o;
  o.shard = scan::parse_shard(shard, "shard");
  o.threads = threads;
  o.progress = progress;
  o.label = std::string(scan::to_string(c.which));
  const plane_config config = c;  // a copy: other Python threads may change c meanwhile
  const py::gil_scoped_release release;
  (void)production::source_set(config.experiment, config.production);  // bad sources: ValueError
  auto t = scan::scan_plane(config, grid, o);
  return {std::move(t.rows), t.parameters.dump(), t.x_count};
}

scan_result scan_command(const std::string& plane, const py::object& experiment,
                         const std::string& model, std::size_t points,
                         const std::optional<std::pair<double, double>>& range,
                         const std::optional<std::pair<double, double>>& y_range, double alpha_dark,
                         double mass_ratio, double splitting, const py::object& gm2,
                         const std::optional<double>& exposure,
                         const std::optional<std::vector<std::string>>& production,
                         double background_scale, const std::optional<double>& signal_uncertainty,
                         const std::optional<double>& cl, const std::optional<std::string>& method,
                         double tolerance, std::size_t threads, const std::string& shard,
                         bool progress) {
  constexpr const char* fn = "semivisible.scan";
  auto e = experiment_of(experiment);
  if (signal_uncertainty) e.analysis.signal_uncertainty = *signal_uncertainty;
  if (cl) e.analysis.cl = *cl;
  if (method) e.analysis.method = *method;
  e.validate();
  const scan::plane p = scan::plane_from_string(plane);
  plane_config c = scan::make_plane_config(p, std::move(e));
  c.yield.kind = signal::model_kind_from_string(model);
  if (exposure) {
    semivisible::detail::require_positive(fn, "exposure", *exposure);
    c.yield.exposure = *exposure;
  }
  c.production = production;
  semivisible::detail::require_non_negative(fn, "background_scale", background_scale);
  c.background_scale = background_scale;
  c.alpha_dark = alpha_dark;
  c.mass_ratio = mass_ratio;
  c.splitting_ratio = splitting;
  c.gm2 = gm2_from(gm2);
  semivisible::detail::require_open_interval(fn, "tolerance", tolerance, 0.0, 1.0);
  c.intervals.relative_tolerance = tolerance;
  if (y_range) {
    c.intervals.lo = y_range->first;
    c.intervals.hi = y_range->second;
  }
  const scan::plane_ranges d = scan::default_ranges(p);
  const double lo = range ? range->first : d.x_lo, hi = range ? range->second : d.x_hi;
  if (points == 0) semivisible::detail::throw_invalid(fn, "points", 0.0, ">= 1");
  const auto xs = scan::log_grid(lo, hi, points);
  check_ranges(c, lo, hi, "range");
  scan::run_options o;
  o.shard = scan::parse_shard(shard, "shard");
  o.threads = threads;
  o.progress = progress;
  o.label = plane;
  const py::gil_scoped_release release;
  (void)production::source_set(c.experiment, c.production);
  auto t = scan::scan_plane(c, xs, o);
  t.parameters["x_grid"] = scan::to_json(scan::grid_spec{lo, hi, points});
  return {std::move(t.rows), t.parameters.dump(), t.x_count};
}

template <class F>
double_array column(const scan_result& r, F f) {
  double_array a(static_cast<py::ssize_t>(r.rows.size()));
  double* o = output_data(a);
  for (std::size_t i = 0; i < r.rows.size(); ++i) o[i] = f(r.rows[i]);
  return a;
}

template <class F>
py::array_t<bool> flags(const scan_result& r, F f) {
  py::array_t<bool> a(static_cast<py::ssize_t>(r.rows.size()));
  bool* o = a.mutable_data();
  for (std::size_t i = 0; i < r.rows.size(); ++i) o[i] = f(r.rows[i]);
  return a;
}

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

void bind_scan(py::module_& m) {
  py::class_<plane_config>(m, "PlaneConfig",
                           "Everything that defines one plane scan (C++ scan::plane_config); "
                           "make it with make_plane_config(plane, experiment), change its "
                           "attributes, run it with scan_plane(config, xs).")
      .def_property_readonly(
          "plane", [](const plane_config& c) { return std::string(scan::to_string(c.which)); },
          "the plane's name")
      .def_property(
          "experiment", [](const plane_config& c) { return c.experiment; },
          [](plane_config& c, const py::object& e) { c.experiment = experiment_of(e); },
          "the experiment (a copy; assign an sv.Experiment or a name)")
      .def_property(
          "model",
          [](const plane_config& c) { return std::string(signal::to_string(c.yield.kind)); },
          [](plane_config& c, const std::string& s) {
            c.yield.kind = signal::model_kind_from_string(s);
          },
          "'semivisible', 'invisible' or 'visible'")
      .def_property(
          "exposure", [](const plane_config& c) { return c.exposure(); },
          [](plane_config& c, double v) {
            semivisible::detail::require_positive("semivisible.PlaneConfig", "exposure", v);
            c.yield.exposure = v;
          },
          "particles on target (default: the experiment's)")
      .def_readwrite("production", &plane_config::production,
                     "only these of the experiment's sources (None: all)")
      .def_readwrite("background_scale", &plane_config::background_scale,
                     "multiplies the backgrounds and their uncertainties")
      .def_readwrite("alpha_dark", &plane_config::alpha_dark, "fixed alpha_D (epsilon planes)")
      .def_readwrite("mass_ratio", &plane_config::mass_ratio, "m_A'/m_chi1")
      .def_readwrite("splitting", &plane_config::splitting_ratio,
                     "Delta/m_chi1 (planes with fixed splitting)")
      .def_property(
          "gm2", [](const plane_config& c) { return py::make_tuple(c.gm2.value, c.gm2.error); },
          [](plane_config& c, const py::object& g) { c.gm2 = gm2_from(g); },
          "(delta_amu, error) of epsilon_(g-2) on the Fig. 5 planes; assign '2021', 'bnl' or a "
          "pair")
      .def_property(
          "y_range",
          [](const plane_config& c) { return py::make_tuple(c.intervals.lo, c.intervals.hi); },
          [](plane_config& c, const std::pair<double, double>& r) {
            c.intervals.lo = r.first;
            c.intervals.hi = r.second;
          },
          "(lo, hi) of the second variable (log axis)")
      .def_property(
          "tolerance", [](const plane_config& c) { return c.intervals.relative_tolerance; },
          [](plane_config& c, double t) { c.intervals.relative_tolerance = t; },
          "relative tolerance of the interval edges")
      .def_property(
          "seed_points", [](const plane_config& c) { return c.intervals.seed_points; },
          [](plane_config& c, std::size_t n) { c.intervals.seed_points = n; },
          "log-spaced seeds of the second variable per x (bound the smallest island found)")
      .def(
          "describe",
          [](const plane_config& c) { return from_json_text(scan::describe(c).dump()); },
          "The run's parameters as written to exclusion.json.")
      .def("__repr__", [](const plane_config& c) {
        return fmt::format("PlaneConfig('{}', experiment='{}', model='{}')",
                           scan::to_string(c.which), c.experiment.name,
                           signal::to_string(c.yield.kind));
      });

  m.def(
      "make_plane_config",
      [](const std::string& plane, const py::object& e) {
        return scan::make_plane_config(scan::plane_from_string(plane), experiment_of(e));
      },
      py::arg("plane"), py::arg("experiment"),
      "A PlaneConfig for plane ('maprime-epsilon', 'maprime-alphadark', 'mchi1-splitting') and "
      "experiment, with the plane's default y range and the NA64 2021 benchmark.");
  m.def(
      "default_ranges",
      [](const std::string& plane) {
        const auto r = scan::default_ranges(scan::plane_from_string(plane));
        py::dict d;
        d["x_lo"] = r.x_lo;
        d["x_hi"] = r.x_hi;
        d["y_lo"] = r.y_lo;
        d["y_hi"] = r.y_hi;
        return d;
      },
      py::arg("plane"), "The plane's default x and y ranges (GeV or dimensionless).");
  m.def(
      "log_grid",
      [](double lo, double hi, std::size_t points) {
        const auto g = scan::log_grid(lo, hi, points);
        double_array a(static_cast<py::ssize_t>(g.size()));
        std::copy(g.begin(), g.end(), output_data(a));
        return a;
      },
      py::arg("lo"), py::arg("hi"), py::arg("points"),
      "points log-spaced values from lo to hi inclusive, exactly the scans' grid.");
  m.attr("planes") =
      std::vector<std::string>{"maprime-epsilon", "maprime-alphadark", "mchi1-splitting"};

  py::class_<scan_result>(m, "ScanResult",
                          "The rows of a scan (exclusion.csv): x, the excluded interval "
                          "[lower, upper] of the second variable (NaN: nothing excluded), "
                          "status. Islands give several rows with the same x.")
      .def_property_readonly(
          "x", [](const scan_result& r) { return column(r, [](const auto& w) { return w.x; }); },
          "m_A' or m_chi1 [GeV]")
      .def_property_readonly(
          "lower",
          [](const scan_result& r) {
            return column(r, [](const auto& w) { return w.lower.value_or(nan); });
          },
          "lower edge of the excluded interval (NaN: none)")
      .def_property_readonly(
          "upper",
          [](const scan_result& r) {
            return column(r, [](const auto& w) { return w.upper.value_or(nan); });
          },
          "upper edge (NaN: none)")
      .def_property_readonly(
          "excluded",
          [](const scan_result& r) {
            return flags(r, [](const auto& w) { return w.lower.has_value(); });
          },
          "True where the row has an excluded interval")
      .def_property_readonly(
          "lower_at_range",
          [](const scan_result& r) {
            return flags(r, [](const auto& w) { return w.lower_at_range; });
          },
          "the interval reaches the scanned range's lower end")
      .def_property_readonly(
          "upper_at_range",
          [](const scan_result& r) {
            return flags(r, [](const auto& w) { return w.upper_at_range; });
          },
          "the interval reaches the scanned range's upper end")
      .def_property_readonly(
          "status",
          [](const scan_result& r) {
            std::vector<std::string> s;
            for (const auto& w : r.rows) s.push_back(status_text(w.status));
            return s;
          },
          "'ok' or the failure, per row")
      .def_property_readonly(
          "messages",
          [](const scan_result& r) {
            std::vector<std::string> s;
            for (const auto& w : r.rows) s.push_back(w.status.message);
            return s;
          },
          "the failure messages ('' where ok)")
      .def_property_readonly(
          "parameters", [](const scan_result& r) { return from_json_text(r.parameters_json); },
          "the run's parameters (exclusion.json's)")
      .def_readonly("x_count", &scan_result::x_count, "x values of the whole run")
      .def("__len__", [](const scan_result& r) { return r.rows.size(); })
      .def("__repr__", [](const scan_result& r) {
        std::size_t excluded = 0;
        for (const auto& w : r.rows) excluded += w.lower ? 1U : 0U;
        return fmt::format("ScanResult(rows={}, excluded_rows={}, x_count={})", r.rows.size(),
                           excluded, r.x_count);
      });

  m.def("scan_plane", &scan_plane, py::arg("config"), py::arg("xs"), py::arg("threads") = 0,
        py::arg("shard") = "1/1", py::arg("progress") = false,
        "Scan a PlaneConfig over the ascending grid xs [GeV] on all cores (threads = 0) with the "
        "GIL released; shard 'K/N' runs every N-th x.");
  m.def("scan", &scan_command, py::arg("plane") = "maprime-epsilon",
        py::arg("experiment") = "na64-2016-2018", py::arg("model") = "semivisible",
        py::arg("points") = 200, py::arg("range") = py::none(), py::arg("y_range") = py::none(),
        py::arg("alpha_dark") = 0.1, py::arg("mass_ratio") = 3.0, py::arg("splitting") = 0.4,
        py::arg("gm2") = "2021", py::arg("exposure") = py::none(),
        py::arg("production") = py::none(), py::arg("background_scale") = 1.0,
        py::arg("signal_uncertainty") = py::none(), py::arg("cl") = py::none(),
        py::arg("method") = py::none(), py::arg("tolerance") = 1e-3, py::arg("threads") = 0,
        py::arg("shard") = "1/1", py::arg("progress") = false,
        "The `semivisible scan` command: plane, experiment (sv.Experiment, name or file), "
        "points log-spaced x over range (lo, hi) [GeV] (default: the plane's), y_range, the "
        "fixed model ratios, gm2 ('2021', 'bnl' or (value, error)), exposure, production, "
        "background_scale and the analysis overrides; returns a ScanResult.");
}

}  // namespace semivisible::python
