#!/usr/bin/env python3
"""Compare the shipped published-limit curves (data/reference/*_eps90*.csv) with the
development anchor points in data/reference/beam_dump_anchor_points.csv, and
compare alternative recasts of the same experiment with each other.

Interpolation: linear in (log m, log eps) on the lower and upper edges separately
(the same rule the anchor file says it used). Run: /usr/bin/python3 check_reference_curves.py
"""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, '..', '..', 'reference')
ANCHORS = sys.argv[1] if len(sys.argv) > 1 else 'data/reference/beam_dump_anchor_points.csv'


def load(name):
    rows = []
    for line in open(os.path.join(REF, name)):
        if line.startswith('#') or not line.strip():
            continue
        rows.append([float(x) for x in line.split(',')])
    rows.sort(key=lambda r: r[0])  # stable: repeated masses keep source order
    return rows


def interp(rows, m, col):
    """log-log interpolation of column col at mass m; None outside the curve."""
    if m < rows[0][0] or m > rows[-1][0]:
        return None
    for a, b in zip(rows, rows[1:]):
        if a[0] <= m <= b[0]:
            if b[0] == a[0]:
                return a[col]
            t = (math.log(m) - math.log(a[0])) / (math.log(b[0]) - math.log(a[0]))
            return math.exp((1 - t) * math.log(a[col]) + t * math.log(b[col]))
    return None


CURVES = {
    ('e137', 'bremsstrahlung'): 'e137_visible_eps90.csv',
    ('nucal', 'pi0_decay'): 'nucal_visible_eps90_pi0.csv',
    ('nucal', 'proton_bremsstrahlung'): 'nucal_visible_eps90_pbrem.csv',
    ('charm', 'eta_decay'): 'charm_visible_eps90.csv',
    ('na64-visible-2017-2018', 'bremsstrahlung'): 'na64_visible_2017_2018_eps90.csv',
}


def main():
    print('Anchor points vs shipped curves (relative difference curve/anchor - 1):')
    worst = 0.0
    for line in open(ANCHORS):
        if line.startswith('#') or line.startswith('experiment'):
            continue
        exp, prod, m, lo, up = line.strip().split(',')
        m, lo, up = float(m), float(lo), float(up)
        rows = load(CURVES[(exp, prod)])
        cl, cu = interp(rows, m, 1), interp(rows, m, 2)
        dl, du = cl / lo - 1, cu / up - 1
        worst = max(worst, abs(dl), abs(du))
        print(f'  {exp:24s} {prod:22s} m={m:6.3f}  lower {lo:.3e} -> {cl:.3e} ({dl:+.2%})'
              f'  upper {up:.3e} -> {cu:.3e} ({du:+.2%})')
    print(f'  largest |difference|: {worst:.2%}')

    print('\nAlternative recasts (Tsai et al. 2019 / Bluemlein-Brunner digitisation):')
    pairs = [('charm_visible_eps90_tsai2019.csv', 'charm_visible_eps90.csv'),
             ('nucal_visible_eps90_tsai2019.csv', 'nucal_visible_eps90_pi0.csv'),
             ('nucal_visible_eps90_tsai2019.csv', 'nucal_visible_eps90_pbrem.csv'),
             ('na64_visible_2017_eps90.csv', 'na64_visible_2017_2018_eps90.csv')]
    for a, b in pairs:
        ra, rb = load(a), load(b)
        print(f'  {a} / {b}')
        for m in (0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5):
            la, lb = interp(ra, m, 1), interp(rb, m, 1)
            ua, ub = interp(ra, m, 2), interp(rb, m, 2)
            if None in (la, lb, ua, ub):
                continue
            print(f'    m={m:5.3f}  lower ratio {la / lb:6.3f}   upper ratio {ua / ub:6.3f}')
    # tips (largest mass of each excluded island)
    print('\nIsland tips (largest mass in file, eps there):')
    for f in sorted(set(CURVES.values()) | {'charm_visible_eps90_tsai2019.csv',
                                             'nucal_visible_eps90_tsai2019.csv',
                                             'na64_visible_2017_eps90.csv'}):
        r = load(f)
        lo_min = min(x[1] for x in r)
        print(f'  {f:36s} m_max = {r[-1][0]:.4f} GeV, eps = {r[-1][1]:.3e}..{r[-1][2]:.3e}; '
              f'lowest lower edge {lo_min:.3e}')


if __name__ == '__main__':
    main()
