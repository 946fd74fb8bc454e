"""Monte Carlo check of production/shower_track_length.hpp WITH ionisation (Approximation B).

Run: /usr/bin/python3 tests/production/shower_track_length_mc.py   (about two minutes)
A one-dimensional cascade simulated particle by particle, from the same model but by a different
method: 20 GeV e- on aluminium (c = 4/3 + b, b = 0.0251198; E_c = 42.70 MeV), T = infinity.
  charged: hard brem v > v_cut = 1e-3 at the constant rate R = int_{v_cut}^1 phi dv (phi = [c(1-v)
           + v^2]/v per X0), v sampled log-uniformly and accepted with (c(1-v)+v^2)/c; between
           two hard emissions dE/dt = -E_c - s E (s = int_0^{v_cut} v phi dv: the soft photons as a
           continuous loss; their fluctuations are dropped, an O(v_cut) effect); track length above
           each threshold from the exact crossing time of that ODE;
  photons: convert (T = infinity), x from psi(x) = 1 - c x(1-x) by rejection; e+ at xk, e- at
           (1-x)k. Particles and photons below E_min = 0.05 GeV are dropped (they cannot add track
           length above the thresholds >= E_min).
Output: mean track length [X0] above E of e- and e+ per primary, with the statistical error.
"""
import math
import random

random.seed(12345)
c = 4 / 3 + 0.0251198
Ec = 42.70e-3
E0 = 20.0
Emin = 0.05
vcut = 1e-3
R = c * math.log(1 / vcut) - c * (1 - vcut) + (1 - vcut ** 2) / 2
s = c * vcut - c * vcut ** 2 / 2 + vcut ** 3 / 3
thresholds = [5.0, 1.0, 0.3, 0.1, 0.05]
N = 40000


def sample_v():
    while True:
        v = vcut ** random.random()
        if random.random() * c <= c * (1 - v) + v * v:
            return v


def sample_x():
    while True:
        x = random.random()
        if random.random() <= 1 - c * x * (1 - x):
            return x


a = Ec / s
sums = {('e-', t): [0.0, 0.0] for t in thresholds}
sums.update({('e+', t): [0.0, 0.0] for t in thresholds})
for shower in range(N):
    acc = {k: 0.0 for k in sums}
    stack = [('e-', E0)]
    while stack:
        kind, E = stack.pop()
        if kind == 'g':
            if E < Emin:
                continue
            x = sample_x()
            stack.append(('e+', x * E))
            stack.append(('e-', (1 - x) * E))
            continue
        while E > Emin:
            dt = random.expovariate(R)
            E1 = (E + a) * math.exp(-s * dt) - a  # energy after dt of continuous loss
            for t in thresholds:
                if E > t:
                    # time above t during this step
                    tc = dt if E1 > t else math.log((E + a) / (t + a)) / s
                    acc[(kind, t)] += tc
            if E1 <= Emin:
                break
            v = sample_v()
            k = v * E1
            stack.append(('g', k))
            E = E1 - k
    for key, val in acc.items():
        sums[key][0] += val
        sums[key][1] += val * val
print(f"{N} showers, 20 GeV e- on Al, track length above E [X0] (mean +- error of the mean):")
for t in thresholds:
    out = []
    for kind in ('e-', 'e+'):
        m = sums[(kind, t)][0] / N
        var = sums[(kind, t)][1] / N - m * m
        out.append(f"{kind} {m:.5g} +- {math.sqrt(var / N):.2g}")
    print(f"E > {t:5.2f} GeV: " + "   ".join(out))
