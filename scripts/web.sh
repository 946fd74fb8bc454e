#!/usr/bin/env bash
# The exclusion explorer (docs/web.md): installs what is missing (Debian's emscripten), builds the
# `wasm` preset (the library compiled to WebAssembly + the static page, in build/wasm) and serves
# build/wasm on http://localhost:8000 (Ctrl-C stops it). Idempotent.
#   --build-only   build, do not serve          --port N   serve on port N (default 8000)
#   --bind ADDR    listen on ADDR (default 127.0.0.1; 0.0.0.0 to reach it from other machines)
set -euo pipefail
cd "$(dirname "$0")/.."
port=8000 bind=127.0.0.1 serve=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build-only) serve=0 ;;
    --port) port="$2"; shift ;;
    --bind) bind="$2"; shift ;;
    *) echo "web.sh: unknown option '$1' (--build-only, --port N, --bind ADDR)" >&2; exit 2 ;;
  esac
  shift
done
bash scripts/install-deps.sh --web
cmake --preset wasm
cmake --build --preset wasm
if [ "$serve" -eq 1 ]; then
  echo "web.sh: serving build/wasm on http://localhost:$port/ (Ctrl-C to stop)"
  exec python3 -m http.server "$port" --bind "$bind" --directory build/wasm
fi
