// semivisible/survey/engine.hpp — the survival map: for every model point (m_A′, α_D, m_A′/m_χ1,
// Δ/m_χ1) of a survey grid and every experiment, the excluded ε intervals, and from them which
// experiments exclude the g−2 ε (central) and the relic ε, and how much of the ±2σ g−2 band is
// left allowed (issue 16, "The survival map"; docs/survey.md).
//
// Per point: the band ε_(g−2) (central, ±2σ) of physics/gm2.hpp at m_A′; the relic ε of
// survey/relic.hpp; for each experiment the excluded intervals of ε ∈ [epsilon_lo, epsilon_hi]
// (survey/constraint.hpp: the `scan` statistics and root finding); the allowed fraction of the
// band in ln ε, per experiment and for all together (survey/band.hpp).
// Loops: the work unit is a mass triple (m_A′, R, f) — everything expensive (spectra, A′ samples,
// χ2 boost tables, event-level acceptance tables, the relic nodes) is built once there — and the
// inner loop runs over α_D and, through root finding, ε. Triples run in parallel on all cores
// (std::jthread, a shared counter), each writes its own slot, and the table is assembled in
// point order: the output does not depend on thread timing, and shard K/N (triples with
// t mod N = K − 1) merged with the others is byte-identical to the single run (survey/table.hpp).
// A point that fails (a throwing precompute, a CLs fit or an edge that did not converge) is kept
// with its status and message; the survey goes on. Points with A′ → χ1χ2 closed (R ≤ 2 + f) have
// status `closed`. Progress: a bar on stderr while it is a terminal, nothing otherwise.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "semivisible/error.hpp"
#include "semivisible/physics/gm2.hpp"
#include "semivisible/scan/engine.hpp"
#include "semivisible/scan/intervals.hpp"
#include "semivisible/scan/shard.hpp"
#include "semivisible/survey/band.hpp"
#include "semivisible/survey/constraint.hpp"
#include "semivisible/survey/grid.hpp"
#include "semivisible/survey/relic.hpp"
#include "semivisible/survey/table.hpp"

namespace semivisible::survey {

/// Everything that defines a survey.
struct survey_config {
  grid axes{};
  std::vector<experiment_setup> experiments{};
  physics::gm2_discrepancy gm2 = physics::gm2_discrepancy_2021;
  /// The ε range searched for excluded intervals, and the root finding (scan/intervals.hpp).
  /// 48 seeds over 8 decades: the seed spacing of `scan` (32 over 5 decades) or finer.
  scan::interval_options intervals{1e-8, 1.0, 48, 1e-3, 100, 2};
  relic_settings relic{};
};

/// Options of run().
struct run_options {
  scan::shard_spec shard{};
  std::size_t threads = 0;  ///< 0: std::thread::hardware_concurrency()
  bool progress = true;     ///< a bar on stderr when stderr is a terminal
  std::string label = "survey";
};

/// The run's parameters (survey.json "parameters"; shards must agree on them to merge).
[[nodiscard]] inline nlohmann::ordered_json describe(const survey_config& c) {
  nlohmann::ordered_json j;
  j["grid"] = to_json(c.axes);
  auto ex = nlohmann::ordered_json::array();
  for (const auto& e : c.experiments) {
    nlohmann::ordered_json x;
    x["name"] = e.experiment.name;
    x["model"] = std::string(signal::to_string(e.yield.kind));
    x["exposure"] =
        e.yield.exposure == 0 ? e.experiment.beam.particles_on_target : e.yield.exposure;
    x["background_scale"] = e.background_scale;
    x["samples_per_node"] = e.yield.sampling.per_node;
    x["cl"] = e.experiment.analysis.cl;
    x["method"] = e.experiment.analysis.method;
    ex.push_back(std::move(x));
  }
  j["experiments"] = std::move(ex);
  j["gm2_delta_amu"] = c.gm2.value;
  j["gm2_delta_amu_error"] = c.gm2.error;
  j["epsilon_lo"] = c.intervals.lo;
  j["epsilon_hi"] = c.intervals.hi;
  j["seed_points"] = c.intervals.seed_points;
  j["relative_tolerance"] = c.intervals.relative_tolerance;
  j["relic"] = c.relic.enabled;
  j["relic_alpha_nodes"] = c.relic.alpha_nodes;
  return j;
}

/// The column names of a survey of these experiments (docs/survey.md lists their meaning).
[[nodiscard]] inline std::vector<std::string> column_names(const survey_config& c) {
  std::vector<std::string> n{"point_index",
                             "m_aprime_GeV",
                             "alpha_dark",
                             "mass_ratio",
                             "splitting",
                             "mass_chi1_GeV",
                             "status",
                             "epsilon_gm2_central",
                             "epsilon_gm2_2sigma_low",
                             "epsilon_gm2_2sigma_high",
                             "excluded_by",
                             "gm2_band_allowed_fraction",
                             "relic_epsilon",
                             "relic_excluded_by",
                             "relic_status"};
  for (const auto& e : c.experiments)
    for (const char* s : {".epsilon_lower", ".epsilon_upper", ".islands",
                          ".gm2_band_allowed_fraction", ".status", ".intervals"})
      n.push_back(e.experiment.name + s);
  n.push_back("message");
  return n;
}

namespace detail {

using json = nlohmann::ordered_json;

struct experiment_point {
  std::vector<scan::interval> intervals;
  solver_status status;
};

inline json number_or_null(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

inline std::string join(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ";") + n;
  return s;
}

/// One row from the point's results.
inline std::vector<json> make_row(const survey_config& c, std::size_t index, double m, double alpha,
                                  double ratio, double f,
                                  const physics::gm2_epsilon_band<double>* band,
                                  const relic_value* relic,
                                  const std::vector<experiment_point>* per_exp,
                                  std::string status_text, std::string message) {
  std::vector<json> r{json(index), json(m), json(alpha), json(ratio), json(f), json(m / ratio)};
  const std::size_t ne = c.experiments.size();
  if (!band || !per_exp) {  // closed or failed before anything was computed
    r.push_back(std::move(status_text));
    for (int k = 0; k < 8; ++k) r.emplace_back(nullptr);
    for (std::size_t e = 0; e < ne; ++e)
      for (int k = 0; k < 6; ++k) r.emplace_back(nullptr);
    r.push_back(message.empty() ? json(nullptr) : json(message));
    return r;
  }
  bool all_ok = true;
  std::vector<scan::interval> all;
  std::vector<std::string> central, relic_by;
  for (std::size_t e = 0; e < ne; ++e) {
    const auto& x = (*per_exp)[e];
    if (!x.status.ok()) {
      all_ok = false;
      if (message.empty())
        message = fmt::format("{}: {}", c.experiments[e].experiment.name, x.status.message);
      if (status_text == "ok") status_text = std::string(to_string(x.status.code));
    }
    all.insert(all.end(), x.intervals.begin(), x.intervals.end());
    if (excluded_at(x.intervals, band->central))
      central.push_back(c.experiments[e].experiment.name);
    if (relic && relic->epsilon && excluded_at(x.intervals, *relic->epsilon))
      relic_by.push_back(c.experiments[e].experiment.name);
  }
  r.push_back(status_text);
  r.emplace_back(band->central);
  r.emplace_back(band->two_sigma_low);
  r.emplace_back(band->two_sigma_high);
  r.emplace_back(join(central));
  r.push_back(all_ok ? json(allowed_fraction(all, band->two_sigma_low, band->two_sigma_high))
                     : json(nullptr));
  r.push_back(relic ? number_or_null(relic->epsilon) : json(nullptr));
  r.push_back(relic && relic->epsilon ? json(join(relic_by)) : json(nullptr));
  r.push_back(relic ? json(relic->status.ok() ? std::string("ok")
                                              : std::string(to_string(relic->status.code)))
                    : json("off"));
  for (std::size_t e = 0; e < ne; ++e) {
    const auto& x = (*per_exp)[e];
    const bool any = !x.intervals.empty();
    r.push_back(any ? json(x.intervals.front().lower) : json(nullptr));
    r.push_back(any ? json(x.intervals.back().upper) : json(nullptr));
    r.emplace_back(x.intervals.size());
    r.push_back(x.status.ok()
                    ? json(allowed_fraction(x.intervals, band->two_sigma_low, band->two_sigma_high))
                    : json(nullptr));
    r.emplace_back(std::string(to_string(x.status.code)));
    auto list = json::array();
    for (const auto& i : x.intervals) list.push_back(json::array({i.lower, i.upper}));
    r.push_back(std::move(list));
  }
  if (relic && !relic->status.ok() && message.empty())
    message = fmt::format("relic: {}", relic->status.message);
  r.push_back(message.empty() ? json(nullptr) : json(message));
  return r;
}

}  // namespace detail

/// Prepared survey: the constraints built once; rows_of_triple(t) is thread-safe.
class prepared_survey {
 public:
  explicit prepared_survey(survey_config c) : config_(std::move(c)) {
    validate(config_.axes);
    scan::validate(config_.intervals);
    if (config_.experiments.empty())
      throw invalid_parameter(
          "semivisible::survey::prepared_survey: experiments = (none), but must be >= 1");
    for (const auto& e : config_.experiments) constraints_.emplace_back(e);
    masses_ = values(config_.axes.mass_aprime);
    alphas_ = values(config_.axes.alpha_dark);
    ratios_ = values(config_.axes.mass_ratio);
    splittings_ = values(config_.axes.splitting);
  }

  [[nodiscard]] const survey_config& config() const noexcept { return config_; }

  /// The rows (α_D ascending) of mass triple t.
  [[nodiscard]] std::vector<std::vector<nlohmann::ordered_json>> rows_of_triple(
      std::size_t t) const {
    const auto i = triple_at(config_.axes, t);
    const double m = masses_[i.mass_aprime], ratio = ratios_[i.mass_ratio],
                 f = splittings_[i.splitting];
    std::vector<std::vector<nlohmann::ordered_json>> rows;
    rows.reserve(alphas_.size());
    const auto index = [&](std::size_t a) { return point_index(config_.axes, t, a); };
    if (!decay_open(ratio, f)) {
      for (std::size_t a = 0; a < alphas_.size(); ++a)
        rows.push_back(detail::make_row(config_, index(a), m, alphas_[a], ratio, f, nullptr,
                                        nullptr, nullptr, "closed", {}));
      return rows;
    }
    const auto fail_all = [&](status code, const std::string& message) {
      for (std::size_t a = 0; a < alphas_.size(); ++a)
        rows.push_back(detail::make_row(config_, index(a), m, alphas_[a], ratio, f, nullptr,
                                        nullptr, nullptr, std::string(to_string(code)), message));
      return rows;
    };
    physics::gm2_epsilon_band<double> band{};
    try {
      band = physics::gm2_band(m, config_.gm2);
    } catch (const std::exception& e) {
      return fail_all(status::invalid_input, fmt::format("g-2 band: {}", e.what()));
    }
    const auto relic = relic_epsilons(m / ratio, f, ratio, alphas_, config_.relic);
    // The per-mass precompute of every experiment, once for all α_D.
    std::vector<std::optional<constraint_at_masses>> at(constraints_.size());
    std::vector<solver_status> failed(constraints_.size());
    for (std::size_t e = 0; e < constraints_.size(); ++e) {
      try {
        at[e].emplace(constraints_[e].at(m, ratio, f));
      } catch (const invalid_parameter& x) {
        failed[e] = {status::invalid_input, x.what()};
      } catch (const std::exception& x) {
        failed[e] = {status::numerical_error, x.what()};
      }
    }
    std::vector<detail::experiment_point> per(constraints_.size());
    for (std::size_t a = 0; a < alphas_.size(); ++a) {
      for (std::size_t e = 0; e < constraints_.size(); ++e) {
        if (!at[e]) {
          per[e] = {{}, failed[e]};
          continue;
        }
        const auto r = at[e]->excluded(alphas_[a], config_.intervals);
        per[e] = {r.intervals, r.status};
      }
      rows.push_back(detail::make_row(config_, index(a), m, alphas_[a], ratio, f, &band,
                                      config_.relic.enabled ? &relic[a] : nullptr, &per, "ok", {}));
    }
    return rows;
  }

  /// Runs the triples of options.shard on all cores; the table's rows are in point order.
  [[nodiscard]] table run(const run_options& options = {}) const {
    const std::vector<std::size_t> triples =
        scan::shard_indices(config_.axes.triple_count(), options.shard);
    const std::size_t n = triples.size();
    std::vector<std::vector<std::vector<nlohmann::ordered_json>>> slots(n);
    std::size_t threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1));
    const bool progress = options.progress && n > 0 && scan::detail::stderr_is_terminal();
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex mutex;
    std::condition_variable finished;
    const auto work = [&] {
      for (std::size_t k = next.fetch_add(1); k < n; k = next.fetch_add(1)) {
        slots[k] = rows_of_triple(triples[k]);
        if (done.fetch_add(1) + 1 == n) {
          const std::lock_guard lock(mutex);
          finished.notify_all();
        }
      }
    };
    if (threads == 1 && !progress) {
      work();
    } else {
      std::vector<std::jthread> pool;
      pool.reserve(threads);
      for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
      if (progress) {
        std::unique_lock lock(mutex);
        while (!finished.wait_for(lock, std::chrono::milliseconds(200),
                                  [&] { return done.load() == n; }))
          scan::detail::draw_progress(options.label, done.load(), n);
        scan::detail::draw_progress(options.label, n, n);
        fmt::print(stderr, "\n");
      }
    }
    table out;
    out.parameters = describe(config_);
    out.shard = options.shard;
    out.point_count = config_.axes.point_count();
    out.columns = column_names(config_);
    for (const auto& name : out.columns)
      out.csv.push_back(!(name.ends_with(".intervals") || name == "message"));
    for (auto& s : slots)
      for (auto& r : s) out.rows.push_back(std::move(r));
    return out;
  }

 private:
  survey_config config_;
  std::vector<experiment_constraint> constraints_;
  std::vector<double> masses_, alphas_, ratios_, splittings_;
};

}  // namespace semivisible::survey
