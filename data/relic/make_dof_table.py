#!/usr/bin/python3
"""Generates the effective numbers of relativistic degrees of freedom g_eff(T), h_eff(T) and
g_*^{1/2}(T) used by semivisible::relic, written to data/relic/dof_table.csv and to the C++
header include/semivisible/relic/detail/dof_table.hpp.

Method (our own calculation, documented in docs/physics.md section 8):
  * every species is an ideal Bose/Fermi gas at zero chemical potential with its full mass
    dependence:  g_eff = sum_i g_i (15/pi^4) int_z^inf u^2 sqrt(u^2-z^2)/(e^u -+ 1) du,
    h_eff = sum_i g_i (45/(4 pi^4)) [int u^2 sqrt(u^2-z^2)/(e^u-+1) + (1/3) int (u^2-z^2)^{3/2}/(e^u-+1)],
    z = m_i/T  (Kolb & Turner, The Early Universe (1990), eqs. 3.60-3.62; Gondolo & Gelmini
    NPB 360 (1991) 145, eq. 2.3 for g_*^{1/2});
  * neutrinos decouple instantaneously at T_nu,dec = 2 MeV; below it T_nu/T = (h_gamma+e+...(T) /
    h_gamma+e+...(T_dec))^{1/3}, i.e. comoving entropy of the photon bath is conserved
    (Kolb & Turner section 3.4); this gives exactly h_eff -> 3.909 and g_eff -> 3.363 for T << m_e;
  * below the QCD crossover a hadron gas (pi, K, eta, rho, omega, K*, eta', phi, nucleons), above
    it free quarks (u, d, s, c, b, t) and gluons; the two are joined by the weight
    S(T) = (1 + tanh((T - 0.17 GeV)/0.02 GeV))/2 -- a crude model of the lattice crossover
    (Borsanyi et al. 2016 put the crossover at T ~ 0.15-0.2 GeV); error there ~ +-15 %;
  * g_*^{1/2} = h_eff/sqrt(g_eff) (1 + (T/3 h_eff) dh_eff/dT), derivative by central differences
    of h_eff on a finer grid.
The header is then formatted with clang-format -i (the numbers are unchanged).
Masses: PDG 2022.  Precision: the integrals are done by the trapezoidal rule in v = sqrt(u - z)
on 6000 points (relative error < 1e-10 for the massless limits, checked below).
"""
import math
import os
import numpy as np

T_DEC_NU = 2e-3  # GeV
T_C, DT_C = 0.17, 0.02

# (mass GeV, internal dof, +1 boson / -1 fermion)
ALWAYS = [  # in equilibrium with the photons at all T (neutrinos handled separately)
    (0.0, 2, +1),              # photon
    (0.51099895e-3, 4, -1),    # e+-
    (0.1056583755, 4, -1),     # mu+-
    (1.77686, 4, -1),          # tau+-
    (80.377, 6, +1),           # W+-
    (91.1876, 3, +1),          # Z
    (125.25, 1, +1),           # Higgs
]
HADRONS = [
    (0.13957039, 2, +1), (0.1349768, 1, +1),     # pi+-, pi0
    (0.493677, 2, +1), (0.497611, 2, +1),        # K+-, K0 K0bar
    (0.547862, 1, +1),                           # eta
    (0.77526, 9, +1), (0.78266, 3, +1),          # rho, omega
    (0.89555, 12, +1),                           # K*(892)
    (0.95778, 1, +1), (1.019461, 3, +1),         # eta', phi
    (0.93827208816, 4, -1), (0.93956542052, 4, -1),  # p pbar, n nbar
]
PARTONS = [
    (0.0, 16, +1),                               # gluons
    (0.00216, 12, -1), (0.00467, 12, -1), (0.0934, 12, -1),  # u d s (MSbar at 2 GeV)
    (1.27, 12, -1), (4.18, 12, -1), (172.69, 12, -1),       # c b t
]

V = np.linspace(0.0, 13.0, 6001)


def rho_p(z, stat):
    """(int u^2 sqrt(u^2-z^2) f du, (1/3) int (u^2-z^2)^{3/2} f du), f = 1/(e^u - stat), u = z + v^2."""
    t = V * V
    u = z + t
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        occ = np.where(u > 0, np.exp(-u) / (1.0 - stat * np.exp(-u)), 0.0)
    root = np.sqrt(t * (t + 2 * z))
    jac = 2 * V
    rho = np.trapz(u * u * root * occ * jac, V)
    p = np.trapz(root ** 3 * occ * jac, V) / 3.0
    if z == 0.0 and stat == +1:  # u^3/(e^u-1) -> 0 at u = 0; the np.where gives 0/0 there
        pass
    return rho, p


def species_sum(T, species):
    g = h = 0.0
    for m, dof, stat in species:
        rho, p = rho_p(m / T, stat)
        g += dof * 15 / math.pi ** 4 * rho
        h += dof * 45 / (4 * math.pi ** 4) * (rho + p)
    return g, h


def bath(T):
    """g_eff, h_eff of everything in equilibrium with the photons (no neutrinos)."""
    s = 0.5 * (1 + math.tanh((T - T_C) / DT_C))
    g0, h0 = species_sum(T, ALWAYS)
    gh, hh = species_sum(T, HADRONS)
    gq, hq = species_sum(T, PARTONS)
    return g0 + (1 - s) * gh + s * gq, h0 + (1 - s) * hh + s * hq


H_BATH_DEC = bath(T_DEC_NU)[1]


def dof(T):
    g, h = bath(T)
    nu = 6 * 7 / 8  # three flavours of nu + nubar, one helicity each
    if T >= T_DEC_NU:
        return g + nu, h + nu
    r = (h / H_BATH_DEC) ** (1 / 3)  # T_nu / T
    return g + nu * r ** 4, h + nu * r ** 3


def main():
    # self-checks of the quadrature: massless boson and fermion
    rb, pb = rho_p(0.0, +1)
    rf, pf = rho_p(0.0, -1)
    assert abs(rb / (math.pi ** 4 / 15) - 1) < 1e-9 and abs(rf / (7 / 8 * math.pi ** 4 / 15) - 1) < 1e-9
    logt = np.linspace(-5.0, 4.0, 451)  # 50 points per decade, T from 1e-5 to 1e4 GeV
    rows = []
    step = 1e-3  # in log10 T, for dh/dlnT
    for lt in logt:
        T = 10 ** lt
        g, h = dof(T)
        hp = dof(10 ** (lt + step))[1]
        hm = dof(10 ** (lt - step))[1]
        dh_dlnt = (hp - hm) / (2 * step * math.log(10))
        gstar = h / math.sqrt(g) * (1 + dh_dlnt / (3 * h))
        rows.append((T, g, h, gstar))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "dof_table.csv"), "w") as f:
        f.write("# generated by data/relic/make_dof_table.py; see its docstring for the method\n")
        f.write("temperature_GeV,g_eff,h_eff,g_star_sqrt\n")
        for r in rows:
            f.write("{:.6e},{:.8g},{:.8g},{:.8g}\n".format(*r))
    hdr = os.path.join(here, "..", "..", "include", "semivisible", "relic", "detail", "dof_table.hpp")
    with open(hdr, "w") as f:
        f.write("// semivisible/relic/detail/dof_table.hpp — GENERATED by data/relic/make_dof_table.py, do not edit.\n")
        f.write("//\n// g_eff(T), h_eff(T), g_*^{1/2}(T) of the Standard Model plasma on a grid uniform in log10 T:\n")
        f.write("// an ideal Bose/Fermi gas of every species with its mass, instantaneous neutrino decoupling at\n")
        f.write("// 2 MeV, hadron gas below / quark-gluon gas above a tanh crossover at 0.17 GeV (see the script's\n")
        f.write("// docstring and docs/physics.md section 8). Same numbers as data/relic/dof_table.csv.\n")
        f.write("#pragma once\n\n#include <array>\n#include <cstddef>\n\n")
        f.write("namespace semivisible::relic::detail {\n\n")
        f.write("inline constexpr double dof_table_log10_temperature_min = {:.1f};  // log10(T/GeV)\n".format(logt[0]))
        f.write("inline constexpr double dof_table_log10_temperature_max = {:.1f};\n".format(logt[-1]))
        f.write("inline constexpr std::size_t dof_table_size = {};\n".format(len(rows)))
        f.write("/// Rows {g_eff, h_eff, g_star_sqrt} at log10 T = min + i (max - min)/(size - 1).\n")
        f.write("inline constexpr std::array<std::array<double, 3>, dof_table_size> dof_table{{\n")
        for r in rows:
            f.write("    {{{{{:.8g}, {:.8g}, {:.8g}}}}},\n".format(r[1], r[2], r[3]))
        f.write("}};\n\n}  // namespace semivisible::relic::detail\n")
    for T in [1e-5, 1e-4, 1e-3, 2e-3, 1e-2, 0.05, 0.1, 0.15, 0.2, 0.3, 1, 10, 100, 1000]:
        print(T, dof(T))


if __name__ == "__main__":
    main()
