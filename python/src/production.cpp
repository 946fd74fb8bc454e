// python/src/production.cpp — production sources and A′ spectra (production/sources.hpp,
// spectrum.hpp) and the decay probabilities along the beam (detector/decay_probability.hpp).
#include <memory>
#include <string>

#include <fmt/format.h>

#include "common.hpp"
#include "semivisible/detector/decay_probability.hpp"
#include "semivisible/production/sources.hpp"

namespace semivisible::python {

namespace {

/// A shared, immutable spectrum (pybind11 holders cannot be shared_ptr<const T>).
struct spectrum_handle {
  std::shared_ptr<const production::energy_spectrum> spectrum;
};

py::array_t<double> copy_of(const std::vector<double>& v) {
  py::array_t<double> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

}  // namespace

void bind_production(py::module_& m) {
  py::class_<spectrum_handle>(m, "Spectrum",
                              "The collinear A' energy spectrum of a source: dN/dE_A' per "
                              "particle on target at epsilon = 1 above a threshold, as quadrature "
                              "nodes (production scales as epsilon^2).")
      .def_property_readonly(
          "mass_aprime", [](const spectrum_handle& h) { return h.spectrum->mass_aprime(); },
          "m_A' [GeV]")
      .def_property_readonly(
          "energy_threshold",
          [](const spectrum_handle& h) { return h.spectrum->energy_threshold(); },
          "lowest E_A' [GeV]")
      .def_property_readonly(
          "energy_top", [](const spectrum_handle& h) { return h.spectrum->energy_top(); },
          "highest E_A' [GeV]")
      .def_property_readonly(
          "per_particle", [](const spectrum_handle& h) { return h.spectrum->per_particle(); },
          "A' per particle on target above the threshold at epsilon = 1")
      .def_property_readonly(
          "node_energies",
          [](const spectrum_handle& h) { return copy_of(h.spectrum->node_energies()); },
          "quadrature nodes E_A' [GeV] (ndarray)")
      .def_property_readonly(
          "node_weights",
          [](const spectrum_handle& h) { return copy_of(h.spectrum->node_weights()); },
          "weights x dN/dE_A': sum(w f(E)) ~ integral dN f at epsilon = 1 (ndarray)")
      .def(
          "cumulative_over_energy",
          [](const spectrum_handle& h, const py::object& e) {
            return elementwise<1>({e}, {"energy"}, [&h](const std::array<double, 1>& x) {
              return h.spectrum->cumulative_over_energy(x[0]);
            });
          },
          py::arg("energy"),
          "integral from the threshold to energy of dE' (dN/dE')/E' at epsilon = 1 [1/GeV]; "
          "broadcasts.")
      .def("__repr__", [](const spectrum_handle& h) {
        return fmt::format("Spectrum(mass_aprime={}, energy_threshold={}, per_particle={})",
                           h.spectrum->mass_aprime(), h.spectrum->energy_threshold(),
                           h.spectrum->per_particle());
      });

  py::class_<production::source_set>(m, "SourceSet",
                                     "The production sources of an experiment (or those named "
                                     "in only), built once; spectrum() sums them per A' mass.")
      .def(py::init([](const experiment::experiment& e,
                       const std::optional<std::vector<std::string>>& only) {
             const py::gil_scoped_release release;
             return production::source_set(e, only);
           }),
           py::arg("experiment"), py::arg("only") = py::none(),
           "All of the experiment's sources, or only those named (each must be listed by it).")
      .def_property_readonly(
          "names",
          [](const production::source_set& s) {
            std::vector<std::string> names;
            for (const auto& p : s.sources()) names.emplace_back(p->name());
            return names;
          },
          "the sources' names")
      .def_property_readonly("key", &production::source_set::key,
                             "a string identifying every source's configuration")
      .def(
          "spectrum",
          [](const production::source_set& s, double mass_aprime, double energy_min) {
            const py::gil_scoped_release release;
            return spectrum_handle{s.spectrum(mass_aprime, energy_min)};
          },
          py::arg("m_aprime"), py::arg("energy_min"),
          "The summed spectrum for m_aprime [GeV] above energy_min [GeV] (milliseconds: the "
          "shower tables are built per mass).");
  m.def(
      "source_set",
      [](const experiment::experiment& e, const std::optional<std::vector<std::string>>& only) {
        const py::gil_scoped_release release;
        return production::source_set(e, only);
      },
      py::arg("experiment"), py::arg("only") = py::none(),
      "SourceSet(experiment, only): the experiment's production sources.");
  m.def("lowest_energy_of_interest", &production::lowest_energy_of_interest, py::arg("experiment"),
        "The lowest A' energy any region of the experiment asks for, floored at 1e-4 of the beam "
        "energy [GeV] (the default energy_min of spectra).");

  m.def(
      "decay_probability_before",
      [](const py::object& z0, const py::object& z, const py::object& l) {
        return elementwise<3>({z0, z, l}, {"z0", "z", "decay_length"},
                              [](const std::array<double, 3>& x) {
                                return detector::decay_probability_before(x[0], x[1], x[2]);
                              });
      },
      py::arg("z0"), py::arg("z"), py::arg("decay_length"),
      "P(decay before z) = -expm1(-(z - z0)/lambda) for production at z0 <= z [m], lab decay "
      "length lambda [m] (inf allowed); broadcasts.");
  m.def(
      "decay_probability_between",
      [](const py::object& z0, const py::object& z1, const py::object& z2, const py::object& l) {
        return elementwise<4>({z0, z1, z2, l}, {"z0", "z1", "z2", "decay_length"},
                              [](const std::array<double, 4>& x) {
                                return detector::decay_probability_between(x[0], x[1], x[2], x[3]);
                              });
      },
      py::arg("z0"), py::arg("z1"), py::arg("z2"), py::arg("decay_length"),
      "P(z1 < decay point < z2) for production at z0 <= z1 <= z2 [m] (expm1-safe); broadcasts.");
  m.def(
      "decay_probability_beyond",
      [](const py::object& z0, const py::object& z, const py::object& l) {
        return elementwise<3>({z0, z, l}, {"z0", "z_end", "decay_length"},
                              [](const std::array<double, 3>& x) {
                                return detector::decay_probability_beyond(x[0], x[1], x[2]);
                              });
      },
      py::arg("z0"), py::arg("z_end"), py::arg("decay_length"),
      "P(decay beyond z_end) = exp(-(z_end - z0)/lambda) [m]; broadcasts.");
}

}  // namespace semivisible::python
