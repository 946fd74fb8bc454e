// examples/cli/common.hpp — shared pieces of the `semivisible` command-line tool:
// the common model options, option validators, and text/json/csv output of result records.
// Validators refuse what the library would refuse, with the option's name in the message: every
// number finite, masses/ε/α_D inside model::limits, counts whole numbers with an upper bound.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/model/parameters.hpp"

namespace semivisible::cli {

// ---------------------------------------------------------------- validators
/// A validator accepting a whole-string number for which `ok(value)` holds; otherwise the message
/// "must be <requirement>, got '<text>'" (CLI11 prefixes it with the option's name).
template <class Predicate>
CLI::Validator number_validator(Predicate ok, std::string requirement, std::string name) {
  return CLI::Validator(
      [ok, requirement](std::string& s) -> std::string {
        try {
          std::size_t used = 0;
          const double v = std::stod(s, &used);
          if (used == s.size() && ok(v)) return {};
        } catch (const std::exception&) {
        }
        return fmt::format("must be {}, got '{}'", requirement, s);
      },
      std::move(name));
}

/// A finite number > 0.
inline const CLI::Validator positive_number = number_validator(
    [](double v) { return std::isfinite(v) && v > 0; }, "a finite number > 0", "POSITIVE");
/// A finite number >= 0.
inline const CLI::Validator non_negative_number = number_validator(
    [](double v) { return std::isfinite(v) && v >= 0; }, "a finite number >= 0", "NON-NEGATIVE");
/// A number strictly between 0 and 1.
inline const CLI::Validator open_unit_interval =
    number_validator([](double v) { return v > 0 && v < 1; }, "a number in (0, 1)", "(0,1)");

/// A finite number in [lo, hi] (the message gives the range and `unit`).
inline CLI::Validator number_in(double lo, double hi, std::string unit, std::string name) {
  return number_validator([lo, hi](double v) { return std::isfinite(v) && v >= lo && v <= hi; },
                          fmt::format("a number in [{}, {}]{}", lo, hi, unit), std::move(name));
}
/// A mass inside the library's domain (model::limits, [1e-9, 1e4] GeV).
inline const CLI::Validator mass_GeV =
    number_in(model::limits::mass_min_GeV, model::limits::mass_max_GeV, " GeV", "GEV");
/// An ε inside model::limits ([1e-20, 1]).
inline const CLI::Validator epsilon_value =
    number_in(model::limits::epsilon_min, model::limits::epsilon_max, "", "EPSILON");
/// An α_D inside model::limits ([1e-20, 4π]).
inline const CLI::Validator alpha_dark_value =
    number_in(model::limits::alpha_dark_min, model::limits::alpha_dark_max, " (4 pi)", "ALPHA_D");

/// A whole decimal number (digits only: no sign, exponent or fraction) in [lo, hi]. CLI11 alone
/// turns "-1" into SIZE_MAX for an unsigned option, and "1e11" points into a bad_alloc.
inline CLI::Validator count_in(std::uint64_t lo, std::uint64_t hi, std::string name) {
  return CLI::Validator(
      [lo, hi](std::string& s) -> std::string {
        const bool digits =
            !s.empty() && s.size() <= 19 && s.find_first_not_of("0123456789") == std::string::npos;
        if (digits) {
          const auto v = std::stoull(s);
          if (v >= lo && v <= hi) return {};
        }
        return fmt::format("must be a whole number in [{}, {}], got '{}'", lo, hi, s);
      },
      std::move(name));
}
/// Largest --threads: more threads than this only cost memory and start-up time (each worker
/// builds its own per-mass tables); 0 means all cores.
inline constexpr std::uint64_t max_threads = 1024;
/// --threads: 0 (all cores) to max_threads.
inline const CLI::Validator thread_count = count_in(0, max_threads, "THREADS");
/// --points of a scan: 1 to scan::max_grid_points (1e6).
inline const CLI::Validator point_count = count_in(1, 1'000'000, "POINTS");

// ---------------------------------------------------------------- model options
/// The common model options of docs/cli.md (defaults: the NA64 2021 benchmark).
struct model_options {
  double mass_aprime = 0;  // --m-aprime GEV
  double epsilon = 1e-3;   // --epsilon E
  double alpha_dark = 0.1;
  double mass_ratio = 3.0;  // m_A'/m_chi1
  double splitting = 0.4;   // Delta/m_chi1
  std::optional<double> mass_chi1{};

  /// The model point; throws semivisible::invalid_parameter on an unphysical combination, with
  /// the options the user gave in front of the library's message.
  [[nodiscard]] model::parameters<double> parameters() const {
    try {
      if (mass_chi1)
        return model::parameters<double>::from_mass_chi1(mass_aprime, epsilon, alpha_dark,
                                                         *mass_chi1, splitting);
      return model::parameters<double>::from_ratios(mass_aprime, epsilon, alpha_dark, mass_ratio,
                                                    splitting);
    } catch (const invalid_parameter& e) {
      const std::string given = mass_chi1
                                    ? fmt::format("--m-aprime {} --m-chi1 {} --splitting {}",
                                                  mass_aprime, *mass_chi1, splitting)
                                    : fmt::format("--m-aprime {} --mass-ratio {} --splitting {}",
                                                  mass_aprime, mass_ratio, splitting);
      throw invalid_parameter(fmt::format("invalid model point ({}): {}", given, e.what()));
    }
  }
};

/// Adds --m-aprime (required or not), --epsilon, --alpha-dark, --mass-ratio, --splitting, --m-chi1.
inline void add_model_options(CLI::App& app, model_options& o, bool require_mass_aprime = true,
                              bool with_epsilon = true) {
  auto* m =
      app.add_option("--m-aprime", o.mass_aprime, "Dark photon mass m_A' [GeV]")->check(mass_GeV);
  if (require_mass_aprime) m->required();
  if (with_epsilon)
    app.add_option("--epsilon", o.epsilon, "Kinetic mixing epsilon")
        ->check(epsilon_value)
        ->capture_default_str();
  app.add_option("--alpha-dark", o.alpha_dark, "Dark coupling alpha_D = g_D^2/4pi")
      ->check(alpha_dark_value)
      ->capture_default_str();
  app.add_option("--mass-ratio", o.mass_ratio, "m_A'/m_chi1 (ignored when --m-chi1 is given)")
      ->check(positive_number)
      ->capture_default_str();
  app.add_option("--splitting", o.splitting, "Mass splitting Delta/m_chi1")
      ->check(positive_number)
      ->capture_default_str();
  app.add_option_function<double>(
         "--m-chi1", [&o](const double& v) { o.mass_chi1 = v; },
         "chi1 mass [GeV] (overrides --mass-ratio)")
      ->check(mass_GeV);
}

// ---------------------------------------------------------------- output
enum class output_format { text, json, csv };

inline void add_format_option(CLI::App& app, output_format& f) {
  app.add_option("--format", f, "Output format: text, json or csv")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, output_format>{{"text", output_format::text},
                                               {"json", output_format::json},
                                               {"csv", output_format::csv}},
          CLI::ignore_case))
      ->default_str("text");
}

/// A value in a result record; std::monostate prints as JSON null / empty CSV / "n/a" text.
using value = std::variant<std::monostate, double, std::int64_t, bool, std::string>;
using record = std::vector<std::pair<std::string, value>>;

/// A double that is null when not finite (JSON has no inf/NaN).
inline value finite_or_null(double x) {
  return std::isfinite(x) ? value{x} : value{};
}

inline nlohmann::ordered_json to_json(const value& v) {
  return std::visit(
      [](const auto& x) -> nlohmann::ordered_json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return nullptr;
        else
          return x;
      },
      v);
}

inline nlohmann::ordered_json to_json(const record& r) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [k, v] : r) j[k] = to_json(v);
  return j;
}

inline std::string to_text(const value& v, bool csv = false) {
  return std::visit(
      [csv](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return csv ? std::string{} : std::string{"n/a"};
        else if constexpr (std::is_same_v<T, double>)
          return csv ? fmt::format("{}", x) : fmt::format("{:.6g}", x);
        else if constexpr (std::is_same_v<T, bool>)
          return x ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else
          return fmt::format("{}", x);
      },
      v);
}

/// Throws std::domain_error naming the key when a record holds a NaN or an infinity: results are
/// finite numbers or null (finite_or_null), whatever the format — never "nan", "-nan" or "inf".
inline void require_finite_values(const record& r) {
  for (const auto& [k, v] : r)
    if (const auto* d = std::get_if<double>(&v); d && !std::isfinite(*d))
      throw std::domain_error(fmt::format(
          "{} = {} is not a finite number; the inputs are outside the range this quantity can "
          "be computed in",
          k, *d));
}

/// Prints one result record: text "key  value" lines, a JSON object, or a CSV header + row.
/// `notes` are extra human-readable lines shown in text mode only. Throws std::domain_error
/// before printing anything when a value is not finite (require_finite_values).
inline void print_record(const record& r, output_format f,
                         const std::vector<std::string>& notes = {}) {
  require_finite_values(r);
  switch (f) {
    case output_format::json:
      fmt::print("{}\n", to_json(r).dump(2));
      break;
    case output_format::csv: {
      std::string header, row;
      for (std::size_t i = 0; i < r.size(); ++i) {
        header += (i ? "," : "") + r[i].first;
        row += (i ? "," : "") + to_text(r[i].second, true);
      }
      fmt::print("{}\n{}\n", header, row);
      break;
    }
    case output_format::text: {
      std::size_t w = 0;
      for (const auto& kv : r) w = std::max(w, kv.first.size());
      for (const auto& [k, v] : r) fmt::print("{:<{}}  {}\n", k, w, to_text(v));
      for (const auto& n : notes) fmt::print("# {}\n", n);
      break;
    }
  }
}

/// Prints a table of records sharing the same keys: text columns, a JSON array, or CSV.
inline void print_table(const std::vector<record>& rows, output_format f) {
  for (const auto& r : rows) require_finite_values(r);
  if (f == output_format::json) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& r : rows) j.push_back(to_json(r));
    fmt::print("{}\n", j.dump(2));
    return;
  }
  if (rows.empty()) return;
  const bool csv = f == output_format::csv;
  std::vector<std::size_t> w(rows.front().size(), 0);
  if (!csv) {
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = rows.front()[i].first.size();
    for (const auto& r : rows)
      for (std::size_t i = 0; i < r.size() && i < w.size(); ++i)
        w[i] = std::max(w[i], to_text(r[i].second).size());
  }
  std::string line;
  for (std::size_t i = 0; i < w.size(); ++i)
    line += csv ? (i ? "," : "") + rows.front()[i].first
                : fmt::format("{}{:>{}}", i ? "  " : "", rows.front()[i].first, w[i]);
  fmt::print("{}\n", line);
  for (const auto& r : rows) {
    line.clear();
    for (std::size_t i = 0; i < r.size() && i < w.size(); ++i)
      line += csv ? (i ? "," : "") + to_text(r[i].second, true)
                  : fmt::format("{}{:>{}}", i ? "  " : "", to_text(r[i].second), w[i]);
    fmt::print("{}\n", line);
  }
}

}  // namespace semivisible::cli
