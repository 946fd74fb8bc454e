// Tests of semivisible/scan/yield_cache.hpp: one model per key, and the ε and α_D planes give the
// same rows with and without the shared cache (the α_D plane then builds nothing new).
#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "semivisible/experiment/builtin.hpp"
#include "semivisible/scan/planes.hpp"
#include "semivisible/scan/yield_cache.hpp"

namespace ss = semivisible::scan;

namespace {
ss::plane_config cached_plane(ss::plane p, std::shared_ptr<ss::yield_cache> yields) {
  static const auto e = semivisible::experiment::builtin("na64-2016-2018");
  auto c = ss::make_plane_config(p, e);
  c.yields = std::move(yields);
  return c;
}

bool same_rows(const ss::exclusion_table& a, const ss::exclusion_table& b) {
  if (a.rows.size() != b.rows.size()) return false;
  for (std::size_t i = 0; i < a.rows.size(); ++i)
    if (a.rows[i].x != b.rows[i].x || a.rows[i].lower != b.rows[i].lower ||
        a.rows[i].upper != b.rows[i].upper)
      return false;
  return true;
}
}  // namespace

TEST_CASE("yield_cache: one model per key, built once", "[scan][yield-cache]") {
  ss::yield_cache cache;
  const auto e = semivisible::experiment::builtin("na64-2016-2018");
  int built = 0;
  auto at = [&](double m, double alpha) {
    const auto point = semivisible::model::parameters<double>::from_ratios(m, 1e-3, alpha, 3, 0.4);
    return cache.get("na64|*", point, {}, [&] {
      ++built;
      return std::make_shared<const semivisible::signal::yield_model>(e, point);
    });
  };
  const auto a = at(0.1, 0.1);
  CHECK(at(0.1, 0.1) == a);  // the same object, not rebuilt
  CHECK(built == 1);
  CHECK(at(0.1, 0.05) != a);  // another α_D is another key (it fixes the point's widths)
  CHECK(at(0.2, 0.1) != a);
  CHECK(built == 3);
  CHECK(cache.size() == 3);
}

TEST_CASE("the epsilon and alpha_D planes share their models through the cache",
          "[scan][yield-cache]") {
  const std::vector<double> xs{0.01, 0.1, 0.3};
  const ss::run_options two_threads{.threads = 2, .progress = false};
  const auto yields = std::make_shared<ss::yield_cache>();
  const auto eps_cached =
      ss::scan_plane(cached_plane(ss::plane::maprime_epsilon, yields), xs, two_threads);
  CHECK(yields->size() == xs.size());
  const auto alpha_cached =
      ss::scan_plane(cached_plane(ss::plane::maprime_alphadark, yields), xs, two_threads);
  CHECK(yields->size() == xs.size());  // nothing new: the α_D plane reused the ε plane's models
  const auto eps_plain =
      ss::scan_plane(cached_plane(ss::plane::maprime_epsilon, nullptr), xs, two_threads);
  const auto alpha_plain =
      ss::scan_plane(cached_plane(ss::plane::maprime_alphadark, nullptr), xs, two_threads);
  CHECK(same_rows(eps_cached, eps_plain));
  CHECK(same_rows(alpha_cached, alpha_plain));
  REQUIRE_FALSE(alpha_plain.rows.empty());
  CHECK(alpha_plain.rows[0].lower.has_value());  // something is excluded on the α_D plane
}
