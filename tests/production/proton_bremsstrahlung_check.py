#!/usr/bin/env python3
"""Independent check of semivisible/production/proton_bremsstrahlung.hpp and proton_form_factor.hpp.

Written separately from the C++ (different variables and algebra):
  * w_ba is coded with the bracket put over the common denominator H^2 (a polynomial in H),
  * the yield integrates d2N/(dz dpT2) directly in (z, pT^2) with scipy's adaptive dblquad
    (no logarithmic map), with the pT^2 integral split at H0 to resolve the 1/H peak,
  * |F1|^2 is summed from real and imaginary parts by hand.
Run:  /usr/bin/python3 tests/production/proton_bremsstrahlung_check.py   (numpy + scipy)
Its output is pasted into tests/production/proton_bremsstrahlung.test.cpp.
"""
import math
from scipy import integrate

ALPHA = 1.0 / 137.035999084
MP = 0.93827208816

POLES = [(0.6165340033101271, 0.77, 0.15), (0.22320420111672623, 1.25, 0.3),
         (-0.33973820442685326, 1.45, 0.5), (1.0117544786579074, 0.77, 0.0085),
         (-0.8816565944110686, 1.25, 0.3), (0.3699021157531611, 1.45, 0.5)]


def f1_squared(q2):
    re = im = 0.0
    for f, m, g in POLES:
        d_re, d_im = m * m - q2, -m * g
        den = d_re * d_re + d_im * d_im
        re += f * m * m * d_re / den          # f m^2 / (d_re + i d_im) = f m^2 (d_re - i d_im)/|d|^2
        im -= f * m * m * d_im / den
    return re * re + im * im


def w_ba(z, pt2, m, variant="one_plus"):
    """Bracket over H^2: [A H^2 - B H + C] / H^2 with A, B, C read off BB 2014."""
    mp2, m2 = MP * MP, m * m
    h = pt2 + (1 - z) * m2 + z * z * mp2
    omz = 1 - z
    third = (1 + omz * omz) if variant == "one_plus" else (z + omz * omz)
    A = (1 + omz * omz) / z
    B = 2 * z * omz * (2 * mp2 + m2)
    C = 2 * z * omz * 2 * z * z * mp2 * mp2 + 2 * z * omz * third * mp2 * m2 + 2 * z * omz * omz * m2 * m2
    return ALPHA / (2 * math.pi) * (A * h * h - B * h + C) / h ** 3


def sigma_pp(s):
    l = math.log(s / 5.38 ** 2)
    return 35.45 + 0.308 * l * l + 42.53 * s ** -0.458 - 33.34 * s ** -0.545


def yield_per_pot(m, ebeam=70.0, zmin=0.1, zmax=0.9, ptmax=1.0, variant="one_plus"):
    p = math.sqrt(ebeam ** 2 - MP ** 2)
    s = 2 * MP * ebeam
    ff = f1_squared(m * m)

    def integrand(pt2, z):
        ea = math.sqrt(z * z * p * p + pt2 + m * m)
        return sigma_pp(2 * MP * (ebeam - ea)) / sigma_pp(s) * ff * w_ba(z, pt2, m, variant)

    def inner(z):
        h0 = (1 - z) * m * m + z * z * MP * MP
        total = 0.0
        edges = [0.0] + [x for x in (0.1 * h0, h0, 10 * h0, 100 * h0) if x < ptmax ** 2] + [ptmax ** 2]
        for a, b in zip(edges[:-1], edges[1:]):
            total += integrate.quad(integrand, a, b, args=(z,), epsabs=0, epsrel=1e-11, limit=200)[0]
        return total

    return integrate.quad(inner, zmin, zmax, epsabs=0, epsrel=1e-10, limit=200)[0]


if __name__ == "__main__":
    print("# w_ba(z, pT2, m) [GeV^-2], eps = 1, variant one_plus / z_plus")
    for z, pt2, m in [(0.1, 0.0, 0.01), (0.5, 0.04, 0.3), (0.9, 0.5, 0.6), (0.3, 1.0, 0.9)]:
        print(f"w({z}, {pt2}, {m}) = {w_ba(z, pt2, m):.12e}  z_plus: {w_ba(z, pt2, m, 'z_plus'):.12e}")
    print("# |F1(q2)|^2")
    for q2 in [0.0, 0.09, 0.36, 0.5929, 0.6084, 1.0]:
        print(f"F1sq({q2}) = {f1_squared(q2):.12e}")
    print("# sigma_pp(s) [mb]")
    for s in [10.0, 131.3581, 750.6]:
        print(f"sigma_pp({s}) = {sigma_pp(s):.12e}")
    print("# yield per POT at eps = 1, 70 GeV, z in [0.1, 0.9], pT < 1 GeV")
    for m in [0.01, 0.1, 0.3, 0.5, 0.7, 0.9]:
        print(f"yield({m}) = {yield_per_pot(m):.10e}  z_plus: {yield_per_pot(m, variant='z_plus'):.10e}")
    print("# 400 GeV")
    for m in [0.01, 0.3]:
        print(f"yield400({m}) = {yield_per_pot(m, ebeam=400.0):.10e}")
