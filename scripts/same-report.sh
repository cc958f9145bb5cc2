#!/usr/bin/env bash
# Checks that two bulwark binaries (e.g. the sanitized dev build and the optimised release build, which
# links mimalloc) write byte-identical JSON reports over examples/ and, when present, every Dockerfile
# of the shared corpus ($BULWARK_SHARED_DIR, default ../shared).
# Usage: scripts/same-report.sh BULWARK_A BULWARK_B
set -euo pipefail
cd "$(dirname "$0")/.."
a=$1
b=$2
shared=${BULWARK_SHARED_DIR:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Exit codes 0-2 are reports (2: a corpus file is really invalid); anything else is a failure.
report() {
  local bin=$1 out=$2
  shift 2
  local rc=0
  "$bin" scan --today 2026-12-01 --fail-on none --format json "$@" > "$out" 2>/dev/null || rc=$?
  if [ "$rc" -gt 2 ]; then
    echo "same-report: $bin exited $rc" >&2
    exit 1
  fi
}

compare() {
  local name=$1
  shift
  report "$a" "$work/a.json" "$@"
  report "$b" "$work/b.json" "$@"
  if ! cmp -s "$work/a.json" "$work/b.json"; then
    echo "same-report: $a and $b differ on $name:" >&2
    diff "$work/a.json" "$work/b.json" | head -20 >&2
    exit 1
  fi
  echo "same-report: $name: identical ($(wc -c < "$work/a.json") bytes)"
}

compare examples examples
if [ -d "$shared/corpus/dockerfiles" ]; then
  mapfile -t files < <(find "$shared/corpus/dockerfiles" -type f | sort)
  compare "${#files[@]} corpus Dockerfiles" -j 2 "${files[@]}"
fi
