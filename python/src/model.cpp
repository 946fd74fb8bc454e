// python/src/model.cpp — sv.Parameters (model::parameters<double>) and sv.benchmark.
#include <fmt/format.h>

#include "common.hpp"
#include "semivisible/model/parameters.hpp"

namespace semivisible::python {

using parameters = model::parameters<double>;

void bind_model(py::module_& m) {
  py::class_<parameters> p(
      m, "Parameters",
      "A point of the semi-visible dark photon model (the NA64 2021 paper, "
      "Eq. 1); masses in GeV.\n\n"
      "Validated on construction: 0 < splitting and m_chi1 + m_chi2 < m_aprime "
      "(A' -> chi1 chi2 open), masses in [1e-9, 1e4] GeV, epsilon in [1e-20, "
      "1], alpha_dark in [1e-20, 4 pi]; ValueError otherwise.");
  p.def(py::init<double, double, double, double, double>(), py::arg("m_aprime"), py::arg("epsilon"),
        py::arg("alpha_dark"), py::arg("m_chi1"), py::arg("m_chi2"),
        "All parameters given directly: m_aprime, m_chi1, m_chi2 in GeV; epsilon (kinetic "
        "mixing) and alpha_dark = g_D^2/4pi dimensionless.")
      .def_static("from_ratios", &parameters::from_ratios, py::arg("m_aprime"), py::arg("epsilon"),
                  py::arg("alpha_dark") = 0.1, py::arg("mass_ratio") = 3.0,
                  py::arg("splitting") = 0.4,
                  "m_chi1 = m_aprime / mass_ratio, m_chi2 = (1 + splitting) m_chi1; m_aprime in "
                  "GeV, splitting = Delta/m_chi1 (the paper's parametrisation).")
      .def_static("from_mass_chi1", &parameters::from_mass_chi1, py::arg("m_aprime"),
                  py::arg("epsilon"), py::arg("alpha_dark"), py::arg("m_chi1"),
                  py::arg("splitting"),
                  "m_chi1 given directly [GeV], m_chi2 = (1 + splitting) m_chi1 (splitting = "
                  "Delta/m_chi1).")
      .def("with_epsilon", &parameters::with_epsilon, py::arg("epsilon"),
           "The same point with another epsilon.")
      .def("with_alpha_dark", &parameters::with_alpha_dark, py::arg("alpha_dark"),
           "The same point with another alpha_D.")
      .def_property_readonly("m_aprime", &parameters::mass_aprime, "m_A' [GeV]")
      .def_property_readonly("epsilon", &parameters::epsilon, "kinetic mixing epsilon")
      .def_property_readonly("alpha_dark", &parameters::alpha_dark, "alpha_D = g_D^2/4pi")
      .def_property_readonly("m_chi1", &parameters::mass_chi1, "m_chi1 [GeV]")
      .def_property_readonly("m_chi2", &parameters::mass_chi2, "m_chi2 [GeV]")
      .def_property_readonly("splitting_GeV", &parameters::splitting,
                             "Delta = m_chi2 - m_chi1 [GeV] (C++ parameters::splitting())")
      .def_property_readonly("splitting_ratio", &parameters::splitting_ratio,
                             "Delta/m_chi1 (the `splitting` argument of the functions)")
      .def_property_readonly("mass_ratio", &parameters::mass_ratio, "m_A'/m_chi1")
      .def(
          "to_dict",
          [](const parameters& q) {
            py::dict d;
            d["m_aprime"] = q.mass_aprime();
            d["epsilon"] = q.epsilon();
            d["alpha_dark"] = q.alpha_dark();
            d["m_chi1"] = q.mass_chi1();
            d["m_chi2"] = q.mass_chi2();
            return d;
          },
          "The five parameters as a dict (the keyword arguments of Parameters(...)).")
      .def("__repr__",
           [](const parameters& q) {
             return fmt::format(
                 "Parameters(m_aprime={}, epsilon={}, alpha_dark={}, m_chi1={}, "
                 "m_chi2={})",
                 q.mass_aprime(), q.epsilon(), q.alpha_dark(), q.mass_chi1(), q.mass_chi2());
           })
      .def(
          "__eq__",
          [](const parameters& a, const parameters& b) {
            return a.mass_aprime() == b.mass_aprime() && a.epsilon() == b.epsilon() &&
                   a.alpha_dark() == b.alpha_dark() && a.mass_chi1() == b.mass_chi1() &&
                   a.mass_chi2() == b.mass_chi2();
          },
          py::is_operator())
      .def(py::pickle(
          [](const parameters& q) {
            return py::make_tuple(q.mass_aprime(), q.epsilon(), q.alpha_dark(), q.mass_chi1(),
                                  q.mass_chi2());
          },
          [](const py::tuple& t) {
            if (t.size() != 5)
              throw invalid_parameter(
                  fmt::format("Parameters.__setstate__: {} values, but must be 5", t.size()));
            return parameters(t[0].cast<double>(), t[1].cast<double>(), t[2].cast<double>(),
                              t[3].cast<double>(), t[4].cast<double>());
          }));
  p.attr("__hash__") = py::none();

  m.def(
      "benchmark",
      [](double m_aprime, double epsilon) { return model::benchmark(m_aprime, epsilon); },
      py::arg("m_aprime"), py::arg("epsilon"),
      "The NA64 2021 benchmark point: alpha_dark = 0.1, m_aprime/m_chi1 = 3, Delta/m_chi1 = 0.4; "
      "m_aprime in GeV.");
  m.attr("benchmark_alpha_dark") = model::benchmark_values::alpha_dark;
  m.attr("benchmark_mass_ratio") = model::benchmark_values::mass_ratio;
  m.attr("benchmark_splitting") = model::benchmark_values::splitting_ratio;
}

}  // namespace semivisible::python
