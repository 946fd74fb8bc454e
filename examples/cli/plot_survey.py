#!/usr/bin/env python3
"""Heat-map slices of a `semivisible survey` (DIR/survey.json): m_A' vs Delta/m_chi1 at a few
alpha_D and m_A'/m_chi1, coloured by the allowed fraction of the +-2 sigma g-2 band (all
experiments), with the boundary where the band is fully excluded by NA64 alone (the na64-*
experiments together) and by all experiments. Writes DIR/survey_slices.png and .pdf.

Usage: plot_survey.py DIR [--alpha A,A,...] [--ratio R,R,...]
"""
import argparse
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def allowed_fraction(intervals, lo, hi):
    """1 - |union(intervals) & [lo, hi]| / |[lo, hi]|, lengths in ln(epsilon) (survey/band.hpp)."""
    a, b = math.log(lo), math.log(hi)
    covered, reach = 0.0, a
    for l, u in sorted(intervals):
        l, u = max(math.log(l), reach), min(math.log(u), b)
        if u > l:
            covered, reach = covered + u - l, u
    return max(0.0, 1.0 - covered / (b - a))


def nearest(values, targets):
    out = []
    for t in targets:
        v = min(values, key=lambda x: abs(math.log(x / t)))
        if v not in out:
            out.append(v)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--alpha", default="0.01,0.1,0.5")
    p.add_argument("--ratio", default="2.5,3,5")
    a = p.parse_args()
    with open(os.path.join(a.dir, "survey.json")) as f:
        doc = json.load(f)
    c = doc["columns"]
    names = [e["name"] for e in doc["parameters"]["experiments"]]
    na64 = [n for n in names if n.startswith("na64")]
    n = len(c["point_index"])
    alphas = sorted(set(c["alpha_dark"]))
    ratios = sorted(set(c["mass_ratio"]))
    masses = sorted(set(c["m_aprime_GeV"]))
    splits = sorted(set(c["splitting"]))
    pick_a = nearest(alphas, [float(x) for x in a.alpha.split(",")])
    pick_r = nearest(ratios, [float(x) for x in a.ratio.split(",")])
    fig, axes = plt.subplots(len(pick_a), len(pick_r), squeeze=False,
                             figsize=(4.2 * len(pick_r), 3.4 * len(pick_a)), sharex=True, sharey=True)
    im = None
    for i, al in enumerate(pick_a):
        for j, r in enumerate(pick_r):
            ax = axes[i][j]
            frac = np.full((len(splits), len(masses)), np.nan)
            fna = np.full_like(frac, np.nan)
            for k in range(n):
                if c["alpha_dark"][k] != al or c["mass_ratio"][k] != r or c["status"][k] != "ok":
                    continue
                y, x = splits.index(c["splitting"][k]), masses.index(c["m_aprime_GeV"][k])
                frac[y, x] = c["gm2_band_allowed_fraction"][k]
                lo, hi = c["epsilon_gm2_2sigma_low"][k], c["epsilon_gm2_2sigma_high"][k]
                iv = [tuple(v) for e in na64 for v in c[e + ".intervals"][k]]
                fna[y, x] = allowed_fraction(iv, lo, hi) if na64 else np.nan
            im = ax.pcolormesh(masses, splits, frac, shading="nearest", cmap="viridis",
                               vmin=0, vmax=1)
            if len(masses) > 1 and len(splits) > 1:
                for f, col, _ in ((fna, "red", "NA64 only"), (frac, "white", "all experiments")):
                    if np.isfinite(f).sum() > 3 and np.nanmin(f) < 0.5 < np.nanmax(f):
                        style = "--" if col == "white" else "-"
                        ax.contour(masses, splits, np.nan_to_num(f, nan=1.0), levels=[1e-3],
                                   colors=col, linewidths=1.5, linestyles=style)
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_title(f"alpha_D = {al:.3g}, m_A'/m_chi1 = {r:.3g}", fontsize=9)
            if i == len(pick_a) - 1:
                ax.set_xlabel("m_A' [GeV]")
            if j == 0:
                ax.set_ylabel("Delta/m_chi1")
    handles = [plt.Line2D([], [], color="red", label="band fully excluded below: NA64 only"),
               plt.Line2D([], [], color="white", ls="--", label="... all experiments")]
    axes[0][0].legend(handles=handles, fontsize=7, loc="lower left", facecolor="grey")
    fig.colorbar(im, ax=axes, label="allowed fraction of the g-2 band (ln epsilon)")
    fig.suptitle("semivisible survey: " + ", ".join(names) + " (computed by this library)",
                 fontsize=10)
    for ext in ("png", "pdf"):
        fig.savefig(os.path.join(a.dir, f"survey_slices.{ext}"), dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main())
