"""Independent check of production/k_factor_material.hpp (run: /usr/bin/python3 <this file>).

sigma_WW = int dx int dtheta^2/2 8 alpha^3 chi(t_min(x,theta), m^2) E0^2 (p/E0) [a/U^2 + b(c - dU)/U^4]
(Bjorken et al. PRD 80 (2009) 075018 App. A before the IWW step; Liu, McKeen, Miller PRD 95 (2017)
036010), t_min = (U/(2 E0 (1-x)))^2, with chi computed directly (no table) by scipy quad in ln t,
the angle integral in ln U and the x integral in v = -ln(1-x): written from the formulas, sharing no
code with the C++ header. Prints sigma_WW [GeV^-2] at epsilon = 1 and K_WW = sigma_IWW/sigma_WW with
DMG4's closed-form sigma_IWW = (4/3) alpha^3 chi_IWW beta ln(1/delta^2)/m^2.
"""
import math
from scipy.integrate import quad

alpha = 1 / 137.035999084
me = 0.51099895e-3
mp = 0.93827208816
mup = 2.79284734463


def g2(t, Z, A):
    a = 111 / (Z ** (1 / 3) * me)
    d = 0.164 / A ** (2 / 3)
    el = Z * Z * (a * a * t / (1 + a * a * t)) ** 2 * (1 / (1 + t / d)) ** 2
    ap = 773 / (Z ** (2 / 3) * me)
    inel = Z * (ap * ap * t / (1 + ap * ap * t)) ** 2 * (
        (1 + t * (mup ** 2 - 1) / (4 * mp * mp)) / (1 + t / 0.71) ** 4) ** 2
    return el + inel


def chi(tmin, tmax, Z, A):
    if tmin >= tmax:
        return 0.0
    f = lambda lt: (1 - tmin / math.exp(lt)) * g2(math.exp(lt), Z, A)
    return quad(f, math.log(tmin), math.log(tmax), epsabs=0, epsrel=1e-10, limit=200)[0]


def sigma_ww(m, E0, Z, A):
    xmin, xmax = m / E0, 1 - me / E0

    def inner(x):
        M0 = m * m * (1 - x) / x + me * me * x
        slope = 2 * E0 * E0 * x
        Umax = 2 * E0 * (1 - x) * m
        if Umax <= M0:
            return 0.0
        a = 1 - x + x * x / 2
        b = (1 - x) ** 2 * (m * m + 2 * me * me)
        c = m * m + me * me * x * x / (1 - x)
        d = x / (1 - x)
        p = math.sqrt(x * x - (m / E0) ** 2)

        def f(lu):
            U = math.exp(lu)
            tmin = (U / (2 * E0 * (1 - x))) ** 2
            shape = E0 * E0 * p * (a / U ** 2 + b * (c - d * U) / U ** 4)
            return chi(tmin, m * m, Z, A) * shape * U / slope
        return quad(f, math.log(M0), math.log(Umax), epsabs=0, epsrel=1e-8, limit=200)[0]

    g = lambda v: inner(1 - math.exp(-v)) * math.exp(-v)
    return 8 * alpha ** 3 * quad(g, -math.log1p(-xmin), -math.log1p(-xmax), epsabs=0, epsrel=1e-7,
                                 limit=200)[0]


def sigma_iww(m, E0, Z, A):
    c = chi(m ** 4 / (4 * E0 * E0), m * m, Z, A)
    beta = math.sqrt(1 - m * m / E0 ** 2)
    delta = max(me / m, m / E0)
    return 4 / 3 * alpha ** 3 * c * beta * math.log(1 / delta ** 2) / (m * m)


for name, Z, A, m, E0 in [("lead", 82, 207.2, 0.1, 100.0), ("lead", 82, 207.2, 0.01, 20.0),
                          ("aluminium", 13, 26.9815385, 0.1, 20.0),
                          ("aluminium", 13, 26.9815385, 1.0, 20.0)]:
    s = sigma_ww(m, E0, Z, A)
    print(f"{name:10s} m = {m:5.3f} GeV E0 = {E0:5.1f} GeV: sigma_WW = {s:.8e} GeV^-2, "
          f"K_WW = {sigma_iww(m, E0, Z, A) / s:.6f}")
