// semivisible/efficiency/table.hpp — a tabulated efficiency ε(m_A′) with linear interpolation.
//
// Tables are read from CSV files shipped in data/efficiency/ (two columns m_aprime_GeV,efficiency;
// lines starting with '#' are comments holding the source) or built in code. Outside the tabulated
// mass range the value at the nearest end is used (`extrapolation::constant`, the documented
// default: efficiencies of a fixed selection vary slowly with m_A′) or an error is thrown
// (`extrapolation::error`).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "semivisible/error.hpp"

namespace semivisible::efficiency {

enum class extrapolation { constant, error };

class efficiency_table {
 public:
  /// Points (m_A′ [GeV], ε) with strictly increasing masses > 0 and 0 ≤ ε ≤ 1.
  efficiency_table(std::vector<double> masses, std::vector<double> values, std::string name = "",
                   extrapolation policy = extrapolation::constant)
      : masses_(std::move(masses)),
        values_(std::move(values)),
        name_(std::move(name)),
        policy_(policy) {
    const std::string fn = fmt::format("semivisible::efficiency::efficiency_table '{}'", name_);
    if (masses_.empty() || masses_.size() != values_.size())
      throw invalid_parameter(
          fmt::format("{}: needs equal, non-zero numbers of masses ({}) and values ({})", fn,
                      masses_.size(), values_.size()));
    for (std::size_t i = 0; i < masses_.size(); ++i) {
      if (!std::isfinite(masses_[i]) || !(masses_[i] > 0))
        semivisible::detail::throw_invalid(fn, fmt::format("mass[{}]", i), masses_[i],
                                           "finite and > 0");
      if (i > 0 && !(masses_[i] > masses_[i - 1]))
        semivisible::detail::throw_invalid(
            fn, fmt::format("mass[{}]", i), masses_[i],
            fmt::format("> mass[{}] = {} (strictly increasing)", i - 1, masses_[i - 1]));
      if (!std::isfinite(values_[i]) || !(values_[i] >= 0) || !(values_[i] <= 1))
        semivisible::detail::throw_invalid(fn, fmt::format("efficiency[{}]", i), values_[i],
                                           "in [0, 1]");
    }
  }

  /// A mass-independent efficiency.
  static efficiency_table constant(double value, std::string name = "") {
    return efficiency_table({1.0}, {value}, std::move(name));
  }

  /// ε at m_A′ [GeV], linear in m_A′ between points.
  [[nodiscard]] double operator()(double mass_aprime) const {
    const std::string_view fn = "semivisible::efficiency::efficiency_table";
    semivisible::detail::require_positive(fn, "mass_aprime", mass_aprime);
    if (mass_aprime <= masses_.front() || mass_aprime >= masses_.back()) {
      if (policy_ == extrapolation::error &&
          (mass_aprime < masses_.front() || mass_aprime > masses_.back()))
        semivisible::detail::throw_invalid(fn, "mass_aprime", mass_aprime,
                                           fmt::format("in the table '{}' range [{}, {}] GeV",
                                                       name_, masses_.front(), masses_.back()));
      return mass_aprime <= masses_.front() ? values_.front() : values_.back();
    }
    const auto it = std::upper_bound(masses_.begin(), masses_.end(), mass_aprime);
    const auto i = static_cast<std::size_t>(it - masses_.begin());
    const double f = (mass_aprime - masses_[i - 1]) / (masses_[i] - masses_[i - 1]);
    return values_[i - 1] + f * (values_[i] - values_[i - 1]);
  }

  [[nodiscard]] const std::vector<double>& masses() const noexcept { return masses_; }
  [[nodiscard]] const std::vector<double>& values() const noexcept { return values_; }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] double min_value() const {
    return *std::min_element(values_.begin(), values_.end());
  }
  [[nodiscard]] double max_value() const {
    return *std::max_element(values_.begin(), values_.end());
  }

 private:
  std::vector<double> masses_;
  std::vector<double> values_;
  std::string name_;
  extrapolation policy_;
};

/// Reads a two-column CSV (m_aprime_GeV,efficiency; '#' comments; one header line allowed).
[[nodiscard]] inline efficiency_table load_efficiency_csv(
    const std::string& path, extrapolation policy = extrapolation::constant) {
  constexpr const char* fn = "semivisible::efficiency::load_efficiency_csv";
  std::ifstream in(path);
  if (!in) throw invalid_parameter(fmt::format("{}: cannot open '{}'", fn, path));
  std::vector<double> m, e;
  std::string line;
  std::size_t number = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto comma = line.find(',');
    if (comma == std::string::npos)
      throw invalid_parameter(fmt::format("{}: '{}' line {}: expected 'mass,efficiency', got '{}'",
                                          fn, path, number, line));
    try {
      std::size_t used = 0;
      const std::string a = line.substr(0, comma), b = line.substr(comma + 1);
      const double x = std::stod(a, &used);
      if (used != a.size()) throw std::invalid_argument("trailing characters");
      const double y = std::stod(b, &used);
      if (used != b.size() && b.find_first_not_of(" \t\r", used) != std::string::npos)
        throw std::invalid_argument("trailing characters");
      m.push_back(x);
      e.push_back(y);
    } catch (const std::exception&) {
      if (!header_seen && m.empty()) {
        header_seen = true;
        continue;
      }
      throw invalid_parameter(
          fmt::format("{}: '{}' line {}: not two numbers: '{}'", fn, path, number, line));
    }
  }
  return efficiency_table(std::move(m), std::move(e), path, policy);
}

}  // namespace semivisible::efficiency
