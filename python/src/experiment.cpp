// python/src/experiment.cpp — experiments as values (experiment/experiment.hpp): the built-ins of
// the data folder (experiment/builtin.hpp), files and Python dicts (experiment/load.hpp).
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "semivisible/experiment/builtin.hpp"
#include "semivisible/experiment/load.hpp"
#include "semivisible/scan/analysis.hpp"

namespace semivisible::python {

namespace {

using experiment_t = experiment::experiment;
using region_t = experiment::region;

experiment_t from_python(const py::object& obj, const std::string& source,
                         const py::object& base_dir) {
  const std::string text =
      py::isinstance<py::str>(obj) ? obj.cast<std::string>() : to_json_text(obj);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw invalid_parameter(fmt::format(
        "semivisible.experiment_from_json: {} is not valid JSON: {}", source, e.what()));
  }
  const std::string base = path_text(base_dir);  // Python calls before the GIL is released
  const py::gil_scoped_release release;
  return experiment::from_json(j, source, base);
}

experiment_t replace(const experiment_t& e, const std::optional<double>& particles_on_target,
                     const std::optional<double>& signal_uncertainty,
                     const std::optional<double>& cl, const std::optional<std::string>& method) {
  experiment_t c = e;
  if (particles_on_target) c.beam.particles_on_target = *particles_on_target;
  if (signal_uncertainty) c.analysis.signal_uncertainty = *signal_uncertainty;
  if (cl) c.analysis.cl = *cl;
  if (method) c.analysis.method = *method;
  c.validate();
  return c;
}

}  // namespace

std::string path_text(const py::handle& obj) {
  return py::str(py::module_::import("os").attr("fspath")(obj)).cast<std::string>();
}

experiment_t experiment_of(const py::object& obj) {
  if (py::isinstance<experiment_t>(obj)) return obj.cast<experiment_t>();
  if (!py::isinstance<py::str>(obj) && !py::hasattr(obj, "__fspath__"))
    throw invalid_parameter(fmt::format(
        "experiment = {}, but must be an sv.Experiment, a built-in name or a JSON file path",
        std::string(py::str(py::repr(obj)))));
  const std::string what = path_text(obj);
  const auto dir = data_dir();
  const py::gil_scoped_release release;
  return experiment::resolve(what, dir);
}

void bind_experiment(py::module_& m) {
  py::class_<region_t>(m, "Region",
                       "One signal region of an experiment: a decay interval along the beam "
                       "(metres from the target's front face), a signature, thresholds [GeV], an "
                       "efficiency and its counting data (one Poisson bin).")
      .def_readonly("name", &region_t::name, "the region's name (e.g. S1)")
      .def_property_readonly(
          "signature",
          [](const region_t& r) { return std::string(experiment::to_string(r.signature)); },
          "'visible' or 'missing_energy'")
      .def_readonly("decay_start_m", &region_t::decay_start_m, "start of the decay interval [m]")
      .def_readonly("decay_end_m", &region_t::decay_end_m, "its end [m] (inf: no end)")
      .def_property_readonly(
          "has_detector", [](const region_t& r) { return r.detector.has_value(); },
          "True when the region has a detector plane (event-level acceptance)")
      .def_readonly("visible_energy_min_GeV", &region_t::visible_energy_min_GeV,
                    "threshold on the visible energy [GeV]")
      .def_readonly("visible_energy_max_GeV", &region_t::visible_energy_max_GeV,
                    "upper end of the visible-energy window [GeV] (inf: no cap)")
      .def_readonly("aprime_energy_min_GeV", &region_t::aprime_energy_min_GeV,
                    "threshold on the A' energy [GeV]")
      .def_readonly("observed", &region_t::observed, "observed events")
      .def_readonly("background", &region_t::background, "expected background events")
      .def_readonly("background_uncertainty", &region_t::background_uncertainty,
                    "absolute background uncertainty [events]")
      .def(
          "efficiency",
          [](const region_t& r, const py::object& ma) {
            return elementwise<1>({ma}, {"m_aprime"}, [&r](const std::array<double, 1>& x) {
              return r.efficiency(x[0]);
            });
          },
          py::arg("m_aprime"), "The region's efficiency at m_aprime [GeV]; broadcasts.")
      .def("__repr__", [](const region_t& r) {
        return fmt::format("Region('{}', {}, decay_z_m=[{}, {}])", r.name,
                           experiment::to_string(r.signature), r.decay_start_m, r.decay_end_m);
      });

  py::class_<experiment_t>(m, "Experiment",
                           "An experiment as a value: beam x target x production sources x "
                           "signal regions x analysis (docs/experiments.md). Read-only; "
                           "replace(...) gives a changed, validated copy.")
      .def_readonly("name", &experiment_t::name, "the experiment's name (a built-in's file stem)")
      .def_readonly("description", &experiment_t::description, "one line of text")
      .def_readonly("references", &experiment_t::references, "publications the numbers come from")
      .def_property_readonly(
          "beam_particle",
          [](const experiment_t& e) { return std::string(experiment::to_string(e.beam.particle)); },
          "'electron', 'positron' or 'proton'")
      .def_property_readonly(
          "beam_energy_GeV", [](const experiment_t& e) { return e.beam.energy_GeV; }, "[GeV]")
      .def_property_readonly(
          "particles_on_target", [](const experiment_t& e) { return e.beam.particles_on_target; },
          "the exposure (EOT or POT)")
      .def_property_readonly(
          "target_material", [](const experiment_t& e) { return e.target.material.name; },
          "the target's material ('lead', ...)")
      .def_property_readonly(
          "target_thickness_X0", [](const experiment_t& e) { return e.target.thickness_X0; },
          "target thickness in radiation lengths")
      .def_property_readonly(
          "production_z_m", [](const experiment_t& e) { return e.target.production_z_m; },
          "where the A' is taken to be produced, from the front face [m]")
      .def_property_readonly(
          "production",
          [](const experiment_t& e) {
            std::vector<std::string> names;
            for (const auto& s : e.production) names.push_back(s.name);
            return names;
          },
          "the production sources' names, in file order")
      .def_readonly("regions", &experiment_t::regions, "the signal regions, in file order")
      .def_property_readonly(
          "region_names",
          [](const experiment_t& e) {
            std::vector<std::string> names;
            for (const auto& r : e.regions) names.push_back(r.name);
            return names;
          },
          "the regions' names (the bins of the counting model)")
      .def_property_readonly(
          "signal_uncertainty", [](const experiment_t& e) { return e.analysis.signal_uncertainty; },
          "relative signal uncertainty of the analysis")
      .def_property_readonly(
          "cl", [](const experiment_t& e) { return e.analysis.cl; }, "confidence level")
      .def_property_readonly(
          "method", [](const experiment_t& e) { return e.analysis.method; },
          "CLs method: exact, asymptotic or toys")
      .def(
          "find_region",
          [](const experiment_t& e, const std::string& n) -> std::optional<region_t> {
            if (const auto* r = e.find_region(n)) return *r;
            return std::nullopt;
          },
          py::arg("name"), "The region called name, or None.")
      .def("counting_model", &scan::counting_model_of, py::arg("background_scale") = 1.0,
           "The counting model of the experiment: one bin per region (observed, background, "
           "uncertainty), its signal uncertainty; background_scale multiplies the backgrounds "
           "and their uncertainties.")
      .def("replace", &replace, py::arg("particles_on_target") = py::none(),
           py::arg("signal_uncertainty") = py::none(), py::arg("cl") = py::none(),
           py::arg("method") = py::none(),
           "A validated copy with the given exposure or analysis settings changed.")
      .def("validate", &experiment_t::validate,
           "Raises ValueError naming the key and value on any inconsistency.")
      .def("__repr__", [](const experiment_t& e) {
        std::string regions;
        for (const auto& r : e.regions)
          regions += fmt::format("{}{}", regions.empty() ? "" : ", ", r.name);
        return fmt::format("Experiment('{}', beam={} {} GeV, regions=[{}])", e.name,
                           experiment::to_string(e.beam.particle), e.beam.energy_GeV, regions);
      });

  m.def(
      "experiment",
      [](const py::object& name_or_file, const std::optional<std::string>& dir) {
        const std::string what = path_text(name_or_file);
        const auto d = data_dir_or_default(dir);
        const py::gil_scoped_release release;
        return experiment::resolve(what, d);
      },
      py::arg("name_or_file"), py::arg("data_dir") = py::none(),
      "A built-in experiment by name (see experiments()) or an experiment JSON file "
      "(docs/experiments.md); data_dir defaults to data_dir().");
  m.def(
      "builtin",
      [](const std::string& name, const std::optional<std::string>& dir) {
        const auto d = data_dir_or_default(dir);
        const py::gil_scoped_release release;
        return experiment::builtin(name, d);
      },
      py::arg("name"), py::arg("data_dir") = py::none(),
      "A built-in experiment by name; ValueError listing the known names otherwise.");
  m.def(
      "experiments",
      [](const std::optional<std::string>& dir) {
        return experiment::builtin_names(data_dir_or_default(dir));
      },
      py::arg("data_dir") = py::none(), "The names of the built-in experiments, sorted.");
  m.def(
      "is_builtin",
      [](const std::string& name, const std::optional<std::string>& dir) {
        return experiment::is_builtin(name, data_dir_or_default(dir));
      },
      py::arg("name"), py::arg("data_dir") = py::none(),
      "True when name (or an old spelling of it) is a built-in experiment.");
  m.attr("resolve") = m.attr("experiment");
  m.attr("builtin_names") = m.attr("experiments");
  m.def(
      "canonical_name", [](const std::string& n) { return experiment::canonical_name(n); },
      py::arg("name"), "The current name of a built-in experiment (maps the old spellings).");
  m.def("experiment_from_json", &from_python, py::arg("obj"), py::arg("source") = "<python>",
        py::arg("base_dir") = ".",
        "An experiment from a Python dict (or a JSON text) in the format of "
        "docs/experiments.md; source names it in messages, relative efficiency-table paths are "
        "read from base_dir.");
}

}  // namespace semivisible::python
