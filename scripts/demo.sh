#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install dependencies, build the release binary and
# scan the bundled examples/. Exits with bulwark's exit code (1: the insecure examples have findings).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target bulwark
echo
echo "== bulwark scan examples/ =="
exec ./build/release/bulwark scan examples/ "$@"
