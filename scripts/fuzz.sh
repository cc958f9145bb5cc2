#!/usr/bin/env bash
# Builds the libFuzzer targets (preset fuzz, clang 14) and runs each for N seconds (default 60),
# seeded from tests/fuzz/seeds/<target>/ and the shared corpus. A crash fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shared=${BULWARK_SHARED_DIR:-../shared}
for bin in build/fuzz/tests/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  corpus="$work/$name"
  mkdir -p "$corpus"
  if [ -d "tests/fuzz/seeds/$name" ]; then
    cp -r "tests/fuzz/seeds/$name/." "$corpus/"
  fi
  if [ "$name" = fuzz_dockerfile ] && [ -d "$shared/corpus/dockerfiles" ]; then
    # (process substitution: `find | head` would fail the script under pipefail when head exits first)
    mapfile -t seeds < <(find "$shared/corpus/dockerfiles" -type f | sort | head -n 300)
    for f in "${seeds[@]}"; do cp "$f" "$corpus/$(echo "$f" | md5sum | cut -c1-16)"; done
  fi
  echo "== $name: ${seconds}s"
  "$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/" 2>&1 | tail -n 12
done
