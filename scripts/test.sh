#!/usr/bin/env bash
# Installs what is missing, builds everything (library checks, tests, examples, CLI, benchmarks,
# the Python module) with the `release` preset (optimised, assertions on, warnings as errors) and
# runs the test suite; then builds the exclusion explorer (`wasm` preset) and runs its browser test
# in a headless Chromium against the CLI (tests/web/test_explorer.py, docs/web.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --web --browser
cmake --preset release -DSEMIVISIBLE_BUILD_TESTS=ON -DSEMIVISIBLE_BUILD_EXAMPLES=ON \
      -DSEMIVISIBLE_BUILD_PYTHON=ON
cmake --build --preset release -j "$(nproc)"
ctest --preset release -j "$(nproc)"
bash scripts/web.sh --build-only
/usr/bin/python3 tests/web/test_explorer.py --page build/wasm --cli build/release/examples/cli/semivisible
