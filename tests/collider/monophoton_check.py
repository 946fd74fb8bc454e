#!/usr/bin/env python3
"""Independent check of collider/monophoton.hpp: the angular integral of e+e- -> gamma A'.

Integrates the spin-averaged |M|^2 in its Mandelstam form, 2 e^4 eps^2 (t/u + u/t + 2 m^2 s/(t u)),
with dsigma/dcos = |M|^2 (1 - m^2/s) / (32 pi s), numerically in cos(theta*) (scipy.integrate.quad,
relative 1e-12), and prints sigma / [(2 pi alpha^2 eps^2 / s)(1 - m^2/s)] (the shape integral, Eq. 3
of the header) for the cases pasted into tests/collider/monophoton.test.cpp.
Run: /usr/bin/python3 tests/collider/monophoton_check.py
"""
import math
from scipy.integrate import quad

ALPHA = 1 / 137.035999084


def dsigma(c, s, m, eps=1.0):
    e2 = 4 * math.pi * ALPHA
    t = -(s - m * m) * (1 - c) / 2
    u = -(s - m * m) * (1 + c) / 2
    msq = 2 * e2 * e2 * eps * eps * (t / u + u / t + 2 * m * m * s / (t * u))
    return msq * (1 - m * m / s) / (32 * math.pi * s)


for sqrt_s, m, c1, c2 in [(10.58, 0.01, -0.4, 0.6), (10.58, 1.0, -0.4, 0.6),
                          (10.58, 8.0, -0.4, 0.6), (10.02, 5.0, -0.9, 0.95)]:
    s = sqrt_s ** 2
    sigma, _ = quad(dsigma, c1, c2, args=(s, m), epsrel=1e-12, epsabs=0)
    norm = 2 * math.pi * ALPHA ** 2 / s * (1 - m * m / s)
    print(f"sqrt_s={sqrt_s} m={m} c=[{c1},{c2}]  shape integral = {sigma / norm:.12f}")
