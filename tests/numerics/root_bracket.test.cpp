// Tests of semivisible/numerics/root_bracket.hpp: functions with known roots (to the tolerance),
// non-monotone functions, no bracket, NaN/inf-producing functions (statuses, never an exception
// or a NaN value), agreement with Boost's bracket_and_solve_root evaluation by evaluation.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

#include <boost/math/tools/roots.hpp>

#include "semivisible/numerics/root_bracket.hpp"

namespace sn = semivisible::numerics;
using boost::math::tools::eps_tolerance;
using semivisible::status;

namespace {
/// |a − b| relative to |b|.
double rel(double a, double b) {
  return std::abs(a - b) / std::abs(b);
}
}  // namespace

TEST_CASE("toms748 finds known roots to the requested tolerance", "[numerics][root]") {
  // cos x = x: the Dottie number 0.739085133215160641655312087673873... (OEIS A003957).
  const double dottie = 0.7390851332151606416553;
  for (unsigned bits : {10U, 20U, 40U, 52U}) {
    const auto r = sn::toms748([](double x) { return std::cos(x) - x; }, 0.0, 1.0,
                               eps_tolerance<double>(bits), 100);
    REQUIRE(r.ok());
    // eps_tolerance(bits): the final bracket is ≤ 2^(1−bits) relative (≥ 4 ulp); the root is
    // inside it and the value is its middle.
    const double width = std::max(std::ldexp(1.0, 1 - static_cast<int>(bits)), 4 * 2.2e-16);
    CHECK(r.bracket.first <= dottie);
    CHECK(r.bracket.second >= dottie);
    CHECK(r.bracket.second - r.bracket.first <= width * dottie * 1.0001);
    CHECK(rel(r.value, dottie) <= width);
    CHECK(r.iterations >= 2);  // the two ends and at least one interior point
  }
  // x³ − 2 = 0: 2^(1/3), with the end values handed in (not re-evaluated).
  int calls = 0;
  const auto cube = [&](double x) {
    ++calls;
    return x * x * x - 2;
  };
  const auto r = sn::toms748(cube, 1.0, 2.0, -1.0, 6.0, eps_tolerance<double>(50), 100);
  REQUIRE(r.ok());
  CHECK(rel(r.value, std::cbrt(2.0)) < 1e-14);
  CHECK(r.iterations == static_cast<std::uintmax_t>(calls));
  // A root exactly at an end: that end, no evaluation.
  calls = 0;
  const auto at_end = sn::toms748(cube, std::cbrt(2.0), 3.0, 0.0, 25.0, eps_tolerance<double>(50));
  CHECK(at_end.ok());
  CHECK(at_end.value == std::cbrt(2.0));
  CHECK(calls == 0);
}

TEST_CASE("toms748 gives statuses, not exceptions or NaN", "[numerics][root][errors]") {
  // No sign change: no_bracket, value = the end with the smaller |f|.
  const auto nb =
      sn::toms748([](double x) { return x * x + 1; }, -1.0, 2.0, eps_tolerance<double>(40));
  CHECK(nb.status.code == status::no_bracket);
  CHECK_FALSE(nb.status.message.empty());
  CHECK(nb.value == -1.0);
  CHECK(nb.bracket == std::pair{-1.0, 2.0});
  // f is NaN inside the bracket: numerical_error at once, a finite value inside the bracket.
  const auto nan_inside =
      sn::toms748([](double x) { return x < 0.3 ? -1.0 : (x > 0.31 ? 1.0 : std::nan("")); }, 0.0,
                  1.0, eps_tolerance<double>(40));
  CHECK(nan_inside.status.code == status::numerical_error);
  CHECK(std::isfinite(nan_inside.value));
  CHECK(nan_inside.bracket.first >= 0.0);
  CHECK(nan_inside.bracket.second <= 1.0);
  // NaN at an end; +inf at an end (with the known-ends overload).
  const auto nan_end =
      sn::toms748([](double x) { return std::log(x); }, -1.0, 2.0, eps_tolerance<double>(40));
  CHECK(nan_end.status.code == status::numerical_error);
  CHECK(std::isfinite(nan_end.value));
  const auto inf_end =
      sn::toms748([](double x) { return x; }, -1.0, 1.0, -1.0,
                  std::numeric_limits<double>::infinity(), eps_tolerance<double>(40));
  CHECK(inf_end.status.code == status::numerical_error);
  CHECK(inf_end.value == -1.0);
  // The iteration limit before the tolerance: not_converged, the bracket reached, its middle.
  const auto slow =
      sn::toms748([](double x) { return std::cos(x) - x; }, 0.0, 1.0, eps_tolerance<double>(52), 3);
  CHECK(slow.status.code == status::not_converged);
  CHECK(slow.bracket.first <= 0.7390851332151607);
  CHECK(slow.bracket.second >= 0.7390851332151607);
  CHECK(slow.value == 0.5 * (slow.bracket.first + slow.bracket.second));
  // Bad arguments are programming errors: invalid_parameter naming them.
  CHECK_THROWS_AS(sn::toms748([](double x) { return x; }, 1.0, 1.0, eps_tolerance<double>(40)),
                  semivisible::invalid_parameter);
  CHECK_THROWS_AS(sn::toms748([](double x) { return x; }, -1.0, 1.0, eps_tolerance<double>(40), 0),
                  semivisible::invalid_parameter);
  // An exception thrown by f itself propagates unchanged.
  CHECK_THROWS_AS(sn::toms748([](double) -> double { throw std::runtime_error("mine"); }, 0.0, 1.0,
                              eps_tolerance<double>(40)),
                  std::runtime_error);
}

TEST_CASE("root_bracket: non-monotone functions, subdivisions and expansion", "[numerics][root]") {
  // (x − 1)(x − 2)(x − 3) on [0, 2.5]: the ends have opposite signs — the root found is one of
  // the two inside; on [0.5, 3.5] the ends agree in sign (−, +)… pick a function where they agree:
  // sin x on [0.5, 6.0]: sin 0.5 > 0, sin 6 < 0 → root π. On [0.5, 9.0] both ends > 0: no sign
  // change at the ends, the scan of 8 interior points finds the first crossing, π.
  const auto pi = std::numbers::pi;
  const auto ends =
      sn::root_bracket([](double x) { return std::sin(x); }, 0.5, 6.0, eps_tolerance<double>(45));
  REQUIRE(ends.ok());
  CHECK(rel(ends.value, pi) < 1e-12);
  sn::bracket_options scan;
  scan.subdivisions = 8;
  const auto inner = sn::root_bracket([](double x) { return std::sin(x); }, 0.5, 9.0,
                                      eps_tolerance<double>(45), scan);
  REQUIRE(inner.ok());
  CHECK(rel(inner.value, pi) < 1e-12);
  // Without the scan: no_bracket (the function is not monotone and both ends are positive).
  const auto none =
      sn::root_bracket([](double x) { return std::sin(x); }, 0.5, 9.0, eps_tolerance<double>(45));
  CHECK(none.status.code == status::no_bracket);
  CHECK(std::isfinite(none.value));
  // Expansion upwards: ln x = 5 from [1, 2] (root e^5 = 148.41…), width doubling.
  sn::bracket_options up;
  up.expand = sn::expansion::upper;
  const auto grown = sn::root_bracket([](double x) { return std::log(x) - 5; }, 1.0, 2.0,
                                      eps_tolerance<double>(45), up);
  REQUIRE(grown.ok());
  CHECK(rel(grown.value, std::exp(5.0)) < 1e-12);
  CHECK(grown.bracket.first > 2.0);  // the walked interval, not the start
  // Expansion downwards and both ways: x = −7 from [0, 1]; x = 40 from [−1, 1].
  sn::bracket_options down;
  down.expand = sn::expansion::lower;
  const auto left =
      sn::root_bracket([](double x) { return x + 7; }, 0.0, 1.0, eps_tolerance<double>(45), down);
  REQUIRE(left.ok());
  CHECK(left.value == Approx(-7.0).epsilon(1e-12));
  sn::bracket_options both;
  both.expand = sn::expansion::both;
  const auto wide =
      sn::root_bracket([](double x) { return x - 40; }, -1.0, 1.0, eps_tolerance<double>(45), both);
  REQUIRE(wide.ok());
  CHECK(wide.value == Approx(40.0).epsilon(1e-12));
  // Expansion that never brackets (x² + 1): no_bracket after max_expansions, finite value.
  up.max_expansions = 10;
  const auto never =
      sn::root_bracket([](double x) { return x * x + 1; }, 1.0, 2.0, eps_tolerance<double>(45), up);
  CHECK(never.status.code == status::no_bracket);
  CHECK(never.iterations == 12);  // two ends + ten widenings
  CHECK(std::isfinite(never.value));
  // Expansion into a NaN region (ln of a negative number): numerical_error, no exception.
  const auto into_nan = sn::root_bracket([](double x) { return std::log(x) + 10; }, 1.0, 2.0,
                                         eps_tolerance<double>(45), down);
  CHECK(into_nan.status.code == status::numerical_error);
  CHECK(std::isfinite(into_nan.value));
  CHECK_THROWS_AS(sn::root_bracket([](double x) { return x; }, 2.0, 1.0, eps_tolerance<double>(40)),
                  semivisible::invalid_parameter);
  sn::bracket_options bad;
  bad.factor = 1.0;
  CHECK_THROWS_AS(
      sn::root_bracket([](double x) { return x; }, -1.0, 1.0, eps_tolerance<double>(40), bad),
      semivisible::invalid_parameter);
}

TEST_CASE("bracket_and_solve equals Boost's bracket_and_solve_root evaluation by evaluation",
          "[numerics][root]") {
  // The same walk and solve as boost::math::tools::bracket_and_solve_root: identical brackets,
  // identical counts, identical sequences of evaluated points.
  struct recorder {
    std::vector<double>* xs;
    double operator()(double x) const {
      xs->push_back(x);
      return std::log(x) + 0.3 * std::log1p(x) - 2.0;  // rising, root ≈ 4.44
    }
  };
  const auto tol = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::min(a, b); };
  for (double guess : {1e-3, 0.5, 5.0, 3e4}) {
    std::vector<double> ours, theirs;
    const auto r = sn::bracket_and_solve(recorder{&ours}, guess, 1.1, true, tol, 60);
    std::uintmax_t iterations = 60;
    const auto boost_pair = boost::math::tools::bracket_and_solve_root(recorder{&theirs}, guess,
                                                                       1.1, true, tol, iterations);
    CHECK(r.iterations == iterations);
    CHECK(ours == theirs);
    CHECK(r.bracket.first == std::min(boost_pair.first, boost_pair.second));
    CHECK(r.bracket.second == std::max(boost_pair.first, boost_pair.second));
    CHECK(r.status.ok() == (iterations < 60));
  }
  // No root at all (f > 0 everywhere, walking down): Boost throws; we return no_bracket.
  const auto none = sn::bracket_and_solve([](double x) { return x + 1.0; }, 1.0, 2.0, true,
                                          eps_tolerance<double>(40), 20);
  CHECK(none.status.code == status::no_bracket);
  CHECK(std::isfinite(none.value));
  // NaN during the walk: numerical_error.
  const auto nan_walk =
      sn::bracket_and_solve([](double x) { return x > 10 ? std::nan("") : x - 100; }, 1.0, 2.0,
                            true, eps_tolerance<double>(40), 60);
  CHECK(nan_walk.status.code == status::numerical_error);
  CHECK(std::isfinite(nan_walk.value));
}
