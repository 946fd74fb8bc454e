#!/usr/bin/env bash
# Installs what is missing, builds everything (library checks, tests, examples, CLI, benchmarks,
# the Python module)
# with the `release` preset (optimised, assertions on, warnings as errors) and runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release -DSEMIVISIBLE_BUILD_TESTS=ON -DSEMIVISIBLE_BUILD_EXAMPLES=ON \
      -DSEMIVISIBLE_BUILD_PYTHON=ON
cmake --build --preset release -j "$(nproc)"
ctest --preset release -j "$(nproc)"
