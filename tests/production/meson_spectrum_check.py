#!/usr/bin/env python3
"""Independent check of semivisible/production/meson_bmpt.hpp and meson_spectrum.hpp.

The C++ integrates the BMPT invariant cross section in (CM rapidity, pT) with Gauss-Legendre;
here the same physics is integrated in the lab variables (p, theta) with scipy's adaptive
dblquad, with x_R computed from the invariant mass of the recoil system (a different route to
the same E*), and the spectrum d2N/(dp dtheta) evaluated at a few points.
Run:  /usr/bin/python3 tests/production/meson_spectrum_check.py   (numpy + scipy)
Its output is pasted into tests/production/meson_spectrum.test.cpp.
"""
import math
from scipy import integrate

MP, MN = 0.93827208816, 0.93956542052
MPI0, META = 0.1349768, 0.547862
PAR = dict(A=62.3, B=1.57, alpha=3.45, beta=0.517, a=6.10, gamma=0.153, delta=0.478, r0=1.05, r1=2.65)
ABE = 9.012


def x_vars(ebeam, m, p, th):
    pb = math.sqrt(ebeam ** 2 - MP ** 2)
    s = 2 * MP * MP + 2 * MP * ebeam
    e = math.sqrt(p * p + m * m)
    # recoil invariant mass^2: (P_beam + P_target - p_meson)^2 = s + m^2 - 2 (P_tot . p)
    ptot_dot_p = (ebeam + MP) * e - pb * p * math.cos(th)
    mx2 = s + m * m - 2 * ptot_dot_p
    mxmin = MP + MN
    xr = (s - mx2 + m * m) / (s - mxmin ** 2 + m * m)     # E*/E*max, E* = (s + m^2 - MX^2)/(2 sqrt s)
    # Feynman x: boost along z
    ycm = 0.5 * math.log((ebeam + MP + pb) / (ebeam + MP - pb))
    pl_star = math.cosh(ycm) * p * math.cos(th) - math.sinh(ycm) * e
    return xr, 2 * pl_star / math.sqrt(s), p * math.sin(th)


def invariant(ebeam, A, m, p, th, pt_power=2):
    xr, xf, pt = x_vars(ebeam, m, p, th)
    if not (0 < xr < 1):
        return 0.0
    ap = PAR["a"] / xr ** PAR["gamma"]
    bp = PAR["a"] ** 2 / (2 * xr ** PAR["delta"])
    plus = PAR["A"] * (1 - xr) ** PAR["alpha"] * (1 + PAR["B"] * xr) * xr ** -PAR["beta"] \
        * (1 + ap * pt + bp * pt * pt) * math.exp(-ap * pt)
    minus = plus / (PAR["r0"] * (1 + xr) ** PAR["r1"])
    alpha = (0.74 - 0.55 * xf + 0.26 * xf * xf) * (0.98 + 0.21 * pt ** pt_power)
    return 0.5 * (plus + minus) * (A / ABE) ** alpha


def sigma_inel(A):
    return 45.0 * A ** 0.691


def d2n_dp_dtheta(ebeam, A, m, p, th):
    e = math.sqrt(p * p + m * m)
    return 2 * math.pi * math.sin(th) * p * p / e * invariant(ebeam, A, m, p, th) / sigma_inel(A)


def multiplicity(ebeam, A, m):
    pmax = ebeam
    def inner(p):
        # forward peak: split theta at a few multiples of pT/p ~ 0.3/p
        th0 = min(0.3 / max(p, 1e-3), 1.0)
        edges = [0.0, 0.3 * th0, th0, 3 * th0, min(10 * th0, math.pi)]
        if edges[-1] < math.pi:
            edges.append(math.pi)
        tot = 0.0
        for a, b in zip(edges[:-1], edges[1:]):
            if b > a:
                tot += integrate.quad(lambda t: d2n_dp_dtheta(ebeam, A, m, p, t), a, b,
                                      epsabs=0, epsrel=1e-9, limit=200)[0]
        return tot
    pedges = [0.0, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, pmax]
    pedges = sorted(set([x for x in pedges if x <= pmax]))
    tot = 0.0
    for a, b in zip(pedges[:-1], pedges[1:]):
        tot += integrate.quad(inner, a, b, epsabs=0, epsrel=1e-8, limit=200)[0]
    return tot


if __name__ == "__main__":
    print("# E d3sigma/dp3 [mb/GeV^2], pi0 = (pi+ + pi-)/2, quadratic pT in alpha")
    for (E, A, p, th) in [(400.0, 63.546, 20.0, 0.01), (70.0, 55.845, 5.0, 0.05), (450.0, 9.012, 40.0, 0.005)]:
        print(f"inv({E}, {A}, {p}, {th}) = {invariant(E, A, MPI0, p, th):.12e}  linear: {invariant(E, A, MPI0, p, th, 1):.12e}")
    print("# d2N/dp dtheta [1/(GeV rad)] per interaction")
    for (E, A, p, th) in [(400.0, 63.546, 20.0, 0.01), (70.0, 55.845, 5.0, 0.05)]:
        print(f"d2n({E}, {A}, {p}, {th}) = {d2n_dp_dtheta(E, A, MPI0, p, th):.12e}")
    print("# multiplicity per interaction (BMPT primary), pi0 and the eta-mass shape")
    for (E, A) in [(70.0, 55.845), (400.0, 63.546)]:
        print(f"N_pi0({E}, {A}) = {multiplicity(E, A, MPI0):.8e}  N_etashape = {multiplicity(E, A, META):.8e}")
