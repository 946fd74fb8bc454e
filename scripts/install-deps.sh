#!/usr/bin/env bash
# Installs the Debian 12 packages semivisible needs, only those that are missing. Idempotent.
# Extra packages can be named as arguments (e.g. libgsl-dev for the optional semivisible::gsl);
# --web adds Emscripten (the wasm preset: the exclusion explorer), --browser the headless Chromium
# and Selenium of its browser test (tests/web/test_explorer.py).
set -euo pipefail
packages=(g++ cmake ninja-build git libeigen3-dev libboost-dev libfmt-dev catch2 libbenchmark-dev
          libcli11-dev nlohmann-json3-dev libyaml-cpp-dev python3 python3-matplotlib python3-jsonschema
          clang-format
          pybind11-dev python3-pybind11 python3-dev python3-numpy python3-pytest)
for a in "$@"; do
  case "$a" in
    --web) packages+=(emscripten) ;;
    --browser) packages+=(chromium chromium-driver python3-selenium) ;;
    *) packages+=("$a") ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
