// python/src/physics.cpp — widths and decay lengths (physics/chi2_width.hpp, aprime_width.hpp,
// decay_length.hpp): functions of one sv.Parameters, and vectorised forms over mass arrays.
#include <array>
#include <cmath>
#include <limits>

#include "common.hpp"
#include "semivisible/constants.hpp"
#include "semivisible/model/parameters.hpp"
#include "semivisible/physics/aprime_width.hpp"
#include "semivisible/physics/chi2_width.hpp"
#include "semivisible/physics/decay_length.hpp"
#include "semivisible/physics/r_ratio.hpp"

namespace semivisible::python {

namespace {

using parameters = model::parameters<double>;

/// The keys of sv.widths(), those of `semivisible width --format json` (docs/cli.md).
constexpr std::array<const char*, 20> width_keys = {"mass_aprime_GeV",
                                                    "mass_chi1_GeV",
                                                    "mass_chi2_GeV",
                                                    "splitting_GeV",
                                                    "epsilon",
                                                    "alpha_dark",
                                                    "gamma_chi2_exact_GeV",
                                                    "gamma_chi2_kfactor_GeV",
                                                    "k_factor",
                                                    "gamma_chi2_mumu_GeV",
                                                    "gamma_chi2_total_GeV",
                                                    "ctau_chi2_m",
                                                    "gamma_aprime_chi1chi2_GeV",
                                                    "gamma_aprime_ee_GeV",
                                                    "gamma_aprime_mumu_GeV",
                                                    "gamma_aprime_total_GeV",
                                                    "br_aprime_chi1chi2",
                                                    "br_aprime_ee",
                                                    "br_aprime_mumu",
                                                    "ctau_aprime_m"};

/// Every value of the `width` command at one point, in width_keys order.
std::array<double, width_keys.size()> width_row(const parameters& p) {
  const double ee = physics::chi2_width_exact(p);
  const double mumu = physics::chi2_width_muons(p);
  const double total = ee + mumu;
  const auto a = physics::aprime_width(p);
  return {p.mass_aprime(),
          p.mass_chi1(),
          p.mass_chi2(),
          p.splitting(),
          p.epsilon(),
          p.alpha_dark(),
          ee,
          physics::chi2_width_kfactor(p),
          physics::k_factor(p),
          mumu,
          total,
          physics::proper_decay_length(total),
          a.chi1chi2,
          a.electrons,
          a.muons,
          a.total(),
          a.branching_chi1chi2(),
          a.branching_electrons(),
          a.branching_muons(),
          physics::proper_decay_length(a.total())};
}

py::dict widths(const py::object& m_aprime, const py::object& epsilon, const py::object& alpha_dark,
                const py::object& mass_ratio, const py::object& splitting, const py::object& m_chi1,
                const py::object& energy_chi2) {
  const bool direct = !m_chi1.is_none();
  const bool lab = !energy_chi2.is_none();
  const py::object chi1 = direct ? m_chi1 : py::object(py::float_(0.0));
  const py::object energy = lab ? energy_chi2 : py::object(py::float_(0.0));
  const broadcast_arrays in(
      {m_aprime, epsilon, alpha_dark, mass_ratio, splitting, chi1, energy},
      {"m_aprime", "epsilon", "alpha_dark", "mass_ratio", "splitting", "m_chi1", "energy_chi2"});
  std::vector<double_array> out;
  std::vector<double*> ptr;
  for (std::size_t k = 0; k < width_keys.size() + 1; ++k) {
    out.push_back(in.make_output());
    ptr.push_back(output_data(out.back()));
  }
  {
    const py::gil_scoped_release release;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const double ma = in(0, i), eps = in(1, i), ad = in(2, i);
      const parameters p = direct ? parameters::from_mass_chi1(ma, eps, ad, in(5, i), in(4, i))
                                  : parameters::from_ratios(ma, eps, ad, in(3, i), in(4, i));
      const auto row = width_row(p);
      for (std::size_t k = 0; k < row.size(); ++k) ptr[k][i] = row[k];
      if (lab) {
        const double e = in(6, i);
        if (!(e >= p.mass_chi2()))
          semivisible::detail::throw_invalid("semivisible.widths", "energy_chi2", e,
                                             fmt::format(">= m_chi2 = {} GeV", p.mass_chi2()));
        ptr[width_keys.size()][i] =
            physics::lab_decay_length(p.mass_chi2(), e, row[10]);  // row[10]: Γ_total(χ2)
      }
    }
  }
  py::dict d;
  for (std::size_t k = 0; k < width_keys.size(); ++k)
    d[width_keys[k]] = scalar_or_array(out[k], in.scalar());
  if (lab) {
    double_array e = in.make_output();
    double* o = output_data(e);
    for (std::size_t i = 0; i < in.size(); ++i) o[i] = in(6, i);
    d["energy_chi2_GeV"] = scalar_or_array(e, in.scalar());
    d["decay_length_chi2_m"] = scalar_or_array(out.back(), in.scalar());
  }
  return d;
}

}  // namespace

void bind_physics(py::module_& m) {
  m.attr("k_factor_na64_2021") = physics::k_factor_na64_2021;

  // ---- functions of one model point
  m.def("chi2_width_exact", &physics::chi2_width_exact<double>, py::arg("p"),
        "Exact leading-order Gamma(chi2 -> chi1 e+ e-) [GeV] with the physical electron mass "
        "(docs/formula-notes.md 1.1); 0 when Delta <= 2 m_e.");
  m.def("chi2_width_kfactor", &physics::chi2_width_kfactor<double>, py::arg("p"),
        py::arg("k_factor") = physics::k_factor_na64_2021,
        "The NA64 2021 paper's Eq. 2, K 4 eps^2 alpha alpha_D Delta^5 / (15 pi m_A'^4) [GeV], "
        "K = 0.640 by default.");
  m.def("chi2_width_muons", &physics::chi2_width_muons<double>, py::arg("p"),
        "Gamma(chi2 -> chi1 mu+ mu-) [GeV]; 0 when Delta <= 2 m_mu.");
  m.def("chi2_width_total", &physics::chi2_width_total<double>, py::arg("p"),
        "All open chi2 channels (e+e-, mu+mu-) [GeV].");
  m.def("chi2_width_to_leptons", &physics::chi2_width_to_leptons<double>, py::arg("p"),
        py::arg("m_lepton"),
        "Gamma(chi2 -> chi1 l+ l-) [GeV] for a lepton of mass m_lepton [GeV].");
  m.def("k_factor", &physics::k_factor<double>, py::arg("p"),
        "K = Gamma_exact / (Eq. 2 with K = 1) at p; 0 when the e+e- channel is closed.");
  m.def("chi2_proper_decay_length", &physics::chi2_proper_decay_length<double>, py::arg("p"),
        "c tau of chi2 = hbar c / Gamma_total [m]; inf when chi2 cannot decay (Delta <= 2 m_e).");

  using widths_t = physics::aprime_widths<double>;
  py::class_<widths_t>(m, "AprimeWidths", "Partial widths of the A' at a model point [GeV].")
      .def_readonly("chi1chi2", &widths_t::chi1chi2, "Gamma(A' -> chi1 chi2) [GeV]")
      .def_readonly("electrons", &widths_t::electrons, "Gamma(A' -> e+ e-) [GeV]")
      .def_readonly("muons", &widths_t::muons, "Gamma(A' -> mu+ mu-) [GeV]")
      .def_property_readonly("total", &widths_t::total, "sum of the three [GeV]")
      .def_property_readonly("branching_chi1chi2", &widths_t::branching_chi1chi2,
                             "BR(A' -> chi1 chi2)")
      .def_property_readonly("branching_electrons", &widths_t::branching_electrons,
                             "BR(A' -> e+ e-)")
      .def_property_readonly("branching_muons", &widths_t::branching_muons, "BR(A' -> mu+ mu-)")
      .def("__repr__", [](const widths_t& w) {
        return fmt::format("AprimeWidths(chi1chi2={}, electrons={}, muons={})", w.chi1chi2,
                           w.electrons, w.muons);
      });
  m.def("aprime_width", &physics::aprime_width<double>, py::arg("p"),
        "All A' partial widths at p (A' -> chi1 chi2, e+e-, mu+mu-) [GeV].");

  // ---- vectorised over arrays
  m.def("widths", &widths, py::arg("m_aprime"), py::arg("epsilon") = 1e-3,
        py::arg("alpha_dark") = 0.1, py::arg("mass_ratio") = 3.0, py::arg("splitting") = 0.4,
        py::arg("m_chi1") = py::none(), py::arg("energy_chi2") = py::none(),
        "chi2 and A' widths [GeV], K factor and decay lengths [m] over arrays (numpy "
        "broadcasting): a dict with the keys of `semivisible width --format json` (ctau_chi2_m is "
        "inf where chi2 cannot decay). m_aprime [GeV]; splitting = Delta/m_chi1; m_chi1 [GeV] "
        "replaces mass_ratio when given; energy_chi2 [GeV] adds decay_length_chi2_m. Floats for "
        "scalar input.");
  m.def(
      "aprime_width_chi1chi2",
      [](const py::object& ma, const py::object& ad, const py::object& m1, const py::object& m2) {
        return elementwise<4>({ma, ad, m1, m2}, {"m_aprime", "alpha_dark", "m_chi1", "m_chi2"},
                              [](const std::array<double, 4>& x) {
                                return physics::aprime_width_chi1chi2(x[0], x[1], x[2], x[3]);
                              });
      },
      py::arg("m_aprime"), py::arg("alpha_dark"), py::arg("m_chi1"), py::arg("m_chi2"),
      "Gamma(A' -> chi1 chi2) [GeV] (Izaguirre et al. 2017); 0 when closed. Arrays broadcast.");
  m.def(
      "aprime_width_leptons",
      [](const py::object& ma, const py::object& eps, const py::object& ml) {
        return elementwise<3>({ma, eps, ml}, {"m_aprime", "epsilon", "m_lepton"},
                              [](const std::array<double, 3>& x) {
                                return physics::aprime_width_leptons(x[0], x[1], x[2]);
                              });
      },
      py::arg("m_aprime"), py::arg("epsilon"), py::arg("m_lepton") = constants::mass_electron,
      "Gamma(A' -> l+ l-) [GeV] for a lepton of mass m_lepton [GeV] (default e); 0 below "
      "threshold. Arrays broadcast.");
  m.def(
      "aprime_width_hadrons",
      [](const py::object& ma, const py::object& eps) {
        return elementwise<2>({ma, eps}, {"m_aprime", "epsilon"},
                              [](const std::array<double, 2>& x) {
                                return physics::aprime_width_hadrons(x[0], x[1]);
                              });
      },
      py::arg("m_aprime"), py::arg("epsilon"),
      "Gamma(A' -> hadrons) = eps^2 alpha m_A' R_had / 3 [GeV]. Arrays broadcast.");
  m.def(
      "aprime_visible_widths",
      [](const py::object& ma, const py::object& eps) {
        const broadcast_arrays in({ma, eps}, {"m_aprime", "epsilon"});
        std::array<double_array, 5> out{in.make_output(), in.make_output(), in.make_output(),
                                        in.make_output(), in.make_output()};
        std::array<double*, 5> o{};
        for (std::size_t k = 0; k < out.size(); ++k) o[k] = output_data(out[k]);
        {
          const py::gil_scoped_release release;
          for (std::size_t i = 0; i < in.size(); ++i) {
            const auto w = physics::aprime_visible_widths(in(0, i), in(1, i));
            o[0][i] = w.electrons;
            o[1][i] = w.muons;
            o[2][i] = w.taus;
            o[3][i] = w.hadrons;
            o[4][i] = w.total();
          }
        }
        py::dict d;
        const char* keys[] = {"electrons", "muons", "taus", "hadrons", "total"};
        for (std::size_t k = 0; k < out.size(); ++k)
          d[keys[k]] = scalar_or_array(out[k], in.scalar());
        return d;
      },
      py::arg("m_aprime"), py::arg("epsilon"),
      "Partial widths [GeV] of the minimal (visible) dark photon, which has no dark decays: a "
      "dict of electrons, muons, taus, hadrons, total; broadcasts.");
  m.def(
      "r_ratio_hadrons",
      [](const py::object& s) {
        return elementwise<1>({s}, {"s"}, [](const std::array<double, 1>& x) {
          return physics::r_ratio_hadrons(x[0]);
        });
      },
      py::arg("s"),
      "The model's hadronic R(s) = sigma(e+e- -> hadrons)/sigma_pt(mu mu) at s [GeV^2] "
      "(pi+pi- Gounaris-Sakurai + continuum; physics/r_ratio.hpp); broadcasts.");
  m.def(
      "proper_decay_length",
      [](const py::object& w) {
        return elementwise<1>({w}, {"width"}, [](const std::array<double, 1>& x) {
          return physics::proper_decay_length(x[0]);
        });
      },
      py::arg("width"), "c tau = hbar c / Gamma [m] for a width [GeV]; inf for 0.");
  m.def(
      "beta_gamma",
      [](const py::object& mass, const py::object& energy) {
        return elementwise<2>(
            {mass, energy}, {"mass", "energy"},
            [](const std::array<double, 2>& x) { return physics::beta_gamma(x[0], x[1]); });
      },
      py::arg("mass"), py::arg("energy"), "beta gamma = p/m for mass and energy >= mass [GeV].");
  m.def(
      "lab_decay_length",
      [](const py::object& mass, const py::object& energy, const py::object& width) {
        return elementwise<3>({mass, energy, width}, {"mass", "energy", "width"},
                              [](const std::array<double, 3>& x) {
                                return physics::lab_decay_length(x[0], x[1], x[2]);
                              });
      },
      py::arg("mass"), py::arg("energy"), py::arg("width"),
      "Lab decay length beta gamma c tau [m] for mass, energy, width [GeV].");
}

}  // namespace semivisible::python
