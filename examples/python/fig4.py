"""NA64 2021 Fig. 4 from Python: the (m_A', epsilon) region excluded at 90 % CL by NA64 2016-2018
(2.84e11 EOT) for alpha_D = 0.1, m_A' = 3 m_chi1, Delta = 0.4 m_chi1, with the muon g-2 band.
Usage: python3 examples/python/fig4.py [out.png]   (PYTHONPATH: the folder holding semivisible)"""
import sys

import matplotlib.pyplot as plt
import numpy as np
import semivisible as sv

s = sv.scan(plane="maprime-epsilon", experiment="na64-2016-2018", points=200,
            alpha_dark=0.1, mass_ratio=3.0, splitting=0.4)
band = sv.gm2_band(m := np.geomspace(1e-3, 1.0, 200))
fig, ax = plt.subplots(figsize=(6, 4.5))
ax.fill_between(m, band.low_2sigma, band.high_2sigma, color="tab:green", alpha=0.3,
                label=r"$(g-2)_\mu$ $\pm2\sigma$")
for x, lo, hi in zip(s.x[s.excluded], s.lower[s.excluded], s.upper[s.excluded]):
    ax.plot([x, x], [lo, hi], color="tab:blue", lw=3, alpha=0.6)  # one row per interval
ax.plot([], [], color="tab:blue", lw=6, alpha=0.6, label="NA64 2016-2018, 90% CL")
ax.set(xscale="log", yscale="log", xlim=(1e-3, 1), ylim=(1e-6, 1e-1),
       xlabel=r"$m_{A'}$ [GeV]", ylabel=r"$\epsilon$",
       title=r"$\alpha_D=0.1$, $m_{A'}=3m_{\chi_1}$, $\Delta=0.4m_{\chi_1}$")
ax.legend(loc="lower right")
fig.savefig(out := sys.argv[1] if len(sys.argv) > 1 else "fig4.png", dpi=120)
print(f"{out}: {s.excluded.sum()} excluded rows, m_A' {s.x[s.excluded].min():.3g}-"
      f"{s.x[s.excluded].max():.3g} GeV, epsilon {np.nanmin(s.lower):.3g}-{np.nanmax(s.upper):.3g}")
