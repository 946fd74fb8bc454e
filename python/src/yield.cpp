// python/src/yield.cpp — expected signal events per region (signal/yield.hpp): the per-mass
// precompute once, then events over an ε array in one C++ loop with the GIL released.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "common.hpp"
#include "semivisible/experiment/experiment.hpp"
#include "semivisible/production/sources.hpp"
#include "semivisible/signal/yield.hpp"

namespace semivisible::python {

namespace {

using signal::yield_model;

yield_model make_yield_model(const model::parameters<double>& p, const py::object& experiment,
                             const std::string& model, const std::optional<double>& exposure,
                             const std::optional<std::vector<std::string>>& production,
                             const std::optional<production::source_set>& sources) {
  constexpr const char* fn = "semivisible.yield_model";
  const experiment::experiment e = experiment_of(experiment);
  signal::yield_options o;
  o.kind = signal::model_kind_from_string(model);
  if (exposure) {
    semivisible::detail::require_positive(fn, "exposure", *exposure);
    o.exposure = *exposure;
  }
  if (sources && production)
    throw invalid_parameter(
        fmt::format("{}: give production (source names) or sources (a SourceSet), not both", fn));
  const py::gil_scoped_release release;
  const auto set = sources ? std::make_shared<const production::source_set>(*sources)
                           : std::make_shared<const production::source_set>(e, production);
  return yield_model(
      e, p, [&](double m, double lo) { return set->spectrum(m, lo); }, o);
}

/// ε and α_D broadcast (α_D defaults to the model's).
broadcast_arrays couplings(const yield_model& y, const py::object& epsilon,
                           const py::object& alpha_dark) {
  const py::object a = alpha_dark.is_none() ? py::object(py::float_(y.alpha_dark())) : alpha_dark;
  return broadcast_arrays({epsilon, a}, {"epsilon", "alpha_dark"});
}

py::array events(const yield_model& y, const py::object& epsilon, const py::object& alpha_dark) {
  const broadcast_arrays in = couplings(y, epsilon, alpha_dark);
  const std::size_t regions = y.region_count();
  double_array out = in.make_output({static_cast<py::ssize_t>(regions)});
  double* o = output_data(out);
  {
    const py::gil_scoped_release release;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const signal::expected_events r = y.events(in(0, i), in(1, i));
      for (std::size_t k = 0; k < regions; ++k) o[i * regions + k] = r.regions[k].events;
    }
  }
  return out;
}

py::object total(const yield_model& y, const py::object& epsilon, const py::object& alpha_dark) {
  const broadcast_arrays in = couplings(y, epsilon, alpha_dark);
  double_array out = in.make_output();
  double* o = output_data(out);
  {
    const py::gil_scoped_release release;
    for (std::size_t i = 0; i < in.size(); ++i) o[i] = y.events(in(0, i), in(1, i)).total();
  }
  return scalar_or_array(out, in.scalar());
}

py::dict evaluate(const yield_model& y, const py::object& epsilon, const py::object& alpha_dark) {
  const broadcast_arrays in = couplings(y, epsilon, alpha_dark);
  const std::size_t regions = y.region_count();
  const auto per_region = [&] { return in.make_output({static_cast<py::ssize_t>(regions)}); };
  double_array probability = per_region(), acceptance = per_region(), efficiency = per_region(),
               counts = per_region();
  double_array aprime = in.make_output(), branching = in.make_output(), ctau = in.make_output(),
               sum = in.make_output();
  {
    double *p = output_data(probability), *a = output_data(acceptance),
           *f = output_data(efficiency), *n = output_data(counts), *ap = output_data(aprime),
           *br = output_data(branching), *ct = output_data(ctau), *t = output_data(sum);
    const py::gil_scoped_release release;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const signal::expected_events r = y.events(in(0, i), in(1, i));
      for (std::size_t k = 0; k < regions; ++k) {
        p[i * regions + k] = r.regions[k].probability;
        a[i * regions + k] = r.regions[k].acceptance;
        f[i * regions + k] = r.regions[k].efficiency;
        n[i * regions + k] = r.regions[k].events;
      }
      ap[i] = r.aprime_per_particle;
      br[i] = r.branching;
      ct[i] = r.ctau_m;
      t[i] = r.total();
    }
  }
  const bool s = in.scalar();
  double_array eps_out = in.make_output(), ad_out = in.make_output();
  double *eo = output_data(eps_out), *ao = output_data(ad_out);
  for (std::size_t i = 0; i < in.size(); ++i) {
    eo[i] = in(0, i);
    ao[i] = in(1, i);
  }
  py::dict d;
  d["epsilon"] = scalar_or_array(eps_out, s);
  d["alpha_dark"] = scalar_or_array(ad_out, s);
  d["aprime_per_particle"] = scalar_or_array(aprime, s);
  d["branching"] = scalar_or_array(branching, s);
  d["ctau_m"] = scalar_or_array(ctau, s);
  d["probability"] = probability;
  d["acceptance"] = acceptance;
  d["efficiency"] = efficiency;
  d["events"] = counts;
  d["total"] = scalar_or_array(sum, s);
  return d;
}

}  // namespace

void bind_yield(py::module_& m) {
  py::class_<yield_model>(m, "YieldModel",
                          "Expected signal events in every region of an experiment at one mass "
                          "point: the per-mass precompute (spectra, decay tables) is done once; "
                          "events(epsilon) then costs ~100 ns per value. Build it with "
                          "sv.yield_model(p, experiment, ...).")
      .def("events", &events, py::arg("epsilon"), py::arg("alpha_dark") = py::none(),
           "Expected events per region for the exposure: ndarray of shape epsilon.shape + "
           "(n_regions,) (numpy broadcasting of epsilon and alpha_dark; alpha_dark defaults to "
           "the model point's). epsilon in (0, 1].")
      .def("total", &total, py::arg("epsilon"), py::arg("alpha_dark") = py::none(),
           "Expected events summed over the regions (float or ndarray of the broadcast shape).")
      .def("evaluate", &evaluate, py::arg("epsilon"), py::arg("alpha_dark") = py::none(),
           "Everything of the C++ expected_events: a dict with epsilon, alpha_dark, "
           "aprime_per_particle (A' per particle on target above the first region's threshold), "
           "branching (BR into the state the regions see), ctau_m (the decaying particle's c tau "
           "[m], inf if stable), total, and per region (last axis) probability, acceptance, "
           "efficiency, events.")
      .def_property_readonly(
          "region_names",
          [](const yield_model& y) {
            std::vector<std::string> names;
            for (std::size_t k = 0; k < y.region_count(); ++k) names.push_back(y.region_name(k));
            return names;
          },
          "the regions, in the experiment's order (the last axis of events())")
      .def_property_readonly("region_count", &yield_model::region_count, "number of regions")
      .def_property_readonly("mass_aprime", &yield_model::mass_aprime, "m_A' [GeV]")
      .def_property_readonly("alpha_dark", &yield_model::alpha_dark,
                             "alpha_D of the constructing point (events()' default)")
      .def_property_readonly("exposure", &yield_model::exposure, "particles on target")
      .def_property_readonly(
          "model", [](const yield_model& y) { return std::string(signal::to_string(y.kind())); },
          "'semivisible', 'invisible' or 'visible'")
      .def("mean_inverse_boost", &yield_model::mean_inverse_boost, py::arg("region") = 0,
           "mean 1/(beta gamma) of the decaying particle for the region's threshold")
      .def("mean_energy", &yield_model::mean_energy, py::arg("region") = 0,
           "mean energy [GeV] of the decaying particle for the region's threshold")
      .def(
          "distances_m",
          [](const yield_model& y, std::size_t k) {
            const auto d = y.distances_m(k);
            return py::make_tuple(d[0], d[1]);
          },
          py::arg("region"),
          "(start, end) [m] of the region's decay interval from the production point")
      .def("probability_direct", &yield_model::probability_direct, py::arg("region"),
           py::arg("ctau_m"),
           "<P> of the region for c tau [m] by the direct sum over nodes (a check of the table)")
      .def("__repr__", [](const yield_model& y) {
        return fmt::format("YieldModel(mass_aprime={}, model='{}', regions={}, exposure={})",
                           y.mass_aprime(), signal::to_string(y.kind()), y.region_count(),
                           y.exposure());
      });

  m.def("yield_model", &make_yield_model, py::arg("p"), py::arg("experiment"),
        py::arg("model") = "semivisible", py::arg("exposure") = py::none(),
        py::arg("production") = py::none(), py::arg("sources") = py::none(),
        "The per-mass yield of experiment (an sv.Experiment, a built-in name or a JSON file) at "
        "the masses of p (its epsilon and alpha_dark only set events()' default alpha_dark). "
        "model: 'semivisible', 'invisible' or 'visible'; exposure: particles on target "
        "(default: the experiment's); production: only these source names; sources: a SourceSet "
        "built once and reused over masses. Milliseconds (the A' spectra).");
  m.attr("models") = std::vector<std::string>{"semivisible", "invisible", "visible"};
}

}  // namespace semivisible::python
