// python/src/common.hpp — helpers shared by the binding files of the `semivisible` Python module:
// numpy broadcasting of array-like arguments, scalar-or-array results, status strings, the data
// folder, and the declarations of the per-area bind functions (one .cpp per area).
//
// Conventions of the module (docs/python.md): units as in C++ (GeV, metres); array-like inputs are
// broadcast with numpy's rules and give an ndarray of the broadcast shape, plain numbers give a
// float; every loop over an array runs in C++ with the GIL released; bad input raises ValueError
// with the library's message (semivisible::invalid_parameter and domain_error derive from
// std::invalid_argument / std::domain_error, which pybind11 translates to ValueError).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "semivisible/error.hpp"

namespace semivisible::experiment {
struct experiment;
}

namespace semivisible::python {

namespace py = pybind11;

/// C-contiguous float64 arrays (forcecast: ints, lists and 0-d values are converted).
using double_array = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// Array-like arguments broadcast together (numpy rules), each as a contiguous float64 copy.
class broadcast_arrays {
 public:
  /// `names` name the arguments in messages ("m_aprime", ...), same order as `args`.
  broadcast_arrays(const std::vector<py::handle>& args, const std::vector<const char*>& names);

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /// True when every argument was a plain number (or a 0-d array): results are floats.
  [[nodiscard]] bool scalar() const noexcept { return scalar_; }
  [[nodiscard]] const std::vector<py::ssize_t>& shape() const noexcept { return shape_; }
  /// Element i (in C order of the broadcast shape) of argument k. An argument of one value is
  /// not expanded (step 0) and a float64 C-contiguous one is not copied.
  [[nodiscard]] double operator()(std::size_t k, std::size_t i) const noexcept {
    return pointers_[k][i * steps_[k]];
  }
  /// A new float64 array of the broadcast shape (plus `extra` trailing dimensions).
  [[nodiscard]] double_array make_output(std::vector<py::ssize_t> extra = {}) const;

 private:
  std::vector<double_array> arrays_;
  std::vector<const double*> pointers_;
  std::vector<std::size_t> steps_;  ///< 0: one value for every element; 1: one per element
  std::vector<py::ssize_t> shape_;
  std::size_t size_ = 0;
  bool scalar_ = true;
};

/// `out` as a Python float when `scalar` (a 0-d result), else the array itself.
py::object scalar_or_array(const double_array& out, bool scalar);

/// A mutable pointer into a freshly made output array.
inline double* output_data(double_array& a) {
  return a.mutable_data();
}

/// f(std::array<double, N>) applied elementwise to N broadcast array-like arguments with the GIL
/// released; a float for scalar input, else an ndarray of the broadcast shape.
template <std::size_t N, class F>
py::object elementwise(const std::array<py::object, N>& args,
                       const std::array<const char*, N>& names, F f) {
  const broadcast_arrays in(std::vector<py::handle>(args.begin(), args.end()),
                            std::vector<const char*>(names.begin(), names.end()));
  double_array out = in.make_output();
  double* o = output_data(out);
  {
    const py::gil_scoped_release release;
    std::array<double, N> x{};
    for (std::size_t i = 0; i < in.size(); ++i) {
      for (std::size_t k = 0; k < N; ++k) x[k] = in(k, i);
      o[i] = f(x);
    }
  }
  return scalar_or_array(out, in.scalar());
}

/// The text of a solver status code ("ok", "no_bracket", ...).
inline std::string status_text(const solver_status& s) {
  return std::string(to_string(s.code));
}

/// The data folder: $SEMIVISIBLE_DATA_DIR; else <prefix>/share/semivisible beside an installed
/// module (<prefix>/lib/python3*/…-packages/semivisible/_core*.so); else the source tree's data/
/// compiled into a build-tree module.
std::filesystem::path data_dir();

/// `given` when not None, else data_dir().
std::filesystem::path data_dir_or_default(const std::optional<std::string>& given);

/// An sv.Experiment, or a built-in name / JSON file path (str or os.PathLike) resolved in
/// data_dir(); ValueError naming it otherwise.
experiment::experiment experiment_of(const py::object& obj);

/// A str or os.PathLike as text.
std::string path_text(const py::handle& obj);

/// A Python dict/list/number/str as a JSON text (json.dumps: exact for floats).
std::string to_json_text(const py::handle& obj);
/// A JSON text as Python objects (json.loads).
py::object from_json_text(const std::string& text);

// One function per area (one .cpp each); module.cpp calls them in this order.
void bind_model(py::module_& m);
void bind_physics(py::module_& m);
void bind_gm2(py::module_& m);
void bind_experiment(py::module_& m);
void bind_production(py::module_& m);
void bind_yield(py::module_& m);
void bind_stats(py::module_& m);
void bind_scan(py::module_& m);
void bind_relic(py::module_& m);

}  // namespace semivisible::python
