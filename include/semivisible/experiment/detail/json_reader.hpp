// semivisible/experiment/detail/json_reader.hpp — typed, key-checked reading of a JSON object
// with the file and the key path in every message ("na64.json: regions[1].background = -1, but
// must be finite and >= 0"). Used by the experiment loader; unknown keys are errors.
#pragma once

#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"

namespace semivisible::experiment::detail {

/// A view of one JSON object at `path` inside `source` (a file name or "<json>").
class json_reader {
 public:
  json_reader(const nlohmann::json& j, std::string source, std::string path = {})
      : j_(j), source_(std::move(source)), path_(std::move(path)) {
    if (!j_.is_object())
      fail(fmt::format("{} must be a JSON object, got {}", where_or_root(), j_.type_name()));
  }

  [[noreturn]] void fail(std::string_view message) const {
    throw invalid_parameter(fmt::format("{}: {}", source_, message));
  }
  [[noreturn]] void fail_key(std::string_view key, std::string_view value,
                             std::string_view requirement) const {
    fail(fmt::format("{} = {}, but must be {}", key_path(key), value, requirement));
  }

  /// Every key must be one of `known`.
  void only_keys(std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : j_.items()) {
      bool ok = false;
      for (auto n : known) ok = ok || n == k;
      if (!ok) {
        std::string list;
        for (auto n : known) list += fmt::format("{}{}", list.empty() ? "" : ", ", n);
        fail(fmt::format("unknown key '{}' (known keys here: {})", key_path(k), list));
      }
    }
  }

  [[nodiscard]] bool has(std::string_view key) const { return j_.contains(std::string(key)); }
  [[nodiscard]] bool is_null(std::string_view key) const {
    return has(key) && j_.at(std::string(key)).is_null();
  }
  [[nodiscard]] const nlohmann::json& raw(std::string_view key) const {
    require(key);
    return j_.at(std::string(key));
  }

  /// A finite number (JSON has no NaN; 1e999 reads as inf and is refused here).
  [[nodiscard]] double number(std::string_view key) const { return as_number(raw(key), key); }
  [[nodiscard]] double number_or(std::string_view key, double fallback) const {
    return has(key) ? number(key) : fallback;
  }
  [[nodiscard]] double as_number(const nlohmann::json& v, std::string_view key) const {
    if (!v.is_number()) fail_key(key, v.dump(), "a number");
    const double x = v.get<double>();
    if (!std::isfinite(x)) fail_key(key, v.dump(), "finite");
    return x;
  }

  [[nodiscard]] std::string text(std::string_view key) const {
    const auto& v = raw(key);
    if (!v.is_string()) fail_key(key, v.dump(), "a string");
    return v.get<std::string>();
  }
  [[nodiscard]] std::string text_or(std::string_view key, std::string fallback) const {
    return has(key) ? text(key) : std::move(fallback);
  }

  [[nodiscard]] const nlohmann::json& array(std::string_view key) const {
    const auto& v = raw(key);
    if (!v.is_array()) fail_key(key, v.dump(), "an array");
    return v;
  }

  /// The object at `key` as a reader whose path extends this one.
  [[nodiscard]] json_reader object(std::string_view key) const {
    return json_reader(raw(key), source_, key_path(key));
  }
  /// Element `i` of the array at `key` as a reader.
  [[nodiscard]] json_reader element(std::string_view key, std::size_t i) const {
    return json_reader(array(key).at(i), source_, fmt::format("{}[{}]", key_path(key), i));
  }

  [[nodiscard]] std::string key_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
  }
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] const nlohmann::json& json() const noexcept { return j_; }

 private:
  void require(std::string_view key) const {
    if (!has(key)) fail(fmt::format("missing key '{}'", key_path(key)));
  }
  [[nodiscard]] std::string where_or_root() const {
    return path_.empty() ? std::string("the top level") : fmt::format("'{}'", path_);
  }

  const nlohmann::json& j_;
  std::string source_;
  std::string path_;
};

}  // namespace semivisible::experiment::detail
