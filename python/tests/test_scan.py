"""Scans from Python are the C++ scans: the rows (x, lower, upper, status; islands as several
rows per x) of `semivisible scan ... --out DIR` (DIR/exclusion.json) on the three planes, and
scan_plane(make_plane_config(...), log_grid(...)) equals sv.scan."""
import json
import math
import os

import numpy as np
import pytest

import semivisible as sv
from conftest import assert_close

CASES = [
    ("maprime-epsilon", 24, [], {}),
    ("maprime-epsilon", 10, ["--range", "0.05:0.6", "--y-range", "1e-5:1e-2", "--model", "invisible"],
     {"range": (0.05, 0.6), "y_range": (1e-5, 1e-2), "model": "invisible"}),
    ("maprime-alphadark", 8, ["--eot", "5e12"], {"exposure": 5e12}),
    ("mchi1-splitting", 5, ["--range", "0.01:0.1"], {"range": (0.01, 0.1)}),
]


def cli_rows(cli, tmp_path, plane, points, options):
    out = tmp_path / "scan"
    cli("scan", "--plane", plane, "--points", points, "--out", out, *options, json_format=False)
    with open(out / "exclusion.json", encoding="utf-8") as f:
        return json.load(f)


@pytest.mark.parametrize("plane,points,options,kwargs", CASES)
def test_scan_matches_the_cli(cli, tmp_path, plane, points, options, kwargs):
    ref = cli_rows(cli, tmp_path, plane, points, options)
    s = sv.scan(plane=plane, points=points, **kwargs)
    rows = ref["rows"]
    assert len(s) == len(rows) and s.x_count == points
    for i, r in enumerate(rows):
        assert_close(s.x[i], r["x"], f"row {i} x")
        assert s.status[i] == r["status"]
        if r["lower"] is None:
            assert math.isnan(s.lower[i]) and math.isnan(s.upper[i]) and not s.excluded[i]
        else:
            assert_close(s.lower[i], r["lower"], f"row {i} lower")
            assert_close(s.upper[i], r["upper"], f"row {i} upper")
        assert s.lower_at_range[i] == r["lower_at_range"]
        assert s.upper_at_range[i] == r["upper_at_range"]
    assert s.parameters == ref["parameters"]


def test_scan_plane_equals_scan():
    c = sv.make_plane_config("maprime-epsilon", "na64-2016-2018")
    assert c.plane == "maprime-epsilon" and c.y_range == (1e-6, 1e-1)
    assert (c.alpha_dark, c.mass_ratio, c.splitting) == (0.1, 3.0, 0.4)
    r = sv.default_ranges("maprime-epsilon")
    xs = sv.log_grid(r["x_lo"], r["x_hi"], 12)
    assert xs[0] == r["x_lo"] and xs[-1] == r["x_hi"] and xs.shape == (12,)
    a = sv.scan_plane(c, xs, threads=1)
    b = sv.scan(points=12)
    assert np.array_equal(a.x, b.x) and a.status == b.status
    assert np.array_equal(a.lower, b.lower, equal_nan=True)
    assert np.array_equal(a.upper, b.upper, equal_nan=True)
    # Shards partition the rows.
    s1, s2 = sv.scan_plane(c, xs, shard="1/2"), sv.scan_plane(c, xs, shard="2/2")
    assert sorted(np.concatenate([s1.x, s2.x])) == sorted(a.x)
    # A changed config is a different scan: 10x the exposure excludes more.
    c.exposure = 10 * c.exposure
    wider = sv.scan_plane(c, xs)
    assert wider.excluded.sum() >= a.excluded.sum()
    assert c.describe()["eot"] == pytest.approx(2.84e12)


# Two short decay windows far apart (1 m and 1000 m), the near one with a tiny efficiency: each
# excludes its own epsilon band (the far one at 1000x smaller eps^2), with an allowed gap between.
TWO_WINDOWS = {
    "name": "two-windows", "description": "islands: two decay windows 1000x apart",
    "beam": {"particle": "electron", "energy_GeV": 100.0, "particles_on_target": 1e13},
    "target": {"material": "lead", "thickness_X0": 40.0},
    "production": ["bremsstrahlung"],
    "regions": [
        {"name": "near", "signature": "visible", "decay_z_m": [1.0, 1.01],
         "aprime_energy_min_GeV": 50.0, "efficiency": 1e-3,
         "observed": 0, "background": 0.0, "background_uncertainty": 0.0},
        {"name": "far", "signature": "visible", "decay_z_m": [1000.0, 1010.0],
         "aprime_energy_min_GeV": 50.0, "efficiency": 1.0,
         "observed": 0, "background": 0.0, "background_uncertainty": 0.0},
    ],
    "signal_uncertainty": 0.0,
}


def test_islands_give_several_rows_per_x(cli, tmp_path):
    e = sv.experiment_from_json(TWO_WINDOWS)
    s = sv.scan(experiment=e, points=12, range=(0.05, 0.5))
    xs, counts = np.unique(s.x, return_counts=True)
    assert len(xs) == 12 and counts.max() == 2 and len(s) == counts.sum() > 12
    for x in xs[counts > 1]:  # disjoint intervals, ascending
        lo, hi = s.lower[s.x == x], s.upper[s.x == x]
        assert hi[0] < lo[1]
    # The CLI on the same experiment file gives the same rows.
    path = tmp_path / "two-windows.json"
    path.write_text(json.dumps(TWO_WINDOWS))
    ref = cli_rows(cli, tmp_path, "maprime-epsilon", 12,
                   ["--experiment", path, "--range", "0.05:0.5"])["rows"]
    assert len(ref) == len(s)
    for i, r in enumerate(ref):
        assert_close(s.x[i], r["x"], "x")
        assert_close(s.lower[i], r["lower"], "lower")
        assert_close(s.upper[i], r["upper"], "upper")
