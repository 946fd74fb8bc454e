// python/src/module.cpp — the extension module semivisible._core: the shared helpers of
// common.hpp and the module definition, which calls one bind function per area.
#include <dlfcn.h>

#include <cstdlib>
#include <system_error>

#include <fmt/format.h>

#include "common.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/version.hpp"

namespace semivisible::python {

using namespace pybind11::literals;

broadcast_arrays::broadcast_arrays(const std::vector<py::handle>& args,
                                   const std::vector<const char*>& names) {
  const py::module_ np = py::module_::import("numpy");
  py::list converted;
  auto name = names.begin();
  for (const py::handle a : args) {
    const char* n = name != names.end() ? *name : "argument";
    py::object array;
    try {
      array = np.attr("asarray")(a, "dtype"_a = "float64");
    } catch (py::error_already_set& e) {
      throw invalid_parameter(fmt::format("{} = {}, but must be a number or an array of numbers", n,
                                          std::string(py::str(py::repr(a)))));
    }
    if (array.attr("ndim").cast<int>() != 0) scalar_ = false;
    converted.append(array);
    if (name != names.end()) ++name;
  }
  py::object broadcast;
  try {
    broadcast = np.attr("broadcast_arrays")(*converted);
  } catch (py::error_already_set& e) {
    std::string shapes;
    name = names.begin();
    for (const py::handle c : converted) {
      shapes += fmt::format("{}{} {}", shapes.empty() ? "" : ", ",
                            name != names.end() ? *name : "argument",
                            std::string(py::str(c.attr("shape"))));
      if (name != names.end()) ++name;
    }
    throw invalid_parameter(fmt::format(
        "the array arguments cannot be broadcast together (numpy rules): shapes {}", shapes));
  }
  std::size_t k = 0;
  for (const py::handle b : broadcast) {
    const py::object original = converted[k++];
    if (original.attr("size").cast<py::ssize_t>() == 1) {  // one value for all: not expanded
      arrays_.push_back(double_array::ensure(original));
      steps_.push_back(0);
    } else {  // the broadcast view itself when it is C-contiguous float64, else a C copy
      arrays_.push_back(double_array::ensure(b));
      steps_.push_back(1);
    }
    pointers_.push_back(arrays_.back().data());
  }
  // The broadcast shape and size (an argument of one value may have fewer dimensions).
  // (broadcast[0] would pick operator[](const char*) with a null pointer.)
  const py::object shape = arrays_.empty()
                               ? py::object(py::tuple())
                               : py::object(py::list(broadcast)[std::size_t{0}]).attr("shape");
  for (const py::handle d : shape) shape_.push_back(d.cast<py::ssize_t>());
  size_ = 1;
  for (const py::ssize_t d : shape_) size_ *= static_cast<std::size_t>(d);
}

double_array broadcast_arrays::make_output(std::vector<py::ssize_t> extra) const {
  std::vector<py::ssize_t> shape = shape_;
  shape.insert(shape.end(), extra.begin(), extra.end());
  return double_array(shape);
}

py::object scalar_or_array(const double_array& out, bool scalar) {
  if (scalar && out.size() == 1) return py::float_(*out.data());
  return out;
}

namespace {
/// Anchors dladdr to this shared object.
const char module_anchor = 0;

/// The folder holding this extension module's shared object (empty when unknown).
std::filesystem::path module_dir() {
  Dl_info info{};
  if (::dladdr(&module_anchor, &info) == 0 || info.dli_fname == nullptr) return {};
  std::error_code ec;
  const auto file = std::filesystem::canonical(info.dli_fname, ec);
  return ec ? std::filesystem::path{} : file.parent_path();
}

/// <prefix>/share/semivisible when this module is installed under <prefix>/lib/<python>/<site>/
/// semivisible/ and that folder holds experiments/; else empty.
std::filesystem::path installed_share_dir() {
  static const std::filesystem::path share = [] {
    const auto dir = module_dir();
    if (dir.empty()) return std::filesystem::path{};
    const auto candidate =
        (dir / ".." / ".." / ".." / ".." / "share" / "semivisible").lexically_normal();
    std::error_code ec;
    return std::filesystem::is_directory(candidate / "experiments", ec) ? candidate
                                                                        : std::filesystem::path{};
  }();
  return share;
}
}  // namespace

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("SEMIVISIBLE_DATA_DIR"); env && *env) return env;
  if (auto share = installed_share_dir(); !share.empty()) return share;
#ifdef SEMIVISIBLE_DATA_DIR
  return SEMIVISIBLE_DATA_DIR;
#else
  throw invalid_parameter("semivisible: no data folder known; set SEMIVISIBLE_DATA_DIR");
#endif
}

std::filesystem::path data_dir_or_default(const std::optional<std::string>& given) {
  if (given && !given->empty()) return *given;
  return data_dir();
}

std::string to_json_text(const py::handle& obj) {
  const py::module_ json = py::module_::import("json");
  try {
    return json.attr("dumps")(obj, "allow_nan"_a = false).cast<std::string>();
  } catch (py::error_already_set& e) {
    throw invalid_parameter(
        fmt::format("cannot write {} as JSON: {}", std::string(py::str(py::repr(obj))), e.what()));
  }
}

py::object from_json_text(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

}  // namespace semivisible::python

PYBIND11_MODULE(_core, m) {
  namespace svp = semivisible::python;
  namespace c = semivisible::constants;
  m.doc() =
      "semivisible: semi-visible dark photon phenomenology (NA64 2021, EPJC 81 (2021) 959) with "
      "numpy arrays.\n\nUnits: GeV for masses, energies and widths; metres for lengths. See "
      "docs/python.md.";
  m.attr("__version__") = semivisible::version_string;
  m.def(
      "data_dir", [] { return svp::data_dir().string(); },
      "The data folder (built-in experiments, efficiency tables): $SEMIVISIBLE_DATA_DIR, else\n"
      "<prefix>/share/semivisible of an installed module, else the source tree's data/.");
  m.attr("alpha_em") = c::alpha_em;
  m.attr("mass_electron") = c::mass_electron;
  m.attr("mass_muon") = c::mass_muon;
  m.attr("hbar_c") = c::hbar_c;
  m.attr("delta_amu_2021") = c::delta_amu_2021;
  m.attr("delta_amu_2021_error") = c::delta_amu_2021_error;
  m.attr("delta_amu_bnl") = c::delta_amu_bnl;
  m.attr("delta_amu_bnl_error") = c::delta_amu_bnl_error;
  svp::bind_model(m);
  svp::bind_physics(m);
  svp::bind_gm2(m);
  svp::bind_experiment(m);
  svp::bind_production(m);
  svp::bind_yield(m);
  svp::bind_stats(m);
  svp::bind_scan(m);
  svp::bind_relic(m);
}
