// Tests of semivisible/production/k_factor_material.hpp: σ_WW, K_WW and the material-aware K.
#include <catch2/catch.hpp>

#include <cmath>

#include "semivisible/error.hpp"
#include "semivisible/production/k_factor_material.hpp"

namespace sp = semivisible::production;

TEST_CASE("photon_flux_between reproduces photon_flux at the IWW limits", "[production][kfactor]") {
  for (double m : {0.001, 0.05, 0.5})
    CHECK(sp::photon_flux_between(std::pow(m, 4) / (4 * 100.0 * 100.0), m * m, sp::lead) ==
          Approx(sp::photon_flux(m, 100.0, sp::lead)).epsilon(1e-10));
  CHECK(sp::photon_flux_between(1.0, 0.5, sp::lead) == 0.0);
}

TEST_CASE("sigma_WW and K_WW against the independent Python quadrature", "[production][kfactor]") {
  // tests/production/k_factor_material_check.py (scipy quad, no tables; 2026-12-01):
  struct row {
    const sp::target_material* mat;
    double m, e0, sigma, k;
  };
  const row ref[] = {
      {&sp::lead, 0.1, 100.0, 3.60730225e+01, 1.263942},
      {&sp::lead, 0.01, 20.0, 2.28320288e+03, 1.045720},
      {&sp::material_aluminium.atoms, 0.1, 20.0, 7.19744076e-01, 1.415955},
      {&sp::material_aluminium.atoms, 1.0, 20.0, 7.29908973e-04, 1.393269},
  };
  for (const auto& r : ref) {
    INFO("Z = " << r.mat->atomic_number << " m = " << r.m << " E0 = " << r.e0);
    // The χ(t_min) spline (1e-6) and the 1e-6 quadrature tolerances: 1e-4.
    CHECK(sp::ww_total_cross_section(r.m, r.e0, *r.mat) == Approx(r.sigma).epsilon(1e-4));
    CHECK(sp::k_factor_ww(r.m, r.e0, *r.mat) == Approx(r.k).epsilon(1e-4));
  }
}

TEST_CASE("K_WW against DMG4's exact-tree-level table on lead", "[production][kfactor]") {
  // WW with the exact t_min(x, θ) is NOT the exact tree level: measured K_WW/K_DMG4 (2026-12-01,
  // docs/physics-shower.md §4): 1.24 (1 MeV), 0.99 (5 MeV), 0.91 (10 MeV), 0.77 (100 MeV),
  // 0.59–0.72 (1 GeV) at 20 and 100 GeV — the size of the WW–ETL differences found by
  // Voronchikhin & Kirpichnikov (arXiv:2409.12748: −20 % … +80 % for electrons). Hence the
  // material-aware K uses WW only for the ratio between materials. Pinned here (2 %) so that a
  // change of the WW integral or of the DMG4 table shows.
  struct row {
    double m, e0, ratio;
  };
  for (const auto& r :
       {row{0.001, 100.0, 1.2422}, row{0.01, 100.0, 0.9159}, row{0.1, 100.0, 0.7655},
        row{1.0, 100.0, 0.6989}, row{0.01, 20.0, 0.9110}, row{1.0, 20.0, 0.5904}}) {
    INFO("m = " << r.m << " E0 = " << r.e0);
    CHECK(sp::k_factor_ww(r.m, r.e0, sp::lead) / sp::k_factor_etl(r.m, r.e0) ==
          Approx(r.ratio).epsilon(0.02));
  }
}

TEST_CASE("material-aware K factor", "[production][kfactor]") {
  // Lead: exactly DMG4's table (so that the lead spectra equal aprime_spectrum.hpp).
  CHECK(sp::k_factor_for(0.05, 100.0, sp::lead) == sp::k_factor_etl(0.05, 100.0));
  // Tungsten (Z = 74) is close to lead: the WW ratio moves K by < 1 %.
  const double kw = sp::k_factor_for(0.05, 100.0, sp::material_tungsten.atoms);
  CHECK(kw == Approx(sp::k_factor_etl(0.05, 100.0)).epsilon(0.01));
  CHECK(kw != sp::k_factor_etl(0.05, 100.0));
  // Aluminium: the ratio is the one of K_WW (definition), and differs from lead at large m.
  const double kal = sp::k_factor_for(1.0, 20.0, sp::material_aluminium.atoms);
  CHECK(kal / sp::k_factor_etl(1.0, 20.0) ==
        Approx(sp::k_factor_ww(1.0, 20.0, sp::material_aluminium.atoms) /
               sp::k_factor_ww(1.0, 20.0, sp::lead))
            .epsilon(1e-12));
  CHECK(kal / sp::k_factor_etl(1.0, 20.0) < 0.85);
  // Outside DMG4's grid a non-lead material throws unless edge values are asked for.
  CHECK_THROWS_AS(sp::k_factor_for(0.05, 10.0, sp::material_aluminium.atoms),
                  semivisible::domain_error);
  CHECK_THROWS_WITH(sp::k_factor_for(2.0, 100.0, sp::material_iron.atoms),
                    Catch::Contains("other than lead"));
  const double edge = sp::k_factor_for(0.05, 10.0, sp::material_aluminium.atoms,
                                       sp::k_factor_edges::use_edge_values);
  CHECK(edge == Approx(sp::k_factor_etl(0.05, 20.0) *
                       sp::k_factor_ww(0.05, 10.0, sp::material_aluminium.atoms) /
                       sp::k_factor_ww(0.05, 10.0, sp::lead))
                    .epsilon(1e-12));
}
