// python/src/stats.cpp — the counting model, CLs and upper limits (stats/counting_model.hpp,
// stats/cls.hpp, stats/cls_calculator.hpp) with the exact, asymptotic and toys methods.
#include <cmath>
#include <cstdint>
#include <mutex>
#include <numeric>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common.hpp"
#include "semivisible/stats.hpp"

namespace semivisible::python {

namespace {

using stats::counting_model;

/// A limit with the total signal it was set for (signal_upper = mu_upper x signal_total).
struct limit_out {
  stats::limit_result result;
  double signal_total = 0;
};

/// A cls_calculator (it caches the background-only distributions, so its calls mutate it) with
/// a mutex: calls from several Python threads, GIL released, are serialised per calculator.
struct calculator {
  stats::cls_calculator calc;
  std::mutex mutex{};
  explicit calculator(stats::cls_calculator c) : calc(std::move(c)) {}
};

stats::constraint_type constraint_from(const std::string& s) {
  if (s == "log-normal" || s == "log_normal") return stats::constraint_type::log_normal;
  if (s == "gaussian") return stats::constraint_type::gaussian;
  throw invalid_parameter(fmt::format(
      "semivisible.CountingModel: constraint = '{}', but must be log-normal or gaussian", s));
}

/// A whole number in [lo, hi] from a Python int (or an integral float); ValueError naming it.
std::uint64_t whole(const py::handle& v, const char* fn, const char* name, double lo, double hi) {
  double x = 0;
  try {
    x = v.cast<double>();
  } catch (const py::cast_error&) {
    throw invalid_parameter(fmt::format("{}: {} = {}, but must be a whole number in [{:g}, {:g}]",
                                        fn, name, std::string(py::str(py::repr(v))), lo, hi));
  }
  if (!std::isfinite(x) || x != std::floor(x) || x < lo || x > hi)
    semivisible::detail::throw_invalid(fn, name, x,
                                       fmt::format("a whole number in [{:g}, {:g}]", lo, hi));
  if (py::isinstance<py::int_>(v)) return v.cast<std::uint64_t>();  // exact beyond 2^53
  return static_cast<std::uint64_t>(x);
}

/// A 1-D list of numbers per bin.
std::vector<double> per_bin(const py::object& v, const char* fn, const char* name) {
  const double_array a = double_array::ensure(v);
  if (!a || a.ndim() != 1)
    throw invalid_parameter(
        fmt::format("{}: {} = {}, but must be a 1-D list of numbers (one per bin)", fn, name,
                    std::string(py::str(py::repr(v)))));
  return {a.data(), a.data() + a.size()};
}

counting_model make_model(const py::object& observed, const py::object& background,
                          const py::object& uncertainty, double signal_uncertainty,
                          const std::string& constraint) {
  constexpr const char* fn = "semivisible.CountingModel";
  auto n = per_bin(observed, fn, "observed");
  auto b = per_bin(background, fn, "background");
  auto db = uncertainty.is_none() ? std::vector<double>(n.size(), 0.0)
                                  : per_bin(uncertainty, fn, "background_uncertainty");
  return counting_model(std::move(n), std::move(b), std::move(db), signal_uncertainty,
                        constraint_from(constraint));
}

stats::limit_options limit_options_from(const char* fn, double cl, const std::string& method,
                                        bool expected, const py::object& toys,
                                        const py::object& seed, const py::object& threads,
                                        const py::object& bits, const py::object& work_budget) {
  stats::limit_options o;
  o.cl = cl;
  o.algorithm = stats::method_from_string(method);
  o.expected = expected;
  o.toys = static_cast<std::size_t>(whole(toys, fn, "toys", 1, 1e12));
  o.seed = whole(seed, fn, "seed", 0, 1.8446744073709552e19);
  o.threads = static_cast<unsigned>(whole(threads, fn, "threads", 0, 1024));
  o.bits = static_cast<int>(whole(bits, fn, "bits", 0, 53));
  o.work_budget = whole(work_budget, fn, "work_budget", 0, 1.8446744073709552e19);
  return o;
}

limit_out upper_limit(const counting_model& model, const py::object& signal, double cl,
                      const std::string& method, bool expected, const py::object& toys,
                      const py::object& seed, const py::object& threads, const py::object& bits,
                      const py::object& work_budget) {
  constexpr const char* fn = "semivisible.upper_limit";
  const auto s = per_bin(signal, fn, "signal");
  const auto o =
      limit_options_from(fn, cl, method, expected, toys, seed, threads, bits, work_budget);
  const py::gil_scoped_release release;
  limit_out r{stats::upper_limit(model, s, o), std::accumulate(s.begin(), s.end(), 0.0)};
  return r;
}

limit_out cls_upper_limit(const py::object& observed, const py::object& background,
                          const py::object& uncertainty, const py::object& signal,
                          double signal_uncertainty, double cl, const std::string& method,
                          const std::string& constraint, bool expected, const py::object& toys,
                          const py::object& seed, const py::object& threads) {
  if (signal.is_none())
    throw invalid_parameter(
        "semivisible.cls_upper_limit: signal = None, but must be the expected signal per bin");
  const auto model = make_model(observed, background, uncertainty, signal_uncertainty, constraint);
  return upper_limit(model, signal, cl, method, expected, toys, seed, threads, py::int_(0),
                     py::int_(stats::default_work_budget));
}

stats::cls_result cls(const counting_model& model, const py::object& signal, double mu,
                      const std::string& method, const py::object& toys, const py::object& seed,
                      const py::object& threads, const py::object& work_budget) {
  constexpr const char* fn = "semivisible.cls";
  const auto s = per_bin(signal, fn, "signal");
  stats::cls_options o;
  o.algorithm = stats::method_from_string(method);
  o.mu = mu;
  o.toys = static_cast<std::size_t>(whole(toys, fn, "toys", 1, 1e12));
  o.seed = whole(seed, fn, "seed", 0, 1.8446744073709552e19);
  o.threads = static_cast<unsigned>(whole(threads, fn, "threads", 0, 1024));
  o.work_budget = whole(work_budget, fn, "work_budget", 0, 1.8446744073709552e19);
  const py::gil_scoped_release release;
  return stats::cls(model, s, o);
}

/// Signal shapes as rows of a 2-D array (n, bins); a 1-D array is one shape.
double_array signal_rows(const counting_model& model, const py::object& signals, const char* fn) {
  double_array a = double_array::ensure(signals);
  if (!a || a.ndim() < 1 || a.ndim() > 2 ||
      static_cast<std::size_t>(a.shape(a.ndim() - 1)) != model.bins())
    throw invalid_parameter(fmt::format(
        "{}: signals = {}, but must be an array of shape (n, {}) (one row per signal shape)", fn,
        a ? std::string(py::str(a.attr("shape"))) : std::string("?"), model.bins()));
  return a;
}

py::dict evaluate_signals(calculator& c, const py::object& signals, double mu) {
  constexpr const char* fn = "semivisible.ClsCalculator.evaluate";
  const double_array a = signal_rows(c.calc.model(), signals, fn);
  const std::size_t bins = c.calc.model().bins();
  const auto n = static_cast<py::ssize_t>(a.size()) / static_cast<py::ssize_t>(bins);
  double_array value(n), cl_sb(n), cl_b(n);
  std::vector<std::string> status(static_cast<std::size_t>(n));
  {
    double *v = output_data(value), *sb = output_data(cl_sb), *b = output_data(cl_b);
    const double* s = a.data();
    const py::gil_scoped_release release;
    const std::lock_guard lock(c.mutex);
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
      const auto r = c.calc.cls(std::span<const double>(s + i * bins, bins), mu);
      v[i] = r.value;
      sb[i] = r.cl_sb;
      b[i] = r.cl_b;
      status[i] = status_text(r.status);
    }
  }
  py::dict d;
  d["value"] = value;
  d["cl_sb"] = cl_sb;
  d["cl_b"] = cl_b;
  d["status"] = status;
  return d;
}

std::string method_text(stats::method m) {
  return std::string(stats::to_string(m));
}

}  // namespace

void bind_stats(py::module_& m) {
  py::class_<counting_model>(m, "CountingModel",
                             "A binned counting experiment: observed counts, backgrounds and "
                             "their absolute uncertainties [events] per bin, one relative signal "
                             "uncertainty, a log-normal (default) or Gaussian constraint.")
      .def(py::init(&make_model), py::arg("observed"), py::arg("background"),
           py::arg("background_uncertainty") = py::none(), py::arg("signal_uncertainty") = 0.0,
           py::arg("constraint") = "log-normal",
           "ValueError naming the parameter on mismatched sizes, non-integer or negative counts, "
           "negative backgrounds or uncertainties.")
      .def_property_readonly("bins", &counting_model::bins, "number of bins")
      .def_property_readonly("observed", &counting_model::observed, "observed events per bin")
      .def_property_readonly("background", &counting_model::background,
                             "expected background events per bin")
      .def_property_readonly("background_uncertainty", &counting_model::background_uncertainty,
                             "absolute background uncertainty per bin [events]")
      .def_property_readonly("signal_uncertainty", &counting_model::signal_uncertainty,
                             "relative signal uncertainty shared by all bins")
      .def_property_readonly(
          "constraint",
          [](const counting_model& c) { return std::string(stats::to_string(c.constraint())); },
          "'log_normal' or 'gaussian'")
      .def(
          "with_observed",
          [](const counting_model& c, const py::object& obs) {
            return c.with_observed(
                per_bin(obs, "semivisible.CountingModel.with_observed", "observed"));
          },
          py::arg("observed"), "The same model with other observed counts.")
      .def("__repr__", [](const counting_model& c) {
        return fmt::format(
            "CountingModel(observed={}, background={}, background_uncertainty={}, "
            "signal_uncertainty={})",
            fmt::join(c.observed(), ", "), fmt::join(c.background(), ", "),
            fmt::join(c.background_uncertainty(), ", "), c.signal_uncertainty());
      });

  py::class_<stats::cls_result>(m, "ClsResult", "CLs at one mu with its ingredients.")
      .def_readonly("value", &stats::cls_result::value, "CLs = CL_{s+b} / CL_b")
      .def_readonly("cl_sb", &stats::cls_result::cl_sb, "CL_{s+b} = p_{s+b}")
      .def_readonly("cl_b", &stats::cls_result::cl_b, "CL_b = 1 - p_b")
      .def_property_readonly(
          "status", [](const stats::cls_result& r) { return status_text(r.status); },
          "'ok' or the failure (the value is then the best estimate)")
      .def_property_readonly(
          "status_message", [](const stats::cls_result& r) { return r.status.message; },
          "why the status is not ok ('' if ok)")
      .def_property_readonly(
          "method", [](const stats::cls_result& r) { return method_text(r.algorithm); },
          "the method used (differs from the requested one after a fallback)")
      .def_readonly("warning", &stats::cls_result::warning,
                    "why the method differs from the requested one ('' if none)")
      .def("__repr__", [](const stats::cls_result& r) {
        return fmt::format("ClsResult(value={}, method='{}', status='{}')", r.value,
                           stats::to_string(r.algorithm), to_string(r.status.code));
      });

  py::class_<limit_out>(m, "LimitResult",
                        "An upper limit on the signal strength mu (signal = mu x the given "
                        "signal) and the expected band (NaN where not computed).")
      .def_property_readonly(
          "mu_upper", [](const limit_out& l) { return l.result.mu_upper; },
          "observed upper limit on mu (NaN, with a failing status, when none was found)")
      .def_property_readonly(
          "signal_upper", [](const limit_out& l) { return l.result.mu_upper * l.signal_total; },
          "mu_upper x sum(signal): the limit in total signal events")
      .def_readonly("signal_total", &limit_out::signal_total, "sum of the signal per bin")
      .def_property_readonly(
          "expected_median", [](const limit_out& l) { return l.result.expected_median; },
          "median expected limit on mu (background only)")
      .def_property_readonly(
          "expected_minus1", [](const limit_out& l) { return l.result.expected_minus1; },
          "15.9 % quantile of the expected limit on mu")
      .def_property_readonly(
          "expected_plus1", [](const limit_out& l) { return l.result.expected_plus1; },
          "84.1 % quantile of the expected limit on mu")
      .def_property_readonly(
          "expected_minus2", [](const limit_out& l) { return l.result.expected_minus2; },
          "2.3 % quantile of the expected limit on mu")
      .def_property_readonly(
          "expected_plus2", [](const limit_out& l) { return l.result.expected_plus2; },
          "97.7 % quantile of the expected limit on mu")
      .def_property_readonly(
          "cl", [](const limit_out& l) { return l.result.cl; }, "confidence level")
      .def_property_readonly(
          "method", [](const limit_out& l) { return method_text(l.result.algorithm); },
          "method of mu_upper (differs from the requested one after a fallback)")
      .def_property_readonly(
          "band_method", [](const limit_out& l) { return method_text(l.result.band_algorithm); },
          "method of the expected band")
      .def_property_readonly(
          "status", [](const limit_out& l) { return status_text(l.result.status); },
          "'ok' or the solver failure")
      .def_property_readonly(
          "status_message", [](const limit_out& l) { return l.result.status.message; },
          "why the status is not ok ('' if ok)")
      .def_property_readonly(
          "warning", [](const limit_out& l) { return l.result.warning; },
          "why a method differs from the requested one ('' if none)")
      .def("__repr__", [](const limit_out& l) {
        return fmt::format("LimitResult(mu_upper={}, signal_upper={}, method='{}', status='{}')",
                           l.result.mu_upper, l.result.mu_upper * l.signal_total,
                           stats::to_string(l.result.algorithm), to_string(l.result.status.code));
      });

  py::class_<calculator>(m, "ClsCalculator",
                         "A counting model prepared for many signal shapes (caches the "
                         "background-only distributions: ~1 us per exact CLs).")
      .def(py::init([](const counting_model& model, double cl, const std::string& method,
                       const py::object& toys, const py::object& seed, const py::object& threads) {
             const auto o =
                 limit_options_from("semivisible.ClsCalculator", cl, method, false, toys, seed,
                                    threads, py::int_(0), py::int_(stats::default_work_budget));
             return std::make_unique<calculator>(stats::cls_calculator(model, o));
           }),
           py::arg("model"), py::arg("cl") = 0.9, py::arg("method") = "exact",
           py::arg("toys") = 2000, py::arg("seed") = 1, py::arg("threads") = 0)
      .def(
          "cls",
          [](calculator& c, const py::object& signal, double mu) {
            const auto s = per_bin(signal, "semivisible.ClsCalculator.cls", "signal");
            const py::gil_scoped_release release;
            const std::lock_guard lock(c.mutex);
            return c.calc.cls(s, mu);
          },
          py::arg("signal"), py::arg("mu") = 1.0, "CLs at mu for one signal shape (per bin).")
      .def(
          "cls_values",
          [](calculator& c, const py::object& signals, double mu) {
            const py::dict d = evaluate_signals(c, signals, mu);
            return py::object(d["value"]);
          },
          py::arg("signals"), py::arg("mu") = 1.0,
          "CLs for each row of signals (shape (n, bins), e.g. YieldModel.events(eps_array)): "
          "ndarray (n,). Use evaluate() for the statuses.")
      .def("evaluate", &evaluate_signals, py::arg("signals"), py::arg("mu") = 1.0,
           "dict of value, cl_sb, cl_b (ndarrays) and status (list of str) per row of signals.")
      .def(
          "upper_limit",
          [](calculator& c, const py::object& signal) {
            const auto s = per_bin(signal, "semivisible.ClsCalculator.upper_limit", "signal");
            const py::gil_scoped_release release;
            const std::lock_guard lock(c.mutex);
            return limit_out{c.calc.upper_limit(s), std::accumulate(s.begin(), s.end(), 0.0)};
          },
          py::arg("signal"), "Observed upper limit on mu for one signal shape.")
      .def_property_readonly(
          "model", [](const calculator& c) { return c.calc.model(); }, "the counting model")
      .def_property_readonly(
          "cl", [](const calculator& c) { return c.calc.options().cl; }, "confidence level")
      .def_property_readonly(
          "method", [](const calculator& c) { return method_text(c.calc.options().algorithm); },
          "CLs method");

  m.def("cls", &cls, py::arg("model"), py::arg("signal"), py::arg("mu") = 1.0,
        py::arg("method") = "exact", py::arg("toys") = 2000, py::arg("seed") = 1,
        py::arg("threads") = 0, py::arg("work_budget") = stats::default_work_budget,
        "CLs at signal strength mu for the signal per bin (events at mu = 1) on a CountingModel; "
        "method 'exact' (default), 'asymptotic' or 'toys'.");
  m.def("upper_limit", &upper_limit, py::arg("model"), py::arg("signal"), py::arg("cl") = 0.9,
        py::arg("method") = "exact", py::arg("expected") = true, py::arg("toys") = 2000,
        py::arg("seed") = 1, py::arg("threads") = 0, py::arg("bits") = 0,
        py::arg("work_budget") = stats::default_work_budget,
        "Upper limit on mu at confidence level cl (and, if expected, the expected band) for the "
        "signal per bin on a CountingModel. Solver trouble is in .status.");
  m.def("cls_upper_limit", &cls_upper_limit, py::arg("observed"), py::arg("background"),
        py::arg("background_uncertainty") = py::none(), py::arg("signal") = py::none(),
        py::arg("signal_uncertainty") = 0.0, py::arg("cl") = 0.9, py::arg("method") = "exact",
        py::arg("constraint") = "log-normal", py::arg("expected") = true, py::arg("toys") = 2000,
        py::arg("seed") = 1, py::arg("threads") = 0,
        "The `semivisible cls` command: a CountingModel from the lists, then upper_limit(). "
        "observed (whole numbers), background and background_uncertainty [events] per bin, "
        "signal per bin at mu = 1.");
  m.attr("default_work_budget") = stats::default_work_budget;
}

}  // namespace semivisible::python
