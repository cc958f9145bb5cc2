#!/usr/bin/env bash
# Side-by-side: bulwark (release build) against peers on the shared corpora, every file given in one
# invocation, measured in the same run with hyperfine; peak memory with GNU time.
#   Dockerfiles: bulwark scan vs dockerfilelint, on the files dockerfilelint can lint (its CLI stops
#                at the first file its rules crash on: bench/dockerfilelint_filter.js finds them),
#                and bulwark alone on the whole corpus
#   Compose files (861): bulwark scan --kind compose vs dclint (skipped with BULWARK_SKIP_COMPOSE=1)
# Usage: bench/compare.sh [RUNS]   (needs scripts/install-deps.sh; installs hyperfine, npm, time)
# BULWARK_BUILD_DIR picks the release build directory (default build/release); BULWARK_SKIP_BUILD=1
# measures the binary already there.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shared=${BULWARK_SHARED_DIR:-../shared}
build=${BULWARK_BUILD_DIR:-build/release}
bulwark=$build/bulwark

# Peers and the timer come from Debian (hyperfine, npm, time) and the npm registry (dockerfilelint,
# dclint, pinned in bench/package-lock.json); none of them is part of the product.
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
for tool in hyperfine npm; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool"
done
[ -x bench/node_modules/.bin/dclint ] || (cd bench && npm ci --no-audit --no-fund >/dev/null)
if [ "${BULWARK_SKIP_BUILD:-0}" != 1 ]; then
  cmake --preset release -B "$build" >/dev/null && cmake --build "$build" --target bulwark >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); bulwark rules: $("$bulwark" rules --format json | grep -c '"id"')"

peak() { /usr/bin/time -f "%M" bash -c "$1" 2>&1 >/dev/null | tail -n 1; }

# measure NAME LIST CMD_NAME CMD [CMD_NAME CMD ...]: hyperfine over commands reading the list as $F,
# then one table row per command. Sets mean_0, mean_1 ... (seconds).
measure() {
  local name=$1 list=$2
  shift 2
  local files bytes
  files=$(wc -l < "$list")
  bytes=$(tr '\n' '\0' < "$list" | xargs -0 cat | wc -c)
  local args=() cmds=() i=0
  while [ $# -gt 0 ]; do
    local cmd="mapfile -t F < $list; $2"
    args+=(-n "$1" "$cmd")
    cmds+=("$cmd")
    shift 2
  done
  echo
  echo "== $name: $files files, $bytes bytes"
  hyperfine --shell bash --warmup 1 --runs "$runs" --export-json "$work/$name.json" "${args[@]}"
  echo
  echo "| $name | mean s | CPU s (user+sys) | files/s | MB/s | files/CPU s | peak RSS MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for i in "${!cmds[@]}"; do
    local tool mean cpu rss
    tool=$(python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][$i]['command'])")
    mean=$(python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][$i]['mean'])")
    # CPU time does not grow with other processes' load as wall time does.
    cpu=$(python3 -c "import json;r=json.load(open('$work/$name.json'))['results'][$i];print(r['user']+r['system'])")
    rss=$(peak "${cmds[$i]}")
    printf -v "mean_$i" '%s' "$mean"
    printf -v "cpu_$i" '%s' "$cpu"
    python3 -c "m=$mean; c=$cpu; print(f'| $tool | {m:.3f} | {c:.3f} | {$files/m:.0f} | {$bytes/m/1e6:.2f} | {$files/c:.0f} | {$rss/1024:.1f} |')"
  done
}

# Exit 2 is expected from bulwark: a few corpus files are really invalid (tests/unit/test_corpus.cpp).
b1="$bulwark scan -j 1 --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]"
bn="$bulwark scan --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]"
# dockerfilelint exits with its issue count: any status is fine once its output is checked below.
dfl='bench/node_modules/.bin/dockerfilelint -o json "${F[@]}" >/dev/null 2>&1 || true'

all="$work/dockerfiles.list"
ok="$work/dockerfiles-dfl.list"
find "$shared/corpus/dockerfiles" -type f | sort > "$all"
echo
node bench/dockerfilelint_filter.js < "$all" > "$ok"

# dockerfilelint must really lint every file of the list: complete JSON, one report per file.
mapfile -t F < "$ok"
bench/node_modules/.bin/dockerfilelint -o json "${F[@]}" > "$work/dfl.json" 2>"$work/dfl.err" || true
python3 - "$work/dfl.json" "$ok" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
files = [line.rstrip("\n") for line in open(sys.argv[2])]
got = [f["file"] for f in report["files"]]
if got != files:
    sys.exit(f"dockerfilelint reported {len(got)} files of {len(files)}: the comparison would be wrong")
print(f"dockerfilelint output checked: {len(got)} file reports, {report['totalIssues']} issues")
EOF

measure dockerfiles-common "$ok" "bulwark -j1" "$b1" "bulwark -j$(nproc)" "$bn" "dockerfilelint 1.8.0" "$dfl"
python3 -c "print(f'\nSame files, bulwark -j1 vs dockerfilelint 1.8.0 (one core each): {$mean_2/$mean_0:.1f}x the throughput by wall time, {$cpu_2/$cpu_0:.1f}x by CPU time')"
measure dockerfiles-all "$all" "bulwark -j1" "$b1" "bulwark -j$(nproc)" "$bn"

if [ "${BULWARK_SKIP_COMPOSE:-0}" != 1 ]; then
  find "$shared/corpus/compose" -type f | sort > "$work/compose.list"
  measure compose "$work/compose.list" \
    "bulwark -j1" "$bulwark scan -j 1 --kind compose --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]" \
    "bulwark -j$(nproc)" "$bulwark scan --kind compose --fail-on none --format json \"\${F[@]}\" >/dev/null; [ \$? -le 2 ]" \
    "dclint 3.1.0" 'bench/node_modules/.bin/dclint -f json "${F[@]}" >/dev/null 2>&1 || true'
  python3 -c "print(f'\nCompose, bulwark -j1 vs dclint 3.1.0: {$mean_2/$mean_0:.1f}x by wall time, {$cpu_2/$cpu_0:.1f}x by CPU time')"
fi
