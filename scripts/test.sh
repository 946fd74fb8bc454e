#!/usr/bin/env bash
# Installs what is missing and runs every test:
#  1. `release` preset (optimised, assertions on, warnings as errors): the CLI, examples,
#     benchmarks, the Python module, the header self-containment checks; ctest runs the CLI
#     contract tests, the Python tests, the install/downstream checks and the schema check;
#  2. `sanitize` preset: the library's unit tests (Catch2), built once, under ASan+UBSan;
#  3. the exclusion explorer (`wasm` preset) and its browser test in a headless Chromium against
#     the CLI (tests/web/test_explorer.py, docs/web.md).
# The unit tests are not built a second time in `release` (SEMIVISIBLE_BUILD_UNIT_TESTS=OFF
# there): it would double the build for no extra check (docs/reliability.md, "CI").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --web --browser
cmake --preset release -DSEMIVISIBLE_BUILD_TESTS=ON -DSEMIVISIBLE_BUILD_EXAMPLES=ON \
      -DSEMIVISIBLE_BUILD_PYTHON=ON -DSEMIVISIBLE_BUILD_UNIT_TESTS=OFF
cmake --build --preset release -j "$(nproc)"
ctest --preset release -j "$(nproc)"
cmake --preset sanitize
cmake --build --preset sanitize -j "$(nproc)"
ctest --preset sanitize -j "$(nproc)" -E '^(downstream|experiment)\.'
bash scripts/web.sh --build-only
/usr/bin/python3 tests/web/test_explorer.py --page build/wasm --cli build/release/examples/cli/semivisible
