"""Estimate (not a test; needs scipy): the yield of A' with E_A' > 50 GeV from first-generation
shower e+- relative to the primary electron, for 100 GeV e- on 40 X0 of lead.

Approximation A (Rossi), depth-integrated: photon track length of the primary's bremsstrahlung
Gamma1(k) = (9/7) sum_E L(E) (1/k)(4/3 - 4/3 v + v^2), v = k/E (complete screening, mean free path
9/7 X0); pair production per X0 of photon path (1/k)(1 - 4/3 u(1-u)) for each of e- and e+;
each secondary of energy E' then follows Tsai's primary track length. The A' weight w(E) is the
IWW x-shape above x = 50/E (m_e kept as the 1-x cutoff). Result (2026-11-25):
secondary/primary = 0.076 (10 MeV), 0.083 (100 MeV), 0.083 (1 GeV): about +8 %, not included
in production::aprime_spectrum (primary only); docs/physics.md section 3.2.
Run: /usr/bin/python3 tests/production/secondary_track_length.py
"""
import numpy as np
from scipy.special import gammainc
S = 4*40/3
s = np.linspace(1e-9, S, 4001)
def M(y):
    y = np.atleast_1d(y)
    return np.array([0.75*np.trapz(np.where(s>0, gammainc(s, yy), 1.0), s) for yy in y])
ygrid = np.concatenate([[0], np.logspace(-14, np.log10(3.0), 600)])
Mg = M(ygrid[1:]); Mg = np.concatenate([[0], Mg])
dM = np.diff(Mg); ymid = 0.5*(ygrid[1:]+ygrid[:-1])
Ecut = 50.0
def w(E, m):
    E = np.atleast_1d(E); out = np.zeros_like(E)
    me = 0.000511
    for i,e in enumerate(E):
        if e <= Ecut: continue
        xc = Ecut/e
        v = np.linspace(-np.log(1-xc), np.log(e/me), 3000)   # v = -ln(1-x)
        omx = np.exp(-v); x = 1-omx
        U = m*m*omx/x + me*me*x
        f = x*(3-3*x+x*x)/(3*x*U) * omx   # m_e->0-like shape with cutoff, times dx/dv
        out[i] = np.trapz(f, v)
    return out
def Y(Ep, m):
    # yield of an electron starting at Ep
    if Ep <= Ecut: return 0.0
    ymax = np.log(Ep/Ecut)
    sel = ymid < ymax
    return np.sum(dM[sel]*w(Ep*np.exp(-ymid[sel]), m))
E0 = 100.0
for m in [0.01, 0.1, 1.0]:
    prim = Y(E0, m)
    # primary electron energy track-length density on a grid (E>50)
    # photon track length Gamma1(k) = 9/7 * sum_e dM * (1/k)(4/3 - 4/3 v + v^2)
    Ee = E0*np.exp(-ymid); dMe = dM
    ks = np.linspace(50.5, 99.95, 100)
    Ypre = {}
    Eps = np.linspace(50.25, 99.95, 100)
    Yv = np.array([Y(e, m) for e in Eps])
    sec = 0.0
    dk = ks[1]-ks[0]
    for k in ks:
        v = k/Ee; ok = v < 1
        G = 9/7*np.sum(dMe[ok]*(4/3 - 4/3*v[ok] + v[ok]**2))/k
        u = Eps/k; ok2 = u < 1
        pair = 2*(1 - 4/3*u[ok2]*(1-u[ok2]))/k
        sec += G*np.sum(pair*Yv[ok2])*(Eps[1]-Eps[0])*dk
    print(f"m={m}: secondary/primary = {sec/prim:.3f}")
