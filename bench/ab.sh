#!/usr/bin/env bash
# A/B of two bulwark binaries on the Dockerfile corpus, one core: RUNS alternating runs of each,
# CPU time from `perf stat -e task-clock`, then the median, 25th percentile, min and max per binary.
# Alternating runs see the same machine load, so their medians compare where single runs (which move
# by a third on a shared virtual machine) do not.
# Usage: bench/ab.sh RUNS BIN_A BIN_B   (needs perf: linux-perf; BULWARK_SHARED_DIR as compare.sh)
set -euo pipefail
runs=$1 a=$2 b=$3
shared=${BULWARK_SHARED_DIR:-$(dirname "$0")/../../shared}
command -v perf >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf
mapfile -t F < <(find "$shared/corpus/dockerfiles" -type f | sort)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for _ in $(seq "$runs"); do
  for bin in "$a" "$b"; do
    # bulwark exits 2 on the corpus's few invalid files: the status is not the measure.
    ms=$({ perf stat -x, -e task-clock "$bin" scan -j1 --fail-on none --format json "${F[@]}" || true; } \
      2>&1 >/dev/null | grep task-clock | cut -d, -f1)
    echo "$bin $ms" >> "$out"
  done
done
python3 - "$out" "$a" "$b" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    bin, ms = line.rsplit(" ", 1)
    runs.setdefault(bin, []).append(float(ms))
for bin in sys.argv[2:]:
    v = sorted(runs[bin])
    print(f"{bin}: {len(v)} runs, CPU ms median {statistics.median(v):.1f}, 25th percentile "
          f"{v[len(v) // 4]:.1f}, min {v[0]:.1f}, max {v[-1]:.1f}")
PY
