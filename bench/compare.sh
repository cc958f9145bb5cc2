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
execlist=$work/execlist
cc -O2 -o "$execlist" bench/execlist.c
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg); bulwark rules: $("$bulwark" rules --format json | grep -c '"id"')"

# measure NAME LIST CMD_NAME MAX_STATUS PREFIX [CMD_NAME MAX_STATUS PREFIX ...]: hyperfine runs each
# PREFIX (a command and its options, split at spaces) followed by every file of LIST, through
# bench/execlist.c, which reads LIST and execs the tool: no shell runs around the tool (-N), so the
# figures are the tools' own. (Until 2026-12-02 each ran under `bash -c 'mapfile -t F < LIST; ...'`,
# whose expansion of the 2,500 paths added about 20 ms of CPU to every tool's figure, a sixth of
# bulwark's.) Each command runs once first and must exit with at most MAX_STATUS; then one table row
# per command, peak memory from GNU time. Sets mean_0, cpu_0, mean_1 ... (seconds).
measure() {
  local name=$1 list=$2
  shift 2
  local files bytes
  files=$(wc -l < "$list")
  bytes=$(tr '\n' '\0' < "$list" | xargs -0 cat | wc -c)
  local -a F
  mapfile -t F < "$list"
  local args=() prefixes=()
  while [ $# -gt 0 ]; do
    local status=0 prefix
    read -r -a prefix <<< "$3"
    "${prefix[@]}" "${F[@]}" >/dev/null 2>&1 || status=$?
    if [ "$status" -gt "$2" ]; then
      echo "compare.sh: $1 exited with status $status (at most $2 expected)" >&2
      exit 1
    fi
    args+=(-n "$1" "$execlist $list $3")
    prefixes+=("$3")
    shift 3
  done
  echo
  echo "== $name: $files files, $bytes bytes"
  # -i: the exit statuses were checked above (bulwark exits 2 on the corpus's few invalid files,
  # the peers exit with their issue counts).
  hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/$name.json" "${args[@]}" > "$work/$name.out"
  grep -v -e 'Ignoring non-zero exit code' -e '^ *$' "$work/$name.out" || true
  echo
  echo "| $name | mean s | CPU s (user+sys) | files/s | MB/s | files/CPU s | peak RSS MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for i in "${!prefixes[@]}"; do
    local tool mean cpu rss prefix
    tool=$(python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][$i]['command'])")
    mean=$(python3 -c "import json;print(json.load(open('$work/$name.json'))['results'][$i]['mean'])")
    # CPU time does not grow with other processes' load as wall time does.
    cpu=$(python3 -c "import json;r=json.load(open('$work/$name.json'))['results'][$i];print(r['user']+r['system'])")
    read -r -a prefix <<< "${prefixes[$i]}"
    rss=$({ /usr/bin/time -f "%M" "${prefix[@]}" "${F[@]}" || true; } 2>&1 >/dev/null | tail -n 1)
    printf -v "mean_$i" '%s' "$mean"
    printf -v "cpu_$i" '%s' "$cpu"
    python3 -c "m=$mean; c=$cpu; print(f'| $tool | {m:.3f} | {c:.3f} | {$files/m:.0f} | {$bytes/m/1e6:.2f} | {$files/c:.0f} | {$rss/1024:.1f} |')"
  done
}

# Exit 2 is expected from bulwark: a few corpus files are really invalid (tests/unit/test_corpus.cpp).
b1="$bulwark scan -j 1 --fail-on none --format json"
bn="$bulwark scan --fail-on none --format json"
# dockerfilelint exits with its issue count: any status is fine once its output is checked below.
dfl="bench/node_modules/.bin/dockerfilelint -o json"

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

# The last row is bulwark's floor: reading, parsing and the BuildKit analysis (stages, values, the
# shell parse of every RUN) with one cheap rule and so no secret or build-context scan.
measure dockerfiles-common "$ok" "bulwark -j1" 2 "$b1" "bulwark -j$(nproc)" 2 "$bn" "dockerfilelint 1.8.0" 255 "$dfl" \
  "bulwark -j1 --only BD001" 2 "$b1 --only BD001"
python3 -c "print(f'\nSame files, bulwark -j1 vs dockerfilelint 1.8.0 (one core each): {$mean_2/$mean_0:.1f}x the throughput by wall time, {$cpu_2/$cpu_0:.1f}x by CPU time')"
python3 -c "print(f'bulwark -j1 --only BD001 (parse and analysis, one rule): {$cpu_3:.3f} s of CPU, {$cpu_3/$cpu_0:.0%} of the full run; 20x dockerfilelint by CPU time would be {$cpu_2/20:.3f} s for everything')"
measure dockerfiles-all "$all" "bulwark -j1" 2 "$b1" "bulwark -j$(nproc)" 2 "$bn"

if [ "${BULWARK_SKIP_COMPOSE:-0}" != 1 ]; then
  find "$shared/corpus/compose" -type f | sort > "$work/compose.list"
  measure compose "$work/compose.list" \
    "bulwark -j1" 2 "$bulwark scan -j 1 --kind compose --fail-on none --format json" \
    "bulwark -j$(nproc)" 2 "$bulwark scan --kind compose --fail-on none --format json" \
    "dclint 3.1.0" 255 "bench/node_modules/.bin/dclint -f json"
  python3 -c "print(f'\nCompose, bulwark -j1 vs dclint 3.1.0: {$mean_2/$mean_0:.1f}x by wall time, {$cpu_2/$cpu_0:.1f}x by CPU time')"
fi
