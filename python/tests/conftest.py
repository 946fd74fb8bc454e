"""Shared fixtures of the Python module's tests (run by ctest: python/CMakeLists.txt).

Environment (set by ctest): PYTHONPATH -> the build tree's python/ folder; SEMIVISIBLE_CLI -> the
`semivisible` executable; SEMIVISIBLE_YIELD_LOOP -> the C++ reference loop; SEMIVISIBLE_SOURCE_DIR
-> the repository; SEMIVISIBLE_BUILD_DIR -> the CMake build tree.
"""
import json
import math
import os
import subprocess

import pytest

# Agreement with the C++ API / CLI: the same code computes both numbers and JSON prints 17
# significant digits, so they agree to rounding; 1e-12 relative leaves room only for a different
# compiler inlining (LTO in the module) reordering a few operations.
RELATIVE = 1e-12


def source_dir():
    return os.environ.get("SEMIVISIBLE_SOURCE_DIR",
                          os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))


@pytest.fixture(scope="session")
def cli():
    """A function running `semivisible ARGS --format json` and returning the parsed JSON."""
    exe = os.environ.get("SEMIVISIBLE_CLI")
    if not exe or not os.path.exists(exe):
        pytest.skip("SEMIVISIBLE_CLI is not set (the CLI is not built)")

    def run(*args, json_format=True):
        cmd = [exe, *map(str, args)] + (["--format", "json"] if json_format else [])
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{' '.join(cmd)} failed: {done.stderr}"
        return json.loads(done.stdout) if json_format else done.stdout

    return run


def close(a, b, rel=RELATIVE):
    """a == b to `rel` relative, with JSON null standing for a non-finite value."""
    if b is None:
        return a is None or not math.isfinite(a)
    if isinstance(b, (bool, str)):
        return a == b
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


def assert_close(a, b, what="", rel=RELATIVE):
    assert close(a, b, rel), f"{what}: {a!r} != {b!r} (relative {rel})"
