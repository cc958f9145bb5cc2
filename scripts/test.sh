#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install dependencies, build with warnings as errors and
# ASan+UBSan (preset dev), run every unit and end-to-end test, build the release preset, then build
# the fuzz targets with clang and run each for a short time (20 s). Set BULWARK_FUZZ_SECONDS=0 to skip fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

cmake --preset dev
cmake --build --preset dev
cmake --build --preset dev --target format-check
ctest --preset dev

# The optimised build (what scripts/demo.sh ships) must compile warning-free too: GCC warns
# differently at -O3.
cmake --preset release
# The product only (core library and main): the dev preset builds the tests warning-free, and
# building them again at -O3 is 71 more compilations on CI's 2 cores.
cmake --build --preset release --target bulwark
# ... and give the same report as the sanitized dev build (it links mimalloc and is optimised): over
# the examples and, when present, the shared Dockerfile corpus.
scripts/same-report.sh build/dev/bulwark build/release/bulwark
# ... and back its heap with huge pages (a scan's page faults cut about 15-fold; see docs/performance.md).
scripts/check-page-faults.sh build/release/bulwark

fuzz_seconds=${BULWARK_FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" -gt 0 ]; then
  scripts/fuzz.sh "$fuzz_seconds"
fi
echo "scripts/test.sh: all tests passed"
