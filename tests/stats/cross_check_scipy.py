"""Independent cross-check of `semivisible cls` with numpy/scipy (not part of ctest: the tests
must not depend on scipy). Usage: /usr/bin/python3 cross_check_scipy.py path/to/semivisible

Re-implements, from the formulas in docs/statistics.md only:
  * exact hybrid CLs: brute-force double sum over (n1, n2) outcomes, nuisances integrated with
    numpy's Gauss-Hermite_e nodes (60 points), limit by scipy.optimize.brentq;
  * asymptotic CLs: -ln L minimised with scipy.optimize.minimize (L-BFGS-B, numerical
    gradients), q~_mu and the Asimov q_A, limit by brentq.
and prints both next to the CLI's numbers for the NA64 model and a few others."""
import json
import subprocess
import sys

import numpy as np
from scipy import optimize, stats

EXE = sys.argv[1] if len(sys.argv) > 1 else "semivisible"
ALPHA = 0.1
X, W = np.polynomial.hermite_e.hermegauss(60)
W = W / W.sum()


def cli(obs, b, sb, s, ds, method):
    out = subprocess.run([EXE, "cls", "--observed", ",".join(map(str, obs)), "--background",
                          ",".join(map(str, b)), "--background-uncertainty", ",".join(map(str, sb)),
                          "--signal", ",".join(map(str, s)), "--signal-uncertainty", str(ds),
                          "--method", method, "--no-expected", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["mu_upper"]


def exact_cls(mu, obs, b, sb, s, ds, nmax=40):
    b, sb, s, obs = map(np.asarray, (b, sb, s, obs))
    w = np.log1p(mu * s / np.maximum(b, 1e-200))
    tobs = float(obs @ w)
    n = np.arange(nmax)
    ok = (n[:, None] * w[0] + n[None, :] * w[1]) <= tobs * (1 + 1e-12) + 1e-12
    kb = np.log1p(sb / b)
    # background marginal pmfs q_i(n): E over theta_i of Poisson(n | b_i (1+sb/b)^theta)
    rates = b[:, None] * np.exp(kb[:, None] * X[None, :])          # (bins, nodes)
    q = (stats.poisson.pmf(n[None, :, None], rates[:, None, :]) * W).sum(axis=2)  # (bins, n)
    clb = float((q[0][:, None] * q[1][None, :] * ok).sum())
    clsb = 0.0
    for g, wk in zip(np.exp(np.log1p(ds) * X), W):
        lam = mu * s * g
        p = [np.convolve(stats.poisson.pmf(n, lam[i]), q[i])[:nmax] for i in range(2)]
        clsb += wk * float((p[0][:, None] * p[1][None, :] * ok).sum())
    return clsb / clb


def nll(x, n, aux, b, sb, s, ds):
    mu, ts, t1, t2 = x
    nu = mu * s * (1 + ds) ** ts + b * (1 + sb / b) ** np.array([t1, t2])
    val = np.sum(nu - n + np.where(n > 0, n * np.log(np.where(n > 0, n, 1) / nu), 0.0))
    return val + 0.5 * ((ts - aux[0]) ** 2 + (t1 - aux[1]) ** 2 + (t2 - aux[2]) ** 2)


def fit(n, aux, b, sb, s, ds, mu=None, mu_max=None):
    x0 = [mu if mu is not None else 0.5, aux[0], aux[1], aux[2]]
    bounds = [(mu, mu) if mu is not None else (0, mu_max), (-10, 10), (-10, 10), (-10, 10)]
    r = optimize.minimize(nll, x0, args=(n, aux, b, sb, s, ds), method="L-BFGS-B",
                          bounds=bounds, options={"ftol": 1e-14, "gtol": 1e-10, "maxiter": 1000})
    return r.fun, r.x


def asymptotic_cls(mu, obs, b, sb, s, ds):
    b, sb, s, obs = map(np.asarray, (b, sb, s, obs))
    aux0 = np.zeros(3)
    fu, _ = fit(obs, aux0, b, sb, s, ds, mu_max=mu)
    fc, _ = fit(obs, aux0, b, sb, s, ds, mu=mu)
    q = max(0.0, 2 * (fc - fu))
    _, x0 = fit(obs, aux0, b, sb, s, ds, mu=0.0)
    na = b * (1 + sb / b) ** x0[2:]
    auxa = x0[1:]
    fa0 = nll(x0, na, auxa, b, sb, s, ds)
    fa, _ = fit(na, auxa, b, sb, s, ds, mu=mu)
    qa = max(1e-300, 2 * (fa - fa0))
    sq, sqa = np.sqrt(q), np.sqrt(qa)
    x = sq - sqa if q <= qa else (q - qa) / (2 * sqa)
    return stats.norm.sf(x + sqa) / stats.norm.sf(x)


def limit(f):
    return optimize.brentq(lambda m: f(m) - ALPHA, 1e-3, 50, xtol=1e-10)


cases = [((0, 0), (0.19, 0.53), (0.07, 0.17), (0.3, 0.7), 0.2),
         ((0, 0), (0.19, 0.53), (0.07, 0.17), (1.0, 0.0001), 0.2),
         ((1, 2), (0.5, 1.2), (0.2, 0.4), (1.0, 3.0), 0.1),
         ((3, 5), (2.0, 4.0), (0.5, 1.0), (0.5, 0.5), 0.2)]
print(f"{'observed':>10} {'signal':>14} | {'exact: cli':>10} {'scipy':>10} | {'asym: cli':>10} {'scipy':>10}")
for obs, b, sb, s, ds in cases:
    e_cli, a_cli = cli(obs, b, sb, s, ds, "exact"), cli(obs, b, sb, s, ds, "asymptotic")
    e_py = limit(lambda m: exact_cls(m, obs, b, sb, s, ds))
    a_py = limit(lambda m: asymptotic_cls(m, obs, b, sb, s, ds))
    print(f"{str(obs):>10} {str(s):>14} | {e_cli:10.5f} {e_py:10.5f} | {a_cli:10.5f} {a_py:10.5f}")
