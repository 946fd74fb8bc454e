// Tests of semivisible/production/k_factor.hpp against docs/formula-notes.md §3.2 and §3.3.
#include <catch2/catch.hpp>

#include "semivisible/production/k_factor.hpp"

namespace sp = semivisible::production;

TEST_CASE("K at E0 = 100 GeV equals the docs/formula-notes.md §3.2 column",
          "[production][kfactor]") {
  // The notes round the DMG4 table to 4-5 digits: tolerance 1e-4 absolute.
  const double m[] = {0.001, 0.010, 0.030, 0.040, 0.100, 0.200, 0.500, 1.000};
  const double k[] = {0.6046, 1.0827, 1.2926, 1.3732, 1.6512, 1.8881, 1.9220, 2.1444};
  for (int i = 0; i < 8; ++i) CHECK(sp::k_factor_etl(m[i], 100.0) == Approx(k[i]).margin(1e-4));
}

TEST_CASE("K bilinear interpolation reproduces the DMG4 reference point (T16)",
          "[production][kfactor]") {
  // docs/formula-notes.md §3.3: K(16.7 MeV, 150 GeV) = 1.1460 (4 digits).
  CHECK(sp::k_factor_etl(0.0167, 150.0) == Approx(1.1460).margin(1e-4));
  // The fixed 30/40 MeV grid: K rises monotonically between 20 and 50 MeV (the old 0.3/0.4 typo
  // broke it).
  double previous = 0;
  for (double m = 0.020; m <= 0.050; m += 0.002) {
    const double k = sp::k_factor_etl(m, 100.0);
    CHECK(k > previous);
    previous = k;
  }
}

TEST_CASE("K outside the table uses the edge values and says so", "[production][kfactor]") {
  CHECK(sp::k_factor_in_table(0.1, 100.0));
  CHECK_FALSE(sp::k_factor_in_table(2.0, 100.0));
  CHECK_FALSE(sp::k_factor_in_table(0.1, 10.0));
  CHECK(sp::k_factor_etl(2.0, 100.0) == sp::k_factor_etl(1.0, 100.0));
  CHECK(sp::k_factor_etl(0.1, 10.0) == sp::k_factor_etl(0.1, 20.0));
  CHECK_THROWS_WITH(sp::k_factor_etl(0.0, 100.0), Catch::Contains("mass_aprime = 0"));
}
