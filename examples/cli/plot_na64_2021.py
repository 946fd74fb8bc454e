#!/usr/bin/python3
"""Draws the NA64 2021 reproduction (the paper's Fig. 4 and Fig. 5) from the CSV files that
`semivisible na64-2021` writes into DIR. Usage: plot_na64_2021.py DIR

Reads DIR/<plane>/exclusion.csv (columns x,lower,upper,status; several rows per x are islands),
DIR/overlays/gm2_band.csv, DIR/overlays/relic.csv (optional), DIR/overlays/na64_invisible_2019.csv
(optional) and writes DIR/fig4.{png,pdf}, DIR/fig5_alphadark.{png,pdf}, DIR/fig5_splitting.{png,pdf}.
"""
import csv
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read_rows(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return [r for r in csv.DictReader(row for row in f if not row.startswith("#"))]


def intervals(path):
    """{x: [(lower, upper), ...]} of the excluded intervals, sorted by x and by lower edge."""
    out = {}
    for r in read_rows(path):
        x = float(r["x"])
        out.setdefault(x, [])
        if r.get("lower") and r.get("upper") and r.get("status", "ok") == "ok":
            out[x].append((float(r["lower"]), float(r["upper"])))
    return {x: sorted(v) for x, v in sorted(out.items())}


def shade(ax, data, color, label, alpha=0.35, outline=True):
    """Fills every excluded interval; islands at the same x are filled as separate layers."""
    if not data:
        return
    xs = list(data.keys())
    depth = max((len(v) for v in data.values()), default=0)
    for k in range(depth):
        lo = [data[x][k][0] if len(data[x]) > k else math.nan for x in xs]
        hi = [data[x][k][1] if len(data[x]) > k else math.nan for x in xs]
        ax.fill_between(xs, lo, hi, color=color, alpha=alpha, lw=0,
                        label=label if k == 0 else None)
        if outline:
            ax.plot(xs, lo, color=color, lw=1.2)
            ax.plot(xs, hi, color=color, lw=1.2)


OTHER_COLORS = ["darkgreen", "tab:orange", "tab:brown", "tab:cyan", "tab:olive", "tab:pink",
                "tab:purple", "tab:red"]


def other_curves(d, plane="maprime-epsilon"):
    """DIR/curves.json: the curves drawn beside the reproduction on `plane` (folder, experiment,
    label), each with its colour (one colour per Fig. 4 curve, the same on Fig. 5)."""
    path = os.path.join(d, "curves.json")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        curves = json.load(f)
    fig4 = [c for c in curves if c.get("plane", "maprime-epsilon") == "maprime-epsilon"]
    colour = {c["experiment"] + str(c.get("production")): k for k, c in enumerate(fig4)}
    out = []
    for c in curves:
        if c.get("plane", "maprime-epsilon") != plane:
            continue
        k = colour.get(c["experiment"] + str(c.get("production")), len(colour))
        out.append((c, OTHER_COLORS[k % len(OTHER_COLORS)]))
    return out


def scanned_range(folder):
    """The y range a scan searched (its exclusion.json), or None."""
    try:
        with open(os.path.join(folder, "exclusion.json")) as f:
            p = json.load(f)["parameters"]
        return p["y_lo"], p["y_hi"]
    except (OSError, KeyError, ValueError):
        return None


def outline(ax, data, color, label, ls="-", y_range=None):
    """The boundary of every excluded island (lower and upper edges). An edge at an end of the
    scanned y range (`y_range`) is where the scan stopped, not a bound: it is not drawn."""
    xs = [x for x, v in data.items() if v]
    if not xs:
        return
    lo_end, hi_end = (y_range[0] * (1 + 1e-9), y_range[1] * (1 - 1e-9)) if y_range else (0, math.inf)
    depth = max(len(v) for v in data.values())
    first = True
    for k in range(depth):
        lo = [data[x][k][0] if len(data[x]) > k and data[x][k][0] > lo_end else math.nan for x in data]
        hi = [data[x][k][1] if len(data[x]) > k and data[x][k][1] < hi_end else math.nan for x in data]
        ax.plot(list(data), lo, color=color, lw=1.4, ls=ls, label=label if first else None)
        ax.plot(list(data), hi, color=color, lw=1.4, ls=ls)
        first = False


def column(rows, key):
    return [float(r[key]) if r.get(key) not in (None, "") else math.nan for r in rows]


def finish(fig, ax, path_base, title):
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=7, loc="best", framealpha=0.85)
    fig.tight_layout()
    for ext in ("png", "pdf"):
        fig.savefig(f"{path_base}.{ext}", dpi=150)
    plt.close(fig)


def main(d):
    gm2 = read_rows(os.path.join(d, "overlays", "gm2_band.csv"))
    relic = read_rows(os.path.join(d, "overlays", "relic.csv"))
    invisible = read_rows(os.path.join(d, "overlays", "na64_invisible_2019.csv"))

    # ---- Fig. 4: (m_A', epsilon)
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    if gm2:
        m = column(gm2, "mass_aprime_GeV")
        ax.fill_between(m, column(gm2, "epsilon_bnl_2sigma_low"), column(gm2, "epsilon_bnl_2sigma_high"),
                        color="tab:blue", alpha=0.25, lw=0, label=r"$(g-2)_\mu$ $\pm2\sigma$ (BNL, pre-Fermilab)")
        ax.fill_between(m, column(gm2, "epsilon_2sigma_low"), column(gm2, "epsilon_2sigma_high"),
                        color="tab:red", alpha=0.35, lw=0, label=r"$(g-2)_\mu$ $\pm2\sigma$ (BNL+FNAL 2021)")
    if relic:
        ax.plot(column(relic, "mass_aprime_GeV"), column(relic, "epsilon"), color="black", lw=2.5,
                label=r"thermal relic ($\Omega h^2=0.12$)")
    if invisible:
        ax.plot(column(invisible, "m_aprime_GeV"), column(invisible, "epsilon_90"), color="gray",
                ls="--", lw=1, label=r"NA64 2019 $A'\to$ invisible (published)")
    inv = intervals(os.path.join(d, "maprime-epsilon-invisible", "exclusion.csv"))
    if inv:
        xs = [x for x, v in inv.items() if v]
        ax.plot(xs, [inv[x][0][0] for x in xs], color="gray", ls=":", lw=1,
                label=r"$A'\to$ invisible, re-cast with this library")
    shade(ax, intervals(os.path.join(d, "maprime-epsilon", "exclusion.csv")), "tab:green",
          "NA64 90% CL (this reproduction)")
    for curve, color in other_curves(d):
        folder = os.path.join(d, curve["dir"])
        outline(ax, intervals(os.path.join(folder, "exclusion.csv")), color, curve["label"],
                "--" if curve.get("variant") else "-", scanned_range(folder))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$m_{A'}$ [GeV]")
    ax.set_ylabel(r"$\varepsilon$")
    ax.set_ylim(1e-6, 1e-1)
    finish(fig, ax, os.path.join(d, "fig4"),
           r"$A'\to\chi_1\chi_2$, $\alpha_D=0.1$, $m_{A'}=3m_{\chi_1}$, $\Delta/m_{\chi_1}=0.4$")

    # ---- Fig. 5 top: (m_A', alpha_D) at epsilon = epsilon_(g-2)
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    relic_ad = [r for r in relic if r.get("alpha_dark_at_gm2")]
    if relic_ad:
        ax.plot(column(relic_ad, "mass_aprime_GeV"), column(relic_ad, "alpha_dark_at_gm2"), color="black",
                lw=2.5, label="thermal relic")
    shade(ax, intervals(os.path.join(d, "maprime-alphadark", "exclusion.csv")), "tab:green",
          "NA64 90% CL (this reproduction)")
    for curve, color in other_curves(d, "maprime-alphadark"):
        folder = os.path.join(d, curve["dir"])
        outline(ax, intervals(os.path.join(folder, "exclusion.csv")), color, curve["label"],
                y_range=scanned_range(folder))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$m_{A'}$ [GeV]")
    ax.set_ylabel(r"$\alpha_D$")
    finish(fig, ax, os.path.join(d, "fig5_alphadark"),
           r"$\varepsilon=\varepsilon_{(g-2)_\mu}$, $m_{A'}=3m_{\chi_1}$, $\Delta/m_{\chi_1}=0.4$")

    # ---- Fig. 5 bottom: (m_chi1, Delta/m_chi1) at epsilon = epsilon_(g-2)
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    relic_f = read_rows(os.path.join(d, "overlays", "relic_splitting.csv"))
    if relic_f:
        ax.plot(column(relic_f, "mass_chi1_GeV"), column(relic_f, "splitting"), color="black", lw=2.5,
                label="thermal relic")
    shade(ax, intervals(os.path.join(d, "mchi1-splitting", "exclusion.csv")), "tab:green",
          "NA64 90% CL (this reproduction)")
    proj = intervals(os.path.join(d, "mchi1-splitting-projection", "exclusion.csv"))
    if proj:
        shade(ax, proj, "tab:purple", r"projection: compact HCAL1, $5\times10^{12}$ EOT", alpha=0.15)
    ax.set_xscale("log")
    ax.set_xlabel(r"$m_{\chi_1}$ [GeV]")
    ax.set_ylabel(r"$\Delta/m_{\chi_1}$")
    ax.set_ylim(0, 1.0)
    finish(fig, ax, os.path.join(d, "fig5_splitting"),
           r"$\varepsilon=\varepsilon_{(g-2)_\mu}$, $\alpha_D=0.1$, $m_{A'}=3m_{\chi_1}$")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: plot_na64_2021.py DIR")
    main(sys.argv[1])
