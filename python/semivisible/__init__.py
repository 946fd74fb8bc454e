"""semivisible — semi-visible dark photon phenomenology with numpy arrays.

The C++ library (header-only, include/semivisible/) bound with pybind11: model points, widths
and lifetimes, the muon g-2 band, experiments, A' production spectra, expected signal events per
region, CLs limits (exact, asymptotic, toys), exclusion scans and the thermal relic target.
Units as in C++: GeV for masses, energies and widths; metres for lengths. See docs/python.md.
"""
from . import _core
from ._core import *  # noqa: F401,F403  (the public names of the extension)
from ._core import __version__  # noqa: F401

__all__ = [name for name in dir(_core) if not name.startswith("_")]
