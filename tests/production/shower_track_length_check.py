"""Independent check of production/shower_track_length.hpp (run: /usr/bin/python3 <this file>).

Rossi's Approximation A (no ionisation), depth-integrated (T = infinity), complete-screening spectra
with c = 4/3 (PDG Eqs. 34.29, 34.31), solved EXACTLY in Laplace space in lambda = ln(E0/E)
(Rossi & Greisen, Rev. Mod. Phys. 13 (1941) 240, Sec. 2; Mellin moments (E/E0)^s = exp(-s lambda)):
  charged jumps      A(s) = int phi(v) (1 - (1-v)^s) dv = c[H_s - s/(s+1)] + 1/2 - 1/((s+1)(s+2))
  photon emission    B(s) = int phi(v) v^s dv           = c/s - c/(s+1) + 1/(s+2)
  pair (e+ and e-)   C(s) = 2 int psi(x) x^s dx          = 2[1/(s+1) - c/(s+2) + c/(s+3)]
  photon absorption  sigma0 = 1 - c/6 = 7/9
  all e+-: pi~ = 1/(A - B C/sigma0); primary: D~ = 1/A; photons: gamma~ = B pi~/sigma0;
  positrons = (pi - D)/2.
Track length above E = M(lambda) = inverse Laplace of f~(s)/s at lambda, by mpmath's Talbot method
(30 digits), so the numbers below are exact for the model; the C++ finite-volume solution must
reproduce them to its discretisation error.
Also printed: the asymptotic coefficient of the e+- track length above E for E << E0,
M_pi -> k E0/E with k = sigma0 / (d/ds[sigma0 A - B C])|_{s=1}: Rossi's 0.437.
"""
import mpmath as mp

mp.mp.dps = 30
c = mp.mpf(4) / 3
sigma0 = 1 - c / 6


def H(s):
    return mp.digamma(s + 1) + mp.euler


def A(s):
    return c * (H(s) - s / (s + 1)) + mp.mpf(1) / 2 - 1 / ((s + 1) * (s + 2))


def B(s):
    return c / s - c / (s + 1) + 1 / (s + 2)


def C(s):
    return 2 * (1 / (s + 1) - c / (s + 2) + c / (s + 3))


def charged(s):
    return 1 / (A(s) - B(s) * C(s) / sigma0)


def cumulative(f, lam):
    return mp.invertlaplace(lambda s: f(s) / s, lam, method='talbot')


E0 = 100.0
print("E [GeV]   primary        positron       electron       photon   (track length above E, X0)")
for E in [90.0, 50.0, 10.0, 1.0, 0.1]:
    lam = mp.log(E0 / E)
    d = cumulative(lambda s: 1 / A(s), lam)
    p = cumulative(charged, lam)
    g = cumulative(lambda s: B(s) * charged(s) / sigma0, lam)
    pos = (p - d) / 2
    print(f"{E:7.2f}  {mp.nstr(d, 10):>13} {mp.nstr(pos, 10):>13} {mp.nstr(pos + d, 10):>13}"
          f" {mp.nstr(g, 10):>13}")

D = lambda s: sigma0 * A(s) - B(s) * C(s)
k = sigma0 / mp.diff(D, 1)
print("asymptotic e+- track length above E: k E0/E with k =", mp.nstr(k, 6))

# ---- Finite thickness, Approximation A: T = 3 X0 of aluminium (c = 4/3 + b(Z = 13)), E0 = 20 GeV.
# Depth evolution in Laplace space: d/dt (pi~, gamma~) = M(s) (pi~, gamma~), M = [[-A, C], [B, -sigma0]],
# so the track length to depth T is M^-1 (exp(M T) - 1) (1, 0); the primary alone is
# (1 - exp(-T A))/A.


def tsai_b(z):
    alpha = 1 / mp.mpf('137.035999084')
    a2 = (alpha * z) ** 2
    f = a2 * (1 / (1 + a2) + mp.mpf('0.20206') - mp.mpf('0.0369') * a2 + mp.mpf('0.0083') * a2 ** 2
              - mp.mpf('0.002') * a2 ** 3)
    lrad = mp.log(mp.mpf('184.15') / mp.cbrt(z))
    lradp = mp.log(1194 / mp.cbrt(z * z))
    return (z * z + z) / (9 * (z * z * (lrad - f) + z * lradp))


c = mp.mpf(4) / 3 + tsai_b(13)
sigma0 = 1 - c / 6
T = 3
print(f"\nT = 3 X0 aluminium (b = {mp.nstr(tsai_b(13), 6)}), E0 = 20 GeV, no ionisation:")


def finite(s, which):
    M = mp.matrix([[-A(s), C(s)], [B(s), -sigma0]])
    v = mp.inverse(M) * (mp.expm(M * T) - mp.eye(2)) * mp.matrix([1, 0])
    return v[0] if which == 0 else v[1]


print("E [GeV]   primary        positron       electron       photon")
for E in [10.0, 1.0, 0.1]:
    lam = mp.log(20 / mp.mpf(E))
    d = cumulative(lambda s: (1 - mp.exp(-T * A(s))) / A(s), lam)
    p = cumulative(lambda s: finite(s, 0), lam)
    g = cumulative(lambda s: finite(s, 1), lam)
    pos = (p - d) / 2
    print(f"{E:7.2f}  {mp.nstr(d, 10):>13} {mp.nstr(pos, 10):>13} {mp.nstr(pos + d, 10):>13}"
          f" {mp.nstr(g, 10):>13}")
