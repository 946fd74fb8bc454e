// python/src/relic.cpp — the thermal relic target (relic/thermal_target.hpp), vectorised over
// m_χ1; a failed solve is a status per point, never an exception or a NaN.
#include <string>

#include <fmt/format.h>

#include "common.hpp"
#include "semivisible/relic/thermal_target.hpp"

namespace semivisible::python {

namespace {

/// The target line at one or many m_χ1: floats / str for one, ndarrays / lists for an array.
struct target_arrays {
  py::object m_chi1, m_aprime, y, epsilon, omega_h2, x_freeze_out, status, message;
};

target_arrays thermal_target(const py::object& m_chi1, double splitting, double alpha_dark,
                             double mass_ratio, double omega_h2) {
  constexpr const char* fn = "semivisible.thermal_target";
  // As `semivisible relic`: the prompt A' -> chi1 chi2 regime of the model (below it
  // chi chi -> A' A' would dominate and is not included; y = eps^2 alpha_D / ratio^4 overflows).
  if (!(mass_ratio > 2 + splitting) || !(mass_ratio <= 1e4))
    semivisible::detail::throw_invalid(
        fn, "mass_ratio", mass_ratio,
        fmt::format("in (2 + splitting = {}, 1e4] (A' -> chi1 chi2 open)", 2 + splitting));
  relic::relic_options opt;
  opt.omega_h2 = omega_h2;
  const broadcast_arrays in({m_chi1}, {"m_chi1"});
  std::array<double_array, 6> out{in.make_output(), in.make_output(), in.make_output(),
                                  in.make_output(), in.make_output(), in.make_output()};
  std::array<double*, 6> o{};
  for (std::size_t k = 0; k < out.size(); ++k) o[k] = output_data(out[k]);
  std::vector<std::string> status(in.size()), message(in.size());
  {
    const py::gil_scoped_release release;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const double m1 = in(0, i);
      const auto t = relic::thermal_target(m1, splitting, alpha_dark, mass_ratio, opt);
      o[0][i] = m1;
      o[1][i] = m1 * mass_ratio;
      o[2][i] = t.y;
      o[3][i] = t.epsilon;
      o[4][i] = t.omega_h2;
      o[5][i] = t.x_freeze_out;
      status[i] = status_text(t.status);
      message[i] = t.status.message;
    }
  }
  const bool s = in.scalar();
  return {scalar_or_array(out[0], s),
          scalar_or_array(out[1], s),
          scalar_or_array(out[2], s),
          scalar_or_array(out[3], s),
          scalar_or_array(out[4], s),
          scalar_or_array(out[5], s),
          s ? py::object(py::str(status.front())) : py::object(py::cast(status)),
          s ? py::object(py::str(message.front())) : py::object(py::cast(message))};
}

}  // namespace

void bind_relic(py::module_& m) {
  py::class_<target_arrays>(m, "ThermalTarget",
                            "The thermal relic target: y = eps^2 alpha_D (m_chi1/m_A')^4 and "
                            "epsilon giving Omega h^2 (coannihilating chi1 chi2 freeze-out). "
                            "Floats and a str for one m_chi1, ndarrays and lists for an array; "
                            "a failed solve has y = epsilon = 0 and its status.")
      .def_readonly("m_chi1", &target_arrays::m_chi1, "m_chi1 [GeV]")
      .def_readonly("m_aprime", &target_arrays::m_aprime, "m_A' = mass_ratio m_chi1 [GeV]")
      .def_readonly("y", &target_arrays::y, "eps^2 alpha_D (m_chi1/m_A')^4")
      .def_readonly("epsilon", &target_arrays::epsilon, "the corresponding epsilon")
      .def_readonly("omega_h2", &target_arrays::omega_h2, "Omega h^2 reached")
      .def_readonly("x_freeze_out", &target_arrays::x_freeze_out, "m_chi1/T at freeze-out")
      .def_readonly("status", &target_arrays::status, "'ok' or the solver failure")
      .def_readonly("message", &target_arrays::message, "the failure message ('' if ok)")
      .def("__repr__", [](const target_arrays& t) {
        return fmt::format("ThermalTarget(m_chi1={}, y={}, epsilon={})",
                           std::string(py::str(t.m_chi1)), std::string(py::str(t.y)),
                           std::string(py::str(t.epsilon)));
      });
  m.def("thermal_target", &thermal_target, py::arg("m_chi1"), py::arg("splitting") = 0.4,
        py::arg("alpha_dark") = 0.1, py::arg("mass_ratio") = 3.0, py::arg("omega_h2") = 0.12,
        "The thermal relic target at m_chi1 [GeV] (number or array, in [0.001, 5]) for "
        "splitting = Delta/m_chi1 >= 0, alpha_D and mass_ratio = m_A'/m_chi1 (a few ms per "
        "point, GIL released).");
  m.attr("relic_mass_chi1_min") = relic::mass_chi1_min;
  m.attr("relic_mass_chi1_max") = relic::mass_chi1_max;
}

}  // namespace semivisible::python
