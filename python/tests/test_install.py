"""`cmake --install` puts the module where /usr/bin/python3 finds it with PYTHONPATH set to
<prefix>/<SEMIVISIBLE_PYTHON_INSTALL_DIR>, and the installed module finds the installed data
(<prefix>/share/semivisible) without SEMIVISIBLE_DATA_DIR."""
import json
import os
import shutil
import subprocess
import sys

import pytest

import semivisible as sv

SNIPPET = """
import json, semivisible as sv
y = sv.yield_model(sv.benchmark(0.3, 1e-3), "na64-2016-2018")
print(json.dumps({"file": sv.__file__, "data_dir": sv.data_dir(), "names": sv.experiments(),
                  "events": y.events(2e-3).tolist()}))
"""


def test_installed_module_finds_the_installed_data(tmp_path):
    build = os.environ.get("SEMIVISIBLE_BUILD_DIR")
    site = os.environ.get("SEMIVISIBLE_PYTHON_INSTALL_DIR")
    cmake = shutil.which("cmake")
    if not build or not site or not cmake:
        pytest.skip("SEMIVISIBLE_BUILD_DIR / SEMIVISIBLE_PYTHON_INSTALL_DIR not set (run by ctest)")
    prefix = tmp_path / "prefix"
    done = subprocess.run([cmake, "--install", build, "--prefix", str(prefix)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (prefix / site / "semivisible" / "__init__.pyi").exists()
    env = {k: v for k, v in os.environ.items() if k not in ("SEMIVISIBLE_DATA_DIR", "PYTHONPATH")}
    env["PYTHONPATH"] = str(prefix / site)
    done = subprocess.run(["/usr/bin/python3", "-c", SNIPPET], capture_output=True, text=True,
                          env=env, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["file"].startswith(str(prefix))
    assert os.path.samefile(got["data_dir"], prefix / "share" / "semivisible")
    assert got["names"] == sv.experiments()
    assert got["events"] == sv.yield_model(sv.benchmark(0.3, 1e-3), "na64-2016-2018").events(
        2e-3).tolist()
