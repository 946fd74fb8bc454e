// python/src/gm2.cpp — the muon g−2 from one A′ loop and the ε band (physics/gm2.hpp),
// vectorised over m_A′.
#include <string>

#include <fmt/format.h>

#include "common.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/physics/gm2.hpp"

namespace semivisible::python {

namespace {

/// The ε band at one or many m_A′: floats or ndarrays of m_aprime's shape.
struct gm2_band_arrays {
  py::object m_aprime, central, low_1sigma, high_1sigma, low_2sigma, high_2sigma;
  double delta_amu = 0, delta_amu_error = 0;
};

physics::gm2_discrepancy named_band(const std::string& band) {
  if (band == "2021") return physics::gm2_discrepancy_2021;
  if (band == "bnl") return physics::gm2_discrepancy_bnl;
  throw invalid_parameter(
      fmt::format("semivisible.gm2_band: band = '{}', but must be 2021 or bnl", band));
}

gm2_band_arrays gm2_band(const py::object& m_aprime, const std::optional<double>& delta_amu,
                         const std::optional<double>& delta_amu_error, const std::string& band) {
  const auto named = named_band(band);
  const double value = delta_amu.value_or(named.value);
  const double error = delta_amu_error.value_or(named.error);
  const broadcast_arrays in({m_aprime}, {"m_aprime"});
  std::array<double_array, 6> out{in.make_output(), in.make_output(), in.make_output(),
                                  in.make_output(), in.make_output(), in.make_output()};
  std::array<double*, 6> o{};
  for (std::size_t k = 0; k < out.size(); ++k) o[k] = output_data(out[k]);
  {
    const py::gil_scoped_release release;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const double ma = in(0, i);
      const auto b = physics::gm2_band(ma, value, error);
      o[0][i] = ma;
      o[1][i] = b.central;
      o[2][i] = b.one_sigma_low;
      o[3][i] = b.one_sigma_high;
      o[4][i] = b.two_sigma_low;
      o[5][i] = b.two_sigma_high;
    }
  }
  const bool s = in.scalar();
  return {scalar_or_array(out[0], s),
          scalar_or_array(out[1], s),
          scalar_or_array(out[2], s),
          scalar_or_array(out[3], s),
          scalar_or_array(out[4], s),
          scalar_or_array(out[5], s),
          value,
          error};
}

py::object contains(const gm2_band_arrays& b, const py::object& epsilon, int n_sigma) {
  if (n_sigma != 1 && n_sigma != 2)
    semivisible::detail::throw_invalid("semivisible.Gm2Band.contains", "n_sigma", n_sigma,
                                       "1 or 2");
  const py::module_ np = py::module_::import("numpy");
  const py::object lo = n_sigma == 1 ? b.low_1sigma : b.low_2sigma;
  const py::object hi = n_sigma == 1 ? b.high_1sigma : b.high_2sigma;
  const py::object eps = np.attr("asarray")(epsilon, py::arg("dtype") = "float64");
  py::object r =
      np.attr("logical_and")(np.attr("greater_equal")(eps, lo), np.attr("less_equal")(eps, hi));
  if (r.attr("ndim").cast<int>() == 0) return py::bool_(r.attr("item")().cast<bool>());
  return r;
}

}  // namespace

void bind_gm2(py::module_& m) {
  py::class_<gm2_band_arrays>(m, "Gm2Band",
                              "The epsilon band explaining Delta a_mu with one A' loop (Pospelov "
                              "2009): floats for one m_aprime, ndarrays for an array. A lower "
                              "edge whose Delta a_mu - n sigma <= 0 is 0.")
      .def_readonly("m_aprime", &gm2_band_arrays::m_aprime, "m_A' [GeV]")
      .def_readonly("central", &gm2_band_arrays::central, "epsilon(Delta a_mu)")
      .def_readonly("low_1sigma", &gm2_band_arrays::low_1sigma, "epsilon(Delta a_mu - sigma)")
      .def_readonly("high_1sigma", &gm2_band_arrays::high_1sigma, "epsilon(Delta a_mu + sigma)")
      .def_readonly("low_2sigma", &gm2_band_arrays::low_2sigma, "epsilon(Delta a_mu - 2 sigma)")
      .def_readonly("high_2sigma", &gm2_band_arrays::high_2sigma, "epsilon(Delta a_mu + 2 sigma)")
      .def_readonly("one_sigma_low", &gm2_band_arrays::low_1sigma, "alias of low_1sigma (C++)")
      .def_readonly("one_sigma_high", &gm2_band_arrays::high_1sigma, "alias of high_1sigma (C++)")
      .def_readonly("two_sigma_low", &gm2_band_arrays::low_2sigma, "alias of low_2sigma (C++)")
      .def_readonly("two_sigma_high", &gm2_band_arrays::high_2sigma, "alias of high_2sigma (C++)")
      .def_readonly("delta_amu", &gm2_band_arrays::delta_amu, "the Delta a_mu of the band")
      .def_readonly("delta_amu_error", &gm2_band_arrays::delta_amu_error, "its 1 sigma error")
      .def("contains", &contains, py::arg("epsilon"), py::arg("n_sigma") = 2,
           "True where epsilon lies within the +-n_sigma band (n_sigma 1 or 2); broadcasts.")
      .def("__repr__", [](const gm2_band_arrays& b) {
        return fmt::format("Gm2Band(m_aprime={}, central={}, low_2sigma={}, high_2sigma={})",
                           std::string(py::str(b.m_aprime)), std::string(py::str(b.central)),
                           std::string(py::str(b.low_2sigma)), std::string(py::str(b.high_2sigma)));
      });

  m.def("gm2_band", &gm2_band, py::arg("m_aprime"), py::arg("delta_amu") = py::none(),
        py::arg("delta_amu_error") = py::none(), py::arg("band") = "2021",
        "The epsilon band at m_aprime [GeV] (number or array) for Delta a_mu +- sigma: band "
        "'2021' = (251 +- 59)e-11 (the NA64 2021 paper) or 'bnl' = (279 +- 76)e-11; delta_amu "
        "and delta_amu_error override the named values.");
  m.def(
      "gm2_loop_function",
      [](const py::object& ma, const py::object& ml) {
        return elementwise<2>(
            {ma, ml}, {"m_aprime", "m_lepton"},
            [](const std::array<double, 2>& x) { return physics::gm2_loop_function(x[0], x[1]); });
      },
      py::arg("m_aprime"), py::arg("m_lepton") = constants::mass_muon,
      "The loop function F(m_A'/m_l) of Pospelov 2009 (0 < F <= 1); masses [GeV]; broadcasts.");
  m.def(
      "gm2_aprime_contribution",
      [](const py::object& ma, const py::object& eps, const py::object& ml) {
        return elementwise<3>({ma, eps, ml}, {"m_aprime", "epsilon", "m_lepton"},
                              [](const std::array<double, 3>& x) {
                                return physics::gm2_aprime_contribution(x[0], x[1], x[2]);
                              });
      },
      py::arg("m_aprime"), py::arg("epsilon"), py::arg("m_lepton") = constants::mass_muon,
      "a_l^{A'} = alpha eps^2 F / 2 pi, the one-loop A' contribution to (g-2)/2 of a lepton of "
      "mass m_lepton [GeV] (default the muon); broadcasts.");
  m.def(
      "epsilon_for_delta_amu",
      [](const py::object& ma, const py::object& d) {
        return elementwise<2>({ma, d}, {"m_aprime", "delta_amu"},
                              [](const std::array<double, 2>& x) {
                                return physics::epsilon_for_delta_amu(x[0], x[1]);
                              });
      },
      py::arg("m_aprime"), py::arg("delta_amu") = constants::delta_amu_2021,
      "epsilon such that the A' loop gives a_mu^{A'} = delta_amu exactly; broadcasts.");
}

}  // namespace semivisible::python
