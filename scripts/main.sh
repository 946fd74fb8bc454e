#!/usr/bin/env bash
# Installs what is missing, builds the `semivisible` CLI with the `release` preset and runs the
# main job: the NA64 2021 reproduction (Fig. 4 and Fig. 5) into ./na64-2021/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)" --target semivisible_cli
./build/release/examples/cli/semivisible na64-2021 --out na64-2021 "$@"
